"""The data folder's files, each read with positions and checked on its own.

Which files there are: ``site.yaml``, ``vocabulary.yaml`` and one file per
section that ``site.yaml`` lists, each read by :mod:`review.yamlfile` and
checked by :mod:`review.schema`. A section file that is not listed, or a
``.yml`` file, is a problem too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import DataError, Problem
from .schema import file_problems
from .yamlfile import YamlDocument, read_yaml

SITE_FILE = "site.yaml"
VOCABULARY_FILE = "vocabulary.yaml"


@dataclass(frozen=True)
class DataFiles:
    """Every data file, each valid against its schema."""

    site: YamlDocument
    vocabulary: YamlDocument
    sections: dict[str, YamlDocument]
    """By section id, in the order ``site.yaml`` lists them."""


def read_data(data_dir: Path, display_root: str = "data", *, memo: Path | None = None) -> DataFiles:
    """Read and check each file of ``data_dir`` on its own. Raises
    :class:`DataError` listing every problem found. ``memo``: a folder where
    the schema check remembers the files it found valid."""
    reader = _Reader(data_dir, display_root.rstrip("/"), memo)
    files = reader.read_all()
    if reader.problems or files is None:
        raise DataError(reader.problems)
    return files


class _Reader:
    def __init__(self, data_dir: Path, display_root: str, memo: Path | None) -> None:
        self.data_dir = data_dir
        self.display_root = display_root
        self.memo = memo
        self.problems: list[Problem] = []

    def display(self, name: str) -> str:
        return f"{self.display_root}/{name}"

    def read(self, name: str, kind: str) -> YamlDocument | None:
        """One file, or None if it cannot be modelled."""
        path = self.data_dir / name
        if not path.is_file():
            self.problems.append(Problem(self.display(name), 0, 0, "", "expected this file, received nothing: it does not exist"))
            return None
        try:
            document = read_yaml(path, self.display(name))
            found, others = file_problems(document, path.read_bytes(), kind, self.data_dir / "schema", self.display_root, memo=self.memo)
        except DataError as error:
            self.problems.extend(error.problems)
            return None
        self.problems.extend(found)
        self.problems.extend(others)
        return None if found else document

    def read_all(self) -> DataFiles | None:
        site = self.read(SITE_FILE, "site")
        vocabulary = self.read(VOCABULARY_FILE, "vocabulary")
        listed: list[str] = list(site.data["sections"]) if site else []
        sections: dict[str, YamlDocument] = {}
        for name in listed:
            document = self.read(f"{name}.yaml", "section")
            if document:
                sections[name] = document
        self.check_names(site, listed)
        if site is None or vocabulary is None:
            return None
        return DataFiles(site, vocabulary, sections)

    def check_names(self, site: YamlDocument | None, listed: list[str]) -> None:
        """No ``.yml`` file, and every section file listed in site.yaml."""
        # Hidden files are editors' own (Emacs's .#energy.yaml lock, for one).
        present = sorted(p.stem for p in self.data_dir.glob("*.yaml") if p.name not in (SITE_FILE, VOCABULARY_FILE) and not p.name.startswith("."))
        for stray in sorted(p for p in self.data_dir.glob("*.yml") if not p.name.startswith(".")):
            self.problems.append(Problem(self.display(stray.name), 0, 0, "", "expected the extension .yaml, received .yml", "rename the file"))
        if site is None:
            return
        for name in present:
            if name not in listed:
                line, column = site.where(("sections",), at_key=True)
                self.problems.append(
                    Problem(self.display(SITE_FILE), line, column, "sections", f"the section file {self.display(name + '.yaml')} is not listed", f"add {name} to sections, or remove the file")
                )
