"""anct:territory_profile's INDICATORS: each level's own figure from the Observatoire (dep, reg, com2025
answers of the loopback fixtures), n.d. with its reason where it publishes none — never a mean of the parts."""

import pytest
from qgis.core import QgsProcessingException


def plain(value):
    """NULL as None (a QVariant under PyQt5)."""
    return value if isinstance(value, (int, float, str)) else None


def indicator_rows(run_alg, territory, indicators):
    table = run_alg("anct:territory_profile", {"TERRITORY": territory, "INDICATORS": indicators, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    return {
        f["indicator"]: {name: plain(f[name]) for name in ("label", "unit", "territory", "region", "france", "note")}
        for f in table.getFeatures()
        if "." in f["indicator"]
    }


def test_a_departement_beside_its_region_each_the_observatoire_s_own_figure(anct_env, run_alg):
    rows = indicator_rows(run_alg, "36", "insee_rp_hist_1968.dens_pop, indic_sex_rp.tx_chom1564")
    density = rows["insee_rp_hist_1968.dens_pop"]
    # The département's published 31.93, not a mean of its communes' densities (1650.6, 19.8, 98.7…).
    assert (density["territory"], density["region"], density["france"]) == (31.93, 65.9, None)
    assert density["label"] == "Population density, 2022" and density["unit"] == "inhabitants per km²"
    assert "France: n.d." in density["note"]
    unemployment = rows["indic_sex_rp.tx_chom1564"]
    assert (unemployment["territory"], unemployment["region"]) == (9.0, None)  # sex T, the latest year (2021)
    assert "Centre-Val de Loire: n.d. (not published at this level, nivgeo=reg)" in unemployment["note"]


def test_a_commune_its_own_value_and_one_without_value(anct_env, run_alg):
    rows = indicator_rows(run_alg, "36044", "insee_rp_hist_1968.dens_pop")
    assert (rows["insee_rp_hist_1968.dens_pop"]["territory"], rows["insee_rp_hist_1968.dens_pop"]["region"]) == (
        1650.6,
        65.9,
    )
    # Saint-Maur's own cell is empty: n.d., not the value of its delegated commune 36245.
    saint_maur = indicator_rows(
        run_alg,
        "36202",
        "https://www.observatoire-des-territoires.gouv.fr/outils/"
        "cartographie-interactive/#c=indicator&i=insee_rp_hist_1968.dens_pop&s=2022",
    )
    row = saint_maur["insee_rp_hist_1968.dens_pop"]
    assert row["territory"] is None and "n.d. (no value in the Observatoire's answer, 2022)" in row["note"]


def test_a_zoning_at_a_level_not_published_is_nd_everywhere(anct_env, run_alg):
    row = indicator_rows(run_alg, "36", "frr.codefrr")["frr.codefrr"]
    assert (row["territory"], row["region"], row["france"]) == (None, None, None)
    assert (
        row["label"] == "France ruralités revitalisation (rural revitalisation zoning)" and "nivgeo=dep" in row["note"]
    )


def test_without_indicators_the_profile_is_unchanged(anct_env, run_alg):
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    assert not [f["indicator"] for f in table.getFeatures() if "." in f["indicator"]]


def test_a_text_that_is_no_id_is_refused_before_the_run(anct_env, run_alg):
    with pytest.raises(QgsProcessingException, match="'densité' is not an Observatoire des territoires indicator"):
        run_alg("anct:territory_profile", {"TERRITORY": "36", "INDICATORS": "densité", "OUTPUT": "memory:"})
