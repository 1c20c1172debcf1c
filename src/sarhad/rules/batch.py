"""Batch stay status and overstay detection for a whole country, with Polars.

The same semantics as :func:`sarhad.rules.stay.evaluate_stay` with a rolling limit (no
permits, visas or per-entry limits here), computed for every traveller at once from the
table of crossings ``(person_id, entry_date, exit_date or null)``:

* stays that enter after ``on`` are ignored; an exit after ``on`` (or none) means the
  person is in the area on ``on``;
* stays of one person are taken as a union of days (a re-entry on the exit day counts that
  day once; overlapping rows, which the single-person kernel rejects, are merged).

How: each person's days of stay become disjoint runs ``[s, e]``. The day-to-day change of
the window count, ``used(t) - used(t-1) = in(t) - in(t - window)``, only changes at four
events per run: ``+1`` at ``s``, ``-1`` at ``e + 1``, ``-1`` at ``s + window`` and ``+1`` at
``e + 1 + window``. Sorted by (person, day), cumulative sums give, for every stretch between
two events, whether the person is present, the count at its start, and whether it rises by
one a day or stays flat -- enough to count the days over the limit and find the first one
in closed form. Every sum returns to zero after a person's last event, so the cumulative
sums run over the whole sorted table without grouping. The open stay is extended to
``entry + window`` days to find ``latest_exit`` (presence every day from the entry on), which
does not change any count on or before ``on``.

The job is a handful of sorts, cumulative sums and one group-by: it runs on one machine
with Polars' lazy engine, and the same plan translates to a cluster engine over exported
data (the only per-person state is the sort order).

>>> import polars as pl
>>> from datetime import date
>>> rows = [(1, date(2024, 1, 1), date(2024, 3, 30)), (1, date(2024, 6, 28), None),
...         (2, date(2024, 6, 1), None)]
>>> df = stay_status(rows, on=date(2024, 6, 28))
>>> df.select("person_id", "used_days", "overstay_days", "latest_exit", "status").rows()
[(1, 91, 1, None, 'overstaying'), (2, 28, 0, datetime.date(2024, 8, 29), 'present')]
"""

from __future__ import annotations

from datetime import date

import polars as pl

from .errors import InvalidParameter

__all__ = ["stay_status", "overstayers", "as_crossings_frame"]

PERSON, ENTRY, EXIT = "person_id", "entry_date", "exit_date"
# Day numbers are shifted to be positive and below SPAN, so that ``rank * SPAN + day``
# orders (person, day) in one integer and running maxima/sums never mix two persons.
OFFSET = 1 << 21
SPAN = 1 << 23


def as_crossings_frame(
    crossings, person: str = PERSON, entry: str = ENTRY, exit: str = EXIT
) -> pl.LazyFrame:
    """A lazy frame with columns ``person_id, entry_date, exit_date`` from a DataFrame,
    LazyFrame, or an iterable of ``(person_id, entry, exit)`` tuples or mappings."""
    if isinstance(crossings, pl.LazyFrame):
        lf = crossings
    elif isinstance(crossings, pl.DataFrame):
        lf = crossings.lazy()
    else:
        rows = list(crossings)
        if rows and isinstance(rows[0], dict):
            rows = [(r[person], r[entry], r[exit]) for r in rows]
            person, entry, exit = PERSON, ENTRY, EXIT
        lf = pl.DataFrame(
            rows,
            schema={PERSON: None, ENTRY: pl.Date, EXIT: pl.Date},
            orient="row",
        ).lazy()
        person, entry, exit = PERSON, ENTRY, EXIT
    return lf.select(
        pl.col(person).alias(PERSON),
        pl.col(entry).cast(pl.Date).alias(ENTRY),
        pl.col(exit).cast(pl.Date).alias(EXIT),
    )


