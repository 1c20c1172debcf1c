"""The kernel stays pure: no Django anywhere in sarhad.documents."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sarhad.documents

PACKAGE = Path(sarhad.documents.__file__).parent


def test_no_django_import_in_the_sources():
    offenders = [
        path.name for path in PACKAGE.rglob("*.py")
        if "import django" in path.read_text() or "from django" in path.read_text()
    ]
    assert offenders == []


def test_importing_every_module_loads_no_django():
    modules = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    script = "import sys\n" + "".join(
        f"import sarhad.documents.{name}\n" for name in modules) + (
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "assert not bad, bad\n")
    env = dict(os.environ, PYTHONPATH=str(PACKAGE.parents[1]))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr


def test_doctests_of_the_kernel():
    import doctest
    import importlib

    failed = 0
    for path in sorted(PACKAGE.glob("*.py")):
        module = importlib.import_module(f"sarhad.documents.{path.stem}"
                                         if path.stem != "__init__" else "sarhad.documents")
        failed += doctest.testmod(module).failed
    assert failed == 0
