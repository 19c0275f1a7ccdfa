"""An intended coercive act is a threat (13x), a commitment keeps the act's code."""

from __future__ import annotations

from tocsin.coding.factuality import intent_code
from tocsin.coding.threats import threat_code


def test_intended_sanctions_and_coercion_are_threats() -> None:
    assert threat_code("163") == "1312"  # "willing to impose sanctions on X"
    assert threat_code("1621") == "1311"  # "ready to cut aid"
    assert threat_code("161") == "1313"  # "prepared to break off relations"
    assert threat_code("173") == "137"  # "vows to arrest": repression
    assert threat_code("057") is None and threat_code("190") is None


def test_a_commitment_to_someone_else_is_no_threat() -> None:
    assert threat_code("174", "pledge") is None  # "pledged to expel X" (to a third party)
    assert threat_code("163", "agree") is None


def test_intent_codes_of_the_engine_use_them() -> None:
    assert intent_code("163", "willing") == "1312"
    assert intent_code("174", "pledge") == "174"
    assert intent_code("190", "vow") == "138"
    assert intent_code("042") == "036"
