"""Knowledge base of countries, places, organisations and office-holders (CSV data + loader)."""

from engagement.kb.loader import build_kb, load_kb
from engagement.kb.model import (
    Alias,
    Country,
    KnowledgeBase,
    Office,
    Organisation,
    Person,
    Place,
    RolePhrase,
    ShortName,
)

__all__ = [
    "Alias",
    "Country",
    "KnowledgeBase",
    "Office",
    "Organisation",
    "Person",
    "Place",
    "RolePhrase",
    "ShortName",
    "build_kb",
    "load_kb",
]
