"""Plain SQL for the few statements on the desk's hot path (decision 0006).

Django's query building costs more CPU than PostgreSQL spends on a small indexed read or
insert; where a statement runs on every desk request, these helpers send the SQL
directly. Values still go through each model field's own preparation (defaults,
``auto_now``, JSON, UUIDs, dates), so what is stored is what the ORM would store.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections, models


def table(model) -> str:
    """The model's table name, quoted for its database."""
    return connections[model.objects.db].ops.quote_name(model._meta.db_table)


def for_update(model) -> str:
    """``" FOR UPDATE"`` where the model's database locks the rows a ``SELECT`` reads
    (SQLite has no row locks: its write transactions take the whole database at BEGIN)."""
    return " FOR UPDATE" if connections[model.objects.db].features.has_select_for_update else ""


#: the SQL type of :func:`time_order`'s expression on PostgreSQL
TIME_ORDER_TYPE = "bigint"


def time_order(model, column: str) -> str:
    """An expression of the model's datetime ``column`` that orders its rows in time and
    reads cheaply, for a column selected only to order by (a ``UNION``'s ``ORDER BY``
    names selected columns). PostgreSQL's timestamps are read as aware datetimes, one
    Python call each: microseconds since 1970 come as a plain integer instead. SQLite
    stores them as ISO text, which sorts in time order as it is."""
    if connections[model.objects.db].vendor == "postgresql":
        return f"CAST(EXTRACT(EPOCH FROM {column}) * 1000000 AS BIGINT)"
    return column


def param(model, field_name: str, value):
    """``value`` prepared as a query parameter for the model's field (a UUID on SQLite is text)."""
    return model._meta.get_field(field_name).get_db_prep_value(value, connections[model.objects.db])


def params(model, field_name: str, values) -> tuple[str, list]:
    """``"%s, %s, ..."`` for an ``IN (...)`` and the values prepared for the model's field."""
    prepared = [param(model, field_name, v) for v in values]
    return ", ".join(["%s"] * len(prepared)), prepared


#: psycopg parses and caches a statement's placeholders only up to this many parameters
#: (its ``MAX_CACHED_STATEMENT_PARAMS``); a longer one is parsed again on every run.
CACHED_PARAMS = 50


def insert(model, objects: list, *, unless_taken: str | None = None) -> int:
    """``INSERT`` the model instances (ids must already be set).

    Like ``bulk_create`` without its query building; no signals are sent. The rows go in
    one statement while it stays short enough for the driver to cache it. Otherwise, the
    one-row statement runs for each row (``executemany``: one round trip on PostgreSQL,
    whose pipeline sends them together, and the same prepared statement every time).

    ``unless_taken`` (one object; the name of a unique field): a row whose value is taken
    already is not inserted, and no error is raised (``ON CONFLICT DO NOTHING``, which
    both databases know). Returns the number of rows inserted, 0 or 1; the caller needs
    no savepoint to survive the clash.
    """
    if not objects:
        return 0
    connection = connections[model.objects.db]
    q = connection.ops.quote_name
    sql, row, params = insert_values(model, objects)
    with connection.cursor() as cursor:
        if unless_taken is not None:
            if len(objects) != 1:
                raise ValueError("unless_taken inserts one object at a time")
            column = q(model._meta.get_field(unless_taken).column)
            cursor.execute(f"{sql}{row} ON CONFLICT ({column}) DO NOTHING", params)
            return cursor.rowcount
        if len(params) <= CACHED_PARAMS or len(objects) == 1:
            cursor.execute(sql + ", ".join([row] * len(objects)), params)
        else:
            width = len(params) // len(objects)
            cursor.executemany(sql + row, [params[i : i + width] for i in range(0, len(params), width)])
    return len(objects)


#: Fields (these classes exactly, not subclasses) whose preparation returns a value of this
#: Python type unchanged, on every database: such a value is sent as it is. (Not integers:
#: on PostgreSQL, Django wraps them in the driver's type of the column's width.)
_SENT_AS_IS = {models.CharField: str, models.TextField: str, models.FloatField: float, models.BooleanField: bool}


