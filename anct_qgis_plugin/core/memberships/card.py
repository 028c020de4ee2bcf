"""The commune card: population, EPCI, département, and every programme a commune belongs to.

Read from the per-commune lists (the QPV list, the programme lists, France services' site list)
rather than from outlines: a commune counts even where no outline can be had, and codes of every
vintage (arrondissements, delegated communes) count for today's commune.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..building.indicator_figures import IndicatorFigure, indicator_figures
from ..errors import AnctError, short_reason
from ..i18n import tr
from ..published.catalogue import TYPOLOGY_IDS, get_source
from ..published.parsers import iso_date
from ..published.table_names import PROGRAMME_TABLES
from ..report import warn
from .tables import read_memberships

if TYPE_CHECKING:
    from ..building.layers import LayerBuilder
    from ..published.territories import TerritoryIndex

# membership table -> catalogue layer whose title the card shows
CARD_TABLES = PROGRAMME_TABLES + TYPOLOGY_IDS  # and the commune's density level
BROADBAND = "france_thd"


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
    population_source: str = ""
    origins: dict = field(default_factory=dict)  # table -> where its lines come from (see Membership.origin)
    indicators: list = field(default_factory=list)  # IndicatorFigure: the Observatoire ids chosen in Options
    broadband: str = ""  # fixed broadband (Arcep): FTTH and wired ≥ 30 Mbit/s, from premises counts

    def as_text(self) -> str:
        rows = [
            f"{self.name} ({self.code})",
            tr("Population: {population}").format(population=self.population if self.population is not None else "-")
            + (f" ({self.population_source})" if self.population_source else ""),
            tr("EPCI: {epci}").format(epci=self.epci or "-"),
            tr("Département: {dep}").format(dep=self.departement),
            tr("Région: {region}").format(region=self.region),
        ]
        for layer_id in CARD_TABLES:
            title = get_source(layer_id).title()
            mine = [line for line in self.lines if line.layer_id == layer_id]
            if layer_id in self.unavailable:
                rows.append(f"{title}: " + tr("unavailable ({reason})").format(reason=self.unavailable[layer_id]))
            elif not mine:
                rows.append(f"{title}: " + tr("no"))
            for line in mine:
                extra = " — ".join(part for part in (line.label, line.date) if part)
                rows.append(
                    f"{title}: {line.ident}" + (f" — {extra}" if extra else "") + f" [{self._vintage(layer_id)}]"
                )
        if self.broadband:
            rows.append(f"{get_source(BROADBAND).title()}: {self.broadband}")
        rows += [indicator_line(figure) for figure in self.indicators]
        if self.unavailable:
            rows.append(tr("Details of the unavailable sources in the ANCT log panel."))
        return "\n".join(rows)

    def _vintage(self, layer_id: str) -> str:
        """The date of what a line was read from, and which file when it is not the programme's list."""
        date = self.source_dates.get(layer_id, "-")
        origin = self.origins.get(layer_id, "list")
        if origin == "cross_table":
            return tr("{date}, ANCT cross-table").format(date=date)
        if origin == "newer_list":
            return tr("{date}, list newer than the cross-table").format(date=date)
        return date


def indicator_line(figure: IndicatorFigure) -> str:
    """'<label>: <value> <unit> (<year>) [Observatoire des territoires]', or n.d. and why."""
    value = figure.values.get("territory")
    if value is None:
        shown = tr("n.d.") + (f" — {'; '.join(figure.notes)}" if figure.notes else "")
    else:
        number = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f")
        shown = " ".join(part for part in (number, figure.unit) if part) + (f" ({figure.year})" if figure.year else "")
    return f"{figure.label}: {shown} [{tr('Observatoire des territoires')}, {figure.indicator}]"


def commune_card(
    builder: LayerBuilder, index: TerritoryIndex, code: str, cross_table: bool = False, indicators: tuple = ()
) -> CommuneCard:
    """A CommuneCard for the INSEE code; a list that cannot be had is listed as unavailable.
    ``cross_table``: programmes from ANCT's cross-table where no list is newer (one download);
    ``indicators``: Observatoire ids (IndicatorId) read for the commune, with year and unit (cache, API)."""
    territory = index.resolve(f"com:{code}")
    commune = index.communes[territory.code]
    epci = commune.get("codeEpci") or ""
    dep_code = commune.get("codeDepartement", "")
    card = CommuneCard(
        code=territory.code,
        name=territory.name,
        population=commune.get("population"),
        epci=f"{index.epci_names.get(epci, '')} ({epci})".strip() if epci else "",
        departement=f"{index.departements.get(dep_code, ('', ''))[0]} ({dep_code})",
        region=f"{index.regions.get(commune.get('codeRegion', ''), '')} ({commune.get('codeRegion', '')})",
        population_source=builder.population_source(),
    )
    for table_id, membership in read_memberships(builder, CARD_TABLES, builder.feedback, cross_table).items():
        if membership.unavailable:
            card.unavailable[table_id] = membership.reason or membership.unavailable  # the details are logged
            continue
        card.source_dates[table_id] = membership.source_date
        card.origins[table_id] = membership.origin
        title = get_source(table_id).title(builder.language)
        for ident in sorted(set(membership.ids_by_commune.get(territory.code, ()))):
            card.lines.append(
                CardLine(
                    table_id, title, ident, membership.labels.get(ident, ""), iso_date(membership.dates.get(ident, ""))
                )
            )
    card.broadband = _broadband_line(builder, territory.code)
    card.indicators = indicator_figures(builder, territory, list(indicators), levels=("territory",))
    return card


def _broadband_line(builder: LayerBuilder, code: str) -> str:
    """The commune's fibre and wired ≥ 30 Mbit/s shares with their counts, or why they are missing."""
    from ..building.broadband_files import national_premises

    try:
        premises = national_premises(builder, BROADBAND)
    except AnctError as error:
        warn(builder.feedback, str(error))  # the whole message, URLs included, for the log
        return tr("unavailable ({reason})").format(reason=short_reason(error, builder.fetcher.mirror is not None))
    found = premises.get(code)
    if found is None or not found.premises:
        return tr("not published for this commune")
    return tr(
        "{ftth} % of premises eligible to fibre ({n} of {total}); {without} % without a wired offer of "
        "30 Mbit/s or more [{date}]"
    ).format(
        ftth=found.ftth_share,
        n=found.ftth,
        total=found.premises,
        without="-" if found.without_wired_30_share is None else found.without_wired_30_share,
        date=found.date or "-",
    )
