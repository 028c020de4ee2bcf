"""Names of the tables the algorithms declare their parameters with, apart from the modules
that read the tables (and load half the plugin): QGIS lists the algorithms at start-up."""

from .catalogue import PROGRAMME_LIST_IDS

# The tables of the commune card and the programme matrix: every programme, then France services.
PROGRAMME_TABLES = ("qpv",) + PROGRAMME_LIST_IDS + ("france_services",)
SOURCES_TABLE = "anct_sources"  # the territory pack's table of sources
