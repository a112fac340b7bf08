"""The user-facing error tree.

Every expected failure is a ``LesesaalError`` whose message tells the user what happened
and what to do. Anything else that escapes is a bug and is logged with its traceback.
"""

from __future__ import annotations


class LesesaalError(Exception):
    """An expected failure with a message a user can act on."""


class ImportFailed(LesesaalError):
    """A file could not be turned into an article; nothing in the library changed."""


class FileUnreadable(ImportFailed):
    """The operating system would not let us read the file."""


class FileTooLarge(ImportFailed):
    """The file is over the configured size limit."""


class NotAnArticle(ImportFailed):
    """The file is binary, empty or holds no readable text."""


class UndecodableText(ImportFailed):
    """The bytes could not be decoded as text in any supported encoding."""
