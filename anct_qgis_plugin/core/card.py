"""The commune card: population, EPCI, département, and every programme a commune belongs to.

Built from the same catalogue layers as everything else, restricted to the commune.
"""
from dataclasses import dataclass, field

from .catalogue import get_source
from .errors import AnctError
from .i18n import tr

# layer id -> (id field, label field) shown on the card
CARD_LAYERS = (
    ("qpv", "code_qp", "lib_qp"),
    ("action_coeur_de_ville", "id_acv", "lib_acv"),
    ("petites_villes_de_demain", "id_pvd", ""),
    ("territoires_industrie", "id_ti", "lib_ti"),
    ("villages_avenir", "id_va", ""),
    ("france_services", "id_fs", "lib_fs"),
)
DATE_FIELDS = ("date_signature",)


@dataclass
class CardLine:
    layer_id: str
    title: str
    ident: str
    label: str
    date: str


@dataclass
class CommuneCard:
    code: str
    name: str
    population: object
    epci: str
    departement: str
    region: str
    lines: list = field(default_factory=list)
    source_dates: dict = field(default_factory=dict)
    unavailable: dict = field(default_factory=dict)

    def as_text(self):
        rows = [f"{self.name} ({self.code})",
                tr("Population: {population}").format(population=self.population if self.population is not None else "-"),
                tr("EPCI: {epci}").format(epci=self.epci or "-"),
                tr("Département: {dep}").format(dep=self.departement),
                tr("Région: {region}").format(region=self.region)]
        for layer_id, _id, _label in CARD_LAYERS:
            title = get_source(layer_id).title()
            mine = [line for line in self.lines if line.layer_id == layer_id]
            if layer_id in self.unavailable:
                rows.append(f"{title}: " + tr("unavailable ({reason})").format(reason=self.unavailable[layer_id]))
            elif not mine:
                rows.append(f"{title}: " + tr("no"))
            for line in mine:
                extra = " — ".join(part for part in (line.label, line.date) if part)
                rows.append(f"{title}: {line.ident}" + (f" — {extra}" if extra else "")
                            + f" [{self.source_dates.get(layer_id, '-')}]")
        return "\n".join(rows)


def commune_card(builder, index, code):
    """A CommuneCard for the INSEE code; a layer that cannot be had is listed as unavailable."""
    territory = index.resolve(f"com:{code}")
    commune = index.communes[territory.code]
    epci = commune.get("codeEpci") or ""
    dep_code = commune.get("codeDepartement", "")
    card = CommuneCard(
        code=territory.code, name=territory.name, population=commune.get("population"),
        epci=f"{index.epci_names.get(epci, '')} ({epci})".strip() if epci else "",
        departement=f"{index.departements.get(dep_code, ('', ''))[0]} ({dep_code})",
        region=f"{index.regions.get(commune.get('codeRegion', ''), '')} ({commune.get('codeRegion', '')})")
    for layer_id, id_field, label_field in CARD_LAYERS:
        try:
            built = builder.build(layer_id, territory)
        except AnctError as error:
            card.unavailable[layer_id] = str(error)
            continue
        card.source_dates[layer_id] = built.info.source_date
        names = built.layer.fields().names()
        for feature in built.layer.getFeatures():
            date = next((feature[f] for f in DATE_FIELDS if f in names and feature[f]), "")
            card.lines.append(CardLine(layer_id, built.info.title, str(feature[id_field]),
                                       str(feature[label_field] or "") if label_field in names else "",
                                       str(date or "")))
    return card
