"""The fixed-broadband key figure of the atlas sheet (issue 24): the share of premises eligible to
fibre beside mobile coverage, with its rank and its source line (Arcep, Ma connexion internet, the
edition's date); n.d. and "données indisponibles" when Arcep's files cannot be had, never 0."""

import re

import pandas as pd

from anct_qgis_plugin.cartography.texts import SheetTexts

from .test_atlas import pdf_text

INDRE_FTTH = "91,4"  # 35,100 of Indre's 38,400 premises (tests/qgis/test_france_thd.py)


def test_indre_sheet_prints_its_fibre_share_rank_and_source(anct_env, run_alg, tmp_path):
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path)})
    text = pdf_text(tmp_path / "atlas_36.pdf")
    flat = " ".join(text.split())
    assert re.search(INDRE_FTTH + r"[\s\u00a0]%", text)
    assert "des locaux raccordables à la fibre (FTTH)" in flat
    assert "Ma connexion internet, fibre (Arcep, 31/03/2026)" in flat
    ranks = re.findall(r"rang (\d+)/(\d+)", text)
    assert len(ranks) == 9  # every key figure is ranked, the fibre share too


def test_the_fibre_box_and_its_rank_from_the_profile(anct_env):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from anct_qgis_plugin.core.service import AnctData
    from anct_qgis_plugin.engine.figures import ATLAS_TABLES, BROADBAND, compute_profile
    from anct_qgis_plugin.engine.national import with_ranks

    data, context, feedback = AnctData(), QgsProcessingContext(), QgsProcessingFeedback()
    territory = data.resolve_territory("36", feedback)
    runs = {}
    profile = compute_profile(territory, data, context, feedback, runs=runs, tables=ATLAS_TABLES)
    profile = with_ranks(profile, data, ATLAS_TABLES, context, feedback, runs)
    box = SheetTexts("fr").figure_box("broadband", profile.table, profile.ranks)
    assert box.value == f"{INDRE_FTTH}\u00a0%"
    rank, of = profile.ranks["ftth_premises_share"]
    assert f"rang {rank}/{of}" in box.comparison and of >= 2
    assert profile.sources[BROADBAND].source_date == "2026-03-31"
    assert profile.sources[BROADBAND].file_name == "commune_meilleure_techno_thd.csv, commune_debit_filaire.csv"


def test_without_the_arcep_files_the_sheet_says_nd_and_unavailable(anct_env, run_alg, mirror_server, tmp_path):
    mirror_server.add_fault("commune_debit_filaire.csv", "status", code=503)
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path)})
    flat = " ".join(pdf_text(tmp_path / "atlas_36.pdf").split())
    assert "Données indisponibles" in flat and "France Très Haut Débit" in flat[flat.index("Données indisponibles") :]
    assert "Ma connexion internet" not in flat
    assert not re.search(r"0,0[\s\u00a0]% des locaux", flat)


def test_a_missing_share_prints_nd_never_zero():
    for value in (None, float("nan")):
        figures = pd.DataFrame(
            [{"indicator": "ftth_premises_share", "territory": value, "region": 80.0, "france": None}]
        )
        box = SheetTexts("fr").figure_box("broadband", figures, {})
        assert box.value == "n.d." and box.comparison == "Région\u00a0: 80,0\u00a0%\nFrance\u00a0: n.d."
        assert SheetTexts("en").figure_box("broadband", figures).value == "n/a"
