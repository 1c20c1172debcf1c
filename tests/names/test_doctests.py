"""The examples in the module docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["sarhad.names", "sarhad.names.compare", "sarhad.names.normalise",
           "sarhad.names.phonetic", "sarhad.names.translit", "sarhad.names.synthetic",
           "sarhad.names.evaluation", "sarhad.names.persian"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
