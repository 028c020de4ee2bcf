"""Page 2's dot strip: the département among all départements (every value a dot, its région's
apart, its own marked with its value and rank)."""

import pandas as pd
from qgis.PyQt.QtSvg import QSvgRenderer

from anct_qgis_plugin.cartography.charts import dot_strip_svg
from anct_qgis_plugin.cartography.template import PAGE_2_IDS
from anct_qgis_plugin.cartography.texts import SheetTexts


def test_the_strips_hold_every_departement_and_mark_this_one(tmp_path, qgis_app):
    codes = [f"{n:02d}" for n in range(1, 102)]
    national = pd.DataFrame(
        {
            "density": [float(n) for n in range(1, 102)],
            "france_services_per_10000": [n / 10 for n in range(1, 102)],
            "gap_share": [n / 4 for n in range(1, 102)],
        },
        index=codes,
    )
    figures = pd.DataFrame(
        [
            {"indicator": "density", "territory": 36.4, "region": 65.5, "france": 107.2},
            {"indicator": "france_services_per_10000", "territory": 1.2, "region": 0.59, "france": 0.41},
            {"indicator": "gap_share", "territory": 0.0, "region": 0.3, "france": 4.1},
        ]
    )
    texts = SheetTexts("fr")
    strips = texts.strips(national, "36", ("18", "28", "36", "37", "41", "45"), figures, {"density": (66, 101)})
    assert [len(strip.values) + len(strip.region) for strip in strips] == [100, 100, 100]  # the others
    assert all(len(strip.region) == 5 for strip in strips)
    assert strips[0].marked == 36.4 and strips[0].rank == "rang 66/101" and strips[1].rank == ""
    path = dot_strip_svg(str(tmp_path / "strips.svg"), strips, texts.words.strips_title, 50, 28, texts.strip_value)
    assert QSvgRenderer(path).isValid()
    svg = (tmp_path / "strips.svg").read_text(encoding="utf-8")
    assert "Parmi les départements" in svg and "36,4 · rang 66/101" in svg
    assert svg.count("<circle") + svg.count("<ellipse") >= 300 or svg.count("<path") >= 300
    assert "chart_ranks" in PAGE_2_IDS
    assert texts.strips(None, "36", (), figures, {}) == []
