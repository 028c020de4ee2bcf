"""File outputs written under a temporary name and moved into place when the run succeeds.

Processing writes a sink straight into its destination: a run that fails late or is cancelled
would leave an empty or half-written file where the user's previous output was. Here a file
destination is swapped for ``.<name>.part-<uuid><ext>`` beside it (same folder: the move is
atomic), and only ``commit()`` puts it in place; ``discard()`` (any failure) removes it.
Memory, database and ``ogr:`` destinations are left as Processing writes them.
"""

import csv
import gc
import os
import re
import traceback
import uuid
from contextlib import contextmanager

from qgis.core import QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProperty

from ...core.settings import ui_language

# Files that travel with a dataset (a shapefile is several files).
COMPANIONS = {".shp": (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"), ".gpkg": ("-wal", "-shm", "-journal")}


DECIMAL = re.compile(r"^-?\d+\.\d+$")


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
    if not text or "|" in text or text.startswith(("memory:", "TEMPORARY_OUTPUT", "ogr:", "postgres:", "spatialite:")):
        return ""
    return text if os.path.splitext(text)[1] else ""


def part_path(final):
    folder, name = os.path.split(final)
    stem, extension = os.path.splitext(name)
    return os.path.join(folder, f".{stem}.part-{uuid.uuid4().hex[:12]}{extension}")


def _family(path):
    stem, extension = os.path.splitext(path)
    suffixes = COMPANIONS.get(extension.lower(), ())
    return [path] + [stem + s if s.startswith(".") else path + s for s in suffixes]


class AtomicOutputs:
    def __init__(self, algorithm, parameters, context):
        self.algorithm, self.context = algorithm, context
        self.parameters = dict(parameters)
        self.moves = []  # (temporary path, final path)

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
            temporary = part_path(final)
            swapped = (
                QgsProcessingOutputLayerDefinition(definition)
                if definition is not None
                else QgsProcessingOutputLayerDefinition()
            )
            swapped.sink = QgsProperty.fromValue(temporary)
            self.parameters[name] = swapped
            self.moves.append((temporary, final))
        return self.algorithm.parameterAsSink(self.parameters, name, self.context, fields, wkb_type, crs, **options)

    def required_sink(self, name, fields, wkb_type, crs, **options):
        """``sink`` for an output that must be written: Processing's own error when it cannot be."""
        sink, dest_id = self.sink(name, fields, wkb_type, crs, **options)
        if sink is None:
            raise QgsProcessingException(self.algorithm.invalidSinkError(self.parameters, name))
        return sink, dest_id

    def final_id(self, dest_id):
        """The destination id the user asked for (what results and loading should name)."""
        return next((final for temporary, final in self.moves if temporary == dest_id), dest_id)

    def commit(self):
        """Move every temporary file into place (the sinks must be closed: no reference left)."""
        details = dict(self.context.layersToLoadOnCompletion())
        for temporary, final in self.moves:
            if final.lower().endswith(".csv") and ui_language() == "fr" and os.path.exists(temporary):
                decimal_commas(temporary)
            for source, target in zip(_family(temporary), _family(final)):
                if os.path.exists(source):
                    os.replace(source, target)
                elif os.path.exists(target) and source != temporary:
                    os.remove(target)  # a companion the new output does not have
            if temporary in details:
                details[final] = details.pop(temporary)
        self.context.setLayersToLoadOnCompletion(details)
        self.moves = []

    def discard(self, error=None):
        """Remove the temporary files of a failed or cancelled run; the previous outputs stay.

        ``error``: the exception that stopped the run; its frames still hold the open sinks,
        which are let go first so that their files are closed before they are removed."""
        if error is not None:
            traceback.clear_frames(error.__traceback__)
            gc.collect()
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
    except BaseException as error:
        outputs.discard(error)  # the previous outputs stay where they were
        raise
    outputs.commit()
