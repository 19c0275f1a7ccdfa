"""Engine options: PETRARCH's configuration names, set per record in its unit-test suite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Options:
    """Engine options (PETRARCH config names, per-record in the unit-test suite)."""

    require_dyad: bool = True
    new_actor_length: int = 0  # > 0: an unknown proper-noun phrase of up to N words is a new actor
    # comma-delimited clauses skipped by length (PETRARCH's minimum defaults; a max of 0,
    # the default, disables the kind: middle, beginning ("b"), end ("e") of the sentence)
    comma_min: int = 2
    comma_max: int = 0
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 0
    # a role with no country ("---PPL") takes the sentence's one country, else its event is
    # dropped (tocsin's guard; PETRARCH's unit-test records turn it off: they code "---")
    place_roles: bool = True
    # "X says it attacked Y": the act (tocsin's news convention, ../shared/eval/CONVENTIONS.md);
    # False: PETRARCH's, X's claim of responsibility (015) with the act only alleged
    own_claims_as_acts: bool = True
    # one trigger's events between the same two countries with one code are one act
    # ("army and police rescued them": one NGA event; writer.one_act); False: PETRARCH's, an
    # event per conjoined actor ("Danish media and government warned": DNKMED and DNKGOV)
    one_act_per_pair: bool = True
    # "Russia will attack Ukraine", "the Pope is set to visit Lebanon": an act announced for
    # later is its intent (03x) or threat (13x), not the act (CONVENTIONS.md; coding/future);
    # False: PETRARCH's, whose gold sets code "will meet" as the meeting
    future_as_intent: bool = True

    @property
    def skips_commas(self) -> bool:
        return self.comma_max > 0 or self.comma_bmax > 0 or self.comma_emax > 0

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> Options:
        if not data:
            return cls()
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)
