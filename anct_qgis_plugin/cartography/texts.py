"""The words and numbers printed on a sheet, in French (default) or English.

The sheet's language is a parameter of the algorithm, independent of QGIS's interface
language: Qt's translator follows the interface, so both vocabularies live here side by side,
as two ``SheetWords`` records, instead of in the .ts file.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple

from ..core.published.catalogue import KEY_FIGURE_PROGRAMMES, LICENCE, get_source

if TYPE_CHECKING:  # for the hints only
    from pandas import DataFrame
    from qgis.core import QgsVectorLayer

    from ..core.building.layer_info import SourceInfo
    from ..core.published.territories import Territory

DEFAULT_LANGUAGE = "fr"
NBSP = "\u00a0"  # not U+202F: Arial/Nimbus Sans lack it (another font would be mixed in)
SOURCE_LINE = "{title} ({who}, {date})"


@dataclass(frozen=True)
class ChartWords:
    """What a comparison chart says besides its data."""

    name: str  # the SVG's title when the chart draws none
    note: str  # under the chart: how the bars are scaled ("" for none)
    nd: str  # a missing value
    empty: str  # a chart without rows


@dataclass(frozen=True)
class SheetWords:
    """The vocabulary of a sheet in one language. ``{km}``/``{min}``: the gap threshold."""

    inhabitants: str
    density: str
    communes: str
    in_communes: str
    region: str
    france: str
    sites: str
    per_10000: str
    gap: str
    gap_road: str
    mobile: str
    broadband: str  # the share of premises eligible to FTTH (Arcep, Ma connexion internet)
    broadband_source: str  # its line among the sources
    programmes: str
    subtitle: str
    title_2: str
    nd: str
    colon: str
    missing: str
    chart_density: str
    chart_fs: str
    chart_qpv: str
    chart_pvd: str
    chart_va: str
    chart_gap: str
    chart_gap_road: str
    chart: ChartWords
    epci_headers: tuple
    epci_farthest_road: str
    footer: str
    sources_title: str
    licence_all: str
    gap_map: str
    gap_map_road: str
    road_times: str
    road_network: str
    partial_gap: str  # a level's gap measured on part of its communes: {name}, {n}, {total}
    rank: str  # the département's rank among the départements: {n}, {of}
    rank_notes: dict  # box -> what rank 1 is, where "first" is ambiguous
    strips_title: str  # the dot strip: the département among all départements
    headings: dict  # the template's fixed labels (item id -> text) and "legend": the legends' title
    contents: str  # the contents page of a volume (the combined PDF of several départements)
    contents_kicker: str
    contents_subtitle: str  # {n} départements, {date}
    contents_footer: str
    contents_continued: str  # a région's heading again at the top of the next column: {region}


WORDS = {
    "fr": SheetWords(
        inhabitants="habitants",
        density="hab./km²",
        communes="communes",
        in_communes="dans {n} communes",
        region="Région",
        france="France",
        sites="France services",
        per_10000="{v} pour 10\u00a0000\u00a0hab.",
        gap="à plus de {km} km d'un France services ({n} hab.)",
        gap_road="à plus de {min} min d'un France services par la route ({n} hab.)",
        mobile="sites mobiles (Arcep)",
        broadband="des locaux raccordables à la fibre (FTTH)",
        broadband_source="Ma connexion internet, fibre",
        programmes="programmes ANCT (nombre)",
        subtitle="{region} — fiche produite le {date}",
        title_2="{name} ({code}) — accès aux services et intercommunalités",
        nd="n.d.",
        colon="\u00a0: ",
        missing="Données indisponibles : {items}",
        chart_density="Densité (hab./km²)",
        chart_fs="France services pour 10 000 hab.",
        chart_qpv="Population des communes à QPV (%)",
        chart_pvd="Population des communes PVD (%)",
        chart_va="Population des communes Villages d'avenir (%)",
        chart_gap="Population à plus de {km} km (%)",
        chart_gap_road="Population à plus de {min} min par la route (%)",
        chart=ChartWords(
            name="Comparaison",
            note="Longueur des barres relative à la plus grande valeur de chaque indicateur.",
            nd="n.d.",
            empty="Données indisponibles",
        ),
        epci_headers=("EPCI", "Communes", "Population", "> seuil (%)", "Plus loin (km)"),
        epci_farthest_road="Plus loin (min)",
        footer="Sources : {sources} — {licence} — Réalisation : extension QGIS ANCT Territoires, {date}",
        sources_title="Sources :",
        licence_all="Toutes les données : {licence}.",
        gap_map="Distance au France services",
        gap_map_road="Temps par la route (min)",
        road_times="temps par la route (réseau routier indisponible : distance à vol d'oiseau)",
        road_network="Réseau routier BD TOPO",
        partial_gap="éloignement des France services de {name} (partiel : {n} communes sur {total})",
        rank="rang {n}/{of}",
        strips_title="Parmi les départements",
        rank_notes={
            "programmes": " (PVD)",
            "france_services": " (1 = mieux doté)",
            "gap": " (1 = le plus éloigné)",
        },
        headings={
            "deco_kicker_1": "ATLAS DES DÉPARTEMENTS · FICHE TERRITORIALE",
            "deco_kicker_2": "ATLAS DES DÉPARTEMENTS · FICHE TERRITORIALE",
            "deco_agency_1": "Agence nationale de la cohésion des territoires",
            "deco_agency_2": "Agence nationale de la cohésion des territoires",
            "deco_heading_figures": "Chiffres clés",
            "deco_heading_gap": "Accès aux services",
            "deco_heading_chart": "Comparaison avec la région et la France",
            "deco_heading_epci": "Intercommunalités (EPCI)",
            "legend": "Légende",
        },
        contents="Sommaire",
        contents_kicker="ATLAS DES DÉPARTEMENTS",
        contents_subtitle="{n} départements — fiches produites le {date}",
        contents_footer="Réalisation : extension QGIS ANCT Territoires — Licence Ouverte 2.0 (Etalab)",
        contents_continued="{region} (suite)",
    ),
    "en": SheetWords(
        inhabitants="inhabitants",
        density="inh./km²",
        communes="communes",
        in_communes="in {n} communes",
        region="Région",
        france="France",
        sites="France services",
        per_10000="{v} per 10,000\u00a0inh.",
        gap="beyond {km} km of France services ({n} inh.)",
        gap_road="beyond {min} min of France services by road ({n} inh.)",
        mobile="mobile sites (Arcep)",
        broadband="of premises eligible to fibre (FTTH)",
        broadband_source="Ma connexion internet, fibre",
        programmes="ANCT programmes (number)",
        subtitle="{region} — sheet produced on {date}",
        title_2="{name} ({code}) — access to services and EPCI",
        nd="n/a",
        colon=": ",
        missing="Data unavailable: {items}",
        chart_density="Density (inh./km²)",
        chart_fs="France services per 10,000 inh.",
        chart_qpv="Population of communes with a QPV (%)",
        chart_pvd="Population of PVD communes (%)",
        chart_va="Population of Villages d'avenir communes (%)",
        chart_gap="Population beyond {km} km (%)",
        chart_gap_road="Population beyond {min} min by road (%)",
        chart=ChartWords(
            name="Comparison",
            note="Bar length relative to the largest value of each indicator.",
            nd="n/a",
            empty="Data unavailable",
        ),
        epci_headers=("EPCI", "Communes", "Population", "Beyond (%)", "Farthest (km)"),
        epci_farthest_road="Farthest (min)",
        footer="Sources: {sources} — {licence} — Made with the ANCT Territoires QGIS plugin, {date}",
        sources_title="Sources:",
        licence_all="All data: {licence}.",
        gap_map="Distance to France services",
        gap_map_road="Time by road (min)",
        road_times="road times (road network unavailable: straight-line distance)",
        road_network="BD TOPO road network",
        partial_gap="service gap of {name} (partial: {n} of {total} communes)",
        rank="rank {n}/{of}",
        strips_title="Among the départements",
        rank_notes={
            "programmes": " (PVD)",
            "france_services": " (1 = most)",
            "gap": " (1 = farthest)",
        },
        headings={
            "deco_kicker_1": "ATLAS OF THE DÉPARTEMENTS · TERRITORIAL SHEET",
            "deco_kicker_2": "ATLAS OF THE DÉPARTEMENTS · TERRITORIAL SHEET",
            "deco_agency_1": "Agence nationale de la cohésion des territoires",
            "deco_agency_2": "Agence nationale de la cohésion des territoires",
            "deco_heading_figures": "Key figures",
            "deco_heading_gap": "Access to services",
            "deco_heading_chart": "Compared with the région and France",
            "deco_heading_epci": "Intercommunalities (EPCI)",
            "legend": "Legend",
        },
        contents="Contents",
        contents_kicker="ATLAS OF THE DÉPARTEMENTS",
        contents_subtitle="{n} départements — sheets produced on {date}",
        contents_footer="Made with the ANCT Territoires QGIS plugin — Licence Ouverte 2.0 (Etalab)",
        contents_continued="{region} (continued)",
    ),
}


@dataclass(frozen=True)
class SheetSource:
    """A source as a sheet credits it."""

    title: str
    publisher: str  # "who — long name": the sheet shows who
    date: str  # ISO date of the source ("" when unknown)
    licence: str

    @classmethod
    def of(cls, info: SourceInfo) -> SheetSource:
        """From a layer's provenance (core.layer_info.SourceInfo)."""
        return cls(info.title, info.publisher, info.source_date, info.licence)

    @property
    def who(self) -> str:
        return self.publisher.split(" — ")[0]


