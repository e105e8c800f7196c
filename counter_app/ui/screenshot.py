"""`counter-app gui --screenshot OUT.png --page NAME`: one page rendered offscreen, for people.

The page is shown signed in as the first user whose role sees it (or `--user`), WITHOUT a
password: this path exists only here, never in the window's normal start.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.errors import InvalidInput, StorageError
from counter_app.ui.context import AppContext
from counter_app.ui.pages import PAGES, page_spec
from counter_app.ui.qt import QApplication, QLineEdit
from counter_app.ui.window import CounterWindow
from counter_app.ui.worker import Worker

if TYPE_CHECKING:
    from counter_app.config import Settings

ALIASES = {"signin": "login", "dossier": "dossiers", "return": "returns", "report": "reports"}


def page_names() -> list[str]:
    return ["login", *(p.id for p in PAGES)]


def take_screenshot(
    db_url: str,
    out: str | Path,
    page: str,
    size: tuple[int, int],
    *,
    settings: Settings,
    username: str | None = None,
    find: str = "",
) -> Path:
    """Render `page` at `size` and save it as PNG at `out`; return the path.

    Raises InvalidInput for an unknown page or a user who does not see it, StorageError if the
    file cannot be written, and what opening the database raises."""
    from counter_app.services.desks import center_name, get_desk, list_desks, user_for_roles
    from counter_app.services.setup import open_database

    name = ALIASES.get(page, page)
    if name not in page_names():
        raise InvalidInput(
            f"Không có trang {page!r} (có: {', '.join(page_names())}) / No such page"
        )
    out = Path(out)
    db = open_database(db_url)
    worker = Worker(inline=True)
    window: CounterWindow | None = None
    try:
        desks = list_desks(db)
        number = (
            settings.desk if settings.desk is not None else (desks[0].number if desks else None)
        )
        shot_settings = replace(settings, desk=number)  # never saved
        window = CounterWindow(
            db_url=db_url,
            settings=shot_settings,
            worker=worker,
            username=username or "",
            idle_minutes=0,
        )
        window.resize(*size)
        if name == "login":
            window.start()
        else:
            spec = page_spec(name)
            assert spec is not None
            user = user_for_roles(db, spec.roles, username)
            if not spec.roles & user.roles:
                raise InvalidInput(
                    f"Người dùng {user.username} không thấy trang {name} / "
                    f"User {user.username} does not see page {name}"
                )
            desk_no = number
            desk = next((d for d in desks if d.id == user.desk_id), None)
            if desk is None and desk_no is not None:
                desk = get_desk(db, desk_no)
            ctx = AppContext(
                db=db,
                settings=shot_settings,
                user=user,
                desk=desk,
                worker=worker,
                center_name=center_name(db),
                idle_minutes=0,
            )
            shell = window.open_shell(ctx)
            shown = shell.show_page(name)
            if find and shown is not None and shown.focus_search():
                focus = shown.focusWidget()
                edit = focus if isinstance(focus, QLineEdit) else shown.findChild(QLineEdit)
                if edit is not None:
                    edit.setText(find)
                    edit.returnPressed.emit()
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        worker.wait_idle()
        pixmap = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not pixmap.save(str(out), "PNG"):
            raise StorageError(f"Không ghi được ảnh {out} / Cannot write the image {out}")
        return out
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        if window is not None and window.db is not None and window.db is not db:
            window.db.dispose()
        db.dispose()
