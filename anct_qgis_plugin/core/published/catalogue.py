"""One description per source. Adding a layer means adding one ``Source`` here.

A source says where its file is (a data.gouv.fr dataset and a file-selection rule, or a fixed
URL, possibly one per département), how to read it, how it gets a geometry, which columns it
needs (with the spellings of every vintage) and how it is restricted to a territory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Union

from ..errors import CatalogueError
from ..i18n import tr

DATAGOUV_API = "https://www.data.gouv.fr/api/1/datasets/{dataset}/"
DATAGOUV_RESOURCE = "https://www.data.gouv.fr/api/1/datasets/r/{resource}"
DATAGOUV_PAGE = "https://www.data.gouv.fr/fr/datasets/"
DATAGOUV_SEARCH = DATAGOUV_PAGE + "?q="  # for a dataset whose page is not known
OBSERVATOIRE_DOWNLOAD = (
    "https://www.observatoire-des-territoires.gouv.fr/outils/cartographie-interactive/api/v1/"
    "functions/GC_API_download.php?type=stat&nivgeo={nivgeo}&dataset={dataset}&indic={indic}"
    "&format=csv"
)
# ANCT's map repository: the cleaned Observatoire grids its map reads (see the typologies below).
ANCT_GRIDS = "https://raw.githubusercontent.com/anct-carto/superposeur-V2/main/data/grilles/{grid}.csv"
ARCEP_FIXED = "https://data.arcep.fr/fixe/maconnexioninternet/statistiques/last/commune/"
GEO_API = "https://geo.api.gouv.fr"
GEOPF_WFS = (
    "https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
    "&TYPENAMES=ADMINEXPRESS-COG-CARTO.LATEST:{typename}&OUTPUTFORMAT=application/json"
    "&SRSNAME=EPSG:4326"
)
COMMUNE_OUTLINES = GEO_API + "/communes?codeDepartement={dep}&format=geojson&geometry=contour"

LICENCE = "Licence Ouverte / Open Licence 2.0 (Etalab)"
ANCT = "ANCT — Agence nationale de la cohésion des territoires"

THEMES = {
    "politique_ville": ("Politique de la ville", "Urban policy"),
    "territoires": ("Territoires et ruralités", "Territories and rural areas"),
    "numerique": ("Numérique et mobile", "Digital and mobile"),
    "referentiels": ("Référentiels administratifs", "Administrative boundaries"),
    "mobilite": ("Mobilité", "Mobility"),
    "transition": ("Contrats et transition écologique", "Contracts and ecological transition"),
    "montagne": ("Montagne", "Mountains"),
}


# --- where the file is -----------------------------------------------------------------
@dataclass(frozen=True)
class DataGouvFile:
    """A data.gouv.fr dataset's file, recognised as its publisher names it (see datagouv.py).

    ``file_name`` must match the whole file name, ``title`` is searched in the resource title
    (either may match); only ``main`` resources of an accepted format count. ``newest``: the
    dataset keeps several vintages and the newest wins; otherwise several fits are an error.
    ``vintage``: a regular expression whose group is the vintage a file name states (``cog(\\d{4})``):
    with ``newest``, the highest vintage wins before any date.
    """

    dataset: str
    formats: tuple
    file_name: str = ""
    title: str = ""
    newest: bool = False
    vintage: str = ""

    @property
    def api_url(self) -> str:
        return DATAGOUV_API.format(dataset=self.dataset)

    def describe(self) -> str:
        rules = [f"format {'/'.join(self.formats)}", "type main"]
        rules += [f"file name ~ {self.file_name}"] if self.file_name else []
        rules += [f"title ~ {self.title}"] if self.title else []
        return ", ".join(rules)


@dataclass(frozen=True)
class QuarterlyUrl:
    """A file published each quarter under a path naming it (``2024_T2``): the newest quarter
    published, looked for from the current quarter backwards, unless a setting pins one."""

    template: str
    setting: str  # the Config field that pins a quarter (empty: the newest published)
    look_back: int = 16  # four years
    suffix: str = ".csv"


@dataclass(frozen=True)
class YearlyUrl:
    """A file published each year under a name holding its year (``{year}``): the newest year
    published, looked for from the current year backwards (editions.py)."""

    template: str
    setting: str = ""  # the Config field that pins a year (none: the newest published)
    look_back: int = 8
    suffix: str = ".xlsx"


@dataclass(frozen=True)
class FixedUrl:
    """One address. ``page``: where a person finds the file again when the address stops answering (a
    stable data.gouv.fr link ``/datasets/r/<id>`` dies when its publisher replaces the resource)."""

    url: str
    page: str = ""


def resource_link(resource: str, page: str) -> FixedUrl:
    """A data.gouv.fr stable resource link, with the page that lists the dataset's files."""
    return FixedUrl(DATAGOUV_RESOURCE.format(resource=resource), page)


@dataclass(frozen=True)
class RoadWfsPages:
    """IGN BD TOPO road sections of the territory's box from the Géoplateforme WFS, paged and
    tiled (road_network.py); ``buffer_m`` around the territory's communes."""

    buffer_m: float = 0.0


@dataclass(frozen=True)
class PerDepartementUrl:
    """One request per département of the territory (geo.api.gouv.fr refuses national GeoJSON)."""

    template: str


# --- how features get a geometry ---------------------------------------------------------
@dataclass(frozen=True)
class RoadSectionLines:
    """Road sections read with the BD TOPO road profile: the natures a car uses, with speed_kmh
    and direction added."""


@dataclass(frozen=True)
class NativeGeometry:
    """The file has outlines; invalid polygons are repaired."""


@dataclass(frozen=True)
class PointsFromColumns:
    """Points from coordinate columns; ``flags``: (new field, column, value) — the field is 1 where
    the column lists the value (lists joined by '|', ';' or ',')."""

    x: str
    y: str
    crs: str
    flags: tuple = ()


@dataclass(frozen=True)
class JoinCommunes:
    """One row per commune and programme: join to commune outlines, dissolve per programme id.
    ``labels_from``: a second file of the dataset with (id, label) rows, for lists that carry ids only."""

    id_column: str
    label_column: str = ""
    date_column: str = ""
    labels_from: Optional[DataGouvFile] = None
    not_member: tuple = ()  # id values that mean "in no programme" (FRR's -9999)
    # A groupements file (liste-<prog>-grpt…): the commune column holds each signatory's code, a commune's
    # INSEE code or an EPCI's SIREN as this column says; read as their member communes (groupements.py).
    nature_column: str = ""


