"""Settings for the test suite: the production settings, over plain HTTP.

The test client and the browser tests' live server speak HTTP on the loopback, so the
HTTPS-only cookies and redirects are switched off; everything else is as in production.
"""

import os

os.environ.setdefault("SARHAD_HTTPS", "0")

from .settings import *  # noqa: E402,F401,F403

# The browser pass serves pages from a live-server thread pool; a file database gives
# each thread its own connection (an in-memory one must be shared across threads).
if os.environ.get("SARHAD_TEST_SQLITE_FILE") and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.environ["SARHAD_TEST_SQLITE_FILE"]}  # noqa: F405
