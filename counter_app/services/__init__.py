"""Use cases over the database: each is one transaction that writes its audit and outbox rows."""
