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

import posixpath
import threading
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
from review import languages, pages, serving
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
    _handwritten[lang] = project.handwritten[lang]
    config.nav = pages.navigation(site, lang, [*sorted(project.handwritten[lang]), pages.REFERENCE])
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
    return files


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
    context["i18n_alternates"] = languages.alternates(page.url, lang, config.site_url or None)
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    if _language(config) != DEFAULT_LANGUAGE:
        return
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            _build_language(config, lang)


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server.builder = _keep_last_good_site(server.builder)
    _not_found_per_language(server, Path(config.site_dir))
    return server


def _not_found_per_language(server: LiveReloadServer, site_dir: Path) -> None:
    """MkDocs' server answers every missing page with ``site/404.html``; a
    missing English page gets ``site/en/404.html``, as a host does (the
    choice is review.serving.not_found_page). The server tells its error
    page only the status, so the requested path is kept per request thread."""
    requested = threading.local()
    serve_request = server.serve_request

    def remember(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        requested.path = "/" + environ.get("PATH_INFO", "/").removeprefix(server.mount_path.rstrip("/")).lstrip("/")
        return serve_request(environ, start_response)

    default = server.error_handler

    def error_page(code: int) -> bytes | None:
        page = serving.not_found_page(site_dir, getattr(requested, "path", "/"))
        if code == 404 and page.is_file():
            return page.read_bytes()
        return default(code)

    server.set_app(remember)
    server.error_handler = error_page


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
