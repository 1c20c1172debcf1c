"""Plain SQL for the few statements on the desk's hot path (decision 0006).

Django's query building costs more CPU than PostgreSQL spends on a small indexed read or
insert; where a statement runs on every desk request, these helpers send the SQL
directly. Values still go through each model field's own preparation (defaults,
``auto_now``, JSON, UUIDs, dates), so what is stored is what the ORM would store.
"""

from __future__ import annotations

from django.db import connections


def insert(model, objects: list) -> None:
    """``INSERT`` the model instances in one statement (ids must already be set).

    Like ``bulk_create`` without its query building; no signals are sent.
    """
    if not objects:
        return
    connection = connections[model.objects.db]
    fields = [f for f in model._meta.concrete_fields if not f.generated]
    params = []
    for obj in objects:
        for field in fields:
            params.append(field.get_db_prep_save(field.pre_save(obj, True), connection))
        obj._state.adding, obj._state.db = False, connection.alias
    q = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {q(model._meta.db_table)} ({', '.join(q(f.column) for f in fields)}) VALUES "
                       + ", ".join([row] * len(objects)), params)


def instance(model, values: dict):
    """A model instance from values read with a plain cursor (field name or attname ->
    value), each converted as its field would (SQLite returns dates and UUIDs as text).
    Only the given fields are loaded; any other is read from the database if asked for.
    """
    meta = model._meta
    given = {}
    for name, value in values.items():
        field = meta.get_field(name)
        given[field.attname] = field.to_python(value)
    fields = [f.attname for f in meta.concrete_fields if f.attname in given]  # from_db wants this order
    return model.from_db(connections[model.objects.db].alias, fields, [given[f] for f in fields])
