"""Peer environments for the benchmarks: one throwaway venv per peer under ``.venv-peers/``.

Peers are other projects' code measured against ours. Some carry licences Sarhad cannot
ship, so they never enter the product's environment: each lives in its own venv, made on
first use, and runs in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure_peer_env(name: str, package: str, probe_import: str) -> Path | None:
    """The Python of ``.venv-peers/<name>`` with ``package`` installed, or ``None`` (said why)."""
    env = ROOT / ".venv-peers" / name
    python = env / "bin" / "python"
    probe = [str(python), "-c", f"import {probe_import}"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"# installing {package} into .venv-peers/{name} (peer only)", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", package], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"# peer unavailable: {exc}", flush=True)
        return None
    return python
