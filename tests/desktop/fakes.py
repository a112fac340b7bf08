"""A summariser double: queued chunks, optionally held back until the test lets them go."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from articles.model import Paragraph
from desktop.summaries import MODEL, KeyPoint, SummaryChoice, SummaryChunk
from library.importer import CancelToken


class FakeSummarizer:
    method = MODEL
    model_name = "Testmodell"

    def __init__(self, chunks: Sequence[SummaryChunk], hold_after: int | None = None) -> None:
        self.chunks = list(chunks)
        self.hold_after = hold_after
        self.release = threading.Event()
        self.closed = threading.Event()
        self.choices: list[SummaryChoice] = []

    def factory(self, choice: SummaryChoice) -> FakeSummarizer:
        self.choices.append(choice)
        return self

    def summarize(self, title: str, paragraphs: Sequence[Paragraph], cancel: CancelToken) -> Iterator[SummaryChunk]:
        for number, chunk in enumerate(self.chunks):
            if number == self.hold_after:
                while not self.release.wait(0.01):
                    if cancel.cancelled:
                        return
            if cancel.cancelled:
                return
            yield chunk

    def close(self) -> None:
        self.closed.set()


def streamed_summary(cited: int) -> list[SummaryChunk]:
    return [
        SummaryChunk(text="Eine neue Fähre "), SummaryChunk(text="verbindet Kiel und Göteborg."),
        SummaryChunk(point=KeyPoint("Die Fähre fährt ab April zweimal täglich.", (cited,))),
        SummaryChunk(point=KeyPoint("Die Reederei erwartet 500.000 Fahrgäste.", (cited,), verified=False,
                                    reason="keine zitierte Stelle nennt diese Zahl")),
    ]
