"""Settings for the test suite: the production settings, over plain HTTP.

The test client and the browser tests' live server speak HTTP on the loopback, so the
HTTPS-only cookies and redirects are switched off; everything else is as in production.
"""

import os

os.environ.setdefault("SARHAD_HTTPS", "0")

from .settings import *  # noqa: E402,F401,F403
