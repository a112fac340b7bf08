"""A summary from a (fake) model: streaming, checks, fallback, cancel, cache and long articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from articles.model import Paragraph, Role
from library.store import Library
from summarize.cache import LibraryCache
from summarize.fake import FakeSummarizer
from summarize.pipeline import summarize_article
from summarize.prompt import SummaryOptions
from summarize.protocol import CancelToken
from summarize.source import Source, source_of
from summarize.values import EXTRACTIVE, LLM, Progress, Summary

GOOD = {
    "overview": [
        {"text": "Ein Gericht in Minsk hat drei Mitglieder der belarussischen Opposition zu Haftstrafen verurteilt.",
         "paragraphs": [1]},
        {"text": "Swetlana Tichanowskaja forderte weitere Sanktionen gegen Belarus.", "paragraphs": [4]},
    ],
    "key_points": [
        {"text": "Die Verurteilten hatten im März 2024 eine Kundgebung in Minsk organisiert.", "paragraphs": [2]},
        {"text": "Die Staatsanwaltschaft warf ihnen die Organisation von Massenunruhen vor.", "paragraphs": [2]},
        {"text": "Die Europäische Union kündigte an, die Urteile zu prüfen.", "paragraphs": [5]},
        {"text": "Die Menschenrechtsorganisation Wjasna zählt mehr als 1.100 politische Gefangene.", "paragraphs": [6]},
    ],
}
INVENTED = {
    "overview": [{"text": "Angela Merkel besuchte am Freitag Berlin.", "paragraphs": [1]},
                 {"text": "Die Wirtschaft wächst kräftig.", "paragraphs": [2]}],
    "key_points": [{"text": "Es gab 900 Verletzte bei Protesten.", "paragraphs": [2]},
                   {"text": "Der Machthaber ließ die Stadt abriegeln.", "paragraphs": [1]},
                   {"text": "Olaf Scholz reiste nach Moskau.", "paragraphs": [5]}],
}


def run(source: Source, model: FakeSummarizer | None, **kwargs: Any) -> tuple[list[Progress], Summary | None]:
    progress: list[Progress] = []
    summary = None
    for event in summarize_article(source, model, **kwargs):
        if isinstance(event, Summary):
            summary = event
        else:
            progress.append(event)
    return progress, summary


def test_a_supported_reply_is_the_summary_streamed_as_it_comes(slanted: Source) -> None:
    model = FakeSummarizer(GOOD)
    progress, summary = run(slanted, model)
    assert summary is not None and summary.method == LLM and summary.model == model.info
    assert all(p.verified for p in summary.overview + summary.key_points), summary
    assert summary.key_points[3].paragraphs == (6,)
    streamed = "".join(p.text for p in progress if p.stage == "generating")
    assert len([p for p in progress if p.stage == "generating"]) > 5
    assert streamed.startswith('{"overview"') and summary.timings.completion_tokens > 0
    assert model.requests[0].schema is not None


def test_an_unsupported_reply_falls_back_to_the_extractive_summary(slanted: Source) -> None:
    _, summary = run(slanted, FakeSummarizer(INVENTED))
    assert summary is not None and summary.method == EXTRACTIVE and summary.model is None
    assert any("did not pass the checks (0 of 3" in w for w in summary.warnings)
    assert all(p.verified for p in summary.key_points)


def test_weakly_supported_points_stay_marked_and_false_ones_are_left_out(slanted: Source) -> None:
    weak = {"text": "Die Wirtschaft wächst kräftig und die Arbeitslosigkeit sinkt deutlich.", "paragraphs": [5]}
    reply = {"overview": GOOD["overview"], "key_points": [*GOOD["key_points"], weak, *INVENTED["key_points"][:2]]}
    _, summary = run(slanted, FakeSummarizer(reply))
    assert summary is not None and summary.method == LLM
    failed = [p for p in summary.key_points if not p.verified]
    assert len(failed) == 1 and "supported" in failed[0].reason and "Wirtschaft" in failed[0].text
    assert not any("900" in p.text or "Machthaber" in p.text for p in summary.key_points)
    assert "1 of 5 key points could not be verified" in summary.warnings
    assert any(w.startswith("2 of the model's sentences were left out") for w in summary.warnings)


def test_a_reply_cut_off_at_the_token_limit_falls_back(slanted: Source) -> None:
    _, summary = run(slanted, FakeSummarizer(GOOD), options=SummaryOptions(max_tokens=40))
    assert summary is not None and summary.method == EXTRACTIVE
    assert any("cut off" in w for w in summary.warnings)


def test_cancel_mid_generation_yields_no_summary(slanted: Source) -> None:
    cancel = CancelToken()
    events = summarize_article(slanted, FakeSummarizer(GOOD, piece=3), cancel=cancel)
    seen = 0
    for event in events:
        assert not isinstance(event, Summary)
        if isinstance(event, Progress) and event.stage == "generating":
            seen += 1
            if seen == 4:
                cancel.cancel()
        if isinstance(event, Progress) and event.stage == "cancelled":
            break
    assert seen == 4


def test_cache_hits_and_invalidation(tmp_path: Path, slanted: Source) -> None:
    with Library.open(tmp_path / "lib") as library:
        from library.importer import import_paths
        from tests.summarize.conftest import SUMMARIES

        list(import_paths(library, [SUMMARIES / "de_slanted.txt"]))
        cache = LibraryCache(library)
        model = FakeSummarizer(GOOD, GOOD)
        _, first = run(slanted, model, cache=cache)
        _, again = run(slanted, model, cache=cache)
        assert first is not None and again is not None and again.cached and not first.cached
        assert again.key_points == first.key_points and len(model.requests) == 1
        _, other_settings = run(slanted, model, cache=cache, options=SummaryOptions(seed=8))
        assert other_settings is not None and not other_settings.cached and len(model.requests) == 2
        other_model = FakeSummarizer(GOOD, info=model.info.__class__("b.gguf", "B", "1" * 64))
        _, _ = run(slanted, other_model, cache=cache)
        assert len(other_model.requests) == 1
        changed = source_of(1, slanted.paragraphs[:-1], "de")
        reply = {"overview": GOOD["overview"], "key_points": GOOD["key_points"][:3]}
        _, fresh = run(changed, FakeSummarizer(reply), cache=cache)
        assert fresh is not None and not fresh.cached


def long_article() -> Source:
    paragraphs = [Paragraph(0, Role.TITLE, "Haushalt der Stadt Kiel")]
    for n in range(1, 13):
        paragraphs.append(Paragraph(n, Role.BODY, f"Im Bereich {n} plant die Stadt Kiel Ausgaben von {n * 10} Millionen "
                                                  f"Euro für Schulen, Straßen und Hafenanlagen im kommenden Jahr. " * 3))
    return source_of(1, paragraphs, "de")


def test_a_long_article_is_summarised_in_parts_keeping_citations() -> None:
    source = long_article()

    def reply(first: int) -> dict[str, Any]:
        point = {"text": f"Die Stadt Kiel plant im Bereich {first} Ausgaben von {first * 10} Millionen Euro.",
                 "paragraphs": [first]}
        general = {"text": "Die Stadt Kiel plant Ausgaben für Schulen, Straßen und Hafenanlagen.", "paragraphs": [first]}
        return {"overview": [general, general], "key_points": [point, point, point]}

    model = FakeSummarizer(*[reply(n) for n in range(1, 13)], context_size=1400)
    options = SummaryOptions(max_tokens=200)
    _, summary = run(source, model, options=options)
    assert len(model.requests) > 1
    assert all("Teil" in r.user for r in model.requests)
    assert summary is not None and summary.method == LLM
    cited = [p.paragraphs[0] for p in summary.key_points]
    assert cited == sorted(cited) and len(set(cited)) > 1


def test_key_points_that_repeat_the_overview_are_dropped(slanted: Source) -> None:
    reply = {"overview": GOOD["overview"], "key_points": GOOD["overview"][:1] + GOOD["key_points"]}
    _, summary = run(slanted, FakeSummarizer(reply))
    assert summary is not None and len(summary.key_points) == len(GOOD["key_points"])


def test_a_part_whose_reply_is_unreadable_is_skipped_with_a_warning() -> None:
    point = {"text": "Im Bereich 1 plant die Stadt Kiel Ausgaben von 10 Millionen Euro.", "paragraphs": [1]}
    general = {"text": "Die Stadt Kiel plant Ausgaben für Schulen, Straßen und Hafenanlagen.", "paragraphs": [1]}
    good = {"overview": [general, general], "key_points": [point, point, point]}
    model = FakeSummarizer(good, *['{"overview": [{"text": "abgebr'] * 11, context_size=1400)
    _, summary = run(long_article(), model, options=SummaryOptions(max_tokens=200))
    assert summary is not None and summary.method == LLM and len(model.requests) > 1
    assert any(f"for {len(model.requests) - 1} of {len(model.requests)} parts" in w for w in summary.warnings)


def test_too_few_key_points_after_the_checks_are_topped_up_from_the_article(slanted: Source) -> None:
    reply = {"overview": GOOD["overview"], "key_points": GOOD["key_points"][:1] + INVENTED["key_points"][:1]}
    _, summary = run(slanted, FakeSummarizer(reply))
    assert summary is not None and summary.method == LLM and len(summary.key_points) == 3
    assert all(p.verified for p in summary.key_points)
    assert summary.key_points[0].text == GOOD["key_points"][0]["text"]
    assert any("2 key points are sentences of the article" in w for w in summary.warnings)
    cited = [min(p.paragraphs) for p in summary.key_points]
    assert cited == sorted(cited)


def test_top_up_adds_unshown_sentences_also_of_cited_paragraphs(injected: Source) -> None:
    reply = {"overview": [
        {"text": "Der Stadtrat von Kiel hat am Donnerstag den Bau eines neuen Radwegs beschlossen.", "paragraphs": [1]},
        {"text": "Baubeginn ist nach Angaben der Stadtverwaltung im Frühjahr 2026.", "paragraphs": [3]}],
        "key_points": [
        {"text": "Der ADFC begrüßte die Entscheidung.", "paragraphs": [4]},
        {"text": "Baubeginn ist nach Angaben der Stadtverwaltung im Frühjahr 2026.", "paragraphs": [3]},
        {"text": "Die Strecke kostet 5 Millionen Euro.", "paragraphs": [1]},
        {"text": "Die Bauzeit beträgt 24 Monate.", "paragraphs": [3]}]}
    _, summary = run(injected, FakeSummarizer(reply))
    assert summary is not None and summary.method == LLM and len(summary.key_points) == 3
    shown = [" ".join(p.text.split()) for p in summary.overview + summary.key_points]
    assert len(shown) == len(set(shown)) and all(p.verified for p in summary.key_points)


def test_a_warning_says_when_too_few_key_points_are_left() -> None:
    body = "Der Stadtrat von Kiel hat am Donnerstag den Bau eines neuen Radwegs entlang der Hörn beschlossen."
    source = source_of(1, (Paragraph(0, Role.TITLE, "Radweg in Kiel"), Paragraph(1, Role.BODY, body)), "de")
    reply = {"overview": [{"text": body, "paragraphs": [1]}],
             "key_points": [{"text": "Der Stadtrat hat den Radweg an der Hörn beschlossen.", "paragraphs": [1]}]}
    _, summary = run(source, FakeSummarizer(reply))
    assert summary is not None
    assert any("key points passed the checks" in w for w in summary.warnings), summary.warnings


def test_the_cache_key_changes_with_language_context_size_and_language_data(
        slanted: Source, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace
    from importlib import resources

    from summarize import pipeline
    options = SummaryOptions()
    key = pipeline.cache_key(slanted, FakeSummarizer(GOOD), options)
    assert key == pipeline.cache_key(slanted, FakeSummarizer(GOOD), options)
    assert key != pipeline.cache_key(replace(slanted, language="en"), FakeSummarizer(GOOD), options)
    assert key != pipeline.cache_key(slanted, FakeSummarizer(GOOD, context_size=2048), options)
    shipped = Path(str(resources.files("resources")))
    copy = tmp_path / "resources"
    for name in ("summarize/checks.json", "summarize/prompts.json", "analysis/loaded.json"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((shipped / name).read_bytes())
    (copy / "analysis/loaded.json").write_bytes((shipped / "analysis/loaded.json").read_bytes() + b"\n")
    monkeypatch.setattr(resources, "files", lambda _: copy)
    pipeline.data_digest.cache_clear()
    try:
        assert key != pipeline.cache_key(slanted, FakeSummarizer(GOOD), options)
    finally:
        monkeypatch.undo()
        pipeline.data_digest.cache_clear()
