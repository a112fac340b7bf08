"""A summary double: queued events (streamed pieces, then a summary), optionally held back."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from desktop.summaries import LLM, Cancel, Point, Progress, Summary, SummaryChoice, SummaryRequest
from summarize.values import ModelInfo


class FakeSummaries:
    """Stands in for the summariser: ``run`` yields the queued events; ``hold_after`` waits for ``release``."""

    def __init__(self, events: Sequence[Progress | Summary], hold_after: int | None = None) -> None:
        self.events = list(events)
        self.hold_after = hold_after
        self.release = threading.Event()
        self.stopped = threading.Event()
        self.choices: list[SummaryChoice] = []

    def run(self, request: SummaryRequest, choice: SummaryChoice, cancel: Cancel) -> Iterator[Progress | Summary]:
        self.choices.append(choice)
        try:
            for number, event in enumerate(self.events):
                if number == self.hold_after:
                    while not self.release.wait(0.01):
                        if cancel.cancelled:
                            yield Progress("cancelled")
                            return
                yield event
        finally:
            self.stopped.set()


def streamed_summary(article_id: int, cited: int) -> list[Progress | Summary]:
    return [
        Progress("generating", 1, 1, "Eine neue Fähre "), Progress("generating", 1, 1, "verbindet Kiel und Göteborg."),
        Progress("checking"),
        Summary(article_id, LLM, ModelInfo("/modelle/testmodell.gguf", "Testmodell", "0" * 64), "de",
                overview=(Point("Eine neue Fähre verbindet Kiel und Göteborg.", (cited,), verified=True, reason=""),),
                key_points=(
                    Point("Die Fähre fährt ab April zweimal täglich.", (cited,), verified=True, reason=""),
                    Point("Die Reederei erwartet 500.000 Fahrgäste.", (cited,), verified=False,
                          reason="keine zitierte Stelle nennt diese Zahl"))),
    ]
