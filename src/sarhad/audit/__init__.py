"""The tamper-evident audit log: append-only, hash-chained, verified by ``sarhad audit verify``."""
