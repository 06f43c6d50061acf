"""Regenerate ``include/engagement/kb/data/countries.csv`` from CLDR (babel) and ISO 3166 (pycountry).

Generated rather than typed so that the 249 official names (and Kosovo's, CLDR's ``XK``) stay
exactly CLDR's; hand-curated variants belong in ``country_aliases.csv``. Usage: ``python scripts/build_countries.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
from babel import Locale

USER_ASSIGNED = {"XK": "XKX"}
OUTPUT = (
    Path(__file__).resolve().parents[1] / "include" / "engagement" / "kb" / "data" / "countries.csv"
)


def country_rows() -> list[dict[str, str]]:
    """One row per ISO 3166-1 country, names from CLDR (English falls back to ISO's name)."""
    names_en = Locale("en").territories
    names_hi = Locale("hi").territories
    rows = [
        {
            "iso3": country.alpha_3,
            "iso2": country.alpha_2,
            "name_en": names_en.get(country.alpha_2, country.name),
            "name_hi": names_hi.get(country.alpha_2, ""),
        }
        for country in pycountry.countries
    ]
    # Territories CLDR names that ISO 3166-1 has not assigned, with the user-assigned codes the
    # EU, the IMF and the World Bank use: Kosovo's relations with Serbia are news of their own.
    rows += [
        {"iso3": iso3, "iso2": iso2, "name_en": names_en[iso2], "name_hi": names_hi.get(iso2, "")}
        for iso2, iso3 in USER_ASSIGNED.items()
    ]
    return sorted(rows, key=lambda row: row["iso3"])


def main() -> None:
    rows = country_rows()
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["iso3", "iso2", "name_en", "name_hi"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUTPUT}")


if __name__ == "__main__":
    main()
