#!/usr/bin/env python3
"""Make a bigger copy of the project, for the benchmark: every section
repeated ``factor`` times, with its figures, charts, relations and notes,
in both languages.

    .venv/bin/python scripts/synthetic_data.py 10 ../review-x10

Copy ``k`` of a section is the section ``<id>-x<k>``; every figure and
chart id in it gets the same suffix, and so does every reference to them
(key figures, charts, relations, ``{figure-id}`` in text), so the copies
are as valid as the original and draw as many charts. The quotes stay as
they are: they are still the source's words.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "hooks", "content", "data")
_PLACEHOLDER = re.compile(r"\{([a-z0-9]+(?:-[a-z0-9]+)*)(@[^}]*)?\}")


def copy_project(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source / name, target / name)


def _renamed(value: Any, ids: set[str], suffix: str, key: str = "") -> Any:
    """``value`` with every figure or chart id in ``ids`` suffixed."""
    if isinstance(value, dict):
        return {(name + suffix if key == "labels" and name in ids else name): _renamed(item, ids, suffix, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, ids, suffix, key) for item in value]
    if not isinstance(value, str):
        return value
    ident, at, period = value.partition("@")
    if ident in ids and key in ("id", "figures", "key_figures", "whole", "result", "operands"):
        return ident + suffix + at + period
    return _PLACEHOLDER.sub(lambda m: "{" + (m.group(1) + suffix if m.group(1) in ids else m.group(1)) + (m.group(2) or "") + "}", value)


def scale(project: Path, factor: int) -> int:
    """Repeat every section of ``project`` ``factor`` times; return the number of sections."""
    data = project / "data"
    site_path = data / "site.yaml"
    site = yaml.safe_load(site_path.read_text(encoding="utf-8"))
    originals = list(site["sections"])
    sections = {name: yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8")) for name in originals}
    ids = {item["id"] for section in sections.values() for field in ("figures", "charts") for item in section.get(field, [])}
    listed = list(originals)
    for copy in range(2, factor + 1):
        suffix = f"-x{copy}"
        for name, section in sections.items():
            renamed = _renamed(section, ids, suffix)
            for lang in ("vi", "en"):
                renamed["title"][lang] = f"{section['title'][lang]} ({copy})"
            (data / f"{name}{suffix}.yaml").write_text(yaml.safe_dump(renamed, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
            listed.append(name + suffix)
    text = site_path.read_text(encoding="utf-8")
    block = "sections:\n" + "".join(f"  - {name}\n" for name in listed)
    text = re.sub(r"(?m)^sections:\n(?:  - .*\n)+", lambda _: block, text, count=1)
    site_path.write_text(text, encoding="utf-8")
    return len(listed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make a copy of the project with every section repeated.")
    parser.add_argument("factor", type=int, help="how many times each section appears (1: an exact copy)")
    parser.add_argument("target", type=Path, help="a new folder for the copy")
    parser.add_argument("--source", type=Path, default=ROOT, help="the project to copy (default: this repository)")
    args = parser.parse_args(argv)
    if args.factor < 1:
        parser.error("the factor must be at least 1")
    if args.target.exists():
        parser.error(f"{args.target} exists: give a new folder")
    copy_project(args.source, args.target)
    count = scale(args.target, args.factor)
    print(f"{args.target}: {count} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
