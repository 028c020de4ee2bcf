"""A département's or a région's service gap cut out of the national straight-line run.

In straight line every commune is measured to its nearest France services site of the whole
country, whatever the territory asked: the national run already holds each département's
measure. An atlas of France cuts its 101 départements and 18 régions out of that one run instead
of measuring them 119 more times (the ranks need the national run anyway).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
from qgis.core import QgsFeature, QgsFeatureRequest, QgsVectorLayer

from ..compat import FAST_INSERT
from ..diagnostics.gap import summarise
from .service_gap import summary_fields

if TYPE_CHECKING:
    from collections.abc import Collection


def _number(value: Any, missing: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return missing
    return missing if math.isnan(number) else number


def slice_run(national_layer: QgsVectorLayer, national_summary: QgsVectorLayer, departements: Collection[str]) -> tuple:
    """The run of the départements ``departements`` out of the national one (its output and
    summary layers): (population beyond, population, units layer, summary layer, unit ids), the
    summary by département and EPCI recomputed on those units alone, as their own run gives it."""
    codes = ", ".join(f"'{code}'" for code in sorted(departements))
    layer = national_layer.materialize(QgsFeatureRequest().setFilterExpression(f'"departement" IN ({codes})'))
    features = list(layer.getFeatures())
    population = np.array([_number(f["population"], 0.0) for f in features], dtype=float)
    beyond = np.array([bool(_number(f["beyond_threshold"], 0.0)) for f in features], dtype=bool)
    measure = np.array([_number(f["distance_m"], math.inf) for f in features], dtype=float)
    names = {(row["level"], row["code"]): row["name"] for row in national_summary.getFeatures()}

    def level(field: str, name: str) -> tuple:
        codes_of = np.array([str(f[field] or "") for f in features], dtype=object)
        return codes_of, {code: names.get((name, code), "") for code in set(codes_of.tolist())}

    table = summarise(
        {"departement": level("departement", "departement"), "epci": level("epci", "epci")},
        population,
        beyond,
        measure,
    )
    fields = summary_fields()
    summary = QgsVectorLayer("None", "summary", "memory")
    summary.dataProvider().addAttributes(fields.toList())
    summary.updateFields()
    rows = []
    for row in table.itertuples(index=False):
        feature = QgsFeature(fields)
        feature.setAttributes([value.item() if hasattr(value, "item") else value for value in row])
        rows.append(feature)
    summary.dataProvider().addFeatures(rows, FAST_INSERT)
    units = frozenset(str(f[0]) for f in features)  # the unit id comes first (service_gap.output_fields)
    return float(population[beyond].sum()), float(population.sum()), layer, summary, units
