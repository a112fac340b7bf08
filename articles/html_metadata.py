"""Metadata a saved web page states about itself: meta tags, JSON-LD, <time>, canonical link."""

from __future__ import annotations

import json
import re

import lxml.html

from articles.dates import parse_date

_SPACES = re.compile(r"\s+")
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
    "dcterms.created", "pubdate", "publishdate", "parsely-pub-date", "sailthru.date",
)


def page_metadata(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """title, source, author, url, date (ISO) and language, where the page gives them."""
    metas = {
        (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower(): meta.get("content") or ""
        for meta in tree.iter("meta")
    }
    found = {
        "title": _clean(metas.get("og:title", "") or metas.get("twitter:title", "") or _title_element(tree)),
        "source": _clean(metas.get("og:site_name", "") or metas.get("application-name", "")),
        "author": _clean(metas.get("author", "") or metas.get("article:author", "")),
        "url": metas.get("og:url", "") or _canonical_url(tree),
        "date": _published(tree, metas) or "",
        "language": (tree.get("lang") or "").split("-")[0].lower(),
    }
    return {key: value for key, value in found.items() if value}


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _title_element(tree: lxml.html.HtmlElement) -> str:
    """The <title>, less a trailing ' | Site name' or ' - Site name'."""
    element = tree.find(".//title")
    text = _clean(element.text_content()) if element is not None else ""
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]+$)", text)[0] if text else ""


def _canonical_url(tree: lxml.html.HtmlElement) -> str:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            return str(link.get("href") or "")
    return ""


def _published(tree: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    for name in _DATE_META:
        iso = parse_date(metas.get(name, ""))
        if iso:
            return iso
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            iso = _json_ld_date(script.text)
            if iso:
                return iso
    for time in tree.iter("time"):
        iso = parse_date(time.get("datetime") or "")
        if iso:
            return iso
    return None


def _json_ld_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
            return parse_date(item["datePublished"])
    return None
