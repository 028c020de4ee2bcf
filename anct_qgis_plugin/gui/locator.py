"""Locator filter (prefix ``anct``): find a territory by name or code; a commune opens its card,
any other territory becomes the panel's territory."""

from qgis.core import QgsLocatorFilter, QgsLocatorResult

from ..compat import locator_data, rank_locator_result, set_locator_data
from .i18n import kind_label, tr


class AnctLocatorFilter(QgsLocatorFilter):
    def __init__(self, index_getter, on_commune, on_territory):
        super().__init__()
        self.index_getter, self.on_commune, self.on_territory = index_getter, on_commune, on_territory

    def clone(self):
        return AnctLocatorFilter(self.index_getter, self.on_commune, self.on_territory)

    def name(self):
        return "anct"

    def displayName(self):
        return tr("ANCT territories")

    def prefix(self):
        return "anct"

    def fetchResults(self, string, context, feedback):  # noqa: N802 (QGIS's name)
        index = self.index_getter()
        if index is None or len(string.strip()) < 2:
            return
        found = index.ranked_search(string, 15)
        groups = (tr("Same name or code"), tr("Starting with the text"), tr("Containing the text"))
        for position, (rank, kind, code, name) in enumerate(found):
            if feedback.isCanceled():
                return
            result = QgsLocatorResult()
            result.filter = self
            result.displayString = f"{name} ({code})"
            if kind == "commune":
                result.description = tr("commune — open its card")
            else:
                result.description = tr("{kind} — set as the panel's territory").format(kind=kind_label(kind))
            set_locator_data(result, f"{kind}:{code}")
            # Enter takes the first result: the exact name, then prefixes, then the rest.
            rank_locator_result(result, position, len(found), groups[rank], float(len(groups) - rank))
            self.resultFetched.emit(result)

    def triggerResult(self, result):  # noqa: N802
        kind, _sep, code = locator_data(result).partition(":")
        if kind == "commune":
            self.on_commune(code)
        else:
            self.on_territory({"region": f"reg:{code}"}.get(kind, code))
