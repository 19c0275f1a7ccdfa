"""Near-duplicates: wire stories republished with small edits match, distinct stories don't."""

from __future__ import annotations

import pytest

from tocsin.ingest.articles import content_hash
from tocsin.ingest.dedup import (
    Deduplicator,
    Fingerprint,
    NearDuplicateIndex,
    band_keys,
    fingerprint,
    lsh_params,
    overlap,
    shingles,
)
from tocsin.models import Article
from tocsin.settings import Settings
from tocsin.store import Store
from tocsin.store.signatures import Signatures

WIRE = """ISLAMABAD (Reuters) - Pakistan and Russia began a two-week joint military exercise \
in the mountains of northern Pakistan on Monday, the army said, the latest sign of warming ties \
between the former Cold War rivals.

About 200 troops from both countries will take part in the drills near Cherat, a hill station \
about 60 km from the capital, which focus on counter-terrorism operations and hostage rescue, \
according to a statement from the military's media wing.

Russia has been seeking to expand its influence in South Asia, while Pakistan has been looking \
to diversify its sources of weapons after years of strained relations with Washington over the \
war in neighbouring Afghanistan.

The exercise follows a visit to Islamabad last month by a Russian military delegation, which \
toured the North Waziristan tribal region where the army has fought Taliban militants for more \
than a decade.

India, a long-standing Russian ally and Pakistan's arch-rival, has expressed concern about the \
growing military cooperation. Moscow has said the drills are not directed against any third \
country and that its relations with New Delhi remain strong.

Russian officials have also said they plan to supply Pakistan with four Mi-35 attack \
helicopters under a deal signed in 2015, and the two sides have discussed further purchases of \
fighter jets and air defence systems."""

# The same story as republished by another outlet: another dateline/agency, a new byline,
# one sentence reworded, one sentence added.
REPUBLISHED = """By Staff Reporter

Rawalpindi: Pakistan and Russia began a two-week joint military exercise in the mountains of \
northern Pakistan on Monday, the army said, the latest sign of warming ties between the former \
Cold War rivals.

About 200 troops from both countries will take part in the drills near Cherat, a hill station \
about 60 km from the capital, which focus on counter-terrorism operations and hostage rescue, \
according to a statement from the military's media wing.

Russia has been seeking to expand its influence in South Asia, while Pakistan has been looking \
to diversify its sources of weapons after years of strained relations with Washington over the \
war in neighbouring Afghanistan.

The exercise comes weeks after Russian officers visited Islamabad and were taken on a tour of \
North Waziristan, where Pakistani soldiers have battled the Taliban since 2004.

India, a long-standing Russian ally and Pakistan's arch-rival, has expressed concern about the \
growing military cooperation. Moscow has said the drills are not directed against any third \
country and that its relations with New Delhi remain strong.

Russian officials have also said they plan to supply Pakistan with four Mi-35 attack \
helicopters under a deal signed in 2015, and the two sides have discussed further purchases of \
fighter jets and air defence systems. The exercise is due to end on October 7."""

# A different story on the same topic, with the same actors and many of the same words.
DISTINCT = """MOSCOW (Reuters) - Russia's defence minister met his Pakistani counterpart in Moscow \
on Tuesday and the two countries agreed to hold more joint military exercises, the Russian \
defence ministry said, as ties between the former Cold War rivals continue to warm.

The ministers discussed counter-terrorism cooperation and the situation in Afghanistan, where \
both countries fear the spread of Islamic State militants, the ministry said in a statement.

Pakistan is interested in buying Russian fighter jets and air defence systems, a Pakistani \
official said, as Islamabad seeks to reduce its dependence on American weapons after relations \
with Washington soured.

India, which buys most of its weapons from Russia, has watched the rapprochement with unease. \
Russian officials have repeatedly said that military cooperation with Pakistan is not aimed at \
India and that New Delhi remains Moscow's closest partner in the region.

The two countries held their first joint military exercise in Pakistan last year, and a \
Russian military delegation visited the North Waziristan tribal region in the spring."""


@pytest.fixture
def threshold() -> float:
    return Settings().near_dup_threshold


def test_republished_wire_story_is_a_near_duplicate(threshold: float) -> None:
    index = NearDuplicateIndex(threshold)
    index.add("wire", WIRE)
    found = index.query(REPUBLISHED)
    assert found is not None
    assert found[0] == "wire"
    assert found[1] >= threshold


def test_distinct_story_on_same_topic_is_not(threshold: float) -> None:
    index = NearDuplicateIndex(threshold)
    index.add("wire", WIRE)
    assert index.query(DISTINCT) is None


def test_best_match_is_returned_among_several(threshold: float) -> None:
    index = NearDuplicateIndex(threshold)
    index.add_many([("distinct", DISTINCT), ("wire", WIRE)])
    assert len(index) == 2 and "wire" in index
    found = index.query(WIRE)
    assert found is not None and found[0] == "wire" and found[1] == pytest.approx(1.0)


