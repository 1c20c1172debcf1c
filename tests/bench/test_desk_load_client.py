"""The desk benchmark's HTTP client (``bench/desk_load.py``) against a scripted server on
the loopback: a response by length, one in chunks, the server's timing header, and a
keep-alive the server dropped (sent again once on a new connection)."""

from __future__ import annotations

import json
import socket
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from desk_load import Client  # noqa: E402

LENGTH = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nServer-Timing: app;dur=12.5\r\n"
          b"Content-Length: 12\r\n\r\n{\"ok\": true}")
CHUNKED = (b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
           b"5\r\n{\"a\":\r\n4;ext=1\r\n 1, \r\n7\r\n\"b\": 2}\r\n0\r\nX-Trailer: y\r\n\r\n")


def _serve(listener: socket.socket, script: list[list[bytes]], seen: list[bytes]) -> None:
    """Per accepted connection, answer each request with the next response of its list,
    then close the connection."""
    for responses in script:
        conn, _ = listener.accept()
        with conn:
            data = b""
            for response in responses:
                while True:
                    head, sep, rest = data.partition(b"\r\n\r\n")
                    if sep:
                        length = int([line.split(b":")[1] for line in head.split(b"\r\n")
                                      if line.lower().startswith(b"content-length")][0])
                        if len(rest) >= length:
                            seen.append(head + sep + rest[:length])
                            data = rest[length:]
                            break
                    data += conn.recv(65536)
                conn.sendall(response)


def _server(script):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    seen: list[bytes] = []
    thread = threading.Thread(target=_serve, args=(listener, script, seen), daemon=True)
    thread.start()
    return listener, thread, seen


def test_responses_by_length_and_in_chunks_on_one_connection():
    listener, thread, seen = _server([[LENGTH, CHUNKED]])
    client = Client("127.0.0.1", listener.getsockname()[1], "tok")
    status, elapsed, server_ms, payload = client.post("/api/v1/border/checks", {"mrz": "P<AZE"})
    assert (status, server_ms, json.loads(payload)) == (200, 12.5, {"ok": True}) and elapsed > 0
    status, _, server_ms, payload = client.post("/api/v1/border/crossings", {"k": 1})
    assert (status, server_ms, json.loads(payload)) == (201, None, {"a": 1, "b": 2})
    thread.join(5)
    first = seen[0]
    assert first.startswith(b"POST /api/v1/border/checks HTTP/1.1\r\n")
    assert b"\r\nAuthorization: Bearer tok\r\n" in first and first.endswith(b'\r\n\r\n{"mrz": "P<AZE"}')


def test_a_dropped_keep_alive_is_sent_again_on_a_new_connection():
    # the first connection answers once and closes; the client's next request finds it
    # closed, connects again and gets its answer there
    listener, thread, seen = _server([[CHUNKED], [LENGTH]])
    client = Client("127.0.0.1", listener.getsockname()[1], "tok")
    assert client.post("/a", {})[0] == 201
    thread_alive_before = thread.is_alive()
    assert client.post("/b", {})[0] == 200
    thread.join(5)
    assert thread_alive_before and [r.split(b" ")[1] for r in seen] == [b"/a", b"/b"]
