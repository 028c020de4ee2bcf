"""Which programme each commune belongs to, read from the same catalogue files as the layers
(no geometry): for key figures, the programme matrix and the commune card.

Commune codes of every vintage count for today's commune (commune_codes.py); the ids of rows
whose code maps to nothing are kept apart under ``dep:<département>`` (``dep:`` when the row names
none) and named: they count for their whole département, région and France, never for a commune.
"""

from __future__ import annotations

import dataclasses
import os
import weakref
from typing import TYPE_CHECKING

from ..building.layer_info import source_info
from ..building.source_tables import read_list_table, side_labels
from ..errors import AnctError, short_reason
from ..i18n import tr
from ..published.catalogue import PROGRAMME_LIST_IDS, QPV_LIST, TYPOLOGY_IDS, JoinCommunes, get_source
from ..published.commune_codes import UNPLACED, CodeTally
from ..published.parsers import split_values
from .cross_table import CrossTable, list_date
from .membership import Membership

if TYPE_CHECKING:
    from collections.abc import Iterable

    from qgis.core import QgsFeedback

    from ..building.layers import LayerBuilder
    from ..published.catalogue import Source
    from ..published.territories import Territory


# table id -> (source, id column, label column, date column); the QPV list stands for the outlines.
def _list_columns(layer_id: str) -> tuple[Source, str, str, str]:
    source = get_source(layer_id)
    geometry = source.geometry  # the list's id, label and date columns
    if not isinstance(geometry, JoinCommunes):
        raise TypeError(f"{layer_id} is not a per-commune list (JoinCommunes)")
    return source, geometry.id_column, geometry.label_column, geometry.date_column


MEMBERSHIP_SOURCES = {
    "qpv": (QPV_LIST, "code_qp", "lib_qp", ""),
    **{layer_id: _list_columns(layer_id) for layer_id in PROGRAMME_LIST_IDS + TYPOLOGY_IDS},
    "france_services": (get_source("france_services"), "id_fs", "lib_fs", ""),
    "mobile_sites": (get_source("mobile_sites"), "num_site", "", ""),
}
# The tables the cross-table may answer (its id_<prog> columns, id_fs for France services); never the
# QPV, the typologies or the mobile sites, which it does not carry.
CROSS_TABLE_TABLES = PROGRAMME_LIST_IDS + ("france_services",)
# Site numbers are per operator: a site is (operator, number).
ID_PREFIX = {"mobile_sites": "code_op"}


def read_membership(builder: LayerBuilder, table_id: str, country: Territory) -> Membership:
    source, id_column, label_column, date_column = MEMBERSHIP_SOURCES[table_id]
    info = source_info(source, builder.language)
    membership = Membership(table_id, title=info.title)
    # The source's published spellings win (INSEE's 7 levels are DENS7: its DENS is the 3-level grid).
    wanted = {id_column: (id_column,), **source.columns}
    try:
        files = builder.fetch_files(source, country, info)
        memo, key = _memo_slot(builder, table_id, files[0].path)
        if key in memo:  # the same file, read already in this session: the card answers at once
            return dataclasses.replace(memo[key])
        table, columns, position = read_list_table(source, files[0].path, wanted, builder.index.communes)
    except AnctError as error:
        membership.unavailable = str(error)
        membership.reason = short_reason(error, builder.fetcher.mirror is not None)
        return membership
    commune_at, id_at = position[columns[source.commune_column]], position[columns[id_column]]
    prefix_at = position.get(ID_PREFIX.get(table_id, ""))
    label_at, date_at = (position.get(columns.get(name, name)) for name in (label_column, date_column))
    not_member = getattr(source.geometry, "not_member", ())  # FRR's -9999: a commune in no class
    departement_at = position.get(columns.get(source.departement_column, ""))
    tally = CodeTally(builder.index.codes)
    for row in table.rows:
        ids = [
            f"{row[prefix_at]}-{ident}" if prefix_at is not None else ident
            for ident in split_values(row[id_at])
            if ident not in not_member
        ]
        if not ids:
            continue
        codes = tally.today_all(split_values(row[commune_at])) or [
            UNPLACED + (row[departement_at] if departement_at is not None else "")
        ]
        for code in codes:
            membership.ids_by_commune.setdefault(code, []).extend(ids)
        labels = split_values(row[label_at], commas=False) if label_at is not None else []
        for n, ident in enumerate(ids):
            membership.rows_by_id.setdefault(ident, dict(zip(table.columns, row)))
            if labels:
                membership.labels.setdefault(ident, labels[n] if len(labels) == len(ids) else row[label_at])
            if date_at is not None and row[date_at]:
                membership.dates.setdefault(ident, row[date_at])
    names = side_labels(source, files)
    if names:
        for ident in membership.rows_by_id:
            membership.labels.setdefault(ident, names.get(ident, ""))
    membership.source_date = info.source_date
    membership.file_name = info.file_name
    membership.unmapped_codes = tally.summary()
    memo[key] = membership
    return dataclasses.replace(membership)


# Parsed lists by territory index (their codes map through it) and by file version.
_PARSED: weakref.WeakKeyDictionary[object, dict] = weakref.WeakKeyDictionary()


def _memo_slot(builder: LayerBuilder, table_id: str, path: str) -> tuple[dict, tuple]:
    status = os.stat(path)
    return _PARSED.setdefault(builder.index, {}), (table_id, path, status.st_mtime_ns, status.st_size, builder.language)


def read_memberships(
    builder: LayerBuilder,
    table_ids: Iterable[str] = tuple(MEMBERSHIP_SOURCES),
    feedback: QgsFeedback | None = None,
    cross_table: bool = False,
) -> dict[str, Membership]:
    """Every membership table; an unavailable one is reported, not fatal. ``cross_table``: the
    programme lists are answered from ANCT's cross-table (one download), except those whose list
    is newer than it."""
    from ..report import warn

    country = builder.index.country()
    cross = _cross_table(builder, country, feedback) if cross_table else None
    tables = {}
    for table_id in table_ids:
        tables[table_id] = membership = _from_cross_table(builder, cross, table_id, country) or read_membership(
            builder, table_id, country
        )
        if membership.unavailable:
            warn(
                feedback,
                tr("{title}: unavailable — {error}").format(title=membership.title, error=membership.unavailable),
            )
        elif membership.unmapped_codes:
            warn(
                feedback,
                tr(
                    "{title}: commune codes that match no commune of today (counted for their "
                    "département and France only): {codes}"
                ).format(title=membership.title, codes=membership.unmapped_codes),
            )
    return tables


def _cross_table(builder: LayerBuilder, country: Territory, feedback: QgsFeedback | None) -> CrossTable | None:
    from ..report import warn

    try:
        return CrossTable(builder, country)
    except AnctError as error:
        warn(
            feedback,
            tr("The cross-table of ANCT programmes is unavailable ({error}): each list is read.").format(error=error),
        )
        return None


def _from_cross_table(
    builder: LayerBuilder, cross: CrossTable | None, table_id: str, country: Territory
) -> Membership | None:
    """The membership from the cross-table, or from the list itself when it is newer (said so);
    None when the cross-table cannot answer (none, or no such column)."""
    if cross is None or table_id not in CROSS_TABLE_TABLES:
        return None
    source, id_column, _label, _date = MEMBERSHIP_SOURCES[table_id]
    if not cross.has(id_column):
        return None
    if list_date(builder, table_id) > cross.source_date:
        membership = read_membership(builder, table_id, country)
        membership.origin = "newer_list"
        return membership
    return cross.membership(Membership(table_id, title=source.title(builder.language)), id_column)
