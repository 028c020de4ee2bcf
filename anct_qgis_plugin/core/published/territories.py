"""Régions, départements, EPCI and communes: lookup by code or name, and the CRS to measure in.

Built from geo.api.gouv.fr reference lists (cached like every other source). A bare two- or
three-character code is a département (``36``, ``2A``, ``974``); régions share some codes with
départements (``11``, ``75``…), so a région is named ``reg:75`` or by its name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import AnctError, TerritoryError
from ..i18n import tr
from ..report import warn
from .catalogue import GEO_API
from .commune_codes import CommuneCodes
from .parsers import check_json_list

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from numpy.typing import ArrayLike
    from qgis.core import QgsFeedback, QgsRectangle, QgsVectorLayer

    from ..travel.fetcher import Fetcher

    # fetch_json(url, wanted columns, required) -> the parsed JSON list, None for a missing optional one
    FetchJson = Callable[[str, Mapping[str, tuple[str, ...]], bool], list[dict] | None]

REGIONS_URL = GEO_API + "/regions"
DEPARTEMENTS_URL = GEO_API + "/departements"
COMMUNES_TABLE_URL = GEO_API + "/communes?fields=nom,code,codeDepartement,codeRegion,codeEpci,population&format=json"
EPCI_NAMES_URL = GEO_API + "/epcis?fields=code,nom&format=json"
ASSOCIATED_COMMUNES_URL = GEO_API + "/communes_associees_deleguees"

METROPOLE_CRS = "EPSG:2154"
OVERSEAS_CRS = {
    "971": "EPSG:5490",
    "972": "EPSG:5490",
    "973": "EPSG:2972",
    "974": "EPSG:2975",
    "975": "EPSG:4467",
    "976": "EPSG:4471",
    "977": "EPSG:5490",
    "978": "EPSG:5490",
}
KINDS = ("country", "region", "departement", "epci", "commune", "extent")
PREFIXES = {"reg": "region", "dep": "departement", "epci": "epci", "com": "commune"}


def normalise(text: str | None) -> str:
    """Accent-, case- and punctuation-insensitive form: 'Châteauroux' == 'chateauroux'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\bst\b", "saint", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass(frozen=True)
class Territory:
    kind: str
    code: str
    name: str
    departement_codes: tuple  # départements it lies in (all for the country)
    region_codes: tuple
    commune_codes: frozenset  # empty for the whole country: no restriction
    crs: str

    @property
    def is_country(self) -> bool:
        return self.kind == "country"

    @property
    def label(self) -> str:
        return self.name if self.is_country else f"{self.name} ({self.code})"

    @property
    def key(self) -> str:
        """Stable text that resolves back to this territory."""
        return {"country": "FR", "region": f"reg:{self.code}"}.get(self.kind, self.code)


# Rough lon/lat boxes of the overseas départements, to measure a layer in its own CRS.
OVERSEAS_BOXES = {
    "971": (-62.0, 15.8, -60.9, 16.6),
    "972": (-61.3, 14.3, -60.7, 14.9),
    "973": (-54.7, 2.0, -51.5, 6.0),
    "974": (55.1, -21.5, 56.0, -20.8),
    "976": (44.9, -13.1, 45.4, -12.5),
    # Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin (collectivités with INSEE codes)
    "975": (-56.5, 46.7, -56.1, 47.2),
    "977": (-62.95, 17.85, -62.75, 17.97),
    "978": (-63.2, 18.0, -62.95, 18.13),
}


def crs_for_lonlat(lon: float, lat: float) -> str:
    """The projected CRS to measure in around a WGS84 position."""
    for code, (west, south, east, north) in OVERSEAS_BOXES.items():
        if west <= lon <= east and south <= lat <= north:
            return OVERSEAS_CRS[code]
    return METROPOLE_CRS


