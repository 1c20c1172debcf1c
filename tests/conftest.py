"""Suite-wide test configuration.

Tests of the pure kernels (no database) are marked ``kernel`` by their folder, so the
PostgreSQL pass of ``make test`` skips them: they do not touch a database and already ran
in the SQLite pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

KERNEL_FOLDERS = {"documents", "names", "screening", "rules", "kernels"}
TESTS_ROOT = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        try:
            first = Path(item.fspath).relative_to(TESTS_ROOT).parts[0]
        except ValueError:
            continue
        if first in KERNEL_FOLDERS:
            item.add_marker(pytest.mark.kernel)
        if first == "browser":
            item.add_marker(pytest.mark.browser)


# Property tests: no per-example deadline (shared CI machines are noisy; speed lives in
# bench/), and a fixed derivation under CI so a red run can be reproduced.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("sarhad", deadline=None, print_blob=True)
_hyp_settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
_hyp_settings.load_profile("ci" if __import__("os").environ.get("CI") else "sarhad")
