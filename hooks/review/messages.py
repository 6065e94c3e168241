"""Messages in the editor's language: gettext, with Babel's catalogs.

Every sentence an editor can meet (a data problem, a script's help, a
prompt, a summary) is written in English in the code, marked with
:func:`_` or :func:`ngettext`, and translated through the catalog
``locale/<lang>/LC_MESSAGES/messages.po``. Placeholders are named
(``{value}``) and filled with :meth:`str.format` after translation, so that
a translation may put them in its own order.

The core speaks English unless told otherwise: an entry point (a script,
the MkDocs hook) chooses the language with :func:`use_language`, usually
from :func:`language_from_environment`.

The catalog is compiled in memory with Babel when it is first needed
(``read_po`` then ``write_mo``), not committed as a ``.mo`` file: a compiled
file could go stale next to its ``.po``, and an editor's clone has no build
step that would refresh it. Compiling the catalog costs a few milliseconds,
once per process. Fuzzy entries are never used.

Update the catalog after changing messages with the two ``pybabel``
commands of the README ("Messages in the editor's language"), then translate
the new entries.
"""

from __future__ import annotations

import argparse
import gettext as _gettext
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
"""The language the messages are written in, in the code."""
LANGUAGES = ("vi", "en")
"""The languages an editor can read the messages in."""
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where the editor's locale is read from, first set first (gettext's order)."""

_current = SOURCE_LANGUAGE


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def language_from_environment(environ: Mapping[str, str]) -> str:
    """``vi`` when the editor's locale is Vietnamese (``vi_VN.UTF-8``,
    ``vi``…), ``en`` otherwise."""
    for name in ENVIRONMENT_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return "vi" if value.lower().startswith("vi") else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def use_language(lang: str) -> None:
    """Speak ``lang`` from now on (in this process)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"expected one of: {', '.join(LANGUAGES)}; received {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Speak ``lang`` inside a ``with`` block, then the language before."""
    before = _current
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English needs none)."""
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    with catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count``, in the current language."""
    return translations(_current).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog, to be translated later with :func:`_`."""
    return message


def translate_argparse() -> None:
    """Let :mod:`argparse` speak the current language too: its usage line,
    section titles and errors (``usage:``, ``options``, ``the following
    arguments are required``…) are in our catalog (see ``argparse_words``)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def choose_language(argv: Sequence[str] | None) -> None:
    """For a script: speak the language of ``--lang`` if given, else the
    editor's locale's; argparse's own words (usage, errors) included. Call
    it before building the parser, whose help texts are translated when
    they are made."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    # An unknown --lang is refused by the script's own parser, in the locale's language.
    use_language(known.lang if known.lang in LANGUAGES else language_from_environment(os.environ))
    translate_argparse()


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help=_("The language of the messages: vi or en (default: the language of your computer's locale)"))
