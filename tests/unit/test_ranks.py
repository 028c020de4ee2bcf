"""Ranks among the départements, against an independent recount (sorting the values by hand)."""

import random

import pandas as pd

from anct_qgis_plugin.diagnostics.ranks import departement_figures, departement_ranks, rank_of


def recount(value, values):
    """Rank by sorting: the position of the first equal value in the list sorted largest first."""
    ordered = sorted(values, reverse=True)
    return ordered.index(value) + 1, len(ordered)


def test_ranks_match_a_recount_for_every_departement():
    rng = random.Random(23)
    codes = [f"{n:02d}" for n in range(1, 102)]
    communes = pd.DataFrame(
        [
            {"code": f"{dep}{i:03d}", "dep": dep, "epci": f"E{dep}{i % 3}", "population": float(rng.randint(10, 5000))}
            for dep in codes
            for i in range(rng.randint(2, 9))
        ]
    )
    sites = {code: ["s" + code] for code in communes["code"].sample(60, random_state=1)}
    areas = {code: rng.uniform(100, 9000) for code in codes}
    gaps = {code: (rng.uniform(0, 500), 1000.0) for code in codes}
    table = departement_figures(communes, set(codes), areas, {"france_services": sites}, gaps, programmes=())
    assert sorted(table.index) == sorted(codes)
    for code in codes:
        population = communes[communes["dep"] == code]["population"].sum()
        ranks = departement_ranks(table, code, dict(table.loc[code]))
        expected = recount(population, list(communes.groupby("dep")["population"].sum()))
        assert ranks["population"] == expected
        assert ranks["density"] == recount(population / areas[code], [table.loc[c, "density"] for c in codes])
        assert ranks["gap_share"] == recount(gaps[code][0] / 10, [gaps[c][0] / 10 for c in codes])


def test_a_missing_value_has_no_rank_and_others_missing_are_not_counted():
    assert rank_of(None, [1, 2]) is None and rank_of(float("nan"), [1]) is None
    assert rank_of(5, [7, None, float("nan"), 5, 1]) == (2, 4)  # ties share the better rank


def test_the_sheets_own_figure_is_ranked():
    table = pd.DataFrame({"population": [100.0, 200.0, 300.0]}, index=["01", "02", "03"])
    assert departement_ranks(table, "01", {"population": 250.0})["population"] == (2, 3)
