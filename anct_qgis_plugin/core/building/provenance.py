"""Provenance written onto layers: QgsLayerMetadata (title, abstract, licence, links, dates)
and attribution, so a map made from them carries its sources."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from qgis.core import QgsAbstractMetadataBase, QgsLayerMetadata

from ...compat import set_layer_attribution
from ..i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsMapLayer

    from .layer_info import SourceInfo


def provenance_text(info: SourceInfo) -> str:
    fetched = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.fetched_at)) if info.fetched_at else "-"
    return tr("Source: {publisher}, {date} (fetched {fetched}). Licence: {licence}.").format(
        publisher=info.publisher, date=info.source_date or "-", fetched=fetched, licence=info.licence
    )


def layer_metadata(info: SourceInfo, territory_label: str) -> QgsLayerMetadata:
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(f"anct:{info.layer_id}")
    metadata.setTitle(f"{info.title} — {territory_label}")
    metadata.setAbstract(f"{info.abstract}\n\n{provenance_text(info)}")
    metadata.setType("dataset")
    metadata.setLanguage("fr")
    metadata.setLicenses([info.licence])
    metadata.setRights([info.attribution or info.publisher])
    metadata.setKeywords({"ANCT": [info.layer_id, territory_label]})
    history = [tr("Source date: {date}").format(date=info.source_date or "-")]
    if info.file_name:
        history.append(tr("File: {file}").format(file=info.file_name))
    if info.population_source:
        history.append(tr("Population: {source}").format(source=info.population_source))
    if info.unmapped_codes:
        history.append(tr("Commune codes that match no commune of today: {codes}").format(codes=info.unmapped_codes))
    if info.undrawn:
        history.append(
            tr("Listed without geometry (none of their communes has an outline): {items}").format(
                items=", ".join(info.undrawn)
            )
        )
    if info.stale:
        history.append(tr("The source could not be reached: a stale cached copy was used."))
    metadata.setHistory(history)
    for url in ([info.page] if info.page else []) + info.urls:
        link = QgsAbstractMetadataBase.Link(url.rsplit("/", 1)[-1] or url, "WWW:LINK", url)
        link.url = url
        metadata.addLink(link)
    return metadata


def apply_provenance(layer: QgsMapLayer, info: SourceInfo, territory_label: str) -> None:
    layer.setMetadata(layer_metadata(info, territory_label))
    set_layer_attribution(
        layer,
        f"{info.attribution or info.publisher} — {info.licence}",
        info.page or (info.urls[0] if info.urls else ""),
    )
