"""Threats: what an intended coercive act is in CAMEO.

CAMEO codes an actor's stated will to sanction, cut ties with or coerce another as a
threat (13x), not as the act (16x, 17x), which has not happened: "France may be willing to
impose sanctions on Israel" is 1312 (threaten with sanctions), "China vows to take the
matter to ..." a threat. The table follows the CAMEO codebook's 13x entries (131 threaten
non-force: 1311 reduce aid, 1312 sanctions, 1313 break relations; 132 administrative
sanctions; 134/135/136 halt negotiations, mediation, international involvement; 137
repression). Force (18x-20x) is 138, see :func:`tocsin.coding.factuality.intent_code`.
"""

from __future__ import annotations

THREAT_FOR = {
    "161": "1313",  # reduce or break diplomatic relations
    "162": "1311",  # reduce or stop aid
    "163": "1312",  # embargo, boycott, sanctions
    "164": "134",  # halt negotiations
    "165": "135",  # halt mediation
    "166": "136",  # expel or withdraw (international involvement)
    "172": "132",  # administrative sanctions
}


# frames that commit the actor to someone else: "pledged to expel" is a promise (the act
# as coded, like PETRARCH), not a threat
COMMITMENT_WORDS = frozenset({"PLEDGE", "PROMISE", "AGREE", "DECIDE", "COMMIT", "CONSENT"})


def threat_code(code: str, frame_word: str = "") -> str | None:
    """The 13x threat for an intended 16x (reduce relations) or 17x (coerce) code, else
    None (also for a commitment frame, see ``COMMITMENT_WORDS``)."""
    if code[:2] not in ("16", "17") or frame_word.upper() in COMMITMENT_WORDS:
        return None
    return THREAT_FOR.get(code[:3], "137" if code[:2] == "17" else "131")
