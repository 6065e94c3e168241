"""What a reader sees, in a real browser (Debian's chromium, headless, driven
by Playwright; nothing is downloaded): the home page fits a phone, a figure's
link control works from the keyboard, and a chart's embed code, pasted into
another page, shows the chart with no console error, in both languages and
both colour schemes.

Uses the fixtures of tests/test_browser.py: Debian's chromium, the built
site served on localhost by ``review.serving``, and the report of each
page's one visit (shared with that module's tests on the same worker), which
unfolds the section pages' embed blocks and runs axe-core on them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import test_browser
from markdown.extensions import toc
from playwright.sync_api import Browser, Page

from conftest import ROOT, real_site
from review.hedges import fold
from review.model import LANGUAGES
from review.slugs import slugify
from script_runs import call

pytestmark = pytest.mark.browser

BY_LANGUAGE = [pytest.param(lang, id=lang) for lang in LANGUAGES]
"""The languages, as test parameters."""

# The browser tests' fixtures: Debian's chromium, the built site on
# localhost, and every page's report (one browser, server and visit of a page
# per test process, shared with tests/test_browser.py).
browser = test_browser.browser
host = test_browser.host
reports = test_browser.reports

SITE = real_site()

PHONE = {"width": 390, "height": 844}
"""A common phone's viewport, in CSS pixels."""
HOME_MAX_HEIGHT = 3500
"""The home page's whole height on that phone, at most."""
SECTIONS_WITHIN_SCREENS = 2
"""The home page reaches its sections within this many phone screens."""


def _prefix(lang: str) -> str:
    return "" if lang == "vi" else f"{lang}/"


