"""The live bell: poll feeds and pages, ingest and code what is new, refresh the alerts,
and announce each new or escalated alert once (stdout, Atom, webhook).

``watch(sources, settings)`` runs rounds until stopped; ``run_round`` is one round.
"""

from tocsin.watch.loop import RoundReport, parse_every, run_round, watch

__all__ = ["RoundReport", "parse_every", "run_round", "watch"]
