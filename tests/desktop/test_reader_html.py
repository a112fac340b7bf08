"""The reading pane's HTML: layers on and off, parts set apart, overlapping marks, nothing from outside."""

from __future__ import annotations

import re

from articles.findings import Actor, ActorKind, Findings, Loaded, Quote, QuoteKind, Span
from articles.model import Metadata, Paragraph, Role
from desktop.reader_html import ALL_LAYERS, CopyLink, Layer, ReaderView, RenderOptions, article_html, query_terms
from library.records import StoredArticle

TEXT = "Bürgermeisterin Anna Krüger nannte die Pläne „eine Chance für Kiel“ und sprach von Kahlschlag."
PARAGRAPHS = (
    Paragraph(0, Role.TITLE, "Kiel plant neuen Hafen"),
    Paragraph(1, Role.BODY, TEXT),
    Paragraph(2, Role.CAPTION, "Der alte Hafen im Winter <img src=http://example.org/x.png>"),
    Paragraph(3, Role.CREDIT, "Foto: Ole Sander"),
    Paragraph(4, Role.BODY, "Die Stadt rechnet mit Kosten von 20 Millionen Euro."),
)


def _view(**changes: object) -> ReaderView:
    start = TEXT.index("eine Chance")
    quote = Quote(Span(1, start, start + len("eine Chance für Kiel")), "eine Chance für Kiel", QuoteKind.DIRECT,
                  speaker=Span(1, 16, 27), speaker_name="Anna Krüger")
    person = Actor("a1", "Anna Krüger", ActorKind.PERSON, role="Bürgermeisterin", mentions=(Span(1, 16, 27),))
    kiel = TEXT.index("Kiel")
    place = Actor("a2", "Kiel", ActorKind.PLACE, mentions=(Span(1, kiel, kiel + 4), Span(0, 0, 4)))
    word = TEXT.index("Kahlschlag")
    loaded = Loaded(Span(1, word, word + 10), "Kahlschlag", "wertet Kürzungen als Zerstörung; neutral: starke Kürzungen")
    article = StoredArticle(
        id=7, metadata=Metadata(title="Kiel plant neuen Hafen", date="2025-07-11", source="Kieler Blatt"),
        paragraphs=PARAGRAPHS, format="txt", path="/tmp/a.txt", content_hash="h", imported_at="", updated_at="",
        duplicate_of=None, copies=(9,), warnings=())
    values: dict[str, object] = {
        "article": article, "findings": Findings((quote,), (person, place), (loaded,)),
        "copies": (CopyLink(9, "Kiel plant neuen Hafen", "Nordkurier"),), "hit_terms": query_terms("Hafen")}
    values.update(changes)
    return ReaderView(**values)  # type: ignore[arg-type]


def _html(layers: frozenset[Layer] = ALL_LAYERS, **options: object) -> str:
    return article_html(_view(), RenderOptions(layers=layers, **options))  # type: ignore[arg-type]


def test_quotes_carry_their_speaker_for_hovering() -> None:
    page = _html()
    assert re.search(r'<span class="quote quote-direct" title="Direct speech — Anna Krüger"[^>]*>eine Chance', page)
    assert "quote-direct" not in _html(ALL_LAYERS - {Layer.QUOTES})


def test_actors_are_links_coloured_by_kind() -> None:
    page = _html()
    assert '<a class="actor actor-person" href="actor:a1" title="Person: Anna Krüger, Bürgermeisterin' in page
    assert page.count('href="actor:a2"') == 2  # in the title and inside the quote
    assert "actor:" not in _html(ALL_LAYERS - {Layer.ACTORS})


def test_a_place_inside_a_quote_is_nested_not_cut() -> None:
    page = _html(frozenset({Layer.QUOTES, Layer.ACTORS}))
    inside = re.search(r'für </span><span class="quote[^>]*><a class="actor actor-place"[^>]*>Kiel</a></span>', page)
    assert inside, page


def test_loaded_wording_explains_itself() -> None:
    page = _html()
    assert 'class="loaded" title="Loaded wording: wertet Kürzungen als Zerstörung; neutral: starke Kürzungen"' in page
    assert 'class="loaded"' not in _html(ALL_LAYERS - {Layer.LOADED})


def test_non_article_parts_are_labelled_and_collapsible() -> None:
    page = _html()
    assert 'class="part part-caption"' in page and "▾ Photo caption" in page and "▾ Credit" in page
    collapsed = _html(collapsed=frozenset({2}))
    assert "▸ Photo caption – hidden" in collapsed and "im Winter" not in collapsed
    plain = _html(ALL_LAYERS - {Layer.PARTS})
    assert "part-caption" not in plain and "Photo caption" not in plain and "im Winter" in plain


def test_search_hits_are_marked_in_every_paragraph() -> None:
    page = _html()
    assert page.count('class="hit"') == 2  # title and caption: "Hafen"
    assert 'class="hit"' not in _html(ALL_LAYERS - {Layer.HITS})
    assert "Hafen" not in {t for t in query_terms("-Hafen Kiel date:2025")}


def test_header_links_copies_and_related_coverage() -> None:
    page = _html()
    assert '1 other copy: <a href="copy:9">#9 Nordkurier</a>' in page
    assert '<a href="related:7">' in page
    assert page.index("<h1") < page.index('class="header"')  # the header follows the title


def test_text_is_escaped_and_only_internal_links_exist() -> None:
    page = _html()
    assert "<img" not in page and "&lt;img src=http://example.org/x.png&gt;" in page
    links = re.findall(r'href="([a-z]+):', page)
    assert set(links) <= {"actor", "copy", "related", "toggle"}


def test_flashed_paragraphs_stand_out() -> None:
    page = _html(flashed=frozenset({4}))
    assert re.search(r'<p id="p4" class="body" style="background-color:#[0-9a-f]+"', page)
