"""The import rules of `game/`, stated once and checked on the source (docs/architecture.md).

The layers, top to bottom, are in `LAYERS`. A module may import only from its own layer or from a
lower one, there is no import cycle between the modules of `game/`, and only `game/ui/` and
`game/commands/` import pygame. Every import counts: at the top of a module, inside a function or
under `if TYPE_CHECKING:`. A new package adds one entry to `LAYERS`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"

# Top to bottom: (layer name, the module prefixes it holds). A prefix matches the module itself and
# every module below it. The most specific prefix wins.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("commands", ("game.commands", "game.cli", "game.__main__")),
    ("ui", ("game.ui",)),
    ("app", ("game.app",)),
    ("report", ("game.report",)),
    ("store", ("game.store",)),
    ("rules", ("game.rules",)),
    ("web", ("game.web",)),
    ("scenario", ("game.scenario",)),
    ("lang", ("game.lang",)),
    ("resources", ("game.resources", "game")),  # `game` itself: the package's version, nothing else
]
PYGAME_ALLOWED = ("ui", "commands")


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    nested: bool  # inside a function, a class or an `if`

    def where(self) -> str:
        return f"{self.importer.replace('.', '/')}.py:{self.line}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(GAME.rglob("*.py"))}


def resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = importer if MODULES[importer].name == "__init__.py" else importer.rpartition(".")[0]
    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(importer: str) -> list[Import]:
    tree = ast.parse(MODULES[importer].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = resolve(importer, node)
            # `from game.ui import theme` imports the module game.ui.theme; `from x import name` imports x.
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found += [Import(importer, name, node.lineno, node.col_offset > 0) for name in names]
    return found


ALL_IMPORTS = [found for importer in MODULES for found in imports_of(importer)]
INTERNAL = [found for found in ALL_IMPORTS if found.imported in MODULES]


def layer_of(module: str) -> int:
    best, index = -1, None
    for position, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, index = len(prefix), position
    if index is None:
        raise AssertionError(f"{module}: in no layer; add its package to LAYERS in tests/test_layers.py")
    return index


def test_every_module_of_the_game_is_in_a_layer():
    for module in MODULES:
        layer_of(module)


def test_no_module_imports_from_a_higher_layer():
    upward = [
        f"{found.where()}: {found.importer} ({LAYERS[layer_of(found.importer)][0]}) imports {found.imported} ({LAYERS[layer_of(found.imported)][0]})"
        for found in INTERNAL
        if layer_of(found.imported) < layer_of(found.importer)
    ]
    assert upward == []


def test_only_the_ui_and_the_commands_import_pygame():
    allowed = {index for index, (name, _) in enumerate(LAYERS) if name in PYGAME_ALLOWED}
    offenders = [
        found.where()
        for found in ALL_IMPORTS
        if found.imported.split(".")[0] == "pygame" and layer_of(found.importer) not in allowed
    ]
    assert offenders == []


def cycles() -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for found in INTERNAL:
        if found.imported != found.importer and not found.importer.startswith(found.imported + "."):
            graph[found.importer].add(found.imported)  # a module reaching its own package is no cycle
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


# Cycles that are known and on their way out; each names who removes it. Nothing may join this list.
KNOWN_CYCLES: list[list[str]] = []


def test_no_import_cycles_inside_the_game():
    assert [group for group in cycles() if group not in KNOWN_CYCLES] == []


def test_scenes_never_import_other_scenes():
    """A scene opens another through the exits it is given; the graph is wired in game/ui/graph.py."""
    crossing = [
        f"{found.where()}: imports {found.imported}"
        for found in INTERNAL
        if found.importer.startswith("game.ui.scenes.") and found.imported.startswith("game.ui.scenes.") and found.imported != found.importer
    ]
    assert crossing == []


def import_block(found: Import) -> list[str]:
    """The import's line and the lines above it up to the statement before its block of imports."""
    lines = MODULES[found.importer].read_text(encoding="utf-8").splitlines()
    start = found.line - 1
    block = [lines[start]]
    while start > 0:
        above = lines[start - 1].strip()
        if above and not above.startswith(("#", "import ", "from ")):
            if above.startswith(("try:", "except", "if ", "else:")):
                block.append(above)  # a conditional import at the top of a module says why on its `try:`
            break
        start -= 1
        block.append(above)
    return block


COMMENT_RULE_EXEMPT: tuple[str, ...] = ()


def test_every_import_inside_a_function_says_why_it_is_there():
    """A lazy import (start-up speed, an optional tool) carries a comment in its block of imports."""
    silent = [
        found.where()
        for found in ALL_IMPORTS
        if found.nested
        and not _type_checking(found)
        and not found.importer.startswith(COMMENT_RULE_EXEMPT)
        and not any("#" in line for line in import_block(found))
    ]
    assert silent == []


def _type_checking(found: Import) -> bool:
    tree = ast.parse(MODULES[found.importer].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            if any(getattr(child, "lineno", -1) == found.line for child in ast.walk(node)):
                return True
    return False


@pytest.mark.parametrize("name, prefixes", LAYERS)
def test_each_layer_names_packages_of_the_game(name, prefixes):
    assert all(prefix == "game" or prefix.startswith("game.") for prefix in prefixes), name
