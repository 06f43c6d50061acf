"""Knowledge base of countries, places, organisations and office-holders (CSV data + loader).

Load it with :func:`engagement.kb.loader.load_kb`; the types are in :mod:`engagement.kb.model`.
"""
