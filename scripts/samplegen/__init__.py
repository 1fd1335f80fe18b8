"""The sample generator: real PDF and HTML documents made from specs (specs_*.py), and their gold.

Layers, each importing only those above it in this list: fonts, text, damage, poppler, specs_*,
layout, gold, render_reportlab, render_fpdf, render_html, render_browser, render_office, scan,
other_kinds, render_tables, genres, bad_inputs, main. scripts/make_samples.py is the entry point.
"""