def test_fixtures_true_overlap_brackets_the_threshold(threshold: float) -> None:
    """The fixtures are meaningful: exact shingle overlap is above/below the threshold,
    and the pair's plain Jaccard would be below it (why the score is overlap)."""
    a, b, c = shingles(WIRE), shingles(REPUBLISHED), shingles(DISTINCT)
    assert len(a & b) / min(len(a), len(b)) >= threshold
    assert len(a & b) / len(a | b) < threshold
    assert len(a & c) / min(len(a), len(c)) < 0.3


def test_shortened_republication_matches(threshold: float) -> None:
    index = NearDuplicateIndex(threshold)
    index.add("wire", WIRE)
    shortened = "\n\n".join(WIRE.split("\n\n")[:4])
    found = index.query(shortened)
    assert found is not None and found[0] == "wire"


def test_check_queries_then_adds(threshold: float) -> None:
    index = NearDuplicateIndex(threshold)
    assert index.check("wire", WIRE) is None
    assert index.check("distinct", DISTINCT) is None
    found = index.check("republished", REPUBLISHED)
    assert found is not None and found[0] == "wire"
    assert len(index) == 3


def test_fingerprint_round_trips_through_bytes() -> None:
    print_ = fingerprint(WIRE)
    again = Fingerprint.from_bytes(print_.to_bytes())
    assert again.size == print_.size
    assert overlap(again, fingerprint(WIRE)) == pytest.approx(1.0)
    index = NearDuplicateIndex(0.8)
    index.add_fingerprint("wire", again)
    assert index.query(REPUBLISHED) is not None


def test_empty_index_and_bad_threshold() -> None:
    assert NearDuplicateIndex(0.8).query(WIRE) is None
    with pytest.raises(ValueError):
        NearDuplicateIndex(0.0)


def test_content_hash_ignores_case_and_whitespace() -> None:
    assert content_hash("Hello  World\n\nAgain") == content_hash("hello world again")
    assert content_hash("Hello World") != content_hash("Hello World!")


# -- the persisted index (Deduplicator over the store) --------------------------------


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, content_hash=content_hash(text), source="test")


def _store_run(store: Store, threshold: float, arts: list[Article]) -> list[Article]:
    """What one ingest run does with its new articles: mark, store, persist."""
    dedup = Deduplicator(store, threshold)
    marked = [dedup.mark(a) for a in arts]
    dedup.persist(store.add_articles(marked).added)
    return marked


def test_band_keys_are_stable_signed_64_bit() -> None:
    bands, rows = lsh_params()
    keys = band_keys(fingerprint(WIRE))
    assert len(keys) == bands and bands * rows <= 128
    assert keys == band_keys(Fingerprint.from_bytes(fingerprint(WIRE).to_bytes()))
    assert all(-(2**63) <= k < 2**63 for k in keys)
    assert band_keys(fingerprint("")) == ()


def test_a_later_run_finds_the_original_through_the_persisted_index(
        db_url: str, threshold: float) -> None:
    with Store.open_url(db_url) as store:
        _store_run(store, threshold, [_article("orig", WIRE), _article("other", DISTINCT)])
        assert Signatures.of(store).count() == 2
        [dup] = _store_run(store, threshold, [_article("dup", REPUBLISHED)])
        assert dup.near_dup_of == "orig" and dup.near_dup_score >= threshold
        assert Signatures.of(store).count() == 2  # a near-duplicate is not indexed itself
        assert Signatures.of(store).complete()


def test_within_one_batch_the_second_copy_links_to_the_first(
        sqlite_settings: Settings, threshold: float) -> None:
    with Store.open(sqlite_settings) as store:
        first, second = _store_run(store, threshold,
                                   [_article("a", WIRE), _article("b", REPUBLISHED)])
        assert first.near_dup_of is None and second.near_dup_of == "a"


def test_originals_stored_without_fingerprints_are_backfilled_once(
        sqlite_settings: Settings, threshold: float) -> None:
    with Store.open(sqlite_settings) as store:
        store.add_articles([_article("old", WIRE), _article("other", DISTINCT)])  # e.g. pre-0006
        assert not Signatures.of(store).complete()
        [dup] = _store_run(store, threshold, [_article("dup", REPUBLISHED)])
        assert dup.near_dup_of == "old"
        assert Signatures.of(store).complete() and Signatures.of(store).count() == 2


def test_a_complete_index_reads_no_stored_text(
        sqlite_settings: Settings, threshold: float, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(sqlite_settings) as store:
        _store_run(store, threshold, [_article("orig", WIRE)])

        def no_scan(*_a: object, **_k: object) -> None:
            raise AssertionError("the stored texts were read")

        monkeypatch.setattr(Signatures, "missing", no_scan)
        monkeypatch.setattr(Store, "iter_texts", no_scan)
        [dup] = _store_run(store, threshold, [_article("dup", REPUBLISHED)])
        assert dup.near_dup_of == "orig"


def test_candidates_are_only_articles_sharing_a_band(sqlite_settings: Settings,
                                                     threshold: float) -> None:
    with Store.open(sqlite_settings) as store:
        _store_run(store, threshold, [_article("orig", WIRE), _article("other", DISTINCT)])
        found = Signatures.of(store).candidates(band_keys(fingerprint(REPUBLISHED)))
        assert [row.article_id for row in found] == ["orig"]
        assert Signatures.of(store).candidates([]) == []
