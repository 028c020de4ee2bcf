#!/usr/bin/env python3
"""Fill French translations in i18n/anct_qgis_plugin_fr.ts from a small JSON file of
{"source": "traduction"} (for a handful of new strings; the .ts stays the reference).
Usage: translate.py NEW.json"""

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "i18n" / "anct_qgis_plugin_fr.ts"


def main(path):
    wanted = json.loads(Path(path).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    root = tree.getroot()
    done = 0
    for message in root.iter("message"):
        source = message.findtext("source")
        if source in wanted:
            translation = message.find("translation")
            translation.text = wanted[source]
            translation.attrib.pop("type", None)
            done += 1
    ET.indent(root)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )
    print(f"{done} messages translated")


if __name__ == "__main__":
    main(sys.argv[1])
