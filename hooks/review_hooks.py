"""MkDocs adapter for the review site. Every function here only adapts: the
work is done by the ``review`` package next to this file, which knows nothing
about MkDocs.

How the two languages are built: ``mkdocs.yml`` describes the Vietnamese
site (``theme.language: vi``). When that build has finished, this hook builds
the same configuration again with ``theme.language: en`` into ``site/en/``.
Each language thus gets Material's interface text, its own navigation, its own
search index and its own sitemap, from one ``mkdocs build`` or ``mkdocs serve``.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# Imported here, at module level: MkDocs puts this folder on sys.path only
# while it imports the hook.
from review import languages, pages, publishing
from review.charts.cache import ChartCache
from review.charts.production import ChartDrawingError, produce
from review.model import DEFAULT_LANGUAGE, LANGUAGES, Site
from review.problems import DataError
from review.project import Project, load_project
from review.reference import Reference

log = get_plugin_logger(__name__)

CHART_CACHE = Path(".cache", "charts")
"""Drawn charts by the hash of their inputs, under the project (git-ignored)."""

_serving = False
_sites: dict[str, Site] = {}
"""The model each language's build is using, by language."""
_references: dict[str, Reference] = {}
"""The field reference (from data/schema/) each language's build is using."""
_handwritten: dict[str, dict[str, str]] = {}
"""Each language's hand-written pages: page path → file in docs_dir."""
_refused = False
"""Set when on_config refuses the data: the build stopped before MkDocs
touched site_dir, so the last good site is still there, whole."""
_projects: dict[str, Project] = {}
_derived: Project | None = None
"""While the default language's build builds the others: its model, so that
every language shows the same snapshot of data/ even if a file is saved
between the two builds."""


def _language(config: MkDocsConfig) -> str:
    lang = config.theme["language"]
    if lang not in LANGUAGES:
        raise PluginError(f"mkdocs.yml: theme.language: expected one of: {', '.join(LANGUAGES)}; received {lang!r}")
    return lang


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Everything is checked here, before MkDocs cleans site_dir: bad data
    # leaves the last good site in place (and mkdocs serve keeps serving it).
    global _refused
    lang = _language(config)
    if _derived is not None:
        project = _derived
    else:
        try:
            project = load_project(_project_dir(config), docs_dir=Path(config.docs_dir))
        except DataError as error:
            _refused = True
            raise PluginError(error.summary()) from None
    site = project.site
    _sites[lang] = site
    _references[lang] = project.reference
    _projects[lang] = project
    config.site_name = site.short_title[lang]
    config.site_description = site.description[lang]
    config.copyright = pages.copyright(site, lang)
    for scheme in config.theme["palette"]:
        toggle = scheme.get("toggle")
        if toggle:
            toggle["name"] = pages.palette_toggle_name(site, lang, scheme["scheme"])
    _configure_publishing(config, lang)
    _handwritten[lang] = project.handwritten[lang]
    config.nav = pages.navigation(site, lang, [publishing.DOWNLOADS, *sorted(project.handwritten[lang]), pages.REFERENCE])
    # Material shows its language selector only when extra.alternate is set;
    # our partials/alternate.html draws it from the per-page links made in
    # on_page_context, and main.html writes the hreflang links. ``True`` (not
    # a list) keeps base.html from writing site-wide links of its own.
    config.extra["alternate"] = True
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    lang = _language(config)
    site = _sites[lang]
    handwritten = _handwritten[lang]
    for file in list(files):
        if file.src_uri.endswith(".md"):
            files.remove(file)
    for target, source in handwritten.items():
        files.append(File.generated(config, target, abs_src_path=str(Path(config.docs_dir) / source)))
    for path, markdown in pages.render_pages(site, lang, _references[lang]).items():
        files.append(File.generated(config, path, content=markdown))
    # The JSON Schema of the data, published next to the field reference.
    for schema in sorted((_project_dir(config) / "data" / "schema").glob("*.json")):
        files.append(File.generated(config, f"schema/{schema.name}", content=schema.read_bytes()))
    _add_charts(files, config, site, lang)
    theme_sitemap = files.get_file_from_path("sitemap.xml")  # the template, no longer rendered (see on_config)
    if theme_sitemap is not None:
        files.remove(theme_sitemap)
    for uri, content in publishing.files(_publishing, site, _references[lang], lang, _project_dir(config) / CHART_CACHE).items():
        files.append(File.generated(config, uri, content=content))
    sitemap = publishing.sitemap(_publishing, lang, [file.url for file in files.documentation_pages()])
    if sitemap is not None:
        files.append(File.generated(config, "sitemap.xml", content=sitemap))
    return files


