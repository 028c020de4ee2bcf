"""anct:fetch_indicator end to end: the Observatoire's API answers over the loopback mirror, the files a user
downloaded (FILE), the errors in words, the cache; the three real samples of ../shared/data/observatoire
onto the real outlines of ../shared/mirror."""

import gc
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "observatoire"
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "data" / "observatoire"
API = "www.observatoire-des-territoires.gouv.fr/outils/cartographie-interactive/api/v1/functions/GC_API_download"


def reopened(result, tmp_path=None):
    """The output as QGIS reads it back (a GeoPackage written by the run)."""
    layer = QgsVectorLayer(result["OUTPUT"], "reopened", "ogr")
    assert layer.isValid(), result["OUTPUT"]
    return layer


def fetch(run_alg, tmp_path, **parameters):
    out = str(tmp_path / f"indicator-{len(list(tmp_path.glob('*.gpkg')))}.gpkg")
    result = run_alg("anct:fetch_indicator", {"TERRITORY": "FR", "OUTPUT": out, **parameters})
    return result, reopened(result)


def loaded_run(provider, feedback, tmp_path, **parameters):
    """Run as the dialog does (the output to be loaded): the output reopened, then styled and described
    by the run's own post-processor, as QGIS does on loading it."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("anct:fetch_indicator")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    output = QgsProcessingOutputLayerDefinition(str(tmp_path / "loaded.gpkg"), QgsProject.instance())
    results, ok = algorithm.run({"TERRITORY": "FR", "OUTPUT": output, **parameters}, context, feedback)
    assert ok, feedback.warnings
    layer = QgsVectorLayer(results["OUTPUT"], "loaded", "ogr")
    assert layer.isValid()
    context.layerToLoadOnCompletionDetails(results["OUTPUT"]).postProcessor().postProcessLayer(layer, context, feedback)
    return layer


def plain(value):
    """NULL as None (a QVariant under PyQt5)."""
    return value if isinstance(value, (int, float, str)) else None


def by_code(layer, field):
    return {f["code"]: (plain(f[field]), plain(f["year"])) for f in layer.getFeatures()}


def test_api_csv_answer_for_communes_latest_year(anct_env, run_alg, tmp_path, feedback):
    result, layer = fetch(run_alg, tmp_path, INDICATOR="insee_rp_hist_1968.dens_pop", LEVEL="communes")
    values = by_code(layer, "dens_pop")
    assert result["FIELD"] == "dens_pop" and layer.featureCount() == 14  # every commune of the fixture
    assert values["36044"] == (1650.6, "2022") and values["36001"] == (19.8, "2022")
    # Saint-Maur's own row is empty: NULL, not the value of its delegated commune 36245, never 0.
    assert values["36202"][0] is None and values["36202"][1] == "2022"
    assert values["18033"] == (None, None)  # no row at all
    # 36999 (no commune) and 6088 (a commune the fixture lacks) are named.
    assert result["UNMAPPED"] == 2
    assert any("36999" in w and "6088" in w for w in feedback.warnings)


def test_every_year_as_columns(anct_env, run_alg, tmp_path):
    result, layer = fetch(run_alg, tmp_path, INDICATOR="insee_rp_hist_1968.dens_pop", LEVEL="communes", YEAR="all")
    feature = next(f for f in layer.getFeatures() if f["code"] == "36018")
    assert [feature[name] for name in ("dens_pop_2016", "dens_pop_2022", "dens_pop")] == [104.1, 98.7, 98.7]


def test_a_year_asked_and_sex_total(anct_env, run_alg, tmp_path):
    result, layer = fetch(run_alg, tmp_path, INDICATOR="indic_sex_rp.tx_chom1564", LEVEL="departements", YEAR="2015")
    values = by_code(layer, "tx_chom1564")
    assert values["36"] == (11.0, "2015") and values["18"] == (11.0, "2015")  # T, neither F (11.5) nor H


def test_a_year_not_published_names_those_that_are(anct_env, run_alg, tmp_path):
    # Apart from the test above: a QGIS layer in the frame an exception holds outlives QGIS (crash at exit).
    with pytest.raises(QgsProcessingException, match="2015, 2021, not for 1999"):
        fetch(run_alg, tmp_path, INDICATOR="indic_sex_rp.tx_chom1564", LEVEL="departements", YEAR="1999")


def test_api_xlsx_answer_with_its_metadata_sheet(anct_env, run_alg, tmp_path):
    link = "https://www.observatoire-des-territoires.gouv.fr/outils/cartographie-interactive/#c=indicator&i=filosofi.taux_pauv_m30&s=2020"
    result, layer = fetch(run_alg, tmp_path, INDICATOR=link, LEVEL="departements", TERRITORY="reg:24")
    assert by_code(layer, "taux_pauv_m30") == {"18": (24.1, "2020"), "36": (25.3, "2020")}


def test_zoning_minus_9999_is_null_and_styled_by_category(anct_env, provider, feedback, tmp_path):
    loaded = loaded_layer = loaded_run(provider, feedback, tmp_path, INDICATOR="frr.codefrr", TERRITORY="36")
    values = by_code(loaded_layer, "codefrr")
    assert values["36001"] == (1.0, None) and values["36044"] == (None, None)
    labels = [rule.label() for rule in loaded.renderer().rootRule().children()]
    assert labels == ["1", "n.d."]
    assert "6 places not classified (-9999 in the file): NULL." in loaded.metadata().abstract()
    # A CSV answer names only its column: the curated list titles it (a zoning has no year).
    assert loaded.name() == "France ruralités revitalisation (rural revitalisation zoning) (class)"


def test_rates_in_five_classes_titled_and_described(anct_env, provider, feedback, tmp_path):
    loaded = loaded_run(provider, feedback, tmp_path, INDICATOR="insee_rp_hist_1968.dens_pop")
    renderer = loaded.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    group, no_data = renderer.rootRule().children()
    assert "Jenks" in group.label() and "5" in group.label() and len(group.children()) == 5
    assert no_data.label() == "n.d." and no_data.filterExpression() == '"dens_pop" IS NULL'
    assert loaded.name() == "Population density (inhabitants per km²), 2022"  # the curated label and unit
    metadata = loaded.metadata()
    assert "insee_rp_hist_1968.dens_pop" in metadata.abstract() and "36999" in metadata.abstract()
    assert any("GC_API_download.php" in link.url for link in metadata.links())


def test_a_curated_id_by_departement_and_an_export_of_no_id_are_titled_by_their_words(
    anct_env, provider, feedback, tmp_path
):
    loaded = loaded_run(provider, feedback, tmp_path, INDICATOR="indic_sex_rp.tx_chom1564", LEVEL="departements")
    assert loaded.name() == "Unemployment rate, ages 15-64 (census) (%), 2021"
    loaded = loaded_run(provider, feedback, tmp_path, FILE=str(FILES / "map_export_epci.csv"), LEVEL="epci")
    assert loaded.name().startswith("Part des logements sur-occupés hors studios d'une seule personne, 2021")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_help_names_every_curated_indicator_with_its_label(language):
    from anct_qgis_plugin.core.published.observatoire_indicators import CURATED
    from anct_qgis_plugin.processing.support.help_pages import help_page

    page = help_page("fetch_indicator", language)
    for entry in CURATED:
        assert f"<code>{entry.id}</code> ({entry.label(language)}" in page
    assert "<!-- include" not in page


def test_unknown_id_is_said_in_words(anct_env, run_alg, tmp_path, mirror_server):
    mirror_server.add_fault(
        "indic=nothing",
        "status",
        code=500,
        body="<!DOCTYPE html><html>500 - Internal Server Error</html>",
        content_type="text/html",
    )
    with pytest.raises(QgsProcessingException, match=r"does not know nope\.nothing at this level \(departements"):
        fetch(run_alg, tmp_path, INDICATOR="nope.nothing", LEVEL="departements")


def test_a_pasted_text_that_is_no_id(anct_env, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="is not an Observatoire des territoires indicator"):
        fetch(run_alg, tmp_path, INDICATOR="densité de population")


def test_second_run_offline_from_the_cache(anct_env, run_alg, tmp_path, monkeypatch, mirror_server):
    fetch(run_alg, tmp_path, INDICATOR="indic_sex_rp.tx_chom1564", LEVEL="departements")
    asked = mirror_server.count("tx_chom1564")
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")
    _result, layer = fetch(run_alg, tmp_path, INDICATOR="indic_sex_rp.tx_chom1564", LEVEL="departements")
    assert mirror_server.count("tx_chom1564") == asked  # not asked again
    assert by_code(layer, "tx_chom1564")["36"] == (9.0, "2021")


def test_map_xlsx_export_as_file_gives_its_id_unit_and_source(anct_env, run_alg, provider, feedback, tmp_path):
    result, layer = fetch(run_alg, tmp_path, FILE=str(FILES / "map_export_dep.xlsx"), LEVEL="departements")
    assert result["FIELD"] == "dens_pop"  # from the metadata sheet's map link
    assert by_code(layer, "dens_pop")["36"] == (31.93, "2022")
    loaded = loaded_run(provider, feedback, tmp_path, FILE=str(FILES / "map_export_dep.xlsx"), LEVEL="departements")
    assert loaded.name() == "Densité de population (habitants au km²), 2022"
    assert "Insee, RP 1968-2022" in loaded.metadata().abstract()


def test_map_csv_export_of_epci_names_the_ept(anct_env, run_alg, tmp_path, feedback):
    result, layer = fetch(run_alg, tmp_path, FILE=str(FILES / "map_export_epci.csv"), LEVEL="epci")
    field = result["FIELD"]
    values = by_code(layer, field)
    assert values["243600327"] == (3.0, "2021") and values["249740119"] == (None, "2021")
    assert result["UNMAPPED"] == 2 and any("200057941" in w and "75056" in w for w in feedback.warnings)


def _area_of_communes(codes, crs):
    """The summed area of fixture communes (geo.api's outlines of Seine-Saint-Denis) in ``crs``."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    mirror = FILES.parent / "mirror" / "geo.api.gouv.fr"
    source = QgsVectorLayer(str(mirror / "communes@codeDepartement=93&format=geojson&geometry=contour"), "93", "ogr")
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
    total = 0.0
    for feature in source.getFeatures():
        if feature["code"] in codes:
            geometry = feature.geometry()
            geometry.transform(transform)
            total += geometry.area()
    return total


def test_ept_of_an_epci_ept_export_are_drawn_from_their_communes(anct_env, run_alg, tmp_path, feedback, mirror_server):
    result, layer = fetch(run_alg, tmp_path, FILE=str(FILES / "map_export_epci_ept.csv"), LEVEL="epci")
    values = by_code(layer, result["FIELD"])
    assert values["243600327"] == (3.0, "2021") and values["200057875"] == (19.0, "2021")
    est_ensemble = next(f for f in layer.getFeatures() if f["code"] == "200057875")
    assert est_ensemble["name"] == "Est Ensemble"  # LIBEPT of INSEE's file
    # Its outline is the union of its communes the fixture draws (Bagnolet, Montreuil, Romainville): side by
    # side, so the union's area is the sum of theirs.
    expected = _area_of_communes({"93006", "93048", "93063"}, layer.crs())
    assert expected > 0 and est_ensemble.geometry().area() == pytest.approx(expected, rel=1e-4)
    # The Métropole stays as it was (no value in the export); Grand Paris Seine Ouest, whose communes have no
    # outline here, and Paris are named.
    assert values["200054781"] == (None, None)
    assert result["UNMAPPED"] == 2 and any("200057974" in w and "75056" in w for w in feedback.warnings)
    assert mirror_server.count("2510634/ept_au_01-01-2025.zip")  # 2026 is not published: 2025 read


def test_a_plain_epci_answer_does_not_ask_for_the_ept_file(anct_env, run_alg, tmp_path, mirror_server):
    lines = (FILES / "map_export_epci_ept.csv").read_text(encoding="utf-8-sig").splitlines()
    plain_epci = tmp_path / "epci_only.csv"
    plain_epci.write_text(
        "\n".join(line for line in lines if not line.startswith(("200057875", "200057974"))), encoding="utf-8"
    )
    asked = mirror_server.count("ept_au_01-01")  # the server lives for the session
    result, layer = fetch(run_alg, tmp_path, FILE=str(plain_epci), LEVEL="epci")
    assert by_code(layer, result["FIELD"])["243600327"] == (3.0, "2021")
    assert mirror_server.count("ept_au_01-01") == asked


def test_without_the_ept_file_the_ept_are_unplaced_with_the_reason(
    anct_env, run_alg, tmp_path, feedback, mirror_server, monkeypatch
):
    mirror_server.add_fault("ept_au_01-01-2025", "status", code=503)
    result, layer = fetch(run_alg, tmp_path, FILE=str(FILES / "map_export_epci_ept.csv"), LEVEL="epci")
    assert "200057875" not in by_code(layer, result["FIELD"]) and result["UNMAPPED"] == 3
    assert any("200057875" in w and "200057974" in w and "75056" in w for w in feedback.warnings)
    assert any("left unplaced" in w and "503" in w for w in feedback.warnings)
    monkeypatch.setenv("ANCT_QGIS_OFFLINE", "1")  # the outlines are cached, INSEE's file is not
    feedback.warnings.clear()
    result, _layer = fetch(run_alg, tmp_path, FILE=str(FILES / "map_export_epci_ept.csv"), LEVEL="epci")
    assert result["UNMAPPED"] == 3
    assert any("left unplaced" in w and "Offline" in w for w in feedback.warnings)


def test_a_file_at_another_level_is_refused_in_words(anct_env, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"geography: Départements\) is a place of the level 'communes'"):
        fetch(run_alg, tmp_path, FILE=str(FILES / "map_export_dep.xlsx"), LEVEL="communes")


def test_a_workbook_without_header_names_what_it_found(anct_env, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"without the Observatoire's header.*Feuil1.*Export de données"):
        fetch(run_alg, tmp_path, FILE=str(FILES / "no_header.xlsx"), LEVEL="communes")


# --- the real samples, onto the real outlines ------------------------------------------------


@pytest.fixture
def real_run(shared_mirror, tmp_path, monkeypatch, run_alg):
    if not SAMPLES.is_dir():
        pytest.skip("../shared/data/observatoire is absent (realistic tier)")
    from anct_qgis_plugin.core import service

    monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ANCT_QGIS_MIRROR", str(shared_mirror))
    monkeypatch.delenv("ANCT_QGIS_OFFLINE", raising=False)
    service._INDEX_MEMO.clear()
    yield lambda **parameters: fetch(run_alg, tmp_path, **parameters)
    service._INDEX_MEMO.clear()
    gc.collect()  # the national layers' cycles go while QGIS is up, not at the interpreter's exit


def test_real_api_xlsx_unemployment_by_departement(real_run):
    result, layer = real_run(FILE=str(SAMPLES / "api_xlsx_dep_tx_chom_trim_2022.xlsx"), LEVEL="departements")
    values = by_code(layer, "tx_chom_trim")
    assert layer.featureCount() == 101 and result["UNMAPPED"] == 0
    assert values["36"] == (7.0, "2022") and values["976"] == (None, "2022")


def test_real_map_xlsx_export_density_by_departement(real_run):
    result, layer = real_run(FILE=str(SAMPLES / "map_export_xlsx_dep_dens_pop_2022.xlsx"), LEVEL="departements")
    values = by_code(layer, "dens_pop")
    assert layer.featureCount() == 101 and values["36"] == (31.93, "2022") and values["976"] == (None, "2022")


SHARED_EPT = Path(__file__).resolve().parents[3] / "shared" / "mirror" / "www.insee.fr/fr/statistiques/fichier/2510634"


def _shared_mirror_has_ept_file():
    return any(SHARED_EPT.glob("ept_au_01-01-*"))


def test_real_map_csv_export_of_epci_and_ept(real_run, feedback):
    if _shared_mirror_has_ept_file():
        pytest.skip("../shared/mirror holds INSEE's EPT file: test_real_export_places_the_ept_too applies")
    result, layer = real_run(
        FILE=str(SAMPLES / "map_export_csv_epci_ept2025_tx_hstu1p_surocc_2021.csv"), LEVEL="epci", TERRITORY="FR"
    )
    field = result["FIELD"]
    values = by_code(layer, field)
    placed = [code for code, (value, year) in values.items() if year == "2021"]
    # 1,265 SIRENs and Paris: 1,254 EPCI placed (5 of Mayotte NULL); the mirror lacks INSEE's EPT file, so the
    # 11 EPT stay unplaced (with the reason) and are named with Paris; the Métropole du Grand Paris is NULL.
    assert len(placed) == 1254 and sum(1 for code in placed if values[code][0] is None) == 5
    assert result["UNMAPPED"] == 12 and values["200054781"] == (None, None)
    assert any("200057941" in w and "75056" in w for w in feedback.warnings)
    assert any("left unplaced" in w and "ept_au_01-01" in w for w in feedback.warnings)


def test_real_export_places_the_ept_too(real_run):
    if not _shared_mirror_has_ept_file():
        pytest.skip("../shared/mirror holds no INSEE ept_au_01-01-<year>.zip (the EPT stay unplaced there)")
    result, layer = real_run(
        FILE=str(SAMPLES / "map_export_csv_epci_ept2025_tx_hstu1p_surocc_2021.csv"), LEVEL="epci", TERRITORY="FR"
    )
    values = by_code(layer, result["FIELD"])
    placed = [code for code, (value, year) in values.items() if year == "2021"]
    assert len(placed) == 1265 and result["UNMAPPED"] == 1  # every SIREN; Paris (75056) named


def test_changes_on_a_ramp_diverging_from_zero():
    from qgis.core import QgsFeature, QgsField

    from anct_qgis_plugin.compat import FIELD_DOUBLE
    from anct_qgis_plugin.core.building.indicator_style import style_indicator

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154", "evol", "memory")
    layer.dataProvider().addAttributes([QgsField("var_pop", FIELD_DOUBLE)])
    layer.updateFields()
    features = []
    for value in (-300.0, -120.0, -5.0, 0.0, 40.0, 160.0, 310.0, None):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    style_indicator(layer, "var_pop", "change", "Variation de la population, 2013-2018")
    group, no_data = layer.renderer().rootRule().children()
    colours = [rule.symbol().color() for rule in group.children()]
    # Losses red, gains blue: the first class leans red, the last blue; NULL in its own grey class.
    assert colours[0].red() > colours[0].blue() and colours[-1].blue() > colours[-1].red()
    assert no_data.label() == "n.d." and layer.name() == "Variation de la population, 2013-2018"


def test_classes_start_at_the_smallest_value_not_at_a_null_read_as_0():
    from qgis.core import QgsFeature, QgsField

    from anct_qgis_plugin.compat import FIELD_DOUBLE
    from anct_qgis_plugin.core.building.indicator_style import style_indicator

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154", "dens", "memory")
    layer.dataProvider().addAttributes([QgsField("dens_pop", FIELD_DOUBLE)])
    layer.updateFields()
    features = []
    for value in (3.45, 14.81, 20.76, 31.93, 116.48, 352.03, 2101.5, 20054.13, None):  # None: Mayotte
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    style_indicator(layer, "dens_pop", "rate", "Densité de population (habitants au km²), 2022")
    group, _no_data = layer.renderer().rootRule().children()
    # QGIS reads a NULL of a double field as 0 when it classifies a layer: the classes are made of the values.
    assert group.children()[0].label().startswith("3.45 – ")
    assert group.children()[-1].label().endswith(" – 20\u202f054.13")
