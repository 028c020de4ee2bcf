#!/usr/bin/env python3
"""Write the example graphical models the provider ships (resources/models/*.model3), built with
QGIS's own model API so that they open in the Model Designer as any model does.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_models.py   (needs QGIS's Python)
"""

import os
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterString,
)
from qgis.core import QgsProcessingModelChildParameterSource as Source
from qgis.PyQt.QtCore import QPointF

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "models"
GROUP = "Modèles d'exemple — Example models"


def _child(algorithm_id, child_id, description, x, y, sources):
    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    child.setPosition(QPointF(x, y))
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    return child


def _output(child, name, description, child_output):
    output = QgsProcessingModelOutput(name, description)
    output.setChildId(child.childId())
    output.setChildOutputName(child_output)
    child.setModelOutputs({name: output})


def france_services_beyond_30_minutes():
    """fetch_road_network -> service_gap by road -> the units beyond 30 minutes."""
    model = QgsProcessingModelAlgorithm(
        "France services à plus de 30 minutes par la route (département)", GROUP, "anct_examples"
    )
    territory = QgsProcessingParameterString("departement", "Département (code ou nom)", defaultValue="36")
    place = QgsProcessingModelParameter("departement")
    place.setPosition(QPointF(120, 60))
    model.addModelParameter(territory, place)
    roads = _child(
        "anct:fetch_road_network",
        "roads",
        "Réseau routier BD TOPO",
        120,
        180,
        {"TERRITORY": Source.fromModelParameter("departement"), "BUFFER_KM": Source.fromStaticValue(20)},
    )
    gap = _child(
        "anct:service_gap",
        "gap",
        "Éloignement des France services par la route",
        340,
        280,
        {
            "TERRITORY": Source.fromModelParameter("departement"),
            "MODE": Source.fromStaticValue("road"),
            "NETWORK": Source.fromChildOutput("roads", "OUTPUT"),
            "THRESHOLD": Source.fromStaticValue(30),
        },
    )
    beyond = _child(
        "native:extractbyattribute",
        "beyond",
        "Unités au-delà de 30 minutes",
        560,
        380,
        {
            "INPUT": Source.fromChildOutput("gap", "OUTPUT"),
            "FIELD": Source.fromStaticValue("beyond_threshold"),
            "OPERATOR": Source.fromStaticValue(0),
            "VALUE": Source.fromStaticValue("1"),
        },
    )
    _output(beyond, "beyond_30_min", "Habitants à plus de 30 minutes", "OUTPUT")
    _output(gap, "summary", "Synthèse par département et EPCI", "SUMMARY")
    for child in (roads, gap, beyond):
        model.addChildAlgorithm(child)
    model.setHelpContent(
        {
            "ALG_DESC": "Télécharge le réseau BD TOPO du département et de ses abords, mesure le temps par la "
            "route jusqu'au France services le plus proche et garde les communes au-delà de 30 minutes "
            "(l'objectif national). Fetches the département's BD TOPO roads, measures the road time to the "
            "nearest France services site and keeps the communes beyond 30 minutes (the national goal).",
            "departement": "Code (36) ou nom (Indre) du département.",
        }
    )
    return model


def atlas_of_a_region():
    """department_atlas for the départements of one région, in one PDF."""
    model = QgsProcessingModelAlgorithm("Atlas d'une région", GROUP, "anct_examples")
    region = QgsProcessingParameterString("region", "Région (code INSEE)", defaultValue="24")
    place = QgsProcessingModelParameter("region")
    place.setPosition(QPointF(120, 60))
    model.addModelParameter(region, place)
    atlas = _child(
        "anct:department_atlas",
        "atlas",
        "Fiches des départements de la région",
        340,
        180,
        {
            "DEPARTMENTS": Source.fromExpression("'reg:' || regexp_replace(@region, '^reg:', '')"),
            "OPEN_PDF": Source.fromStaticValue(False),
        },
    )
    _output(atlas, "atlas_pdf", "Atlas de la région (PDF)", "OUTPUT_PDF")
    model.addChildAlgorithm(atlas)
    model.setHelpContent(
        {
            "ALG_DESC": "Imprime la fiche de chaque département d'une région dans un seul PDF. Prints the "
            "sheet of every département of a région in one PDF.",
            "region": "Code INSEE de la région (24 pour Centre-Val de Loire), avec ou sans « reg: ».",
        }
    )
    return model


MODELS = {"france_services_30_min.model3": france_services_beyond_30_minutes, "atlas_region.model3": atlas_of_a_region}


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QgsApplication([], False)
    application.initQgis()
    FOLDER.mkdir(exist_ok=True)
    for name, build in MODELS.items():
        model = build()
        model.updateDestinationParameters()
        if not model.toFile(str(FOLDER / name)):
            raise SystemExit(f"cannot write {name}")
        print(FOLDER.relative_to(ROOT) / name)


if __name__ == "__main__":
    main()
