"""Benchmark: parse + full validation of 10,000 machine readable zones.

Generates a seeded mix of TD1, TD2, TD3, MRV-A and MRV-B zones (about one in ten with
one character changed, so error paths are measured too), then times, in interleaved
rounds, Sarhad's ``parse`` in this process and the checker classes of PyPI ``mrz`` in a
subprocess of a separate environment (``.venv-peers/mrz``, created here when missing:
the peer is GPL and never a dependency of Sarhad). Prints ``name: value unit`` lines,
the machine, and ``ratio_vs_pypi_mrz`` (peer time / our time).

    python bench/mrz.py            # full run (make bench-mrz)
    python bench/mrz.py --smoke    # tiny, no peer: proves the script works
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sarhad.documents import generate, parse  # noqa: E402

PEER_DIR = ROOT / ".venv-peers" / "mrz"
PEER_REQUIREMENT = "mrz==0.6.2"
FORMATS = ("TD1", "TD2", "TD3", "MRVA", "MRVB")
REFERENCE_DATE = date(2026, 1, 1)

# Codes both Sarhad and the peer know (the peer lacks DEU and some ICAO codes).
_CODES = (
    "AZE", "TUR", "RUS", "GEO", "ARM", "IRN", "UKR", "KAZ", "UZB", "FRA", "GBR", "USA",
    "ITA", "ESP", "CHN", "IND", "PAK", "ISR", "D", "XXA", "XXB", "UNO",
)
_SURNAMES = (
    "ALIYEV", "MAMMADOVA", "HASANOV", "GULIYEV", "HUSEYNOVA", "IVANOV", "PETROVA",
    "YILMAZ", "OZTURK", "BERIDZE", "HOVHANNISYAN", "AHMADI", "SMITH<JONES", "VAN<DER<BERG",
    "OCONNOR", "NILAVADHANANANDA", "DE<LA<CRUZ<GARCIA", "KIM", "TRAN",
)
_GIVEN = (
    "RAUF", "LEYLA", "ELCHIN", "AYSEL", "IVAN", "ANNA<MARIA", "MEHMET", "NINO", "ARAM",
    "ALI", "JOHN<PAUL", "CHAYAPA<DEJTHAMRONG", "ZEYNEB", "JEAN<LUC", "OLGA",
)
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_MRZ = _ALNUM + "<"


def make_documents(n: int, seed: int = 9303, noisy: float = 0.1) -> list[tuple[str, str]]:
    """*n* documents as ``(format, "line1\\nline2[\\nline3]")``, deterministic per seed."""
    rng = random.Random(seed)
    docs = []
    base = date(1930, 1, 1)
    for i in range(n):
        fmt = FORMATS[i % len(FORMATS)]
        birth = base + timedelta(days=rng.randrange(0, 33000))
        expiry = REFERENCE_DATE + timedelta(days=rng.randrange(-3000, 3650))
        if fmt == "TD3":
            code = rng.choice(("P", "PP", "PD", "PO"))
            optional = "".join(rng.choices(_ALNUM, k=rng.randrange(0, 15)))
        elif fmt in ("TD1", "TD2"):
            code = rng.choice(("I", "ID", "IR", "AR", "C"))
            optional = "".join(rng.choices(_ALNUM, k=rng.randrange(0, 8)))
        else:
            code = rng.choice(("V", "VC", "VT"))
            optional = "".join(rng.choices(_ALNUM, k=rng.randrange(0, 9)))
        lines = generate(
            fmt,
            document_code=code,
            issuing_state=rng.choice(_CODES),
            nationality=rng.choice(_CODES),
            document_number="".join(rng.choices(_ALNUM, k=rng.randrange(6, 10))),
            birth_date=birth,
            expiry_date=expiry,
            sex=rng.choice("FMX"),
            name=rng.choice(_SURNAMES) + "<<" + rng.choice(_GIVEN),
            optional_data=optional,
            optional_data_2="".join(rng.choices(_ALNUM, k=rng.randrange(0, 12)))
            if fmt == "TD1" else "",
        )
        text = "\n".join(lines)
        if rng.random() < noisy:
            # One changed character anywhere past the document code.
            pos = rng.randrange(2, len(text))
            if text[pos] != "\n":
                text = text[:pos] + rng.choice(_MRZ.replace(text[pos], "")) + text[pos + 1:]
        docs.append((fmt, text))
    return docs


# --------------------------------------------------------------------------- the peer


def peer_python() -> Path:
    return PEER_DIR / "bin" / "python"


def ensure_peer(log=None) -> tuple[Path | None, str]:
    """Return ``(python of the peer environment, "")`` or ``(None, why not)``.

    Creates ``.venv-peers/mrz`` with ``python -m venv`` and installs the pinned peer
    with pip when it is missing.
    """
    python = peer_python()
    # -I: isolated, so a module named mrz in the working folder (like this script)
    # can never shadow the peer package.
    probe = [str(python), "-I", "-c", "import mrz.checker.td3"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python, ""
    PEER_DIR.parent.mkdir(parents=True, exist_ok=True)
    # Parallel test workers may all get here: one builds, the others wait and reuse.
    with open(PEER_DIR.parent / ".mrz.lock", "w") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except ImportError:  # no advisory locks on this platform
            pass
        if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
            return python, ""
        return _build_peer(python, probe, log)


def _build_peer(python: Path, probe: list[str], log) -> tuple[Path | None, str]:
    try:
        if log:
            log(f"creating the peer environment {PEER_DIR.relative_to(ROOT)} ({PEER_REQUIREMENT})")
        quiet = ["-q", "--disable-pip-version-check"]
        try:
            # Fast: an environment without pip, filled by this interpreter's pip.
            subprocess.run([sys.executable, "-m", "venv", "--clear", "--without-pip",
                            str(PEER_DIR)], check=True, capture_output=True, timeout=300)
            subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                            *quiet, PEER_REQUIREMENT], check=True, capture_output=True,
                           timeout=600)
        except subprocess.CalledProcessError:
            # This interpreter has no pip (or an old one): give the environment its own.
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(PEER_DIR)],
                           check=True, capture_output=True, timeout=300)
            subprocess.run([str(python), "-m", "pip", "install", *quiet, PEER_REQUIREMENT],
                           check=True, capture_output=True, timeout=600)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        if isinstance(detail, bytes):
            detail = detail.decode(errors="replace")
        return None, f"cannot create the peer environment: {exc} {detail.strip()[-300:]}"
    if subprocess.run(probe, capture_output=True).returncode != 0:
        return None, f"{PEER_REQUIREMENT} installed but does not import"
    return python, ""


# Runs inside the peer environment: reads the documents once, then times one pass over
# them for every "run" line it receives, answering with the elapsed seconds.
PEER_WORKER = r"""
import json, sys, time
from mrz.checker.td1 import TD1CodeChecker
from mrz.checker.td2 import TD2CodeChecker
from mrz.checker.td3 import TD3CodeChecker
from mrz.checker.mrva import MRVACodeChecker
from mrz.checker.mrvb import MRVBCodeChecker
CLASSES = {"TD1": TD1CodeChecker, "TD2": TD2CodeChecker, "TD3": TD3CodeChecker,
           "MRVA": MRVACodeChecker, "MRVB": MRVBCodeChecker}