@dataclass(frozen=True)
class DissolveCommunes:
    """Dissolve commune outlines by a code (EPCI), names from an optional JSON list."""

    by: str
    names_url: str = ""


@dataclass(frozen=True)
class CommunePremises:
    """Premises counts by commune (Arcep's fixed broadband): the commune outlines with their counts and
    the shares computed from them (broadband.py); ``companion``: the edition's wired-speed file."""

    companion: FixedUrl


# Where a source's file is, and how its features get a geometry.
Locator = Union[DataGouvFile, QuarterlyUrl, YearlyUrl, FixedUrl, RoadWfsPages, PerDepartementUrl]
GeometryStrategy = Union[
    NativeGeometry, PointsFromColumns, JoinCommunes, DissolveCommunes, RoadSectionLines, CommunePremises
]


@dataclass(frozen=True)
class Source:
    id: str
    title_fr: str
    title_en: str
    theme: str
    locator: Locator
    reader: str  # "csv" or "vector"
    geometry: Optional[GeometryStrategy]  # None: a table, not a layer (the QPV list, the cross-table)
    columns: dict  # canonical name -> accepted spellings (first = as published today)
    abstract_fr: str
    abstract_en: str
    publisher: str = ANCT
    attribution: str = ""
    licence: str = LICENCE
    commune_column: str = ""  # canonical column holding commune code(s): restricts by territory
    departement_column: str = ""
    region_column: str = ""
    numeric_columns: tuple = ()
    suffix: str = ""
    member: str = ""  # in a ZIP holding several datasets: the member to read (regex on its name)
    historical: bool = False  # an old geography its publisher may have withdrawn: absent is not a failure
    on_demand: bool = False  # large: loaded when asked for, not part of a territory pack by default
    typology: bool = False  # classes every commune (density): on the card and in the profile, not a programme
    # A programme the key figures count and the atlas sheet maps: its short name in the sheet's programmes box.
    key_figure: str = ""

    def title(self, language: str = "fr") -> str:
        return self.title_fr if language == "fr" else self.title_en

    def abstract(self, language: str = "fr") -> str:
        return self.abstract_fr if language == "fr" else self.abstract_en


def _anct_list(
    id_: str,
    title_fr: str,
    title_en: str,
    dataset: str,
    prefix: str,
    id_column: str,
    abstract_fr: str,
    abstract_en: str,
    label_column: str = "",
    date_column: str = "",
    theme: str = "territoires",
    locator: DataGouvFile | FixedUrl | YearlyUrl | None = None,
    labels_from: DataGouvFile | None = None,
    not_member: tuple[str, ...] = (),
    commune_column: str = "insee_com",
    reader: str = "csv",
    published: dict[str, tuple[str, ...]] | None = None,
    nature_column: str = "",
    **extra: Any,
) -> Source:
    """The ANCT per-commune programme lists share one shape: join to communes and dissolve.
    Adding a programme: the recipe in docs/architecture.md ("Where a new thing goes").
    ``published``: the spellings a file uses for a column when they differ from the layer's name."""
    columns: dict[str, tuple[str, ...]] = {commune_column: (commune_column,), id_column: (id_column,)}
    if label_column and labels_from is None:
        columns[label_column] = (label_column,)
    columns.update({nature_column: (nature_column,)} if nature_column else {})
    columns.update(published or {})
    return Source(
        id=id_,
        title_fr=title_fr,
        title_en=title_en,
        theme=theme,
        # ANCT names its per-commune lists liste-<prog>-com<COG>-<YYYYMMDD>.csv and keeps old vintages.
        locator=locator
        or DataGouvFile(dataset, ("csv",), file_name=rf"liste-{prefix}-com\d{{4}}-\d{{8}}\.csv", newest=True),
        reader=reader,
        geometry=JoinCommunes(id_column, label_column, date_column, labels_from, not_member, nature_column),
        columns=columns,
        commune_column=commune_column,
        suffix="." + reader,
        abstract_fr=abstract_fr,
        abstract_en=abstract_en,
        **{"attribution": "ANCT, Etalab API Découpage administratif (IGN, INSEE)", **extra},
    )


# ANCT's cross-table ("croisement des dispositifs", ngeo-anct-cog<COG>.csv, ';' and BOM;
# ../shared/docs/data-sources.md): one row per commune, one id_<prog> column per programme.
CROSS_TABLE_FILE = DataGouvFile(
    "croisement-des-dispositifs-de-politique-publique-de-lanct",
    ("csv",),
    file_name=r"ngeo-anct-cog\d{4}\.csv",
    newest=True,
)