def crs_zones(lonlat: ArrayLike) -> np.ndarray:
    """crs_for_lonlat for an n×2 array of WGS84 positions at once (an array of CRS ids)."""
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    zones = np.full(len(lonlat), METROPOLE_CRS, dtype=object)
    for code, (west, south, east, north) in OVERSEAS_BOXES.items():
        inside = (lonlat[:, 0] >= west) & (lonlat[:, 0] <= east) & (lonlat[:, 1] >= south) & (lonlat[:, 1] <= north)
        zones[inside] = OVERSEAS_CRS[code]
    return zones


def crs_for_departements(codes: Iterable[str]) -> str:
    """The projected CRS of the départements (one overseas CRS, else Lambert-93)."""
    crs = {OVERSEAS_CRS.get(code, METROPOLE_CRS) for code in codes}
    return crs.pop() if len(crs) == 1 else METROPOLE_CRS


class TerritoryIndex:
    """Every territory of France, from the reference tables."""

    def __init__(
        self,
        regions: Iterable[dict],
        departements: Iterable[dict],
        communes: list[dict],
        epci_names: Mapping[str, str] | None = None,
        associated: Iterable[Mapping[str, str]] = (),
    ):
        self.regions = {r["code"]: r["nom"] for r in regions}
        self.departements = {d["code"]: (d["nom"], d.get("codeRegion", "")) for d in departements}
        self.communes = {c["code"]: c for c in communes}
        self.epci_names = dict(epci_names or {})
        self.codes = CommuneCodes.build(self.communes, associated)
        self._by_epci: dict[str, list[str]] = {}
        self._by_dep: dict[str | None, list[str]] = {}
        for commune in communes:
            self._by_dep.setdefault(commune.get("codeDepartement"), []).append(commune["code"])
            if commune.get("codeEpci"):
                self._by_epci.setdefault(commune["codeEpci"], []).append(commune["code"])

    @classmethod
    def load(cls, fetch_json: FetchJson) -> TerritoryIndex:
        """``fetch_json(url, wanted, required)`` returns a parsed JSON list (or None if optional)."""
        # A required list raises when it cannot be had: never None (`or []` is for the type).
        regions = fetch_json(REGIONS_URL, {"code": ("code",), "nom": ("nom",)}, True) or []
        departements = fetch_json(DEPARTEMENTS_URL, {"code": ("code",), "nom": ("nom",)}, True) or []
        communes = (
            fetch_json(
                COMMUNES_TABLE_URL, {"code": ("code",), "nom": ("nom",), "codeDepartement": ("codeDepartement",)}, True
            )
            or []
        )
        epcis = fetch_json(EPCI_NAMES_URL, {"code": ("code",), "nom": ("nom",)}, False) or []
        associated = fetch_json(ASSOCIATED_COMMUNES_URL, {"code": ("code",), "chefLieu": ("chefLieu",)}, False) or []
        return cls(regions, departements, communes, {e["code"]: e["nom"] for e in epcis}, associated)

    # --- building territories -----------------------------------------------------------
    def country(self) -> Territory:
        deps = tuple(sorted(self.departements))
        return Territory("country", "FR", "France", deps, tuple(sorted(self.regions)), frozenset(), METROPOLE_CRS)

    def _make(self, kind: str, code: str, name: str, commune_codes: Iterable[str]) -> Territory:
        deps = tuple(sorted({self.communes[c]["codeDepartement"] for c in commune_codes}))
        regions = tuple(sorted({self.communes[c].get("codeRegion", "") for c in commune_codes} - {""}))
        return Territory(kind, code, name, deps, regions, frozenset(commune_codes), crs_for_departements(deps))

    def region(self, code: str) -> Territory:
        deps = [d for d, (_n, reg) in self.departements.items() if reg == code]
        communes = [c for d in deps for c in self._by_dep.get(d, [])]
        territory = self._make("region", code, self.regions[code], communes)
        return Territory(
            territory.kind,
            code,
            territory.name,
            tuple(sorted(deps)),
            (code,),
            territory.commune_codes,
            crs_for_departements(deps),
        )

    def departement(self, code: str) -> Territory:
        name, region = self.departements[code]
        return Territory(
            "departement",
            code,
            name,
            (code,),
            (region,) if region else (),
            frozenset(self._by_dep.get(code, [])),
            crs_for_departements([code]),
        )

    def epci(self, code: str) -> Territory:
        return self._make(
            "epci", code, self.epci_names.get(code, tr("EPCI {code}").format(code=code)), self._by_epci[code]
        )

    def commune(self, code: str) -> Territory:
        return self._make("commune", code, self.communes[code]["nom"], [code])

    # --- lookup ---------------------------------------------------------------------------
    def _by_code(self, kind: str, code: str) -> Territory | None:
        tables = {
            "region": self.regions,
            "departement": self.departements,
            "epci": self._by_epci,
            "commune": self.communes,
        }
        if code in tables[kind]:
            return getattr(self, kind)(code)
        return None

    def entries(self) -> Iterator[tuple[str, str, str]]:
        """(kind, code, name) of every territory, for searching and suggestions."""
        yield "country", "FR", "France"
        yield from (("region", c, n) for c, n in self.regions.items())
        yield from (("departement", c, n) for c, (n, _r) in self.departements.items())
        yield from (("epci", c, self.epci_names.get(c, "")) for c in self._by_epci)
        yield from (("commune", c, v["nom"]) for c, v in self.communes.items())

    def resolve(self, text: str | None) -> Territory:
        """A Territory from a code (``36``, ``reg:24``, ``243600327``, ``36044``), ``FR`` or a name."""
        raw = (text or "").strip()
        if not raw:
            raise TerritoryError(
                tr("No territory given: use FR, a région, département, EPCI or commune code, or a name.")
            )
        if raw.upper() in ("FR", "FRANCE"):
            return self.country()
        prefix, _sep, rest = raw.partition(":")
        if rest and prefix.lower() in PREFIXES:
            found = self._by_code(PREFIXES[prefix.lower()], rest.strip().upper())
        else:
            code = raw.upper()
            found = next(
                (
                    t
                    for t in (self._by_code(k, code) for k in ("departement", "commune", "epci", "region"))
                    if t is not None
                ),
                None,
            )
        if found is None and not rest:
            found = self._by_name(raw) or self._by_unique_match(raw)
        if found is None:
            raise TerritoryError(self._unknown_message(raw))
        return found

    def _by_name(self, raw: str) -> Territory | None:
        wanted = normalise(raw)
        matches = [(k, c, n) for k, c, n in self.entries() if n and normalise(n) == wanted]
        if not matches:
            return None
        if len(matches) > 1:
            # A commune and its namesake département ("Paris"): prefer the larger territory.
            ranked = sorted(matches, key=lambda m: KINDS.index(m[0]))
            if KINDS.index(ranked[0][0]) == KINDS.index(ranked[1][0]):
                raise TerritoryError(
                    tr("'{text}' is ambiguous: {choices}. Give a code instead.").format(
                        text=raw, choices="; ".join(f"{n} ({c})" for _k, c, n in ranked[:8])
                    )
                )
            matches = ranked[:1]
        kind, code, _name = matches[0]
        return self.country() if kind == "country" else getattr(self, kind)(code)

    def _by_unique_match(self, raw: str) -> Territory | None:
        """'Châteauroux Métropole' for 'CA Châteauroux Métropole': one territory contains the text."""
        wanted = f" {normalise(raw)} "
        hits = [hit for hit in self.search(raw, 50) if wanted in f" {normalise(hit[2])} "]
        if len(hits) != 1:  # whole words only: 'Indr' stays unknown, with suggestions
            return None
        kind, code, _name = hits[0]
        return self.country() if kind == "country" else getattr(self, kind)(code)

    def _unknown_message(self, raw: str) -> str:
        by_code: dict[str, str] = {}
        by_name: dict[str, list[str]] = {}
        for _kind, code, name in self.entries():
            label = f"{name} ({code})" if name else code
            by_code[code] = label
            by_name.setdefault(normalise(name), []).append(label)
        code = raw.upper()
        # A mistyped code is usually one character off (37 for 36, 2C for 2A).
        suggestions = [
            by_code[c]
            for c in by_code
            if len(c) == len(code) and c != "FR" and sum(a != b for a, b in zip(c, code)) == 1
        ][:5]
        suggestions += [by_code[c] for c in difflib.get_close_matches(code, list(by_code), n=3, cutoff=0.6)]
        for near in difflib.get_close_matches(normalise(raw), [n for n in by_name if n], n=5, cutoff=0.75):
            suggestions += by_name[near]
        message = tr("Unknown territory '{text}'.").format(text=raw)
        if suggestions:
            message += " " + tr("Did you mean: {choices}?").format(choices="; ".join(dict.fromkeys(suggestions[:8])))
        return message

    def search(self, text: str, limit: int = 20) -> list[tuple[str, str, str]]:
        """Territories whose name or code starts with / contains the text (for the panel picker)."""
        return [(kind, code, name) for _rank, kind, code, name in self.ranked_search(text, limit)]

    def ranked_search(self, text: str, limit: int = 20) -> list[tuple[int, str, str, str]]:
        """(rank, kind, code, name), best first: rank 0 the same name or code, 1 starting with the
        text, 2 containing it."""
        wanted = normalise(text)
        if not wanted:
            return []
        hits = []
        for kind, code, name in self.entries():
            key = normalise(name)
            if code.lower() == wanted or key == wanted:
                rank = 0
            elif code.lower().startswith(wanted) or key.startswith(wanted):
                rank = 1
            elif wanted in key:
                rank = 2
            else:
                continue
            hits.append((rank, KINDS.index(kind), name, kind, code))
        return [(rank, kind, code, name) for rank, _k, name, kind, code in sorted(hits)[:limit]]


