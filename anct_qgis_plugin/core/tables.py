"""Which programme each commune belongs to, read from the same catalogue files as the layers
(no geometry): for key figures and the programme matrix."""
from dataclasses import dataclass, field

from .catalogue import QPV_LIST, get_source
from .errors import AnctError
from .i18n import tr
from .layers import SourceInfo
from .parsers import read_csv, resolve_columns, split_values

# table id -> (source, id column); the QPV list stands for the QPV outlines.
MEMBERSHIP_SOURCES = {
    "qpv": (QPV_LIST, "code_qp"),
    "action_coeur_de_ville": (get_source("action_coeur_de_ville"), "id_acv"),
    "petites_villes_de_demain": (get_source("petites_villes_de_demain"), "id_pvd"),
    "territoires_industrie": (get_source("territoires_industrie"), "id_ti"),
    "villages_avenir": (get_source("villages_avenir"), "id_va"),
    "france_services": (get_source("france_services"), "id_fs"),
    "mobile_sites": (get_source("mobile_sites"), "num_site"),
}
# Site numbers are per operator: a site is (operator, number).
ID_PREFIX = {"mobile_sites": "code_op"}


@dataclass
class Membership:
    """Programme ids per commune code, with the source's date, or why it is unavailable."""
    table_id: str
    ids_by_commune: dict = field(default_factory=dict)
    source_date: str = ""
    title: str = ""
    unavailable: str = ""
    rows_by_id: dict = field(default_factory=dict)  # extra columns per id (type_fs, format_fs…)


def read_membership(builder, table_id, country):
    source, id_column = MEMBERSHIP_SOURCES[table_id]
    info = SourceInfo(source.id, source.title(builder.language), "", source.publisher, source.licence,
                      source.attribution)
    membership = Membership(table_id, title=info.title)
    try:
        files = builder.fetch_files(source, country, info)
        table = read_csv(files[0].path, source.id, source.columns)
        columns = resolve_columns(table.columns, {**source.columns, id_column: (id_column,)}, files[0].path,
                                  source.id)
    except AnctError as error:
        membership.unavailable = str(error)
        return membership
    position = {name: i for i, name in enumerate(table.columns)}
    commune_at, id_at = position[columns[source.commune_column]], position[columns[id_column]]
    prefix_at = position.get(ID_PREFIX.get(table_id, ""))
    for row in table.rows:
        ids = [f"{row[prefix_at]}-{ident}" if prefix_at is not None else ident for ident in split_values(row[id_at])]
        for code in split_values(row[commune_at]):
            membership.ids_by_commune.setdefault(code, []).extend(ids)
        for ident in ids:
            membership.rows_by_id.setdefault(ident, dict(zip(table.columns, row)))
    membership.source_date = info.source_date
    return membership


def read_memberships(builder, table_ids=tuple(MEMBERSHIP_SOURCES), feedback=None):
    """Every membership table; an unavailable one is reported, not fatal."""
    from .report import warn

    country = builder.index.country()
    tables = {}
    for table_id in table_ids:
        tables[table_id] = read_membership(builder, table_id, country)
        if tables[table_id].unavailable:
            warn(feedback, tr("{title}: unavailable — {error}").format(
                title=tables[table_id].title, error=tables[table_id].unavailable))
    return tables
