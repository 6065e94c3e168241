"""The one entry point: everything checked before a build, in order.

``data/*.yaml`` → :mod:`review.datafiles` (each file read with positions by
:mod:`review.yamlfile` and checked by :mod:`review.schema`) → the vocabulary
modelled (:mod:`review.building`) → :mod:`review.crosschecks` (the files
together; charts by :mod:`review.chartchecks`, relations by
:mod:`review.relations`) → the model (:mod:`review.building`); then the field
reference (:mod:`review.reference`) and the pairing of the hand-written pages
(:mod:`review.languages`).

The MkDocs hook, ``scripts/check_data.py`` and the scaffolding scripts all
call this, so they can never disagree about what is valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import languages
from .model import Site
from .opendata import DOWNLOADS, SCHEMA_INDEX
from .pages import REFERENCE, generated_paths
from .problems import DataError
from .reference import Reference, load_reference

if TYPE_CHECKING:
    from .datafiles import DataFiles
    from .yamlfile import YamlDocument

DATA_DIR = "data"
DOCS_DIR = "content"
CHECKED = Path(".cache", "checked")
"""Where the schema check remembers the data files it found valid (git-ignored)."""


@dataclass(frozen=True)
class Project:
    """Everything a build needs that is checked before it starts."""

    site: Site
    reference: Reference
    """The field reference, from ``data/schema/``."""
    handwritten: dict[str, dict[str, str]]
    """Per language, the hand-written pages: page path → file in the docs folder."""


def load_site(data_dir: Path, display_root: str = DATA_DIR, *, memo: Path | None = None) -> Site:
    """Read, check and model every file of ``data_dir``.

    ``display_root`` is how messages name the folder (``data/energy.yaml``);
    ``memo``, a folder where the schema check remembers valid files.
    Raises :class:`DataError` listing every problem found: first those of
    each file on its own, then, when there are none, those between files,
    then, when there are none, the ids a generated page would repeat
    (:mod:`review.anchors`).
    """
    return _load_site(data_dir, display_root, memo)[0]


def _load_site(data_dir: Path, display_root: str, memo: Path | None) -> tuple[Site, dict[str, YamlDocument]]:
    """The site, and its data files by the name :mod:`review.anchors` gives them."""
    # The stages are imported here, when the data is read: a build whose
    # data has not changed takes the checked project from review.buildcache
    # and need not import them (some 25 ms of CPU, on every build).
    from .anchors import anchor_problems
    from .building import build_site, build_vocabulary
    from .crosschecks import cross_problems
    from .datafiles import read_data
    from .faithfulness import faithfulness_problems
    from .prose import prose_problems
    from .sources import quote_problems, read_source_texts

    files = read_data(data_dir, display_root, memo=memo)
    vocabulary = build_vocabulary(files.vocabulary.data)
    sources, source_problems = read_source_texts(files.site, data_dir, display_root)
    problems = cross_problems(files, vocabulary) + source_problems
    problems += quote_problems(files.site, files.sections, sources)
    problems += prose_problems(files.site, files.sections)
    problems += faithfulness_problems(files, vocabulary, {ident: source.text for ident, source in sources.items()})
    if problems:
        raise DataError(problems)
    site = build_site(files, vocabulary)
    documents = _documents(files)
    problems = anchor_problems(site, documents, display_root)
    if problems:
        raise DataError(problems)
    return site, documents


def _documents(files: DataFiles) -> dict[str, YamlDocument]:
    return {"site": files.site, "vocabulary": files.vocabulary, **files.sections}


def generated_pages(site: Site) -> list[str]:
    """The docs-relative path of every page the build makes from the data,
    in any language: the review's pages and the publishing pages."""
    return [*generated_paths(site), DOWNLOADS, SCHEMA_INDEX]


def markdown_names(docs_dir: Path) -> list[str]:
    """The Markdown files of the docs folder, relative to it."""
    return sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))


def load_project(root: Path, *, docs_dir: Path | None = None) -> Project:
    """Check the project at ``root``: its ``data/`` and its hand-written pages
    (in ``docs_dir``, ``content/`` by default). Raises :class:`DataError`."""
    from .anchors import anchor_problems, reference_plan

    data_dir = root / DATA_DIR
    site, documents = _load_site(data_dir, DATA_DIR, root / CHECKED)
    reference = load_reference(data_dir / "schema")
    problems = anchor_problems(site, documents, DATA_DIR, lambda lang: {REFERENCE: reference_plan(site, reference, lang)})
    if problems:
        raise DataError(problems)
    docs = docs_dir if docs_dir is not None else root / DOCS_DIR
    names = markdown_names(docs) if docs.is_dir() else []
    handwritten, problems = languages.pair_handwritten(docs, names, generated_pages(site))
    if problems:
        raise DataError(problems)
    return Project(site, reference, handwritten)
