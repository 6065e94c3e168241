"""The ids of the elements on each generated page, as the build writes them,
and the check that no page repeats one.

A link to a place on a page (``energy/#solar-capacity``) needs an id that
the page uses once. The pages' templates (``templates/``) write ids of
their own kinds: a figure's anchor is its id (``_figure_link.md.j2``), the
quotes of its values ``quote-<figure>-<n>``, a chart ``chart-<id>``, a
note ``note-<id>``, a source on the About page ``source-<id>``, a type of
the field reference ``type-<name>``; the theme writes a few (``__toc``…);
and Python-Markdown's ``toc`` extension gives every heading an id made
from its text by :func:`review.slugs.slugify` (set by the hooks).
An editor can thus give a figure the id that a heading of its page gets in
one language ("Key figures" → ``key-figures``): each kind of id is valid on
its own, and only the page repeats one. :func:`anchor_problems` reports
that as a data problem, before the build.

Computed from the model, not by rendering the pages (which costs as much
as the rest of the check, and the build renders them anyway): this module
knows which headings and ids each template writes, in which order, and
``tests/test_anchors.py`` compares what it predicts with every id of every
generated page of the built sites. A heading's id is computed as the build
computes it: its text escaped as the templates escape it
(:func:`review.pages.escape_markdown`), read by Python-Markdown with the
extensions that change a heading's text, then :func:`review.slugs.slugify`
and the ``toc`` extension's own ``unique``. ``toc`` gives a heading an id that no element
it sees already has (``notes_1``): it sees the ids set by ``md_in_html``
and ``attr_list`` (a chart, a note) but not those in raw HTML (a figure, a
quote, a source, a type), which Markdown sets aside; nor those of the theme.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, NamedTuple

import markdown  # type: ignore[import-untyped]
from markdown.extensions import toc  # type: ignore[import-untyped]

from . import headlines
from .chart_pages import page_path as chart_page_path
from .charts.spec import chart_title
from .languages import prefix
from .messages import _
from .model import LANGUAGES, Section, Site, Text
from .opendata import DOWNLOADS, SCHEMA_INDEX
from .pages import ABOUT, HOME, REFERENCE, escape_markdown, section_path
from .problems import Problem, format_path
from .reference import Reference
from .slugs import slugify
from .yamlfile import Key, YamlDocument

THEME_IDS = ("__drawer", "__search", "__palette_0", "__palette_1", "__toc", "__config")
"""The ids the theme (Material, ``hooks/overrides/``) writes on a page: the
drawer and search toggles, one per colour scheme of ``mkdocs.yml``, the
table of contents' toggle and the settings for its script. No data id can be
one (ids are lowercase letters, digits and hyphens), but a heading's can."""

MARKDOWN_EXTENSIONS = ("abbr", "attr_list", "toc")
"""Of ``mkdocs.yml``'s extensions, those that change what ``toc`` reads as
a heading's text (abbreviations are tags it strips; attributes are taken
off), with ``toc`` itself. The others work on blocks, or (emoji) on text
that :func:`~review.pages.escape_markdown` has made inert."""

Kind = Literal["heading", "figure", "quote", "chart", "note", "source", "type", "theme"]

BLAME: dict[Kind, int] = {"figure": 0, "heading": 1, "source": 2, "chart": 2, "note": 2, "quote": 3, "type": 4}
"""Which of two elements with the same id a problem names, lowest first: a
figure's id, which is its anchor as the editor wrote it; then a heading's
text; then the ids an anchor is made from (``source-<id>``), which other
fields refer to. The theme's never."""


class Origin(NamedTuple):
    """The data field an element comes from: ``document`` is a section's id,
    ``site``, ``vocabulary``, or a schema file (``schema/site.schema.json``)."""

    document: str
    key: Key


class Anchor(NamedTuple):
    """One element's id on a page."""

    ident: str
    kind: Kind
    subject: str
    """A heading's text as shown; the id of the figure, chart, note, source or
    type; for a quote, its figure's id."""
    origin: Origin | None
    number: int = 0
    """A quote's value, counted from 1."""


THEME_ANCHORS = tuple(Anchor(ident, "theme", ident, None) for ident in THEME_IDS)


class Heading(NamedTuple):
    """A heading of a page. (Named tuples: made by the thousand at 50× the data.)"""

    level: int
    text: str
    origin: Origin | None
    attributes: str = ""
    """What the template writes after the text (``{ .review-visually-hidden }``)."""


