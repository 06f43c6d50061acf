"""Bilateral diplomatic-engagement metrics from Hindi and English news.

The package runs without Airflow: each pipeline stage is a module named after it
(ingest, clean, extract_entities, detect_events, aggregate, check, publish) that
reads the previous stage's Parquet files for one day and writes its own.
"""

__version__ = "0.1.0"
