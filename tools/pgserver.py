"""Start and stop a throwaway PostgreSQL server (for tests and benchmarks).

Debian installs the server programs outside PATH (``pg_config --bindir``), and
``initdb``/``postgres`` refuse to run as root, so as root the server runs as the
``postgres`` system user that the package creates. The data folder and the socket live in
a temporary folder that is removed on stop; the server also listens on a free loopback
port so that clients in other processes (a load generator) can reach it over TCP.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No usable PostgreSQL server programs on this machine."""


def _bindir() -> Path:
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "postgres").exists():
            return folder
    raise PostgresUnavailable("no initdb/postgres found (apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """``with PostgresServer() as pg: pg.url`` — a fresh, empty cluster.

    With ``keep=FOLDER`` the cluster lives in that folder and outlives the server: the
    first start creates it, later starts reuse it (``pg.reused`` tells which), and stop
    leaves it in place (a benchmark's loaded data, say).
    """

    def __init__(self, user: str = "sarhad", password: str = "sarhad", database: str = "sarhad",
                 keep: Path | None = None, durable: bool = False):
        self.user, self.password, self.database = user, password, database
        #: a test server skips making commits durable (fsync, synchronous commit, full
        #: pages); ``durable`` keeps PostgreSQL's own defaults, as a production server has
        self.durable = durable
        self.bindir = _bindir()
        self.port = _free_port()
        self.keep = Path(keep).resolve() if keep else None
        self.reused = False
        self.tmp: Path | None = None
        self.proc: subprocess.Popen | None = None
        self.version = ""

    def _as_owner(self, cmd: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return cmd
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable("running as root and there is no `postgres` user") from exc
        return ["runuser", "-u", "postgres", "--", *cmd]

    def _initdb(self, data: Path, pwfile: Path) -> None:
        subprocess.run(
            self._as_owner([
                str(self.bindir / "initdb"), "-D", str(data), "-U", self.user,
                "--pwfile", str(pwfile), "-A", "scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync",
            ]),
            check=True, capture_output=True,
        )

    @property
    def url(self) -> str:
        return (
            f"postgres://{self.user}:{self.password}@127.0.0.1:{self.port}/{self.database}"
        )

    def __enter__(self) -> "PostgresServer":
        if self.keep:
            self.keep.mkdir(parents=True, exist_ok=True)
            self.tmp = self.keep
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="sarhad-pg-"))
        data, sock = self.tmp / "data", self.tmp / "sock"
        self.reused = (data / "PG_VERSION").exists()
        for _ in range(300):  # a kept cluster's previous server may still be shutting down
            if not (data / "postmaster.pid").exists():
                break
            time.sleep(0.1)
        sock.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            info = pwd.getpwnam("postgres")
            for path in (self.tmp, sock):
                os.chown(path, info.pw_uid, info.pw_gid)
        pwfile = self.tmp / "pw"
        pwfile.write_text(self.password + "\n")
        if os.geteuid() == 0:
            os.chown(pwfile, pwd.getpwnam("postgres").pw_uid, -1)
        if not self.reused:
            self._initdb(data, pwfile)
        log = self.tmp / "server.log"
        self.proc = subprocess.Popen(
            self._as_owner([
                str(self.bindir / "postgres"), "-D", str(data), "-p", str(self.port),
                "-k", str(sock), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200",
                *([] if self.durable else ["-c", "fsync=off", "-c", "synchronous_commit=off",
                                           "-c", "full_page_writes=off"]),
            ]),
            stdout=subprocess.DEVNULL, stderr=open(log, "wb"),
        )
        env = dict(os.environ, PGPASSWORD=self.password)
        for _ in range(200):
            ready = subprocess.run(
                [str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                capture_output=True,
            )
            if ready.returncode == 0:
                break
            if self.proc.poll() is not None:
                raise PostgresUnavailable("postgres exited: " + log.read_text()[-2000:])
            time.sleep(0.1)
        else:
            self.__exit__(None, None, None)
            raise PostgresUnavailable("postgres did not become ready")
        if not self.reused:
            createdb = self.bindir / "createdb"
            subprocess.run(
                [str(createdb) if createdb.exists() else "createdb",
                 "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.database],
                check=True, env=env, capture_output=True,
            )
        out = subprocess.run([str(self.bindir / "postgres"), "--version"], capture_output=True, text=True)
        found = re.search(r"\d+(\.\d+)+", out.stdout)
        self.version = found.group(0) if found else out.stdout.strip()
        return self

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.tmp and not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
