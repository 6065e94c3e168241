"""The icons Material for MkDocs ships, read from the installed package.

A section's card on the home page shows its icon as a shortcode
(``:material-leaf:``). An icon that Material does not ship is not an
error for MkDocs: the page shows the shortcode's text instead. So the
icon is checked here, against the SVG files of the installed theme
(``material/templates/.icons/<set>/<name>.svg``): nothing is vendored,
and the list always matches the theme that builds the site.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from functools import cache
from pathlib import Path

from .messages import _


def icons_dir() -> Path | None:
    """Where the installed Material theme keeps its icons, if it is installed."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


_NAME = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$")


def ships(name: str, folder: Path) -> bool:
    """Whether the icon ``name`` (``material/leaf``) is in ``folder``."""
    return bool(_NAME.match(name)) and (folder / f"{name}.svg").is_file()


@cache
def icon_set(folder: Path, name: str) -> tuple[str, ...]:
    """Every icon of the set ``name`` (``material``, ``fontawesome/solid``)."""
    return tuple(sorted(f"{name}/{path.stem}" for path in (folder / name).glob("*.svg")))


def close_icons(name: str, folder: Path, count: int = 3) -> list[str]:
    """The shipped icons whose names are closest to ``name``, in its own set
    (``material/lef`` → ``material/leaf``), else in the sets Material ships."""
    prefix = name.rsplit("/", 1)[0] if "/" in name else ""
    if prefix and _NAME.match(name) and (folder / prefix).is_dir():
        candidates: tuple[str, ...] = icon_set(folder, prefix)
    else:
        candidates = icon_set(folder, "material")
        name = "material/" + name.rsplit("/", 1)[-1]
    return difflib.get_close_matches(name, candidates, n=count, cutoff=0.6)


def icon_problem(name: str, folder: Path | None = None) -> tuple[str, str] | None:
    """``(message, hint)`` when Material does not ship ``name``; ``None``
    when it does, or when Material is not installed (nothing to check against)."""
    folder = folder if folder is not None else icons_dir()
    if folder is None or ships(name, folder):
        return None
    message = _("expected an icon that Material ships, received {name}").format(name=repr(name))
    close = close_icons(name, folder)
    if close:
        hint = _("did you mean {names}?").format(names=_(" or ").join(close))
    else:
        hint = _("see the icons at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/")
    return message, hint
