"""The recipe for a new programme (docs/architecture.md, "Where a new thing goes") holds for every
programme of the catalogue, and the programmes the key figures count and the atlas maps are one list,
the catalogue's (Source.key_figure), wherever they are used."""

import sys
from pathlib import Path

import pandas as pd

from anct_qgis_plugin.cartography.atlas import MAIN_LAYERS
from anct_qgis_plugin.cartography.texts import SheetTexts
from anct_qgis_plugin.core.published.catalogue import KEY_FIGURE_PROGRAMMES, PROGRAMME_LIST_IDS, SOURCES
from anct_qgis_plugin.core.published.presentation import DRAWING_ORDER
from anct_qgis_plugin.diagnostics.profile import key_figures
from anct_qgis_plugin.engine.figures import ATLAS_TABLES, PROFILE_TABLES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import make_styles  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_every_programme_has_its_colour_style_and_place():
    for layer_id in PROGRAMME_LIST_IDS:
        assert layer_id in make_styles.PROGRAMMES, f"{layer_id}: a colour in scripts/make_styles.py PROGRAMMES"
        assert layer_id in make_styles.STYLES, f"{layer_id}: a line in scripts/make_styles.py STYLES"
        assert layer_id in DRAWING_ORDER, f"{layer_id}: a place in core/published/presentation.py DRAWING_ORDER"
        assert (ROOT / "resources" / "styles" / f"{layer_id}.qml").exists(), f"{layer_id}: run make_styles.py"


def test_the_recipe_is_written_once_and_pointed_to():
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "**A new programme**" in architecture and "key_figure" in architecture
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in readme[readme.index("**Adding the next ANCT programme**") :][:400]


def test_the_key_figure_programmes_are_the_catalogues():
    flagged = {source.id: source.key_figure for source in SOURCES if source.key_figure}
    assert flagged == {
        "action_coeur_de_ville": "ACV",
        "petites_villes_de_demain": "PVD",
        "territoires_industrie": "TI",
        "villages_avenir": "VA",
    }
    assert KEY_FIGURE_PROGRAMMES == tuple(sorted(flagged))
    for tables in (PROFILE_TABLES, ATLAS_TABLES, MAIN_LAYERS):
        assert set(KEY_FIGURE_PROGRAMMES) <= set(tables)
    assert not set(PROGRAMME_LIST_IDS) - set(KEY_FIGURE_PROGRAMMES) & (set(PROFILE_TABLES) | set(MAIN_LAYERS))


def test_the_programmes_box_names_each_counted_programme():
    figures = pd.DataFrame(
        [
            {"indicator": key, "territory": n + 1.0, "region": None, "france": None}
            for n, key in enumerate(KEY_FIGURE_PROGRAMMES)
        ]
    )
    box = SheetTexts("fr").figure_box("programmes", figures)
    assert box.value == "2 PVD" and box.label == "1 ACV · 3 TI · 4 VA"


def test_key_figures_count_the_programmes_they_are_given():
    communes = pd.DataFrame([{"code": "36044", "dep": "36", "epci": "E1", "population": 100.0}])
    memberships = {"crte": {"36044": ["c1"]}, "villages_avenir": {"36044": ["v1", "v2"]}}
    table = key_figures(communes, {"territory": None}, {}, memberships, {}, programmes=("crte",))
    values = dict(zip(table["indicator"], table["territory"]))
    assert values["crte"] == 1 and values["crte_population_share"] == 100.0
    assert "villages_avenir" not in values