docs = [(CLASSES[f], t) for f, t in json.loads(sys.stdin.readline())]

def one_pass():
    valid = 0
    for cls, text in docs:
        try:
            valid += bool(cls(text))
        except Exception:
            pass
    return valid

for line in sys.stdin:
    if line.strip() != "run":
        break
    start = time.perf_counter()
    valid = one_pass()
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "valid": valid}), flush=True)
"""


class Peer:
    """The peer's worker process, kept alive across rounds."""

    def __init__(self, python: Path, docs: list[tuple[str, str]]):
        self.proc = subprocess.Popen([str(python), "-I", "-c", PEER_WORKER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.proc.stdin.write(json.dumps(docs) + "\n")
        self.proc.stdin.flush()

    def run(self) -> tuple[float, int]:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        answer = json.loads(self.proc.stdout.readline())
        return answer["seconds"], answer["valid"]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


# --------------------------------------------------------------------------- ours


def ours_once(texts: list[str]) -> tuple[float, int]:
    on = REFERENCE_DATE
    start = time.perf_counter()
    valid = 0
    for text in texts:
        valid += parse(text, on=on).valid
    return time.perf_counter() - start, valid


def machine() -> tuple[int, float]:
    """Number of CPUs and physical memory in GiB (0 where the OS does not say)."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (AttributeError, ValueError, OSError):
        memory = 0.0
    return os.cpu_count() or 0, memory


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny size, no peer")
    parser.add_argument("-n", type=int, default=10_000, help="documents (default 10000)")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds (default 7)")
    parser.add_argument("--seed", type=int, default=9303)
    parser.add_argument("--no-peer", action="store_true", help="time Sarhad only")
    args = parser.parse_args(argv)
    if args.smoke:
        args.n, args.rounds, args.no_peer = 200, 1, True

    cpus, memory = machine()
    print(f"machine_nproc: {cpus} cpus")
    print(f"machine_memory: {memory:.1f} GiB")
    print(f"python: {sys.version.split()[0]}")
    docs = make_documents(args.n, args.seed)
    texts = [text for _, text in docs]
    print(f"documents: {len(docs)} docs")
    for fmt in FORMATS:
        print(f"documents_{fmt}: {sum(1 for f, _ in docs if f == fmt)} docs")

    peer = None
    if not args.no_peer:
        python, why = ensure_peer(log=lambda m: print(f"# {m}", file=sys.stderr))
        if python is None:
            print(f"# peer skipped: {why}", file=sys.stderr)
        else:
            peer = Peer(python, docs)

    ours_times: list[float] = []
    peer_times: list[float] = []
    ours_valid = peer_valid = 0
    try:
        ours_once(texts)  # warm-up
        if peer:
            peer.run()
        for _ in range(args.rounds):
            seconds, ours_valid = ours_once(texts)
            ours_times.append(seconds)
            if peer:
                seconds, peer_valid = peer.run()
                peer_times.append(seconds)
    finally:
        if peer:
            peer.close()

    ours = statistics.median(ours_times)
    print(f"rounds: {args.rounds} rounds")
    print(f"sarhad_median: {ours * 1000:.1f} ms")
    print(f"sarhad_p95: {p95(ours_times) * 1000:.1f} ms")
    print(f"sarhad_per_document: {ours / len(docs) * 1e6:.2f} us")
    print(f"sarhad_throughput: {len(docs) / ours:,.0f} docs/s".replace(",", ""))
    print(f"sarhad_valid: {ours_valid} docs")
    if peer_times:
        theirs = statistics.median(peer_times)
        print(f"pypi_mrz_median: {theirs * 1000:.1f} ms")
        print(f"pypi_mrz_p95: {p95(peer_times) * 1000:.1f} ms")
        print(f"pypi_mrz_per_document: {theirs / len(docs) * 1e6:.2f} us")
        print(f"pypi_mrz_throughput: {len(docs) / theirs:,.0f} docs/s".replace(",", ""))
        print(f"pypi_mrz_valid: {peer_valid} docs")
        print(f"ratio_vs_pypi_mrz: {theirs / ours:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
