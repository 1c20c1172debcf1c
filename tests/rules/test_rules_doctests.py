"""The examples in the kernel's docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["stay", "calendar", "deadlines", "registration", "batch"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"sarhad.rules.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_kernel_does_not_import_django_or_polars_at_the_desk():
    import subprocess
    import sys

    code = ("import sys, sarhad.rules, sarhad.rules.cli; "
            "bad = [m for m in ('django', 'polars') if m in sys.modules]; "
            "assert not bad, bad")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
