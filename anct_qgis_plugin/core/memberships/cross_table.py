"""Programme memberships from ANCT's cross-table (one file for every programme of every commune),
and the rule that a per-programme list newer than it wins.

The cross-table names its columns after the lists' id columns (``id_ti``, ``id_acv``…), so a list's
membership is read from the column of the same name. The date of each list is read from its
dataset document (a small file), never from the list itself, so that the lists are downloaded
only when they are newer than the cross-table.
"""

from __future__ import annotations

import os
import weakref
from typing import TYPE_CHECKING, Any

from ..building.layer_info import source_info
from ..building.source_tables import read_source_table
from ..errors import AnctError
from ..published.catalogue import CROSS_TABLE, DataGouvFile, get_source
from ..published.commune_codes import UNPLACED, CodeTally
from ..published.datagouv import check_dataset_document, resource_source_date, select_resource
from ..published.parsers import read_json, split_values

if TYPE_CHECKING:
    from ..building.layers import LayerBuilder
    from ..published.territories import Territory
    from .membership import Membership


def list_date(builder: LayerBuilder, layer_id: str) -> str:
    """The date the publisher gives a programme list ('' when unknown), from its dataset document."""
    locator = get_source(layer_id).locator
    if not isinstance(locator, DataGouvFile):
        return ""
    try:
        document = builder.fetcher.fetch(locator.api_url, suffix=".json", feedback=builder.feedback)
        dataset = check_dataset_document(read_json(document.path, locator.api_url), locator.api_url)
        return resource_source_date(select_resource(dataset, locator)) or ""
    except AnctError:
        return ""


# The parsed file and each column's ids by commune, per territory index (the codes map through it) and
# file version: a later card answers from them (one edition at a time).
_PARSED: weakref.WeakKeyDictionary[Any, dict] = weakref.WeakKeyDictionary()


class CrossTable:
    """The cross-table read once per session and file version: its date, file name and, per id
    column, the ids of each commune."""

    def __init__(self, builder: LayerBuilder, country: Territory):
        info = source_info(CROSS_TABLE, builder.language)
        path = builder.fetch_files(CROSS_TABLE, country, info)[0].path
        status = os.stat(path)
        key = (path, status.st_mtime_ns, status.st_size)
        memo = _PARSED.setdefault(builder.index, {})
        if key not in memo:
            memo.clear()
            table, _columns, position = read_source_table(CROSS_TABLE, path, {"insee_com": ("insee_com",)})
            memo[key] = (table, position, {})
        self.table, self.position, self._columns = memo[key]
        self.source_date, self.file_name = info.source_date, info.file_name
        self.index = builder.index

    def has(self, id_column: str) -> bool:
        return id_column in self.position

    def membership(self, membership: Membership, id_column: str) -> Membership:
        """Fill a Membership from the cross-table's column ``id_column`` (mapped once per session)."""
        if id_column not in self._columns:
            self._columns[id_column] = self._column(id_column)
        membership.ids_by_commune, membership.unmapped_codes = self._columns[id_column]
        membership.source_date, membership.file_name = self.source_date, self.file_name
        membership.origin = "cross_table"
        return membership

    def _column(self, id_column: str) -> tuple[dict, str]:
        """({today's commune: ids}, the codes that map to no commune) of one id column."""
        commune_at, id_at = self.position["insee_com"], self.position[id_column]
        tally, ids_by_commune = CodeTally(self.index.codes), dict[str, list[str]]()
        for row in self.table.rows:
            ids = split_values(row[id_at])
            if not ids:
                continue
            for code in tally.today_all(split_values(row[commune_at])) or [UNPLACED]:
                ids_by_commune.setdefault(code, []).extend(ids)
        return ids_by_commune, tally.summary()
