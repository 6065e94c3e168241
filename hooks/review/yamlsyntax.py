"""YAML syntax errors in plain words, at the line that needs the fix.

PyYAML says where it gave up, in its own terms: ``expected <block end>, but
found '?'`` on a line that may be fine, for a file that has no ``?``. An
editor needs to know what to change, and where. :func:`syntax_problem`
looks at the text around the parser's error for the common mistakes:

* a tab used for indenting;
* a line indented differently from its neighbours;
* a missing space after a colon (``unit:mw``);
* a quote that is opened and not closed;
* a list item without its dash;
* a colon inside unquoted text (``vi: Ghi chú: …``);
* a bracket (``[1, 2``) that is not closed.

Anything else keeps the parser's words, with a general hint.
"""

from __future__ import annotations

import re

import yaml

from .messages import _, ngettext
from .problems import Problem

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>-\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<rest>.*)$")
_NO_SPACE = re.compile(r"^(?P<indent> *)(?P<dash>-\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_-]*):(?P<value>[^\s/].*)$")


def syntax_problem(text: str, error: yaml.MarkedYAMLError, display: str) -> Problem:
    """The problem to report for a syntax ``error`` in ``text``."""
    lines = text.splitlines()
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    context = error.context_mark.line + 1 if error.context_mark else line
    problem = (error.problem or "").strip()
    explained = (
        _tab(lines, line, column, problem)
        or _unclosed_quote(lines, line, error)
        or _unclosed_bracket(error)
        or _missing_space(lines, min(context, line), line)
        or _colon_in_text(lines, line, column, problem)
        or _missing_dash(lines, line, column, context, problem)
        or _indentation(lines, line, column, problem)
    )
    if explained is not None:
        (line, column), message, hint = explained
        return Problem(display, line, column, "", message, hint)
    return Problem(
        display,
        line,
        column,
        "",
        _("invalid YAML: {problem}").format(problem=problem or _("the parser stopped here")),
        _("check the quotes, colons and indentation here and on the lines just before"),
    )


Explained = tuple[tuple[int, int], str, str]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _tab(lines: list[str], line: int, column: int, problem: str) -> Explained | None:
    """A tab in the indentation, on the error's line or before it."""
    for number, text in enumerate(lines[:line], start=1):
        lead = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            return (number, lead.index("\t") + 1), _("this line is indented with a tab"), _("indent with spaces: YAML does not accept tabs")
    if "'\\t'" in problem:
        return (line, column), _("a tab stands here"), _("replace it with spaces: YAML does not accept tabs")
    return None


def _quote_start(text: str) -> int | None:
    """Where the quoted value of a ``key:`` or ``-`` line starts (0-based),
    if the line's value starts with a quote."""
    match = _KEY.match(text)
    if match:
        rest = match["rest"]
        start = len(text) - len(rest)
    else:
        item = re.match(r"^ *-\s+", text)
        if not item:
            return None
        rest, start = text[item.end() :], item.end()
    value = rest.lstrip()
    if not value or value[0] not in "\"'":
        return None
    return start + len(rest) - len(value)


def _closed(text: str, start: int) -> bool:
    """Whether the quote at ``text[start]`` is closed on the same line."""
    quote = text[start]
    index = start + 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2
                continue
            return True
        index += 1
    return False


def _unclosed_quote(lines: list[str], line: int, error: yaml.MarkedYAMLError) -> Explained | None:
    """A quoted value whose closing quote is missing: the next line, a new
    field or item, was read as part of the text."""
    if "quoted scalar" in (error.context or "") and error.context_mark is not None:
        number, column = error.context_mark.line + 1, error.context_mark.column + 1
        return (number, column), _("the quote that opens this text is not closed"), _("end the text with the same quote, on this line")
    for index, text in enumerate(lines[:line]):
        start = _quote_start(text)
        if start is None or _closed(text, start):
            continue
        following = next((other for other in lines[index + 1 :] if _content(other)), "")
        if _KEY.match(following) or following.lstrip().startswith("- "):
            return (index + 1, start + 1), _("the quote that opens this text is not closed"), _("end the text with the same quote, on this line")
    return None


