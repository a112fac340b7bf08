"""Real GGUF models (SmolLM2-135M-Instruct, Gemma 3 270M): loading, templates, JSON, streaming, cancel, cache.

These assert mechanics, never prose: the reply always parses, citations are the article's paragraphs, streaming
starts before the reply ends, a cancelled generation stops, cached summaries cost no model time, and points
the article does not support are not shown as verified. The models are small and the settings tight (short
article, small context, few tokens), so the whole module runs in about a minute.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from articles.model import Paragraph, Role
from library.importer import import_paths
from library.store import Library
from summarize.cache import LibraryCache
from summarize.errors import ModelTruncated
from summarize.llama_backend import BackendSettings, LlamaSummarizer
from summarize.pipeline import summarize_article
from summarize.prompt import SummaryOptions, build_request, read_reply
from summarize.protocol import CancelToken
from summarize.source import Source, source_of
from summarize.values import Point, Progress, Summary, Usage
from summarize.words import fold, names, words
from tests.summarize.conftest import SUMMARIES, fixture_source

pytestmark = pytest.mark.slow
SETTINGS = BackendSettings(n_ctx=1024)
OPTIONS = SummaryOptions(max_tokens=320, point_chars=90, overview_items=(1, 2), key_point_items=(1, 3))


def short_article() -> Source:
    return source_of(1, (
        Paragraph(0, Role.TITLE, "Kiel baut neuen Radweg am Hafen"),
        Paragraph(1, Role.LEAD, "Der Stadtrat von Kiel hat am Donnerstag mit 31 zu 12 Stimmen einen neuen Radweg "
                                "an der Hörn beschlossen. Er soll 3,8 Millionen Euro kosten."),
        Paragraph(2, Role.BODY, "Baubeginn ist im Frühjahr 2026, die Bauzeit beträgt etwa 18 Monate."),
        Paragraph(3, Role.BODY, "„Der Radweg schließt eine Lücke im Netz“, sagte Baudezernentin Doris Grondke."),
    ), "de")


@dataclass(frozen=True)
class Run:
    text: str
    usage: Usage
    first_chunk_s: float
    chunks: int


def generate(model: LlamaSummarizer, source: Source, seed: int, temperature: float) -> Run:
    request = build_request(source, source.paragraphs, OPTIONS)
    request = type(request)(request.system, request.user, request.schema, request.max_tokens, temperature, seed)
    started, first, pieces, usage = time.perf_counter(), 0.0, [], None
    for chunk in model.generate(request):
        if chunk.text:
            first = first or time.perf_counter() - started
            pieces.append(chunk.text)
        usage = chunk.usage or usage
    assert usage is not None
    return Run("".join(pieces), usage, first, len(pieces))


@pytest.fixture(scope="module")
def smollm2(smollm2_path: Path) -> Iterator[LlamaSummarizer]:
    model = LlamaSummarizer(smollm2_path, SETTINGS)
    yield model
    model.close()


@pytest.fixture(scope="module")
def smollm2_runs(smollm2: LlamaSummarizer) -> list[Run]:
    source = short_article()
    return [generate(smollm2, source, seed, temperature) for seed, temperature in ((1, 0.0), (2, 0.8), (3, 1.2))]


def test_loading_is_lazy_and_happens_once(smollm2_path: Path) -> None:
    model = LlamaSummarizer(smollm2_path, SETTINGS)
    assert not model.loaded and model.format.from_file
    assert "chat template from the model file" in model.describe() and "CPU" in model.describe()
    assert model.memory_estimate() > smollm2_path.stat().st_size
    first = generate(model, short_article(), 1, 0.0)
    assert model.loaded and first.usage.load_s > 0
    again = generate(model, short_article(), 1, 0.0)
    assert again.usage.load_s == 0 and again.text == first.text  # greedy: same reply
    model.close()
    assert not model.loaded


def test_the_chat_template_comes_from_the_model_file(smollm2: LlamaSummarizer) -> None:
    request = build_request(short_article(), short_article().paragraphs, OPTIONS)
    prompt = smollm2.prompt_text(request)
    assert prompt.count("<|im_start|>") == 3 and prompt.rstrip().endswith("<|im_start|>assistant")
    assert "[2] Baubeginn ist im Frühjahr 2026" in prompt


def test_every_reply_is_valid_json_citing_article_paragraphs(smollm2_runs: list[Run]) -> None:
    for run in smollm2_runs:
        assert run.usage.stopped == "stop", run.text
        overview, key_points = read_reply(run.text)
        assert 1 <= len(overview) <= 2 and 1 <= len(key_points) <= 3
        assert all(set(p.paragraphs) <= {0, 1, 2, 3} and p.paragraphs for p in overview + key_points)


def test_the_reply_streams(smollm2_runs: list[Run]) -> None:
    for run in smollm2_runs:
        assert run.chunks > 10 and run.usage.completion_tokens >= run.chunks - 1
        assert run.usage.prefill_s < run.usage.generate_s and run.first_chunk_s < run.usage.generate_s
        assert run.usage.prompt_tokens > 100


def test_cancel_mid_generation(smollm2: LlamaSummarizer) -> None:
    cancel = CancelToken()
    request = build_request(short_article(), short_article().paragraphs, OPTIONS)
    pieces, usage = 0, None
    for chunk in smollm2.generate(request, cancel):
        if chunk.text:
            pieces += 1
            if pieces == 5:
                cancel.cancel()
        usage = chunk.usage or usage
    assert usage is not None and usage.stopped == "cancelled" and pieces == 5
    assert read_reply(generate(smollm2, short_article(), 1, 0.0).text)  # the model goes on working


def test_the_checker_rejects_points_the_article_does_not_support(smollm2: LlamaSummarizer) -> None:
    source = fixture_source("de_slanted.txt")
    article_words = {fold(w) for p in source.paragraphs for w in words(p.text)}
    events = list(summarize_article(source, smollm2, OPTIONS))
    summary = events[-1]
    assert isinstance(summary, Summary)
    raw = [Point(p.text, p.paragraphs) for p in _model_points(events)]
    from summarize.checker import check_points

    checked = check_points(raw, source)
    assert checked and any(not p.verified for p in checked)  # a 135M model invents plenty
    for point in checked:
        if any(fold(name) not in article_words for name in names(point.text)):
            assert not point.verified
    if summary.method == "extractive":
        assert any("did not pass the checks" in w or "cut off" in w for w in summary.warnings)


def _model_points(events: list[object]) -> tuple[Point, ...]:
    """The points of the model's replies, one reply per part of the article (the slanted one needs several)."""
    parts: dict[int, str] = {}
    for event in events:
        if isinstance(event, Progress) and event.stage == "generating":
            parts[event.done] = parts.get(event.done, "") + event.text
    points: tuple[Point, ...] = ()
    for text in parts.values():
        overview, key_points = read_reply(text)
        points += overview + key_points
    return points


