"""The analysis modules every install compiles with mypyc (``setup.py``), one group that loads together.

To compile another module, add its name on a line of its own; ``pip install -e .`` (or ``pip install .``) then
builds it. The modules of the group call each other natively, so they are compiled, and loaded, all or none
(``articles.compiled``). This file is read by ``setup.py`` before the package can be imported: keep it a plain
list of string literals.
"""

from __future__ import annotations

COMPILED_MODULES = [
    "articles.actor_organisations",
    "articles.actor_patterns",
    "articles.actor_people",
    "articles.actor_text",
    "articles.actors",
    "articles.findings",
    "articles.findings_json",
    "articles.gazetteers",
    "articles.loaded",
    "articles.quote_kind",
    "articles.quote_marks",
    "articles.quotes",
    "articles.regex_literals",
    "articles.reported_speech",
    "articles.speaker_names",
    "articles.speakers",
    "articles.speech_tokens",
    "articles.text_case",
]
