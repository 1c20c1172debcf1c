"""The database triggers that make the audit table append-only (SQLite and PostgreSQL).

Installed by migration ``audit.0002``. ``remove`` exists for the reverse migration and
for test fixtures that must empty every table between tests.
"""

from __future__ import annotations

INSTALL = {
    "sqlite": [
        """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_auditentry
           BEGIN SELECT RAISE(ABORT, 'audit log is append-only: UPDATE refused'); END;""",
        """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_auditentry
           BEGIN SELECT RAISE(ABORT, 'audit log is append-only: DELETE refused'); END;""",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'audit log is append-only: % refused', TG_OP; END; $$ LANGUAGE plpgsql;""",
        "DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;",
        """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
           FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();""",
        "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;",
        """CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_auditentry
           FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();""",
    ],
}

REMOVE = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_entry_no_update;", "DROP TRIGGER IF EXISTS audit_entry_no_delete;"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_auditentry;",
        "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;",
    ],
}


def _run(connection, statements_by_vendor) -> None:
    statements = statements_by_vendor.get(connection.vendor)
    if statements is None:
        raise RuntimeError(f"no append-only audit trigger for database {connection.vendor}")
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection) -> None:
    _run(connection, INSTALL)


def remove(connection) -> None:
    _run(connection, REMOVE)
