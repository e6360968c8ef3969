"""Quotations and the same statement quoted with different words."""

from __future__ import annotations

from generator.events.document import build_doc
from generator.events.quotes import Quotation, find_quotations, quote_conflicts
from tests.factories import make_article


def quotes(article_id: str, body: str) -> list[Quotation]:
    return find_quotations(build_doc(make_article(article_id, body), None, inferred=False))


STATEMENT = "We will rebuild the bridge before {season} and nobody will be left behind"


def test_finds_double_and_single_quotes_and_tokenised_closers() -> None:
    found = quotes(
        "a",
        f'"{STATEMENT.format(season="winter")}," the mayor said. '
        "'Every family will get help from the city.' "
        '"The water rose very fast and we had no time at all, " she said.',
    )
    assert [q.text.split()[0] for q in found] == ["We", "Every", "The"]


def test_same_statement_with_one_word_changed_is_a_conflict() -> None:
    found = quotes("a", f'The mayor said: "{STATEMENT.format(season="winter")}."') + quotes(
        "b", f'"{STATEMENT.format(season="spring")}," he said.'
    )
    conflicts = quote_conflicts(found)
    assert len(conflicts) == 1
    sides = {s.value: s.article_ids for s in conflicts[0].sides}
    assert any("winter" in v and ids == ("a",) for v, ids in sides.items())
    assert any("spring" in v and ids == ("b",) for v, ids in sides.items())


def test_identical_or_unrelated_quotes_are_not_conflicts() -> None:
    same = quotes("a", f'"{STATEMENT.format(season="winter")}."') + quotes(
        "b", f'He said: "{STATEMENT.format(season="winter")}".'
    )
    other = quotes("c", '"The council has approved the budget for the coming year," she said.')
    assert quote_conflicts(same + other) == []


def test_spelling_variants_are_not_conflicts() -> None:
    found = quotes(
        "a", '"I see many houses were damaged and their roofs fell onto some people."'
    ) + quotes("b", '"I see many houses were damages and their roofs fell onto some people."')
    assert quote_conflicts(found) == []


def test_a_hedge_added_or_dropped_is_not_a_conflict_but_an_article_is() -> None:
    hedged = quotes(
        "a",
        "\"We never planned to close the harbour. It's just that the repairs were much slower "
        'than the council expected this winter."',
    ) + quotes(
        "b",
        '"We never planned to close the harbour. The repairs were slower than the council '
        'expected this winter."',
    )
    assert quote_conflicts(hedged) == []
    article = quotes(
        "a", '"We never planned to close the harbour or the marina before the repairs this winter."'
    ) + quotes(
        "b", '"We never planned to close the harbour or a marina before the repairs this winter."'
    )
    assert len(quote_conflicts(article)) == 1
