"""``Server-Timing: app;dur=<ms>`` on every response: the time the application spent.

Measured from the first middleware to the response (routing, authentication, the view,
the database), so a client, a load generator or the browser's network panel can tell
the server's share of a request's time from the network's and the queue's. Costs two
clock reads and one header; the header says nothing about the request's content.
"""

from __future__ import annotations

import time


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        existing = response.get("Server-Timing")
        value = f"app;dur={elapsed_ms:.2f}"
        response["Server-Timing"] = f"{existing}, {value}" if existing else value
        return response
