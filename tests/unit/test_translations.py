"""Every visible string is translatable and the French translation is complete."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRENCH = ROOT / "i18n" / "anct_qgis_plugin_fr.ts"


def test_ts_file_is_up_to_date_with_the_code():
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_french_is_complete():
    messages = list(ET.parse(FRENCH).getroot().iter("message"))
    assert messages
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert not unfinished, f"{len(unfinished)} untranslated: {unfinished[:5]}"


def test_placeholders_survive_translation():
    import re

    for message in ET.parse(FRENCH).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation") or ""
        assert sorted(re.findall(r"{\w+(?::[^}]*)?}", source)) == sorted(
            re.findall(r"{\w+(?::[^}]*)?}", translation)
        ), source
