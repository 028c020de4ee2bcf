"""The words and numbers printed on a sheet, in French (default) or English.

The sheet's language is a parameter of the algorithm, independent of QGIS's interface
language, so both vocabularies live here side by side.
"""
import math
import time

WORDS = {
    "fr": {
        "inhabitants": "habitants", "density": "hab./km²", "communes": "communes", "epci": "EPCI",
        "in_communes": "dans {n} communes", "region": "Région",
        "france": "France", "sites": "France services", "per_10000": "{v} pour 10\u00a0000\u00a0hab.",
        "gap": "à plus de {km} km d'un France services ({n} hab.)", "mobile": "sites mobiles (Arcep)",
        "programmes": "programmes ANCT (nombre)", "subtitle": "{region} — fiche produite le {date}",
        "title_2": "{name} ({code}) — accès aux services et intercommunalités", "nd": "n.d.",
        "missing": "Données indisponibles : {items}", "series_france": "France",
        "chart_density": "Densité (hab./km²)", "chart_fs": "France services pour 10 000 hab.",
        "chart_qpv": "Population des communes à QPV (%)", "chart_pvd": "Population des communes PVD (%)",
        "chart_va": "Population des communes Villages d'avenir (%)", "chart_gap": "Population à plus de {km} km (%)",
        "chart_note": "Longueur des barres relative à la plus grande valeur de chaque indicateur.",
        "chart_empty": "Données indisponibles",
        "epci_headers": ("EPCI", "Communes", "Population", "> seuil (%)", "Plus loin (km)"),
        "footer": "Sources : {sources} — Licence Ouverte / Open Licence 2.0 (Etalab) — "
                  "Réalisation : extension QGIS ANCT Territoires, {date}",
        "source_line": "{title} ({attribution}, {date})",
        "sources_title": "Sources :",
        "gap_map": "Distance au France services",
        "gap_road": "à plus de {min} min d'un France services par la route ({n} hab.)",
        "chart_gap_road": "Population à plus de {min} min par la route (%)",
        "gap_map_road": "Temps par la route (min)",
        "epci_farthest_road": "Plus loin (min)",
        "road_times": "temps par la route (réseau routier indisponible : distance à vol d'oiseau)",
        "road_network": "Réseau routier BD TOPO",
        "licence_all": "Toutes les données : Licence Ouverte / Open Licence 2.0 (Etalab).",
    },
    "en": {
        "inhabitants": "inhabitants", "density": "inh./km²", "communes": "communes", "epci": "EPCI",
        "in_communes": "in {n} communes", "region": "Région",
        "france": "France", "sites": "France services", "per_10000": "{v} per 10,000\u00a0inh.",
        "gap": "beyond {km} km of France services ({n} inh.)", "mobile": "mobile sites (Arcep)",
        "programmes": "ANCT programmes (number)", "subtitle": "{region} — sheet produced on {date}",
        "title_2": "{name} ({code}) — access to services and EPCI", "nd": "n/a",
        "missing": "Data unavailable: {items}", "series_france": "France",
        "chart_density": "Density (inh./km²)", "chart_fs": "France services per 10,000 inh.",
        "chart_qpv": "Population of communes with a QPV (%)", "chart_pvd": "Population of PVD communes (%)",
        "chart_va": "Population of Villages d'avenir communes (%)", "chart_gap": "Population beyond {km} km (%)",
        "chart_note": "Bar length relative to the largest value of each indicator.",
        "chart_empty": "Data unavailable",
        "epci_headers": ("EPCI", "Communes", "Population", "Beyond (%)", "Farthest (km)"),
        "footer": "Sources: {sources} — Licence Ouverte / Open Licence 2.0 (Etalab) — "
                  "Made with the ANCT Territoires QGIS plugin, {date}",
        "source_line": "{title} ({attribution}, {date})",
        "sources_title": "Sources:",
        "gap_map": "Distance to France services",
        "gap_road": "beyond {min} min of France services by road ({n} inh.)",
        "chart_gap_road": "Population beyond {min} min by road (%)",
        "gap_map_road": "Time by road (min)",
        "epci_farthest_road": "Farthest (min)",
        "road_times": "road times (road network unavailable: straight-line distance)",
        "road_network": "BD TOPO road network",
        "licence_all": "All data: Licence Ouverte / Open Licence 2.0 (Etalab).",
    },
}


