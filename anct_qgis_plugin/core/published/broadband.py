"""Fixed broadband by commune (Arcep, Ma connexion internet): premises counts, never shares, so that
a territory's figure is summed from its communes' counts (an average of shares would weigh a hamlet
like a city).

Two files of one edition (../shared/docs/data-sources.md, "Fixed broadband"; the live headers in
Enerlens/gods-eye-view@93817cdf34ecdf98153e31f51d56275fd767c2cc src/data/fixtures/arcep-mci-2026t1-*-sample.csv,
the traps in src/data/arcepFeed.js @773968879fa3ea5fb9832c3248cd934be57d23a7):
- ``commune_meilleure_techno_thd.csv``: each premises under its best technology; ``elig_ftth`` of ``nbr``;
- ``commune_debit_filaire.csv``: wired offers only, cumulative thresholds; premises without a wired offer
  of 30 Mbit/s or more are ``nbr - elig_thd30`` (``commune_debit.csv`` counts satellite: never read).
``code_insee`` stays text; rows of a ``type`` other than ``all`` are not read; names are damaged in these
files (taken from the commune table instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .commune_codes import CodeTally
from .parsers import read_csv, resolve_columns

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .commune_codes import CommuneCodes

BEST_COLUMNS = {"code_insee": ("code_insee",), "nbr": ("nbr",), "elig_ftth": ("elig_ftth",), "date": ("date",)}
WIRED_COLUMNS = {"code_insee": ("code_insee",), "nbr": ("nbr",), "elig_thd30": ("elig_thd30",)}


@dataclass
class Premises:
    """One commune's (or one area's) premises: all, eligible to FTTH, without a wired offer ≥ 30 Mbit/s."""

    premises: int = 0
    ftth: int = 0
    wired_premises: int = 0  # the wired file's own count of premises (the base of its thresholds)
    without_wired_30: int = 0
    date: str = ""

    def add(self, other: Premises) -> None:
        self.premises += other.premises
        self.ftth += other.ftth
        self.wired_premises += other.wired_premises
        self.without_wired_30 += other.without_wired_30
        self.date = self.date or other.date

    @property
    def ftth_share(self) -> float | None:
        return round(100.0 * self.ftth / self.premises, 1) if self.premises else None

    @property
    def without_wired_30_share(self) -> float | None:
        return round(100.0 * self.without_wired_30 / self.wired_premises, 1) if self.wired_premises else None


def _rows(path: str, source_id: str, wanted: Mapping[str, tuple[str, ...]]) -> list[dict[str, str]]:
    table = read_csv(path, source_id, {**wanted, "type": ("type",)})
    columns = resolve_columns(table.columns, {**wanted, "type": ("type",)}, path, source_id)
    at = {name: table.columns.index(column) for name, column in columns.items()}
    return [{name: row[i] for name, i in at.items()} for row in table.rows if row[at["type"]] in ("all", "")]


def _count(value: str) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def read_premises(
    best_path: str, wired_path: str, codes: CommuneCodes, source_id: str
) -> tuple[dict[str, Premises], CodeTally]:
    """Today's commune code -> its Premises (rows of former codes added to today's commune), and the
    tally of codes that map to no commune of today."""
    tally = CodeTally(codes)
    premises: dict[str, Premises] = {}
    for row in _rows(best_path, source_id, BEST_COLUMNS):
        code = tally.today(row["code_insee"])
        if code is not None:
            premises.setdefault(code, Premises()).add(
                Premises(_count(row["nbr"]), _count(row["elig_ftth"]), date=row["date"])
            )
    for row in _rows(wired_path, source_id, WIRED_COLUMNS):
        code = tally.today(row["code_insee"])
        if code is not None:
            wired = _count(row["nbr"])
            premises.setdefault(code, Premises()).add(
                Premises(wired_premises=wired, without_wired_30=max(0, wired - _count(row["elig_thd30"])))
            )
    return premises, tally


def total(premises: Mapping[str, Premises], communes: list[str]) -> Premises:
    """The premises of an area: its communes' counts summed."""
    area = Premises()
    for code in communes:
        if code in premises:
            area.add(premises[code])
    return area


def total_of(premises: Mapping[str, Premises], communes: list[str] | None) -> Premises:
    """``total`` over the given communes, or over every commune (None: France)."""
    return total(premises, list(premises) if communes is None else communes)
