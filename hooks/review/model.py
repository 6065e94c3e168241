"""The review's data model: what the pages, tables and charts are made from.

Instances are built only by :mod:`review.building`, from data that has
passed every check, so code that reads the model can trust it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from typing import Any, Literal

LANGUAGES: tuple[str, ...] = ("vi", "en")
"""The site's languages; the first is the default, served at the root."""

DEFAULT_LANGUAGE = LANGUAGES[0]

Precision = Literal["year", "years", "month", "day"]
Qualifier = Literal["exact", "about", "more_than", "over", "nearly", "estimated", "planned"]
UnitKind = Literal["count", "percent", "measure"]


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    vi: str
    en: str

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)


@dataclass(frozen=True)
class Paragraphs:
    """Paragraphs in both languages."""

    vi: tuple[str, ...]
    en: tuple[str, ...]

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)


@dataclass(frozen=True, order=True)
class Period:
    """A year, a range of years, a month or a day."""

    start: datetime.date
    end: datetime.date
    precision: Precision
    raw: str

    @property
    def sort_key(self) -> tuple[datetime.date, datetime.date]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Unit:
    id: str
    vi: str
    en_one: str
    en_other: str
    kind: UnitKind


@dataclass(frozen=True)
class Value:
    """One value of a figure, with its hedge, time and provenance."""

    value: Decimal | int
    period: Period | None
    """The time a flow covers (electricity saved in 2011–2015)."""
    as_of: Period | None
    """The date a stock refers to (capacity as of October 2023)."""
    qualifier: Qualifier
    source: str
    quote: str
    notes: tuple[str, ...]

    @property
    def time(self) -> Period:
        time = self.period or self.as_of
        assert time is not None  # validation guarantees one of the two
        return time


@dataclass(frozen=True)
class Figure:
    id: str
    section: str
    label: Text
    unit: Unit
    values: tuple[Value, ...]

    @property
    def latest(self) -> Value:
        return self.values[-1]


@dataclass(frozen=True)
class ListItem:
    name: Text
    detail: Text | None
    status: str | None
    quote: str | None
    notes: tuple[str, ...] = ()
    """Ids of editorial notes of the section that concern this item."""


@dataclass(frozen=True)
class ItemList:
    id: str
    title: Text
    intro: Text | None
    items: tuple[ListItem, ...]
    open_ended: bool


@dataclass(frozen=True)
class Milestone:
    date: Period
    text: Text
    quote: str
    section: str


@dataclass(frozen=True)
class Note:
    id: str
    text: Text


ChartKind = Literal["bar", "series", "part-of-whole"]

CHART_PLACEHOLDER = re.compile(r"\{([a-z0-9]+(?:-[a-z0-9]+)*)\}")
"""``{figure-id}`` in a chart's title or subtitle stands for that figure's
latest value, written for each language."""

MAX_CHART_PARTS = 4
"""A part-of-whole chart has at most this many parts, so that none disappears."""


@dataclass(frozen=True)
class Chart:
    id: str
    section: str
    """The section whose page shows the chart; its figures may come from any."""
    kind: ChartKind
    figures: tuple[str, ...]
    title: Text
    subtitle: Text | None
    labels: dict[str, Text] = field(default_factory=dict)
    """Short names of the chart's figures, by figure id (optional)."""
    whole: str | None = None
    """part-of-whole: the figure that is the whole, if not the sum of the parts."""
    remainder: Text | None = None
    """part-of-whole: the name of what the parts leave of the whole."""
    open_ended: bool = False
    """The source names only some of the things shown (its list ends in
    "…"): the site never adds the values up."""


@dataclass(frozen=True)
class Relation:
    kind: Literal["sum", "ratio", "growth"]
    result: str
    operands: tuple[str, ...]
    tolerance: Decimal | None
    """None: the default, 0.5 for a percentage and 0 otherwise."""
    note: str | None
    stated: Decimal = Decimal(0)
    """The result as the source states it."""
    operand_values: tuple[Decimal, ...] = ()
    """The operands' values, in order."""
    computed: Decimal = Decimal(0)
    """The result computed from the operands (a percentage for ratio and growth)."""
    holds: bool = True
    """Whether stated and computed agree within the tolerance. A relation that
    does not hold has a note: the build refuses it otherwise."""

    @property
    def result_id(self) -> str:
        """The id of the result's figure, without ``@period``."""
        return self.result.partition("@")[0]

    @property
    def result_period(self) -> str | None:
        """The ``@period`` of the result, if it names one."""
        return self.result.partition("@")[2] or None


@dataclass(frozen=True)
class Edit:
    """A declared change to the source's words in a section's body."""

    kind: Literal["typo", "quotation-mark", "print-remnant"]
    source: str
    """The source's words."""
    text: str
    """The same words as the body gives them."""
    note: str
    """The id of the section's note that tells readers."""


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    summary: Text
    icon: str
    body: Paragraphs
    key_figures: tuple[str, ...]
    figures: tuple[Figure, ...]
    lists: tuple[ItemList, ...]
    milestones: tuple[Milestone, ...]
    notes: tuple[Note, ...]
    charts: tuple[Chart, ...]
    relations: tuple[Relation, ...]
    body_source: str | None = None
    """The source whose own words ``body.vi`` gives, if any."""
    edits: tuple[Edit, ...] = ()
    """The declared changes to those words."""

    def note_numbers(self) -> dict[str, int]:
        """Notes are numbered 1, 2, … in the order the section gives them."""
        return {note.id: number for number, note in enumerate(self.notes, start=1)}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    author: str | None
    citation: Text
    date: Period | None
    publication: str | None = None
    text_file: str | None = None
    """The source's text in the repository, relative to data/ (review.sources)."""
    url: str | None = None
    accessed: Period | None = None
    language: str = "vi"
    """The language of the source's text: how its quotes write numbers."""


@dataclass(frozen=True)
class Caption:
    text: Text
    quote: str


@dataclass(frozen=True)
class Vocabulary:
    units: dict[str, Unit]
    qualifiers: dict[str, Text]
    statuses: dict[str, Text]
    abbreviations: dict[str, Text]
    labels: dict[str, Text]


@dataclass(frozen=True)
class Site:
    title: Text
    short_title: Text
    description: Text
    sections: tuple[Section, ...]
    sources: dict[str, Source]
    home_intro: Paragraphs
    home_titles: dict[str, Text]
    about_title: Text
    about_body: Paragraphs
    captions_title: Text | None
    captions: tuple[Caption, ...]
    vocabulary: Vocabulary
    headline_figures: tuple[str, ...] = ()
    """The figures the home page shows as tiles, by id, in order."""

    @property
    def default_source(self) -> Source:
        """The first source: the article, unless a value names another."""
        return next(iter(self.sources.values()))

    @cached_property
    def figures(self) -> dict[str, Figure]:
        """Every figure by id; computed once (pages look figures up by id
        thousands of times at 50× the data)."""
        return {figure.id: figure for section in self.sections for figure in section.figures}

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """Values computed from this site more than once per build (chart
        specs and views), kept by :func:`review.memo.remembered`: the site
        does not change once built."""
        return {}

    @property
    def milestones(self) -> list[Milestone]:
        """Every dated event of every section, oldest first."""
        events = [m for section in self.sections for m in section.milestones]
        return sorted(events, key=lambda m: m.date.sort_key)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
