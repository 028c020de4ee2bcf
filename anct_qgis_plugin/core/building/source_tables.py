"""A source's table (CSV or XLSX) read as the layers use it: codes padded, a programme list's
member communes, the names in a companion file; a national list read once per file version."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..published.catalogue import JoinCommunes
from ..published.commune_codes import padded_code, padded_departement
from ..published.groupements import member_table, members_by_epci
from ..published.parsers import TABLE_READERS, read_csv, resolve_columns, split_values

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..published.catalogue import Source
    from ..published.parsers import Table
    from .layer_info import SourceFile

_TABLES: dict = {}  # (source id, path, mtime, size) -> read_source_table's answer, the last few
_TABLES_KEPT = 8


def read_table(source: Source, file_: SourceFile) -> tuple[Table, dict[str, str], dict[str, int]]:
    """The CSV, its canonical -> published column names, and each column's position.

    A national list is read once for every territory built from it (an atlas of 101 sheets reads
    it once, not 101 times): the answer is kept by file version; readers never change its rows."""
    status = os.stat(file_.path)
    key = (source.id, file_.path, status.st_mtime_ns, status.st_size)
    if key not in _TABLES:
        while len(_TABLES) >= _TABLES_KEPT:
            del _TABLES[next(iter(_TABLES))]
        _TABLES[key] = read_source_table(source, file_.path, source.columns)
    return _TABLES[key]


def read_source_table(
    source: Source, path: str, wanted: Mapping[str, tuple[str, ...]]
) -> tuple[Table, dict[str, str], dict[str, int]]:
    """A source's table (CSV or XLSX) with its codes padded as published elsewhere (``6`` -> ``06``,
    ``6088`` -> ``06088``): (table, canonical -> published column names, position of each column)."""
    table = TABLE_READERS[source.reader](path, source.id, wanted)
    columns = resolve_columns(table.columns, wanted, path, source.id)
    position = {name: i for i, name in enumerate(table.columns)}
    for canonical, pad in ((source.commune_column, padded_code), (source.departement_column, padded_departement)):
        if canonical and canonical in columns:
            at = position[columns[canonical]]
            for row in table.rows:
                row[at] = ", ".join(pad(code) for code in split_values(row[at])) if row[at] else row[at]
    return table, columns, position


def read_list_table(
    source: Source, path: str, wanted: Mapping[str, tuple[str, ...]], communes: Mapping[str, Mapping]
) -> tuple[Table, dict[str, str], dict[str, int]]:
    """A programme list as read_source_table gives it; a groupements file (JoinCommunes.nature_column)
    with one row per programme listing its member communes (groupements.py), ``communes`` being the
    national commune table (their EPCI)."""
    table, columns, position = read_source_table(source, path, wanted)
    strategy = source.geometry
    if isinstance(strategy, JoinCommunes) and strategy.nature_column:
        names = {
            "code": source.commune_column,
            "id": strategy.id_column,
            "nature": strategy.nature_column,
            "label": strategy.label_column,
        }
        published = {key: columns[name] for key, name in names.items() if name in columns}
        table = member_table(table, position, published, members_by_epci(communes))
    return table, columns, position


def side_labels(source: Source, files: list[SourceFile]) -> dict[str, str] | None:
    """{id: label} from a list's companion file of names (JoinCommunes.labels_from), or None when the
    source has none."""
    strategy = source.geometry
    if not isinstance(strategy, JoinCommunes) or strategy.labels_from is None:
        return None
    if len(files) < 2:  # the names could not be had: the layer keeps its label field, empty
        return {}
    wanted = {"id": (strategy.id_column,), "label": (strategy.label_column,)}
    table = read_csv(files[1].path, source.id, wanted)
    columns = resolve_columns(table.columns, wanted, files[1].path, source.id)
    id_at, label_at = table.columns.index(columns["id"]), table.columns.index(columns["label"])
    return {row[id_at].strip(): row[label_at].strip() for row in table.rows if row[id_at].strip()}


def listed(cell: str | None) -> set[str]:
    """The values of a list cell ('a|b', 'a ; b', 'a, b'), lower-cased."""
    return {part.strip().lower() for part in re.split(r"[|;,]", cell or "") if part.strip()}


def number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return None