class FigureBox(NamedTuple):
    """The three texts of a key-figure box."""

    value: str  # in big type
    label: str  # what it is
    comparison: str  # the région and France beside it


class ChartRow(NamedTuple):
    """One indicator of the comparison chart: its label and [territory, région, France]."""

    label: str
    values: list


class Strip(NamedTuple):
    """One indicator of the dot strip (charts.dot_strip_svg): its label, every other département's
    value, the département's own (marked), its région's other départements' values and its rank."""

    label: str
    values: list
    marked: float | None
    region: list
    rank: str = ""


class Figure(NamedTuple):
    """One indicator of diagnostics.profile.key_figures: the territory beside its région and France."""

    territory: float | None
    region: float | None
    france: float | None


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_number(value: float | None, decimals: int | None = None, language: str = DEFAULT_LANGUAGE) -> str:
    """216069 -> '216 069' (fr, no-break space) or '216,069' (en); None or NaN -> n.d.

    Without ``decimals``: no decimal from 100 on or for a whole number, one below (two below 1)."""
    if _missing(value):
        return WORDS[language].nd
    if decimals is None:
        magnitude = abs(value)
        decimals = 0 if magnitude >= 100 or float(value).is_integer() else (1 if magnitude >= 1 else 2)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",") if language == "fr" else text


