"""Saved web pages to blocks and metadata.

trafilatura finds where the article is (its main text) and the comment section. The blocks
are then read from the smallest element of the page that holds all of the main text, so
what sits inside the article (captions, credits, related links, newsletter boxes) is kept
for the role classifier instead of being thrown away, while site navigation and footers
outside it are left out. Nothing is fetched and no script runs: everything here only parses
the string it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from articles.blocks import Block, Draft, Hint
from articles.errors import NotAnArticle
from articles.html_metadata import page_metadata

_SUBTITLE_CLASS = re.compile(r"sub-?title|subline|sub-?headline|standfirst|\bdek\b|teaser-?text", re.I)
_KICKER_CLASS = re.compile(r"kicker|overline|dachzeile|eyebrow|topline|roofline", re.I)
_COMMENT_CLASS = re.compile(r"comment|kommentar|discussion|disqus|respond", re.I)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "nav", "button", "select", "iframe", "head"})
_BLOCK_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "div", "section", "article",
    "aside", "header", "footer", "main", "figure", "ul", "ol", "table", "tr", "td", "th", "dl", "dt", "dd", "form",
})
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)


def html_draft(html: str) -> Draft:
    """Blocks and metadata of a saved web page; raises ``NotAnArticle`` when there is no text."""
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise NotAnArticle(f"broken HTML with no readable text ({error})") from None
    page = page_metadata(tree)
    document = bare_extraction(html, options=_extractor())
    container = _article_container(tree, document)
    blocks = list(plain_blocks(container if container is not None else tree.body if tree.find("body") is not None else tree))
    return Draft(
        blocks=tuple(blocks),
        format="html",
        title=page.get("title", ""),
        date=page.get("date"),
        source=page.get("source", ""),
        url=page.get("url", ""),
        author=page.get("author", ""),
        language=page.get("language"),
    )


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    """trafilatura's options, made once: reading them from its configuration costs a tenth of a page."""
    return Extractor(output_format="python", comments=True, recall=True, dedup=False)


def _article_container(tree: lxml.html.HtmlElement, document: Any) -> etree._Element | None:
    """The smallest element holding every paragraph trafilatura took for main text or comments."""
    if document is None:
        return None
    wanted = {_clean(line) for line in f"{document.text or ''}\n{document.comments or ''}".split("\n")}
    wanted.discard("")
    found = [element for element in tree.iter(*_BLOCK_TAGS) if _direct_block(element) and _text_of(element) in wanted]
    if not found:
        return None
    container = found[0]
    for element in found[1:]:
        while not _contains(container, element):
            parent = container.getparent()
            if parent is None:
                return None
            container = parent
    return container


def _contains(ancestor: etree._Element, element: etree._Element) -> bool:
    current: etree._Element | None = element
    while current is not None:
        if current is ancestor:
            return True
        current = current.getparent()
    return False


def plain_blocks(root: etree._Element) -> Iterator[Block]:
    """Text blocks under ``root`` in reading order, each with the hint its element gives."""
    yield from _walk(root, in_comments=False)


def _walk(element: etree._Element, in_comments: bool) -> Iterator[Block]:
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED or _hidden(child):
            continue
        comments = in_comments or bool(_COMMENT_CLASS.search(f"{child.get('class', '')} {child.get('id', '')}"))
        if child.tag == "img":
            alt = _clean(child.get("alt") or "")
            if alt and not _inside_figure_with_caption(child):
                yield Block(alt, Hint.IMAGE)
        elif _direct_block(child):
            text = _text_of(child)
            if text:
                yield Block(text, Hint.COMMENT if comments else _hint_for(child))
        else:
            yield from _walk(child, comments)


def _direct_block(element: etree._Element) -> bool:
    """A block element that holds text and no further block elements (or only inline ones)."""
    if element.tag not in _BLOCK_TAGS and element.tag not in ("td", "th"):
        return False
    return next(element.iterdescendants(*_BLOCK_TAGS), None) is None  # lxml filters by tag in C


def _hint_for(element: etree._Element) -> Hint:
    klass = element.get("class") or ""
    if element.tag == "h1":
        return Hint.TITLE
    if element.tag in _HEADING_TAGS:
        return Hint.HEADING
    if element.tag == "figcaption" or _ancestor_tag(element, "figcaption"):
        return Hint.CAPTION
    if element.tag == "li":
        return Hint.LIST_ITEM
    if _KICKER_CLASS.search(klass):
        return Hint.KICKER
    if _SUBTITLE_CLASS.search(klass):
        return Hint.SUBTITLE
    return Hint.NONE


def _ancestor_tag(element: etree._Element, tag: str) -> bool:
    return any(ancestor.tag == tag for ancestor in element.iterancestors())


def _inside_figure_with_caption(image: etree._Element) -> bool:
    for ancestor in image.iterancestors("figure"):
        return ancestor.find(".//figcaption") is not None
    return False


def _hidden(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style or element.get("aria-hidden") == "true"


def _text_of(element: etree._Element) -> str:
    return _clean("".join(text for text in element.itertext() if text))


def _clean(text: str) -> str:
    return " ".join(text.split())  # as re's \s+ to one space, then strip: both use str.isspace

