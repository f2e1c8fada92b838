"""The report layer's imports: no cycle between its modules, and nothing from the game's screens or pygame."""

import ast
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "game" / "report"
ALLOWED_GAME = ("game.report", "game.store", "game.rules", "game.scenario", "game.lang", "game.i18n", "game.locale_format")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules() -> dict[str, set[str]]:
    return {f"game.report.{path.stem}": _imports(path) for path in REPORT.glob("*.py") if path.stem != "__init__"}


def test_no_two_report_modules_import_each_other():
    modules = _modules()
    assert len(modules) >= 8
    for name, imports in modules.items():
        for other in imports & modules.keys():
            assert name not in modules[other], f"{name} and {other} import each other"


def test_report_imports_only_the_pure_layers():
    for path in REPORT.glob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("pygame", "game.ui", "game.app")), f"{path.name} imports {name}"
            if name.startswith("game."):
                assert name.startswith(ALLOWED_GAME), f"{path.name} imports {name}"
