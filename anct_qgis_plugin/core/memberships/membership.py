"""A programme's membership by commune: what tables.py reads from a list and cross_table.py from
ANCT's cross-table (a type of its own, so that neither module names the other's)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Membership:
    """Programme ids per commune code, with the source's date, or why it is unavailable."""

    table_id: str
    ids_by_commune: dict = field(default_factory=dict)
    source_date: str = ""
    title: str = ""
    unavailable: str = ""
    reason: str = ""  # why it is unavailable, in a few words (``unavailable``: the whole message)
    rows_by_id: dict = field(default_factory=dict)  # extra columns per id (type_fs, format_fs…)
    labels: dict = field(default_factory=dict)  # id -> its label (lib_qp, lib_ti…), where published
    dates: dict = field(default_factory=dict)  # id -> signature date, where published
    unmapped_codes: str = ""  # codes that match no commune of today, with their counts
    file_name: str = ""
    origin: str = "list"  # "list", "cross_table", or "newer_list" (a list newer than the cross-table)
