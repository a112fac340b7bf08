"""Lower case that is the same compiled (mypyc) as in Python.

mypyc compiles ``text.lower()`` into a per-character lowering that misses Python's final-sigma rule: it turns
``ΟΔΟΣ`` into ``οδοσ`` where Python gives ``οδος``. The analysis's results (actor keys, matches of the user's
lexicon) must not depend on whether an install could compile, so the compiled modules lower through :func:`lower`
(``tests/articles/test_compiled.py`` checks that none calls ``.lower()`` itself).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

#: Python's own ``str.lower``, called as an object: compiled code then runs the interpreter's method.
_PYTHON_LOWER: Final[Callable[[str], str]] = str.lower


def lower(text: str) -> str:
    """``text.lower()`` exactly as Python lowers it, compiled or not."""
    if "Σ" in text:
        return _PYTHON_LOWER(text)
    return text.lower()