def _plan(lf: pl.LazyFrame, on: date, limit: int, window: int) -> pl.LazyFrame:
    on_i = (on - date(1970, 1, 1)).days + OFFSET
    W = window
    day = pl.Int64

    stays = (
        lf.with_columns(
            (pl.col(ENTRY).cast(pl.Int32).cast(day) + OFFSET).alias("a"),
            (pl.col(EXIT).cast(pl.Int32).cast(day) + OFFSET).alias("b"),
        )
        .filter(pl.col("a") <= on_i)
        .with_columns(
            (pl.col("b").is_null() | (pl.col("b") > on_i)).alias("open"),
        )
        .with_columns(
            # days on or before `on`; the open stay extended for the latest-exit search
            pl.when(pl.col("open"))
            .then(pl.max_horizontal(pl.lit(on_i, day), pl.col("a") + W))
            .otherwise(pl.col("b"))
            .alias("b"),
        )
        .sort([PERSON, "a"])
        .with_columns(
            (pl.col(PERSON) != pl.col(PERSON).shift(1)).fill_null(True).alias("first"),
        )
        .with_columns(pl.col("first").cum_sum().cast(day).alias("rank"))
    )
    # Runs of distinct days: clip each stay to start after everything the same person
    # covered before (a global running max works because persons are offset by rank).
    span = SPAN
    stays = stays.with_columns(
        (pl.col("rank") * span + pl.col("b")).cum_max().shift(1).alias("_prev"),
    ).with_columns(
        pl.when(pl.col("first"))
        .then(pl.col("a"))
        .otherwise(pl.max_horizontal(pl.col("a"), pl.col("_prev") - pl.col("rank") * span + 1))
        .alias("s"),
    )
    stays = stays.filter(pl.col("s") <= pl.col("b"))
    # a new run (for the latest-exit search) starts after a gap of at least one day
    stays = stays.with_columns(
        (
            pl.col("first")
            | (pl.col("s") > pl.col("_prev") - pl.col("rank") * span + 1)
        ).alias("new_run"),
    ).with_columns(pl.col("new_run").cum_sum().alias("run"))
    # per-person facts without a group-by: rows are sorted by person, so a person's last
    # row carries running values that backward fill onto all of that person's rows
    offset = pl.col("rank") * span
    stays = stays.with_columns(
        (pl.col("rank") != pl.col("rank").shift(-1)).fill_null(True).alias("last"),
        (pl.when(pl.col("open")).then(offset + pl.col("a")).otherwise(offset)).cum_max().alias("_E"),
    ).with_columns(
        pl.when(pl.col("last")).then(pl.col("run")).backward_fill().alias("_last_run"),
        pl.when(pl.col("last")).then(pl.col("_E") - offset).backward_fill().alias("_E"),
    ).with_columns(
        (pl.col("run") == pl.col("_last_run")).alias("last_run"),
        (pl.col("_E") > 0).alias("has_open"),
    )

    persons = stays.filter(pl.col("last")).select(
        "rank",
        PERSON,
        pl.when(pl.col("_E") > 0).then(pl.col("_E")).otherwise(None).alias("E"),
    )

    ev_cols = ["rank", "t", "dd", "din", "open_run"]
    open_run = pl.col("last_run") & pl.col("has_open")
    events = pl.concat(
        [
            stays.select("rank", pl.col("s").alias("t"), pl.lit(1, pl.Int8).alias("dd"),
                         pl.lit(1, pl.Int8).alias("din"), open_run.alias("open_run")),
            stays.select("rank", (pl.col("b") + 1).alias("t"), pl.lit(-1, pl.Int8).alias("dd"),
                         pl.lit(-1, pl.Int8).alias("din"), pl.lit(None, pl.Boolean).alias("open_run")),
            stays.select("rank", (pl.col("s") + W).alias("t"), pl.lit(-1, pl.Int8).alias("dd"),
                         pl.lit(0, pl.Int8).alias("din"), pl.lit(None, pl.Boolean).alias("open_run")),
            stays.select("rank", (pl.col("b") + 1 + W).alias("t"), pl.lit(1, pl.Int8).alias("dd"),
                         pl.lit(0, pl.Int8).alias("din"), pl.lit(None, pl.Boolean).alias("open_run")),
        ]
    ).select(ev_cols)
    events = (
        events.with_columns((pl.col("rank") * span + pl.col("t")).alias("_key"))
        .sort("_key")
        .with_columns(
            pl.col("dd").cast(pl.Int32).cum_sum().alias("D"),
            pl.col("din").cast(pl.Int32).cum_sum().alias("IN"),
            (pl.col("_key").shift(-1) - pl.col("_key")).alias("len"),
            pl.col("open_run").forward_fill(),
        )
    )
    # len crosses persons only after a person's last event, where D and IN are zero
    events = events.with_columns((pl.col("D").cast(day) * pl.col("len").fill_null(0)).alias("rise"))
    events = events.with_columns((pl.col("rise").cum_sum() - pl.col("rise")).alias("base"))
    t, base, D, ln = pl.col("t"), pl.col("base"), pl.col("D"), pl.col("len")
    t_last = t + ln - 1
    present = (pl.col("IN") > 0) & (ln > 0)
    fv = (
        pl.when(D > 0)
        .then(t + pl.max_horizontal(pl.lit(0, day), limit - base))
        .when(base > limit)
        .then(t)
        .otherwise(None)
    )
    fv = pl.when(present & (fv <= t_last)).then(fv).otherwise(None)
    upto_on = pl.min_horizontal(t_last, pl.lit(on_i, day)) - t + 1
    over = (
        pl.when(~present | (upto_on <= 0))
        .then(0)
        .when(D > 0)
        .then(pl.max_horizontal(pl.lit(0, day), upto_on - pl.max_horizontal(pl.lit(0, day), limit - base)))
        .when(base > limit)
        .then(upto_on)
        .otherwise(0)
    )
    used_on = pl.when((t <= on_i) & (on_i <= t_last)).then(base + D * (on_i - t + 1)).otherwise(None)
    useful = (present & (t <= on_i)) | (fv.is_not_null() & pl.col("open_run")) | used_on.is_not_null()
    per_person = events.filter(useful).group_by("rank").agg(
        over.sum().alias("overstay_days"),
        fv.filter(fv <= on_i).min().alias("first_over"),
        fv.filter(pl.col("open_run")).min().alias("first_over_open"),
        used_on.max().fill_null(0).alias("used_days"),
    )
    out = persons.join(per_person, on="rank", how="left").with_columns(
        pl.col("overstay_days").fill_null(0),
        pl.col("used_days").fill_null(0),
        pl.col("E").is_not_null().alias("in_area"),
    )
    E = pl.col("E")
    latest = (
        pl.when(E.is_not_null() & (pl.col("first_over_open") > E))
        .then(pl.col("first_over_open") - 1)
        .otherwise(None)
    )
    out = out.with_columns(latest.alias("latest"))
    status = (
        pl.when(pl.col("in_area") & (pl.col("latest").is_null() | (pl.col("latest") < on_i)))
        .then(pl.lit("overstaying"))
        .when(pl.col("in_area"))
        .then(pl.lit("present"))
        .when(pl.col("overstay_days") > 0)
        .then(pl.lit("overstayed"))
        .otherwise(pl.lit("absent"))
    )
    as_date = lambda c: (pl.col(c) - OFFSET).cast(pl.Int32).cast(pl.Date)  # noqa: E731
    return out.sort("rank").select(
        PERSON,
        pl.col("used_days").cast(pl.Int32),
        (pl.lit(limit) - pl.col("used_days")).clip(lower_bound=0).cast(pl.Int32).alias("remaining_days"),
        pl.col("overstay_days").cast(pl.Int32),
        as_date("latest").alias("latest_exit"),
        status.alias("status"),
        "in_area",
        as_date("E").alias("current_entry"),
        as_date("first_over").alias("first_overstay_day"),
    )