_publishing = publishing.Settings(None, publishing.buildtime.resolve({}))
"""The site's URL and build date, from the default language's on_config."""


def _configure_publishing(config: MkDocsConfig, lang: str) -> None:
    """The site's URL (site_url or SITE_URL) and build date (SOURCE_DATE_EPOCH),
    read once by the default language's build; the other languages' builds
    are given theirs by _build_language. Under ``mkdocs serve``, MkDocs has
    set site_url to the local server: that one is used as it is."""
    global _publishing, _refused
    config.theme.static_templates.discard("sitemap.xml")  # ours covers both languages
    if lang != DEFAULT_LANGUAGE:
        return
    try:
        _publishing = publishing.settings(None if _serving else config.site_url, os.environ, serving=_serving)
    except ValueError as error:
        _refused = True
        raise PluginError(str(error)) from None
    if not _serving:
        config.site_url = _publishing.site_url
        if _publishing.site_url is None:
            log.info(publishing.LEFT_OUT)


def _add_charts(files: Files, config: MkDocsConfig, site: Site, lang: str) -> None:
    """The chart files (SVG, PNG, CSV) of ``lang``. The default language's
    build draws what the cache lacks for every language at once, in
    parallel; the other builds then find theirs in the cache."""
    langs = LANGUAGES if lang == DEFAULT_LANGUAGE else (lang,)
    try:
        charts = produce(site, langs, ChartCache(_project_dir(config) / CHART_CACHE))
    except ChartDrawingError as error:
        raise PluginError(str(error)) from error
    processes = f"{charts.workers} process{'es' if charts.workers > 1 else ''}"
    drawn = f"{charts.drawn} drawn in {processes}" if charts.drawn else "none drawn"
    log.info(f"Charts ({', '.join(langs)}): {drawn}, {charts.cached} from the cache, in {charts.seconds:.2f} s")
    for uri, content in charts.files[lang].items():
        files.append(File.generated(config, uri, content=content))


def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = _language(config)
    context["i18n_alternates"] = languages.alternates(page.url, lang, publishing.language_url(_publishing, lang))
    meta = publishing.page_meta(_publishing, _sites[lang], lang, page.file.src_uri, page.url, page.title if not page.is_homepage else None, page.meta.get("description"))
    page.meta["description"] = meta.description  # Material writes it into <meta name="description">
    context["i18n_meta"] = meta
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    if _language(config) != DEFAULT_LANGUAGE:
        return
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            _build_language(config, lang)
    if not _serving:
        log.info(publishing.finish(Path(config.site_dir), _publishing, _project_dir(config) / CHART_CACHE))


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server.builder = _keep_last_good_site(server.builder)
    return server


def _keep_last_good_site(builder: Callable[[], None]) -> Callable[[], None]:
    """MkDocs 1.6's server holds every request after a failed rebuild
    ("The server will appear stuck until build errors are resolved"). When
    our checks refused the data, site_dir still holds the last good site,
    whole: report the rebuild as done, so that it stays served."""

    def rebuild() -> None:
        global _refused
        _refused = False
        try:
            builder()
        except Abort:
            if not _refused:
                raise
            log.info("Still serving the last good site: fix the data and save, and the site rebuilds")

    return rebuild


def _build_language(config: MkDocsConfig, lang: str) -> None:
    """Build the same configuration in ``lang`` under ``site_dir/<lang>/``,
    from the same model as the default language."""
    global _derived
    log.info(f"Building the '{lang}' version")
    other = load_config(
        config.config_file_path,
        site_dir=str(Path(config.site_dir) / lang),
        docs_dir=config.docs_dir,
        strict=config.strict,
        use_directory_urls=config.use_directory_urls,
    )
    other.theme["language"] = lang
    if config.site_url:
        other.site_url = posixpath.join(config.site_url, languages.prefix(lang))
    _derived = _projects[DEFAULT_LANGUAGE]
    try:
        build(other, serve_url=other.site_url if _serving else None)
    finally:
        _derived = None
