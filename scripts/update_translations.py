#!/usr/bin/env python3
"""Refresh i18n/*.ts from the code: every ``tr("…")`` call with its context.

pylupdate5 cannot see the contexts of module-level ``tr`` helpers (they call
QCoreApplication.translate with an explicit context), so this script reads them with ``ast``:
a module's context is the literal in its own ``def tr`` or in the module it imports ``tr`` from.
Existing translations are kept; new strings are marked unfinished; vanished ones are dropped.
Usage: update_translations.py [--check]  (--check: exit 1 when the .ts is out of date).
"""

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "anct_qgis_plugin"
TS_FILES = sorted((ROOT / "i18n").glob("anct_qgis_plugin_*.ts"))


def _module_name(path):
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _own_context(tree):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate":
                    return call.args[0].value
    return None


def _imported_tr(tree, module):
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any(alias.name == "tr" for alias in node.names):
            base = module.split(".")[: -node.level] if node.level else []
            return ".".join(base + ([node.module] if node.module else []))
    return None


def _contexts(trees):
    contexts = {m: _own_context(t) for m, t in trees.items()}
    for _ in range(5):  # follow re-exports
        for module, tree in trees.items():
            source = _imported_tr(tree, module)
            if contexts[module] is None and source in contexts:
                contexts[module] = contexts[source]
    return contexts


def _translate_calls(tree):
    """(context or None, text, line) for tr("…") and QCoreApplication.translate("ctx", "…")."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        literal = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name == "tr" and isinstance(node.args[0], ast.Constant) and literal:
            yield None, literal[0], node.lineno
        elif (
            name == "translate" and len(literal) >= 2 and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
        ):
            yield literal[0], literal[1], node.lineno


def extract():
    trees = {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}
    contexts = _contexts(trees)
    messages = {}
    for module, tree in trees.items():
        path = str(Path(*module.split("."))) + ".py"
        for context, text, line in _translate_calls(tree):
            context = context or contexts[module]
            if context is None:
                raise SystemExit(f"{path}:{line}: tr() without a known context")
            messages.setdefault(context, {}).setdefault(text, []).append((path, line))
    return messages


def _existing(ts_path):
    known = {}
    if ts_path.exists():
        for context in ET.parse(ts_path).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                known[(name, message.findtext("source"))] = (
                    translation.text or "",
                    translation.get("type") == "unfinished",
                )
    return known


def render(ts_path, messages):
    known = _existing(ts_path)
    language = ts_path.stem.rsplit("_", 1)[-1]
    root = ET.Element("TS", version="2.1", language=language)
    for context_name in sorted(messages):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for text in sorted(messages[context_name]):
            message = ET.SubElement(context, "message")
            for path, line in messages[context_name][text][:1]:
                ET.SubElement(message, "location", filename=f"../{path}", line=str(line))
            ET.SubElement(message, "source").text = text
            translation, unfinished = known.get((context_name, text), ("", True))
            element = ET.SubElement(message, "translation")
            element.text = translation
            if unfinished or not translation:
                element.set("type", "unfinished")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _without_lines(text):
    return re.sub(r' line="\d+"', "", text)


def main():
    messages = extract()
    stale = []
    for ts_path in TS_FILES:
        text = render(ts_path, messages)
        current = ts_path.read_text(encoding="utf-8") if ts_path.exists() else ""
        # Line numbers move with every edit: only strings, contexts and translations count.
        if "--check" in sys.argv and _without_lines(text) == _without_lines(current):
            continue
        if text != current:
            stale.append(ts_path.name)
            if "--check" not in sys.argv:
                ts_path.write_text(text, encoding="utf-8")
    if "--check" in sys.argv and stale:
        raise SystemExit("out of date: " + ", ".join(stale) + " (run make translations)")
    print(f"{sum(len(v) for v in messages.values())} messages in {len(messages)} contexts")


if __name__ == "__main__":
    main()
