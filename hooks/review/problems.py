"""Problems found in the data, reported in the MkDocs style: one line each,
``file:line:column: path: expected …, received …``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .yamlfile import Key, YamlDocument


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
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class DataError(Exception):
    """The data has one or more problems. ``str()`` gives one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        head = f"The data has {count} problem{'s' if count != 1 else ''}:"
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
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def unknown(document: YamlDocument, key: Key, what: str, ident: str, known: Iterable[str], where: str) -> Problem:
    """An id that names nothing known: the closest known id as a hint, or
    where such ids are defined."""
    close = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else (f"define it in {where}" if where else "")
    return document.problem(key, f"expected the id of a known {what}, received {ident!r}", hint)
