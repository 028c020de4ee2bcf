"""Commune codes of every vintage -> today's commune.

Programme lists follow the COG of their year, and some carry codes that are not communes of
today's table: the municipal arrondissements of Paris, Lyon and Marseille (``75112``, ``69388``,
``13213``) and the codes of communes associated with, delegated to or merged into another
(``93059`` Pierrefitte-sur-Seine -> ``93066`` Saint-Denis). They count for today's commune:
- arrondissements: INSEE's COG lists 45 municipal arrondissements (Paris 75101-75120,
  Lyon 69381-69389, Marseille 13201-13216), unchanged since 1982;
- associated and delegated communes: geo.api.gouv.fr ``/communes_associees_deleguees``
  (API Découpage administratif, from INSEE's COG: ``code``, ``type``, ``chefLieu``).
A code that maps to nothing is counted and named by the caller, never dropped silently.
Published codes that lost their leading zero (``6088``) are padded first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

UNPLACED = "dep:"  # key prefix of ids whose commune code maps to no commune of today ("dep:36"; "dep:" unknown)

ARRONDISSEMENTS = {"75056": range(75101, 75121), "69123": range(69381, 69390), "13055": range(13201, 13217)}


def padded_code(code: str) -> str:
    """``6088`` -> ``06088`` (spreadsheets drop leading zeros); other codes unchanged."""
    code = (code or "").strip()
    return code.zfill(5) if code.isdigit() and len(code) == 4 else code


def padded_departement(code: str) -> str:
    """``6`` -> ``06``."""
    code = (code or "").strip()
    return code.zfill(2) if code.isdigit() and len(code) == 1 else code


@dataclass
class CommuneCodes:
    """Maps any commune code of any vintage to today's commune code (or None)."""

    current: frozenset
    former: dict = field(default_factory=dict)  # former code -> chef-lieu code

    @classmethod
    def build(cls, current_codes: Iterable[str], associated: Iterable[Mapping[str, str]] | None = ()) -> CommuneCodes:
        """``associated``: geo.api's list of associated and delegated communes (dicts)."""
        former = {str(number): parent for parent, numbers in ARRONDISSEMENTS.items() for number in numbers}
        for entry in associated or ():
            code, parent = entry.get("code"), entry.get("chefLieu")
            if code and parent and code != parent:
                former.setdefault(code, parent)
        return cls(frozenset(current_codes), former)

    def today(self, code: str) -> str | None:
        """Today's commune code for ``code``, or None when it maps to nothing."""
        found: str | None = padded_code(code)
        for _step in range(4):  # a chef-lieu may itself have merged since
            if found in self.current:
                return found
            found = self.former.get(found)
            if found is None:
                return None
        return None


class CodeTally:
    """Counts the codes of one file that map to nothing, to report them."""

    def __init__(self, codes: CommuneCodes):
        self.codes = codes
        self.unmapped: Counter[str] = Counter()
        self.remapped = 0

    def today(self, code: str) -> str | None:
        found = self.codes.today(code)
        if found is None:
            self.unmapped[code] += 1
        elif found != code:
            self.remapped += 1
        return found

    def today_all(self, codes: Iterable[str]) -> list[str]:
        """Today's codes for a list of published codes (unknown ones counted, left out)."""
        return list(dict.fromkeys(c for c in (self.today(code) for code in codes) if c is not None))

    def summary(self) -> str:
        """``36999 (2), 99999`` — the unmapped codes, most frequent first."""
        return ", ".join(f"{code} ({n})" if n > 1 else code for code, n in self.unmapped.most_common())
