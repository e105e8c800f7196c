"""Printing: receipt layouts to ESC/POS raster, A4 forms to PDF, printer connections."""
