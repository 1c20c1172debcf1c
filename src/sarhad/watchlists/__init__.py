"""Watchlists: national entry bans, wanted persons, lost and stolen documents, imported
public lists; their versioned entries, imports, screening hits and the review of hits.

The matching itself is the pure kernel :mod:`sarhad.screening`; this app owns the data,
keeps one process-wide index in step with it (:mod:`.live`), stores every hit with its
explanation and remembers supervisors' decisions on them. Start with
:func:`sarhad.watchlists.services.screen` and :func:`~sarhad.watchlists.services.decide_hit`.
"""