SOURCES = (
    Source(
        id="qpv",
        title_fr="Quartiers prioritaires 2024 (QPV)",
        title_en="Priority neighbourhoods 2024 (QPV)",
        theme="politique_ville",
        # Published 2026-01-15 as qpv-2024-geojson.zip beside qpv-2024-shp.zip and qpv-2024-gpkg.zip
        # (data.gouv.fr dataset document; ../shared/docs/data-sources.md): the GeoJSON one, whose
        # ZIP holds a national WGS84 member and a metropolitan-only Lambert-93 one.
        locator=DataGouvFile(
            "quartiers-prioritaires-de-la-politique-de-la-ville-qpv",
            ("zip", "geojson"),
            file_name=r"qpv-2024-geojson\.zip|qpv-2024\.geojson",
            title=r"quartiers prioritaires.*2024.*\(format geojson\)",
        ),
        reader="vector",
        geometry=NativeGeometry(),
        member=r"Outre_Mer.*WGS84",
        columns={
            "code_qp": ("code_qp",),
            "lib_qp": ("lib_qp",),
            "insee_com": ("insee_com",),
            "insee_dep": ("insee_dep",),
        },
        commune_column="insee_com",
        suffix=".zip",
        attribution="ANCT, IGN",  # insee_com may hold several codes joined by ", "
        abstract_fr="Contours des quartiers prioritaires de la politique de la ville, géographie 2024 "
        "(métropole et outre-mer).",
        abstract_en="Outlines of the priority neighbourhoods of urban policy, 2024 geography "
        "(metropolitan France and overseas).",
    ),
    Source(
        id="qpv_2015",
        title_fr="Quartiers prioritaires 2015 (historique)",
        title_en="Priority neighbourhoods 2015 (historical)",
        theme="politique_ville",
        # Still published in the QPV dataset as …/20180110-144945/qp-politiquedelaville-shp.zip, with no
        # "2015" in its name: a ZIP of several shapefiles (QP_METROPOLE_LB93 — metropolitan only —,
        # QP_METROPOLEOUTREMER_WGS84_EPSG4326 — all of them —, …) with CODE_QP, NOM_QP, COMMUNE_QP
        # (../shared/docs/data-sources.md; public scripts download that exact URL and read either member).
        # The national WGS84 member is chosen by its name.
        locator=DataGouvFile(
            "quartiers-prioritaires-de-la-politique-de-la-ville-qpv",
            ("zip", "shp"),
            file_name=r"qp-politiquedelaville-shp\.zip",
        ),
        historical=True,
        reader="vector",
        geometry=NativeGeometry(),
        member=r"^QP_METROPOLEOUTREMER_WGS84",
        columns={"code_qp": ("CODE_QP", "code_qp"), "nom_qp": ("NOM_QP", "nom_qp", "lib_qp")},
        suffix=".zip",
        attribution="ANCT, IGN",  # COMMUNE_QP holds names: restricted by geometry
        abstract_fr="Contours des quartiers prioritaires de la géographie 2015-2023, où le fichier est publié.",
        abstract_en="Outlines of the priority neighbourhoods of the 2015-2023 geography, where the file is published.",
    ),
    _anct_list(
        "territoires_industrie",
        "Territoires d'industrie 2023-2027",
        "Territoires d'industrie 2023-2027",
        "programme-territoires-dindustrie",
        "ti",
        "id_ti",
        "Périmètres des Territoires d'industrie, reconstitués par union des communes membres.",
        "Territoires d'industrie perimeters, rebuilt as the union of member communes.",
        label_column="lib_ti",
        key_figure="TI",
    ),
    _anct_list(
        "action_coeur_de_ville",
        "Action cœur de ville",
        "Action cœur de ville (town centres)",
        "programme-action-coeur-de-ville",
        "acv",
        "id_acv",
        "Communes du programme Action cœur de ville, regroupées par programme.",
        "Communes of the Action cœur de ville programme, grouped by programme.",
        label_column="lib_acv",
        date_column="date_signature",
        key_figure="ACV",
    ),
    _anct_list(
        "petites_villes_de_demain",
        "Petites villes de demain",
        "Petites villes de demain (small towns)",
        "programme-petites-villes-de-demain",
        "pvd",
        "id_pvd",
        "Communes lauréates de Petites villes de demain, regroupées par convention.",
        "Communes of the Petites villes de demain programme, grouped by agreement.",
        date_column="date_signature",
        key_figure="PVD",
    ),
    _anct_list(
        "villages_avenir",
        "Villages d'avenir",
        "Villages d'avenir (villages of the future)",
        "dispositif-villages-davenir",
        "va",
        "id_va",
        "Communes lauréates du dispositif Villages d'avenir.",
        "Communes selected by the Villages d'avenir scheme.",
        key_figure="VA",
    ),
    # Evidence for the lists below: ANCT's own map code reads liste-<prog>-com<COG>-<date>.csv with
    # insee_com and id_<prog> (+ lib_<prog>), several ids joined by ' ; ' (anct-carto/superposeur-V2,
    # superposeur-anct; ../shared/docs/data-sources.md, "More ANCT programmes"). The shared mirror
    # holds the live files of the Cités éducatives, Cités de l'emploi and both Avenir montagnes.
    _anct_list(
        "crte",
        "Contrats pour la réussite de la transition écologique (CRTE)",
        "Ecological transition contracts (CRTE)",
        "contrat-de-relance-et-de-transition-ecologique",
        "crte",
        "id_crte",
        "Périmètres des CRTE, reconstitués par union des communes signataires.",
        "CRTE perimeters, rebuilt as the union of their communes.",
        theme="transition",
        # The commune file has ids only: names from the contract list liste-crte-<YYYYMMDD>.csv
        # (id_crte, lib_crte, date_signature), never its -com or -grpt siblings.
        label_column="lib_crte",
        labels_from=DataGouvFile(
            "contrat-de-relance-et-de-transition-ecologique", ("csv",), file_name=r"liste-crte-\d{8}\.csv", newest=True
        ),
    ),
    _anct_list(
        "cites_educatives",
        "Cités éducatives",
        "Cités éducatives (education)",
        "programme-cites-educatives",
        "cite",
        "id_cite",
        "Communes des Cités éducatives, regroupées par cité.",
        "Communes of the Cités éducatives, grouped by cité.",
        label_column="lib_cite",
        theme="politique_ville",
    ),
    _anct_list(
        "cites_emploi",
        "Cités de l'emploi",
        "Cités de l'emploi (employment)",
        "programme-cites-de-lemploi",
        "cde",
        "id_cde",
        "Communes des Cités de l'emploi, regroupées par cité.",
        "Communes of the Cités de l'emploi, grouped by cité.",
        label_column="lib_cde",
        theme="politique_ville",
    ),
    _anct_list(
        "avenir_montagnes_ingenierie",
        "Avenir montagnes ingénierie",
        "Avenir montagnes (engineering)",
        "programme-avenir-montagnes-ingenierie",
        "ami",
        "id_ami",
        "Territoires lauréats d'Avenir montagnes ingénierie, par union de leurs communes.",
        "Territories of Avenir montagnes (engineering), as the union of their communes.",
        label_column="lib_ami",
        theme="montagne",
    ),
    _anct_list(
        "avenir_montagnes_mobilites",
        "Avenir montagnes mobilités",
        "Avenir montagnes (mobility)",
        "appel-a-manifestation-dinteret-avenir-montagnes-mobilites",
        "amm",
        "id_amm",
        "Territoires lauréats d'Avenir montagnes mobilités, par union de leurs communes.",
        "Territories of Avenir montagnes (mobility), as the union of their communes.",
        # The commune file labels its territories lib_porteur (the project holder), not lib_amm: ANCT's
        # own script renames it (anct-carto/superposeur-anct@949f7e58
        # data/projet/changement_projection_dispositifs_V3.R, "lib_territoire"="lib_porteur").
        label_column="lib_porteur",
        theme="montagne",
    ),
    # No dataset slug is known for these two: ANCT's map reads them by their stable resource links
    # (/api/1/datasets/r/<id>, which redirect to the newest upload of that resource) with pandas'
    # read_csv (','), the commune column insee_com and the id columns id_fabt, id_manup, id_fabp
    # (anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e backend/data.py,
    # SOURCES_DATAGOUV and MAPPING_ID_COLONNE). No other column of these files is evidenced: a file
    # without them is refused naming the column expected and the columns found. Fabriques prospectives
    # likewise (dataset fabriques-prospectives: the same repository's MAJ/data_admin.py).
    _anct_list(
        "fabriques_territoire",
        "Fabriques de territoire",
        "Fabriques de territoire (third places)",
        "",
        "fabt",
        "id_fabt",
        "Communes des Fabriques de territoire (tiers-lieux).",
        "Communes of the Fabriques de territoire (third places).",
        locator=resource_link("309049b4-f9f7-4038-a2b4-875ef32eca7c", DATAGOUV_SEARCH + "Fabriques+de+territoire"),
    ),
    _anct_list(
        "manufactures_proximite",
        "Manufactures de proximité",
        "Manufactures de proximité (local workshops)",
        "",
        "manup",
        "id_manup",
        "Communes des Manufactures de proximité.",
        "Communes of the Manufactures de proximité.",
        locator=resource_link(
            "a1cf9852-7be2-49bc-8981-a989cc70b6d0", DATAGOUV_SEARCH + "Manufactures+de+proximit%C3%A9"
        ),
    ),
    _anct_list(
        "fabriques_prospectives",
        "Fabriques prospectives",
        "Fabriques prospectives (foresight workshops)",
        "",
        "fabp",
        "id_fabp",
        "Communes des territoires accompagnés par les Fabriques prospectives.",
        "Communes of the territories supported by the Fabriques prospectives.",
        locator=resource_link("87d38102-b2c1-4e81-9a9d-4d922effc8f8", DATAGOUV_PAGE + "fabriques-prospectives/"),
    ),
    # Programmes ANCT's map added in 2025-2026 ("nouveaux programmes", "ajout tec"): read, as it reads
    # them, by their stable resource links with pandas' read_csv, the commune column insee_com and the id
    # columns id_acv2 ("edv"), id_site, id_comrur, id_frla, id_ptzc, id_pao (anct-carto/superposeur-V2@
    # 3f2b0c0b87604a13831a9f214988878b6a4cb67e backend/data.py, SOURCES_DATAGOUV and MAPPING_ID_COLONNE;
    # frontend/config.js names them). No dataset slug and no other column is evidenced: ids only.
    *(
        _anct_list(
            id_,
            title_fr,
            title_en,
            "",
            prefix,
            f"id_{prefix}",
            abstract_fr,
            abstract_en,
            theme=theme,
            locator=resource_link(resource, DATAGOUV_SEARCH + search),
        )
        for id_, prefix, resource, title_fr, title_en, abstract_fr, abstract_en, theme, search in (
            (
                "acv_entrees_de_ville",
                "acv2",
                "ed3486ee-a70d-4ad7-b448-49f1c340dfe9",
                "Action cœur de ville — Entrées de ville",
                "Action cœur de ville — town entrances",
                "Communes d'Action cœur de ville retenues pour la transformation de leurs entrées de ville.",
                "Action cœur de ville communes selected to transform their town entrances.",
                "territoires",
                "Entr%C3%A9es+de+ville",
            ),
            (
                "sites_cles_en_main",
                "site",
                "5f2e1413-552a-43fc-9669-74169cbca87d",
                "Sites clés en main (France 2030)",
                "Turnkey industrial sites (France 2030)",
                "Communes accueillant un site industriel clés en main (France 2030).",
                "Communes hosting a turnkey industrial site (France 2030).",
                "territoires",
                "Sites+cl%C3%A9s+en+main",
            ),
            (
                "commerces_ruraux",
                "comrur",
                "c6e360a4-d979-4297-b0d4-c3aee158c531",
                "Commerces ruraux (fonds de restauration du commerce rural)",
                "Rural shops (rural retail restoration fund)",
                "Communes aidées par le fonds de restauration du commerce rural.",
                "Communes supported by the rural retail restoration fund.",
                "territoires",
                "commerce+rural",
            ),
            (
                "locaux_activite_frla",
                "frla",
                "3fbacdea-2afd-44e9-96ce-1099f128d795",
                "Fonds de restructuration des locaux d'activité (FRLA)",
                "Business premises restructuring fund (FRLA)",
                "Communes des opérations du fonds de restructuration des locaux d'activité.",
                "Communes of the operations of the business premises restructuring fund.",
                "territoires",
                "restructuration+des+locaux+d%27activit%C3%A9",
            ),
            (
                "zones_commerciales_ptzc",
                "ptzc",
                "8c627383-0d11-403e-8621-2b82bf223f27",
                "Plan de transformation des zones commerciales",
                "Retail park transformation plan",
                "Communes des zones commerciales lauréates du plan de transformation.",
                "Communes of the retail parks selected by the transformation plan.",
                "territoires",
                "transformation+des+zones+commerciales",
            ),
            (
                "appui_operationnel_pao",
                "pao",
                "6de2ad29-6671-4cd7-beca-637a5b183fd0",
                "Projet appui opérationnel (PAO)",
                "Operational support projects (PAO)",
                "Communes des projets d'appui opérationnel de l'ANCT.",
                "Communes of ANCT's operational support projects.",
                "territoires",
                "appui+op%C3%A9rationnel",
            ),
        )
    ),
    # Territoires d'engagement (2026): one row per signatory groupement, read from the groupements file
    # r/4fbcd679-5b27-4261-94f2-2f22a93ddadd with id_tec, siren_groupement, lib_groupement and
    # nature_juridique, as ANCT's map does (anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e
    # MAJ/data_admin.py, DATASETS["tec"] and _preparer_tec: negative ids dropped, nature_juridique
    # lower-case, "commune" rows carrying an INSEE code in siren_groupement, lib_groupement repaired from
    # Latin-1 mojibake). A territory is the union of its members' communes (groupements.py).
    _anct_list(
        "territoires_engagement",
        "Territoires d'engagement",
        "Territoires d'engagement (committed territories)",
        "",
        "tec",
        "id_tec",
        "Territoires d'engagement, reconstitués par union des communes de leurs signataires (communes, EPCI).",
        "Territoires d'engagement, rebuilt as the union of their signatories' communes (communes, EPCI).",
        theme="transition",
        commune_column="siren_groupement",
        label_column="lib_groupement",
        nature_column="nature_juridique",
        locator=resource_link("4fbcd679-5b27-4261-94f2-2f22a93ddadd", DATAGOUV_SEARCH + "Territoires+d%27engagement"),
    ),
    # Habitat inclusif — la Fabrique à projets has no list of its own: ANCT publishes it only as the
    # id_habinclus column of its cross-table ngeo-anct-cog<COG>.csv (header in ../shared/docs/
    # data-sources.md, "Programmes ANCT added in 2025–2026"), read here as a per-commune list.
    _anct_list(
        "habitat_inclusif",
        "Habitat inclusif — la Fabrique à projets",
        "Inclusive housing — la Fabrique à projets",
        "",
        "habinclus",
        "id_habinclus",
        "Communes des projets d'habitat inclusif de la Fabrique à projets (colonne du croisement des dispositifs).",
        "Communes of the inclusive housing projects of the Fabrique à projets (a column of the cross-table).",
        locator=CROSS_TABLE_FILE,
    ),
    Source(
        id="france_services",
        title_fr="France services",
        title_en="France services sites",
        theme="territoires",
        # liste-fs-<YYYYMMDD>.csv, one row per site (ANCT, anct-carto/france_services reads it); never
        # its companion liste-fs-com<COG>-<YYYYMMDD>.csv, the communes each site serves. The dataset
        # listing decides, the newest date in the name winning: ANCT uploads new vintages as new
        # resources (its own map moved from r/31576dff-… to r/f49fe9e1-… in 2025:
        # anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e backend/data.py), so no
        # resource id is stored here.
        locator=DataGouvFile(
            "liste-des-structures-labellisees-france-services", ("csv",), file_name=r"liste-fs-\d{8}\.csv", newest=True
        ),
        reader="csv",
        geometry=PointsFromColumns("longitude", "latitude", "EPSG:4326"),
        columns={
            "id_fs": ("id_fs",),
            "lib_fs": ("lib_fs",),
            "insee_com": ("insee_com",),
            "insee_dep": ("insee_dep",),
            "latitude": ("latitude",),
            "longitude": ("longitude",),
            "type_fs": ("type_fs",),
            "format_fs": ("format_fs",),
        },
        commune_column="insee_com",
        departement_column="insee_dep",
        numeric_columns=("latitude", "longitude"),
        suffix=".csv",
        attribution="ANCT",
        abstract_fr="Structures labellisées France services : sites fixes, antennes, bus et "
        "dispositifs itinérants, avec adresses et horaires.",
        abstract_en="Labelled France services sites: fixed sites, antennas, buses and itinerant "
        "services, with addresses and opening hours.",
    ),
    # France Ruralités Revitalisation (the zoning that replaced ZRR on 1 July 2024), by commune, as the
    # Observatoire des territoires exports it: codgeo;libgeo;codefrr, codefrr = -9999 for communes not
    # classified (evidence: public code reading this exact CSV export of the DGCL's zoning). The export
    # is asked in the communes of a year (nivgeo=com<YYYY>, as public code builds it from a year): the
    # newest year it answers, looked for from the current one backwards.
    _anct_list(
        "france_ruralites_revitalisation",
        "France Ruralités Revitalisation (zonage)",
        "France Ruralités Revitalisation (rural zoning)",
        "",
        "frr",
        "codefrr",
        "Communes classées en France Ruralités Revitalisation, regroupées par classe (codefrr).",
        "Communes classified France Ruralités Revitalisation, grouped by class (codefrr).",
        commune_column="codgeo",
        not_member=("-9999",),
        locator=YearlyUrl(
            OBSERVATOIRE_DOWNLOAD.format(nivgeo="com{year}", dataset="frr", indic="codefrr"), look_back=4, suffix=".csv"
        ),
        publisher="DGCL, Observatoire des territoires (ANCT)",
        attribution="DGCL, Observatoire des territoires",
    ),
    # INSEE's grille communale de densité, one workbook a year, moved in 2025 to insee.fr/fr/statistiques/
    # fichier/8571524/fichier_diffusion_<YYYY>.xlsx (2021-2026 editions; page insee.fr/fr/information/8571524;
    # the old 6439600/grille_densite_7_niveaux_<YYYY>.xlsx carries no 2025 or 2026 grid). A documentation
    # sheet, then sheet "Maille communale": 4 title rows above CODGEO, LIBGEO, DENS, LIBDENS, PMUN22, P1, P2,
    # P3, DENS_AAV, LIBDENS_AAV, DENS7, LIBDENS7. DENS/LIBDENS are now the 3-level grid: the 7 levels are
    # DENS7/LIBDENS7, and a file without them is refused, never read at 3 levels (evidence:
    # MobiSurvStd/MobiSurvStd@34167ace691346c9e2b0b9d385d59a2bd7f42b0a src/mobisurvstd/resources/insee_data.py
    # reads DENS7 from 8571524/fichier_diffusion_<YYYY>.xlsx "starting for year 2021";
    # CalumRob/lusk@ee512b26f9cac9d2e8d181058e42fee9618e5155 pipeline/R/classes_densite.R reads sheet
    # "Maille communale", skip = 4, CODGEO, DENS7, LIBDENS7). Codes follow the COG of the grid's year:
    # older ones count for today's commune.
    _anct_list(
        "grille_densite",
        "Grille communale de densité (Insee, 7 niveaux)",
        "Municipal density grid (INSEE, 7 levels)",
        "",
        "",
        "dens",
        "Communes regroupées par niveau de la grille communale de densité de l'Insee (1 = grands centres "
        "urbains … 7 = rural à habitat très dispersé), libellés de l'Insee.",
        "Communes grouped by level of INSEE's municipal density grid (1 = large urban centres … 7 = very "
        "sparsely populated rural), with INSEE's labels.",
        label_column="libdens",
        commune_column="codgeo",
        reader="xlsx",
        published={"dens": ("DENS7",), "libdens": ("LIBDENS7",)},
        typology=True,
        locator=YearlyUrl("https://www.insee.fr/fr/statistiques/fichier/8571524/fichier_diffusion_{year}.xlsx"),
        publisher="INSEE",
        attribution="INSEE, grille communale de densité",
    ),
    # The commune typologies ANCT's map shows beside the programmes, from the Observatoire des territoires.
    # The Observatoire publishes them only through its map's "Export" button (no download address is
    # known: ../shared/docs/observatoire.md, "No id was found for … the centralité, ruralité … grids"); ANCT
    # exports them by hand and publishes the cleaned files its map reads in its own repository
    # (anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e MAJ/data_grilles.py writes
    # data/grilles/<grid>.csv: BOM, ',', insee_com, lib_com, niveau_<grid>; the raw exports' 3 metadata rows
    # dropped, codes padded with zfill(5), 4 characters cut from "<code> - <label>" values except montagne's,
    # so an unclassified "null - undefined" reads "- undefined" there and "null - undefined" in montagne;
    # backend/data.py TYPOLOGIES reads them by insee_com and niveau_<grid>). Read here from that repository,
    # each level as it is written (a label, or montagne's "<code> - <label>").
    *(
        _anct_list(
            f"typologie_{grid}",
            title_fr,
            title_en,
            "",
            "",
            f"niveau_{grid}",
            abstract_fr,
            abstract_en,
            typology=True,
            theme=theme,
            not_member=("null - undefined", "- undefined"),
            locator=FixedUrl(ANCT_GRIDS.format(grid=grid), "https://www.observatoire-des-territoires.gouv.fr/"),
            publisher="Observatoire des territoires (ANCT)",
            attribution="ANCT, Observatoire des territoires",
        )
        for grid, title_fr, title_en, abstract_fr, abstract_en, theme in (
            (
                "centralite",
                "Centralités : niveaux de centres d'équipements et de services",
                "Centralities: levels of facility and service centres",
                "Communes regroupées par niveau de centre d'équipements et de services (Observatoire des "
                "territoires, libellés de l'ANCT).",
                "Communes grouped by level of facility and service centre (Observatoire des territoires, "
                "ANCT's labels).",
                "territoires",
            ),
            (
                "ruralite",
                "Typologie des ruralités",
                "Types of rural areas",
                "Communes regroupées par type de ruralité (Observatoire des territoires).",
                "Communes grouped by type of rural area (Observatoire des territoires).",
                "territoires",
            ),
            (
                "montagne",
                "Zone de montagne par massif",
                "Mountain areas by massif",
                "Communes classées en zone de montagne, regroupées par massif (Observatoire des territoires).",
                "Communes classified as mountain areas, grouped by massif (Observatoire des territoires).",
                "montagne",
            ),
        )
    ),
    Source(
        id="mediation_numerique",
        title_fr="Lieux de médiation numérique",
        title_en="Digital inclusion places",
        theme="numerique",
        # The national file of the "cartographie nationale des lieux d'inclusion numérique" (schema
        # "lieux de médiation numérique": id, nom, code_insee, latitude, longitude, and list fields such
        # as dispositif_programmes_nationaux joined by '|', as its publisher's export view writes them;
        # ../shared/docs/data-sources.md). Only its stable resource link is known.
        locator=resource_link(
            "398edc71-0d51-4cb6-9cbe-2540a4db573c",
            "https://www.data.gouv.fr/fr/organizations/cartographie-nationale-des-lieux-de-mediation-numerique/",
        ),
        reader="csv",
        geometry=PointsFromColumns(
            "longitude",
            "latitude",
            "EPSG:4326",
            flags=(("conseiller_numerique", "dispositif_programmes_nationaux", "Conseillers numériques"),),
        ),
        columns={
            "id": ("id",),
            "nom": ("nom",),
            "code_insee": ("code_insee",),
            "latitude": ("latitude",),
            "longitude": ("longitude",),
            "dispositif_programmes_nationaux": ("dispositif_programmes_nationaux",),
        },
        commune_column="code_insee",
        numeric_columns=("latitude", "longitude"),
        suffix=".csv",
        publisher="Cartographie nationale des lieux d'inclusion numérique (ANCT, Société numérique)",
        attribution="Cartographie nationale des lieux d'inclusion numérique",
        abstract_fr="Lieux de médiation numérique (aide aux usages du numérique), avec le drapeau des conseillers "
        "numériques (conseiller_numerique = 1).",
        abstract_en="Digital inclusion places (help with digital services), with the flag of the conseillers "
        "numériques (conseiller_numerique = 1).",
    ),
    Source(
        id="mobile_sites",
        title_fr="Sites mobiles (Arcep, New Deal mobile)",
        title_en="Mobile sites (Arcep, New Deal mobile)",
        theme="numerique",
        # Arcep's own server, not data.gouv.fr (whose Arcep datasets only link to it):
        # data.arcep.fr/mobile/sites/<YYYY_Tn>/<YYYY_Tn>_sites_Metropole.csv, ';', UTF-8 or Latin-1,
        # decimal point or comma depending on the quarter (../shared/docs/data-sources.md).
        locator=QuarterlyUrl(
            "https://data.arcep.fr/mobile/sites/{quarter}/{quarter}_sites_Metropole.csv", setting="arcep_quarter"
        ),
        reader="csv",
        geometry=PointsFromColumns("x", "y", "EPSG:2154"),
        columns={
            "code_op": ("code_op",),
            "num_site": ("num_site",),
            "x": ("x",),
            "y": ("y",),
            "insee_com": ("insee_com",),
            "insee_dep": ("insee_dep",),
            "site_4g": ("site_4g",),
            "site_DCC": ("site_DCC", "site_dcc"),
        },
        commune_column="insee_com",
        departement_column="insee_dep",
        numeric_columns=("x", "y", "latitude", "longitude"),
        suffix=".csv",
        publisher="Arcep",
        attribution="Arcep, Mon réseau mobile",  # metropolitan France only
        abstract_fr="Sites de téléphonie mobile par opérateur (liste trimestrielle Arcep), avec les "
        "drapeaux 2G/3G/4G/5G et couverture ciblée (site_DCC) du New Deal mobile.",
        abstract_en="Mobile network sites per operator (Arcep quarterly list), with 2G/3G/4G/5G "
        "flags and the New Deal mobile targeted-coverage flag (site_DCC).",
    ),
    # Arcep's "Ma connexion internet" commune statistics (the Plan France Très Haut Débit by commune),
    # quarterly; last/ is the newest edition: eight CSVs, UTF-8, ';', 34,877 communes with 976-978, an edition
    # `date` column, `type` = all (../shared/docs/data-sources.md, "Fixed broadband"). Live headers:
    # Enerlens/gods-eye-view@93817cdf34ecdf98153e31f51d56275fd767c2cc src/data/fixtures/
    # arcep-mci-2026t1-meilleure-techno-thd-sample.csv and arcep-mci-2026t1-debit-filaire-sample.csv; the traps
    # (commune_debit.csv counts satellite: never read; thresholds cumulative; names damaged; Paris, Lyon,
    # Marseille one row each) in src/data/arcepFeed.js @773968879fa3ea5fb9832c3248cd934be57d23a7.
    Source(
        id="france_thd",
        title_fr="France Très Haut Débit : fibre et débits filaires par commune (Arcep)",
        title_en="France Très Haut Débit: fibre and wired speeds by commune (Arcep)",
        theme="numerique",
        locator=FixedUrl(
            ARCEP_FIXED + "commune_meilleure_techno_thd.csv", "https://data.arcep.fr/fixe/maconnexioninternet/"
        ),
        reader="csv",
        geometry=CommunePremises(companion=FixedUrl(ARCEP_FIXED + "commune_debit_filaire.csv")),
        columns={
            "code_insee": ("code_insee",),
            "nbr": ("nbr",),
            "elig_ftth": ("elig_ftth",),
            "type": ("type",),
            "date": ("date",),
        },
        commune_column="code_insee",
        suffix=".csv",
        publisher="Arcep",
        attribution="Arcep, Ma connexion internet",
        abstract_fr="Locaux par commune : part éligible à la fibre (FTTH, meilleure technologie) et part sans offre "
        "filaire d'au moins 30 Mbit/s (satellite et 4G fixe exclus), calculées à partir des nombres de locaux.",
        abstract_en="Premises by commune: share eligible to fibre (FTTH, best technology) and share without a wired "
        "offer of 30 Mbit/s or more (satellite and fixed 4G left out), computed from premises counts.",
    ),
    Source(
        id="communes",
        title_fr="Communes (avec population)",
        title_en="Communes (with population)",
        theme="referentiels",
        locator=PerDepartementUrl(COMMUNE_OUTLINES),
        reader="vector",
        geometry=NativeGeometry(),
        columns={
            "code": ("code", "code_insee", "insee_com"),
            "nom": ("nom", "nom_officiel"),
            "codeDepartement": ("codeDepartement", "code_insee_du_departement", "insee_dep"),
            "codeEpci": ("codeEpci", "codes_siren_des_epci", "siren_epci"),
            "population": ("population",),
        },
        commune_column="code",
        suffix=".geojson",
        publisher="Etalab — API Découpage administratif",
        attribution="Etalab, IGN ADMIN EXPRESS, INSEE",
        abstract_fr="Contours des communes avec leur population municipale (API Découpage "
        "administratif, geo.api.gouv.fr).",
        abstract_en="Commune outlines with their municipal population (Découpage administratif API, geo.api.gouv.fr).",
    ),
    Source(
        id="epci",
        title_fr="EPCI (intercommunalités)",
        title_en="EPCI (inter-municipal bodies)",
        theme="referentiels",
        locator=PerDepartementUrl(COMMUNE_OUTLINES),
        reader="vector",
        geometry=DissolveCommunes("codeEpci", GEO_API + "/epcis?fields=code,nom&format=json"),
        columns={
            "code": ("code", "code_insee", "insee_com"),
            "codeEpci": ("codeEpci", "codes_siren_des_epci", "siren_epci"),
            "population": ("population",),
        },
        commune_column="code",
        suffix=".geojson",
        publisher="Etalab — API Découpage administratif",
        attribution="Etalab, IGN ADMIN EXPRESS, INSEE",
        abstract_fr="EPCI à fiscalité propre, par union des communes membres (population sommée).",
        abstract_en="EPCI, as the union of their member communes (population summed).",
    ),
    Source(
        id="departements",
        title_fr="Départements",
        title_en="Départements",
        theme="referentiels",
        locator=FixedUrl(GEOPF_WFS.format(typename="departement")),
        reader="vector",
        geometry=NativeGeometry(),
        columns={
            "code": ("code_insee", "insee_dep"),
            "nom": ("nom_officiel", "nom"),
            "region": ("code_insee_de_la_region", "insee_reg"),
        },
        departement_column="code",
        suffix=".geojson",
        publisher="IGN — Géoplateforme",
        attribution="IGN ADMIN EXPRESS COG CARTO",
        abstract_fr="Contours des départements (IGN ADMIN EXPRESS COG CARTO, Géoplateforme).",
        abstract_en="Département outlines (IGN ADMIN EXPRESS COG CARTO, Géoplateforme).",
    ),
    Source(
        id="regions",
        title_fr="Régions",
        title_en="Régions",
        theme="referentiels",
        locator=FixedUrl(GEOPF_WFS.format(typename="region")),
        reader="vector",
        geometry=NativeGeometry(),
        columns={"code": ("code_insee", "insee_reg"), "nom": ("nom_officiel", "nom")},
        region_column="code",
        suffix=".geojson",
        publisher="IGN — Géoplateforme",
        attribution="IGN ADMIN EXPRESS COG CARTO",
        abstract_fr="Contours des régions (IGN ADMIN EXPRESS COG CARTO, Géoplateforme).",
        abstract_en="Région outlines (IGN ADMIN EXPRESS COG CARTO, Géoplateforme).",
    ),
)

