"""MkDocs adapter for the review site. Every function here only adapts: the
work is done by the ``review`` package next to this file, which knows nothing
about MkDocs.

How the two languages are built: ``mkdocs.yml`` describes the Vietnamese
site (``theme.language: vi``). When that build has finished, this hook builds
the same configuration again with ``theme.language: en`` into ``en/``, the
way Material's ``projects`` plugin builds a nested project: a configuration
loaded with the same options, the ``startup`` and ``shutdown`` events run
around it, and ``dirty`` forwarded. What the English build needs from the
Vietnamese one (the checked data, the folder to write into) travels in one
:class:`LanguageBuild` object attached to its configuration, not in module
state. Each language thus gets Material's interface text, its own
navigation, search index and sitemap, from one ``mkdocs build`` or
``mkdocs serve``.

Nothing is lost on a failure: the data is checked in ``on_config``, before
MkDocs touches any output; the site is then written into a staging folder
that replaces the output folder only once both languages have built
(:mod:`review.sitedir`).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import posixpath
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# Imported here, at module level: MkDocs puts this folder on sys.path only
# while it imports the hook.
import review_serve
from review import languages, messages, pages, publishing, sitedir, slugs, theme_files
from review.buildcache import Derived, open_derived
from review.charts.cache import ChartCache
from review.charts.production import ChartDrawingError, Production, produce
from review.model import DEFAULT_LANGUAGE, LANGUAGES
from review.problems import DataError
from review.project import Project, load_project

log = get_plugin_logger(__name__)

CHART_CACHE = Path(".cache", "charts")
"""Drawn charts by the hash of their inputs, under the project (git-ignored)."""
DERIVED = "derived"
"""The folder, in the chart cache, of the checked project and its pages
remembered between builds (review.buildcache)."""
CHART_CACHE_VARIABLE = "REVIEW_CHART_CACHE"
"""An environment variable naming another chart cache folder (shared by
copies of the project, such as the tests')."""

_STATE = "_review_build"
"""The attribute of a build's configuration that holds its LanguageBuild."""


@dataclass
class Session:
    """This process's MkDocs command, from ``on_startup``; MkDocs loads the
    hook once per process, and ``serve`` builds many times in it."""

    command: str = "build"
    dirty: bool = False
    site_whole: bool = True
    """Whether the last failed build left the output folder as it was."""
    drawing_ready: bool = False
    """Whether the drawing code (Matplotlib) is being imported ahead."""


_session = Session()
_in_progress: list[LanguageBuild] = []
"""The default-language builds under way in this process: on_build_error,
which is given no configuration, cleans up after them."""
_environments: dict[tuple[Any, ...], jinja2.Environment] = {}
"""The theme's Jinja environments, kept for the process: Material's
templates are compiled once, not once per language and build."""


class _Warnings(logging.Handler):
    """Counts warnings, as MkDocs does in strict mode, to know before MkDocs
    says so whether the build will be refused."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass(eq=False)
class LanguageBuild:
    """One language's build: what its events share, and what the default
    language's build hands to the others."""

    lang: str
    project: Project
    site_dir: Path
    """Where the site goes in the end."""
    derived: Derived
    """The checked project and pages remembered between builds."""
    staging: Path | None = None
    """Where the default language's build writes (and the others under
    it), moved to ``site_dir`` once all have built; None when MkDocs builds
    in place (``--dirty``)."""
    warnings: _Warnings = field(default_factory=_Warnings)
    publishing: publishing.Settings = field(default_factory=publishing.default_settings)
    """The site's URL and build date, read by the default language's build."""
    charts: Production | None = None
    """The chart files of every language: the default language's build gets
    them all at once (drawing in parallel what the cache lacks) and hands
    them to the others."""

    @staticmethod
    def of(config: MkDocsConfig) -> LanguageBuild:
        state = getattr(config, _STATE, None)
        if not isinstance(state, LanguageBuild):
            raise PluginError("hooks/review_hooks.py: expected on_config to have run for this build, as MkDocs 1.6 runs it first")
        return state


def _expect(condition: bool, assumption: str) -> None:
    """Fail clearly when MkDocs no longer behaves as this hook assumes."""
    if not condition:
        raise PluginError(f"hooks/review_hooks.py: expected {assumption}, as in MkDocs 1.6; this version of MkDocs differs (requirements.txt pins the one the site is made for)")


def _check_mkdocs() -> None:
    parameters = inspect.signature(build).parameters
    _expect("serve_url" in parameters and "dirty" in parameters, "mkdocs.commands.build.build(config, serve_url=, dirty=)")
    _expect(callable(getattr(File, "generated", None)), "File.generated() for pages made in memory")


def _language(config: MkDocsConfig) -> str:
    lang = config.theme["language"]
    if lang not in LANGUAGES:
        raise PluginError(f"mkdocs.yml: theme.language: expected one of: {', '.join(LANGUAGES)}; received {lang!r}")
    return lang


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(*, command: str, dirty: bool) -> None:
    _session.command = command
    _session.dirty = dirty
    if command == "serve" and not _session.drawing_ready:
        # The first edit of a figure draws a chart: have Matplotlib imported
        # by then, not on that rebuild.
        _session.drawing_ready = True
        threading.Thread(target=importlib.import_module, args=("review.charts.render",), daemon=True).start()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Everything is checked here, before MkDocs touches site_dir: bad data
    # leaves the last good site in place (and mkdocs serve keeps serving it).
    lang = _language(config)
    state = getattr(config, _STATE, None)
    if state is None:
        state = _start(config, lang)
        setattr(config, _STATE, state)
    site = state.project.site
    config.site_name = site.short_title[lang]
    config.site_description = site.description[lang]
    config.copyright = pages.copyright(site, lang)
    for scheme in config.theme["palette"]:
        toggle = scheme.get("toggle")
        if toggle:
            toggle["name"] = pages.palette_toggle_name(site, lang, scheme["scheme"])
    config.nav = pages.navigation(site, lang, [publishing.DOWNLOADS, *sorted(state.project.handwritten[lang]), pages.REFERENCE])
    _set_heading_ids(config)
    config.theme.static_templates.discard("sitemap.xml")  # ours covers both languages (on_files)
    # Material shows its language selector only when extra.alternate is set;
    # our partials/alternate.html draws it from the per-page links made in
    # on_page_context, and main.html writes the hreflang links. ``True`` (not
    # a list) keeps base.html from writing site-wide links of its own.
    config.extra["alternate"] = True
    return config


def _set_heading_ids(config: MkDocsConfig) -> None:
    """The ``toc`` extension makes the heading ids the id check predicts
    (``review.slugs``), unless mkdocs.yml asks for others."""
    settings = config.mdx_configs.setdefault("toc", {})
    for name, value in slugs.TOC_SETTINGS.items():
        found = settings.setdefault(name, value)
        if found is not value:
            received = f"{found.__module__}.{found.__qualname__}" if hasattr(found, "__qualname__") else repr(found)
            raise PluginError(f"mkdocs.yml: markdown_extensions: toc: {name}: expected none (the hooks set review.slugs.{name}, which the id check predicts), received {received}")


def _start(config: MkDocsConfig, lang: str) -> LanguageBuild:
    """The default language's build: check everything, then write aside."""
    if lang != DEFAULT_LANGUAGE:
        raise PluginError(f"mkdocs.yml: theme.language: expected {DEFAULT_LANGUAGE}, the default language (the others are built from it), received {lang!r}")
    _check_mkdocs()
    _session.site_whole = True
    # Problems are told in the editor's language (the locale of the
    # terminal that runs mkdocs), like the scripts tell them.
    root, docs_dir = _project_dir(config), Path(config.docs_dir)
    derived = open_derived(chart_cache_dir(root) / DERIVED, root, docs_dir)
    with messages.language(messages.language_from_environment(os.environ)):
        try:
            project = derived.project(lambda: load_project(root, docs_dir=docs_dir))
        except DataError as error:
            raise PluginError(error.summary()) from None
    state = LanguageBuild(lang, project, Path(config.site_dir), derived, publishing=_publishing_settings(config))
    if not _session.dirty:
        state.staging = sitedir.staging_dir(state.site_dir)
        sitedir.prepare(state.staging)
        config.site_dir = str(state.staging)
    else:
        _session.site_whole = False  # --dirty: MkDocs writes in place
    logging.getLogger("mkdocs").addHandler(state.warnings)
    _in_progress.append(state)
    return state


def _publishing_settings(config: MkDocsConfig) -> publishing.Settings:
    """The site's URL (site_url, or SITE_URL) and the build date
    (SOURCE_DATE_EPOCH). Under ``mkdocs serve``, MkDocs has set site_url to
    the local server, and the site has no public URL."""
    serving = _session.command == "serve"
    # A wrong SITE_URL or SOURCE_DATE_EPOCH is told in the editor's language too.
    with messages.language(messages.language_from_environment(os.environ)):
        try:
            settings = publishing.settings(config.site_url, os.environ, serving=serving)
        except ValueError as error:
            raise PluginError(str(error)) from None
    if not serving:
        config.site_url = settings.site_url
        if settings.site_url is None:
            log.info(publishing.LEFT_OUT)
    return settings


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    state = LanguageBuild.of(config)
    site, lang = state.project.site, state.lang
    for file in list(files):
        if file.src_uri.endswith(".md") or theme_files.unused(file.src_uri):
            files.remove(file)
    for target, source in state.project.handwritten[lang].items():
        files.append(File.generated(config, target, abs_src_path=str(Path(config.docs_dir) / source)))
    charts = _charts(config, state)  # first: the pages need the charts' planned sizes
    heights = charts.heights[lang]
    for path, markdown in state.derived.rendered(lang, heights, lambda: pages.render_pages(site, lang, state.project.reference, heights)).items():
        files.append(File.generated(config, path, content=markdown))
    # The JSON Schema of the data, published next to the field reference.
    for schema in sorted((_project_dir(config) / "data" / "schema").glob("*.json")):
        files.append(File.generated(config, f"schema/{schema.name}", content=schema.read_bytes()))
    for uri, drawing in charts.files[lang].items():
        files.append(File.generated(config, uri, content=drawing))
    theme_sitemap = files.get_file_from_path("sitemap.xml")  # the theme's template, not rendered (on_config)
    if theme_sitemap is not None:
        files.remove(theme_sitemap)
    cache = chart_cache_dir(_project_dir(config))
    for uri, content in publishing.files(state.publishing, site, state.project.reference, lang, cache).items():
        files.append(File.generated(config, uri, content=content))
    sitemap = publishing.sitemap(state.publishing, lang, [file.url for file in files.documentation_pages()])
    if sitemap is not None:
        files.append(File.generated(config, "sitemap.xml", content=sitemap))
    return files


def chart_cache_dir(project_dir: Path) -> Path:
    """``.cache/charts/`` of the project, or the folder that
    ``REVIEW_CHART_CACHE`` names."""
    shared = os.environ.get(CHART_CACHE_VARIABLE)
    return Path(shared) if shared else project_dir / CHART_CACHE


def _charts(config: MkDocsConfig, state: LanguageBuild) -> Production:
    """The chart files (SVG, PNG, CSV) and planned sizes of every language.
    The default language's build gets them all at once: from the cache, or
    drawn in parallel; the other builds receive them."""
    if state.charts is None:
        cache = ChartCache(chart_cache_dir(_project_dir(config)))
        try:
            state.charts = charts = produce(state.project.site, LANGUAGES, cache)
        except ChartDrawingError as error:
            raise PluginError(str(error)) from error
        cache.prune(charts.keys)
        state.derived.prune()
        processes = f"{charts.workers} process{'es' if charts.workers > 1 else ''}"
        drawn = f"{charts.drawn} drawn in {processes}" if charts.drawn else "none drawn"
        log.info(f"Charts ({', '.join(LANGUAGES)}): {drawn}, {charts.cached} from the cache, in {charts.seconds:.2f} s")
    return state.charts


@event_priority(-100)  # last: after every plugin has added its globals and filters
def on_env(env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The theme's environment of an earlier build of this process, updated
    with this build's globals and filters: its compiled templates are reused.
    Templates are checked for changes on disk (``auto_reload``), so
    ``mkdocs serve --watch-theme`` still sees an edited override."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return env
    key = (tuple(loader.searchpath), tuple(sorted(env.extensions)), env.autoescape)
    kept = _environments.get(key)
    if kept is None:
        env.auto_reload = True
        _environments[key] = env
        return env
    for name in ("globals", "filters", "tests"):
        table = getattr(kept, name)
        table.clear()  # in place: loaded templates hold these very dicts
        table.update(getattr(env, name))
    return kept


def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    state = LanguageBuild.of(config)
    lang = state.lang
    context["i18n_alternates"] = languages.alternates(page.url, lang, publishing.language_url(state.publishing, lang))
    meta = publishing.page_meta(state.publishing, state.project.site, lang, page.file.src_uri, page.url, None if page.is_homepage else page.title, page.meta.get("description"))
    page.meta["description"] = meta.description  # Material writes it into <meta name="description">
    context["i18n_meta"] = meta
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    state = LanguageBuild.of(config)
    if state.lang != DEFAULT_LANGUAGE:
        return
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            _build_language(config, state, lang)
    if config.strict and state.warnings.count:
        return  # MkDocs refuses the build right after this event, and on_build_error cleans up
    if _session.command != "serve":
        log.info(publishing.finish(Path(config.site_dir), state.publishing, chart_cache_dir(_project_dir(config))))
    if state.staging is not None:
        _expect((state.staging / "index.html").is_file(), "the site to be written into the config.site_dir that on_config sets")
        sitedir.move_into_place(state.staging, state.site_dir)
    state.derived.save()
    _finish(state)


def on_build_error(*, error: Exception) -> None:
    # A failed build, in any language: the default language's staging folder
    # goes; the output folder was never touched.
    for state in list(_in_progress):
        _finish(state)
        if state.staging is not None:
            sitedir.discard(state.staging)


def _finish(state: LanguageBuild) -> None:
    logging.getLogger("mkdocs").removeHandler(state.warnings)
    if state in _in_progress:
        _in_progress.remove(state)


def _build_language(config: MkDocsConfig, state: LanguageBuild, lang: str) -> None:
    """Build the same configuration in ``lang`` under ``<site>/<lang>/``,
    from the same checked project as the default language, as Material's
    projects plugin builds a nested project."""
    log.info(f"Building the '{lang}' version")
    output = Path(config.site_dir) / lang
    other = load_config(
        config.config_file_path,
        site_dir=str(output),
        docs_dir=config.docs_dir,
        strict=config.strict,
        use_directory_urls=config.use_directory_urls,
        dev_addr=str(config.dev_addr),
    )
    other.theme["language"] = lang
    if config.site_url:
        other.site_url = posixpath.join(config.site_url, languages.prefix(lang))
    setattr(other, _STATE, LanguageBuild(lang, state.project, output, state.derived, charts=state.charts, publishing=state.publishing))
    serving = _session.command == "serve"
    other.plugins.run_event("startup", command=_session.command, dirty=_session.dirty)
    try:
        build(other, serve_url=other.site_url if serving else None, dirty=_session.dirty)
    finally:
        other.plugins.run_event("shutdown")


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    _expect(getattr(server, "builder", None) is builder, "mkdocs serve's server to rebuild by calling server.builder")
    _expect(callable(getattr(server, "error_handler", None)) and callable(getattr(server, "set_app", None)), "mkdocs serve's server to answer a missing page with server.error_handler(404)")
    server.builder = review_serve.keep_last_good_site(builder, lambda: _session.site_whole, log)
    review_serve.not_found_per_language(server)
    return server
