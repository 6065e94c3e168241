"""The built site in a real browser: Debian's chromium, headless, driven by
Playwright, against the site served on localhost with gzip as a host serves
it (review.serving). One build, one server and one browser per test process,
shared with tests/test_reader_browser.py. Every page of both languages is
loaded once (per pytest worker that asks for it; in a single process, two
tabs at a time) and checked in the light and the dark scheme:

- no console error, no failing request, no request to another host;
- every chart image (light and dark) loads and decodes;
- axe-core reports no violation.

The same visit measures the page's note links and, on a section page,
unfolds its charts' embed blocks and runs axe-core on them in both schemes
(asserted by tests/test_reader_browser.py).

And: the language switch lands on the same page; search finds, in each
language, that language's pages only, with or without diacritics; the
worker's ranking rules hold on constructed documents; a missing page gets
its language's 404; keyboard focus is visible; note links are 24 × 24 px.

Needs `chromium` (Debian package, /usr/bin/chromium) and the pinned
requirements-dev.txt; the README's test command installs both.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, sync_playwright

from review.languages import prefix
from review.model import DEFAULT_LANGUAGE, LANGUAGES
from review.project import generated_pages
from review.serving import language_of, serve
from conftest import ROOT, Build, real_project


pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
WORKER = ROOT / "content" / "assets" / "javascripts" / "search-worker.js"
TABS = 2
"""Pages checked at the same time in a single test process: one tab's
axe-core run goes on while the other tab loads its next page (the machine
has two cores; under xdist, the other worker uses the other core)."""
SETTLE_TIMEOUT = 15.0
"""Seconds a page gets to make and finish its requests after "load"."""
FAVICON_GRACE = 2.0
"""Seconds a page gets to ask for its favicon, which chromium does right
after "load" (if it has not seen that favicon fail)."""


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as a path from the root (``/en/energy/``)."""
    found = []
    for index in site_dir.rglob("index.html"):
        folder = index.parent.relative_to(site_dir).as_posix()
        found.append("/" if folder == "." else f"/{folder}/")
    return sorted(found)


@dataclass
class Watch:
    """What a page did while it loaded."""

    origin: str
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    pending: set[Request] = field(default_factory=set)
    """Requests made and not yet finished or failed."""
    done: set[str] = field(default_factory=set)
    """The addresses of the requests that finished or failed."""

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def on_request(self, request: Request) -> None:
        self.pending.add(request)
        if not request.url.startswith(self.origin) and not request.url.startswith(("data:", "blob:")):
            self.foreign.append(request.url)

    def on_response(self, response) -> None:  # type: ignore[no-untyped-def]
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def on_finished(self, request: Request) -> None:
        self.pending.discard(request)
        self.done.add(request.url)

    def on_failed(self, request: Request) -> None:
        self.failed.append(f"{request.failure} {request.url}")
        self.on_finished(request)

    def clear(self) -> None:
        self.console.clear()
        self.failed.clear()
        self.foreign.clear()
        self.pending.clear()
        self.done.clear()


Shared = TypeVar("Shared")
_SHARED: dict[str, Any] = {}


def once(request: pytest.FixtureRequest, name: str, make: Callable[[ExitStack], Shared]) -> Shared:
    """One ``name`` per test process, made by ``make`` (which registers its
    clean-up on the stack) and closed when the session ends: a module that
    imports a session fixture from this one gets a fixture of its own from
    pytest, and shares this one's value through here."""
    if name not in _SHARED:
        stack = ExitStack()
        _SHARED[name] = make(stack)

        def close() -> None:
            del _SHARED[name]
            stack.close()

        request.addfinalizer(close)
    return _SHARED[name]  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def host(built: Build, request: pytest.FixtureRequest) -> str:
    return once(request, "host", lambda stack: stack.enter_context(serve(built.site_dir)))


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Browser:
    def launch(stack: ExitStack) -> Browser:
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        return browser

    return once(request, "browser", launch)


def watched_tab(context: BrowserContext, host: str) -> tuple[Page, Watch]:
    page = context.new_page()
    watch = Watch(host.rstrip("/"))
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.console.append(f"pageerror: {error}"))
    page.on("request", watch.on_request)
    page.on("response", watch.on_response)
    page.on("requestfinished", watch.on_finished)
    page.on("requestfailed", watch.on_failed)
    return page, watch


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield context
    context.close()


