"""What the Processing toolbox shows before an algorithm is opened: one line of description, the
words its search finds (French and English alike: users search in either), and the page of the
parameter reference (docs/algorithms.md, generated from the declarations)."""

from qgis.PyQt.QtCore import QCoreApplication

REFERENCE_URL = "https://github.com/anct-qgis/anct-qgis-plugin/blob/main/docs/algorithms.md#{name}"

# Words common to every algorithm of the provider.
COMMON_TAGS = ("ANCT", "cohésion des territoires", "territorial cohesion", "France")

TAGS: dict[str, tuple[str, ...]] = {
    "fetch_layer": (
        "QPV",
        "quartiers prioritaires",
        "priority neighbourhoods",
        "France services",
        "Action cœur de ville",
        "Petites villes de demain",
        "Territoires d'industrie",
        "Villages d'avenir",
        "communes",
        "EPCI",
        "départements",
        "régions",
        "data.gouv.fr",
        "télécharger",
        "download",
    ),
    "fetch_indicator": (
        "Observatoire des territoires",
        "indicateur",
        "indicator",
        "statistiques",
        "statistics",
        "taux",
        "rate",
        "densité",
        "chômage",
        "carte thématique",
        "choropleth",
        "communes",
        "EPCI",
        "départements",
    ),
    "fetch_territory_pack": ("GeoPackage", "hors ligne", "offline", "paquet", "pack", "cache"),
    "fetch_road_network": ("BD TOPO", "routes", "roads", "réseau routier", "road network", "IGN", "WFS"),
    "service_gap": (
        "France services",
        "accessibilité",
        "accessibility",
        "temps de trajet",
        "travel time",
        "30 minutes",
        "distance",
        "zones blanches",
        "service gap",
        "population",
    ),
    "mobile_coverage_gap": (
        "couverture mobile",
        "mobile coverage",
        "Arcep",
        "4G",
        "antennes",
        "sites mobiles",
        "zones blanches",
        "temps de trajet",
    ),
    "territory_profile": ("chiffres clés", "key figures", "portrait", "profil", "population", "QPV", "densité"),
    "programme_matrix": ("programmes", "dispositifs", "croisement", "matrix", "communes", "CRTE", "tableau"),
    "department_atlas": ("atlas", "PDF", "mise en page", "layout", "cartes", "maps", "départements", "fiche"),
    "check_sources": ("sources", "vérifier", "check", "publication", "colonnes", "columns", "diagnostic"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("AnctAlgorithm", text)


def short_description(name: str) -> str:
    """One sentence, in the user's language, for the toolbox's tooltip and the dialog's header."""
    sentences = {
        "fetch_layer": tr("One layer of the ANCT catalogue for a territory, from its publisher's live file."),
        "fetch_indicator": tr(
            "An Observatoire des territoires indicator on the outlines of communes, EPCI, départements or régions."
        ),
        "fetch_territory_pack": tr("Every layer of a territory in one GeoPackage, for offline work."),
        "fetch_road_network": tr("IGN BD TOPO roads of a territory and its surroundings, with speeds and directions."),
        "service_gap": tr(
            "Who lives beyond a distance or a road time of the nearest service (France services: 30 min)."
        ),
        "mobile_coverage_gap": tr(
            "Who lives beyond a distance or a road time of the nearest mobile site of a technology."
        ),
        "territory_profile": tr("Key figures of a territory beside its département, its région and France."),
        "programme_matrix": tr("Which ANCT programmes each commune of a territory is in, with totals."),
        "department_atlas": tr("The Atlas des départements: key figures, charts and maps of each département, in PDF."),
        "check_sources": tr(
            "Which file each source reads today, its date, its columns and the codes that map to nothing."
        ),
    }
    return sentences[name]


def tags(name: str) -> list[str]:
    return list(COMMON_TAGS + TAGS[name])


def reference_url(name: str) -> str:
    return REFERENCE_URL.format(name=name)
