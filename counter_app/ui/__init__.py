"""The desk window (PySide6): screens, pages, workers. No SQL and no business rule here.

Qt is imported only through `counter_app.ui.qt`. Start: `counter_app.ui.app.run_gui`.
"""
