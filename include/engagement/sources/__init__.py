"""News sources: configuration, fetching into the raw landing zone, and reading it back."""

from engagement.sources.config import Source, SourceConfigError, list_sources, load_sources
from engagement.sources.fetch import fetch_source

__all__ = ["Source", "SourceConfigError", "fetch_source", "list_sources", "load_sources"]