def number(value, decimals=0, language="fr"):
    """216069 -> '216 069' (fr) or '216,069' (en); None -> n.d."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return WORDS[language]["nd"]
    text = f"{value:,.{decimals}f}"
    if language == "fr":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


class SheetTexts:
    """``threshold``: km in straight line, minutes when ``by_road``."""

    def __init__(self, language="fr", threshold=20, by_road=False):
        self.language = language if language in WORDS else "fr"
        self.words = WORDS[self.language]
        self.threshold, self.by_road = threshold, by_road

    def for_measure(self, threshold, by_road):
        """The same language for a sheet whose gap is measured another way."""
        return SheetTexts(self.language, threshold, by_road)

    @property
    def gap_map_title(self):
        return self.words["gap_map_road" if self.by_road else "gap_map"]

    def _gap_words(self, key):
        """A gap phrase with the threshold in place, by road or in straight line."""
        if self.by_road:
            return self.words[f"{key}_road"].replace("{min}", self._n(self.threshold))
        return self.words[key].replace("{km}", self._n(self.threshold))

    def _n(self, value, decimals=0):
        return number(value, decimals, self.language)

    def _figure(self, figures, indicator):
        row = figures[figures["indicator"] == indicator]
        if row.empty:
            return None, None, None
        row = row.iloc[0]
        return tuple(None if v is None or (isinstance(v, float) and math.isnan(v)) else v
                     for v in (row["territory"], row["region"], row["france"]))

    def _comparison(self, region, france, decimals=0, suffix=""):
        """Two lines: the boxes are too narrow for both on one line at a legible size."""
        colon = "\u00a0: " if self.language == "fr" else ": "

        def shown(value):  # no unit after "n.d."
            return self._n(value, decimals) + (suffix if value is not None else "")
        return (f"{self.words['region']}{colon}{shown(region)}\n"
                f"{self.words['france']}{colon}{shown(france)}")

    def title(self, territory):
        return f"{territory.name} ({territory.code})"

    def title_2(self, territory):
        return self.words["title_2"].format(name=territory.name, code=territory.code)

    def subtitle(self, region_name, now):
        return self.words["subtitle"].format(region=region_name, date=self.date(now))

    def date(self, now=None):
        return time.strftime("%d/%m/%Y" if self.language == "fr" else "%Y-%m-%d", now or time.localtime())

    def figure_box(self, box, figures):
        """(value in big type, what it is, the région and France beside it)."""
        w = self.words
        if box == "population":
            t, r, f = self._figure(figures, "population")
            return self._n(t), w["inhabitants"], self._comparison(r, f)
        if box == "density":
            t, r, f = self._figure(figures, "density")
            return self._n(t, 1), w["density"], self._comparison(r, f, 1)
        if box == "communes":
            t, r, f = self._figure(figures, "communes")
            epci = self._figure(figures, "epci")[0]
            return self._n(t), f"{w['communes']}, {self._n(epci)} {w['epci']}", self._comparison(r, f)
        if box == "qpv":
            t, r, f = self._figure(figures, "qpv")
            communes = self._figure(figures, "qpv_communes")[0]
            return self._n(t), f"QPV, {w['in_communes'].format(n=self._n(communes))}", self._comparison(r, f)
        if box == "programmes":
            parts = [(label, self._figure(figures, key)[0]) for label, key in
                     (("PVD", "petites_villes_de_demain"), ("ACV", "action_coeur_de_ville"),
                      ("TI", "territoires_industrie"), ("VA", "villages_avenir"))]
            lead = parts[0]
            rest = " · ".join(f"{self._n(v)} {label}" for label, v in parts[1:])
            return f"{self._n(lead[1])} {lead[0]}", rest, w["programmes"]
        if box == "france_services":
            t, _r, _f = self._figure(figures, "france_services")
            per = self._figure(figures, "france_services_per_10000")
            return self._n(t), f"{w['sites']}, {w['per_10000'].format(v=self._n(per[0], 2))}", \
                self._comparison(per[1], per[2], 2)
        if box == "gap":
            share = self._figure(figures, "gap_share")
            t = self._figure(figures, "gap_population")[0]
            return f"{self._n(share[0], 1)} %", self._gap_words("gap").format(n=self._n(t)), \
                self._comparison(share[1], share[2], 1, " %")
        if box == "mobile":
            t, r, f = self._figure(figures, "mobile_sites")
            return self._n(t), w["mobile"], self._comparison(r, f)
        raise KeyError(box)

    def chart_options(self):
        """Keyword arguments of comparison_chart_svg in the sheet's language."""
        return {"note": self.words["chart_note"], "nd_text": self.words["nd"], "empty_text": self.words["chart_empty"],
                "value_format": lambda value, _row: self._n(value, 0 if abs(value) >= 100 else
                                                            (1 if abs(value) >= 1 else 2))}

    def chart_rows(self, figures):
        w = self.words
        return [(self._gap_words(label) if label == "chart_gap" else w[label], list(self._figure(figures, key)))
                for label, key in (
            ("chart_density", "density"), ("chart_fs", "france_services_per_10000"),
            ("chart_qpv", "qpv_population_share"), ("chart_pvd", "petites_villes_de_demain_population_share"),
            ("chart_va", "villages_avenir_population_share"), ("chart_gap", "gap_share"))]

    def series_names(self, territory, region_name):
        return [territory.name, region_name or self.words["region"], self.words["series_france"]]

    def epci_headers(self):
        headers = list(self.words["epci_headers"])
        if self.by_road:
            headers[-1] = self.words["epci_farthest_road"]
        return headers

    def epci_rows(self, summary):
        """Rows of the EPCI table from the service-gap summary (level = epci), largest first."""
        if summary is None:
            return []
        rows = [f for f in summary.getFeatures() if f["level"] == "epci"]
        rows.sort(key=lambda f: -(f["population"] or 0))
        return [[f["name"] or f["code"], self._n(f["units"]), self._n(f["population"]),
                 self._n(100.0 * (f["share_beyond"] or 0), 1),
                 self._n((f["worst"] or 0) / (1.0 if self.by_road else 1000.0), 1)]  # minutes, or km from metres
                for f in rows]

    def sources(self, sources):
        """One paragraph (what, who, date for each source), the licence once."""
        items = [self.words["source_line"].format(title=title, date=self.source_date(date),
                                                  attribution=publisher.split(" — ")[0])
                 for title, publisher, date, _licence, _attribution in sources]
        return f"{self.words['sources_title']} {' · '.join(dict.fromkeys(items))}. {self.words['licence_all']}"

    def source_date(self, iso):
        if not iso:
            return self.words["nd"]
        year, month, day = (iso.split("-") + ["", ""])[:3]
        return f"{day}/{month}/{year}" if self.language == "fr" and day else iso

    def missing(self, items):
        return self.words["missing"].format(items=", ".join(items)) if items else ""

    def footer(self, sources):
        publishers = sorted({publisher.split(" — ")[0] for _t, publisher, _d, _l, _a in sources})
        return self.words["footer"].format(sources=", ".join(publishers) or "ANCT", date=self.date())
