"""What grouping and text reuse read from one article alone, computed once per article.

Grouping and text reuse are corpus-wide: they compare articles with one
another, so they run in the main process, and on two cores whatever runs
there bounds the speed-up (Amdahl). Most of their work, though, is per
article: splitting the body into sentences, their content words and MinHash
signatures, the proper names and the days the opening names. That part runs
in the per-article map (:class:`~generator.pipeline.SeedMap`), cached by
content and spread over the worker processes; the main process only combines
the features (:func:`~generator.events.grouping.group_articles`,
:func:`~generator.events.provenance.reuse_links`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.events.grouping import GroupingFeatures, grouping_features
from generator.events.provenance import ReuseFeatures, reuse_features
from generator.models import Article
from generator.picklers import Packed
from generator.text.document import document


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What grouping and text reuse read from one article.

    Attributes:
        grouping: Its TF-IDF text, proper names and opening days.
        reuse: Its comparable sentences, signed.
    """

    grouping: GroupingFeatures
    reuse: ReuseFeatures


def article_features(article: Article) -> ArticleFeatures:
    """What grouping and text reuse read from ``article`` alone.

    Args:
        article: The article (its title, body and publication date are read).

    Returns:
        Its features.
    """
    sentences = document(article.body, article.body_line).sentences
    return ArticleFeatures(
        grouping_features(article, sentences), reuse_features(sentences, article)
    )


def features_packed(articles: Sequence[Article]) -> list[Packed[ArticleFeatures]]:
    """:func:`article_features` of each article, wrapped to cross processes as its bytes.

    The features are made in a worker and pickled once there; the main process
    stores those bytes in the cache as they are and unpickles them once, to read.

    Args:
        articles: The articles.

    Returns:
        Their packed features, in order.
    """
    return [Packed(article_features(article)) for article in articles]


FeatureMap = Callable[[Sequence[Article]], list[Packed[ArticleFeatures]]]
"""Computes articles' features, keeping their order (in process, cached, across processes)."""
