"""Text reuse: share of sentences, direction by date, uncertain direction."""

from __future__ import annotations

from generator.events.model import ReuseLink
from generator.events.provenance import find_reuse
from generator.models import Article
from generator.text.document import document
from tests.factories import make_article

SOURCE = (
    "The regional council approved a new flood barrier for the harbour district on Monday. "
    "Engineers said the barrier would protect about 4,000 homes from storm surges. "
    "Construction is expected to start next spring and last two years. "
    "Residents had campaigned for a barrier since the floods of 2019. "
    "The council will pay for the project with a national grant."
)
COPY = (
    "Residents welcomed the decision but some worry about the cost of the work. "
    "The regional council approved a new flood barrier for the harbour district on Monday. "
    "Engineers said the barrier would protect about 4,000 homes from storm surges. "
    "Construction is expected to start next spring and last two years. "
    "Residents had campaigned for such a barrier since the floods of 2019."
)
OTHER = (
    "The national football team won its qualifying match in the capital on Sunday evening. "
    "The coach praised the young striker who scored twice in the second half of the game."
)


def reuse(*articles: Article) -> tuple[ReuseLink, ...]:
    return find_reuse(articles, {a.id: document(a.body).sentences for a in articles})


def test_later_article_reuses_earlier_one() -> None:
    links = reuse(
        make_article("copy", COPY, date="2024-05-02"),
        make_article("src", SOURCE, date="2024-05-01"),
        make_article("other", OTHER, date="2024-05-01"),
    )
    assert len(links) == 1
    link = links[0]
    assert (link.source, link.reuser, link.matched, link.sentences) == ("src", "copy", 4, 5)
    assert link.share == 0.8 and not link.uncertain and link.basis == "publication date"
    assert [p.reuser_line for p in link.pairs] == [1, 1, 1, 1]


def test_direction_is_flagged_uncertain_without_dates() -> None:
    links = reuse(make_article("x", COPY), make_article("y", SOURCE))
    assert len(links) == 1 and links[0].uncertain


def test_credited_article_is_taken_as_the_reuser_when_dates_tie() -> None:
    links = reuse(
        make_article("x", SOURCE, date="2024-05-01"),
        make_article("y", COPY, date="2024-05-01", credited=("Wire",)),
    )
    assert links[0].reuser == "y" and links[0].basis == "credits or flags"


def test_no_reuse_between_unrelated_texts() -> None:
    assert reuse(make_article("a", SOURCE), make_article("b", OTHER)) == ()


def test_two_outlets_carrying_reuters_copy_share_a_wire_source() -> None:
    from generator.events.provenance import shared_wire, wires
    from tests.factories import make_article

    a = make_article("a", "BAGHDAD (Reuters) - Rockets hit the base on Monday, officials said.")
    b = make_article("b", "Rockets hit the base on Monday, officials said. (Reuters)")
    c = make_article("c", "Rockets hit the base on Monday, officials said.")
    assert wires(a) == {"Reuters"} and wires(b) == {"Reuters"}
    assert shared_wire(a, b) == "Reuters"
    assert shared_wire(a, c) is None
