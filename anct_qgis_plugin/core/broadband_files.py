"""The catalogue's fixed-broadband files, fetched (or cached) and read for every commune: the card and the
profile ask here (broadband.py only reads files; layers.py fetches them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .broadband import read_premises
from .catalogue import get_source
from .layers import source_info

if TYPE_CHECKING:
    from .broadband import Premises
    from .layers import LayerBuilder


def national_premises(builder: LayerBuilder, source_id: str = "france_thd") -> dict[str, Premises]:
    """Every commune's Premises; AnctError when the files cannot be had."""
    source = get_source(source_id)
    files = builder.fetch_files(source, builder.index.country(), source_info(source, builder.language))
    return read_premises(files[0].path, files[1].path, builder.index.codes, source.id)[0]
