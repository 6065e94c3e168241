"""The publishing core, alone: the site's URL, the build date, the sitemap
and page descriptions, the open data, precompression and ``_headers``, the
offline copy's link check and zip, and the site card."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import brotli
import pytest

from review import buildtime, discovery, offline, opendata, precompress, prose, siteurl, socialcard
from review.model import Site


# --- site URL ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://example.org", "https://example.org/"),
        ("https://example.org/can-tho-20", "https://example.org/can-tho-20/"),
        ("http://localhost:8000/a/b/", "http://localhost:8000/a/b/"),
        ("  https://example.org/x/  ", "https://example.org/x/"),
    ],
    ids=["host", "sub-path", "port-and-depth", "spaces-around"],
)
def test_site_url_is_written_one_way(given: str, expected: str):
    assert siteurl.check(given, "SITE_URL") == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("example.org", "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'example.org' (write https://example.org)"),
        ("ftp://example.org/", "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'ftp://example.org/'"),
        ("https:///can-tho-20/", "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'https:///can-tho-20/'"),
        (
            "https://example.org/?lang=vi",
            "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'https://example.org/?lang=vi' (a site URL has no '?' query and no '#' fragment)",
        ),
        ("https://example.org/a b/", "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'https://example.org/a b/' (a URL has no spaces)"),
        ("https://example.org:port/", "SITE_URL: expected an absolute http(s) URL such as https://example.org/can-tho-20/, received 'https://example.org:port/'"),
    ],
    ids=["no-scheme", "ftp", "no-host", "query", "space", "bad-port"],
)
def test_a_bad_site_url_is_refused_with_its_origin(given: str, message: str):
    with pytest.raises(siteurl.SiteUrlError) as error:
        siteurl.check(given, "SITE_URL")
    assert str(error.value) == message


def test_site_url_from_the_environment_wins_and_empty_means_unset():
    assert siteurl.resolve("https://a.example/", {"SITE_URL": "https://b.example/x"}) == "https://b.example/x/"
    assert siteurl.resolve("https://a.example/", {"SITE_URL": "  "}) == "https://a.example/"
    assert siteurl.resolve(None, {}) is None
    with pytest.raises(siteurl.SiteUrlError, match=r"^mkdocs.yml: site_url: expected an absolute http\(s\) URL"):
        siteurl.resolve("example.org", {})


# --- build date -------------------------------------------------------------


def test_build_date_has_a_fixed_default_and_honours_source_date_epoch():
    default = buildtime.resolve({})
    assert (default.epoch, default.explicit) == (buildtime.DEFAULT_EPOCH, False)
    given = buildtime.resolve({"SOURCE_DATE_EPOCH": "1700000000"})
    assert (given.epoch, given.explicit, given.date.isoformat()) == (1700000000, True, "2023-11-14")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("yesterday", "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 UTC (such as 1704067200, or the commit's: git log -1 --format=%ct), received 'yesterday'"),
        ("-5", "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 UTC (such as 1704067200, or the commit's: git log -1 --format=%ct), received '-5'"),
        ("1.5", "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 UTC (such as 1704067200, or the commit's: git log -1 --format=%ct), received '1.5'"),
        ("100", "SOURCE_DATE_EPOCH: expected a date from 1980 on (315532800 or more), received '100'"),
    ],
    ids=["word", "negative", "fraction", "before-1980"],
)
def test_a_bad_source_date_epoch_is_refused(given: str, message: str):
    with pytest.raises(buildtime.BuildTimeError) as error:
        buildtime.resolve({"SOURCE_DATE_EPOCH": given})
    assert str(error.value) == message


# --- sitemap, robots, descriptions -------------------------------------------


def test_sitemap_lists_each_page_in_each_language_with_its_alternates():
    xml = discovery.sitemap("https://example.org/sub/", ["", "energy/"], None)
    entries = discovery.sitemap_entries("https://example.org/sub/", ["", "energy/"])
    assert [entry.loc for entry in entries] == [
        "https://example.org/sub/",
        "https://example.org/sub/en/",
        "https://example.org/sub/energy/",
        "https://example.org/sub/en/energy/",
    ]
    assert entries[3].alternates == (
        ("vi", "https://example.org/sub/energy/"),
        ("en", "https://example.org/sub/en/energy/"),
        ("x-default", "https://example.org/sub/energy/"),
    )
    assert xml.count("<url>") == 4 and xml.count("<xhtml:link") == 12
    assert "<lastmod>" not in xml


def test_sitemap_escapes_urls_and_dates_only_a_real_build_date():
    import datetime

    xml = discovery.sitemap("https://example.org/a&b/", ["x/"], datetime.date(2025, 2, 3))
    assert "https://example.org/a&amp;b/x/" in xml and "a&b" not in xml
    assert xml.count("<lastmod>2025-02-03</lastmod>") == 2


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [(None, "User-agent: *\nAllow: /\n"), ("https://example.org/sub/", "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/sitemap.xml\n")],
    ids=["no-site-url", "site-url"],
)
def test_robots_points_to_the_sitemap_when_there_is_one(site_url: str | None, expected: str):
    assert discovery.robots(site_url) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short  text\n", 20, "short text"),
        ("one two three four", 12, "one two…"),
        ("one two, three", 10, "one two…"),
        ("unbreakablewordthatislong", 10, "unbreakab…"),
    ],
    ids=["fits", "cut-at-word", "no-trailing-comma", "one-long-word"],
)
def test_shorten_cuts_at_a_word(text: str, limit: int, expected: str):
    assert discovery.shorten(text, limit) == expected
    assert len(discovery.shorten(text, limit)) <= limit


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pages_are_described_by_their_data(site: Site, lang: str):
    section = site.sections[1]
    assert discovery.description(site, "index.md", lang) == discovery.shorten(site.description[lang])
    assert discovery.description(site, f"{section.id}.md", lang) == discovery.shorten(prose.fill(section.summary[lang], site.figures, site.vocabulary, lang))
    assert discovery.description(site, "editing.md", lang) is None
    charted = next(s for s in site.sections if s.charts)
    picture = discovery.image(site, f"{charted.id}.md", lang)
    assert picture.uri == f"charts/{charted.charts[0].id}.png"
    assert discovery.image(site, "about.md", lang).uri == discovery.CARD


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_description_writes_the_figures_its_text_names(site: Site, lang: str):
    import dataclasses

    figure = next(iter(site.figures.values()))
    section = dataclasses.replace(site.sections[0], summary=dataclasses.replace(site.sections[0].summary, **{lang: f"Total: {{{figure.id}}}."}))
    changed = dataclasses.replace(site, sections=(section, *site.sections[1:]))
    from review import formatting

    expected = f"Total: {formatting.format_value(figure.latest, figure.unit, site.vocabulary, lang)}."
    assert discovery.description(changed, f"{section.id}.md", lang) == expected
    assert "{" not in expected


def test_page_meta_is_absolute_only_with_a_site_url(site: Site):
    known = discovery.page_meta(site, "en", title="T", description="D", src_uri="about.md", page_url="about/", site_url="https://example.org/sub/")
    assert (known.url, known.image, known.locale, known.alternate_locales) == ("https://example.org/sub/en/about/", "https://example.org/sub/en/assets/card.png", "en_GB", ("vi_VN",))
    unknown = discovery.page_meta(site, "vi", title="T", description="D", src_uri="about.md", page_url="about/", site_url=None)
    assert (unknown.url, unknown.image) == (None, None)


# --- open data --------------------------------------------------------------


def _write(files: dict[str, bytes], root: Path) -> Path:
    for uri, content in files.items():
        target = root / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return root / opendata.FOLDER / opendata.PACKAGE


def test_the_data_package_is_valid_for_frictionless(site: Site, tmp_path: Path):
    from frictionless import Package, validate

    descriptor = _write(opendata.files(site), tmp_path)
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(descriptor))
    expected = ["figures", *(f"section-{s.id}" for s in site.sections if s.figures)]
    assert package.resource_names == expected


def test_every_value_is_one_row_with_its_figure_id(site: Site):
    import csv

    rows = list(csv.DictReader(io.StringIO(opendata.figures_csv(site, site.sections).decode("utf-8"))))
    expected = [(figure.id, value.time.raw) for figure in site.figures.values() for value in figure.values]
    assert [(row["figure"], row["time"]) for row in rows] == expected
    assert [column.name for column in opendata.COLUMNS] == list(rows[0])
    assert not [row for row in rows if prose.PLACEHOLDER.search(row["notes_vi"] + row["notes_en"])]


def test_a_note_that_names_a_figure_is_written_out_in_the_csv(site: Site):
    import csv
    import dataclasses

    from review import formatting
    from review.model import Note, Text

    section = next(s for s in site.sections if s.figures)
    figure = section.figures[0]
    note = Note("constructed", Text(vi=f"Xem {{{figure.id}}}.", en=f"See {{{figure.id}}}."))
    value = dataclasses.replace(figure.values[0], notes=("constructed",))
    changed = dataclasses.replace(section, notes=(note,), figures=(dataclasses.replace(figure, values=(value,)),))
    row = next(csv.DictReader(io.StringIO(opendata.figures_csv(site, (changed,)).decode("utf-8"))))
    for lang in ("vi", "en"):
        assert formatting.format_value(figure.latest, figure.unit, site.vocabulary, lang) in row[f"notes_{lang}"]
        assert "{" not in row[f"notes_{lang}"]


def test_the_package_is_bilingual_and_names_units_qualifiers_sources_and_licence(site: Site):
    package = opendata.datapackage(site)
    assert (package["title"], package["x-title-vi"]) == (site.title.en, site.title.vi)
    assert set(package["x-units"]) == set(site.vocabulary.units)
    assert set(package["x-qualifiers"]) == set(site.vocabulary.qualifiers)
    assert [s["x-id"] for s in package["sources"]] == list(site.sources)
    assert package["licenses"] == [opendata.LICENCE]
    for resource in package["resources"]:
        assert resource["title"] and resource["x-title-vi"]


def test_a_value_with_a_comma_or_a_quote_survives_the_csv(site: Site, tmp_path: Path):
    import csv
    import dataclasses

    section = next(s for s in site.sections if s.figures)
    figure = section.figures[0]
    tricky = dataclasses.replace(figure, label=dataclasses.replace(figure.label, en='A "quoted", comma\nline'))
    changed = dataclasses.replace(section, figures=(tricky, *section.figures[1:]))
    rows = list(csv.DictReader(io.StringIO(opendata.figures_csv(site, (changed,)).decode("utf-8"))))
    assert rows[0]["label_en"] == 'A "quoted", comma\nline'


# --- precompression and _headers ---------------------------------------------


def test_precompressed_copies_are_deterministic_and_decompress_to_the_file(tmp_path: Path):
    site_dir = tmp_path / "site"
    (site_dir / "a").mkdir(parents=True)
    page = ("<p>Cần Thơ</p>\n" * 200).encode()
    (site_dir / "a" / "index.html").write_bytes(page)
    (site_dir / "small.css").write_text("a{}")
    (site_dir / "image.png").write_bytes(b"\x89PNG" * 500)
    summary = precompress.precompress(site_dir, precompress.Store(tmp_path / "cache"))
    assert summary.files == 1
    assert gzip.decompress((site_dir / "a" / "index.html.gz").read_bytes()) == page
    assert brotli.decompress((site_dir / "a" / "index.html.br").read_bytes()) == page
    assert not (site_dir / "small.css.gz").exists() and not (site_dir / "image.png.gz").exists()
    # gzip header: no file name, modification time 0.
    header = (site_dir / "a" / "index.html.gz").read_bytes()[:10]
    assert header[3] == 0 and header[4:8] == b"\0\0\0\0"
    first = (site_dir / "a" / "index.html.br").read_bytes()
    precompress.precompress(site_dir, precompress.Store(tmp_path / "cache"))
    assert (site_dir / "a" / "index.html.br").read_bytes() == first


def test_a_damaged_cache_entry_is_compressed_again(tmp_path: Path):
    store = precompress.Store(tmp_path / "cache")
    content = b"x" * 5000
    store.get(content, "br")
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:-3] + b"bad")
    assert brotli.decompress(precompress.Store(tmp_path / "cache").get(content, "br")) == content


def test_headers_cache_fingerprinted_assets_long_and_html_short(tmp_path: Path):
    for name in ("index.html", "en/energy/index.html", "assets/javascripts/bundle.a5f9d56c.min.js", "assets/site.css", "404.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    text = precompress.headers(tmp_path, "/sub/")
    assert text == (
        f"/sub/\n  Cache-Control: {precompress.SHORT_CACHE}\n"
        f"/sub/404.html\n  Cache-Control: {precompress.SHORT_CACHE}\n"
        f"/sub/assets/javascripts/bundle.a5f9d56c.min.js\n  Cache-Control: {precompress.LONG_CACHE}\n"
        f"/sub/en/energy/\n  Cache-Control: {precompress.SHORT_CACHE}\n"
        f"/sub/en/energy/index.html\n  Cache-Control: {precompress.SHORT_CACHE}\n"
        f"/sub/index.html\n  Cache-Control: {precompress.SHORT_CACHE}\n"
    )
    with pytest.raises(ValueError, match="expected a path that starts and ends with '/', received 'sub'"):
        precompress.headers(tmp_path, "sub")


# --- offline copy -------------------------------------------------------------


def test_offline_link_check_finds_what_fails_from_the_file_system(tmp_path: Path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("x")
    (tmp_path / "a.png").write_bytes(b"")
    (tmp_path / "index.html").write_text(
        '<a href="en/index.html#top">ok</a><img src="a.png"><a href="#x">anchor</a><a href="https://example.org/">other host</a>'
        '<a href="en/">folder</a><a href="missing.html">missing</a><link href="/assets/x.css">'
    )
    assert [str(link) for link in offline.broken_links(tmp_path)] == [
        "index.html: 'en/' names a folder, which a browser lists instead of opening its index.html",
        "index.html: 'missing.html' names a file that is not there",
        "index.html: '/assets/x.css' starts at the root of the disk",
    ]


def test_server_only_files_are_removed(tmp_path: Path):
    for name in ("index.html", "index.html.gz", "index.html.br", "_headers", "robots.txt", "sitemap.xml", "404.html", "en/404.html", "downloads/figures.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    removed = offline.remove_server_files(tmp_path)
    assert removed == ["404.html", "_headers", "en/404.html", "index.html.br", "index.html.gz", "robots.txt", "sitemap.xml"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == ["downloads/figures.csv", "index.html"]


def test_search_indexes_are_inlined_for_file_pages(tmp_path: Path):
    for lang in ("", "en/"):
        (tmp_path / lang / "search").mkdir(parents=True, exist_ok=True)
        (tmp_path / lang / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    assert offline.inline_search_indexes(tmp_path) == ["en/search/search_index.js", "search/search_index.js"]
    assert (tmp_path / "search" / "search_index.js").read_text(encoding="utf-8") == 'var __index = {"docs": []}'


def test_the_zip_is_the_same_whatever_the_files_dates(tmp_path: Path):
    root = tmp_path / "copy"
    (root / "en").mkdir(parents=True)
    (root / "index.html").write_text("vi")
    (root / "en" / "index.html").write_text("en")
    offline.write_zip(root, tmp_path / "a.zip", "site", buildtime.DEFAULT_EPOCH)
    for number, path in enumerate(root.rglob("*")):
        os.utime(path, (1_800_000_000 + number, 1_800_000_000 + number))
        path.chmod(0o600 if path.is_file() else 0o700)
    offline.write_zip(root, tmp_path / "b.zip", "site", buildtime.DEFAULT_EPOCH)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert archive.namelist() == ["site/en/index.html", "site/index.html"]
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}


# --- site card ------------------------------------------------------------------


def test_the_site_card_is_deterministic_and_cached(site: Site, tmp_path: Path):
    from PIL import Image

    from review.charts.cache import ChartCache

    text = socialcard.CardText(site.title.vi, site.description.vi, site.short_title.vi)
    first = socialcard.card(text, socialcard.CardLabels("vi"), ChartCache(tmp_path))
    assert socialcard.render(text, socialcard.CardLabels("vi")) == first
    assert Image.open(io.BytesIO(first)).size == (socialcard.WIDTH, socialcard.HEIGHT)
    assert b"Software" not in first and b"Date" not in first
    other = socialcard.CardText(site.title.en, site.description.en, site.short_title.en)
    assert socialcard.card(other, socialcard.CardLabels("en"), ChartCache(tmp_path)) != first
    assert len(list(tmp_path.rglob("*"))) >= 2


def test_the_data_package_descriptor_is_json_with_unicode_as_is(site: Site):
    text = opendata.files(site)[f"{opendata.FOLDER}/{opendata.PACKAGE}"].decode("utf-8")
    assert site.title.vi in text
    assert json.loads(text) == opendata.datapackage(site)
