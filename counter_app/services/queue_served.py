"""Which dossier a ticket's citizen came for: the first dossier received, returned or opened
for change at the desk while it serves the ticket becomes the ticket's `dossier_id`, so the
queue's history says what each visit was for and a dossier shows how long its citizen waited.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from counter_app.db import Database
from counter_app.domain.text import nfc
from counter_app.models import Dossier, QueueTicket
from counter_app.models.base import utcnow
from counter_app.services.recording import Actor, add_outbox


def link_served_dossier(
    db: Database, ticket_id: str, code: str, actor: Actor, *, at: datetime | None = None
) -> bool:
    """Record dossier `code` as what ticket `ticket_id` came for; return whether it was
    recorded. Nothing changes (False) unless the ticket is being served at the actor's desk
    and has no dossier yet (a citizen with two dossiers keeps the first), or when the code
    is unknown here."""
    with db.write() as session:
        t = session.get(QueueTicket, ticket_id)
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == nfc(code)))
        if t is None or dossier_id is None or t.dossier_id is not None:
            return False
        if t.state != "serving" or (actor.desk_id and t.desk_id != actor.desk_id):
            return False
        t.dossier_id = dossier_id
        t.updated_at = at or utcnow()
        add_outbox(session, t, "update", fields={"dossier_id"}, base_version=t.server_version)
        return True
