"""Scanning: sources, page clean-up, barcode reading, one PDF per document, batch split.

No database here (DESIGN.md, Layers): `counter_app.services.scans` stores what this produces.
"""
