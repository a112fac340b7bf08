"""`lesesaal summarize`: the options and the JSON shape are a contract for scripts."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli import main
from tests.conftest import FIXTURES
from tests.summarize.conftest import SUMMARIES

POINT_KEYS = {"text", "paragraphs", "verified", "reason"}


def lesesaal(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extractive_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    lesesaal(capsys, "import", str(SUMMARIES / "de_slanted.txt"))
    code, out, err = lesesaal(capsys, "summarize", "1", "--extractive", "--json")
    shown = json.loads(out)
    assert code == 0 and err == ""
    assert set(shown) == {"id", "method", "model", "language", "overview", "key_points", "warnings", "timings"}
    assert shown["id"] == 1 and shown["method"] == "extractive" and shown["model"] is None
    assert shown["language"] == "de" and shown["warnings"] == []
    assert shown["overview"] and all(set(p) == POINT_KEYS for p in shown["overview"] + shown["key_points"])
    assert set(shown["timings"]) == {"load_s", "prompt_tokens", "completion_tokens", "generate_s", "total_s"}
    assert all(isinstance(n, int) for p in shown["key_points"] for n in p["paragraphs"])


def test_text_output_marks_paragraphs(capsys: pytest.CaptureFixture[str]) -> None:
    lesesaal(capsys, "import", str(FIXTURES / "articles" / "de_rt_style.txt"))
    code, out, _ = lesesaal(capsys, "summarize", "1", "--extractive")
    assert code == 0 and "extractive" in out and "Key points:" in out and "(¶ " in out


def test_without_a_model_the_message_says_how_to_choose_one(capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LESESAAL_MODEL", raising=False)
    monkeypatch.delenv("LESESAAL_MODELS", raising=False)
    lesesaal(capsys, "import", str(SUMMARIES / "de_slanted.txt"))
    code, out, err = lesesaal(capsys, "summarize", "1")
    assert code == 1 and out == "" and "--model PATH" in err and "--extractive" in err


def test_a_file_that_is_no_model(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    lesesaal(capsys, "import", str(SUMMARIES / "de_slanted.txt"))
    code, _, err = lesesaal(capsys, "summarize", "1", "--model", str(SUMMARIES / "de_slanted.txt"))
    assert code == 1 and "not a GGUF model file" in err


def test_model_and_extractive_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["summarize", "1", "--extractive", "--model", "x.gguf"])
    assert stop.value.code == 2


def test_an_unknown_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = lesesaal(capsys, "summarize", "7", "--extractive")
    assert code == 1 and "no article #7" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_streams_on_a_terminal_only() -> None:
    from desktop.cli_summarize import _run
    from desktop.terminal_progress import ProgressLine
    from summarize.fake import FakeSummarizer
    from summarize.protocol import CancelToken
    from tests.summarize.conftest import fixture_source
    from tests.summarize.test_pipeline import GOOD

    source = fixture_source("de_slanted.txt")
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        summary = _run(source, FakeSummarizer(GOOD), CancelToken(), None, ProgressLine(stream))
        assert summary.method == "llm"
    assert "generating … 7 characters" in terminal.getvalue() and "\r" in terminal.getvalue()
    assert "checking" in terminal.getvalue() and pipe.getvalue() == ""
