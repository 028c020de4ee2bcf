"""INSEE's grille communale de densité: the newest yearly workbook read below its title rows,
levels by commune (codes of merged communes mapped), the profile's population by level beside
the région and France, the card, and bad workbooks refused with the cached copy kept."""

import io
import zipfile

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from anct_qgis_plugin.core.service import AnctData

GRID = "grille_densite_7_niveaux_"


def fetch(run_alg, territory):
    layer = run_alg("anct:fetch_layer", {"LAYER": "grille_densite", "TERRITORY": territory, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    return layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer)


def workbook_with(replace):
    """The fixture's workbook with ``replace(sheet_xml) -> sheet_xml`` applied to its grid sheet."""
    from conftest import FIXTURE_MIRROR

    original = next(FIXTURE_MIRROR.rglob(GRID + "2024.xlsx")).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(
                name, replace(data.decode("utf-8")).encode("utf-8") if name.endswith("sheet2.xml") else data
            )
    return out.getvalue()


def test_the_newest_year_published_is_read_by_level(anct_env, run_alg, mirror_server, feedback):
    asked_2025 = mirror_server.count(GRID + "2025")
    levels = {f["dens"]: (f["libdens"], f["insee_com"]) for f in fetch(run_alg, "36").getFeatures()}
    assert levels == {
        "2": ("Centres urbains intermédiaires", "36044, 36063, 36088"),
        "3": ("Ceintures urbaines", "36202"),
        "5": ("Bourgs ruraux", "36018, 36202"),  # Saint-Maur through its delegated 36245
        "6": ("Rural à habitat dispersé", "36001"),
    }
    assert mirror_server.count(GRID + "2025") - asked_2025 == 1  # looked for, not published (404): 2024 is the newest
    assert any("36999" in warning for warning in feedback.warnings)  # a code of no commune, named


def test_the_source_says_which_year_and_file(anct_env, feedback):
    data = AnctData()
    built = data.builder(feedback).build("grille_densite", data.resolve_territory("36", feedback))
    assert (built.info.file_name, built.info.source_date) == (GRID + "2024.xlsx", "2024-01-01")


def test_profile_gives_the_population_by_density_level(anct_env, run_alg, feedback):
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["indicator"]: f for f in table.getFeatures()}
    # Indre 72,744 inhabitants: Saint-Maur counts once, at its denser level (3, not 5).
    assert [rows[f"density_{n}_population"]["territory"] for n in (1, 2, 3, 5, 6)] == [0, 61722, 3537, 6164, 1321]
    assert rows["density_2_population_share"]["territory"] == pytest.approx(84.8, abs=0.05)
    assert rows["density_1_population"]["region"] == 64186  # Bourges, in Centre-Val de Loire
    assert rows["density_1_population"]["france"] == 64186 + 2103778 + 76320 + 155634
    assert "Centres urbains intermédiaires" in rows["density_2_population"]["label"]
    assert "2024" in rows["density_2_population"]["label"]
    assert any("two density levels" in warning and "36202" in warning for warning in feedback.warnings)


def test_the_card_gives_the_level(anct_env):
    card = AnctData().commune_card("36044")
    assert [(line.ident, line.label) for line in card.lines if line.layer_id == "grille_densite"] == [
        ("2", "Centres urbains intermédiaires")
    ]


def test_a_renamed_column_names_what_was_found(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(GRID + "2024", "body", body=workbook_with(lambda xml: xml.replace(">DENS<", ">NIVEAU<")))
    with pytest.raises(
        QgsProcessingException,
        match=r"'dens' is missing in grille_densite_7_niveaux_2024.xlsx.*"
        r"columns found: CODGEO, LIBGEO, NIVEAU, LIBDENS, PMUN21",
    ):
        fetch(run_alg, "36")


def test_a_truncated_workbook_is_refused_and_the_cached_copy_kept(
    anct_env, run_alg, mirror_server, monkeypatch, feedback
):
    assert fetch(run_alg, "36").featureCount() == 4
    monkeypatch.setenv("ANCT_QGIS_TTL_HOURS", "0")
    mirror_server.add_fault(GRID + "2024", "body", body=workbook_with(lambda xml: xml)[:900])
    assert fetch(run_alg, "36").featureCount() == 4
    assert any(GRID + "2024.xlsx" in warning for warning in feedback.warnings)


def test_a_truncated_workbook_without_a_copy_is_a_clear_error(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(GRID + "2024", "body", body=workbook_with(lambda xml: xml)[:900])
    with pytest.raises(QgsProcessingException, match="is not a readable XLSX workbook"):
        fetch(run_alg, "36")