@dataclass
class PagePlan:
    """What one generated page holds that has an id, in the order Markdown meets it."""

    headings: list[Heading] = field(default_factory=list)
    seen: list[Anchor] = field(default_factory=list)
    """Ids that ``toc`` sees (``md_in_html``, ``attr_list``): headings avoid them."""
    raw: list[Anchor] = field(default_factory=list)
    """Ids in raw HTML, which Markdown sets aside: headings do not avoid them."""


def _text(text: Text, lang: str, document: str, *key: str | int) -> tuple[str, Origin]:
    return text[lang], Origin(document, (*key, lang))


def _label(site: Site, name: str, lang: str) -> tuple[str, Origin]:
    return _text(site.vocabulary.labels[name], lang, "vocabulary", "labels", name)


def _heading(level: int, found: tuple[str, Origin], attributes: str = "") -> Heading:
    return Heading(level, found[0], found[1], attributes)


def home_plan(site: Site, lang: str) -> PagePlan:
    """``home.md.j2``."""
    plan = PagePlan([_heading(1, _text(site.title, lang, "site", "title"))])
    titles = ["key_figures_title"] if headlines.home_tiles(site) else []
    for name in [*titles, "sections_title", "timeline_title"]:
        plan.headings.append(_heading(2, _text(site.home_titles[name], lang, "site", "home", name)))
    return plan


def section_plan(site: Site, section: Section, lang: str) -> PagePlan:
    """``section.md.j2`` (with ``_charts.md.j2`` and ``_figure_link.md.j2``)."""
    doc = section.id
    plan = PagePlan([_heading(1, _text(section.title, lang, doc, "title"))])
    if section.charts:
        plan.headings.append(_heading(2, _label(site, "charts_title", lang)))
        plan.seen += [Anchor(f"chart-{chart.id}", "chart", chart.id, Origin(doc, ("charts", i, "id"))) for i, chart in enumerate(section.charts)]
    if section.figures:
        plan.headings.append(_heading(2, _label(site, "figures_title", lang)))
        for i, figure in enumerate(section.figures):
            plan.raw.append(Anchor(figure.id, "figure", figure.id, Origin(doc, ("figures", i, "id"))))
            for j, _value in enumerate(figure.values):
                plan.raw.append(Anchor(f"quote-{figure.id}-{j}", "quote", figure.id, Origin(doc, ("figures", i, "values", j, "quote")), j + 1))
    if section.notes:
        plan.headings.append(_heading(2, _label(site, "notes_title", lang)))
        plan.seen += [Anchor(f"note-{note.id}", "note", note.id, Origin(doc, ("notes", i, "id"))) for i, note in enumerate(section.notes)]
    for i, item_list in enumerate(section.lists):
        plan.headings.append(_heading(2, _text(item_list.title, lang, doc, "lists", i, "title")))
    if section.milestones:
        plan.headings.append(_heading(2, _label(site, "milestones_title", lang)))
    if section.relations:
        plan.headings.append(_heading(2, _label(site, "relations_title", lang)))
    return plan


def about_plan(site: Site, lang: str) -> PagePlan:
    """``about.md.j2``."""
    plan = PagePlan([_heading(1, _text(site.about_title, lang, "site", "about", "title")), _heading(2, _label(site, "sources_title", lang))])
    plan.raw += [Anchor(f"source-{source.id}", "source", source.id, Origin("site", ("sources", i, "id"))) for i, source in enumerate(site.sources.values())]
    if site.captions and site.captions_title is not None:
        plan.headings.append(_heading(2, _text(site.captions_title, lang, "site", "about", "captions_title")))
    return plan


def chart_page_plans(site: Site, section: Section, lang: str) -> dict[str, PagePlan]:
    """``chart_page.md.j2``, for each chart of ``section``: its title is the
    chart spec's (:func:`review.charts.spec.chart_title`)."""
    plans = {}
    for i, chart in enumerate(section.charts):
        heading = Heading(1, chart_title(site, chart, lang), Origin(section.id, ("charts", i, "title", lang)), " { .review-visually-hidden }")
        plans[chart_page_path(chart.id)] = PagePlan([heading], [Anchor(f"chart-{chart.id}", "chart", chart.id, Origin(section.id, ("charts", i, "id")))])
    return plans


