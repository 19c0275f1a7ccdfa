"""The library's JSON Lines reader (tocsin.jsonlines): numbering, blank lines, bad lines."""

from __future__ import annotations

import pytest

from tocsin.errors import InputError
from tocsin.jsonlines import json_objects, parse_object, read_objects

LINES = ['{"id": "a"}\n', "\n", "   \n", '{"id": "b", "n": 2}\n']


def test_objects_are_numbered_by_their_line_and_blank_lines_skipped() -> None:
    assert list(read_objects(LINES)) == [(1, {"id": "a"}), (4, {"id": "b", "n": 2})]


def test_a_malformed_line_says_where_in_the_line() -> None:
    with pytest.raises(InputError, match=r"malformed JSON \(Expecting value at column 1\)"):
        parse_object("not json")


def test_a_line_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InputError, match="expected a JSON object, got list"):
        parse_object("[1, 2]")


def test_the_tolerant_reader_reads_on_past_a_bad_line() -> None:
    found = list(json_objects(['{"id": "a"}', "{broken", "", '["x"]', '{"id": "c"}']))
    assert [n for n, _ in found] == [1, 2, 4, 5]
    assert found[0][1] == {"id": "a"} and found[3][1] == {"id": "c"}
    assert isinstance(found[1][1], InputError) and "malformed JSON" in found[1][1].message
    assert isinstance(found[2][1], InputError) and "got list" in found[2][1].message


def test_the_strict_reader_names_the_first_bad_line() -> None:
    lines = ['{"id": "a"}', "", '{"id": ']
    reader = read_objects(lines)
    assert next(reader) == (1, {"id": "a"})
    with pytest.raises(InputError, match=r"\] line 3: malformed JSON") as caught:
        next(reader)
    assert caught.value.code == "E002"
