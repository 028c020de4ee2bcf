"""INSEE's grille communale de densité: the newest yearly workbook at its 2025 address read below its
title rows, the 7 levels (DENS7, never the 3-level DENS) by commune (codes of merged communes mapped),
from the grid sheet and not the documentation sheet that repeats its header, the profile's population by
level beside the région and France, the card, and bad or oversized workbooks refused with the cached copy
kept."""

import io
import zipfile

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from anct_qgis_plugin.core.service import AnctData

GRID = "fichier_diffusion_"


def fetch(run_alg, territory):
    layer = run_alg("anct:fetch_layer", {"LAYER": "grille_densite", "TERRITORY": territory, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    return layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer)


def workbook_with(replace):
    """The fixture's workbook with ``replace(sheet_xml) -> sheet_xml`` applied to every sheet (the
    documentation sheet repeats the grid's header)."""
    from conftest import FIXTURE_MIRROR

    original = next(FIXTURE_MIRROR.rglob(GRID + "2025.xlsx")).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            sheet = name.startswith("xl/worksheets/")
            target.writestr(name, replace(data.decode("utf-8")).encode("utf-8") if sheet else data)
    return out.getvalue()


def test_the_newest_year_published_is_read_by_level(anct_env, run_alg, mirror_server, feedback):
    # Seven levels from DENS7 (a DENS read gives 2 and 3 only), every commune of the grid sheet (the
    # documentation sheet before it repeats the header above Châteauroux alone).
    asked_2026 = mirror_server.count(GRID + "2026")
    levels = {f["dens"]: (f["libdens"], f["insee_com"]) for f in fetch(run_alg, "36").getFeatures()}
    assert levels == {
        "2": ("Centres urbains intermédiaires", "36044, 36063, 36088"),
        "3": ("Ceintures urbaines", "36202"),
        "5": ("Bourgs ruraux", "36018, 36202"),  # Saint-Maur through its delegated 36245
        "6": ("Rural à habitat dispersé", "36001"),
    }
    assert mirror_server.count(GRID + "2026") - asked_2026 == 1  # looked for, not published (404): 2025 is the newest
    assert any("36999" in warning for warning in feedback.warnings)  # a code of no commune, named


def test_the_source_says_which_year_and_file(anct_env, feedback):
    data = AnctData()
    built = data.builder(feedback).build("grille_densite", data.resolve_territory("36", feedback))
    assert (built.info.file_name, built.info.source_date) == (GRID + "2025.xlsx", "2025-01-01")
    assert built.info.urls == ["https://www.insee.fr/fr/statistiques/fichier/8571524/fichier_diffusion_2025.xlsx"]


def test_profile_gives_the_population_by_density_level(anct_env, run_alg, feedback):
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["indicator"]: f for f in table.getFeatures()}
    # Indre 72,744 inhabitants: Saint-Maur counts once, at its denser level (3, not 5).
    assert [rows[f"density_{n}_population"]["territory"] for n in (1, 2, 3, 5, 6)] == [0, 61722, 3537, 6164, 1321]
    assert rows["density_2_population_share"]["territory"] == pytest.approx(84.8, abs=0.05)
    assert rows["density_1_population"]["region"] == 64186  # Bourges, in Centre-Val de Loire
    assert rows["density_1_population"]["france"] == 64186 + 2103778 + 76320 + 155634
    assert "Centres urbains intermédiaires" in rows["density_2_population"]["label"]
    assert "2025" in rows["density_2_population"]["label"]
    assert any("two density levels" in warning and "36202" in warning for warning in feedback.warnings)


def test_the_card_gives_the_level(anct_env):
    card = AnctData().commune_card("36044")
    assert [(line.ident, line.label) for line in card.lines if line.layer_id == "grille_densite"] == [
        ("2", "Centres urbains intermédiaires")
    ]


def test_a_renamed_column_names_what_was_found(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(GRID + "2025", "body", body=workbook_with(lambda xml: xml.replace(">DENS7<", ">NIVEAU<")))
    with pytest.raises(
        QgsProcessingException,
        match=r"'DENS7' is missing in fichier_diffusion_2025.xlsx.*"
        r"columns found: CODGEO, LIBGEO, DENS, LIBDENS, PMUN22, P1, P2, P3, DENS_AAV, LIBDENS_AAV, NIVEAU, LIBDENS7",
    ):
        fetch(run_alg, "36")


def test_a_grid_without_its_seven_levels_is_refused_not_read_at_three(anct_env, run_alg, mirror_server):
    # DENS/LIBDENS are the 3-level grid now: a workbook without DENS7/LIBDENS7 is an error.
    def three_levels_only(xml):
        for column in ("LIBDENS7", "DENS7"):
            xml = xml.replace(f"<t>{column}</t>", "<t></t>")
        return xml

    mirror_server.add_fault(GRID + "2025", "body", body=workbook_with(three_levels_only))
    with pytest.raises(
        QgsProcessingException,
        match=r"'DENS7' is missing in fichier_diffusion_2025.xlsx \(source 'grille_densite'\); "
        r"columns found: CODGEO, LIBGEO, DENS, LIBDENS, PMUN22, P1, P2, P3, DENS_AAV, LIBDENS_AAV$",
    ):
        fetch(run_alg, "36")


def test_a_workbook_that_unpacks_too_far_is_refused_before_it_is_parsed(anct_env, run_alg, mirror_server, monkeypatch):
    from anct_qgis_plugin.core.published import parsers

    # A few hundred kB that inflate beyond the limit (a 2.9 MB workbook of 20 million rows took 5 GB).
    monkeypatch.setattr(parsers, "MAX_XLSX_UNPACKED", 4 << 20)
    rows = "<row><c><v>1</v></c></row>" * 300_000
    bomb = workbook_with(lambda xml: xml.replace("</sheetData>", rows + "</sheetData>"))
    assert len(bomb) < 1 << 20
    mirror_server.add_fault(GRID + "2025", "body", body=bomb)
    with pytest.raises(QgsProcessingException, match=r"fichier_diffusion_2025.xlsx .* unpacks to more than 4 MB"):
        fetch(run_alg, "36")


def test_a_sheet_of_too_many_rows_is_refused(anct_env, run_alg, monkeypatch):
    from anct_qgis_plugin.core.published import parsers

    monkeypatch.setattr(parsers, "MAX_XLSX_ROWS", 5)  # the grid sheet has 13 communes
    with pytest.raises(QgsProcessingException, match="sheet 'Maille communale' has more than 5 rows"):
        fetch(run_alg, "36")


def test_a_truncated_workbook_is_refused_and_the_cached_copy_kept(
    anct_env, run_alg, mirror_server, monkeypatch, feedback
):
    assert fetch(run_alg, "36").featureCount() == 4
    monkeypatch.setenv("ANCT_QGIS_TTL_HOURS", "0")
    mirror_server.add_fault(GRID + "2025", "body", body=workbook_with(lambda xml: xml)[:900])
    assert fetch(run_alg, "36").featureCount() == 4
    assert any(GRID + "2025.xlsx" in warning for warning in feedback.warnings)


def test_a_truncated_workbook_without_a_copy_is_a_clear_error(anct_env, run_alg, mirror_server):
    mirror_server.add_fault(GRID + "2025", "body", body=workbook_with(lambda xml: xml)[:900])
    with pytest.raises(QgsProcessingException, match="is not a readable XLSX workbook"):
        fetch(run_alg, "36")
