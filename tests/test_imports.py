"""Every module imports on its own, first, in a fresh interpreter: no import cycle."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
