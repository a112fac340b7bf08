"""The tokens the speaker search reads: words, numbers and single punctuation marks, with their offsets.

A token is what ``_TOKEN`` matches: a word (a letter, then letters, digits, ``_``, apostrophes and hyphens,
ending in a letter or digit), a number (a digit, then digits, full stops and commas) or one character that is
neither a word character nor a blank. The regular expression is the reference and what the interpreter runs.
Compiled (mypyc), the same tokens come from a loop over the characters (``_scanned``), which spares each token
the match object and its method calls: most characters are ASCII and are classified by their code alone.
"""

from __future__ import annotations

import re
from importlib.machinery import EXTENSION_SUFFIXES
from itertools import islice
from typing import Final, NamedTuple

from articles import text_case

_TOKEN: Final = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|\d[\d.,]*|[^\w\s]")
_BLANK: Final = re.compile(r"\s")
#: How many tokens a speaker phrase may span.
WINDOW: Final = 14
#: Whether this module runs compiled: then the character loop is faster than the regular expression. (Its file is
#: then an extension module; a frozen bundle's pure-Python module is a ``.pyc``, not a ``.py``.)
COMPILED: Final = __file__.endswith(tuple(EXTENSION_SUFFIXES))

#: Character classes of ``_scanned``: blank or ``_`` (starts no token), letter, digit, punctuation mark.
_SKIP: Final = 0
_LETTER: Final = 1
_DIGIT: Final = 2
_MARK: Final = 3


class Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


#: Makes a ``Token`` from its four fields without the named tuple's Python-level ``__new__`` (the hot path).
_new_token: Final = tuple.__new__


def tokens(text: str, start: int, end: int, limit: int = WINDOW) -> list[Token]:
    """Up to ``limit`` tokens of ``text[start:end]``, with their offsets."""
    if COMPILED:
        return _scanned(text, start, end, limit)
    return [_new_token(Token, (match.start(), match.end(), word, text_case.lower(word)))
            for match in islice(_TOKEN.finditer(text, start, end), limit) for word in (match.group(),)]


def _scanned(text: str, start: int, end: int, limit: int) -> list[Token]:
    """:func:`tokens` by a loop over the characters: what ``_TOKEN.finditer`` finds, for compiled code."""
    found: list[Token] = []
    index = start
    while index < end and len(found) < limit:
        kind = _kind(text, index)
        if kind == _SKIP:
            index += 1
            continue
        stop = index + 1
        if kind == _LETTER:
            probe = stop
            while probe < end:
                code = ord(text[probe])
                if code == 95 or code == 39 or code == 45 or code == 0x2019:  # _ ' - ’: inside a word only
                    probe += 1
                    continue
                inner = _kind(text, probe)
                if inner != _LETTER and inner != _DIGIT:
                    break
                probe += 1
                stop = probe  # a word ends in a letter or digit
        elif kind == _DIGIT:
            while stop < end and (_kind(text, stop) == _DIGIT or text[stop] == "." or text[stop] == ","):
                stop += 1
        word = text[index:stop]
        found.append(_new_token(Token, (index, stop, word, text_case.lower(word))))
        index = stop
    return found


def _kind(text: str, index: int) -> int:
    """The class of ``text[index]`` as ``_TOKEN`` sees it (``\\w`` is a letter, a digit or ``_``)."""
    code = ord(text[index])
    if code < 128:
        if 97 <= code <= 122 or 65 <= code <= 90:
            return _LETTER
        if 48 <= code <= 57:
            return _DIGIT
        if code == 95 or code == 32 or 9 <= code <= 13 or 28 <= code <= 31:
            return _SKIP
        return _MARK
    char = text[index]
    if char.isalnum():
        return _DIGIT if code > 255 and char.isdecimal() else _LETTER  # (Latin-1 has no decimal digit above 127)
    return _SKIP if char.isspace() else _MARK


def word_before(text: str, position: int, reach: int = 30) -> str:
    """The word that ends nearest before ``position`` (skipping blanks and punctuation), within ``reach``."""
    limit = max(0, position - reach)
    end = position
    while end > limit and not text[end - 1].isalnum():
        end -= 1
    start = end
    while start > limit and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        start -= 1
    return text[start:end]


def trim_end(text: str, start: int, end: int, strip: str = " \t\n.!?;:…“”\"»«‘’)*_") -> int:
    """``end`` moved back over trailing blanks and punctuation (not before ``start``)."""
    while end > start and text[end - 1] in strip:
        end -= 1
    return end


def tokens_before(text: str, start: int, end: int, limit: int = WINDOW) -> list[Token]:
    """The last ``limit`` tokens of ``text[start:end]`` (at most 20 characters a token are read).

    A shorter stretch is tried first, from its first blank on: no token holds a blank, so the tokens after
    one are the same wherever reading began, and when they are enough the long stretch is never read.
    """
    window_start = max(start, end - limit * 20)
    near = _BLANK.search(text, max(window_start, end - limit * 8), end)
    if near is not None and near.start() > window_start:
        found = tokens(text, near.start(), end, limit * 20)
        if len(found) >= limit:
            return found[-limit:]
    return tokens(text, window_start, end, limit * 20)[-limit:]
