"""Values of a summary: its points, the model that wrote it, timings, and the streamed chunks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

LLM = "llm"
EXTRACTIVE = "extractive"
FACT, WORDING, SUPPORT = "fact", "wording", "support"


@dataclass(frozen=True)
class Point:
    """One overview sentence or key point with the paragraph numbers it rests on.

    ``verified`` is True only when the checker found the point supported by those paragraphs; otherwise
    ``reason`` says why not, and a front end must show the point as unverified, never as fact.
    """

    text: str
    paragraphs: tuple[int, ...]
    verified: bool = False
    reason: str = "not checked"
    #: Which kind of check failed: FACT (a name, number, date, quote, speaker or citation the cited paragraphs
    #: lack), WORDING (a loaded word), SUPPORT (too few of its words supported), or "" (verified or unchecked).
    failed: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "paragraphs": list(self.paragraphs), "verified": self.verified,
                "reason": self.reason}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Point:
        return cls(str(data["text"]), tuple(int(p) for p in data["paragraphs"]), bool(data["verified"]),
                   str(data["reason"]))


@dataclass(frozen=True)
class ModelInfo:
    """The model file a summary came from."""

    file: str
    name: str
    sha256: str

    def to_json(self) -> dict[str, str]:
        return {"file": self.file, "name": self.name, "sha256": self.sha256}


@dataclass(frozen=True)
class Timings:
    load_s: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    generate_s: float = 0.0
    total_s: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"load_s": round(self.load_s, 4), "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens, "generate_s": round(self.generate_s, 4),
                "total_s": round(self.total_s, 4)}

    def plus(self, other: Timings) -> Timings:
        return Timings(self.load_s + other.load_s, self.prompt_tokens + other.prompt_tokens,
                       self.completion_tokens + other.completion_tokens, self.generate_s + other.generate_s,
                       self.total_s + other.total_s)


@dataclass(frozen=True)
class Summary:
    """A finished summary of one article: the CLI's ``--json`` shape and what the GUI shows."""

    article_id: int
    method: str  # LLM or EXTRACTIVE
    model: ModelInfo | None
    language: str | None
    overview: tuple[Point, ...]
    key_points: tuple[Point, ...]
    warnings: tuple[str, ...] = ()
    timings: Timings = field(default_factory=Timings)
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id, "method": self.method, "model": self.model.to_json() if self.model else None,
            "language": self.language, "overview": [p.to_json() for p in self.overview],
            "key_points": [p.to_json() for p in self.key_points], "warnings": list(self.warnings),
            "timings": self.timings.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        model = data["model"]
        return cls(
            article_id=int(data["id"]), method=str(data["method"]),
            model=ModelInfo(model["file"], model["name"], model["sha256"]) if model else None,
            language=data["language"], overview=tuple(Point.from_json(p) for p in data["overview"]),
            key_points=tuple(Point.from_json(p) for p in data["key_points"]),
            warnings=tuple(str(w) for w in data["warnings"]), timings=Timings(**data["timings"]),
        )

    def with_changes(self, **changes: Any) -> Summary:
        return replace(self, **changes)


@dataclass(frozen=True)
class Usage:
    """What one generation cost: tokens, seconds, and whether it stopped early."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    load_s: float = 0.0
    prefill_s: float = 0.0  # until the first token
    generate_s: float = 0.0  # the whole call, prefill included
    stopped: str = "stop"  # "stop", "length" or "cancelled"


@dataclass(frozen=True)
class Chunk:
    """A piece of streamed model output. The last chunk of a generation carries its ``usage``."""

    text: str
    usage: Usage | None = None


@dataclass(frozen=True)
class Request:
    """One generation: a system and a user message, the JSON schema the reply must follow, a token budget."""

    system: str
    user: str
    schema: dict[str, Any] | None = None
    max_tokens: int = 512
    temperature: float = 0.0
    seed: int = 7


@dataclass(frozen=True)
class Progress:
    """How far a summary is: a stage name and, while generating, the text streamed so far."""

    stage: str  # "loading", "generating", "checking", "merging"
    done: int = 0
    total: int = 0
    text: str = ""
