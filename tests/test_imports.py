"""Every module imports on its own, first, in a fresh interpreter: no import cycle."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import henan_terms


def test_every_module_imports_first() -> None:
    modules = [
        name
        for _, name, _ in pkgutil.walk_packages(henan_terms.__path__, "henan_terms.")
        if not name.endswith("__main__")
    ]
    running = {
        name: subprocess.Popen([sys.executable, "-c", f"import {name}"], stderr=subprocess.PIPE, text=True)
        for name in modules
    }
    errors = {name: process.communicate()[1] for name, process in running.items()}
    failed = {name: errors[name].splitlines()[-1] for name, process in running.items() if process.returncode}
    assert len(modules) > 30
    assert failed == {}


def _imports(path: Path, module: str) -> set[str]:
    """The project modules a module imports, at its top and inside its functions alike."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("henan_terms")}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else base if node.level else node.module
            if not target or not target.startswith("henan_terms"):
                continue
            for alias in node.names:  # `from . import chinese` imports a module, not the package
                submodule = f"{target}.{alias.name}"
                found.add(submodule if submodule in MODULES else target)
    return found - {module}


ROOT = Path(henan_terms.__file__).parent
MODULES = {
    ".".join(("henan_terms", *path.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__"): path
    for path in ROOT.rglob("*.py")
}


def test_no_import_circles_between_modules() -> None:
    graph = {module: _imports(path, module) for module, path in MODULES.items()}
    graph = {module: {t for t in targets if t in graph} for module, targets in graph.items()}
    circles = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circles.append(" → ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert len(graph) > 30
    assert circles == []
