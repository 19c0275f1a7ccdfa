"""Matches that are not the act they seem (tocsin.coding.nonacts): hand-made sentences,
coded with the bundled spaCy model and dictionaries."""

from __future__ import annotations

from typing import Any

import pytest

from tocsin.models import Event, Factuality


@pytest.fixture(scope="module")
def news_coder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tocsin.pipeline import Coder
    from tocsin.settings import load_settings

    settings = load_settings(env={}, data_dir=tmp_path_factory.mktemp("nonacts") / "data")
    return Coder(settings, enrich=False)


def _keys(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        ((e.source.code if e.source else "")[:3], (e.target.code if e.target else "")[:3], e.code)
        for e in events
        if e.factuality.counts
    }


def _code(coder: Any, sentence: str) -> set[tuple[str, str, str]]:
    return _keys(coder.code_text(sentence, date="2025-06-01"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Ukrainian refugees gathered in Warsaw.",
        "Thousands of Georgian protesters gather in Berlin to demand new elections.",
        "Russian troops began to leave Syria.",
    ],
)
def test_a_move_or_gathering_is_no_consultation_with_the_place(
    news_coder: Any, sentence: str
) -> None:
    assert not [k for k in _code(news_coder, sentence) if k[2].startswith("04")]


@pytest.mark.slow
def test_travel_to_a_partner_stays_a_visit(news_coder: Any) -> None:
    keys = _code(news_coder, "The Chinese foreign minister travelled to Moscow.")
    assert any(k[:2] == ("CHN", "RUS") and k[2].startswith("04") for k in keys), keys


@pytest.mark.slow
def test_signing_a_law_is_no_agreement(news_coder: Any) -> None:
    for sentence in (
        "The French president signed a law banning phones for French students.",
        "The Tajik president signs a decree on social media.",
    ):
        assert not [k for k in _code(news_coder, sentence) if k[2] == "057"], sentence
    agreement = _code(news_coder, "Japan signed an agreement with India.")
    assert ("JPN", "IND", "057") in agreement


@pytest.mark.slow
def test_a_potential_deal_is_hypothetical(news_coder: Any) -> None:
    events = news_coder.code_text(
        "A Kenyan minister said that a possible agreement between Ethiopia and Egypt was close.",
        date="2025-06-01",
    )
    deals = [e for e in events if e.code == "057"]
    assert deals and all(e.factuality is Factuality.HYPOTHETICAL for e in deals)
    assert ("EGY", "ETH", "057") in _code(news_coder, "Egypt and Ethiopia signed an agreement.")


@pytest.mark.slow
def test_an_act_told_as_background_is_not_coded(news_coder: Any) -> None:
    keys = _code(
        news_coder,
        "Greece imposes new visa rules on Turkish citizens after Turkey introduced similar "
        "rules for Greek citizens.",
    )
    assert [k for k in keys if k[0] == "GRC"] and not [k for k in keys if k[0] == "TUR"], keys
    # an "after" clause in the present is the news itself
    strike = _code(news_coder, "Ten people are killed after a Russian missile strikes Kyiv.")
    assert any(k[:2] == ("RUS", "UKR") and k[2].startswith("19") for k in strike), strike


FORCE = ("13", "18", "19")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence, background",
    [
        # the arrested man's own earlier act, a gerund after "after"
        (
            "A Syrian man is arrested by German police after attempting to attack a synagogue "
            "in Berlin.",
            "SYR",
        ),
        ("Two Afghan men are arrested after planning to bomb a German church.", "AFG"),
        # a noun after "amid", "in response to"
        ("Britain summons the Russian ambassador amid the Russian offensive in Ukraine.", "RUS"),
        (
            "Colombia expels the Venezuelan ambassador in response to Venezuelan attacks on "
            "Colombian soldiers.",
            "VEN",
        ),
    ],
)
def test_an_act_after_amid_or_in_response_to_is_background(
    news_coder: Any, sentence: str, background: str
) -> None:
    keys = _code(news_coder, sentence)
    # no force nor threat of force by the background's actor (the main act stays)
    assert keys and not [k for k in keys if k[0] == background and k[2][:2] in FORCE], keys


@pytest.mark.slow
def test_a_clash_amid_which_people_are_killed_is_the_news(news_coder: Any) -> None:
    keys = _code(
        news_coder,
        "Three people are killed amid clashes between Sudanese troops and rebels in Khartoum.",
    )
    assert any(k[:2] == ("SDN", "SDN") and k[2].startswith("19") for k in keys), keys


@pytest.mark.slow
def test_a_state_charging_its_own_people_takes_legal_action(news_coder: Any) -> None:
    keys = _code(news_coder, "Kenyan police charged dozens of protesters with terrorism.")
    assert ("KEN", "KEN", "173") in keys, keys
    # charging another country is an accusation
    other = _code(news_coder, "Iran charged the United States with violating the agreement.")
    assert any(k[:2] == ("IRN", "USA") and k[2].startswith("11") for k in other), other


@pytest.mark.slow
def test_an_order_of_an_act_is_no_demand_of_those_it_names(news_coder: Any) -> None:
    for sentence in (
        "A Brazilian court orders the seizure of properties owned by former president Lula.",
        "The Afghan supreme leader orders a ban on music in Kandahar.",
    ):
        assert not [k for k in _code(news_coder, sentence) if k[2].startswith("10")], sentence
    # whom an order is addressed to is its object
    ordered = _code(news_coder, "The court ordered Google to pay a fine.")
    assert any(k[2] == "100" for k in ordered), ordered


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The Danish prime minister calls a snap election amid the Greenland crisis.",
        "Peru declares a state of emergency amid protests by Bolivian miners.",
    ],
)
def test_a_target_named_only_in_the_circumstances_is_no_target(
    news_coder: Any, sentence: str
) -> None:
    # "amid the Greenland crisis": where the act happens, not whom it is done to
    assert not [k for k in _code(news_coder, sentence) if k[1] in ("GRL", "BOL")]


@pytest.mark.slow
def test_a_target_outside_the_circumstances_stays(news_coder: Any) -> None:
    keys = _code(news_coder, "France recalls its ambassador from Algeria amid the Algerian crisis.")
    assert any(k[:2] == ("FRA", "DZA") and k[2].startswith("16") for k in keys), keys