ROAD_NETWORK = Source(
    id="road_network",
    title_fr="Réseau routier (BD TOPO)",
    title_en="Road network (BD TOPO)",
    theme="mobilite",
    # BDTOPO_V3:troncon_de_route on the Géoplateforme WFS (../shared/docs/data-sources.md, "Roads"; IGN's
    # users page it with COUNT/STARTINDEX and a BBOX in EPSG:2154): see road_network.py.
    locator=RoadWfsPages(),
    reader="wfs",
    geometry=RoadSectionLines(),
    columns={
        "cleabs": ("cleabs",),
        "nature": ("nature",),
        "importance": ("importance",),
        "sens_de_circulation": ("sens_de_circulation",),
        "vitesse_moyenne_vl": ("vitesse_moyenne_vl",),
        "acces_vehicule_leger": ("acces_vehicule_leger",),
    },
    suffix=".json",
    publisher="IGN — Géoplateforme",
    attribution="IGN BD TOPO®",
    on_demand=True,
    abstract_fr="Tronçons de route de la BD TOPO que peut emprunter une voiture, avec leur vitesse moyenne "
    "(speed_kmh) et leur sens de circulation (direction) : le réseau des temps de trajet.",
    abstract_en="BD TOPO road sections a car can use, with their average speed (speed_kmh) and driving "
    "direction (direction): the network of road times.",
)
SOURCES = SOURCES + (ROAD_NETWORK,)

