"""Offline gazetteer: an index built from GeoNames-derived package data plus curated files.

``build`` makes the compact index shipped in ``newsevents/data/gazetteer``; ``loading`` reads
it (once) together with the curated data files; ``lookup`` finds names in text;
``disambiguation`` picks one candidate per name; ``phrases`` widens a match to the relative,
administrative or natural-feature phrase around it.
"""
