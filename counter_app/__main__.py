"""`python -m counter_app` runs the `counter-app` command."""

from counter_app.cli import main

raise SystemExit(main())
