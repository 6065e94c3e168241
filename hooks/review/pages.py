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
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import chart_pages, formatting, headlines, prose, relations
from .charts.views import Heights, chart_views
from .model import LANGUAGES, Figure, Paragraphs, Period, Relation, Section, Site, Source, Text, Unit, Value
from .reference import Reference

TEMPLATES = Path(__file__).parent / "templates"

HOME = "index.md"
ABOUT = "about.md"
REFERENCE = "reference.md"
"""The field reference, generated from the schema; the hook puts it in the
navigation after the hand-written pages (the editors' guide among them)."""

_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]|#])")
_BLOCK_START = re.compile(r"^([-+](?=\s)|!!!|-{3,})")
_ORDERED_ITEM = re.compile(r"^([0-9]+)([.)])(?=\s)")
_DETAILS = re.compile(r"^\?\?\?")
_EMOJI = re.compile(r":(?=[+\-\w]+:)")
_LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")


def escape_markdown(value: Any) -> Markup:
    """Neutralise Markdown's inline and block syntax, and escape HTML.

    A value becomes one line (a line break inside a paragraph reads as a
    space anyway), so it cannot break a table row or a list item, nor start
    a block of its own (a heading, an admonition, code), and a '#' cannot
    close a heading (``# 0#`` would read as ``0``). ``:name:`` would
    become an emoji: its first colon is written as an entity.
    """
    if isinstance(value, Markup):
        return value
    text = _LINE_BREAKS.sub(" ", str(value)).strip()
    # Markdown first, then HTML: the entities that escape() writes (&#34;)
    # contain a '#' that must stay as it is.
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    text = str(escape(text))
    text = _BLOCK_START.sub(lambda m: "\\" + m.group(1), text)
    text = _ORDERED_ITEM.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    text = _DETAILS.sub("&#63;??", text)
    text = _EMOJI.sub("&#58;", text)
    return Markup(text)


# What Markdown reads before it sets raw HTML aside (Python-Markdown runs the
# code-span, backslash-escape and link patterns before the HTML one): in a tag's
# attribute, "[a](b)" would still become a link and `a` a code span. '|' would
# split a table row, ':' start an emoji. '&' and '#' are left to escape(), whose
# entities they write; '<' and '>' are gone after it.
_ATTRIBUTE_MARKDOWN = re.compile(r"[\\`*_{}\[\]()|:!~=^+]")


def escape_attribute(value: Any) -> Markup:
    """Escape text for an HTML attribute inside a Markdown line (a tooltip):
    one line, HTML-escaped, and every character Markdown could read as syntax
    written as a numeric entity, which the browser reads back as the
    character. Markdown's backslash escapes would show as they are in an
    attribute, so :func:`escape_markdown` does not fit here."""
    text = _LINE_BREAKS.sub(" ", str(value)).strip()
    return Markup(_ATTRIBUTE_MARKDOWN.sub(lambda m: f"&#{ord(m.group())};", str(escape(text))))


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
    env.filters["attr"] = escape_attribute
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

    def prose(self, value: Text) -> str:
        """The site's own sentence, with each ``{figure-id}`` written from
        the data (review.prose)."""
        return prose.fill(value[self.lang], self.site.figures, self.site.vocabulary, self.lang)

    def prose_paragraphs(self, value: Paragraphs) -> tuple[str, ...]:
        return tuple(prose.fill(p, self.site.figures, self.site.vocabulary, self.lang) for p in value[self.lang])

    def article(self) -> Source:
        """The default source: the article whose words the sections quote."""
        return self.site.default_source

    def source(self, source_id: str) -> Source:
        return self.site.sources[source_id]

    def newer(self, figure: Figure) -> tuple[Value, Value] | None:
        """(what the article said, the latest value) when the latest value of
        ``figure`` comes from another source than the article."""
        default = self.site.default_source.id
        latest = figure.latest
        if latest.source == default:
            return None
        said = [v for v in figure.values if v.source == default]
        return (said[-1], latest) if said else None

    def newer_figures(self, section: Section) -> list[tuple[Figure, Value, Value]]:
        """The figures of ``section`` whose latest value is newer than the
        article's: (figure, what the article said, the latest value)."""
        out = []
        for figure in section.figures:
            pair = self.newer(figure)
            if pair is not None:
                out.append((figure, *pair))
        return out

    def source_date(self, source: Source) -> str:
        return self.source_date_of(source.date)

    def source_date_of(self, period: Period | None) -> str:
        return formatting.format_date(period, self.lang) if period else ""

    def cite_url(self, source: Source) -> str:
        """Where a quotation comes from: the source's address, or its entry
        on the About page (relative to a section page)."""
        return source.url or f"../{ABOUT.removesuffix('.md')}/#source-{source.id}"

    def paragraphs(self, value: Paragraphs) -> tuple[str, ...]:
        return value[self.lang]

    def label(self, key: str) -> str:
        return self.site.vocabulary.labels[key][self.lang]

    def type_name(self, name: str) -> str:
        """A shared type of the schema, named in this language
        (``type_name_<name>`` in the labels), or by its own name."""
        label = self.site.vocabulary.labels.get(f"type_name_{name}")
        return label[self.lang] if label else name

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

    def relation_result(self, relation: Relation) -> str:
        """The figure a relation computes: its label, and its period if the
        relation names one."""
        figure = self.figure(relation.result_id)
        label = figure.label[self.lang]
        if relation.result_period is None:
            return label
        for value in figure.values:
            if value.time.raw == relation.result_period:
                return f"{label} ({self.time(value)})"
        return label

    def stated(self, relation: Relation) -> str:
        """The result as the source states it: ``20,52%``."""
        unit = self.figure(relation.result_id).unit
        return formatting.format_quantity(relation.stated, unit, self.lang)

    def computed(self, relation: Relation) -> str:
        """The result computed from the source's own figures: ``≈ 25,78%``."""
        unit = self.figure(relation.result_id).unit
        return formatting.format_computed(relation.computed, unit, self.lang, decimals=_computed_decimals(relation))

    def equation(self, relation: Relation) -> str:
        """``(222 / 176,5 − 1) × 100 ≈ 25,78%``, ``266 + 1.096 = 1.362``."""
        computed = self.computed(relation)
        if computed.startswith(formatting.APPROXIMATELY):
            return f"{self.formula(relation)} {computed}"
        return f"{self.formula(relation)} = {computed}"

    def formula(self, relation: Relation) -> str:
        """The arithmetic with the source's numbers: ``(222 / 176,5 − 1) × 100``."""
        return relations.formula(relation.kind, [formatting.format_number(v, self.lang) for v in relation.operand_values])

    def abbreviations(self) -> list[tuple[str, str]]:
        return [(name, text[self.lang]) for name, text in sorted(self.site.vocabulary.abbreviations.items())]


