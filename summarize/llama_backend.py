"""The local model: a GGUF file run by llama-cpp-python, loaded lazily once and freed by ``close()``.

The header is read by :mod:`summarize.gguf` before llama.cpp sees the file, so a missing, truncated, foreign
or too-new file is a specific ``ModelUnavailable``. The prompt is formatted with the file's own chat template
(:mod:`summarize.chat_format`) and the reply constrained by the request's JSON schema as a llama.cpp grammar.
CPU by default; layers are offloaded to a GPU only when this llama.cpp build supports it and ``gpu_layers``
is not 0. A ``Llama`` is not thread-safe: generations are serialised by a lock, and loading by another, so
two threads never construct two. ``close()`` never waits for a generation: it asks a running (or suspended)
stream to stop at its next token, and the stream frees the model as it ends.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.chat_format import ChatFormat, chat_format, render
from summarize.errors import BackendMissing, GenerationFailed, ModelUnsupported
from summarize.gguf import GgufInfo, file_sha256, read_gguf
from summarize.protocol import CancelToken
from summarize.values import Chunk, ModelInfo, Request, Usage

DEFAULT_CONTEXT = 4096
#: Working memory besides weights and the key/value cache (compute buffers, logits): a rough allowance.
_WORKING_BYTES = 96 * 1024 * 1024


@dataclass(frozen=True)
class BackendSettings:
    n_ctx: int = DEFAULT_CONTEXT
    n_threads: int | None = None  # None: half the logical cores (about the physical ones), 1 to 8
    gpu_layers: int | None = None  # None: all layers when the build can offload, else none; 0: CPU only
    n_batch: int = 512

    def threads(self) -> int:
        return self.n_threads or max(1, min(8, (os.cpu_count() or 1) // 2))


class LlamaSummarizer:
    """A ``Summarizer`` over one GGUF file."""

    def __init__(self, path: Path, settings: BackendSettings | None = None,
                 hasher: Callable[[Path], str] = file_sha256) -> None:
        self.path = path.expanduser().resolve()
        self.settings = settings or BackendSettings()
        self.header: GgufInfo = read_gguf(self.path)
        self.format: ChatFormat = chat_format(self.header)
        self._hasher = hasher
        self._sha256: str | None = None
        self._llama: Any = None
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        self._closing = threading.Event()
        self.load_s = 0.0
        self._load_reported = False

    # What the settings panel shows -----------------------------------------------------------

    @property
    def info(self) -> ModelInfo:
        if self._sha256 is None:
            self._sha256 = self._hasher(self.path)
        return ModelInfo(str(self.path), self.header.name, self._sha256)

    @property
    def context_size(self) -> int:
        return min(self.settings.n_ctx, self.header.context_length or self.settings.n_ctx)

    @property
    def threads(self) -> int:
        return self.settings.threads()

    def memory_estimate(self) -> int:
        """Bytes the loaded model needs, about: weights, key/value cache at the context size, working memory."""
        return self.header.file_size + self.header.kv_cache_bytes(self.context_size) + _WORKING_BYTES

    def gpu_layers(self) -> int:
        if self.settings.gpu_layers is not None:
            return self.settings.gpu_layers
        from llama_cpp import llama_supports_gpu_offload

        return -1 if llama_supports_gpu_offload() else 0

    def describe(self) -> str:
        device = "CPU" if self.gpu_layers() == 0 else "GPU offload"
        return (f"{self.header.name} ({self.header.architecture}), {self.threads} threads, context "
                f"{self.context_size} tokens, about {self.memory_estimate() / 2**20:,.0f} MB, {device}, "
                f"chat template from {self.format.origin}")

    # Loading and generating ------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    def load(self) -> None:
        """Load the model if it is not loaded yet (the first generation does this too)."""
        with self._load_lock:
            if self._llama is None:
                self._load()

    def _load(self) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as error:
            raise BackendMissing(f"llama-cpp-python is not installed ({error}); install Lesesaal with its "
                                 "dependencies, or use --extractive") from None
        started = time.perf_counter()
        try:
            self._llama = Llama(model_path=str(self.path), n_ctx=self.context_size, n_threads=self.threads,
                                n_batch=self.settings.n_batch, n_gpu_layers=self.gpu_layers(), verbose=False)
            self._load_reported = False
        except (ValueError, RuntimeError) as error:
            raise ModelUnsupported(
                f"llama.cpp could not load {self.path.name} (architecture “{self.header.architecture}”, GGUF "
                f"version {self.header.version}): {error}. The model may need a newer llama-cpp-python") from None
        self.load_s = time.perf_counter() - started

    def count_tokens(self, text: str) -> int:
        self.load()
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def prompt_text(self, request: Request) -> str:
        """The request as the model reads it, formatted by its chat template."""
        self.load()
        llama = self._llama
        return render(self.format, request.system, request.user, _token_text(llama, llama.token_bos()),
                      _token_text(llama, llama.token_eos()))

    def prompt_tokens(self, request: Request) -> list[int]:
        tokens: list[int] = self._llama.tokenize(self.prompt_text(request).encode("utf-8"), add_bos=False,
                                                 special=True)
        return tokens

    def generate(self, request: Request, cancel: CancelToken | None = None) -> Iterator[Chunk]:
        try:
            with self._lock:
                self.load()
                load_s = 0.0 if self._load_reported else self.load_s  # the first generation after a load reports it
                self._load_reported = True
                yield from self._stream(request, cancel, load_s)
        finally:
            if self._closing.is_set():
                self._free_if_idle()

    def _stream(self, request: Request, cancel: CancelToken | None, load_s: float) -> Iterator[Chunk]:
        tokens = self.prompt_tokens(request)
        budget = self.context_size - len(tokens)
        if budget < 16:
            raise GenerationFailed(f"the prompt needs {len(tokens)} of the model's {self.context_size} tokens; "
                                   "there is no room for a reply")
        started = time.perf_counter()
        if not self._prefilled(tokens, cancel):
            elapsed = time.perf_counter() - started
            yield Chunk("", Usage(len(tokens), 0, load_s, elapsed, elapsed, "cancelled"))
            return
        first: float | None = None
        completion, stopped = 0, "stop"
        stream = self._llama.create_completion(
            prompt=tokens, max_tokens=min(request.max_tokens, budget), temperature=request.temperature,
            seed=request.seed, stream=True, grammar=_grammar(request.schema), repeat_penalty=1.0)
        try:
            for part in stream:
                if self._stopping(cancel):
                    stopped = "cancelled"
                    break
                choice = part["choices"][0]
                first = first if first is not None else time.perf_counter() - started
                completion += 1
                if choice.get("finish_reason"):
                    stopped = str(choice["finish_reason"])
                if choice.get("text"):
                    yield Chunk(str(choice["text"]))
        finally:
            stream.close()
        elapsed = time.perf_counter() - started
        completion = max(completion, self._llama.n_tokens - len(tokens)) if stopped != "cancelled" else completion
        yield Chunk("", Usage(len(tokens), completion, load_s, first if first is not None else elapsed, elapsed, stopped))

    def _stopping(self, cancel: CancelToken | None) -> bool:
        return (cancel is not None and cancel.cancelled) or self._closing.is_set()

    def _prefilled(self, tokens: list[int], cancel: CancelToken | None) -> bool:
        """Evaluate all but the last prompt token in batches, checking cancel between them, so that a long
        prefill can be cancelled; the completion then finds them in the cache and evaluates only the last.
        What the cache already holds of this prompt (an earlier request's prefix) is kept."""
        llama = self._llama
        kept = 0
        for cached, wanted in zip(list(llama._input_ids), tokens[:-1]):
            if cached != wanted:
                break
            kept += 1
        llama.n_tokens = kept
        step = max(1, int(llama.n_batch))
        for start in range(kept, len(tokens) - 1, step):
            if self._stopping(cancel):
                return False
            llama.eval(tokens[start:min(start + step, len(tokens) - 1)])
        return not self._stopping(cancel)

    def close(self) -> None:
        """Free the model's memory; the next generation loads it again. A generation that is running, or
        suspended between chunks, stops at its next token and frees the model when it ends."""
        self._closing.set()
        self._free_if_idle()

    def _free_if_idle(self) -> None:
        if not self._lock.acquire(blocking=False):
            return  # the generation holding the lock frees the model in its ``finally``
        try:
            with self._load_lock:
                if self._llama is not None:
                    self._llama.close()
                    self._llama = None
            self._closing.clear()
        finally:
            self._lock.release()


def _token_text(llama: Any, token: int) -> str:
    if token < 0:
        return ""
    return str(llama.detokenize([token], special=True).decode("utf-8", errors="replace"))


def _grammar(schema: dict[str, Any] | None) -> Any:
    if schema is None:
        return None
    from llama_cpp.llama_grammar import LlamaGrammar

    return LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