def publishing_plans(site: Site, lang: str) -> dict[str, PagePlan]:
    """``publishing/downloads.md.j2`` and ``publishing/schema_index.md.j2``."""
    schema = _label(site, "schema_title", lang)
    return {
        DOWNLOADS: PagePlan([_heading(1, _label(site, "downloads_title", lang)), _heading(2, schema)]),
        SCHEMA_INDEX: PagePlan([_heading(1, schema)]),
    }


def reference_plan(site: Site, reference: Reference, lang: str) -> PagePlan:
    """``reference.md.j2``: a file's title is in its schema (``title``,
    ``x-title-vi``)."""
    plan = PagePlan([_heading(1, _label(site, "reference_title", lang))])
    for file in reference.files:
        plan.headings.append(Heading(2, file.title[lang], Origin(f"schema/{file.schema}", ("title" if lang == "en" else f"x-title-{lang}",))))
    plan.headings.append(_heading(2, _label(site, "types_title", lang)))
    plan.raw += [Anchor(f"type-{named.name.replace('_', '-')}", "type", named.name, None) for named in reference.types]
    return plan


def page_plans(site: Site, lang: str, reference: Reference | None = None) -> dict[str, PagePlan]:
    """Every generated page of ``lang`` (docs-relative path → plan); with
    ``reference``, the field reference too."""
    plans = {HOME: home_plan(site, lang)}
    for section in site.sections:
        plans[section_path(section)] = section_plan(site, section, lang)
    plans[ABOUT] = about_plan(site, lang)
    for section in site.sections:
        plans.update(chart_page_plans(site, section, lang))
    plans.update(publishing_plans(site, lang))
    if reference is not None:
        plans[REFERENCE] = reference_plan(site, reference, lang)
    return plans


_PLAIN = re.compile(r"(?:[^\W_]|[ ,.:;?'’“”\-–—…%/()])*")
"""Text that Markdown reads as it is (letters, digits, spaces and a few
marks): what ``toc`` reads as its heading's text is the text, its spaces
collapsed as ``toc`` collapses them. Other text is read by Markdown."""


@cache
def _reader() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


