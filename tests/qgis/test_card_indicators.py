"""The commune card's Observatoire indicators, chosen in Options (card_indicators): the commune's own value
from the API's commune answer (loopback fixtures, through the cache), with year and unit; n.d. and why."""


def card_text(monkeypatch, code, indicators):
    from anct_qgis_plugin.core.service import AnctData

    monkeypatch.setenv("ANCT_QGIS_CARD_INDICATORS", indicators)
    return AnctData().commune_card(code).as_text()


def test_the_card_shows_the_chosen_indicators_with_year_and_unit(anct_env, monkeypatch):
    text = card_text(monkeypatch, "36044", "insee_rp_hist_1968.dens_pop, frr.codefrr")
    assert (
        "Population density: 1\u202f650.6 inhabitants per km² (2022) "
        "[Observatoire des territoires, insee_rp_hist_1968.dens_pop]" in text
    )
    # Châteauroux is not classified in the FRR answer (-9999): n.d., never 0.
    assert "France ruralités revitalisation (rural revitalisation zoning): n.d. — Châteauroux (36044): n.d." in text


def test_a_commune_without_value_and_none_chosen(anct_env, monkeypatch):
    text = card_text(monkeypatch, "36202", "insee_rp_hist_1968.dens_pop")
    assert "Population density: n.d. — Saint-Maur (36202): n.d. (no value in the Observatoire's answer, 2022)" in text
    assert "Observatoire des territoires" not in card_text(monkeypatch, "36202", "")


def test_a_slip_in_options_is_said_and_the_card_still_shows(anct_env, monkeypatch, feedback):
    from anct_qgis_plugin.core.service import AnctData

    monkeypatch.setenv("ANCT_QGIS_CARD_INDICATORS", "densité")
    card = AnctData().commune_card("36044", feedback)
    assert card.name == "Châteauroux" and card.indicators == []
    assert any("'densité' is not an Observatoire des territoires indicator" in w for w in feedback.warnings)
