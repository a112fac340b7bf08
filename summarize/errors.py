"""Errors of summaries, part of the user-facing tree rooted in ``LesesaalError``."""

from __future__ import annotations

from articles.errors import LesesaalError


class SummaryError(LesesaalError):
    """A summary could not be made as asked."""


class ModelUnavailable(SummaryError):
    """No model file is chosen, or the chosen one cannot be used."""


class ModelMissing(ModelUnavailable):
    """The model file does not exist or cannot be read."""


class NotAGguf(ModelUnavailable):
    """The file is not a GGUF model file."""


class ModelTruncated(ModelUnavailable):
    """The GGUF file ends before its tensors do (an interrupted download or copy)."""


class ModelUnsupported(ModelUnavailable):
    """A GGUF file this llama.cpp cannot run (a newer GGUF version, an unknown architecture)."""


class BackendMissing(ModelUnavailable):
    """llama-cpp-python is not installed."""


class GenerationFailed(SummaryError):
    """The model stopped with an error while writing."""
