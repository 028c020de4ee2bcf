"""The curated Observatoire des territoires indicators: the ids whose answer was seen (grade A of
../shared/docs/observatoire.md, section 2) and the grade-B ones whose shape a test confirms, each with its
French and English label, unit and theme. One table, read by the help, the layer's title, the territory
profile, the commune card and the panel; no QGIS here (start-up reads it)."""

from __future__ import annotations

from dataclasses import dataclass

THEMES = {  # theme -> (French, English)
    "typology": ("Zonages", "Zonings"),
    "demography": ("Démographie", "Demography"),
    "employment": ("Emploi", "Employment"),
    "income": ("Revenus", "Income"),
    "housing": ("Logement", "Housing"),
    "health": ("Santé", "Health"),
    "agriculture": ("Agriculture", "Agriculture"),
}


@dataclass(frozen=True)
class CuratedIndicator:
    id: str  # dataset.indic, as the API and the map's links give it
    theme: str  # a key of THEMES
    label_fr: str
    label_en: str
    unit_fr: str = ""
    unit_en: str = ""
    evidence: str = ""  # why it is here (graded table of ../shared/docs/observatoire.md)

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en

    def unit(self, language: str) -> str:
        return self.unit_fr if language == "fr" else self.unit_en

    def theme_label(self, language: str) -> str:
        return THEMES[self.theme][0 if language == "fr" else 1]


CURATED = (
    CuratedIndicator(
        "frr.codefrr",
        "typology",
        "France ruralités revitalisation",
        "France ruralités revitalisation (rural revitalisation zoning)",
        "classe",
        "class",
        "A: mednum-cli src/transformer/data/frr @ 525661ab; grist-qpv-widget scripts/maj-frr.js @ e7e75fe6",
    ),
    CuratedIndicator(
        "typo_loilitt.loilitt_simp",
        "typology",
        "Loi Littoral : classement",
        "Coastal law (loi Littoral): classification",
        "classe",
        "class",
        "A: note 'vérité littorale' (1,174 classified communes); cartiflette sources.yaml @ 1eb8d59a",
    ),
    CuratedIndicator(
        "insee_rp_hist_1968.dens_pop",
        "demography",
        "Densité de population",
        "Population density",
        "habitants au km²",
        "inhabitants per km²",
        "A: the map's XLSX export (metadata sheet, unit 'habitants au km²'), nonolekoko369/… data/densité.xlsx",
    ),
    CuratedIndicator(
        "indic_sex_rp.tx_chom1564",
        "employment",
        "Taux de chômage des 15-64 ans (recensement)",
        "Unemployment rate, ages 15-64 (census)",
        "%",
        "%",
        "A: dep answer with codgeo, libgeo, an, sexe, tx_chom1564 (aMyzer/apprentis-auteuil-map @ 6c071337)",
    ),
    CuratedIndicator(
        "indic_sex_rp.tx_chom1524",
        "employment",
        "Taux de chômage des 15-24 ans (recensement)",
        "Unemployment rate, ages 15-24 (census)",
        "%",
        "%",
        "A: com2021 answer filtered on an and sexe T",
    ),
    CuratedIndicator(
        "filosofi.taux_pauv_m30",
        "income",
        "Taux de pauvreté des moins de 30 ans",
        "Poverty rate, under 30",
        "%",
        "%",
        "A: dep XLSX answer read with sheet Data",
    ),
    CuratedIndicator(
        "acces_soin.part_pop_eloigne_soin",
        "health",
        "Part de la population à plus de 20 min d'un service de santé de proximité",
        "Share of the population more than 20 min from a local health service",
        "%",
        "%",
        "A: com2025 CSV answer, 34,875 communes (10ch81/territoire-portrait @ 90b40441)",
    ),
    CuratedIndicator(
        "agri.exp2020",
        "agriculture",
        "Nombre d'exploitations agricoles (2020)",
        "Number of farms (2020)",
        "exploitations",
        "farms",
        "A: note 'Cartographier l'agriculture' (416,409 farms over com2025)",
    ),
    CuratedIndicator(
        "agri.sau2020",
        "agriculture",
        "Surface agricole utilisée (2020)",
        "Utilised agricultural area (2020)",
        "ha",
        "ha",
        "A: same note (26.88 M ha); map link agri.sau2020 (Konsilion/diag360 @ c871f17d)",
    ),
    CuratedIndicator(
        "surocc_hstud.tx_hstu1p_surocc",
        "housing",
        "Part des logements sur-occupés hors studios d'une seule personne",
        "Share of overcrowded dwellings (one-person studios excluded)",
        "%",
        "%",
        "B, shape confirmed: the map's EPCI/EPT 2025 CSV export (Hpoinseaux/diag_360 source/i032.csv @ 9f44f5f0) "
        "read by tests/qgis/test_fetch_indicator.py",
    ),
)
BY_ID = {indicator.id: indicator for indicator in CURATED}


def curated(indicator_id: object) -> CuratedIndicator | None:
    """The curated entry of ``dataset.indic`` (None for an id outside the list: still fetched, titled by id)."""
    return BY_ID.get(str(indicator_id))
