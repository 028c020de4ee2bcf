"""What is loaded carries its title, licence, source URL and date, attribution and style."""

from qgis.core import QgsProcessingContext, QgsProject

from anct_qgis_plugin.core.building.provenance import apply_provenance
from anct_qgis_plugin.core.service import AnctData
from anct_qgis_plugin.processing.support.post_processing import LoadedLayerPostProcessor


def test_metadata_and_attribution(anct_env, qgis_app):
    data = AnctData(language="fr")
    territory = data.resolve_territory("36")
    built = data.build_layer("france_services", territory)
    apply_provenance(built.layer, built.info, territory.label)
    metadata = built.layer.metadata()
    assert metadata.title() == "France services — Indre (36)"
    assert "Licence Ouverte" in metadata.licenses()[0]
    assert "2024-08-01" in metadata.abstract()
    assert any("datasets/r/" in link.url for link in metadata.links())
    assert any(link.url.endswith("liste-des-structures-labellisees-france-services/") for link in metadata.links())
    assert metadata.identifier() == "anct:france_services"


def test_english_titles(anct_env, qgis_app):
    data = AnctData(language="en")
    built = data.build_layer("epci", data.resolve_territory("36"))
    assert built.info.title == "EPCI (inter-municipal bodies)"
    names = {f["code"]: f["nom"] for f in built.layer.getFeatures()}
    assert names["243600327"].startswith("CA Châteauroux")


def test_post_processor_sets_metadata_on_the_loaded_layer(anct_env, qgis_app, tmp_path):
    data = AnctData()
    territory = data.resolve_territory("36")
    built = data.build_layer("communes", territory)
    QgsProject.instance().addMapLayer(built.layer)
    LoadedLayerPostProcessor.create("communes", built.info, territory.label).postProcessLayer(
        built.layer, QgsProcessingContext(), None
    )
    assert built.layer.metadata().identifier() == "anct:communes"
    QgsProject.instance().removeAllMapLayers()
