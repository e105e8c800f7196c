"""Small web pages the center serves on its own network (no Qt, no SQL)."""
