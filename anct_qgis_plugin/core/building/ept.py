"""The établissements publics territoriaux (EPT) of the Métropole du Grand Paris as places of the EPCI level:
geo.api.gouv.fr draws none (their communes carry the Métropole's SIREN), so an EPT's outline is its member
communes dissolved, the members read from INSEE's yearly composition file (catalogue.EPT_MEMBERS)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import QgsFeature, QgsGeometry

from ..published.catalogue import EPT_MEMBERS
from ..published.commune_codes import CodeTally
from .layer_geometry import as_polygons
from .layer_info import source_info
from .source_tables import read_table

if TYPE_CHECKING:
    from collections.abc import Iterable

    from qgis.core import QgsVectorLayer

    from ..published.territories import Territory
    from .layer_info import SourceInfo
    from .layers import LayerBuilder

SIREN = re.compile(r"^\d{9}$")


@dataclass
class EptMembers:
    names: dict[str, str]  # SIREN -> LIBEPT
    communes: dict[str, list[str]]  # SIREN -> today's codes of its communes (those the commune table knows)
    info: SourceInfo  # the file read: its URL, name (and so its year) and date


def holds_unknown_sirens(codes: Iterable[str], known: set[str]) -> bool:
    """Whether codes of an answer at the EPCI level are SIRENs of no EPCI (the EPT of the "EPCI / EPT"
    zoning): only then is INSEE's file asked for."""
    return any(SIREN.match(code) and code not in known for code in codes)


def read_ept_members(builder: LayerBuilder) -> EptMembers:
    """The newest edition INSEE publishes (the year before when this year's is not out yet), through the
    cache; an AnctError when it cannot be had or read."""
    info_ = source_info(EPT_MEMBERS, builder.language)
    file_ = builder.fetch_files(EPT_MEMBERS, builder.index.country(), info_)[0]
    table, columns, position = read_table(EPT_MEMBERS, file_)
    code_at, ept_at, name_at = (position[columns[name]] for name in ("CODGEO", "EPT", "LIBEPT"))
    tally = CodeTally(builder.index.codes)  # codes of the edition's COG -> today's communes
    names: dict[str, str] = {}
    communes: dict[str, list[str]] = {}
    for row in table.rows:
        ept = row[ept_at].strip()
        if not SIREN.match(ept):  # a commune of the file in no EPT ("Sans objet")
            continue
        names[ept] = row[name_at].strip()
        commune = tally.today(row[code_at].strip())
        if commune is not None:
            communes.setdefault(ept, []).append(commune)
    return EptMembers(names, communes, info_)


def add_ept_outlines(
    builder: LayerBuilder, outlines: QgsVectorLayer, members: EptMembers, codes: Iterable[str], territory: Territory
) -> int:
    """Add to the EPCI outlines (code, nom, population, nb_communes) the EPT among ``codes`` that have
    communes in the territory, each the union of those communes; the number added."""
    communes = builder.commune_layer(territory, outlines.crs())
    by_code = {feature["code"]: feature for feature in communes.getFeatures()}
    features = []
    for ept in sorted(set(codes) & set(members.communes)):
        parts = [by_code[code] for code in members.communes[ept] if code in by_code]
        if not parts:
            continue
        feature = QgsFeature(outlines.fields())
        feature["code"], feature["nom"] = ept, members.names[ept]
        feature["population"] = sum(int(part["population"] or 0) for part in parts)
        feature["nb_communes"] = len(parts)
        feature.setGeometry(as_polygons(QgsGeometry.unaryUnion([part.geometry() for part in parts])))
        features.append(feature)
    outlines.dataProvider().addFeatures(features)
    return len(features)
