"""The summary panel with a real GGUF model (SmolLM2-135M-Instruct, from the test-model cache): streaming, the
library cache, cancel mid-generation, one model kept loaded and freed when the window closes.

Few tokens and a small context keep these fast; a reply cut off by the token budget is checked and replaced by
the extractive summary with a warning, which is what a user would see too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("llama_cpp")

from desktop.summaries import LLM  # noqa: E402
from summarize.prompt import SummaryOptions  # noqa: E402
from tests.desktop.conftest import SAMPLES  # noqa: E402


@pytest.fixture(scope="module")
def smollm() -> Path:
    from tests.summarize.real_models import SMOLLM2, ensure_model

    return ensure_model(SMOLLM2)


def _model_window(make_window: Any, qtbot: Any, model: Path) -> Any:
    window = make_window(model_path=str(model), context_size=2048, threads=2, summary_method="model")
    window.summaries.options = SummaryOptions(max_tokens=24)
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.start_import([SAMPLES])
    window.import_dialog.close()
    return window


def _open_shortest(window: Any, qtbot: Any, skip: int = 0) -> None:
    """Open the sample with the least text (``skip`` shorter ones passed over): the prompt stays small."""
    ids = sorted(window.library.list_ids(window.model.query), key=lambda i: len(window.library.article_text(i)))
    with qtbot.waitSignal(window.article_opened, timeout=30_000):
        window.open_article(ids[skip])


def test_a_real_model_streams_caches_cancels_and_stays_loaded(make_window: Any, qtbot: Any, smollm: Path) -> None:
    window = _model_window(make_window, qtbot, smollm)
    panel = window.summary
    _open_shortest(window, qtbot)
    assert panel.method.currentData() == LLM and smollm.name in panel.method.currentText()
    streamed: list[str] = []
    panel.event_received.connect(lambda e: streamed.append(getattr(e, "text", "")))
    with qtbot.waitSignal(panel.summary_finished, timeout=_SLOW) as finished:
        panel.summarise_button.click()
    first = finished.args[0]
    assert "".join(streamed).strip(), "the model's reply streamed into the panel"
    assert window.summaries.loaded and not first.cached and first.timings.completion_tokens > 0
    assert first.warnings and "⚠" in panel.output.toPlainText()  # 24 tokens cut the reply short: said so
    streamed.clear()
    with qtbot.waitSignal(panel.summary_finished, timeout=30_000) as again:
        panel.summarise_button.click()
    assert again.args[0].cached and not any(streamed)  # from the library's cache: no generation
    assert "kept from an earlier run" in panel.status.text()
    model = window.summaries._model
    window.summaries.options = SummaryOptions(max_tokens=600)  # long enough to be stopped
    _open_shortest(window, qtbot, skip=1)
    with qtbot.waitSignal(panel.event_received, timeout=_SLOW,
                          check_params_cb=lambda e: getattr(e, "stage", "") == "generating"):
        panel.summarise_button.click()
    with qtbot.waitSignal(panel.summary_cancelled, timeout=5_000):
        panel.cancel_button.click()
    shown = panel.output.toPlainText()
    done = window.runner.run("after", lambda _token: window.summaries.loaded, lane="model")
    with qtbot.waitSignal(done.finished, timeout=_SLOW) as after:  # the model lane is free again
        pass
    assert after.args == [True] and panel.summary is None and not panel.running()
    assert panel.output.toPlainText() == shown and "Cancelled" in panel.status.text()
    assert window.summaries._model is model  # loaded once, kept for the next article
    window.close()
    assert not model.loaded  # closed explicitly with the window


#: Generous: two cores shared with other work make a small model slow; on an idle machine this takes seconds.
_SLOW = 600_000
