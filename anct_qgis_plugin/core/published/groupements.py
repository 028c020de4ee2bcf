"""Programmes ANCT publishes by signatory groupement (``liste-<prog>-grpt…``): each row a commune or an
EPCI, read as the union of their member communes, the way ANCT's own map reads Territoires
d'engagement (anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e MAJ/data_admin.py,
``_preparer_tec`` and ``_run_dissolve_dataset``):

- ids of the form ``-103`` are errors of the file and are dropped;
- ``nature_juridique`` is compared lower-cased and stripped; a ``commune`` row's ``siren_groupement``
  holds the commune's INSEE code (``com_key: "insee"``), an ``epci`` row's the EPCI's SIREN;
- ``lib_groupement`` may carry UTF-8 read as Latin-1 (``BarthÃ©lemy``): repaired.

A member that maps to no commune of today (an EPCI no commune belongs to, a groupement of another
nature) keeps its published code in the commune cell, so that the code tally counts and names it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .parsers import Table, split_values

if TYPE_CHECKING:
    from collections.abc import Mapping

ERROR_ID = re.compile(r"^-\d+$")


def repaired_text(text: str) -> str:
    """UTF-8 text that was decoded as Latin-1, decoded again; any other text unchanged."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return text


def members_by_epci(communes: Mapping[str, Mapping]) -> dict[str, list[str]]:
    """SIREN of an EPCI -> the codes of its communes (from the national commune table)."""
    members: dict[str, list[str]] = {}
    for code, commune in communes.items():
        if commune.get("codeEpci"):
            members.setdefault(commune["codeEpci"], []).append(code)
    return members


def member_table(
    table: Table, position: Mapping[str, int], columns: Mapping[str, str], epci_members: Mapping[str, list[str]]
) -> Table:
    """One row per programme id, the commune cell listing every member commune (joined ', '), the
    groupement names joined ', '. ``columns``: 'code', 'id', 'nature' and 'label' -> published name."""
    code_at, id_at, nature_at = (position[columns[key]] for key in ("code", "id", "nature"))
    label_at = position.get(columns.get("label", ""))
    merged: dict[str, tuple[list[str], list[str], list[str]]] = {}  # id -> (row, member codes, names)
    for row in table.rows:
        ident = row[id_at].strip()
        if not ident or ERROR_ID.match(ident):
            continue
        nature = row[nature_at].strip().lower()
        codes = []
        for code in split_values(row[code_at]):
            if nature == "commune":
                codes.append(code.zfill(5))
            else:  # an EPCI's members; another nature (or an unknown EPCI) stays as published, named
                codes.extend(epci_members.get(code, [code]) if nature == "epci" else [code])
        if ident not in merged:
            merged[ident] = (list(row), [], [])
        _row, members, names = merged[ident]
        members.extend(c for c in codes if c not in members)
        name = repaired_text(row[label_at].strip()) if label_at is not None else ""
        if name and name not in names:
            names.append(name)
    rows = []
    for out, members, names in merged.values():
        out[code_at] = ", ".join(members)
        if label_at is not None:
            out[label_at] = ", ".join(names)
        rows.append(out)
    return Table(table.columns, rows)