@pytest.fixture(scope="module")
def tab(context: BrowserContext, host: str) -> tuple[Page, Watch]:
    return watched_tab(context, host)


def open_page(tab: tuple[Page, Watch], url: str) -> Page:
    page, watch = tab
    watch.clear()
    page.goto(url, wait_until="load")
    return page


def settle(tab: tuple[Page, Watch]) -> list[str]:
    """Waits for the requests a page makes after "load" and for every
    request still in flight: leaving earlier would miss their failures, or
    abort them. The page's search index (fetched for the search worker where
    the page has a search form, as Material's bundle decides) must come
    within ``SETTLE_TIMEOUT``; the favicon is waited for ``FAVICON_GRACE``
    at most, as chromium does not ask again for one that failed (the page
    that asked reports it). Returns what did not happen."""
    page, watch = tab
    index, icon = page.evaluate(
        """() => {
          const config = JSON.parse(document.getElementById('__config').textContent);
          const icon = document.querySelector('link[rel~=icon]');
          return [document.forms.namedItem('search') ? new URL('search/search_index.json', new URL(config.base + '/', location.href)).href : null, icon ? icon.href : null];
        }"""
    )
    started = time.monotonic()
    while watch.pending or (index and index not in watch.done) or (icon and icon not in watch.done and time.monotonic() < started + FAVICON_GRACE):
        if time.monotonic() > started + SETTLE_TIMEOUT:
            return [f"still loading after {SETTLE_TIMEOUT} s: {url}" for url in sorted(request.url for request in watch.pending)] + ([f"never requested: {index}"] if index not in watch.done else [])
        page.wait_for_timeout(10)
    return []


def set_scheme(page: Page, scheme: str) -> None:
    """Switch Material's palette as its toggle does."""
    page.evaluate(
        """async scheme => {
          const body = document.body;
          body.setAttribute('data-md-color-switching', '');  // no colour transitions
          body.setAttribute('data-md-color-scheme', scheme);
          getComputedStyle(body).color;  // applies the new scheme's styles now
          body.removeAttribute('data-md-color-switching');
        }""",
        scheme,
    )


EMBED_BLOCK = "details.chart-embed"
"""A chart's embed block: its code and copy button, folded at first."""

COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""The axe-core rules that depend on colours: all the dark scheme changes."""

AXE_CHECKS = (Path(__file__).parent / "axe_checks.js").read_text(encoding="utf-8")
"""``reviewAxe.check``: axe-core with color-contrast run once per colour
context (see the file's comment)."""

SCHEMES = ("default", "slate")
"""Material's colour schemes: light and dark."""

CHART_IMAGES_THAT_FAIL = """() => (async () => {
  const srcs = [...document.querySelectorAll('figure.review-chart img')].map(img => img.src);
  const bad = [];
  for (const src of srcs) {
    const image = new Image();
    image.src = src;
    try { await image.decode(); if (!image.naturalWidth) bad.push(src); } catch (error) { bad.push(src); }
  }
  return bad;
})()"""
"""Loads every chart image of the page (both schemes, lazy or not) and
returns those that do not decode."""


def axe_check(page: Page, seen: dict[str, set[str]], scheme: str, *, rules: list[str] | None = None, context: str | None = None) -> None:
    """Starts axe-core (see ``AXE_CHECKS``) on the page in ``scheme`` (its
    current one), or on the elements the CSS selector ``context`` selects,
    with every rule or only ``rules``, and color-contrast on the colour
    contexts not in ``seen[scheme]``; ``axe_result`` waits for it."""
    start_job(page, "options => reviewAxe.check(options)", {"context": context, "rules": rules, "seen": sorted(seen[scheme])})


def axe_result(page: Page, seen: dict[str, set[str]], scheme: str) -> list[str]:
    """The violations of the axe-core run ``axe_check`` started, as ``rule:
    targets`` lines; adds the colour contexts it checked to ``seen[scheme]``."""
    result = job_result(page)
    seen[scheme].update(result["checked"])
    return list(result["violations"])


def start_job(page: Page, script: str, arg: Any = None) -> None:
    """Starts ``script`` (a function returning a promise) in the page and
    returns at once; ``job_result`` waits for what it returns."""
    page.evaluate(f"arg => {{ window.__reviewJob = ({script})(arg); }}", arg)


def job_result(page: Page) -> Any:
    return page.evaluate("window.__reviewJob")


@dataclass
class Report:
    """What one visit of a page found."""

    found: dict[str, list[str]]
    """The page's problems, by kind (none when all lists are empty)."""
    note_links: list[list[float]]
    """The width and height of each note link (``#note-…``) in the article."""
    embed_codes: dict[str, str]
    """The embed code offered under each chart (by the chart figure's id),
    after the page's script made its address absolute."""
    embed_buttons: dict[str, int] = field(default_factory=dict)
    """The visible copy buttons, by scheme, with the embed blocks unfolded."""
    embed_axe: dict[str, list[str]] = field(default_factory=dict)
    """axe-core's violations (every rule), by scheme, with the embed blocks unfolded."""


def visit(tab: tuple[Page, Watch], url: str, seen: dict[str, set[str]]) -> Generator[None, None, Report]:
    """Loads ``url`` once and checks it; yields while axe-core or the chart
    images keep the page busy, so that another tab can go on meanwhile.

    The page is checked in the light scheme with every axe-core rule, then
    switched to the dark scheme and checked with the rules that depend on
    colour (the structure is the same; a full second run would double the
    suite's slowest part). Its embed blocks, if any, are then unfolded and
    checked with every rule in the dark scheme and again in the light one:
    the blocks only, as all that unfolding changes (the page-wide runs see
    them folded, and the rest of the page is checked by them).

    color-contrast runs once per colour context and scheme (``seen``, shared
    by the visits of a test process): see tests/axe_checks.js."""
    page, watch = tab
    watch.clear()
    page.goto(url, wait_until="load")
    lang = page.evaluate("document.documentElement.lang")
    start_job(page, CHART_IMAGES_THAT_FAIL)
    yield
    found = {"lang": [] if lang == ("en" if urlsplit(url).path.startswith("/en/") else "vi") else [f"<html lang={lang!r}>"], "chart images": job_result(page)}
    axe_check(page, seen, "default")
    yield
    found["axe light"] = axe_result(page, seen, "default")
    note_links = page.locator("article a[href^='#note-']").evaluate_all("links => links.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })")
    embed_codes = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('figure.review-chart[id]')].map(figure =>
          [figure.id, document.querySelector(`#${CSS.escape(figure.id)} ~ details.chart-embed .chart-embed-code code`)?.textContent ?? null]))"""
    )
    report = Report(found, note_links, {id_: code for id_, code in embed_codes.items() if code is not None})
    set_scheme(page, "slate")
    axe_check(page, seen, "slate", rules=COLOUR_RULES)
    yield
    found["axe dark"] = axe_result(page, seen, "slate")
    if page.locator(EMBED_BLOCK).count():
        page.evaluate("selector => document.querySelectorAll(selector).forEach(d => { d.open = true; })", EMBED_BLOCK)
        for scheme in reversed(SCHEMES):
            set_scheme(page, scheme)
            report.embed_buttons[scheme] = page.locator("button.chart-embed-copy:visible").count()
            axe_check(page, seen, scheme, context=EMBED_BLOCK)
            yield
            report.embed_axe[scheme] = axe_result(page, seen, scheme)
    set_scheme(page, "default")
    found["unfinished requests"] = settle(tab)  # requests made after "load" too
    found["console"] = list(watch.console)
    found["failed requests"] = list(watch.failed)
    found["other hosts"] = list(watch.foreign)
    return report


def check_pages(tabs: list[tuple[Page, Watch]], host: str, paths: list[str], seen: dict[str, set[str]]) -> dict[str, Report]:
    """Visits every path, in as many tabs at a time, each tab taking the
    next path when it is done; returns their reports. ``seen``: the colour
    contexts checked so far, by scheme (updated)."""
    waiting = list(paths)
    running: dict[int, tuple[str, Generator[None, None, Report]]] = {}
    reports: dict[str, Report] = {}
    while waiting or running:
        for index, tab in enumerate(tabs):
            if index not in running and waiting:
                path = waiting.pop(0)
                running[index] = (path, visit(tab, host.rstrip("/") + path, seen))
            if index in running:
                path, steps = running[index]
                try:
                    next(steps)
                except StopIteration as done:
                    reports[path] = done.value
                    del running[index]
                except Exception as error:  # noqa: BLE001 - the page's test reports it, the other pages go on
                    reports[path] = Report({"visit": [f"{type(error).__name__}: {error}"]}, [], {})
                    del running[index]
    return reports


def project_pages() -> list[str]:
    """Every page the build writes, both languages, as paths from the root
    (``/en/energy/``), read from the project before anything is built."""
    project = real_project()
    sources = [*generated_pages(project.site), *project.handwritten[DEFAULT_LANGUAGE]]
    folders = sorted("" if source == "index.md" else source.removesuffix(".md").removesuffix("/index") + "/" for source in sources)
    return [f"/{prefix(lang)}{folder}" for lang in LANGUAGES for folder in folders]


PAGES = project_pages()


class Reports:
    """Every page's report, from one visit each, made when a test first asks
    for it. Under xdist a worker visits only the pages its tests ask for (the
    other worker has the others); in a single process, asking for one page
    visits all the pages of its language, ``TABS`` at a time."""

    def __init__(self, context: BrowserContext, host: str) -> None:
        self.tabs = [watched_tab(context, host) for _ in range(1 if os.environ.get("PYTEST_XDIST_WORKER") else TABS)]
        self.host = host
        self.checked: dict[str, Report] = {}
        self.seen: dict[str, set[str]] = {scheme: set() for scheme in SCHEMES}
        """The colour contexts checked so far, by scheme."""

    def __getitem__(self, path: str) -> Report:
        if path not in self.checked:
            batch = [path] if len(self.tabs) == 1 else [page for page in PAGES if language_of(page) == language_of(path) and page not in self.checked]
            self.checked.update(check_pages(self.tabs, self.host, batch, self.seen))
        return self.checked[path]


@pytest.fixture(scope="session")
def reports(browser: Browser, host: str, request: pytest.FixtureRequest) -> Reports:
    """The pages' reports, checked in a context of their own where axe-core
    is part of every page (an init script: compiled once, not sent to each
    page)."""

    def open_context(stack: ExitStack) -> Reports:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
        stack.callback(context.close)
        context.add_init_script(AXE)
        context.add_init_script(AXE_CHECKS)
        return Reports(context, host)

    return once(request, "reports", open_context)


def test_the_pages_checked_are_every_page_built(built: Build):
    assert sorted(PAGES) == site_pages(built.site_dir)


@pytest.mark.parametrize("path", [pytest.param(path, id=path.strip("/") or "home") for path in PAGES])
def test_page_is_clean_in_both_schemes(reports: Reports, path: str):
    """Every page, from its one visit (see ``visit``)."""
    assert {kind: items for kind, items in reports[path].found.items() if items} == {}


@pytest.mark.parametrize(
    ("start", "lang", "expected"),
    [
        pytest.param("/energy/", "en", "/en/energy/", id="vi-to-en-section"),
        pytest.param("/en/energy/", "vi", "/energy/", id="en-to-vi-section"),
        pytest.param("/", "en", "/en/", id="vi-to-en-home"),
        pytest.param("/en/reference/", "vi", "/reference/", id="en-to-vi-reference"),
    ],
)
def test_language_switch_lands_on_the_same_page(tab: tuple[Page, Watch], host: str, start: str, lang: str, expected: str):
    page = open_page(tab, host.rstrip("/") + start)
    assert settle(tab) == []  # leaving earlier would abort the page's last requests
    tab[1].clear()
    page.locator(".md-header .md-select > button").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={lang}]").click()
    assert settle(tab) == []
    assert urlsplit(page.url).path == expected
    assert page.evaluate("document.documentElement.lang") == lang
    assert tab[1].failed == []


def search_results(page: Page, query: str) -> list[str]:
    """Puts ``query`` into Material's search box (of a page opened fresh,
    or one where the last search is done) and waits for its results;
    returns the result pages' paths, best first. Material searches on a key
    going up: the box is filled with all but the last character, which is
    typed, so that one search is made, for the whole query."""
    meta = page.locator(".md-search-result__meta")
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press("Backspace")  # an empty query: the placeholder, once the worker is ready
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').textContent.trim() === text", arg=placeholder)
    meta.evaluate("meta => { meta.textContent = 'waiting'; }")  # the results replace this
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== 'waiting'")
    links = page.locator(".md-search-result__item").evaluate_all("items => items.map(item => new URL(item.querySelector('a').href).pathname)")
    return list(links)


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        pytest.param("/", "năng lượng", "/energy/", id="vi-with-diacritics"),
        pytest.param("/", "nang luong", "/energy/", id="vi-without-diacritics"),
        pytest.param("/", "dien mat troi", "/energy/", id="vi-d-for-đ"),
        pytest.param("/", "can tho", "/", id="vi-can-tho"),
        pytest.param("/en/", "solar", "/en/energy/", id="en-solar"),
        pytest.param("/en/", "industrial parks", "/en/industry/", id="en-industrial-parks"),
    ],
)
def test_search_finds_pages_of_its_language_only(tab: tuple[Page, Watch], host: str, start: str, query: str, expected: str):
    page = tab[0] if tab[0].url == host.rstrip("/") + start else open_page(tab, host.rstrip("/") + start)
    found = search_results(page, query)
    assert expected in found, found
    english = [path.startswith("/en/") for path in found]
    assert english == [start.startswith("/en/")] * len(found), found
    assert tab[1].console == [] and tab[1].failed == []


WORKER_DOCS = [
    {"location": "tones/", "title": "Trang A", "text": "<p>Giá nâng lên.</p>"},
    {"location": "exact/", "title": "Trang B", "text": "<p>Năng lượng sạch.</p>"},
    {"location": "plain/", "title": "Trang C", "text": "<p>Nang is a plain word here.</p>"},
    {"location": "dien/", "title": "Điện", "text": "<p>Điện mặt trời mái nhà.</p>"},
    {"location": "dien/#mai-nha", "title": "Mái nhà", "text": "<p>Điện mặt trời.</p>"},
    {"location": "", "title": "Trang chủ", "text": "<p>Mở đầu.</p>"},
    {"location": "#cac-phan", "title": "Các phần", "text": "<p>Phần ghép.</p>"},
]


@pytest.mark.parametrize(
    ("query", "first", "found"),
    [
        pytest.param("năng", "exact/", {"exact/", "tones/", "plain/"}, id="typed-diacritics-rank-first"),
        pytest.param("nâng", "tones/", {"exact/", "tones/", "plain/"}, id="other-tone-ranks-first"),
        pytest.param("nang", "plain/", {"exact/", "tones/", "plain/"}, id="plain-word-ranks-first-without-diacritics"),
        pytest.param("năng lượng", "exact/", {"exact/", "tones/", "plain/"}, id="all-words-rank-before-some"),
        pytest.param("dien mat troi", "dien/", {"dien/"}, id="d-finds-đ"),
        pytest.param("ĐIỆN", "dien/", {"dien/"}, id="upper-case"),
        pytest.param("nhà", "dien/", {"dien/"}, id="section-grouped-under-its-page"),
        pytest.param("ghép", "", {""}, id="home-section-grouped-under-home"),
        pytest.param("xyz", None, set(), id="nothing"),
        pytest.param("  ", None, set(), id="blank"),
    ],
)
def test_search_worker_ranking(tab: tuple[Page, Watch], host: str, query: str, first: str | None, found: set[str]):
    """The worker's rules on constructed documents: every word is compared
    folded (no marks, đ as d), and words typed exactly as written rank first."""
    groups = [[item["location"] for item in group] for group in worker_results(tab, host, WORKER_DOCS, query)]
    pages = [next(location for location in group if "#" not in location) for group in groups]
    assert (pages[0] if pages else None) == first
    assert sorted(pages) == sorted(found)
    for group in groups:
        assert len({location.split("#")[0] for location in group}) == 1


def test_search_worker_marks_matches(tab: tuple[Page, Watch], host: str):
    text = worker_results(tab, host, WORKER_DOCS[1:2], "nang luong")[0][0]["text"]
    assert text == "<p><mark data-md-highlight>Năng</mark> <mark data-md-highlight>lượng</mark> sạch.</p>"


MARKED = "<mark data-md-highlight>{}</mark>"


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        pytest.param("<p>Một.</p> <p>Điện hai.</p> <p>Ba.</p> <p>Bốn điện.</p>", "dien", "<p>{d} hai.</p> <p>Bốn {d2}.</p>", id="the-paragraphs-with-a-match"),
        pytest.param("<p>Mở.</p> <ul><li>Một</li><li>Điện hai</li><li>Ba</li></ul>", "dien", "<ul><li>{d} hai</li></ul>", id="the-items-of-a-flat-list"),
        pytest.param("<ul><li>Một<ul><li>Điện</li></ul></li><li>Ba</li></ul>", "dien", "<ul><li>Một<ul><li>{d}</li></ul></li><li>Ba</li></ul>", id="a-nested-list-whole"),
        pytest.param("<p>Điện 1.</p> <p>Điện 2.</p> <p>Điện 3.</p> <p>Điện 4.</p>", "dien", "<p>{d} 1.</p> <p>{d} 2.</p> <p>{d} 3.</p>", id="three-blocks-at-most"),
        pytest.param("<p>Một.</p> <pre><code>điện = 1</code></pre>", "dien", "<pre><code>{d2} = 1</code></pre>", id="code"),
        pytest.param("<p>Một.</p> <p>Hai.</p>", "trang", "<p>Một.</p>", id="title-only-the-first-block"),
        pytest.param("<p> </p> <p>Một.</p>", "trang", "<p>Một.</p>", id="title-only-the-first-block-with-text"),
        pytest.param("Chữ điện rời.", "dien", "Chữ {d2} rời.", id="loose-text"),
    ],
)
def test_search_worker_shows_where_the_words_are(tab: tuple[Page, Watch], host: str, text: str, query: str, expected: str):
    """A result's text is an excerpt of its document's: the blocks with a
    match (at most three), only the matching items of a flat list, the
    first block where only the title matched."""
    docs = [{"location": "trang/", "title": "Trang", "text": text}]
    found = worker_results(tab, host, docs, query)[0][0]["text"]
    assert found == expected.format(d=MARKED.format("Điện"), d2=MARKED.format("điện"))


def worker_results(tab: tuple[Page, Watch], host: str, docs: list[dict[str, str]], query: str) -> list[list[dict[str, Any]]]:
    """The site's search worker, started in the tab's page on ``docs``: its
    answer to ``query``, as the groups of result items Material shows."""
    page, _ = tab
    if urlsplit(page.url).netloc != urlsplit(host).netloc:
        open_page(tab, host)
    return list(
        page.evaluate(
            """async ([url, docs, query]) => {
              const worker = new Worker(url);
              const answer = message => new Promise(done => { worker.onmessage = event => done(event.data); worker.postMessage(message); });
              await answer({type: 0, data: {config: {}, docs, options: {}}});
              const result = await answer({type: 2, data: query});
              worker.terminate();
              return result.data.items;
            }""",
            [host + "assets/javascripts/search-worker.js", docs, query],
        )
    )


@pytest.mark.parametrize(("path", "lang"), [pytest.param("/no-such-page/", "vi", id="vi"), pytest.param("/en/no-such-page/", "en", id="en")])
def test_missing_page_shows_its_language_404(tab: tuple[Page, Watch], host: str, path: str, lang: str):
    page, _ = tab
    response = page.goto(host.rstrip("/") + path)
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert "404" in page.locator("h1").inner_text()


def test_keyboard_focus_is_visible(tab: tuple[Page, Watch], host: str):
    page = open_page(tab, host + "energy/")
    page.keyboard.press("Tab")
    focused = page.evaluate("(() => { const el = document.activeElement; const s = getComputedStyle(el); return [el.classList.contains('md-skip'), s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert focused[0] is True  # the skip link comes first
    assert focused[1] == "solid" and focused[2] >= 2
    for _ in range(6):
        page.keyboard.press("Tab")
        style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
        assert style[0] == "solid" and style[1] >= 2


@pytest.mark.parametrize("path", [pytest.param(path, id=path) for path in ["/energy/", "/en/energy/", "/industry/", "/en/industry/"]])
def test_note_links_are_at_least_24_px(reports: Reports, path: str):
    boxes = reports[path].note_links
    assert boxes, "no note links on the page"
    assert all(width >= 24 and height >= 24 for width, height in boxes), boxes


def test_section_page_prints_without_navigation(tab: tuple[Page, Watch], host: str):
    page = open_page(tab, host + "energy/")
    page.emulate_media(media="print")
    try:
        shown = page.evaluate(
            """() => {
              const display = selector => [...document.querySelectorAll(selector)].map(el => getComputedStyle(el).display !== 'none');
              return {
                chrome: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-top', '.md-search'].flatMap(display),
                light: display('figure.review-chart img[src$="#only-light"]'),
                dark: display('figure.review-chart img[src$="#only-dark"]'),
                tables: display('article table'),
                content: display('article h1'),
              };
            }"""
        )
    finally:
        page.emulate_media(media="screen")
    assert shown["chrome"] and not any(shown["chrome"])
    assert shown["light"] and all(shown["light"])
    assert shown["dark"] and not any(shown["dark"])
    assert shown["tables"] and all(shown["tables"])
    assert shown["content"] == [True]


CONTRAST_PAGE = """<!doctype html><html lang="en"><head><title>Colours</title><style>
  body {{ background: #fff; color: #222; font: 16px sans-serif; }}
  .pale {{ color: #bbb; }}
  .box {{ background: #333; }}
  .grey {{ color: #767676; }}
  [data-md-color-scheme=slate] .dim {{ color: #444; background: #222; }}
</style></head><body><main><h1>Colours</h1>{body}</main></body></html>"""
"""A constructed page for the colour-context rule (tests/axe_checks.js)."""


FADING = """<style>#fading {{ color: {start}; transition: color 600s linear; }} #fading.end {{ color: {end}; }}</style>
<p id=fading>Fading text.</p>
<script>{{ const fading = document.getElementById("fading"); getComputedStyle(fading).color; fading.classList.add("end"); }}</script>"""
"""A text whose colour has just started a slow CSS transition from ``start``
to ``end``: axe-core must read the colour it ends with, as Material fades
code colours when a folded block unfolds in another scheme."""


@pytest.fixture(scope="module")
def blank(context: BrowserContext) -> Page:
    """A tab for constructed pages (``page.set_content``)."""
    return context.new_page()


def contrast_violations(page: Page, body: str, seen: dict[str, set[str]], scheme: str = "default", rules: list[str] | None = None) -> list[str]:
    """``reviewAxe.check`` on a constructed page with ``body`` in ``scheme``:
    the rules that failed."""
    page.set_content(CONTRAST_PAGE.format(body=body))
    page.add_script_tag(content=AXE)
    page.add_script_tag(content=AXE_CHECKS)
    set_scheme(page, scheme)
    axe_check(page, seen, scheme, rules=rules)
    return sorted({line.split(":")[0] for line in axe_result(page, seen, scheme)})


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param(["<p>Plain text.</p>"], [[]], id="clean"),
        pytest.param(["<p class=pale>Pale text.</p>"], [["color-contrast"]], id="pale-text"),
        pytest.param(["<table>" + "<tr><td>cell</td></tr>" * 50 + "<tr><td class=pale>pale</td></tr></table>"], [["color-contrast"]], id="pale-cell-among-many"),
        pytest.param(["<p>Plain text.</p>", "<p>Plain text.</p><p class=pale>Pale, on the second page.</p>"], [[], ["color-contrast"]], id="pale-text-on-a-later-page"),
        pytest.param(
            ["<p class=grey>Grey on white passes.</p>", "<div class=box><p class=grey>The same grey on a dark box fails.</p></div>"], [[], ["color-contrast"]], id="same-colour-other-background"
        ),
        pytest.param(["<p>Plain.</p>", "<p><input value='pale value' class=pale aria-label=Field></p>"], [[], ["color-contrast"]], id="form-control"),
        pytest.param(["<p class=pale>Pale.</p>", "<p class=pale>Pale again.</p>"], [["color-contrast"], []], id="a-failing-context-is-reported-once"),
        pytest.param([FADING.format(start="#bbb", end="#222")], [[]], id="read-after-a-fade-to-dark"),
        pytest.param([FADING.format(start="#222", end="#bbb")], [["color-contrast"]], id="read-after-a-fade-to-pale"),
    ],
)
def test_colour_contexts_are_checked_once_each(blank: Page, pages: list[str], expected: list[list[str]]):
    """color-contrast runs on one element per colour context, across pages:
    a context not seen before is checked wherever it first appears."""
    seen: dict[str, set[str]] = {scheme: set() for scheme in SCHEMES}
    assert [contrast_violations(blank, body, seen) for body in pages] == expected


def test_colour_contexts_are_kept_by_scheme(blank: Page):
    """A text that passes in the light scheme is checked again in the dark
    one, where its colours differ."""
    seen: dict[str, set[str]] = {scheme: set() for scheme in SCHEMES}
    body = "<p class=dim>Dim in the dark scheme.</p>"
    assert contrast_violations(blank, body, seen, "default") == []
    assert contrast_violations(blank, body, seen, "slate", COLOUR_RULES) == ["color-contrast"]
