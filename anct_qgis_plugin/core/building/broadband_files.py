"""The catalogue's fixed-broadband files, fetched (or cached) and read for every commune: the card and the
profile ask here (broadband.py only reads files; source_files.py fetches them). Read once per file version and
territory index: a later card answers from the parsed counts."""

from __future__ import annotations

import os
import weakref
from typing import TYPE_CHECKING

from ..published.broadband import read_premises
from ..published.catalogue import get_source
from .layer_info import source_info

if TYPE_CHECKING:
    from ..published.broadband import Premises
    from .layers import LayerBuilder

# territory index -> {(paths, versions): premises}
_PARSED: weakref.WeakKeyDictionary[object, dict] = weakref.WeakKeyDictionary()


def national_premises(builder: LayerBuilder, source_id: str = "france_thd") -> dict[str, Premises]:
    """Every commune's Premises; AnctError when the files cannot be had."""
    source = get_source(source_id)
    files = builder.fetch_files(source, builder.index.country(), source_info(source, builder.language))
    paths = (files[0].path, files[1].path)
    key = tuple((path, os.stat(path).st_mtime_ns, os.stat(path).st_size) for path in paths)
    memo = _PARSED.setdefault(builder.index, {})
    if key not in memo:
        memo.clear()  # one edition at a time
        memo[key] = read_premises(*paths, builder.index.codes, source.id)[0]
    return memo[key]
