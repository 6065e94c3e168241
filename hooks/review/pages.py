"""Render the site's generated pages as Markdown, one set per language.

Templates live in ``templates/``. The environment uses ``StrictUndefined``,
so a missing label or translation fails the build, and it escapes every value
that reaches the output twice over: HTML special characters become entities
and Markdown's inline syntax is backslash-escaped. Text from YAML therefore
shows exactly as written and can neither inject markup nor change layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import formatting
from .charts.views import chart_views
from .model import LANGUAGES, Figure, Paragraphs, Period, Section, Site, Text, Unit, Value

TEMPLATES = Path(__file__).parent / "templates"

HOME = "index.md"
ABOUT = "about.md"

_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\s*)(#|[-+](?=\s))", re.MULTILINE)
_ORDERED_LIST = re.compile(r"^(\s*[0-9]+)([.)])(?=\s)", re.MULTILINE)


def escape_markdown(value: Any) -> Markup:
    """HTML-escape, then neutralise Markdown's inline and block syntax."""
    if isinstance(value, Markup):
        return value
    html = str(escape(value))
    text = _MARKDOWN_INLINE.sub(r"\\\1", html)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _ORDERED_LIST.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return Markup(text)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=escape_markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def section_path(section: Section) -> str:
    """The Markdown path of a section's page, relative to the docs root."""
    return f"{section.id}.md"


def icon_shortcode(icon: str) -> Markup:
    """``material/lightning-bolt`` → ``:material-lightning-bolt:``."""
    return Markup(":" + icon.replace("/", "-") + ":")


@dataclass(frozen=True)
class Language:
    """What templates call to put data into words in one language."""

    lang: str
    site: Site

    def t(self, value: Text) -> str:
        return value[self.lang]

    def paragraphs(self, value: Paragraphs) -> tuple[str, ...]:
        return value[self.lang]

    def label(self, key: str) -> str:
        return self.site.vocabulary.labels[key][self.lang]

    def status(self, key: str) -> str:
        return self.site.vocabulary.statuses[key][self.lang]

    def value(self, value: Value, unit: Unit) -> str:
        return formatting.format_value(value, unit, self.site.vocabulary, self.lang)

    def time(self, value: Value) -> str:
        return formatting.format_time(value, self.site.vocabulary, self.lang)

    def date(self, period: Period) -> str:
        return formatting.format_date(period, self.lang)

    def figure(self, figure_id: str) -> Figure:
        return self.site.figures[figure_id]

    def abbreviations(self) -> list[tuple[str, str]]:
        return [(name, text[self.lang]) for name, text in sorted(self.site.vocabulary.abbreviations.items())]


def _render(template: str, lang: str, site: Site, **context: Any) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    env = environment()
    return env.get_template(template).render(L=Language(lang, site), site=site, icon=icon_shortcode, section_path=section_path, **context)


def render_section(site: Site, section: Section, lang: str) -> str:
    return _render("section.md.j2", lang, site, section=section, note_numbers=section.note_numbers(), charts=chart_views(site, section, lang))


def render_home(site: Site, lang: str) -> str:
    key_figures = [(section, site.figures[ident]) for section in site.sections for ident in section.key_figures]
    return _render("home.md.j2", lang, site, key_figures=key_figures)


def render_about(site: Site, lang: str) -> str:
    return _render("about.md.j2", lang, site)


def render_pages(site: Site, lang: str) -> dict[str, str]:
    """Every generated page of one language: docs-relative path → Markdown."""
    pages = {HOME: render_home(site, lang)}
    for section in site.sections:
        pages[section_path(section)] = render_section(site, section, lang)
    pages[ABOUT] = render_about(site, lang)
    return pages


def navigation(site: Site, lang: str, extra_pages: list[str]) -> list[dict[str, str] | str]:
    """The navigation of one language, in reading order. ``extra_pages`` are
    hand-written pages, titled by their own first heading."""
    labels = site.vocabulary.labels
    nav: list[dict[str, str] | str] = [{labels["home"][lang]: HOME}]
    nav += [{section.title[lang]: section_path(section)} for section in site.sections]
    nav.append({site.about_title[lang]: ABOUT})
    nav += extra_pages
    return nav


def copyright(site: Site, lang: str) -> str:
    """The footer line: the default source, cited in ``lang``. Escaped here,
    because the theme writes ``copyright`` into HTML as it is."""
    source = next(iter(site.sources.values()))
    return str(escape(site.vocabulary.labels["copyright"][lang].replace("{source}", source.citation[lang])))


def palette_toggle_name(site: Site, lang: str, scheme: str) -> str:
    """The label of the colour-scheme toggle shown while ``scheme`` is on."""
    key = "dark_mode" if scheme == "default" else "light_mode"
    return site.vocabulary.labels[key][lang]
