"""The article's Vietnamese text equals the source text, except for the
edits the data declares.

A section whose ``body.vi`` is a source's own words says so with
``body_source: <source id>``. Each change to those words is declared under
``edits:``, with the source's words (``source``), the site's (``text``), its
kind (a typo fixed, a stray quotation mark dropped, a print remnant removed)
and the editorial note that tells readers, in both languages. Every
paragraph, with the declared edits undone, must then stand word for word in
the source text; nothing is changed silently.

Spaces are compared loosely (a run of spaces, tabs, line breaks or
no-break spaces is one space): the source's line breaks are not words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .messages import _
from .problems import Problem
from .yamlfile import YamlDocument

CONTEXT = 24
"""How many characters of each text a message shows around a difference."""

_SPACES = re.compile(r"\s+")


def loose(text: str) -> str:
    """``text`` with every run of white space (no-break spaces too) as one space."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def undo(paragraph: str, edits: list[dict[str, str]]) -> str:
    """The paragraph with each declared edit's ``text`` put back to the
    source's words, longest first (so that a short text inside a longer one
    is not undone twice)."""
    for edit in sorted(edits, key=lambda edit: len(edit["text"]), reverse=True):
        paragraph = paragraph.replace(edit["text"], edit["source"])
    return paragraph


def first_difference(paragraph: str, source: str) -> tuple[str, str, str]:
    """Where ``paragraph`` stops following ``source``: the words both share
    just before, what the source has next, and what the paragraph has."""
    low, high = 0, len(paragraph)
    while low < high:  # the longest prefix of the paragraph found in the source
        middle = (low + high + 1) // 2
        if paragraph[:middle] in source:
            low = middle
        else:
            high = middle - 1
    shared = paragraph[:low]
    at = source.find(shared) + len(shared) if shared else -1
    source_next = source[at:] if at >= 0 else ""
    return _tail(shared), _head(source_next), _head(paragraph[low:])


def _tail(text: str) -> str:
    """The last words of ``text``, about :data:`CONTEXT` characters."""
    if len(text) <= CONTEXT:
        return text
    cut = text[-CONTEXT:]
    return cut[cut.find(" ") + 1 :] if " " in cut[:-1] else cut


def _head(text: str) -> str:
    """The first words of ``text``, about :data:`CONTEXT` characters."""
    if len(text) <= CONTEXT:
        return text
    cut = text[:CONTEXT]
    return cut[: cut.rfind(" ")] if " " in cut[1:] else cut


def edit_problems(document: YamlDocument, texts: Mapping[str, str], note_ids: set[str]) -> list[Problem]:
    """The differences between a section's ``body.vi`` and its source's
    text that no edit declares, and declared edits that do not fit.
    ``texts``: the source texts the repository holds, by source id."""
    data: Any = document.data
    edits: list[dict[str, str]] = data.get("edits", [])
    source_id = data.get("body_source")
    if source_id is None:
        if edits:
            return [
                document.problem(
                    ("edits",),
                    _("expected edits only with body_source, received edits of a body that names no source"),
                    _("add body_source: <the id of the source whose words the body gives>"),
                    at_key=True,
                )
            ]
        return []
    if source_id not in texts:
        known = ", ".join(sorted(texts)) or _("none")
        message = _("expected the id of a source whose text the repository holds, received {received}").format(received=repr(source_id))
        return [document.problem(("body_source",), message, _("sources with a text: {known}").format(known=known))]
    source = loose(texts[source_id])
    paragraphs: list[str] = data["body"]["vi"]
    problems: list[Problem] = []
    for index, edit in enumerate(edits):
        problems += _declared_edit_problems(document, ("edits", index), edit, source, paragraphs, note_ids)
    for index, paragraph in enumerate(paragraphs):
        problem = _paragraph_problem(document, index, loose(undo(paragraph, edits)), source)
        if problem is not None:
            problems.append(problem)
    return problems


def _declared_edit_problems(document: YamlDocument, key: tuple[str, int], edit: Mapping[str, str], source: str, paragraphs: list[str], note_ids: set[str]) -> list[Problem]:
    """What does not fit in one declared edit: it changes nothing, its
    source words are not the source's, its text is in no paragraph, or its
    note is not one of the section's."""
    if edit["source"] == edit["text"]:
        return [document.problem((*key, "text"), _("expected a change of the source's words, received the same words {received}").format(received=repr(edit["text"])), _("remove this edit"))]
    problems = []
    if loose(edit["source"]) not in source:
        problems.append(
            document.problem(
                (*key, "source"),
                _("expected words of the source text, received {received}, which it does not contain").format(received=repr(edit["source"])),
                _("copy the source's words exactly, with a few words around them"),
            )
        )
    if not any(edit["text"] in paragraph for paragraph in paragraphs):
        problems.append(document.problem((*key, "text"), _("expected words of a paragraph of body.vi, received {received}, which no paragraph contains").format(received=repr(edit["text"]))))
    if edit["note"] not in note_ids:
        problems.append(
            document.problem(
                (*key, "note"),
                _("expected the id of a note of this section, received {received}").format(received=repr(edit["note"])),
                _("every edit shows a note in both languages: add one under notes"),
            )
        )
    return problems


def _paragraph_problem(document: YamlDocument, index: int, restored: str, source: str) -> Problem | None:
    """Where paragraph ``index`` of body.vi, its declared edits undone
    (``restored``), leaves the source's words; None if it does not."""
    if restored in source:
        return None
    shared, source_next, paragraph_next = first_difference(restored, source)
    if not shared:
        message = _("expected the source's words, received a paragraph whose start “{start}” the source does not contain").format(start=paragraph_next)
        return document.problem(("body", "vi", index), message, _("copy the source's words, or declare the change under edits: with a note"))
    return document.problem(
        ("body", "vi", index),
        _("expected the source's words, received a paragraph that differs from them after “{shared}”: the source goes on “{source_next}”, the paragraph “{paragraph_next}”").format(
            shared=shared, source_next=source_next, paragraph_next=paragraph_next
        ),
        _("copy the source's words, or declare the change under edits: with a note"),
    )


def notes_of_edits(data: Any) -> set[str]:
    """The notes that declared edits show (so they count as used)."""
    return {edit["note"] for edit in data.get("edits", [])} if isinstance(data, dict) else set()