def _render(template: str, lang: str, site: Site, **context: Any) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    env = environment()
    return env.get_template(template).render(L=Language(lang, site), site=site, icon=icon_shortcode, section_path=section_path, **context)


def render_section(site: Site, section: Section, lang: str, disputed: dict[tuple[str, int], Relation] | None = None, heights: Heights | None = None) -> str:
    """A section's page; ``disputed``: :func:`disputed_values` of the site,
    if already computed (once for all the sections of a language);
    ``heights``: the charts' planned heights, if known (see
    :func:`.charts.views.chart_view`)."""
    if disputed is None:
        disputed = disputed_values(site)
    return _render(
        "section.md.j2",
        lang,
        site,
        section=section,
        note_numbers=section.note_numbers(),
        disputed=disputed,
        charts=chart_views(site, section, lang, heights),
        embeds=chart_pages.embeds(site, section, lang),
        key_tiles=headlines.section_tiles(site, section),
    )


def _computed_decimals(relation: Relation) -> int:
    """A sum is exact with its operands' decimals. A ratio or a growth rate
    gets two decimals, or as many as the source's figure, whichever is more;
    trailing zeros are dropped (100%, not 100,00%)."""
    if relation.kind == "sum":
        return max(formatting.written_decimals(v) for v in relation.operand_values)
    stated = formatting.written_decimals(relation.stated)
    rounded = relation.computed.quantize(Decimal(1).scaleb(-max(2, stated)))
    exponent = rounded.normalize().as_tuple().exponent
    needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(stated, needed)


def disputed_values(site: Site) -> dict[tuple[str, int], Relation]:
    """The values that a relation with a note finds inconsistent, by (figure
    id, index of the value): the page shows the computed value next to them."""
    out: dict[tuple[str, int], Relation] = {}
    figures = site.figures
    for section in site.sections:
        for relation in section.relations:
            if relation.holds or relation.note is None:
                continue
            figure = figures[relation.result_id]
            for index, value in enumerate(figure.values):
                if relation.result_period in (None, value.time.raw):
                    out[(figure.id, index)] = relation
                    break
    return out


def render_home(site: Site, lang: str) -> str:
    return _render("home.md.j2", lang, site, headline_tiles=headlines.home_tiles(site))


def render_about(site: Site, lang: str) -> str:
    return _render("about.md.j2", lang, site)


def render_reference(site: Site, reference: Reference, lang: str) -> str:
    data_files = {
        "site": ["data/site.yaml"],
        "vocabulary": ["data/vocabulary.yaml"],
        "section": [f"data/{section.id}.yaml" for section in site.sections],
    }
    return _render("reference.md.j2", lang, site, reference=reference, data_files=data_files)


def render_chart_pages(site: Site, lang: str, heights: Heights | None = None) -> dict[str, str]:
    """Each chart on a page of its own (:mod:`review.chart_pages`)."""
    out = {}
    for section in site.sections:
        for chart in section.charts:
            view = chart_pages.chart_page(site, chart, lang, section_path(section), heights)
            out[chart_pages.page_path(chart.id)] = _render(chart_pages.TEMPLATE, lang, site, chart=view, page_template=chart_pages.EMBED_TEMPLATE)
    return out


def render_pages(site: Site, lang: str, reference: Reference | None = None, heights: Heights | None = None) -> dict[str, str]:
    """Every generated page of one language: docs-relative path → Markdown.
    With ``reference``, the field reference too. ``heights``: the charts'
    planned heights in this language (the chart production's, from the
    cache); without them, the charts are planned here, with Matplotlib."""
    pages = {HOME: render_home(site, lang)}
    disputed = disputed_values(site)
    for section in site.sections:
        pages[section_path(section)] = render_section(site, section, lang, disputed, heights)
    pages[ABOUT] = render_about(site, lang)
    pages.update(render_chart_pages(site, lang, heights))
    if reference is not None:
        pages[REFERENCE] = render_reference(site, reference, lang)
    return pages


def generated_paths(site: Site) -> list[str]:
    """The docs-relative paths of every generated page, in any language."""
    return [HOME, *(section_path(section) for section in site.sections), ABOUT, REFERENCE, *chart_pages.page_paths(site)]


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
