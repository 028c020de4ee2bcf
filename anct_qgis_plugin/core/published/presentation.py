"""Layers ready to query: what the identify tool titles a feature with, what a map tip shows,
field names a user reads (French or English), and the drawing order of the catalogue layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .catalogue import SOURCES, JoinCommunes

if TYPE_CHECKING:
    from qgis.core import QgsVectorLayer


@dataclass(frozen=True)
class Presentation:
    display: str  # QGIS expression naming a feature (identify results, attribute table)
    map_tip: str = ""  # HTML with [% expressions %]
    aliases: dict = field(default_factory=dict)  # field -> (French, English)


_FS_TIP = (
    '<b>[% "lib_fs" %]</b><br>[% "adresse" %] [% "complement_adresse" %]<br>'
    '[% "code_postal" %] [% "lib_com" %]<br>'
    "[% if(\"telephone\" <> '', '☎ ' || \"telephone\" || '<br>', '') %]"
    "[% if(\"h_lundi\" <> '', 'Lun. ' || \"h_lundi\" || '<br>', '') %]"
    "[% if(\"h_mercredi\" <> '', 'Mer. ' || \"h_mercredi\" || '<br>', '') %]"
    "[% if(\"h_vendredi\" <> '', 'Ven. ' || \"h_vendredi\" || '<br>', '') %]"
    "[% if(\"prise_rdv\" <> '', 'Rendez-vous : ' || \"prise_rdv\", '') %]"
)
_PROGRAMME_ALIASES = {
    "insee_com": ("Communes (codes INSEE)", "Communes (INSEE codes)"),
    "nb_communes": ("Nombre de communes", "Number of communes"),
    "population": ("Population municipale", "Municipal population"),
    "date_signature": ("Date de signature", "Signature date"),
}


def _programme(id_field: str, label_field: str = "") -> Presentation:
    display = f'coalesce("{label_field}", "{id_field}")' if label_field else f'"{id_field}"'
    tip = f'<b>[% {display} %]</b><br>[% "nb_communes" %] communes, [% format_number("population", 0) %] hab.'
    return Presentation(
        display,
        tip,
        {**_PROGRAMME_ALIASES, id_field: ("Identifiant", "Identifier")}
        | ({label_field: ("Nom", "Name")} if label_field else {}),
    )


PRESENTATIONS = {
    "france_services": Presentation(
        '"lib_fs"',
        _FS_TIP,
        {
            "id_fs": ("Identifiant", "Identifier"),
            "lib_fs": ("Nom du site", "Site name"),
            "adresse": ("Adresse", "Address"),
            "complement_adresse": ("Complément d'adresse", "Address (more)"),
            "insee_com": ("Code commune", "Commune code"),
            "code_postal": ("Code postal", "Postcode"),
            "lib_com": ("Commune", "Commune"),
            "mail": ("Courriel", "E-mail"),
            "telephone": ("Téléphone", "Phone"),
            "prise_rdv": ("Prise de rendez-vous", "Appointments"),
            "type_fs": ("Type", "Type"),
            "format_fs": ("Format", "Format"),
            "h_lundi": ("Lundi", "Monday"),
            "h_mardi": ("Mardi", "Tuesday"),
            "h_mercredi": ("Mercredi", "Wednesday"),
            "h_jeudi": ("Jeudi", "Thursday"),
            "h_vendredi": ("Vendredi", "Friday"),
            "h_samedi": ("Samedi", "Saturday"),
        },
    ),
    "qpv": Presentation(
        "\"lib_qp\" || ' (' || \"code_qp\" || ')'",
        '<b>[% "lib_qp" %]</b><br>[% "code_qp" %] — [% "lib_com" %]',
        {
            "code_qp": ("Code du quartier", "Neighbourhood code"),
            "lib_qp": ("Nom du quartier", "Neighbourhood name"),
            "insee_com": ("Communes (codes INSEE)", "Communes (INSEE codes)"),
            "lib_com": ("Communes", "Communes"),
        },
    ),
    "mediation_numerique": Presentation(
        '"nom"',
        '<b>[% "nom" %]</b><br>[% "adresse" %]<br>[% "code_postal" %] [% "commune" %]<br>'
        "[% if(\"conseiller_numerique\" = 1, 'Conseiller numérique', '') %]",
        {
            "nom": ("Nom du lieu", "Place name"),
            "adresse": ("Adresse", "Address"),
            "commune": ("Commune", "Commune"),
            "code_insee": ("Code commune", "Commune code"),
            "dispositif_programmes_nationaux": ("Dispositifs nationaux", "National schemes"),
            "conseiller_numerique": ("Conseiller numérique (1 = oui)", "Conseiller numérique (1 = yes)"),
        },
    ),
    "mobile_sites": Presentation(
        '"nom_op" || \' \' || "num_site"',
        '<b>[% "nom_op" %]</b> [% "num_site" %]<br>[% "nom_com" %] — 4G : [% "site_4g" %], 5G : [% "site_5g" %]',
        {"nom_op": ("Opérateur", "Operator"), "nom_com": ("Commune", "Commune")},
    ),
    # Every per-commune list: its id and label columns as the catalogue declares them.
    **{
        source.id: _programme(source.geometry.id_column, source.geometry.label_column)
        for source in SOURCES
        if isinstance(source.geometry, JoinCommunes)
    },
    "communes": Presentation(
        "\"nom\" || ' (' || \"code\" || ')'",
        '<b>[% "nom" %]</b> ([% "code" %])<br>[% format_number("population", 0) %] hab.',
        {
            "nom": ("Nom", "Name"),
            "code": ("Code INSEE", "INSEE code"),
            "population": ("Population municipale", "Municipal population"),
        },
    ),
    "epci": Presentation(
        'coalesce("nom", "code")',
        '<b>[% coalesce("nom", "code") %]</b><br>'
        '[% "nb_communes" %] communes, [% format_number("population", 0) %] hab.',
        {
            "nom": ("Nom", "Name"),
            "code": ("SIREN", "SIREN"),
            "nb_communes": ("Nombre de communes", "Number of communes"),
            "population": ("Population municipale", "Municipal population"),
        },
    ),
    "road_network": Presentation(
        'coalesce("nom_1_gauche", "nature") || \' (\' || "cleabs" || \')\'',
        '<b>[% coalesce("nom_1_gauche", "nature") %]</b><br>[% "nature" %], importance [% "importance" %]'
        '<br>[% "speed_kmh" %] km/h — [% "sens_de_circulation" %]',
        {
            "cleabs": ("Identifiant BD TOPO", "BD TOPO identifier"),
            "nature": ("Nature", "Kind of road"),
            "importance": ("Importance (1 à 6)", "Importance (1 to 6)"),
            "sens_de_circulation": ("Sens de circulation", "Driving direction"),
            "vitesse_moyenne_vl": ("Vitesse moyenne publiée (km/h)", "Published average speed (km/h)"),
            "speed_kmh": ("Vitesse retenue (km/h)", "Speed used (km/h)"),
            "direction": ("Sens (0 double, 1 direct, 2 inverse)", "Direction (0 both, 1 forward, 2 reverse)"),
            "nom_1_gauche": ("Nom", "Name"),
        },
    ),
}

# Top to bottom: points, lines (roads), then programmes from the smallest perimeters to the largest,
# then the administrative outlines, then the fills that cover every commune. Overlaps stay readable: a
# small programme is never under a large one (tests/qgis/test_drawing_order.py holds these rules).
DRAWING_ORDER = (
    "france_services",
    "mediation_numerique",
    "mobile_sites",
    "road_network",
    "qpv",
    "qpv_2015",
    "sites_cles_en_main",
    "commerces_ruraux",
    "locaux_activite_frla",
    "zones_commerciales_ptzc",
    "appui_operationnel_pao",
    "habitat_inclusif",
    "fabriques_territoire",
    "manufactures_proximite",
    "fabriques_prospectives",
    "cites_educatives",
    "cites_emploi",
    "acv_entrees_de_ville",
    "action_coeur_de_ville",
    "villages_avenir",
    "petites_villes_de_demain",
    "avenir_montagnes_mobilites",
    "avenir_montagnes_ingenierie",
    "territoires_industrie",
    "territoires_engagement",
    "crte",
    "france_ruralites_revitalisation",
    "epci",
    "communes",
    "departements",
    "regions",
    "france_thd",
    "typologie_montagne",
    "typologie_ruralite",
    "typologie_centralite",
    "grille_densite",
)  # the grid covers everything: last


# The styles' legend labels are written in French; in English they read as below.
LEGEND_EN = {
    "Site fixe": "Fixed site",
    "Site multisites": "Multi-site",
    "Antenne": "Antenna",
    "Bus France services": "France services bus",
    "Itinérant": "Itinerant",
    "Autre format ou non renseigné": "Other format or not given",
    "Site 4G": "4G site",
    "Site sans 4G": "Site without 4G",
    "Couverture ciblée (New Deal mobile)": "Targeted coverage (New Deal mobile)",
    "Injoignable par la route": "Unreachable by road",
    "Avec conseiller numérique": "With a conseiller numérique",
    "Sans conseiller numérique": "Without a conseiller numérique",
    "Importance 1 — liaisons nationales": "Importance 1 — national links",
    "Importance 2 — liaisons régionales": "Importance 2 — regional links",
    "Importance 3 — liaisons départementales": "Importance 3 — département links",
    "Importance 4 — liaisons locales": "Importance 4 — local links",
    "Importance 5 — desserte": "Importance 5 — access roads",
    "Importance 6 — voies de faible usage": "Importance 6 — little-used ways",
    "1 — Grands centres urbains": "1 — Large urban centres",
    "2 — Centres urbains intermédiaires": "2 — Intermediate urban centres",
    "3 — Ceintures urbaines": "3 — Urban belts",
    "4 — Petites villes": "4 — Small towns",
    "5 — Bourgs ruraux": "5 — Rural towns",
    "6 — Rural à habitat dispersé": "6 — Dispersed rural",
    "7 — Rural à habitat très dispersé": "7 — Very dispersed rural",
}


def legend_label(label: str, language: str) -> str:
    """A style's legend label in the UI language ("5 à 10 km" -> "5 to 10 km")."""
    if language == "fr":
        return label
    if label in LEGEND_EN:
        return LEGEND_EN[label]
    return label.replace(" à ", " to ").replace("Plus de ", "More than ")


def translate_legend(layer: QgsVectorLayer, language: str) -> None:
    """Category and class labels of the layer's renderer in the UI language."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer

    renderer = layer.renderer()
    if language == "fr":
        return
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, legend_label(category.label(), language))
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, class_range in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, legend_label(class_range.label(), language))


def apply_presentation(layer: QgsVectorLayer, layer_id: str, language: str = "fr") -> None:
    """Display expression, map tip, field aliases and legend labels of a catalogue layer."""
    translate_legend(layer, language)
    presentation = PRESENTATIONS.get(layer_id)
    if presentation is None:
        return
    layer.setDisplayExpression(presentation.display)
    if presentation.map_tip:
        layer.setMapTipTemplate(presentation.map_tip)
    for name, (french, english) in presentation.aliases.items():
        index = layer.fields().indexOf(name)
        if index >= 0:
            layer.setFieldAlias(index, french if language == "fr" else english)


def drawing_rank(layer_id: str) -> int:
    return DRAWING_ORDER.index(layer_id) if layer_id in DRAWING_ORDER else len(DRAWING_ORDER)
