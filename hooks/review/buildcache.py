"""What a build derives from the data, remembered between builds: the checked
project (:func:`review.project.load_project`) and each language's generated
pages (:func:`review.pages.render_pages`).

A build whose inputs have not changed takes them from here instead of
reading, checking and rendering the data again, which costs more than the
rest of its own work at 10× the data. The key is the SHA-256 of every input:
every file of ``data/`` (the section files, the schema, the source texts),
the names and bytes of the docs folder's Markdown files, the code and
templates of this package, and the versions of Python and of the libraries
that read, check, format and render. Change any and the project is loaded
and checked again, as before: a problem is reported as ever. What a build
made is stored once, when the build has succeeded (:meth:`Derived.save`):
nothing for a project with a problem, nor for a build that failed later.
The pages are kept with the charts' planned heights they were made with,
and made again if those differ.

Entries live in a :class:`~review.charts.cache.ChartCache` folder (checked
on reading, written atomically, pruned when unused for a day).
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .charts.cache import ChartCache
from .project import DATA_DIR, Project

CODE_DIR = Path(__file__).resolve().parent
"""This package: its code, templates and message catalogues."""
LIBRARIES = ("pyyaml", "jsonschema", "babel", "jinja2", "markupsafe", "markdown", "matplotlib")
"""What reads, checks, formats and renders (Markdown: the heading ids the
checks predict; Matplotlib: the planned heights)."""
FORMAT = b"review-derived 1\0"
"""Changes when what an entry holds changes."""


def inputs_key(root: Path, docs_dir: Path) -> str:
    """The SHA-256 of everything the checked project and its pages are made
    from (see the module's docstring)."""
    digest = hashlib.sha256(FORMAT)
    _files(digest, "code", CODE_DIR, (path for path in CODE_DIR.rglob("*") if "__pycache__" not in path.parts))
    data_dir = root / DATA_DIR
    _files(digest, "data", data_dir, data_dir.rglob("*"))
    if docs_dir.is_dir():
        _files(digest, "docs", docs_dir, docs_dir.rglob("*.md"))
    digest.update(f"python {sys.version}\0".encode())
    for library in LIBRARIES:
        digest.update(f"{library}=={_version(library)}\0".encode())
    return digest.hexdigest()


def _files(digest: hashlib._Hash, label: str, folder: Path, paths: Iterable[Path]) -> None:
    for path in sorted(path for path in paths if path.is_file()):
        content = path.read_bytes()
        digest.update(f"{label}/{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode() + content)


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


@dataclass
class Derived:
    """One build's derived data, remembered under its inputs' key."""

    store: ChartCache
    key: str
    project_bytes: bytes | None = None
    """The checked project, pickled as it was loaded."""
    pages: dict[str, tuple[dict[str, float], dict[str, str]]] = field(default_factory=dict)
    """Language → (the charts' planned heights, path → Markdown)."""
    changed: bool = False
    """Made in this build, not yet stored (:meth:`save`)."""

    def project(self, load: Callable[[], Project]) -> Project:
        """The remembered project, or ``load()`` (which raises on a problem:
        then nothing is remembered)."""
        if self.project_bytes is not None:
            project = pickle.loads(self.project_bytes)
            if isinstance(project, Project):
                return project
        project = load()
        self.project_bytes = pickle.dumps(project, protocol=pickle.HIGHEST_PROTOCOL)
        self.pages = {}
        self.changed = True
        return project

    def rendered(self, lang: str, heights: Mapping[str, float], render: Callable[[], dict[str, str]]) -> dict[str, str]:
        """The remembered pages of ``lang`` if made with these ``heights``,
        else ``render()``, remembered."""
        kept = self.pages.get(lang)
        if kept is not None and kept[0] == dict(heights):
            return dict(kept[1])
        made = render()
        self.pages[lang] = (dict(heights), dict(made))
        self.changed = True
        return made

    def save(self) -> None:
        """Store what this build made, once, when it has succeeded: a build
        that fails stores nothing."""
        if self.changed and self.project_bytes is not None:
            self.store.put(self.key, pickle.dumps({"project": self.project_bytes, "pages": self.pages}, protocol=pickle.HIGHEST_PROTOCOL))
        self.changed = False

    def prune(self) -> int:
        """Delete the entries of other inputs that no build has used for a day."""
        return self.store.prune({self.key})


def open_derived(folder: Path, root: Path, docs_dir: Path) -> Derived:
    """What is remembered in ``folder`` for the project at ``root`` as it is
    now (nothing, if its inputs have changed)."""
    store = ChartCache(folder)
    key = inputs_key(root, docs_dir)
    derived = Derived(store, key)
    content = store.get(key)
    if content is not None:
        try:
            entry = pickle.loads(content)
        except Exception:  # an entry of an older format: made again
            return derived
        if isinstance(entry, dict) and isinstance(entry.get("project"), bytes) and isinstance(entry.get("pages"), dict):
            derived.project_bytes = entry["project"]
            derived.pages = entry["pages"]
    return derived
