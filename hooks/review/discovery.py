"""What makes the site findable and shareable: the sitemap of both
languages, ``robots.txt``, and each page's description and Open Graph data.

Everything that needs an absolute URL (the sitemap, hreflang and canonical
links, ``og:url`` and ``og:image``) exists only when the site's URL is
known; without it, those are left out rather than written wrong.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from . import chart_pages, prose
from .charts.production import PNG
from .charts.spec import chart_spec
from .languages import prefix
from .memo import remembered
from .model import DEFAULT_LANGUAGE, LANGUAGES, Section, Site
from .pages import ABOUT, HOME, section_path

TEMPLATES = Path(__file__).parent / "templates" / "publishing"

LOCALES = {"vi": "vi_VN", "en": "en_GB"}
"""Open Graph locales (the English text is written in British English)."""

CARD = "assets/card.png"
"""The site card, per language: the image of pages without a chart."""

DESCRIPTION_LENGTH = 160
"""A description longer than this is cut at a word and ends with '…'."""

LEFT_OUT = "site_url is not set (mkdocs.yml site_url, or the SITE_URL environment variable): sitemap.xml, the robots.txt Sitemap line, hreflang and canonical links, og:url and og:image are left out"
"""The one line the build log gives when the site's URL is unknown."""


@cache
def environment() -> jinja2.Environment:
    """Templates for XML and plain text: every value is escaped for XML."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_urls_of(site_url: str, page_url: str) -> dict[str, str]:
    """The absolute URL of one page in every language. ``site_url`` is the
    site's root (the default language's), ending with ``/``; ``page_url`` is
    relative to a language's root (``''``, ``'energy/'``)."""
    return {lang: site_url + prefix(lang) + page_url for lang in LANGUAGES}


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: tuple[tuple[str, str], ...]
    """(hreflang, absolute URL), x-default last."""


def sitemap_entries(site_url: str, page_urls: Sequence[str]) -> list[SitemapEntry]:
    """One entry per page and language, each with the page in every
    language and ``x-default`` (the default language) as alternates."""
    entries: list[SitemapEntry] = []
    for page_url in page_urls:
        urls = page_urls_of(site_url, page_url)
        alternates = (*urls.items(), ("x-default", urls[DEFAULT_LANGUAGE]))
        entries.extend(SitemapEntry(urls[lang], alternates) for lang in LANGUAGES)
    return entries


def sitemap(site_url: str, page_urls: Sequence[str], lastmod: datetime.date | None) -> str:
    """``sitemap.xml`` for the whole site, both languages, with
    ``xhtml:link`` alternates. ``lastmod`` only when the build date is a
    real one (SOURCE_DATE_EPOCH set), not the fixed default."""
    return environment().get_template("sitemap.xml.j2").render(entries=sitemap_entries(site_url, page_urls), lastmod=lastmod.isoformat() if lastmod else None)


def robots(site_url: str | None) -> str:
    """``robots.txt``: everything may be crawled; the sitemap, when known.
    Crawlers read it only at a host's root: under a sub-path, the host's own
    robots.txt should carry the Sitemap line."""
    return environment().get_template("robots.txt.j2").render(sitemap=site_url + "sitemap.xml" if site_url else None)


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:–—-") + "…"


def description(site: Site, src_uri: str, lang: str, labels: dict[str, str] | None = None) -> str | None:
    """The description of a generated page from the data, or None for a
    page the data does not describe (a hand-written page: its front matter
    ``description``, else the site's description).

    ``labels`` maps further generated pages to a label id of the vocabulary
    (the downloads page, the schema index). Each ``{figure-id}`` in the
    text is written from the data, as on the page."""
    if src_uri == HOME:
        return shorten(written(site, site.description[lang], lang))
    shared = chart_pages.sharing(site, src_uri, lang)
    if shared is not None:
        return shorten(shared.description)
    section = section_of_page(site, src_uri)
    if section is not None:
        return shorten(written(site, section.summary[lang], lang))
    if src_uri == ABOUT and site.about_body[lang]:
        return shorten(written(site, site.about_body[lang][0], lang))
    if labels and src_uri in labels:
        return shorten(site.vocabulary.labels[labels[src_uri]][lang])
    return None


def section_of_page(site: Site, src_uri: str) -> Section | None:
    """The section whose page is ``src_uri`` (docs-relative), if any."""
    return remembered(site, "section_of_page", None, (site.sections,), lambda: _sections_by_page(site)).get(src_uri)


def _sections_by_page(site: Site) -> dict[str, Section]:
    """Each section by its page's path (the first, were two to share an id),
    made once per site, as :func:`.chart_pages.chart_of_page`."""
    sections: dict[str, Section] = {}
    for section in site.sections:
        sections.setdefault(section_path(section), section)
    return sections


def written(site: Site, text: str, lang: str) -> str:
    """``text`` with the figures it names written in ``lang`` (review.prose)."""
    return prose.fill(text, site.figures, site.vocabulary, lang)


@dataclass(frozen=True)
class Image:
    uri: str
    """Relative to the language's root."""
    alt: str


def image(site: Site, src_uri: str, lang: str) -> Image:
    """A page's picture for sharing: a chart page's own chart, a section's
    first chart (PNG), or the site card."""
    shared = chart_pages.sharing(site, src_uri, lang)
    if shared is not None:
        return Image(shared.image, shared.image_alt)
    section = section_of_page(site, src_uri)
    if section is not None and section.charts:
        chart = section.charts[0]
        return Image(PNG.uri(chart.id), chart_spec(site, chart, lang).title)
    return Image(CARD, site.title[lang])


@dataclass(frozen=True)
class PageMeta:
    """What a page's head says about it to search engines and to sharing."""

    title: str
    description: str
    site_name: str
    locale: str
    alternate_locales: tuple[str, ...]
    url: str | None
    """Absolute, or None when the site's URL is unknown."""
    image: str | None
    """Absolute, or None when the site's URL is unknown."""
    image_alt: str


def page_meta(site: Site, lang: str, *, title: str, description: str, src_uri: str, page_url: str, site_url: str | None) -> PageMeta:
    """``page_url`` is relative to the language's root; ``site_url`` is the
    site's root URL (the default language's), or None."""
    picture = image(site, src_uri, lang)
    root = site_url + prefix(lang) if site_url else None
    return PageMeta(
        title=title,
        description=description,
        site_name=site.short_title[lang],
        locale=LOCALES[lang],
        alternate_locales=tuple(LOCALES[other] for other in LANGUAGES if other != lang),
        url=root + page_url if root else None,
        image=root + picture.uri if root else None,
        image_alt=picture.alt,
    )
