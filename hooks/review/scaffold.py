"""New figures and new sections, from templates, added safely.

The editors' scripts (``scripts/new_figure.py``, ``scripts/new_section.py``)
only parse arguments and print; the work is here:

* the new YAML comes from a template in ``templates/new/``, and every value
  passes through a YAML filter (text is always double-quoted);
* it is added as text, so the file keeps its comments, blank lines and
  quoting (nothing is re-dumped);
* the result is validated like a build would, on a copy of ``data/``, before
  anything is written; a problem leaves every file as it was;
* a file is written whole (a temporary file, then a rename), and an existing
  section file is never overwritten.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .building import DEFAULT_ICON
from .datafiles import SITE_FILE
from .problems import DataError
from .project import DATA_DIR, DOCS_DIR, load_project
from .yamlfile import YAML11_BOOLEANS

TEMPLATES = Path(__file__).parent / "templates" / "new"

_PLAIN = re.compile(r"^(?:[a-z0-9]+(?:[-/][a-z0-9]+)*|[0-9]+(?:\.[0-9]+)?)$")
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*):\s*(?:#.*)?$")
_ITEM = re.compile(r"^(?P<indent>\s*)- ")


def yaml_text(value: Any) -> str:
    """Text as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(nfc(str(value)), ensure_ascii=False)


def yaml_plain(value: Any) -> str:
    """An id, an icon name or a number as a plain scalar; anything else is
    quoted, so that it cannot change the document's structure (the
    validation then says what is wrong with it)."""
    text = nfc(str(value))
    word = text in YAML11_BOOLEANS or text.lower() in ("true", "false", "null")
    return text if _PLAIN.match(text) and not word else yaml_text(text)


def yaml_comment(value: Any) -> str:
    return " ".join(nfc(str(value)).split())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # YAML, not HTML: every value goes through a filter below
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(yaml_text=yaml_text, yaml_plain=yaml_plain, yaml_comment=yaml_comment)
    return env


class ScaffoldError(Exception):
    """The addition cannot be made; ``str()`` says why, one line per problem."""


@dataclass(frozen=True)
class NewFigure:
    section: str
    id: str
    unit: str
    label_vi: str
    label_en: str
    value: str
    """As the editor typed it; written into YAML as a number if it is one."""
    quote: str
    period: str | None = None
    as_of: str | None = None
    qualifier: str | None = None
    source: str | None = None
    """The id of a source of data/site.yaml; none: the first (the article)."""


@dataclass(frozen=True)
class NewSection:
    id: str
    title_vi: str
    title_en: str
    summary_vi: str
    summary_en: str
    body_vi: tuple[str, ...]
    body_en: tuple[str, ...]
    icon: str = DEFAULT_ICON


def figure_yaml(figure: NewFigure) -> str:
    if (figure.period is None) == (figure.as_of is None):
        raise ScaffoldError("give either a period (for a flow, such as 2023) or an as-of date (for a stock, such as 2023-10), not both")
    time_field, time = ("period", figure.period) if figure.period is not None else ("as_of", figure.as_of)
    template = environment().get_template("figure.yaml.j2")
    return template.render(
        id=figure.id,
        label_vi=figure.label_vi,
        label_en=figure.label_en,
        unit=figure.unit,
        value=figure.value.strip(),
        time_field=time_field,
        time=time,
        qualifier=figure.qualifier,
        source=figure.source,
        quote=figure.quote,
    )


def section_yaml(section: NewSection) -> str:
    template = environment().get_template("section.yaml.j2")
    return template.render(
        id=section.id,
        title_vi=section.title_vi,
        title_en=section.title_en,
        summary_vi=section.summary_vi,
        summary_en=section.summary_en,
        icon=section.icon,
        body_vi=section.body_vi,
        body_en=section.body_en,
    )


