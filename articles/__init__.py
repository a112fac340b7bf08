"""Reading articles and analysing them: pure functions over an article's text (no Qt, no index).

The first import decides whether the analysis runs as the modules mypyc compiled at install time or from its
sources (``articles.compiled``); ``compiled_status()`` says which.
"""

from articles.compiled import choose, compiled_status

choose()

__all__ = ["compiled_status"]
