"""Files published each quarter or each year under a name that says which (Arcep:
``…/sites/2024_T2/2024_T2_…``; INSEE: ``fichier_diffusion_2025.xlsx``).

The newest edition published is found by looking back from the current quarter or year: an
edition the server does not have (404, or absent from a folder mirror) is skipped; any other
failure stops the search and, when the cache holds an edition, serves it. A setting may pin one.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import AnctError, CancelledError, CatalogueError, NotPublishedError, OfflineError
from ..i18n import tr
from ..report import warn
from .catalogue import QuarterlyUrl, YearlyUrl

if TYPE_CHECKING:
    from collections.abc import Callable

    from qgis.core import QgsFeedback

    from ..travel.fetcher import Fetched, Fetcher
    from ..travel.settings import Config

QUARTER = re.compile(r"^(\d{4})_T([1-4])$")
YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int
    placeholder = "quarter"  # its name in a URL template

    @property
    def label(self) -> str:
        return f"{self.year}_T{self.number}"

    @property
    def last_day(self) -> str:
        """The day the quarter's figures stand for (its last day)."""
        end = datetime.date(self.year + self.number // 4, self.number % 4 * 3 + 1, 1) - datetime.timedelta(days=1)
        return end.isoformat()

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = QUARTER.match((text or "").strip().upper())
        if not match:
            raise CatalogueError(tr("'{text}' is not a quarter: write it YYYY_Tn, e.g. 2024_T2.").format(text=text))
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)


@dataclass(frozen=True)
class Year:
    year: int
    placeholder = "year"

    @property
    def label(self) -> str:
        return str(self.year)

    @property
    def last_day(self) -> str:
        """The day a yearly edition stands for: INSEE's grids follow the communes of 1 January."""
        return f"{self.year}-01-01"

    def previous(self) -> "Year":
        return Year(self.year - 1)

    @classmethod
    def parse(cls, text: str) -> "Year":
        match = YEAR.match((text or "").strip())
        if not match:
            raise CatalogueError(tr("'{text}' is not a year: write it YYYY, e.g. 2024.").format(text=text))
        return cls(int(match.group(1)))

    @classmethod
    def of(cls, day: datetime.date) -> "Year":
        return cls(day.year)


PERIODS: dict[type, type[Quarter] | type[Year]] = {QuarterlyUrl: Quarter, YearlyUrl: Year}


def editions_back(start: Quarter | Year, count: int) -> list[Quarter | Year]:
    """``start`` and the editions before it, ``count`` in all (quarters or years)."""
    editions = [start]
    while len(editions) < count:
        editions.append(editions[-1].previous())
    return editions


def candidate_urls(
    locator: QuarterlyUrl | YearlyUrl, config: Config, today: datetime.date | None = None
) -> list[tuple[Quarter | Year, str]]:
    """[(edition, url)], newest first: the pinned edition, or the current one and those before."""
    period = PERIODS[type(locator)]
    pinned = getattr(config, locator.setting, "") if locator.setting else ""
    if pinned:
        candidates = [period.parse(pinned)]
    else:
        candidates = editions_back(period.of(today or datetime.date.today()), locator.look_back)
    return [(edition, locator.template.format(**{period.placeholder: edition.label})) for edition in candidates]


def fetch_edition(
    fetcher: Fetcher,
    locator: QuarterlyUrl | YearlyUrl,
    validate: Callable[[str], object] | None,
    feedback: QgsFeedback | None = None,
    today: datetime.date | None = None,
) -> tuple[str, Quarter | Year, Fetched]:
    """(url, edition, Fetched) of the newest edition published (or the pinned one)."""
    urls = candidate_urls(locator, fetcher.config, today)
    cached = next(((q, u, e) for q, u in urls for e in [fetcher.cache.lookup(u)] if e is not None), None)

    def get(edition: Quarter | Year, url: str) -> tuple[str, Quarter | Year, Fetched]:
        return (
            url,
            edition,
            fetcher.fetch(
                url, suffix=locator.suffix, validate=validate, feedback=feedback, source_date=edition.last_day
            ),
        )

    if cached and (fetcher.config.offline or cached[2].age_seconds < fetcher.config.ttl_hours * 3600):
        return get(cached[0], cached[1])
    if fetcher.config.offline:
        raise OfflineError(tr("Offline mode: no cached edition of {url}").format(url=locator.template))
    for edition, url in urls:
        try:
            return get(edition, url)
        except NotPublishedError:
            continue
        except CancelledError:
            raise
        except AnctError as error:
            if cached is None:
                raise
            warn(
                feedback,
                tr("{error} — using the cached edition {edition}.").format(error=error, edition=cached[0].label),
            )
            served = fetcher.served(cached[2])
            served.stale = True
            return cached[1], cached[0], served
    if fetcher.mirror is not None:  # the mirror lacks the files: the publisher may well publish them
        raise NotPublishedError(
            tr(
                "No edition of {url} from {first} back to {last} in the mirror {mirror}: the mirror has no copy "
                "of it. Copy the publisher's file into the mirror, or clear the mirror in Settings > Options > "
                "ANCT Territoires."
            ).format(url=locator.template, first=urls[0][0].label, last=urls[-1][0].label, mirror=fetcher.mirror.root)
        )
    raise NotPublishedError(
        tr("No edition of {url} is published from {first} back to {last}.").format(
            url=locator.template, first=urls[0][0].label, last=urls[-1][0].label
        )
    )
