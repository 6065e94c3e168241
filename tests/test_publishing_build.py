"""The published site, built for real: once with a site URL under a
sub-path (session-scoped), and checked without one through the shared build
of conftest.py. Also: a bad SITE_URL stops the build with one clear line,
two builds on different days are byte-identical, and the offline copy
opens from the file system."""

from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import brotli
import pytest

from conftest import ROOT, Build, environment, shared_build
from review import discovery, opendata, precompress
from review.model import LANGUAGES

SITE_URL = "https://example.org/can-tho-20/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site with a site URL, built once per test run. Read only."""
    return shared_build(tmp_path_factory, "published", env={"SITE_URL": SITE_URL.rstrip("/"), "SOURCE_DATE_EPOCH": None})


def _pages(site_dir: Path) -> dict[str, list[str]]:
    """Each language's page URLs (relative to its root), from the built HTML."""
    out: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        root = site_dir if lang == "vi" else site_dir / lang
        urls = []
        for index in root.rglob("index.html"):
            relative = index.parent.relative_to(root).as_posix()
            if lang == "vi" and relative.split("/")[0] in LANGUAGES:
                continue
            urls.append("" if relative == "." else relative + "/")
        out[lang] = sorted(urls)
    return out


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            self.links.append(dict(attrs))
        elif tag == "meta":
            self.meta.append(dict(attrs))


def _head(html: str) -> _Head:
    parser = _Head()
    parser.feed(html)
    return parser


def test_the_published_build_is_strict_and_clean(published: Build):
    assert published.warnings == []


def test_sitemap_lists_every_page_of_both_languages_with_alternates(published: Build):
    pages = _pages(published.site_dir)
    assert pages["vi"] == pages["en"] and "downloads/" in pages["vi"] and "schema/" in pages["vi"]
    tree = ElementTree.parse(published.site_dir / "sitemap.xml")
    urls = tree.getroot().findall("s:url", NS)
    locs = [url.findtext("s:loc", namespaces=NS) for url in urls]
    expected = {SITE_URL + ("" if lang == "vi" else f"{lang}/") + page for lang in LANGUAGES for page in pages[lang]}
    assert sorted(locs) == sorted(expected)
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(alternates) == {*LANGUAGES, "x-default"}
        assert url.findtext("s:loc", namespaces=NS) in alternates.values()
        assert alternates["x-default"] == alternates["vi"]
    assert not (published.site_dir / "en" / "sitemap.xml").exists()
    assert (published.site_dir / "robots.txt").read_text(encoding="utf-8").endswith(f"\nSitemap: {SITE_URL}sitemap.xml\n")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_absolute_hreflang_canonical_description_and_open_graph(published: Build, lang: str):
    pages = _pages(published.site_dir)[lang]
    for page in pages:
        head = _head(published.page(lang, page))
        here = SITE_URL + ("" if lang == "vi" else f"{lang}/") + page
        hreflang = {link["hreflang"]: link["href"] for link in head.links if link.get("rel") == "alternate"}
        assert hreflang == {"vi": SITE_URL + page, "en": SITE_URL + "en/" + page, "x-default": SITE_URL + page}, page
        assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [here], page
        meta = {m.get("property") or m.get("name"): m.get("content") for m in head.meta}
        assert meta["description"] and meta["description"] == meta["og:description"], page
        assert "{" not in meta["description"], (page, meta["description"])
        assert meta["og:url"] == here and meta["og:locale"] == discovery.LOCALES[lang] and meta["og:title"], page
        image = meta["og:image"]
        assert image and image.startswith(SITE_URL), page
        assert (published.site_dir / image.removeprefix(SITE_URL)).is_file(), image


