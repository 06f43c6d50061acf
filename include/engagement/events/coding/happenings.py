"""One attack reported several ways in one article is one happening: "हमला बोला" (190) in the
headline and "drone and missile attack" (195) in the body must not count as two events, so an
article's mentions of force by the same side on the same side at the same date share one CAMEO
code, the first specific one reported (codebook §1: one happening, one event)."""

from __future__ import annotations

from dataclasses import replace

from engagement.events.coding import timing
from engagement.events.coding.model import EventMention

_FORCE_ROOT = "19"
_GENERIC_FORCE = "190"


def one_code_per_attack(events: list[EventMention], code_fields) -> list[EventMention]:
    """``events`` with the force mentions of one pair, direction and date given one code: the
    first specific one (not 190) among them, else 190. ``code_fields`` maps a CAMEO code to the
    columns a mention takes from it."""
    chosen: dict[tuple, str] = {}
    for event in events:
        if event.root == _FORCE_ROOT:
            key = _attack_key(event)
            if key not in chosen or chosen[key] == _GENERIC_FORCE:
                chosen[key] = event.cameo
    return [
        replace(event, **code_fields(chosen[_attack_key(event)]))
        if event.root == _FORCE_ROOT and event.cameo != chosen[_attack_key(event)]
        else event
        for event in events
    ]


def _attack_key(event: EventMention) -> tuple:
    when = (event.event_date, event.event_date_end, event.date_basis == timing.BACKGROUND.basis)
    return (event.actor1, event.actor2, event.source, event.target, *when)
