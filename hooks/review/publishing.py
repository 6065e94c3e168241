"""Publishing, in the few calls the MkDocs hook makes: the site's URL and
build date, the files that publishing adds to each language (downloads,
schema index, site card, sitemap, robots.txt), each page's head data, and
the last step of a build (precompressed copies and ``_headers``).

The work is done by :mod:`siteurl`, :mod:`buildtime`, :mod:`discovery`,
:mod:`socialcard`, :mod:`opendata` and :mod:`precompress`; this module only
puts them together, so that the hook stays thin.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup, escape

from . import buildtime, discovery, opendata, precompress, siteurl, socialcard
from .charts.cache import ChartCache
from .languages import prefix
from .model import DEFAULT_LANGUAGE, Site
from .reference import Reference

log = logging.getLogger(__name__)

DOWNLOADS = opendata.DOWNLOADS
PAGES = (opendata.DOWNLOADS, opendata.SCHEMA_INDEX)
"""The pages publishing adds, in every language."""
LEFT_OUT = discovery.LEFT_OUT
DESCRIPTION_LABELS = {opendata.DOWNLOADS: "downloads_intro", opendata.SCHEMA_INDEX: "schema_intro"}
HEADERS = "_headers"


@dataclass(frozen=True)
class Settings:
    site_url: str | None
    """The site's root URL (the default language's), ending with '/'."""
    build_time: buildtime.BuildTime


def default_settings() -> Settings:
    """No site URL, the fixed build date: until the settings are read."""
    return Settings(None, buildtime.resolve({}))


def settings(configured: str | None, environ: Mapping[str, str], *, serving: bool = False) -> Settings:
    """Read and check the site's URL and the build date. Under ``mkdocs
    serve`` the site has no public URL. Raises ValueError (SiteUrlError,
    BuildTimeError) with a message that names the setting."""
    site_url = None if serving else siteurl.resolve(configured, environ)
    return Settings(site_url, buildtime.resolve(environ))


def language_url(settings: Settings, lang: str) -> str | None:
    """The root URL of ``lang``, when the site's URL is known."""
    return settings.site_url + prefix(lang) if settings.site_url else None


def files(settings: Settings, site: Site, reference: Reference, lang: str, cache_dir: Path) -> dict[str, bytes | str]:
    """The files publishing adds to ``lang``'s build: path → content."""
    out: dict[str, bytes | str] = {
        opendata.DOWNLOADS: opendata.render_downloads(site, lang, reference),
        opendata.SCHEMA_INDEX: opendata.render_schema_index(site, lang, reference),
        discovery.CARD: socialcard.card(
            socialcard.CardText(site.title[lang], discovery.written(site, site.description[lang], lang), site.short_title[lang]), socialcard.CardLabels(lang), ChartCache(cache_dir)
        ),
        **opendata.files(site),
    }
    if lang == DEFAULT_LANGUAGE:
        out["robots.txt"] = discovery.robots(settings.site_url)
    return out


def sitemap(settings: Settings, lang: str, page_urls: Sequence[str]) -> str | None:
    """The sitemap of the whole site, written by the default language's
    build, when the site's URL is known. ``page_urls`` are the URLs of the
    language's pages (relative to its root; ``./`` for the home page):
    every page exists in every language."""
    if lang != DEFAULT_LANGUAGE or not settings.site_url:
        return None
    lastmod = settings.build_time.date if settings.build_time.explicit else None
    urls = sorted("" if url == "./" else url for url in page_urls)
    return discovery.sitemap(settings.site_url, urls, lastmod)


def page_meta(settings: Settings, site: Site, lang: str, src_uri: str, page_url: str, title: str | None, description: str | None) -> discovery.PageMeta:
    """A page's head data. ``title`` None: the home page, titled by the
    site; ``description`` from the page's front matter, if any (it wins
    over the data's). The description is escaped here: Material writes it
    into an attribute as it is."""
    text = description or discovery.description(site, src_uri, lang, DESCRIPTION_LABELS) or discovery.shorten(discovery.written(site, site.description[lang], lang))
    meta = discovery.page_meta(site, lang, title=title or site.title[lang], description=text, src_uri=src_uri, page_url=page_url, site_url=settings.site_url)
    return _escaped_description(meta)


def _escaped_description(meta: discovery.PageMeta) -> discovery.PageMeta:
    value = meta.description if isinstance(meta.description, Markup) else escape(meta.description)
    return replace(meta, description=value)


def finish(site_dir: Path, settings: Settings, cache_dir: Path) -> str:
    """After every language is built: precompressed copies and
    ``_headers``. Returns the line for the build log."""
    summary = precompress.precompress(site_dir, precompress.Store(cache_dir / "compressed"))
    base = siteurl.path(settings.site_url) if settings.site_url else "/"
    (site_dir / HEADERS).write_text(precompress.headers(site_dir, base), encoding="utf-8")
    ratio = ", ".join(f".{name} {size / summary.size:.0%}" for name, size in summary.sizes.items()) if summary.size else "nothing to compress"
    return f"Precompressed {summary.files} text files ({ratio} of {summary.size / 1e6:.1f} MB) and wrote {HEADERS}"
