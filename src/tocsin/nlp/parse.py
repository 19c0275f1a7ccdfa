"""Parsing articles with ``nlp.pipe``: the title apart from the body, in batches.

The title is its own document (its spans are relative to the title); the body document's
character offsets index ``article.text``.  Parsing is lazy: articles are read from the
iterable as ``nlp.pipe`` needs them, so a long stream is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from tocsin.models import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc
else:  # spaCy is imported only when a pipeline is loaded
    Doc = Any

__all__ = ["Doc", "ParsedArticle", "parse_articles", "parse_bodies", "parse_texts"]


class ParsedArticle(NamedTuple):
    """An article with its parses: ``title`` is None when the article has no title."""

    article: Article
    title: Doc | None
    body: Doc


def _texts(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, str]]]:
    for article in articles:
        if article.title:
            yield article.title, (article, "title")
        yield article.text or "", (article, "body")


def parse_articles(
    nlp: Any, articles: Iterable[Article], *, batch_size: int = 64
) -> Iterator[ParsedArticle]:
    """(article, title doc or None, body doc) for each article, parsed in batches."""
    title_doc = None
    for doc, (article, part) in nlp.pipe(
        _texts(articles), as_tuples=True, batch_size=max(1, batch_size)
    ):
        if part == "title":
            title_doc = doc
            continue
        title = title_doc if title_doc is not None and article.title else None
        yield ParsedArticle(article, title, doc)
        title_doc = None


def parse_bodies(
    nlp: Any, articles: Iterable[Article], *, batch_size: int = 64
) -> Iterator[tuple[Article, Doc]]:
    """(article, body doc) for each article, parsed in batches (titles are not parsed:
    for readers of the body alone, such as ``tocsin gaps``)."""
    pairs = ((article.text or "", article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=max(1, batch_size)):
        yield article, doc


def parse_texts(nlp: Any, texts: Iterable[str], *, batch_size: int = 64) -> Iterator[Doc]:
    """One document per text, parsed in batches."""
    yield from nlp.pipe(texts, batch_size=max(1, batch_size))
