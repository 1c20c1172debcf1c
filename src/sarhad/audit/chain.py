"""The hash chain: canonical serialisation of an entry and the hash that links it.

Kept free of Django so the rule can be read, and re-implemented by an outside auditor,
from this one page: ``hash = sha256(prev_hash || "\\n" || canonical_json(fields))`` where
``canonical_json`` sorts keys, uses no insignificant white space, and writes the instant
in UTC with microseconds.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

GENESIS = "0" * 64
FIELDS = ("id", "at", "actor_kind", "actor_id", "actor_name", "role", "post", "action",
          "object_type", "object_id", "ip", "details")


def canonical(values: dict) -> str:
    data = {k: values[k] for k in FIELDS}
    at = data["at"]
    if isinstance(at, datetime):
        data["at"] = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    data["id"] = int(data["id"])
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def link(prev_hash: str, values: dict) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical(values)).encode("utf-8")).hexdigest()