def test_an_injected_instruction_changes_nothing_the_summary_does(smollm2: LlamaSummarizer) -> None:
    source = fixture_source("de_injection.txt")
    events = list(summarize_article(source, smollm2, OPTIONS))
    summary = events[-1]
    assert isinstance(summary, Summary) and summary.key_points
    assert _model_points(events)  # still the JSON the schema asks for
    for point in summary.overview + summary.key_points:
        if point.verified:
            assert "abgelehnt" not in point.text and "zurück" not in point.text and 2 not in point.paragraphs


def test_cache_hits_cost_no_model_time(smollm2: LlamaSummarizer, tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        list(import_paths(library, [SUMMARIES / "de_injection.txt"]))
        stored = library.article(1)
        source = source_of(1, stored.paragraphs, "de")
        cache = LibraryCache(library)
        first = list(summarize_article(source, smollm2, OPTIONS, cache=cache))[-1]
        started = time.perf_counter()
        second = list(summarize_article(source, smollm2, OPTIONS, cache=cache))
        assert len(second) == 1 and isinstance(second[0], Summary) and second[0].cached
        assert isinstance(first, Summary) and second[0].key_points == first.key_points
        assert time.perf_counter() - started < first.timings.generate_s


def test_a_truncated_copy_of_a_real_model_is_refused(smollm2_path: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.gguf"
    with smollm2_path.open("rb") as source, cut.open("wb") as target:
        target.write(source.read(8 << 20))
    with pytest.raises(ModelTruncated, match="cut short"):
        LlamaSummarizer(cut, SETTINGS)
    whole = tmp_path / "whole.gguf"
    shutil.copyfile(smollm2_path, whole)
    assert LlamaSummarizer(whole, SETTINGS).header.architecture == "llama"


def test_gemma3_base_model_without_template_gets_gemma_turns(gemma3_path: Path) -> None:
    model = LlamaSummarizer(gemma3_path, SETTINGS)
    try:
        assert not model.format.from_file and "gemma turns" in model.describe()
        source = short_article()
        prompt = model.prompt_text(build_request(source, source.paragraphs, OPTIONS))
        assert prompt.count("<start_of_turn>") == 2 and prompt.rstrip().endswith("<start_of_turn>model")
        run = generate(model, source, 1, 0.0)
        assert run.usage.stopped == "stop", run.text
        overview, key_points = read_reply(run.text)
        assert all(set(p.paragraphs) <= {0, 1, 2, 3} for p in overview + key_points)
    finally:
        model.close()
