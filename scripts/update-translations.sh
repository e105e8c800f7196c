#!/usr/bin/env bash
# Collect the window's texts into the English Linguist file (new ones come in "unfinished";
# tests/gui/test_gui_i18n.py fails until each is translated). Run from the project folder.
set -euo pipefail
.venv/bin/pyside6-lupdate -locations none -no-obsolete $(find counter_app/ui -name '*.py' | sort) \
    -ts resources/translations/counter_app_en.ts