def stay_status(
    crossings,
    on: date,
    limit: int = 90,
    window: int = 180,
    *,
    person: str = PERSON,
    entry: str = ENTRY,
    exit: str = EXIT,
    lazy: bool = False,
) -> pl.DataFrame | pl.LazyFrame:
    """Every traveller's status on ``on``: one row per person with at least one stay
    entered on or before ``on``, sorted by person.

    Columns: ``person_id, used_days, remaining_days, overstay_days, latest_exit, status,
    in_area, current_entry, first_overstay_day`` -- the same values as
    :func:`~sarhad.rules.stay.evaluate_stay` with the same ``limit`` and ``window``.
    ``crossings``: a Polars DataFrame/LazyFrame (column names configurable) or rows.
    """
    if not isinstance(on, date):
        raise InvalidParameter("on", "must be a date")
    if not isinstance(window, int) or window < 1:
        raise InvalidParameter("window", "must be a positive whole number of days")
    if not isinstance(limit, int) or not 0 <= limit < window:
        raise InvalidParameter("limit", f"must be a whole number from 0 to {window - 1}")
    plan = _plan(as_crossings_frame(crossings, person, entry, exit), on, limit, window)
    return plan if lazy else plan.collect()


def overstayers(
    crossings,
    on: date,
    limit: int = 90,
    window: int = 180,
    *,
    include_departed: bool = False,
    **columns,
) -> pl.DataFrame:
    """The daily overstayer list: people in the area on ``on`` after their last allowed
    day (``status == "overstaying"``), and with ``include_departed`` also those who left
    having overstayed (``"overstayed"``). Most overstay days first."""
    wanted = ["overstaying", "overstayed"] if include_departed else ["overstaying"]
    return (
        stay_status(crossings, on, limit, window, lazy=True, **columns)
        .filter(pl.col("status").is_in(wanted))
        .sort(["overstay_days", PERSON], descending=[True, False])
        .collect()
    )