def format_share(value: float | None, language: str = DEFAULT_LANGUAGE, unit: bool = True) -> str:
    """A percentage with one decimal: '3,4 %' (fr) or '3.4 %' (en); a share above 0 that would
    round to 0.0 prints '< 0,1 %' ('< 0.1 %'), never '0,0 %'; None or NaN -> n.d. ``unit``: the
    '%' sign (left out where a header or label says it)."""
    if _missing(value):
        return WORDS[language].nd
    text = f"<{NBSP}{format_number(0.1, 1, language)}" if 0 < value < 0.05 else format_number(value, 1, language)
    return f"{text}{NBSP}%" if unit else text


def comparison_line(region: object, france: object, unit: str = "", separator: str = "\n") -> str:
    """'Région : …' and 'France : …' with French number formatting (None -> 'n.d.').

    Two lines by default: the key-figure boxes are too narrow for 'Région : … · France : …'
    on one line at a legible size (pass ``separator=" · "`` for one line)."""
    words = WORDS["fr"]

    def show(value: object) -> str:
        if value is None or isinstance(value, str):
            return value or words.nd
        if unit == "%":
            return format_share(value)
        return format_number(value) + (f"{NBSP}{unit}" if unit else "")

    return f"{words.region}{words.colon}{show(region)}{separator}{words.france}{words.colon}{show(france)}"


