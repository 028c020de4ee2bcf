"""Observatoire des territoires indicators at three levels — a territory, its région, France — each the
Observatoire's own figure at that level (its answer at nivgeo dep, reg, epci2025 or com2025), never
recomputed from the parts: a rate averaged over communes is not the département's rate. A level the
Observatoire does not publish, or a place without a value, is "n.d." with the reason in a note."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import AnctError, CancelledError, NotPublishedError
from ..i18n import tr
from ..published.observatoire import NIVGEO, IndicatorError, IndicatorId, IndicatorTable
from ..published.observatoire_indicators import curated
from ..report import warn
from .indicator_layer import Places, chosen_year, fetch_table

if TYPE_CHECKING:
    from ..published.territories import Territory
    from .layers import LayerBuilder

PROFILE_LEVELS = ("territory", "region", "france")
LEVEL_OF_KIND = {"commune": "communes", "epci": "epci", "departement": "departements", "region": "regions"}


@dataclass
class IndicatorFigure:
    indicator: IndicatorId
    label: str
    unit: str
    values: dict = field(default_factory=dict)  # profile level -> float, None where n.d.
    years: dict = field(default_factory=dict)  # profile level -> the year of its value
    notes: list = field(default_factory=list)  # why a level is n.d., a year that differs, a class

    @property
    def year(self) -> str:
        """The year of the first level that has one."""
        return next((self.years[level] for level in PROFILE_LEVELS if self.years.get(level)), "")


def profile_places(builder: LayerBuilder, territory: Territory) -> dict:
    """profile level -> (Observatoire level, code, name) or None: France (no France level of the API is
    known) and the country or an extent as 'territory'."""
    places: dict[str, tuple[str, str, str] | None] = {level: None for level in PROFILE_LEVELS}
    if territory.kind in LEVEL_OF_KIND:
        places["territory"] = (LEVEL_OF_KIND[territory.kind], territory.code, territory.label)
    if len(territory.region_codes) == 1 and not territory.is_country:
        code = territory.region_codes[0]
        places["region"] = ("regions", code, builder.index.regions.get(code, code))
    return places


def indicator_figures(
    builder: LayerBuilder, territory: Territory, indicators: list, levels: tuple = PROFILE_LEVELS
) -> list[IndicatorFigure]:
    """One IndicatorFigure per id at ``levels`` (the card: the territory only); each answer is fetched
    once per level, through the cache."""
    places = profile_places(builder, territory)
    return [_figure(builder, indicator, {level: places[level] for level in levels}) for indicator in indicators]


def _figure(builder: LayerBuilder, indicator: IndicatorId, places: dict) -> IndicatorFigure:
    entry = curated(indicator)  # the user's language first; else the answer's own words; else the id
    words = (entry.label(builder.language), entry.unit(builder.language)) if entry else ("", "")
    figure = IndicatorFigure(indicator, *words)
    tables = {}
    for level in places:
        figure.values[level] = None
        place = places[level]
        if place is None:
            if level == "france":
                figure.notes.append(tr("France: n.d. (the Observatoire's download API has no France level)"))
            continue
        obs_level, code, name = place
        if obs_level not in tables:
            tables[obs_level] = _table(builder, indicator, obs_level)
        table = tables[obs_level]
        if isinstance(table, str):
            figure.notes.append(tr("{place}: n.d. ({reason})").format(place=name, reason=table))
            continue
        figure.label, figure.unit = figure.label or table.label, figure.unit or table.unit
        _place_value(figure, level, table, Places(obs_level, builder.index), code, name)
    figure.label = figure.label or str(indicator)
    years = {year for year in figure.years.values() if year}
    if len(years) > 1:
        figure.notes.append(
            tr("years differ: {years}").format(
                years=", ".join(
                    f"{places[level][2]} {figure.years[level]}" for level in places if figure.years.get(level)
                )
            )
        )
    return figure


def _table(builder: LayerBuilder, indicator: IndicatorId, level: str) -> IndicatorTable | str:
    """The answer at a level, or the reason why there is none (a text)."""
    try:
        table, _url, _fetched = fetch_table(builder, indicator, level)
    except CancelledError:
        raise
    except (IndicatorError, NotPublishedError):
        return tr("not published at this level, nivgeo={nivgeo}").format(nivgeo=NIVGEO[level])
    except AnctError as error:  # offline without a cached copy, a server down: said, the other levels go on
        warn(builder.feedback, tr("{id} at the level {level}: {error}").format(id=indicator, level=level, error=error))
        return str(error)
    table.indicator = indicator
    return table


def _place_value(
    figure: IndicatorFigure, level: str, table: IndicatorTable, places: Places, code: str, name: str
) -> None:
    """The place's value at the answer's latest year; a class (text) is told in the note, not drawn as a number."""
    year = chosen_year(table, "")
    mine = [row for row in table.rows if row.year == year and places.today(row.code) == code]
    own = [row for row in mine if row.code == code] or mine
    value = own[0].value if len(own) == 1 or (own and own[0].code == code) else None
    if isinstance(value, float):
        figure.values[level], figure.years[level] = value, year
    elif isinstance(value, str):
        figure.notes.append(tr("{place}: {value}").format(place=name, value=value))
    else:
        figure.notes.append(
            tr("{place}: n.d. (no value in the Observatoire's answer{year})").format(
                place=name, year=f", {year}" if year else ""
            )
        )