def load_reference_json(fetcher: Fetcher, feedback: QgsFeedback | None = None) -> FetchJson:
    """The ``fetch_json`` callback used by TerritoryIndex.load, through the cache."""

    def fetch_json(url: str, wanted: Mapping[str, tuple[str, ...]], required: bool) -> list[dict] | None:
        if not required and url in fetcher.optional_failures:
            return None  # said once per session, not at every layer
        try:
            fetched = fetcher.fetch(
                url, suffix=".json", validate=lambda path: check_json_list(path, url, wanted), feedback=feedback
            )
        except (AnctError, OSError) as error:
            if required:
                raise
            fetcher.optional_failures.add(url)
            warn(
                feedback, tr("Optional reference list unavailable ({error}); going on without it.").format(error=error)
            )
            return None
        return check_json_list(fetched.path, url, wanted)

    return fetch_json


def extent_territory(
    index: TerritoryIndex,
    departements_layer: QgsVectorLayer,
    communes_for: Callable[[Territory], QgsVectorLayer],
    rectangle: QgsRectangle,
    label: str,
) -> Territory:
    """The communes whose outline meets ``rectangle`` (in the layers' CRS).

    ``departements_layer`` finds the départements to look in; ``communes_for(territory)`` gives
    the commune outlines of a département territory.
    """
    from qgis.core import QgsGeometry

    area = QgsGeometry.fromRect(rectangle)
    code_field = next(
        name for name in ("code_insee", "insee_dep", "code") if name in departements_layer.fields().names()
    )
    deps = sorted(
        {f[code_field] for f in departements_layer.getFeatures() if f.geometry().intersects(area)}
        & set(index.departements)
    )
    if not deps:
        raise TerritoryError(tr("The map extent covers no French département."))
    communes = set()
    for dep in deps:
        layer = communes_for(index.departement(dep))
        communes |= {f["code"] for f in layer.getFeatures() if f.geometry().intersects(area)}
    regions = tuple(sorted({index.departements[d][1] for d in deps} - {""}))
    return Territory("extent", "extent", label, tuple(deps), regions, frozenset(communes), crs_for_departements(deps))
