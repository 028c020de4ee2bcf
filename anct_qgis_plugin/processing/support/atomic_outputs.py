"""File outputs written under a temporary name and moved into place when the run succeeds.

Processing writes a sink straight into its destination: a run that fails late or is cancelled
would leave an empty or half-written file where the user's previous output was. Here a file
destination is swapped for ``.<name>.part-<uuid><ext>`` beside it (same folder: the move is
atomic), and only ``commit()`` puts it in place; ``discard()`` (any failure) removes it.
Memory, database and ``ogr:`` destinations are left as Processing writes them.

Every sink is closed (its file committed) before the run returns, whatever still refers to it:
a GeoPackage left to Python's garbage collector is committed only if the collector runs before
the process exits, which ``qgis_process`` does not wait for. Each sink counts what it was
given, and the algorithm checks that the file reopened holds as much (base.py).
"""

import csv
import os
import re
from contextlib import contextmanager

from qgis.core import QgsDataSourceUri, QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProperty
from qgis.PyQt import sip

from ...compat import WKB_NOGEOMETRY
from ...core.storage.part_files import part_path, sweep_stale_parts
from ...core.travel.settings import ui_language

# Files that travel with a dataset (a shapefile is several files).
COMPANIONS = {".shp": (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"), ".gpkg": ("-wal", "-shm", "-journal")}


DECIMAL = re.compile(r"^-?\d+\.\d+$")
# A provider's URI (postgres:, postgis:, ogr:, memory:…), not a Windows drive letter (C:).
PROVIDER_URI = re.compile(r"^[A-Za-z][\w-]+:")
DATABASE_URI = re.compile(r"^(postgres://|postgis:|spatialite:)(.*)$", re.S)


def decimal_commas(path):
    """Numbers written 12.5 become 12,5 (French spreadsheets read a point as text); the rest stays."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerows([[cell.replace(".", ",") if DECIMAL.match(cell) else cell for cell in row] for row in rows])


def plain_file(value):
    """The path of a destination that is a plain file we may replace whole, else ''."""
    text = value.staticValue() if isinstance(value, QgsProperty) else value
    text = str(text or "")
    if not text or "|" in text or text.startswith("TEMPORARY_OUTPUT") or PROVIDER_URI.match(text):
        return ""
    return text if os.path.splitext(text)[1] else ""


def _part_prefix(final):
    """``<folder>/.<name>.part-``: hidden, in the destination's folder (the move is atomic)."""
    folder, name = os.path.split(final)
    return os.path.join(folder, f".{os.path.splitext(name)[0]}.part-")


def table_name(final):
    """The table (GeoPackage), sheet (XLSX) or layer name of a file output: its file's name, not
    that of the temporary file it is written as."""
    return os.path.splitext(os.path.basename(final))[0]


def _without_geometry_column(value):
    """A database destination for a table: a geometry column named in it (``(geom)``, as for the
    maps) would make QGIS look for a column the table does not have, and fail."""
    definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
    sink = definition.sink if definition is not None else value
    text = sink.staticValue() if isinstance(sink, QgsProperty) else sink
    match = DATABASE_URI.match(str(text or ""))
    uri = QgsDataSourceUri(match.group(2)) if match else None
    if uri is None or not uri.geometryColumn():
        return value
    uri.setGeometryColumn("")
    changed = QgsProcessingOutputLayerDefinition(definition) if definition is not None else None
    if changed is None:
        return match.group(1) + uri.uri(False)
    changed.sink = QgsProperty.fromValue(match.group(1) + uri.uri(False))
    return changed


def _file_of(dest_id):
    """The file of a destination id (Processing names a GeoPackage's table: ``path|layername=t``)."""
    return str(dest_id).split("|", 1)[0]


class CountedSink:
    """A sink that counts the features it was given and written; the rest is the sink's own."""

    def __init__(self, sink):
        self.sink, self.count = sink, 0

    def addFeature(self, feature, flags=None):  # noqa: N802
        written = self.sink.addFeature(feature, *([] if flags is None else [flags]))
        self.count += 1 if written else 0
        return written

    def addFeatures(self, features, flags=None):  # noqa: N802
        written = self.sink.addFeatures(features, *([] if flags is None else [flags]))
        self.count += len(features) if written else 0
        return written

    def __getattr__(self, name):
        return getattr(self.sink, name)

    def close(self):
        """Flush and delete the sink now (its file closed), even while something still refers to it."""
        if not sip.isdeleted(self.sink):
            self.sink.flushBuffer()
            sip.delete(self.sink)


def _family(path):
    stem, extension = os.path.splitext(path)
    suffixes = COMPANIONS.get(extension.lower(), ())
    return [path] + [stem + s if s.startswith(".") else path + s for s in suffixes]


class AtomicOutputs:
    def __init__(self, algorithm, parameters, context):
        self.algorithm, self.context = algorithm, context
        self.parameters = dict(parameters)
        self.moves = []  # (temporary path, final path)
        self.sinks = []  # (output name, CountedSink, destination id)

    def sink(self, name, fields, wkb_type, crs, **options):
        """parameterAsSink, into a temporary file when the destination is a plain file. A CSV is
        written for spreadsheets: UTF-8 with a BOM, and in French ';' with decimal commas."""
        value = self.parameters.get(name)
        definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
        final = plain_file(definition.sink if definition is not None else value)
        if final.lower().endswith(".csv"):
            separator = "SEMICOLON" if ui_language() == "fr" else "COMMA"
            options["layerOptions"] = list(options.get("layerOptions") or []) + [
                f"SEPARATOR={separator}",
                "WRITE_BOM=YES",
            ]
        if final:
            sweep_stale_parts(_part_prefix(final))  # left by runs killed before their end
            temporary = part_path(_part_prefix(final), os.path.splitext(final)[1])
            swapped = (
                QgsProcessingOutputLayerDefinition(definition)
                if definition is not None
                else QgsProcessingOutputLayerDefinition()
            )
            swapped.sink = QgsProperty.fromValue(temporary)
            # Processing takes a definition's create options over those passed to parameterAsSink.
            swapped.createOptions = {**swapped.createOptions, "layerName": table_name(final)}
            self.parameters[name] = swapped
            self.moves.append((temporary, final))
        elif WKB_NOGEOMETRY == wkb_type:
            self.parameters[name] = _without_geometry_column(value)
        sink, dest_id = self.algorithm.parameterAsSink(
            self.parameters, name, self.context, fields, wkb_type, crs, **options
        )
        if sink is None:
            return None, dest_id
        counted = CountedSink(sink)
        self.sinks.append((name, counted, dest_id))
        return counted, dest_id

    def required_sink(self, name, fields, wkb_type, crs, **options):
        """``sink`` for an output that must be written: Processing's own error when it cannot be."""
        sink, dest_id = self.sink(name, fields, wkb_type, crs, **options)
        if sink is None:
            raise QgsProcessingException(self.algorithm.invalidSinkError(self.parameters, name))
        return sink, dest_id

    def final_id(self, dest_id):
        """The destination id the user asked for (what results and loading should name)."""
        return next((final for temporary, final in self.moves if _file_of(dest_id) == temporary), dest_id)

    def close(self):
        for _name, sink, _dest_id in self.sinks:
            sink.close()

    def commit(self):
        """Close every sink, move every temporary file into place, and tell the algorithm what
        each output holds (it reopens them)."""
        self.close()
        for name, sink, dest_id in self.sinks:
            final = self.final_id(dest_id)
            self.algorithm.note_written(name, final, sink.count, table_name(final) if plain_file(final) else "")
        details = dict(self.context.layersToLoadOnCompletion())
        for temporary, final in self.moves:
            if final.lower().endswith(".csv") and ui_language() == "fr" and os.path.exists(temporary):
                decimal_commas(temporary)
            for source, target in zip(_family(temporary), _family(final)):
                if os.path.exists(source):
                    os.replace(source, target)
                elif os.path.exists(target) and source != temporary:
                    os.remove(target)  # a companion the new output does not have
            for dest_id in [dest_id for dest_id in details if _file_of(dest_id) == temporary]:
                details[final] = details.pop(dest_id)
        self.context.setLayersToLoadOnCompletion(details)
        self.moves = []

    def discard(self):
        """Remove the temporary files of a failed or cancelled run; the previous outputs stay."""
        self.close()  # closed before removed (Windows does not remove an open file)
        for temporary, _final in self.moves:
            for path in _family(temporary):
                try:
                    os.remove(path)
                except OSError:
                    pass
        self.moves = []


@contextmanager
def atomic_outputs(algorithm, parameters, context):
    """AtomicOutputs for one run: committed when the block ends, discarded when it raises."""
    outputs = AtomicOutputs(algorithm, parameters, context)
    try:
        yield outputs
    except BaseException:
        outputs.discard()  # the previous outputs stay where they were
        raise
    outputs.commit()
