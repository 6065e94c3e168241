"""How the two languages share one site: URLs, alternates and the pairing of
hand-written pages. Pure functions, independent of the site engine.

The default language lives at the site root and every other language under
``/<lang>/``. Each page exists in every language under the same path, so the
page in another language is found by swapping the prefix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import DEFAULT_LANGUAGE, LANGUAGES
from .problems import Problem

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
"""Each language in its own words, for the language switcher."""

_HANDWRITTEN = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


def prefix(lang: str) -> str:
    """Where a language lives, relative to the site root: ``''`` or ``'en/'``."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    href: str
    """Relative to the current page."""
    absolute: str | None
    """With the site's URL, where it is known."""
    current: bool


def alternates(page_url: str, lang: str, site_url: str | None) -> list[Alternate]:
    """The same page in every language.

    ``page_url`` is relative to the current language's root (``''`` for its
    home, ``'energy/'``); ``site_url`` is the current language's site URL
    (``https://example.org/en/``), if known.
    """
    here = prefix(lang) + page_url
    depth = here.count("/")
    root = site_url
    if root:
        root = root if root.endswith("/") else root + "/"
        root = root.removesuffix(prefix(lang)) if prefix(lang) else root
    out = []
    for other in LANGUAGES:
        target = prefix(other) + page_url
        href = "../" * depth + target or "./"
        absolute = root + target if root else None
        out.append(Alternate(other, LANGUAGE_NAMES[other], href, absolute, other == lang))
    return out


def pair_handwritten(docs_dir: Path, names: Sequence[str], reserved: Sequence[str] = ()) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Pair hand-written pages ``<stem>.<lang>.md`` by stem.

    ``names`` are docs-relative paths of Markdown files; ``reserved`` are the
    paths of generated pages, which no hand-written page may take. Returns,
    per language, ``{'<stem>.md': '<stem>.<lang>.md'}`` and the problems: a
    page present in only some languages, an unknown language, a page without
    a language suffix, or one that would replace a generated page.
    """
    by_stem: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    shown = docs_dir.name
    for name in sorted(names):
        match = _HANDWRITTEN.match(name)
        if not match:
            problems.append(
                Problem(
                    f"{shown}/{name}", 0, 0, "", "expected a page named <name>.vi.md or <name>.en.md, received no language", f"rename it to {name.removesuffix('.md')}.vi.md and add its English twin"
                )
            )
            continue
        if match["lang"] not in LANGUAGES:
            problems.append(Problem(f"{shown}/{name}", 0, 0, "", f"expected the language vi or en, received {match['lang']!r}"))
            continue
        by_stem.setdefault(match["stem"] + ".md", {})[match["lang"]] = name
    per_language: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for target, versions in sorted(by_stem.items()):
        missing = [lang for lang in LANGUAGES if lang not in versions]
        if missing:
            present = next(iter(versions.values()))
            wanted = ", ".join(target.removesuffix(".md") + f".{lang}.md" for lang in missing)
            problems.append(Problem(f"{shown}/{present}", 0, 0, "", f"expected the page in every language, missing {wanted}"))
            continue
        if target in reserved:
            for name in versions.values():
                problems.append(Problem(f"{shown}/{name}", 0, 0, "", f"expected a page of its own, received one that would replace the generated page {target}", "rename it"))
            continue
        for lang, name in versions.items():
            per_language[lang][target] = name
    return per_language, problems
