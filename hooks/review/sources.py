"""The sources the site quotes: their texts in the repository, and the checks
that tie each quote to its own source.

A source is declared in ``data/site.yaml`` under ``sources:``. One that the
repository holds (``text_file: sources/<name>.txt``, under ``data/``) has
its text read here, NFC-normalised, and every quote from it must be found in
that text word for word. Its print remnants (``remnants:``: a page number, a
photo caption, a footnote mark) are declared by line, and each must stand on
that line as written. A source without a text in the repository (a printed
report, a web page) needs a citation, which the schema already requires, and,
where it has a ``url``, the date it was read (``accessed``).

Pure: no MkDocs, no logging of its own; problems are returned.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem
from .yamlfile import Key, YamlDocument

MAX_SOURCE_BYTES = 2 * 1024 * 1024
MIN_SHARED_START = 5
"""A quote that shares fewer characters than this with the text, from its
start, gets no "the source has …" hint: such a short match says nothing."""
"""A source text larger than this is refused (a wrong file, most likely)."""


@dataclass(frozen=True)
class SourceText:
    """The text of one source, as the repository holds it."""

    source: str
    """The source's id."""
    file: str
    """How messages name the file: ``data/sources/can-tho-20-nam.vi.txt``."""
    text: str
    """The whole text, NFC."""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_source_texts(site: YamlDocument, data_dir: Path, display_root: str = "data") -> tuple[dict[str, SourceText], list[Problem]]:
    """The texts of the sources of ``site`` (a checked ``site.yaml``) that
    name a ``text_file``, by source id; and the problems found: a text file
    that is missing, unreadable or not UTF-8, a remnant that is not where it
    is declared, a ``url`` without ``accessed``."""
    texts: dict[str, SourceText] = {}
    problems: list[Problem] = []
    for index, source in enumerate(site.data.get("sources", [])):
        key: Key = ("sources", index)
        if "url" in source and "accessed" not in source:
            problems.append(
                site.problem(
                    (*key, "url"),
                    f"expected accessed (the date the address was read) with url, received url {source['url']!r} alone",
                    "add accessed: 2024-05-20, the day you read the page",
                    at_key=True,
                )
            )
        if "text_file" not in source:
            if "remnants" in source:
                problems.append(
                    site.problem((*key, "remnants"), "expected remnants only for a source with text_file, received remnants without a text", "add text_file, or remove remnants", at_key=True)
                )
            continue
        text, problem = _read_text(site, (*key, "text_file"), data_dir, source["text_file"], display_root)
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None
        source_text = SourceText(source["id"], f"{display_root}/{source['text_file']}", text)
        texts[source["id"]] = source_text
        problems.extend(remnant_problems(site, key, source.get("remnants", []), source_text))
    return texts, problems


def _read_text(site: YamlDocument, key: Key, data_dir: Path, relative: str, display_root: str) -> tuple[str | None, Problem | None]:
    path = data_dir / relative
    shown = f"{display_root}/{relative}"
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(data_dir.resolve())
    except OSError:
        inside = False
    if not inside:
        return None, site.problem(key, f"expected a file inside {display_root}/, received {relative!r}")
    if not path.is_file():
        return None, site.problem(key, f"expected the source's text at {shown}, received a path where there is no file", f"put the text at {shown}, or remove text_file")
    raw = path.read_bytes()
    if len(raw) > MAX_SOURCE_BYTES:
        return None, site.problem(key, f"expected a source text of at most {MAX_SOURCE_BYTES // 1024} KiB, received {len(raw) // 1024} KiB at {shown}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, site.problem(key, f"expected UTF-8 text in {shown}, received the byte 0x{raw[error.start]:02x} on its line {line}", "save the file as UTF-8")
    return nfc(text.replace("\r\n", "\n")), None


def remnant_problems(site: YamlDocument, key: Key, remnants: list[dict[str, Any]], source: SourceText) -> list[Problem]:
    """Each declared remnant stands on its line: the whole line for a page
    number or a photo caption, once inside it for a footnote mark."""
    problems: list[Problem] = []
    lines = source.lines
    for index, remnant in enumerate(remnants):
        rkey: Key = (*key, "remnants", index)
        number, written = remnant["line"], nfc(remnant["text"])
        if number > len(lines):
            problems.append(site.problem((*rkey, "line"), f"expected a line of {source.file} (1 to {len(lines)}), received {number}"))
            continue
        line = lines[number - 1]
        if remnant["kind"] == "footnote-mark":
            found = line.count(written)
            if found != 1:
                problems.append(site.problem((*rkey, "text"), f"expected {written!r} once on line {number} of {source.file}, received a line where it stands {found} times"))
        elif line.strip() != written.strip():
            problems.append(site.problem((*rkey, "text"), f"expected the text of line {number} of {source.file}, {line.strip()!r}, received {written.strip()!r}", "copy the line exactly, or fix line"))
    return problems


def quote_problem(document: YamlDocument, key: Key, quote: str, source_id: str, texts: dict[str, SourceText]) -> Problem | None:
    """A problem if ``quote`` (at ``key`` of ``document``) is not found word
    for word in the text of source ``source_id``; None when it is, or when the
    repository has no text of that source."""
    source = texts.get(source_id)
    if source is None or nfc(quote) in source.text:
        return None
    return document.problem(key, f"expected the exact words of source {source_id!r} ({source.file}), received a quote that is not in it: {_short(quote)!r}", _closest(quote, source.text))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _closest(quote: str, text: str) -> str:
    """Where the quote stops matching: the longest start of it that the text
    has, so the editor sees which word differs."""
    quote = nfc(quote)
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low < MIN_SHARED_START:
        return "copy the words from the source text"
    return f"the source has {_short(quote[:low], 40)!r} but not what follows, {_short(quote[low:], 20)!r}: copy the words exactly, spaces and punctuation included"


def source_problems(site: YamlDocument, sections: dict[str, YamlDocument], data_dir: Path, display_root: str = "data") -> list[Problem]:
    """The sources' texts and remnants (:func:`read_source_texts`), and every
    quote checked against the text of its own source: a value's ``source``
    (the first source by default); list items, milestones, photo captions
    and the sources' own quotes come from the first source, the article."""
    texts, problems = read_source_texts(site, data_dir, display_root)
    sources = site.data.get("sources", [])
    if not texts or not sources:
        return problems
    default = sources[0]["id"]

    def check(document: YamlDocument, key: Key, quote: Any, source_id: str) -> None:
        if isinstance(quote, str):
            problem = quote_problem(document, key, quote, source_id, texts)
            if problem is not None:
                problems.append(problem)

    for index, source in enumerate(sources):
        check(site, ("sources", index, "quote"), source.get("quote"), default)
    for index, caption in enumerate(site.data.get("about", {}).get("captions", [])):
        check(site, ("about", "captions", index, "quote"), caption.get("quote"), default)
    for document in sections.values():
        data = document.data
        for f_index, figure in enumerate(data.get("figures", [])):
            for v_index, value in enumerate(figure["values"]):
                check(document, ("figures", f_index, "values", v_index, "quote"), value.get("quote"), value.get("source", default))
        for l_index, item_list in enumerate(data.get("lists", [])):
            for i_index, item in enumerate(item_list["items"]):
                check(document, ("lists", l_index, "items", i_index, "quote"), item.get("quote"), default)
        for m_index, milestone in enumerate(data.get("milestones", [])):
            check(document, ("milestones", m_index, "quote"), milestone.get("quote"), default)
    return problems
