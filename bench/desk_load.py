"""Load generator of the desk benchmark: concurrent e-gate clients on the loopback.

Run by ``bench/desk.py`` in its own process (never in the server's), standard library
only. Reads a job (JSON) naming the token and the phases (warm-up or measured, each
with its server port, travellers and limits), run one after the other;
each of ``clients`` threads keeps one HTTP/1.1 connection and, for the next traveller
from a shared queue, posts the check and then the record of the same crossing. Writes
one JSON result: per request the client-side latency, the server's own time from the
``Server-Timing`` header, the status; and the errors (any non-2xx or exception).

    python bench/desk_load.py JOB.json RESULT.json
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import threading
import time
import uuid
from collections import deque

_TIMING = re.compile(r"app;dur=([0-9.]+)")
#: A request slower than this counts as an error (the desk's budget is 2 s at p95).
TIMEOUT_S = 30.0


class _Closed(ConnectionError):
    """The server closed the connection before a whole response came."""


class Client:
    """One keep-alive HTTP/1.1 connection on a plain socket.

    The load generator runs on the server's own two cores, so every millisecond it spends
    is taken from the server: the request's bytes are built once per call and the
    response is read with a few string operations (``http.client`` parses each
    response's headers with the ``email`` package and cost about twice as much CPU).
    Responses are read by their ``Content-Length`` or in chunks.
    """

    def __init__(self, host: str, port: int, token: str):
        self.host, self.port = host, port
        self.head = (f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
                     "Content-Type: application/json\r\nAccept: application/json\r\n").encode()
        self.sock: socket.socket | None = None
        self.buffer = b""

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        self.sock, self.buffer = None, b""

    def post(self, path: str, body: dict) -> tuple[int, float, float | None, bytes]:
        """(status, client seconds, server ms or None, body); reconnects once on a dropped keep-alive."""
        data = json.dumps(body).encode()
        request = b"POST %s HTTP/1.1\r\n%sContent-Length: %d\r\n\r\n%s" % (path.encode(), self.head, len(data), data)
        for attempt in (1, 2):
            if self.sock is None:
                self.sock = socket.create_connection((self.host, self.port), timeout=TIMEOUT_S)
                self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            started = time.perf_counter()
            try:
                self.sock.sendall(request)
                status, headers, payload = self._response()
            except (_Closed, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - started
            timing = _TIMING.search(headers.get("server-timing", ""))
            if headers.get("connection", "").lower() == "close":
                self.close()
            return status, elapsed, float(timing.group(1)) if timing else None, payload
        raise RuntimeError("unreachable")

    def _receive(self) -> None:
        assert self.sock is not None
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise _Closed("connection closed by the server")
        self.buffer += chunk

    def _take(self, n: int) -> bytes:
        while len(self.buffer) < n:
            self._receive()
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def _line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._receive()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def _response(self) -> tuple[int, dict[str, str], bytes]:
        while b"\r\n\r\n" not in self.buffer:
            self._receive()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line, *lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            return status, headers, self._take(int(headers["content-length"]))
        if headers.get("transfer-encoding", "").lower() != "chunked":
            raise ValueError(f"a response with neither a length nor chunks: {status_line}")
        parts = []
        while size := int(self._line().split(b";", 1)[0], 16):
            parts.append(self._take(size))
            self._take(2)  # the chunk's CRLF
        while self._line():  # trailers, up to the empty line
            pass
        return status, headers, b"".join(parts)


def cpu_seconds(server_group: int | None) -> dict[int, tuple[str, float]]:
    """Per process: (part, CPU seconds used so far), for the server's process group
    ("server") and PostgreSQL's processes ("postgres"), read from ``/proc``."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:  # gone meanwhile
            continue
        command = stat[stat.index(b"(") + 1:stat.rindex(b")")]
        fields = stat[stat.rindex(b")") + 2:].split()
        if server_group is not None and int(fields[2]) == server_group:
            part = "server"
        elif command.startswith(b"postgres"):
            part = "postgres"
        else:
            continue
        found[int(name)] = (part, (int(fields[11]) + int(fields[12])) / tick)
    return found


class CpuMeter:
    """CPU used during a phase by the server, PostgreSQL and this load generator. Processes
    are read every half second, so one that ends meanwhile (a database connection closed
    after its maximum age) keeps what it used up to its last reading."""

    def __init__(self, server_group: int | None):
        self.server_group = server_group
        self.first = cpu_seconds(server_group)
        self.last = dict(self.first)
        self.load_before = sum(os.times()[:2])
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.stop.wait(0.5):
            self.last.update(cpu_seconds(self.server_group))

    def used(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        self.last.update(cpu_seconds(self.server_group))
        totals = {"server": 0.0, "postgres": 0.0}
        for pid, (part, seconds) in self.last.items():
            totals[part] += seconds - self.first.get(pid, (part, 0.0))[1]
        totals["load"] = sum(os.times()[:2]) - self.load_before
        return totals


def run_phase(job: dict, port: int, travellers: list[dict], *, max_pairs: int, seconds: float,
              server_group: int | None = None) -> dict:
    """Up to ``max_pairs`` check+record pairs in at most ``seconds``, ``job['clients']`` at a time."""
    queue = deque(travellers[:max_pairs])
    lock = threading.Lock()
    out = {"check": [], "record": [], "errors": [], "pairs": 0, "decisions": {}, "hits": 0, "hit_rows": 0, "kinds": {}}
    deadline = time.perf_counter() + seconds

    def worker():
        client = Client(job["host"], port, job["token"])
        while time.perf_counter() < deadline:
            with lock:
                if not queue:
                    return
                traveller = queue.popleft()
            body = {"mrz": traveller["mrz"], "post": job["post"], "direction": traveller["direction"]}
            try:
                status, elapsed, server_ms, payload = client.post("/api/v1/border/checks", body)
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
                with lock:
                    out["errors"].append(f"check: {type(exc).__name__}: {exc}")
                client.close()
                continue
            with lock:
                out["check"].append((elapsed, server_ms, traveller["kind"]))
                if not 200 <= status < 300:
                    out["errors"].append(f"check {status}: {payload[:300].decode(errors='replace')}")
                    continue
            result = json.loads(payload)
            decision = result.get("recommendation", {}).get("decision", "?")
            body = dict(body, idempotency_key=uuid.uuid4().hex)
            try:
                status, elapsed, server_ms, payload = client.post("/api/v1/border/crossings", body)
            except Exception as exc:  # noqa: BLE001
                with lock:
                    out["errors"].append(f"record: {type(exc).__name__}: {exc}")
                client.close()
                continue
            with lock:
                out["record"].append((elapsed, server_ms, traveller["kind"]))
                if not 200 <= status < 300:
                    out["errors"].append(f"record {status}: {payload[:300].decode(errors='replace')}")
                    continue
                out["pairs"] += 1
                out["decisions"][decision] = out["decisions"].get(decision, 0) + 1
                out["kinds"][traveller["kind"]] = out["kinds"].get(traveller["kind"], 0) + 1
                if result.get("hits"):
                    out["hits"] += 1
                    out["hit_rows"] += len(result["hits"])

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(job["clients"])]
    meter = CpuMeter(server_group)
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 2 * TIMEOUT_S + 5)
    out["seconds"] = time.perf_counter() - started
    out["cpu_seconds"] = meter.used()
    return out


def main() -> int:
    job = json.loads(open(sys.argv[1], encoding="utf-8").read())
    assert job["host"] == "127.0.0.1", "the load generator only talks to the loopback"
    results = []
    for phase in job["phases"]:
        result = run_phase(job, phase["port"], phase["travellers"], max_pairs=phase["max_pairs"],
                           seconds=phase["seconds"], server_group=phase.get("server_group"))
        results.append({"label": phase["label"], "warmup": phase["warmup"], **result})
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(results, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
