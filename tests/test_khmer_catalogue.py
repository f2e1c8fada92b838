"""The Khmer UI catalogue (`game/locale/km.po`): complete, consistent, and loaded with no network and no compile.

"Every UI string" is found, not listed by hand: an AST scan of `game/` collects every literal msgid
passed to `tr(...)`, `ctx.tr(...)`, `translate(language, ...)`, `N_(...)`, `tr.plural(...)` and
`translate_plural(language, ...)`, and every rules message id (`game.rules.messages.MESSAGE_IDS`:
the default verify clues and the debrief's readings) must have a `rules`-context entry.
See docs/translating.md.
"""

from __future__ import annotations

import ast
import re
import shutil
import socket
from pathlib import Path

import polib
import pytest

from game.lang import i18n
from game.rules.messages import MESSAGE_IDS

REPO = Path(__file__).resolve().parents[1]
GAME = REPO / "game"
KM_PO = GAME / "locale" / "km.po"
FIELD = re.compile(r"\{(\w+)\}")
# Latin text allowed inside Khmer strings: the product name, key caps as printed on keyboards,
# statistical symbols, and command lines for the facilitator.
ALLOWED_LATIN = {"Feedwise", "Tab", "Enter", "Esc", "Shift", "Ctrl", "J", "K", "S", "F", "V", "R", "N", "C", "Q", "d", "c", "ID", "USB",
                 "python", "main", "py", "validate", "scenarios", "DIR"}

# call name -> index of the msgid argument
_MSGID_ARGUMENT = {"tr": 0, "N_": 0, "translate": 1, "translate_plural": 1}


def _call_name(node: ast.Call) -> tuple[str | None, str | None]:
    """(name, owner name): tr(...) -> ('tr', None); ctx.tr(...) -> ('tr', 'ctx'); tr.plural(...) -> ('plural', 'tr')."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id, None
    if isinstance(func, ast.Attribute):
        owner = func.value
        owner_name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else None
        return func.attr, owner_name
    return None, None


def scan_msgids() -> tuple[dict[str, str], list[str]]:
    """({msgid: 'file:line' of its first use}, ['file:line' of calls whose msgid is not a literal])."""
    found: dict[str, str] = {}
    dynamic: list[str] = []
    for path in sorted(GAME.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name, owner = _call_name(node)
            if name == "plural" and owner == "tr":
                index = 0
            elif name in _MSGID_ARGUMENT and not (name == "translate" and owner is not None):
                index = _MSGID_ARGUMENT[name]
            else:
                continue
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            if len(node.args) <= index:
                continue
            argument = node.args[index]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.setdefault(argument.value, where)
            else:
                dynamic.append(where)
    return found, dynamic


def rules_params() -> dict[str, set[str]]:
    """Each rules message id -> the parameter names its English rendering reads (p['x'] or p.get('x'))."""
    source = (GAME / "rules" / "messages.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    helpers: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            helpers[node.name] = _params_read(node)
    result: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value in MESSAGE_IDS:
                    names = _params_read(value)
                    if isinstance(value, ast.Name) and value.id in helpers:
                        names = helpers[value.id]
                    result[key.value] = names
    return result


def _params_read(node: ast.AST) -> set[str]:
    names = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Subscript) and isinstance(child.slice, ast.Constant) and isinstance(child.slice.value, str):
            names.add(child.slice.value)
        if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr == "get" and child.args:
            if isinstance(child.args[0], ast.Constant):
                names.add(child.args[0].value)
    return names


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return polib.pofile(str(KM_PO), wrapwidth=0)


def _translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_the_scan_finds_the_ui_strings():
    found, _ = scan_msgids()
    assert {"Share", "Flag", "Verify", "Not sure", "Check the source", "Start", "Choose a scenario"} <= set(found)
    assert len(found) > 120


def test_every_ui_string_has_a_non_empty_khmer_entry():
    found, _ = scan_msgids()
    entries = i18n.catalogue_entries("km")
    missing = sorted(f"{where}: {msgid!r}" for msgid, where in found.items() if not entries.get(("", msgid, 0), "").strip())
    assert missing == []


def test_every_rules_message_has_a_khmer_entry():
    entries = i18n.catalogue_entries("km")
    missing = sorted(message_id for message_id in MESSAGE_IDS if not entries.get((i18n.RULES_CONTEXT, message_id, 0), "").strip())
    assert missing == []


def test_calls_with_a_computed_msgid_only_pass_marked_strings():
    """`tr(table[key])` is fine when the table's strings are marked with N_ (so the scan finds them)."""
    found, dynamic = scan_msgids()
    for where in dynamic:
        file, line = where.rsplit(":", 1)
        source = (REPO / file).read_text(encoding="utf-8")
        assert "N_(" in source or "translate" in file, f"{where}: tr() gets a computed msgid but {file} marks no strings with N_"


def test_placeholders_match_between_english_and_khmer(po):
    wrong = []
    for entry in po:
        if entry.obsolete or entry.msgctxt == i18n.RULES_CONTEXT:
            continue
        english = set(FIELD.findall(entry.msgid_plural or entry.msgid))
        for text in _translations(entry):
            if set(FIELD.findall(text)) != english:
                wrong.append(f"line {entry.linenum}: {entry.msgid!r} has {sorted(english)}, Khmer has {sorted(set(FIELD.findall(text)))}")
    assert wrong == []


def test_rules_placeholders_are_parameters_the_message_has(po):
    params = rules_params()
    assert set(params) == set(MESSAGE_IDS)
    wrong = []
    for entry in po:
        if entry.msgctxt == i18n.RULES_CONTEXT:
            unknown = set(FIELD.findall(entry.msgstr)) - params.get(entry.msgid, set())
            if unknown:
                wrong.append(f"{entry.msgid}: {sorted(unknown)} not among {sorted(params.get(entry.msgid, set()))}")
    assert wrong == []


def test_no_entry_is_fuzzy_empty_or_obsolete(po):
    assert [entry.msgid for entry in po if "fuzzy" in entry.flags] == []
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


def test_khmer_entries_hold_no_english_words(po):
    english = []
    for entry in po:
        for text in _translations(entry):
            words = set(re.findall(r"[A-Za-z]+", FIELD.sub("", text))) - ALLOWED_LATIN
            if words:
                english.append(f"{entry.msgid!r}: {sorted(words)}")
    assert english == []


def test_khmer_entries_use_khmer_digits(po):
    western = [entry.msgid for entry in po for text in _translations(entry) if re.search(r"[0-9]", FIELD.sub("", text))]
    assert western == []


def test_catalogue_loads_from_the_po_file_with_no_network_and_no_compile(tmp_path, monkeypatch):
    shutil.copy(KM_PO, tmp_path / "km.po")  # only the .po: no .mo, nothing compiled

    def no_network(*args, **kwargs):
        raise AssertionError("the catalogue must load without network access")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._catalogue.cache_clear()
    try:
        assert i18n.translate("km", "Share") != "Share"
        assert len(i18n.catalogue_entries("km")) >= 100
        assert sorted(path.name for path in tmp_path.iterdir()) == ["km.po"]
    finally:
        i18n._catalogue.cache_clear()


def test_the_po_file_is_shipped_with_the_package():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"*.po"' in pyproject
