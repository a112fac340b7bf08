"""Loading and closing the model from several threads: one Llama object, and close() never waits for a stream."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import llama_cpp
import pytest

from summarize.llama_backend import BackendSettings, LlamaSummarizer
from summarize.protocol import CancelToken
from summarize.values import Request
from tests.summarize.test_gguf import tiny_gguf


class SlowLlama:
    """Stands in for llama_cpp.Llama: constructing it takes a moment, and it streams one token per part."""

    made: list[SlowLlama] = []

    def __init__(self, **_: Any) -> None:
        time.sleep(0.05)
        self.closed = False
        self.n_tokens = 0
        self.n_batch = 4
        self.evaluated: list[list[int]] = []
        self.completions = 0
        self.on_eval: Any = None
        SlowLlama.made.append(self)

    def tokenize(self, text: bytes, add_bos: bool = False, special: bool = False) -> list[int]:
        return list(range(len(text.split())))

    def token_bos(self) -> int:
        return -1

    def token_eos(self) -> int:
        return -1

    @property
    def _input_ids(self) -> list[int]:
        return [t for batch in self.evaluated for t in batch][:self.n_tokens]

    def eval(self, tokens: list[int]) -> None:
        self.evaluated.append(list(tokens))
        self.n_tokens += len(tokens)
        if self.on_eval is not None:
            self.on_eval()

    def create_completion(self, **_: Any) -> Iterator[dict[str, Any]]:
        self.completions += 1
        for word in ["{", "\"a\"", ":", "1", "}"] * 20:
            yield {"choices": [{"text": word, "finish_reason": None}]}

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LlamaSummarizer:
    SlowLlama.made = []
    monkeypatch.setattr(llama_cpp, "Llama", SlowLlama)
    path = tmp_path / "tiny.gguf"
    path.write_bytes(tiny_gguf())
    return LlamaSummarizer(path, BackendSettings(n_ctx=512, gpu_layers=0))


def test_two_threads_loading_at_once_construct_one_model(model: LlamaSummarizer) -> None:
    threads = [threading.Thread(target=model.count_tokens, args=("Hallo Welt",)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(SlowLlama.made) == 1


def test_close_during_a_suspended_stream_does_not_wait_and_frees_the_model(model: LlamaSummarizer) -> None:
    stream = model.generate(Request("System", "Text", max_tokens=50))
    first = next(stream)
    assert first.text == "{"
    closer = threading.Thread(target=model.close)
    closer.start()
    closer.join(timeout=2)
    assert not closer.is_alive(), "close() waited for the suspended stream"
    rest = list(stream)
    assert rest[-1].usage is not None and rest[-1].usage.stopped == "cancelled"
    assert len(rest) == 1 and not model.loaded and SlowLlama.made[0].closed
    again = list(model.generate(Request("System", "Text", max_tokens=50)))
    assert len(SlowLlama.made) == 2 and again[-1].usage is not None and again[-1].usage.stopped == "stop"


def test_cancel_during_prefill_stops_between_batches(model: LlamaSummarizer) -> None:
    cancel = CancelToken()
    model.load()
    llama = SlowLlama.made[0]
    llama.on_eval = cancel.cancel
    user = " ".join(f"Wort{i}" for i in range(40))
    chunks = list(model.generate(Request("System", user, max_tokens=50), cancel))
    assert len(llama.evaluated) == 1 and llama.completions == 0
    assert chunks[-1].usage is not None and chunks[-1].usage.stopped == "cancelled"
    llama.on_eval = None
    done = list(model.generate(Request("System", user, max_tokens=50)))
    assert done[-1].usage is not None and done[-1].usage.stopped == "stop" and llama.completions == 1
