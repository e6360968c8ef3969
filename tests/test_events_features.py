"""Per-article features of grouping and text reuse: equal to reading the whole corpus at once."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from generator.events import provenance
from generator.events.features import article_features, features_packed
from generator.events.grouping import group_articles
from generator.events.provenance import find_reuse, reuse_features, reuse_links
from generator.events.similarity import minhash_signatures
from generator.models import Article
from generator.pipeline import Settings, read_articles
from generator.text.document import HEADING, TABLE, document
from generator.text.tokens import content_words
from tests.factories import make_article
from tests.synthetic import write_corpus


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    folder = write_corpus(tmp_path_factory.mktemp("features") / "seeds", 120)
    read, _, _ = read_articles(Settings(folder))
    return sorted(read, key=lambda a: a.id)


def corpus_entries(articles: list[Article]) -> list[tuple[str, int, frozenset[str]]]:
    """The comparable sentences as the corpus-wide pass listed them (article-id order)."""
    out = []
    for article in articles:
        seen: set[frozenset[str]] = set()
        for sentence in document(article.body, article.body_line).sentences:
            words = frozenset(content_words(sentence.norm))
            if sentence.kind in (HEADING, TABLE) or len(words) < provenance.REUSE_MIN_WORDS:
                continue
            if words not in seen and len(seen) < provenance.REUSE_MAX_SENTENCES:
                seen.add(words)
                out.append((article.id, sentence.index, words))
    return out


def test_per_article_signatures_stack_to_the_corpus_wide_ones(articles: list[Article]) -> None:
    features = [article_features(a).reuse for a in articles]
    listed = [
        (a.id, s.index, s.words)
        for a, f in zip(articles, features, strict=True)
        for s in f.sentences
    ]
    expected = corpus_entries(articles)
    assert listed == expected and len(expected) > 500
    stacked = np.concatenate([f.signature_rows() for f in features])
    assert np.array_equal(stacked, minhash_signatures([words for _, _, words in expected]))


def test_a_repeated_sentence_is_compared_once_and_an_article_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = "The regional council approved a new flood barrier for the harbour district today. "
    other = "Engineers said the barrier would protect about four thousand homes from storms. "
    sentences = document(line * 3 + other + line).sentences
    assert [s.text for s in reuse_features(sentences).sentences] == [line.strip(), other.strip()]
    monkeypatch.setattr(provenance, "REUSE_MAX_SENTENCES", 1)
    kept = reuse_features(sentences)
    assert len(kept.sentences) == 1 and kept.signature_rows().shape == (1, 128)


def test_an_article_without_comparable_sentences_has_no_signatures() -> None:
    empty = reuse_features(document("Short one. Two.").sentences)
    assert empty.sentences == () and empty.signature_rows().shape == (0, 128)
    assert reuse_links([make_article("a", "Short one.")], {"a": empty}) == ()


def test_features_cross_processes_as_equal_values(articles: list[Article]) -> None:
    packed = features_packed(articles[:20])
    again = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    assert [p.get() for p in again] == [article_features(a) for a in articles[:20]]


def test_grouping_and_reuse_from_features_equal_the_sentence_path(
    articles: list[Article],
) -> None:
    sentences = {a.id: document(a.body, a.body_line).sentences for a in articles}
    # Read back from pickles, as the cache and the workers hand them over.
    features = {a.id: pickle.loads(pickle.dumps(article_features(a))) for a in articles}
    links = reuse_links(articles, {key: f.reuse for key, f in features.items()})
    assert links == find_reuse(articles, sentences) and links
    pairs = [(r.reuser, r.source) for r in links]
    from_features = group_articles(
        articles, {}, pairs, features={key: f.grouping for key, f in features.items()}
    )
    assert from_features == group_articles(articles, {}, pairs, sentences)
    assert len(from_features.groups) < len(articles)


def test_reuse_reads_only_the_features_given() -> None:
    # An article missing from the features (left out by the isolation) is not compared.
    text = "The regional council approved a new flood barrier for the harbour district on Monday. "
    text += "Engineers said the barrier would protect about 4,000 homes from storm surges."
    first = make_article("a", text, date="2024-05-01")
    second = make_article("b", text, date="2024-05-02")
    both = {a.id: article_features(a).reuse for a in (first, second)}
    assert [(r.reuser, r.source) for r in reuse_links([first, second], both)] == [("b", "a")]
    assert reuse_links([first, second], {"a": both["a"]}) == ()