def _errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions of the page and its frames, from now on."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{message.type}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_the_home_page_fits_a_phone(browser: Browser, host: str, lang: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = _errors(page)
    page.goto(host + _prefix(lang), wait_until="load")
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.evaluate("document.documentElement.scrollWidth")
    title = SITE.home_titles["sections_title"][lang]
    sections = page.locator("h2", has_text=title).evaluate("h => h.getBoundingClientRect().top + window.scrollY")
    tiles = page.locator(".figure-tiles li").evaluate_all("items => items.map(i => Math.round(i.getBoundingClientRect().top))")
    context.close()
    assert height <= HOME_MAX_HEIGHT, f"the home page is {height} px tall on a {PHONE['width']} px phone"
    assert sections <= SECTIONS_WITHIN_SCREENS * PHONE["height"], f"the sections start at {sections} px"
    assert width <= PHONE["width"], "the page scrolls sideways"
    # The headline figures, two per row.
    assert len(tiles) == len(SITE.headline_figures)
    assert [tiles[i] == tiles[i + 1] for i in range(0, len(tiles) - 1, 2)] == [True] * (len(tiles) // 2)
    assert len(set(tiles)) == (len(tiles) + 1) // 2
    assert errors == []


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_a_figures_link_copies_its_address_from_the_keyboard(browser: Browser, host: str, lang: str):
    figure = SITE.figures[SITE.headline_figures[0]] if SITE.headline_figures else SITE.sections[0].figures[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = _errors(page)
    url = f"{host}{_prefix(lang)}{figure.section}/"
    page.goto(url, wait_until="load")
    link = page.locator(f"a.figure-link#{figure.id}")
    link.focus()
    assert page.evaluate("document.activeElement.id") == figure.id
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('review-link-status')?.textContent")
    copied = page.evaluate("navigator.clipboard.readText()")
    status = page.evaluate("document.getElementById('review-link-status').textContent")
    hash_ = page.evaluate("location.hash")
    context.close()
    assert copied == f"{url}#{figure.id}"
    assert hash_ == f"#{figure.id}"
    assert status == SITE.vocabulary.labels["link_copied"][lang]
    assert errors == []


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_the_embed_code_copies_from_its_button(browser: Browser, host: str, lang: str):
    chart = next(chart for section in SITE.sections for chart in section.charts)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = _errors(page)
    page.goto(f"{host}{_prefix(lang)}{chart.section}/", wait_until="load")
    block = page.locator(f"#chart-{chart.id} ~ details.chart-embed").first
    block.locator("summary").click()
    button = block.locator("button.chart-embed-copy")
    name = button.evaluate("b => b.textContent")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('review-link-status')?.textContent")
    copied = page.evaluate("navigator.clipboard.readText()")
    status = page.evaluate("document.getElementById('review-link-status').textContent")
    code = block.locator(".chart-embed-code code").text_content() or ""
    context.close()
    labels = SITE.vocabulary.labels
    assert name == labels["embed_copy"][lang]
    assert copied == code.strip()
    assert f'<iframe src="{host}{_prefix(lang)}charts/{chart.id}/"' in copied
    assert status == labels["embed_copied"][lang]
    assert errors == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_the_open_embed_blocks_pass_axe(reports: test_browser.Reports, lang: str, scheme: str):
    """The embed code and its button, unfolded (the page-wide axe check of
    tests/test_browser.py sees them folded), in both schemes: every rule,
    on the section page's one visit (``test_browser.visit``)."""
    found = {}
    for section in SITE.sections:
        if not section.charts:
            continue
        report = reports[f"/{_prefix(lang)}{section.id}/"]
        assert report.embed_buttons[scheme] == len(section.charts)
        found[section.id] = report.embed_axe[scheme]
    assert found == {section.id: [] for section in SITE.sections if section.charts}


def embed_codes(reports: test_browser.Reports, lang: str) -> dict[str, str]:
    """The embed code of every chart, as its section page offers it to the
    reader (after the page's script made its address absolute), by chart
    id, from the visits of the section pages in ``lang``."""
    return {chart.id: reports[f"/{_prefix(lang)}{section.id}/"].embed_codes[f"chart-{chart.id}"] for section in SITE.sections for chart in section.charts}


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_the_embed_code_points_at_the_charts_own_page(reports: test_browser.Reports, host: str, lang: str):
    codes = embed_codes(reports, lang)
    for section in SITE.sections:
        for chart in section.charts:
            src = re.search(r'<iframe src="([^"]+)"', codes[chart.id])
            assert src and src.group(1) == f"{host}{_prefix(lang)}charts/{chart.id}/", chart.id


@pytest.mark.parametrize(("lang", "schemes"), [pytest.param("vi", ("light", "dark"), id="vi-light-then-dark"), pytest.param("en", ("dark", "light"), id="en-dark-then-light")])
def test_embedded_charts_show_in_iframes_without_console_errors(browser: Browser, reports: test_browser.Reports, lang: str, schemes: tuple[str, str]):
    """Every chart's code pasted into another page: each iframe shows its
    chart in the reader's scheme, without the site's header, and nothing
    logs an error; when the reader's system setting changes, every chart
    follows it. One language opens in each scheme."""
    charts = [chart for section in SITE.sections for chart in section.charts]
    context = browser.new_context(viewport={"width": 900, "height": 900}, color_scheme=schemes[0])
    page = context.new_page()
    errors = _errors(page)
    codes = embed_codes(reports, lang)
    body = "".join(codes[chart.id] for chart in charts)
    page.set_content(f"<!doctype html><html lang='en'><title>Another site</title><body>{body}</body></html>", wait_until="load")
    shown: dict[str, dict[str, tuple[bool, bool, bool]]] = {}
    for scheme in schemes:
        page.emulate_media(color_scheme=scheme)
        shown[scheme] = {}
        for index, chart in enumerate(charts):
            page.locator("iframe").nth(index).scroll_into_view_if_needed()
            frame = page.frame_locator("iframe").nth(index)
            light, dark = f"{chart.id}.svg#only-light", f"{chart.id}.dark.svg#only-dark"
            want, other = (light, dark) if scheme == "light" else (dark, light)
            image = frame.locator(f'figure.review-chart img[src$="{want}"]')
            image.wait_for(state="visible")
            loaded = image.evaluate("img => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0")
            shown[scheme][chart.id] = (loaded, frame.locator(f'figure.review-chart img[src$="{other}"]').is_visible(), frame.locator("header.md-header").is_visible())
    page.wait_for_timeout(200)
    context.close()
    assert shown == {scheme: {chart.id: (True, False, False) for chart in charts} for scheme in schemes}
    assert errors == []


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's offline copy (scripts/build_offline.py), unzipped."""
    folder = tmp_path_factory.mktemp("offline")
    result = call("build_offline.py", "--output", str(folder / "copy.zip"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(folder / "copy.zip") as archive:
        archive.extractall(folder)
    return folder / "can-tho-20"


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_search_works_in_the_offline_copy(browser: Browser, offline_copy: Path, lang: str):
    """Opened from the file system, where a browser starts no web worker
    (content/assets/javascripts/file-worker.js stands in): the search box
    of the last section's page finds the first section's page by its title
    typed without accents (review.hedges.fold), and only pages of its own
    language, files of the copy."""
    first, last = SITE.sections[0], SITE.sections[-1]
    page, query, expected = f"{_prefix(lang)}{last.id}.html", fold(first.title[lang]), f"{_prefix(lang)}{first.id}.html"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = _errors(tab)
    tab.goto((offline_copy / page).as_uri(), wait_until="load")
    found = [unquote(urlsplit(path).path).removeprefix(offline_copy.as_posix() + "/") for path in test_browser.search_results(tab, query)]
    context.close()
    assert expected in found, found
    assert [(offline_copy / path).is_file() and path.startswith("en/") == (lang == "en") for path in found] == [True] * len(found), found
    assert errors == []


OLD_IDS_PAGE = """<h1 id="trang">Trang</h1>
<h2 id="nguon-dien-hien-co">Nguồn điện hiện có<a class="headerlink" href="#nguon-dien-hien-co">¶</a></h2>
<h2 id="do-thi">Đồ thị</h2>
<h2 id="do-thi_1">Đồ thị</h2>"""
"""Headings whose ids kept "đ" as "d" (review.slugs), the last two made
unique by toc: their old ids dropped it (``nguon-ien-hien-co``, ``o-thi``,
``o-thi_1``)."""


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        pytest.param("#nguon-ien-hien-co", "#nguon-dien-hien-co", id="old-id"),
        pytest.param("#o-thi_1", "#do-thi_1", id="old-id-made-unique"),
        pytest.param("#do-thi", "#do-thi", id="a-current-id"),
        pytest.param("#khong-co", "#khong-co", id="no-such-heading"),
    ],
)
def test_an_old_heading_address_reaches_its_heading(browser: Browser, host: str, address: str, expected: str):
    """content/assets/links.js, on constructed headings: an address whose
    fragment is a heading's id from before "đ" was kept goes to that
    heading; any other stays as it is."""
    context = browser.new_context()
    page = context.new_page()
    errors = _errors(page)
    page.goto(f"{host}energy/", wait_until="load")
    page.evaluate("html => { document.querySelector('article').innerHTML = html; }", OLD_IDS_PAGE)
    found = page.evaluate(
        """async address => {
          const changed = new Promise(done => addEventListener('hashchange', done, { once: true }));
          location.hash = address;
          await changed;
          await new Promise(done => setTimeout(done));
          return location.hash;
        }""",
        address,
    )
    context.close()
    assert found == expected
    assert errors == []


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_a_section_address_made_with_the_old_ids_still_reaches_its_charts(browser: Browser, host: str, lang: str):
    """The charts heading of a section page, opened with the id toc's own
    slugify gave it ("Biểu đồ" → ``bieu-o``): the page goes to the heading,
    which is at the top of the window, and its address shows today's id."""
    section = next(section for section in SITE.sections if section.charts)
    title = SITE.vocabulary.labels["charts_title"][lang]
    old, new = toc.slugify(title, "-"), slugify(title, "-")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = _errors(page)
    page.goto(f"{host}{_prefix(lang)}{section.id}/#{old}", wait_until="load")
    page.wait_for_function("hash => location.hash === hash", arg=f"#{new}")
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", new)
    context.close()
    assert 0 <= top < 200
    assert errors == []