def heading_slugs(headings: Iterable[Heading], abbreviations: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """The :func:`review.slugs.slugify` of each heading (by its text and
    attributes), of what ``toc`` reads as its text: Python-Markdown's own
    reading of the line the template writes, with the page's
    abbreviations. Every heading of a language is read in one document: a
    heading's text does not depend on the others."""
    slugs: dict[tuple[str, str], str] = {}
    keys = []
    for heading in headings:
        key = (heading.text, heading.attributes)
        if key in slugs:
            continue
        if _PLAIN.fullmatch(heading.text):
            slugs[key] = slugify(" ".join(heading.text.split()), "-")
        else:
            slugs[key] = ""
            keys.append(key)
    if not keys:
        return slugs
    lines = [f"# {escape_markdown(text)}{attributes}" for text, attributes in keys]
    lines += [f"*[{escape_markdown(name)}]: {escape_markdown(expansion)}" for name, expansion in sorted(abbreviations.items())]
    reader = _reader()
    reader.reset()
    reader.convert("\n\n".join(lines))
    names = [str(token["name"]) for token in _flatten(reader.toc_tokens)]
    if len(names) != len(keys):
        raise AssertionError(f"expected {len(keys)} headings, read {len(names)}: {lines}")
    for key, name in zip(keys, names, strict=True):
        slugs[key] = slugify(html.unescape(name), "-")
    return slugs


def _flatten(tokens: list[dict[str, object]]) -> Iterable[dict[str, object]]:
    for token in tokens:
        yield token
        children = token.get("children")
        if isinstance(children, list):
            yield from _flatten(children)


def heading_ids(headings: list[Heading], seen: Iterable[str], slugs: Mapping[tuple[str, str], str]) -> list[str]:
    """The id the build gives each heading of a page, in order: its slug
    (from :func:`heading_slugs`) made ``unique`` as ``toc`` does, avoiding
    the ``seen`` ids and those of the headings before it."""
    used = set(seen)
    counters: dict[str, int] = {}
    return [toc.unique(slugs[heading.text, heading.attributes], used, counters) for heading in headings]


def page_anchors(plan: PagePlan, slugs: Mapping[tuple[str, str], str]) -> list[Anchor]:
    """Every id of a page: its headings', its elements' and the theme's."""
    ids = heading_ids(plan.headings, (anchor.ident for anchor in plan.seen), slugs)
    anchors = [Anchor(ident, "heading", heading.text, heading.origin) for ident, heading in zip(ids, plan.headings, strict=True)]
    return [*anchors, *plan.seen, *plan.raw, *THEME_ANCHORS]


def pages_anchors(site: Site, lang: str, plans: Mapping[str, PagePlan]) -> dict[str, list[Anchor]]:
    """Every id of each page of ``plans``, in ``lang``."""
    abbreviations = {name: text[lang] for name, text in site.vocabulary.abbreviations.items()}
    slugs = heading_slugs((heading for plan in plans.values() for heading in plan.headings), abbreviations)
    return {path: page_anchors(plan, slugs) for path, plan in plans.items()}


def page_url(path: str, lang: str) -> str:
    """``energy.md`` → ``/energy/`` (``/en/energy/``): how a message names a page."""
    stem = path.removesuffix(".md")
    stem = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return f"/{prefix(lang)}{stem}"


def anchor_problems(site: Site, documents: Mapping[str, YamlDocument], display_root: str, plans: Callable[[str], dict[str, PagePlan]] | None = None) -> list[Problem]:
    """Every id that a generated page would repeat, in any language, as a
    problem of the field it comes from. ``documents``: the data files by
    the name an :class:`Origin` gives them; ``plans``: the pages of a
    language to check, by default those of :func:`page_plans` without the
    field reference."""
    found: dict[tuple[Anchor, tuple[str, ...]], list[str]] = {}
    for lang in LANGUAGES:
        for path, anchors in pages_anchors(site, lang, plans(lang) if plans is not None else page_plans(site, lang)).items():
            if len({anchor.ident for anchor in anchors}) == len(anchors):
                continue
            by_id: dict[str, list[Anchor]] = {}
            for anchor in anchors:
                by_id.setdefault(anchor.ident, []).append(anchor)
            for same in by_id.values():
                blamed = min((a for a in same if a.kind in BLAME), key=lambda a: BLAME[a.kind], default=None)
                if len(same) > 1 and blamed is not None:
                    others = [a for a in same if a is not blamed]
                    kinds = "heading" if all(a.kind == "heading" for a in others) else "other"
                    found.setdefault((blamed, (kinds, *map(describe, others))), []).append(page_url(path, lang))
    return [_problem(blamed, others, pages, documents, display_root) for (blamed, others), pages in found.items()]


def describe(anchor: Anchor) -> str:
    """What an element is, in a message."""
    if anchor.kind == "heading":
        return _('the heading "{text}"').format(text=anchor.subject)
    if anchor.kind == "figure":
        return _("the anchor of the figure {ident}").format(ident=repr(anchor.subject))
    if anchor.kind == "quote":
        return _("the anchor of the quote of value {number} of the figure {ident}").format(number=anchor.number, ident=repr(anchor.subject))
    if anchor.kind == "chart":
        return _("the anchor of the chart {ident}").format(ident=repr(anchor.subject))
    if anchor.kind == "note":
        return _("the anchor of the note {ident}").format(ident=repr(anchor.subject))
    if anchor.kind == "source":
        return _("the anchor of the source {ident}").format(ident=repr(anchor.subject))
    if anchor.kind == "type":
        return _("the anchor of the type {name}").format(name=repr(anchor.subject))
    return _("an element of the theme")


def _problem(blamed: Anchor, others: tuple[str, ...], pages: list[str], documents: Mapping[str, YamlDocument], display_root: str) -> Problem:
    """The problem of ``blamed``; ``others``: whether the elements with its
    id are all headings (``heading``) or not, then each described."""
    kinds, *described = others
    what = _("{elements} on {pages}").format(elements=", ".join(described), pages=", ".join(pages))
    if blamed.kind == "heading":
        message = _("expected a heading whose id no other element of its page uses, received {text}, whose id is {ident} ({what})").format(
            text=repr(blamed.subject), ident=repr(blamed.ident), what=what
        )
    elif kinds == "heading":
        message = _("expected an id no heading of its page uses, received {ident} ({what})").format(ident=repr(blamed.ident), what=what)
    else:
        message = _("expected an id no other element of its page uses, received {ident} ({what})").format(ident=repr(blamed.ident), what=what)
    assert blamed.origin is not None
    document = documents.get(blamed.origin.document)
    if document is None:
        return Problem(f"{display_root}/{blamed.origin.document}", 0, 0, format_path(blamed.origin.key), message)
    return document.problem(blamed.origin.key, message)