def insert_values(model, objects: list) -> tuple[str, str, list]:
    """``("INSERT INTO table (columns) VALUES ", "(%s, ...)", params)`` for the model
    instances, their values prepared by the model's own fields (the instances are then
    marked as saved): for :func:`insert`, or a statement that inserts and does more.

    A text, float or flag of the field's own type skips the field's preparation, which
    would return it unchanged (most of a screening hit's 28 values); every other value
    goes through it.
    """
    connection = connections[model.objects.db]
    fields = [f for f in model._meta.concrete_fields if not f.generated]
    kinds = [_SENT_AS_IS.get(type(f)) for f in fields]
    params = []
    for obj in objects:
        for field, kind in zip(fields, kinds):
            value = field.pre_save(obj, True)
            params.append(value if kind is not None and type(value) is kind
                          else field.get_db_prep_save(value, connection))
        obj._state.adding, obj._state.db = False, connection.alias
    q = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    return f"INSERT INTO {table(model)} ({', '.join(q(f.column) for f in fields)}) VALUES ", row, params


def update(model, objects: list, field_names: list[str]) -> None:
    """``UPDATE`` these fields of the model instances, each by its primary key.

    Like ``bulk_update`` without its ``CASE WHEN`` per object and field (Django resolves
    an expression for every pair, which cost more than the rest of a desk check). Here
    the one-row statement runs for each instance (``executemany``: one round trip on
    PostgreSQL, and the same prepared statement every time). Values go through each
    field's own preparation; no signals are sent.
    """
    if not objects:
        return
    connection = connections[model.objects.db]
    meta = model._meta
    fields = [meta.get_field(name) for name in field_names]
    q = connection.ops.quote_name
    sql = (f"UPDATE {table(model)} SET {', '.join(f'{q(f.column)} = %s' for f in fields)}"
           f" WHERE {q(meta.pk.column)} = %s")
    rows = [[f.get_db_prep_save(f.pre_save(obj, False), connection) for f in fields]
            + [meta.pk.get_db_prep_value(obj.pk, connection)] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


_plans: dict = {}


def _plan(model, names: tuple, known: tuple, connection):
    """How to build ``model`` instances from these value and known field names: per
    value, its attname, column and converters (the backend's, then the field's own:
    SQLite's text dates and UUIDs, JSON); the known attnames; the order ``from_db``
    wants. Worked out once per shape: the desk reads the same few shapes all day."""
    key = (model, names, known, connection.alias)
    plan = _plans.get(key)
    if plan is None:
        meta = model._meta
        converted = []
        for name in names:
            field = meta.get_field(name)
            column = field.get_col(meta.db_table)
            converted.append((field.attname, column, (*connection.ops.get_db_converters(column),
                                                      *field.get_db_converters(connection))))
        known_attnames = tuple(meta.get_field(name).attname for name in known)
        given = {attname for attname, _, _ in converted} | set(known_attnames)
        order = [f.attname for f in meta.concrete_fields if f.attname in given]
        if len(_plans) > 1000:  # shapes are few; never let odd ones pile up
            _plans.clear()
        plan = _plans[key] = (converted, known_attnames, order)
    return plan


def converted(model, names: tuple[str, ...], rows) -> list:
    """Rows read with a plain cursor, their values (fields ``names``, in that order)
    converted as the ORM would, without building model instances: for reads whose
    values are all a caller needs."""
    connection = connections[model.objects.db]
    plan = _plan(model, names, (), connection)[0]
    steps = [(i, column, converters) for i, (_, column, converters) in enumerate(plan) if converters]
    if not steps:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for i, column, converters in steps:
            value = row[i]
            for convert in converters:
                value = convert(value, column, connection)
            row[i] = value
        out.append(row)
    return out


def instance(model, values: dict, known: dict | None = None):
    """A model instance from ``values`` read with a plain cursor (field name or attname ->
    value), each converted as the ORM would, and ``known`` values already in Python form.
    Only the given fields are loaded; any other is read from the database if asked for.
    """
    known = known or {}
    connection = connections[model.objects.db]
    converted, known_attnames, order = _plan(model, tuple(values), tuple(known), connection)
    given = dict(zip(known_attnames, known.values()))
    for (attname, column, converters), value in zip(converted, values.values()):
        for convert in converters:
            value = convert(value, column, connection)
        given[attname] = value
    return model.from_db(connection.alias, order, [given[f] for f in order])



@dataclass(frozen=True)
class Part:
    """One read of a combined statement (see :func:`read_parts`)."""

    tag: str  #: a short literal that marks its rows
    columns: tuple[str, ...]  #: SQL expressions, in the order its rows give them
    source: str  #: ``FROM ... WHERE ...``
    params: tuple = ()
    #: its columns (expressions as in ``columns``) to order its rows by; ``-`` first: descending
    order: tuple[str, ...] = ()
    #: the columns' SQL types (:func:`column_types`): PostgreSQL types a ``UNION``'s columns
    #: pairwise, and two untyped ``NULL`` in one column make it text
    types: tuple[str, ...] = ()

    @property
    def sql(self) -> str:
        """The part as a statement of its own."""
        return f"SELECT {', '.join(self.columns)} {self.source}"


_types: dict = {}


def column_types(model, names) -> tuple[str, ...]:
    """The SQL types of the model's fields ``names`` (field names or attnames), worked
    out once per shape: the desk's combined reads ask for the same few on every request."""
    connection = connections[model.objects.db]
    key = (model, tuple(names), connection.alias)
    types = _types.get(key)
    if types is None:
        if len(_types) > 1000:  # shapes are few; never let odd ones pile up
            _types.clear()
        types = _types[key] = tuple(model._meta.get_field(name).db_type(connection) for name in names)
    return types


def read_parts(model, parts: list[Part], with_: tuple[str, list] | None = None) -> dict[str, list[tuple]]:
    """Several small reads of different shapes in one statement (one round trip), on the
    model's database: each part has its own range of columns (``NULL`` in the other
    parts' rows) after a first column with its tag. Returns each part's rows (its own
    columns only) under its tag, in its own order.

    ``with_``: common table expressions the parts read (``"name AS (...)"``) and their
    parameters; a ``SELECT`` there may lock its rows, which a ``UNION`` itself cannot.
    """
    connection = connections[model.objects.db]
    typed = connection.vendor == "postgresql"
    blanks = {}
    for part in parts:
        if typed and len(part.types) != len(part.columns):
            raise ValueError(f"part {part.tag!r}: {len(part.columns)} columns but {len(part.types)} types")
        blanks[part.tag] = [f"CAST(NULL AS {t})" for t in part.types] if typed else ["NULL"] * len(part.columns)
    selects, order_by, ranges = [], ["1"], {}
    params = list(with_[1]) if with_ else []
    start = 1  # a part's first column, counted from 0 in a row (the tag is column 0)
    for part in parts:
        columns = []
        for other in parts:
            columns.extend(part.columns if other is part else blanks[other.tag])
        selects.append(f"SELECT '{part.tag}', {', '.join(columns)} {part.source}")
        params.extend(part.params)
        for name in part.order:
            descending = name.startswith("-")
            position = start + part.columns.index(name.removeprefix("-")) + 1  # SQL counts from 1
            order_by.append(f"{position} DESC" if descending else str(position))
        ranges[part.tag] = (start, start + len(part.columns))
        start += len(part.columns)
    out: dict[str, list[tuple]] = {part.tag: [] for part in parts}
    with connection.cursor() as cursor:
        cursor.execute(f"{f'WITH {with_[0]} ' if with_ else ''}{' UNION ALL '.join(selects)}"
                       f" ORDER BY {', '.join(order_by)}", params)
        for row in cursor.fetchall():
            lo, hi = ranges[row[0]]
            out[row[0]].append(row[lo:hi])
    return out
