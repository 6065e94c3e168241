"""The language mechanism: alternates and hand-written page pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.languages import alternates, pair_handwritten


@pytest.mark.parametrize(
    ("page_url", "lang", "vi", "en"),
    [
        pytest.param("", "vi", "./", "en/", id="vi-home"),
        pytest.param("", "en", "../", "../en/", id="en-home"),
        pytest.param("energy/", "vi", "../energy/", "../en/energy/", id="vi-section"),
        pytest.param("energy/", "en", "../../energy/", "../../en/energy/", id="en-section"),
        pytest.param("energy.html", "vi", "energy.html", "en/energy.html", id="vi-no-directory-urls"),
        pytest.param("energy.html", "en", "../energy.html", "../en/energy.html", id="en-no-directory-urls"),
    ],
)
def test_relative_alternates(page_url, lang, vi, en):
    links = {a.lang: a for a in alternates(page_url, lang, None)}
    assert links["vi"].href == vi
    assert links["en"].href == en
    assert links[lang].current and not links["en" if lang == "vi" else "vi"].current
    assert links["vi"].absolute is None


@pytest.mark.parametrize(
    ("site_url", "lang"),
    [
        pytest.param("https://example.org/review/", "vi", id="vi"),
        pytest.param("https://example.org/review/en/", "en", id="en"),
        pytest.param("https://example.org/review/en", "en", id="en-no-slash"),
    ],
)
def test_absolute_alternates(site_url, lang):
    links = {a.lang: a.absolute for a in alternates("energy/", lang, site_url)}
    assert links == {"vi": "https://example.org/review/energy/", "en": "https://example.org/review/en/energy/"}


def test_pairs_pages_by_name():
    pairs, problems = pair_handwritten(Path("content"), ["guide.vi.md", "guide.en.md", "sub/x.vi.md", "sub/x.en.md"])
    assert problems == []
    assert pairs == {"vi": {"guide.md": "guide.vi.md", "sub/x.md": "sub/x.vi.md"}, "en": {"guide.md": "guide.en.md", "sub/x.md": "sub/x.en.md"}}


@pytest.mark.parametrize(
    ("names", "message"),
    [
        pytest.param(["guide.vi.md"], "content/guide.vi.md: expected the page in every language, missing guide.en.md", id="missing-english"),
        pytest.param(["guide.md"], "content/guide.md: expected a page named <name>.vi.md or <name>.en.md, received no language (rename it to guide.vi.md and add its English twin)", id="no-language"),
        pytest.param(["guide.fr.md"], "content/guide.fr.md: expected the language vi or en, received 'fr'", id="unknown-language"),
    ],
)
def test_bad_hand_written_pages(names, message):
    _, problems = pair_handwritten(Path("content"), names)
    assert [str(p) for p in problems] == [message]


def test_a_hand_written_page_cannot_replace_a_generated_one():
    pairs, problems = pair_handwritten(Path("content"), ["about.vi.md", "about.en.md", "guide.vi.md", "guide.en.md"], ["index.md", "about.md"])
    assert [str(p) for p in problems] == [
        "content/about.en.md: expected a page of its own, received one that would replace the generated page about.md (rename it)",
        "content/about.vi.md: expected a page of its own, received one that would replace the generated page about.md (rename it)",
    ]
    assert pairs == {"vi": {"guide.md": "guide.vi.md"}, "en": {"guide.md": "guide.en.md"}}