def _unclosed_bracket(error: yaml.MarkedYAMLError) -> Explained | None:
    """``[1, 2`` or ``{a: 1``: a list or mapping in brackets, not closed."""
    if "flow" not in (error.context or "") or error.context_mark is None:
        return None
    mark = error.context_mark
    return (
        (mark.line + 1, mark.column + 1),
        _("the bracket that opens here is not closed, or an item in it is not followed by a comma"),
        _("close it with ] or } on the same line, or write one item per line with - instead"),
    )


def _missing_space(lines: list[str], first: int, line: int) -> Explained | None:
    """``unit:mw``: without a space, YAML reads one word, not a field."""
    for number in range(max(first, 1), line + 1):
        text = lines[number - 1] if number <= len(lines) else ""
        match = _NO_SPACE.match(text)
        if match and not match["value"].startswith(":"):
            colon = len(match["indent"]) + len(match["dash"] or "") + len(match["key"])
            written = f"{match['key']}:{match['value'].split()[0]}"
            fixed = f"{match['key']}: {match['value'].rstrip()}"
            return (number, colon + 1), _("a space is missing after the colon in {written}").format(written=written), _("write {fixed}").format(fixed=fixed)
    return None


def _colon_in_text(lines: list[str], line: int, column: int, problem: str) -> Explained | None:
    """``vi: Ghi chú: …``: a colon and a space in unquoted text start a new field."""
    if "mapping values are not allowed" not in problem or line > len(lines):
        return None
    text = lines[line - 1]
    match = _KEY.match(text)
    if not match or len(text) - len(match["rest"]) >= column:
        return None
    value = match["rest"].strip()
    if value[:1] in ("'", '"'):
        return None
    start = len(text) - len(match["rest"].lstrip())
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (
        (line, start + 1),
        _("the text of {key} contains a colon and a space, which YAML reads as the start of another field").format(key=match["key"]),
        _("put the whole text in double quotes: {key}: {quoted}").format(key=match["key"], quoted=quoted),
    )


def _list_item_above(lines: list[str], line: int, indent: int) -> str | None:
    """The ``- `` item at ``indent`` above ``line`` in the same block
    (before a line indented less), if there is one."""
    for text in reversed(lines[: line - 1]):
        if not _content(text):
            continue
        if _indent(text) < indent:
            return None
        if _indent(text) == indent:
            return text if text.lstrip().startswith("- ") else None
    return None


def _missing_dash(lines: list[str], line: int, column: int, context: int, problem: str) -> Explained | None:
    """A new item of a list, written without its ``- ``: a line at the
    column of the items' dashes that is a plain value, or that starts with
    the same field as the item above (``id:`` after ``- id: …``)."""
    if not ("expected <block end>" in problem or "could not find expected ':'" in problem):
        return None
    candidates = [line, context] if "could not find expected ':'" in problem else [line]
    for number in candidates:
        if not 0 < number <= len(lines):
            continue
        text = lines[number - 1]
        if not _content(text) or text.lstrip().startswith("-"):
            continue
        indent = _indent(text)
        item = _list_item_above(lines, number, indent)
        if item is None:
            continue
        key, item_key = _KEY.match(text), _KEY.match(item)
        if key is None or (item_key is not None and item_key["key"] == key["key"]):
            return (number, indent + 1), _("this line starts a new item of the list above, without its dash"), _("write - {written}").format(written=text.strip())
    return None


def _indentation(lines: list[str], line: int, column: int, problem: str) -> Explained | None:
    """A line indented more or less than its neighbours."""
    if not ("expected <block end>" in problem or "mapping values are not allowed" in problem) or not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    before = next((other for other in reversed(lines[: line - 1]) if _content(other)), None)
    if before is None:
        return None
    indent, previous = _indent(text), _indent(before)
    if "mapping values are not allowed" in problem and previous > indent:
        return None
    if indent == previous and not before.rstrip().endswith(":"):
        return None
    return (
        (line, indent + 1),
        ngettext(
            "this line is indented by {indent} space, the line before it by {previous}",
            "this line is indented by {indent} spaces, the line before it by {previous}",
            indent,
        ).format(indent=indent, previous=previous),
        _("fields of the same thing start in the same column: line this one up with its neighbours"),
    )