@pytest.mark.parametrize("lang", LANGUAGES)
def test_section_pages_share_their_key_chart_and_are_described_by_their_summary(published: Build, site, lang: str):
    section = next(s for s in site.sections if s.charts)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in _head(published.page(lang, f"{section.id}/")).meta}
    assert meta["og:image"].endswith(f"charts/{section.charts[0].id}.png")
    assert meta["description"] == discovery.shorten(discovery.written(site, section.summary[lang], lang))
    assert "{" not in meta["description"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_page_offers_every_csv_and_the_package(published: Build, site, lang: str):
    html = published.page(lang, "downloads/")
    root = published.site_dir / ("" if lang == "vi" else lang)
    hrefs = re.findall(r'href="([^"]+\.(?:csv|json))"', html)
    expected = ["figures.csv", *(f"sections/{s.id}.csv" for s in site.sections if s.figures), "datapackage.json"]
    assert [href.removeprefix("../downloads/").removeprefix("./") for href in hrefs if "schema" not in href] == expected
    for href in hrefs:
        assert (root / "downloads" / href.removeprefix("../downloads/")).is_file() or (root / "downloads" / href).is_file(), href


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_schema_index_lists_every_published_schema(published: Build, lang: str):
    root = published.site_dir / ("" if lang == "vi" else lang)
    html = published.page(lang, "schema/")
    listed = re.findall(r'href="([a-z]+\.schema\.json)"', html)
    assert listed and sorted(listed) == sorted(p.name for p in (ROOT / "data" / "schema").glob("*.json"))
    assert all((root / "schema" / name).is_file() for name in listed)


def test_the_published_data_package_validates(published: Build):
    from frictionless import validate

    report = validate(str(published.site_dir / opendata.FOLDER / opendata.PACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_text_files_have_precompressed_copies_and_headers(published: Build):
    candidates = precompress.candidates(published.site_dir)
    assert any(p.name == "search_index.json" for p in candidates) and any(p.suffix == ".html" for p in candidates)
    assert not list(published.site_dir.rglob("*.map.gz")) and not list(published.site_dir.rglob("*.map.br"))
    for path in candidates:
        content = path.read_bytes()
        for suffix, decompress in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = path.with_name(path.name + suffix)
            if copy.exists():
                assert decompress(copy.read_bytes()) == content, copy
    headers = (published.site_dir / "_headers").read_text(encoding="utf-8")
    assert "/can-tho-20/\n  Cache-Control: public, max-age=0, must-revalidate\n" in headers
    assert re.search(r"^/can-tho-20/assets/javascripts/bundle\.[0-9a-f]+\.min\.js\n  Cache-Control: public, max-age=31536000, immutable$", headers, re.M)


def test_without_site_url_what_needs_it_is_left_out(built: Build):
    assert not (built.site_dir / "sitemap.xml").exists() and not (built.site_dir / "sitemap.xml.gz").exists()
    assert not (built.site_dir / "en" / "sitemap.xml").exists()
    assert (built.site_dir / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    for lang in LANGUAGES:
        head = _head(built.page(lang, "energy/"))
        rels = [link.get("rel") for link in head.links]
        assert "canonical" not in rels and "alternate" not in rels
        meta = {m.get("property") or m.get("name"): m.get("content") for m in head.meta}
        assert "og:url" not in meta and "og:image" not in meta
        assert meta["description"] and meta["og:title"] and meta["og:locale"] == discovery.LOCALES[lang]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _build_logged(site_dir: Path, project: Path = ROOT, **env: str | None) -> tuple[list[logging.LogRecord], BaseException | None]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    error = None
    try:
        with environment(env):
            try:
                build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
            except BaseException as caught:  # MkDocs ends a failed build with SystemExit's Abort
                error = caught
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return handler.records, error


def test_the_log_says_once_what_is_left_out_without_site_url(small_built: Build):
    """On the small fixture project (its shared build, without a site URL):
    the message is the build's, not the data's."""
    assert small_built.warnings == []
    said = [(level, message) for level, message in small_built.log if message.endswith(discovery.LEFT_OUT)]
    assert len(said) == 1 and said[0][0] == logging.INFO


@pytest.mark.parametrize(
    ("name", "value", "language", "message"),
    [
        ("SITE_URL", "example.org", "en", "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'example.org' (write https://example.org)"),
        (
            "SOURCE_DATE_EPOCH",
            "tomorrow",
            "en",
            "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 UTC (such as 1704067200, or the commit's: git log -1 --format=%ct), received 'tomorrow'",
        ),
        (
            "SITE_URL",
            "example.org",
            "vi",
            "SITE_URL: cần một địa chỉ URL đầy đủ bắt đầu bằng http(s), ví dụ https://example.org/can-tho-20/, nhận được 'example.org' (hãy viết https://example.org)",
        ),
    ],
    ids=["site-url-without-scheme", "source-date-epoch-word", "site-url-in-the-editors-language"],
)
def test_a_bad_setting_stops_the_build_with_one_line_and_writes_nothing(tmp_path: Path, name: str, value: str, language: str, message: str):
    # The editor's locale chooses the language of the message (LANGUAGE is read first).
    records, error = _build_logged(tmp_path / "site", **{name: value, "LANGUAGE": language})
    assert error is not None
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert errors == [message]
    assert not (tmp_path / "site").exists()


_FAKED_BUILD = """
import sys, time_machine
from mkdocs.__main__ import cli
with time_machine.travel(sys.argv[1], tick=False):
    cli(["build", "--quiet", "--strict", "--site-dir", sys.argv[2]])
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def faked_clock_cache(target: Path) -> Path:
    """A copy of the shared chart cache (``REVIEW_CHART_CACHE``), for builds
    at a faked date: a build prunes the entries no build has used for a day,
    and to a clock years ahead every entry of the shared cache is that old.
    The precompressed copies, which no build prunes, stay shared (a link)."""
    shared = Path(os.environ["REVIEW_CHART_CACHE"])
    shutil.copytree(shared, target, ignore=shutil.ignore_patterns("compressed"))
    (shared / "compressed").mkdir(parents=True, exist_ok=True)
    (target / "compressed").symlink_to(shared / "compressed", target_is_directory=True)
    return target


def test_two_builds_on_different_days_are_byte_identical(small_project: Path, tmp_path: Path):
    """Without SOURCE_DATE_EPOCH, at two faked dates: the same files, the same
    bytes. On the small fixture project: what makes a build reproducible
    (dates, compression, the sitemap, the card, the charts) is the same code
    for any data, and the real data's build is checked page by page above.
    The builds read a copy of the shared chart cache, so they draw nothing
    (and their pruning, to which every entry is years old, stays there)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH",)}
    env["SITE_URL"] = SITE_URL
    env["REVIEW_CHART_CACHE"] = str(faked_clock_cache(tmp_path / "cache"))
    trees = []
    for day, name in (("2031-03-04 05:06:07", "a"), ("2042-11-12 13:14:15", "b")):
        subprocess.run([sys.executable, "-c", _FAKED_BUILD, day, str(tmp_path / name)], cwd=small_project, env=env, check=True, capture_output=True)
        trees.append(_tree(tmp_path / name))
    assert list(trees[0]) == list(trees[1])
    different = [name for name in trees[0] if trees[0][name] != trees[1][name]]
    assert different == []
    assert "sitemap.xml.gz" in trees[0] and "assets/card.png" in trees[0]


def archive_text(archive: Path, name: str) -> str:
    with zipfile.ZipFile(archive) as opened:
        return opened.read(name).decode("utf-8")


def test_the_offline_copy_opens_from_the_file_system(small_project: Path, tmp_path: Path):
    """scripts/build_offline.py, run from a copy of the small fixture project
    (the script builds the project it stands in): how a copy is made to open
    from the file system (file links, no server files, inlined search
    indexes, every link followed, the same archive twice) does not depend
    on the data."""
    builder = small_project / "scripts" / "build_offline.py"
    builder.parent.mkdir()
    shutil.copy(ROOT / "scripts" / "build_offline.py", builder)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["SITE_URL"] = SITE_URL  # the offline copy ignores it
    result = subprocess.run([sys.executable, str(builder), "--output", str(tmp_path / "a.zip")], cwd=small_project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unzipped")
        home = archive.read("can-tho-20/index.html").decode("utf-8")
    root = tmp_path / "unzipped" / "can-tho-20"
    assert "can-tho-20/en/energy.html" in names and "can-tho-20/downloads/datapackage.json" in names
    assert not [n for n in names if n.endswith((".gz", ".br", "/_headers", "/robots.txt", "/sitemap.xml", "404.html"))]
    assert 'href="energy.html"' in home and SITE_URL not in home
    # Search runs from the file system: the worker's stand-in comes before Material's bundle.
    assert home.index('<script src="assets/javascripts/file-worker.js">') < home.index('<script src="assets/javascripts/bundle.')
    assert "can-tho-20/assets/javascripts/file-worker.js" in names
    for lang in ("", "en/"):
        script = archive_text(tmp_path / "a.zip", f"can-tho-20/{lang}search/search_index.js")
        assert script == "var __index = " + archive_text(tmp_path / "a.zip", f"can-tho-20/{lang}search/search_index.json")
    from review import offline

    assert offline.broken_links(root) == []
    # The same archive again, byte for byte.
    subprocess.run([sys.executable, str(builder), "--output", str(tmp_path / "b.zip")], cwd=small_project, env=env, check=True, capture_output=True)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("copy.tar", "--output: expected a file name ending with .zip, received 'copy.tar'"),
        ("folder.zip", "--output: expected a file, received the folder 'folder.zip'"),
    ],
    ids=["not-a-zip", "a-folder"],
)
def test_the_offline_script_refuses_a_bad_output(tmp_path: Path, argument: str, message: str):
    (tmp_path / "folder.zip").mkdir()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--output", argument], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(f"error: {message}")


@pytest.mark.parametrize("page", ["downloads", "schema/index"], ids=["downloads", "schema-index"])
def test_a_hand_written_page_cannot_take_a_publishing_page(tmp_path: Path, page: str):
    from review.problems import DataError
    from review.project import load_project

    docs = tmp_path / "content"
    (docs / page).parent.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        (docs / f"{page}.{lang}.md").write_text("# x\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_project(ROOT, docs_dir=docs)
    assert [str(problem) for problem in error.value.problems] == [
        f"content/{page}.{lang}.md: expected a page of its own, received one that would replace the generated page {page}.md (rename it)" for lang in ("en", "vi")
    ]


def test_the_pages_workflow_builds_with_the_pinned_requirements_and_the_pages_url():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("name") == "Build the site")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "pip install -q -r requirements.txt" in build["run"] and "mkdocs build --strict" in build["run"]
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in build["run"]
    assert next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_pages_link_under_the_sub_path(published: Build, lang: str):
    html = (published.site_dir / ("" if lang == "vi" else lang) / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="([^"#]+)"', html)
    local = [link for link in links if not link.startswith(("http://", "https://", "data:"))]
    assert local and all(link.startswith("/can-tho-20/") for link in local), [link for link in local if not link.startswith("/can-tho-20/")]
