"""The DuckDB warehouse: versioned schema, day-partition loading, event clustering, reference data.

Schema ``core`` holds the tables (one partition per ``day`` for the stage outputs, ``events``
rebuilt from all days), schema ``reporting`` the views BI users query, ``main`` only the
migration ledger. See ``docs/warehouse.md``.
"""