# A table, not a layer: the QPV list (one row per QPV) gives QPV counts per commune
# even where the national outline file cannot be had.
QPV_LIST = Source(
    id="qpv_list",
    title_fr="Liste des QPV 2024 par commune",
    title_en="QPV 2024 by commune",
    theme="politique_ville",
    # listeqp2024-cog2024.csv, "Liste des quartiers prioritaires de la politique de la ville 2024 (format
    # CSV)", one row per QPV (10 columns); earlier uploads had 4 columns and ="…" codes: both read.
    # Not liste-correspondance-qp2024-qp2015.csv, its sibling. The list is republished in each year's
    # communes (listeqp2024-cog2025.csv beside the COG 2024 one, ../shared/docs/data-sources.md): the
    # newest COG wins.
    locator=DataGouvFile(
        "quartiers-prioritaires-de-la-politique-de-la-ville-qpv",
        ("csv",),
        file_name=r"listeqp2024.*\.csv",
        title=r"^Liste des quartiers prioritaires.*2024.*\(format CSV\)",
        newest=True,
        vintage=r"cog(\d{4})",
    ),
    reader="csv",
    geometry=None,
    columns={"code_qp": ("code_qp",), "lib_qp": ("lib_qp",), "insee_com": ("insee_com",)},
    commune_column="insee_com",
    suffix=".csv",
    attribution="ANCT",
    abstract_fr="Liste des quartiers prioritaires 2024 et de leurs communes.",
    abstract_en="List of the 2024 priority neighbourhoods and their communes.",
)

