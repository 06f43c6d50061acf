"""Code engagement events from one article's sentences and entity mentions.

A trigger word (talks, visit, phone call, condemn ...) opens an event; its actors are the
countries behind the government mentions around it (persons through their office on the
article's date, role phrases, ministries, capitals standing for governments, country names),
never a country that is only the venue. Each event mention carries its own date (from the
sentence's date expressions, else from context or the publication date), status (held, ongoing,
planned, cancelled) and the sentence it came from, so every number downstream is traceable.
Negated and hypothetical statements give no event: we prefer missing an event to inventing one.

The steps, one module each: ``triggers`` (what opens an event and what blocks it), ``actors``
(who takes part, in which direction), ``timing`` (date and status), ``context`` (location,
forum, level, topics) and ``coder`` (the event model, sentence by sentence). ``resources``
holds what they know, built once from ``Settings``; ``sentence`` the per-sentence context.
"""

from engagement.events.coding.coder import EventCoder
from engagement.events.coding.model import EventMention
from engagement.events.coding.resources import CodingResources

__all__ = ["CodingResources", "EventCoder", "EventMention"]
