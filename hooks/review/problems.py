"""Problems found in the data, reported in the MkDocs style: one line each,
``file:line:column: path: expected …, received …``. The message and hint
are in the editor's language (see :mod:`review.messages`); the
``file:line:column: path:`` prefix is the same in every language."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .yamlfile import Key, YamlDocument

from .messages import _, ngettext


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one data file."""

    file: str
    """The file, as the editor knows it: ``data/energy.yaml``."""
    line: int
    """1-based line; 0 when the problem concerns the file as a whole."""
    column: int
    """1-based column; 0 when the problem concerns the file as a whole."""
    path: str
    """Where in the document: ``figures[2].value``; empty for the whole file."""
    message: str
    """What was expected and what was received."""
    hint: str = ""
    """How to fix it, where that is not obvious."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.described()}"

    def described(self) -> str:
        """The problem without its place: ``path: message (hint)``."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"{text} ({self.hint})" if self.hint else text


class DataError(Exception):
    """The data has one or more problems. ``str()`` gives one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        head = ngettext("The data has {count} problem:", "The data has {count} problems:", count).format(count=count)
        return "\n".join([head, *(str(p) for p in self.problems)])


def format_path(path: tuple[str | int, ...]) -> str:
    """``('figures', 2, 'value')`` → ``figures[2].value``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def received(value: Any) -> str:
    """How a message shows what the editor wrote."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return _("a list")
    return _("a mapping of fields")


def unknown(document: YamlDocument, key: Key, what: str, ident: str, known: Iterable[str], where: str) -> Problem:
    """An id that names nothing known: the closest known id as a hint, or
    where such ids are defined."""
    close = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.6)
    hint = _("did you mean {name}?").format(name=repr(close[0])) if close else (_("define it in {where}").format(where=where) if where else "")
    return document.problem(key, _("expected the id of a known {what}, received {ident}").format(what=what, ident=repr(ident)), hint)