def append_to_list(text: str, key: str, block: str, *, blank_line: bool = True) -> str:
    """Add ``block`` (YAML list items, indented by two spaces) at the end of
    the top-level list ``key`` of a YAML document, as text.

    Comments and blank lines stay where they are. The block is re-indented
    to the list's own indentation. Without the key, the list is added at the
    end of the document.
    """
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = next((i for i, line in enumerate(lines) if (m := _TOP_KEY.match(line)) and m["key"] == key), None)
    if start is None:
        if any(line.startswith(f"{key}:") for line in lines):
            raise ScaffoldError(f"{key} is written on one line ({key}: […]): write it as a list, one item per line, then try again")
        tail = "" if not lines or lines[-1].strip() == "" else "\n"
        return "".join(lines) + f"{tail}{key}:\n{block}"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() and not lines[i][0].isspace() and lines[i][0] not in "#-"), len(lines))
    # The list's last line with content: comments and blank lines after it
    # belong to what follows.
    last = max((i for i in range(start + 1, end) if lines[i].strip() and not lines[i].lstrip().startswith("#")), default=start)
    indent = next((m["indent"] for i in range(start + 1, end) if (m := _ITEM.match(lines[i]))), "  ")
    block = _reindent(block, indent)
    separator = "\n" if blank_line and last > start else ""
    return "".join(lines[: last + 1]) + separator + block + "".join(lines[last + 1 :])


def _reindent(block: str, indent: str) -> str:
    """Blocks are written with list items at two spaces; shift them to ``indent``."""
    shift = len(indent) - 2
    out = []
    for line in block.splitlines(keepends=True):
        if shift > 0:
            line = " " * shift + line if line.strip() else line
        elif shift < 0:
            line = line[-shift:] if line[:-shift].strip() == "" else line
        out.append(line)
    return "".join(out)


def add_figure(data_dir: Path, figure: NewFigure, display_root: str = "data") -> Path:
    """Append ``figure`` to the figures of its section's file; return the file."""
    path = data_dir / f"{figure.section}.yaml"
    _require_section(data_dir, figure.section, display_root)
    text = path.read_text(encoding="utf-8")
    changed = append_to_list(text, "figures", figure_yaml(figure))
    _validate(data_dir, {path.name: changed})
    _replace(path, changed)
    return path


def add_section(data_dir: Path, section: NewSection, display_root: str = "data") -> Path:
    """Write a new section file and list it last in site.yaml; return the file."""
    path = data_dir / f"{section.id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{display_root}/{path.name} already exists: choose another id (nothing was changed)")
    site_path = data_dir / SITE_FILE
    site_text = append_to_list(site_path.read_text(encoding="utf-8"), "sections", f"  - {yaml_plain(section.id)}\n", blank_line=False)
    content = section_yaml(section)
    _validate(data_dir, {path.name: content, SITE_FILE: site_text})
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(content)
    try:
        _replace(site_path, site_text)
    except OSError:
        path.unlink()
        raise
    return path


def _require_section(data_dir: Path, section: str, display_root: str) -> None:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", section) or section in ("site", "vocabulary"):
        raise ScaffoldError(f"expected the id of a section, such as energy, received {section!r}")
    if not (data_dir / f"{section}.yaml").is_file():
        known = sorted(p.stem for p in data_dir.glob("*.yaml") if p.stem not in ("site", "vocabulary") and not p.name.startswith("."))
        raise ScaffoldError(f"{display_root}/{section}.yaml does not exist: the sections are {', '.join(known)}")


def _validate(data_dir: Path, changes: dict[str, str]) -> None:
    """Check the project as it would be with ``changes`` to ``data/``: the
    same checks as a build, the hand-written pages of the project included
    (a new section may not take the address of one)."""
    with tempfile.TemporaryDirectory(prefix="review-check-") as temp:
        copy = Path(temp) / DATA_DIR
        shutil.copytree(data_dir, copy)
        for name, content in changes.items():
            (copy / name).write_text(content, encoding="utf-8", newline="\n")
        try:
            load_project(Path(temp), docs_dir=data_dir.parent / DOCS_DIR)
        except DataError as error:
            raise ScaffoldError(error.summary() + "\nNothing was changed.") from None


def _replace(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` whole: never a half-written file."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        shutil.copymode(path, temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
