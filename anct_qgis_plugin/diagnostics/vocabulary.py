"""The values the diagnostics understand, kept apart from numpy so that the algorithms can
declare their parameters with them at QGIS start-up."""

# France services sites by kind (gap.facility_kind).
FACILITY_KINDS = ("fixed", "antenna", "bus", "itinerant")
DEFAULT_KINDS = ("fixed", "antenna")

# --- BD TOPO ------------------------------------------------------------------------------
# What a car uses. Left out by default: Chemin (tracks: IGN gives them 1 km/h), Sentier and
# Escalier (on foot), Piste cyclable (bicycles), Bac ou liaison maritime (a ferry keeps a
# timetable, not a speed).
BDTOPO_CAR_NATURES = (
    "Type autoroutier",
    "Route à 2 chaussées",
    "Route à 1 chaussée",
    "Bretelle",
    "Rond-point",
    "Route empierrée",
)
# The values of `nature` IGN publishes (BD TOPO v3 specification; all but "Bac ou liaison
# maritime" are in the Marseille 10e extract of ../shared/data).
BDTOPO_NATURES = BDTOPO_CAR_NATURES + ("Chemin", "Sentier", "Escalier", "Piste cyclable", "Bac ou liaison maritime")