# A table, not a layer: every programme of every commune in one file (ANCT's "croisement des
# dispositifs", ngeo-anct-cog<COG>.csv, ';' and BOM; ../shared/docs/data-sources.md): one download
# answers the card and the matrix. It has ids only, no labels.
CROSS_TABLE = Source(
    id="croisement_dispositifs",
    title_fr="Croisement des dispositifs de l'ANCT par commune",
    title_en="ANCT programmes by commune (cross-table)",
    theme="territoires",
    locator=CROSS_TABLE_FILE,
    reader="csv",
    geometry=None,
    columns={"insee_com": ("insee_com",)},
    commune_column="insee_com",
    suffix=".csv",
    attribution="ANCT",
    abstract_fr="Les identifiants de chaque dispositif de l'ANCT, une ligne par commune.",
    abstract_en="The ids of every ANCT programme, one row per commune.",
)

# A table, not a layer: the member communes of the 11 établissements publics territoriaux (EPT, SIREN
# 2000…) of the Métropole du Grand Paris, which geo.api.gouv.fr draws no outline for (its communes carry the
# Métropole's SIREN). INSEE publishes them each year on insee.fr/fr/information/2510634 as
# 2510634/ept_au_01-01-<YYYY>.zip (the 2023 edition was a plain .xlsx), a ZIP holding EPT_au_01-01-<YYYY>.xlsx:
# sheet "Composition_communale", 5 title rows above CODGEO, LIBGEO, EPT, LIBEPT (rows "Sans objet" are in no
# EPT), and sheet "EPT" (EPT, LIBEPT, NB_COM). Evidence: public code (stored file ids 52800168646 and
# 24920559175 of the search index) downloads ept_au_01-01-2026.zip, reads sheet "Composition_communale" with
# skiprows=5 and keeps CODGEO, EPT, LIBEPT (and LIBGEO, dropping LIBEPT "Sans objet"); another (13619351069)
# reads ept_au_01-01-2023.xlsx, sheets "Composition_communale" (CODGEO, EPT) and "EPT" (EPT, LIBEPT, NB_COM).
# Etalab's datagouv/decoupage-administratif@0693cf8a README.md names the same publisher page and file as the
# source of its ept.json ("Liste des EPT", insee.fr/fr/information/2510634, 2510634/ept_au_01-01-2023.xlsx).
EPT_MEMBERS = Source(
    id="ept_communes",
    title_fr="Composition communale des EPT (Métropole du Grand Paris)",
    title_en="Member communes of the EPT (Métropole du Grand Paris)",
    theme="referentiels",
    locator=YearlyUrl("https://www.insee.fr/fr/statistiques/fichier/2510634/ept_au_01-01-{year}.zip", suffix=".zip"),
    reader="xlsx",
    geometry=None,
    columns={"CODGEO": ("CODGEO",), "EPT": ("EPT",), "LIBEPT": ("LIBEPT",)},
    commune_column="CODGEO",
    suffix=".zip",
    publisher="INSEE",
    attribution="INSEE, composition communale des EPT",
    abstract_fr="Les communes de chaque établissement public territorial (EPT) de la Métropole du Grand Paris.",
    abstract_en="The communes of each établissement public territorial (EPT) of the Métropole du Grand Paris.",
)

LAYER_IDS = tuple(source.id for source in SOURCES)
# The per-commune programme lists (joined to communes): the card and the programme matrix read them all.
PROGRAMME_LIST_IDS = tuple(
    source.id for source in SOURCES if isinstance(source.geometry, JoinCommunes) and not source.typology
)
TYPOLOGY_IDS = tuple(source.id for source in SOURCES if isinstance(source.geometry, JoinCommunes) and source.typology)
# The programmes the key figures count and the atlas sheet maps, by id: the order of the profile's rows.
KEY_FIGURE_PROGRAMMES = tuple(sorted(source.id for source in SOURCES if source.key_figure))
PACK_LAYER_IDS = tuple(source.id for source in SOURCES if not source.on_demand)
_BY_ID = {source.id: source for source in SOURCES}


def get_source(layer_id: str) -> Source:
    try:
        return _BY_ID[layer_id]
    except KeyError:
        raise CatalogueError(
            tr("Unknown layer '{layer}'. Known layers: {known}").format(layer=layer_id, known=", ".join(LAYER_IDS))
        ) from None
