"""The study side: bank → session → reviews → history.

It starts fast: it never imports spaCy or the generator (the import contracts keep it so).
"""