# The indicator each key-figure box is ranked by (1 = the largest value).
RANKED = {
    "population": "population",
    "density": "density",
    "communes": "communes",
    "qpv": "qpv",
    "programmes": "petites_villes_de_demain",
    "france_services": "france_services_per_10000",
    "gap": "gap_share",
    "mobile": "mobile_sites",
    "broadband": "ftth_premises_share",
}


class SheetTexts:
    """The texts of one sheet. ``threshold``: km in straight line, minutes when ``by_road``."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, threshold: float = 20, by_road: bool = False):
        self.language = language if language in WORDS else DEFAULT_LANGUAGE
        self.words = WORDS[self.language]
        self.threshold, self.by_road = threshold, by_road

    def for_measure(self, threshold: float, by_road: bool) -> SheetTexts:
        """The same language for a sheet whose gap is measured another way."""
        return SheetTexts(self.language, threshold, by_road)

    @property
    def gap_map_title(self) -> str:
        return self.words.gap_map_road if self.by_road else self.words.gap_map

    def _gap_words(self, straight: str, road: str) -> str:
        """A gap phrase with the threshold in place, by road or in straight line."""
        if self.by_road:
            return road.replace("{min}", self._n(self.threshold))
        return straight.replace("{km}", self._n(self.threshold))

    def _n(self, value: float | None, decimals: int = 0) -> str:
        return format_number(value, decimals, self.language)

    @staticmethod
    def _figure(figures: DataFrame, indicator: str) -> Figure:
        row = figures[figures["indicator"] == indicator]
        if row.empty:
            return Figure(None, None, None)
        row = row.iloc[0]
        return Figure(*(None if _missing(v) else v for v in (row["territory"], row["region"], row["france"])))

    def _share(self, value: float | None, unit: bool = True) -> str:
        return format_share(value, self.language, unit)

    def _comparison(self, region: float | None, france: float | None, decimals: int = 0, share: bool = False) -> str:
        """Two lines: the boxes are too narrow for both on one line at a legible size. ``share``:
        percentages (see format_share)."""
        w = self.words

        def shown(value: float | None) -> str:
            return self._share(value) if share else self._n(value, decimals)

        return f"{w.region}{w.colon}{shown(region)}\n{w.france}{w.colon}{shown(france)}"

    def title(self, territory: Territory) -> str:
        return f"{territory.name} ({territory.code})"

    def title_2(self, territory: Territory) -> str:
        return self.words.title_2.format(name=territory.name, code=territory.code)

    def subtitle(self, region_name: str, now: time.struct_time) -> str:
        return self.words.subtitle.format(region=region_name, date=self.date(now))

    def date(self, now: time.struct_time | None = None) -> str:
        return time.strftime("%d/%m/%Y" if self.language == "fr" else "%Y-%m-%d", now or time.localtime())

    def rank(self, box: str, ranks: Mapping[str, tuple[int, int]]) -> str:
        """'rang 12/101' of the box's figure among the départements ("" when not ranked), with
        what rank 1 means where that is not plain."""
        found = ranks.get(RANKED.get(box, ""))
        if not found:
            return ""
        n, of = found
        return self.words.rank.format(n=n, of=of) + self.words.rank_notes.get(box, "")

    def figure_box(self, box: str, figures: DataFrame, ranks: Mapping[str, tuple[int, int]] | None = None) -> FigureBox:
        """The texts of the key-figure box ``box`` (FIGURE_BOXES of atlas.py); ``ranks``
        (indicator -> (rank, count)) adds the département's rank under the comparison."""
        found = self._figure_box(box, figures)
        rank = self.rank(box, ranks or {})
        return found._replace(comparison=f"{found.comparison}\n{rank}") if rank else found

    def _figure_box(self, box: str, figures: DataFrame) -> FigureBox:
        w = self.words
        if box == "population":
            t, r, f = self._figure(figures, "population")
            return FigureBox(self._n(t), w.inhabitants, self._comparison(r, f))
        if box == "density":
            t, r, f = self._figure(figures, "density")
            return FigureBox(self._n(t, 1), w.density, self._comparison(r, f, 1))
        if box == "communes":
            t, r, f = self._figure(figures, "communes")
            epci = self._figure(figures, "epci").territory
            return FigureBox(self._n(t), f"{w.communes}, {self._n(epci)} EPCI", self._comparison(r, f))
        if box == "qpv":
            t, r, f = self._figure(figures, "qpv")
            communes = self._figure(figures, "qpv_communes").territory
            return FigureBox(self._n(t), f"QPV, {w.in_communes.format(n=self._n(communes))}", self._comparison(r, f))
        if box == "programmes":
            lead_id = RANKED["programmes"]  # the ranked programme leads, the others follow
            parts = [
                (get_source(key).key_figure, self._figure(figures, key).territory)
                for key in (lead_id, *(key for key in KEY_FIGURE_PROGRAMMES if key != lead_id))
            ]
            (lead_label, lead), rest = parts[0], parts[1:]
            return FigureBox(
                f"{self._n(lead)} {lead_label}", " · ".join(f"{self._n(v)} {label}" for label, v in rest), w.programmes
            )
        if box == "france_services":
            sites = self._figure(figures, "france_services").territory
            per = self._figure(figures, "france_services_per_10000")
            return FigureBox(
                self._n(sites),
                f"{w.sites}, {w.per_10000.format(v=self._n(per.territory, 2))}",
                self._comparison(per.region, per.france, 2),
            )
        if box == "gap":
            share = self._figure(figures, "gap_share")
            people = self._figure(figures, "gap_population").territory
            return FigureBox(
                self._share(share.territory),
                self._gap_words(w.gap, w.gap_road).format(n=self._n(people)),
                self._comparison(share.region, share.france, share=True),
            )
        if box == "mobile":
            t, r, f = self._figure(figures, "mobile_sites")
            return FigureBox(self._n(t), w.mobile, self._comparison(r, f))
        if box == "broadband":
            t, r, f = self._figure(figures, "ftth_premises_share")
            return FigureBox(self._share(t), w.broadband, self._comparison(r, f, share=True))
        raise KeyError(box)

    # The indicators of the comparison chart, in order: the chart's rows.
    CHART_INDICATORS = (
        "density",
        "france_services_per_10000",
        "qpv_population_share",
        "petites_villes_de_demain_population_share",
        "villages_avenir_population_share",
        "gap_share",
    )

    def chart_value(self, value: float, row: int) -> str:
        """A value at the end of a chart bar (the value_format of charts.comparison_chart_svg);
        a share as format_share prints it (its label says %)."""
        if self.CHART_INDICATORS[row].endswith("share"):
            return self._share(value, unit=False)
        return self._n(value, 0 if abs(value) >= 100 else (1 if abs(value) >= 1 else 2))

    def chart_rows(self, figures: DataFrame) -> list[ChartRow]:
        """The indicators of the comparison chart (CHART_INDICATORS)."""
        w = self.words
        labels = (
            w.chart_density,
            w.chart_fs,
            w.chart_qpv,
            w.chart_pvd,
            w.chart_va,
            self._gap_words(w.chart_gap, w.chart_gap_road),
        )
        return [ChartRow(label, list(self._figure(figures, key))) for label, key in zip(labels, self.CHART_INDICATORS)]

    # The indicators of the dot strip (among the chart's).
    STRIP_INDICATORS = ("density", "france_services_per_10000", "gap_share")

    def strip_value(self, value: float, row: int) -> str:
        """The marked value of a dot strip's row (the value_format of charts.dot_strip_svg)."""
        if self.STRIP_INDICATORS[row].endswith("share"):
            return self._share(value)
        return self._n(value, 0 if abs(value) >= 100 else (1 if abs(value) >= 1 else 2))

    def strips(
        self,
        national: DataFrame | None,
        code: str,
        region_codes: Iterable[str],
        figures: DataFrame,
        ranks: Mapping[str, tuple[int, int]],
    ) -> list[Strip]:
        """The dot strip's rows: each indicator's value in every département (``national``:
        engine.national.departement_table), the département's own from its ``figures``; none
        without the national table."""
        if national is None or national.empty:
            return []
        labels = dict(zip(self.CHART_INDICATORS, (row.label for row in self.chart_rows(figures))))
        region = set(region_codes) - {code}
        rows = []
        for indicator in self.STRIP_INDICATORS:
            if indicator not in national.columns:
                continue
            column = national[indicator].drop(index=code, errors="ignore")
            found = ranks.get(indicator)
            rows.append(
                Strip(
                    labels.get(indicator, indicator),
                    [v for c, v in column.items() if c not in region],
                    self._figure(figures, indicator).territory,
                    [v for c, v in column.items() if c in region],
                    self.words.rank.format(n=found[0], of=found[1]) if found else "",
                )
            )
        return rows

    def series_names(self, territory: Territory, region_name: str) -> list[str]:
        return [territory.name, region_name or self.words.region, self.words.france]

    def epci_headers(self) -> list[str]:
        headers = list(self.words.epci_headers)
        if self.by_road:
            headers[-1] = self.words.epci_farthest_road
        return headers

    def epci_rows(self, summary: QgsVectorLayer | None) -> list[list[str]]:
        """Rows of the EPCI table from the service-gap summary (level = epci), largest first."""
        if summary is None:
            return []
        rows = [f for f in summary.getFeatures() if f["level"] == "epci"]
        rows.sort(key=lambda f: -(f["population"] or 0))
        return [
            [
                f["name"] or f["code"],
                self._n(f["units"]),
                self._n(f["population"]),
                self._share(100.0 * (f["share_beyond"] or 0), unit=False),
                self._n((f["worst"] or 0) / (1.0 if self.by_road else 1000.0), 1),
            ]  # minutes, or km from metres
            for f in rows
        ]

    @staticmethod
    def _licences(sources: Iterable[SheetSource]) -> str:
        return ", ".join(dict.fromkeys(source.licence for source in sources)) or LICENCE

    def broadband_source(self, date: str, licence: str) -> SheetSource:
        """The sources' line of the fixed-broadband figure: Arcep's Ma connexion internet, the edition's date."""
        return SheetSource(self.words.broadband_source, "Arcep", date, licence)

    def sources(self, sources: Iterable[SheetSource]) -> str:
        """One paragraph (what, who, date for each source), the licence once."""
        sources = list(sources)
        items = [
            SOURCE_LINE.format(title=source.title, date=self.source_date(source.date), who=source.who)
            for source in sources
        ]
        return (
            f"{self.words.sources_title} {' · '.join(dict.fromkeys(items))}. "
            f"{self.words.licence_all.format(licence=self._licences(sources))}"
        )

    def source_date(self, iso: str) -> str:
        if not iso:
            return self.words.nd
        year, month, day = (iso.split("-") + ["", ""])[:3]
        return f"{day}/{month}/{year}" if self.language == "fr" and day else iso

    def partial(self, name: str, counted: int, total: int) -> str:
        """What is missing when a level's gap could only be measured on part of its communes (its
        figure prints n.d.)."""
        return self.words.partial_gap.format(name=name, n=self._n(counted), total=self._n(total))

    def missing(self, items: Iterable[str]) -> str:
        items = list(items)
        return self.words.missing.format(items=", ".join(items)) if items else ""

    def footer(self, sources: Iterable[SheetSource]) -> str:
        sources = list(sources)
        publishers = sorted({source.who for source in sources})
        return self.words.footer.format(
            sources=", ".join(publishers) or "ANCT", licence=self._licences(sources), date=self.date()
        )
