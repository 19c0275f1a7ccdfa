"""Threats: what an intended coercive act is in CAMEO.

CAMEO codes an actor's stated will to sanction, cut ties with or coerce another as a
threat (13x), not as the act (16x, 17x), which has not happened: "France may be willing to
impose sanctions on Israel" is 1312 (threaten with sanctions), "China vows to take the
matter to ..." a threat. The table follows the CAMEO codebook's 13x entries (131 threaten
non-force: 1311 reduce aid, 1312 sanctions, 1313 break relations; 132 administrative
sanctions; 134/135/136 halt negotiations, mediation, international involvement; 137
repression). Force (18x-20x) is 138 (:func:`intent_code`, the intent code of any act:
03x for cooperation); a negated cooperative act is its rejection (:func:`reject_code`).
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


# CAMEO root of a material/verbal event -> the intent code for it
_INTENT_BY_PREFIX = (
    ("061", "0311"),
    ("062", "0312"),
    ("063", "0313"),
    ("064", "0314"),
    ("071", "0331"),
    ("072", "0332"),
    ("073", "0333"),
    ("074", "0334"),
    ("081", "0351"),
    ("082", "0352"),
    ("083", "034"),
    ("084", "0353"),
    ("085", "0354"),
    ("086", "0355"),
    ("087", "0356"),
    ("04", "036"),
    ("05", "032"),
    ("06", "031"),
    ("07", "033"),
    ("08", "035"),
)


def intent_code(code: str, frame_word: str = "") -> str:
    """The CAMEO intent code (03x) for a cooperative event code, the threat code (138)
    for a use of force; others unchanged (an agreement to yield is a yield)."""
    if frame_word.upper() in ("AGREE", "DECIDE") and code.startswith("08"):
        return code
    if code[:2] in ("18", "19", "20"):
        return "138"
    if code[:2] in ("16", "17"):  # "willing to impose sanctions": a threat (1312), not the act
        return threat_code(code, frame_word) or code
    for prefix, intent in _INTENT_BY_PREFIX:
        if code.startswith(prefix):
            return intent
    return code


def reject_code(code: str) -> str | None:
    """The CAMEO rejection (12x) for a negated cooperative event, else None."""
    root = code[:2]
    return {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124"}.get(root)
