"""Sync conflicts: listing one dossier's conflicts (what the review dialog waits for) and settling
one, against a real PostgreSQL center that holds many unsettled conflicts.

Desk 1 receives N dossiers; both desks sync; then each desk changes the notes and the phone of
every dossier without seeing the other's change, and both sync again: 2·N conflicts wait at the
center (a center that has not looked at its conflicts for a long time). Then:
(a) one dossier's conflicts, as the dialog loads them, for 200 dossiers;
(b) settling them: keep the value in use or put the set-aside one back, alternately;
(c) every desk's list of all unsettled conflicts, once (the command line's `conflicts list`).

    .venv/bin/python bench/bench_conflicts.py [N]

N defaults to 2000. The server is COUNTER_APP_TEST_PG (default
postgresql://postgres@127.0.0.1:5432/postgres); a scratch central database is created and
dropped.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench_sync import figures, joined_desk, make_dossiers, scratch_center
from sqlalchemy import select

from counter_app.db import Database
from counter_app.models import Dossier
from counter_app.services.conflicts import list_conflicts, resolve_conflict
from counter_app.services.recording import add_outbox
from counter_app.services.sync import client_for, sync_once
from counter_app.services.sync.link import CenterLink

SAMPLE = 200


def edit_all(db: Database, notes: str, phone: str) -> None:
    """Change two fields of every dossier the way a service does (row and op together)."""
    with db.write() as session:
        for d in session.scalars(select(Dossier)):
            base = d.server_version
            d.notes, d.applicant_phone = notes, phone
            add_outbox(session, d, "update", fields={"notes", "applicant_phone"}, base_version=base)


def sync(db: Database) -> None:
    with client_for(db) as client:
        report = sync_once(db, client)
    assert not report.push.gap and report.push.quarantined == 0, report


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with scratch_center() as center, tempfile.TemporaryDirectory() as tmp:
        one, actor = joined_desk(center, 1, Path(tmp))
        two, _ = joined_desk(center, 2, Path(tmp))
        t0 = time.perf_counter()
        make_dossiers(one, actor, n)
        sync(one)
        sync(two)
        edit_all(one, "Hẹn bổ sung bản sao", "0912000111")
        edit_all(two, "Đã nhận đủ bản sao", "0987000222")
        sync(one)
        sync(two)
        print(f"{n} dossiers, {2 * n} conflicts made in {time.perf_counter() - t0:.1f} s")
        with one.read() as session:
            ids = list(session.scalars(select(Dossier.id).order_by(Dossier.code).limit(SAMPLE)))
        link = CenterLink(client_for(one))
        list_conflicts(one, link, dossier_id=ids[0])  # connect: the figures are of calls

        listed, found = [], []
        for dossier_id in ids:
            t0 = time.perf_counter()
            found.append(list_conflicts(one, link, dossier_id=dossier_id))
            listed.append((time.perf_counter() - t0) * 1000)
        assert all(len(f) == 2 for f in found)
        print(f"(a) one dossier's conflicts, {2 * n} open: {figures(listed, 'ms')}")

        settled = []
        for k, pair in enumerate(found):
            for c in pair:
                t0 = time.perf_counter()
                resolve_conflict(one, link, c.id, "desk" if k % 2 else "center", actor)
                settled.append((time.perf_counter() - t0) * 1000)
        print(f"(b) settle one (center write + desk row + audit): {figures(settled, 'ms')}")

        t0 = time.perf_counter()
        everything = list_conflicts(one, link)
        took = (time.perf_counter() - t0) * 1000
        print(f"(c) all {len(everything)} unsettled conflicts listed in {took:.0f} ms")
        link.close()
        one.dispose()
        two.dispose()


if __name__ == "__main__":
    main()
