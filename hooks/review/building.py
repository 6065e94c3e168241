"""The model, built from data that has passed every check, with every
default in one place."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .datafiles import DataFiles
from .model import (
    Caption,
    Chart,
    Figure,
    ItemList,
    ListItem,
    Milestone,
    Note,
    Paragraphs,
    Period,
    Qualifier,
    Relation,
    Section,
    Site,
    Source,
    Text,
    Unit,
    UnitKind,
    Value,
    Vocabulary,
)
from .periods import parse_period
from .relations import Series, default_tolerance, evaluate, parse_ref

DEFAULT_UNIT_KIND: UnitKind = "measure"
"""A unit without ``kind`` measures something (MW, hectares, kWh)."""
DEFAULT_ICON = "material/file-document-outline"
"""A section without ``icon``."""
DEFAULT_QUALIFIER: Qualifier = "exact"
"""A value without ``qualifier`` is exact, as the source states it."""


def build_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """The vocabulary, from its schema-valid file; the other files are
    checked against it."""
    units = {}
    for ident, unit in data["units"].items():
        english = unit["en"]
        one, other = (english["one"], english["other"]) if isinstance(english, dict) else (english, english)
        units[ident] = Unit(ident, unit["vi"], one, other, unit.get("kind", DEFAULT_UNIT_KIND))
    return Vocabulary(
        units=units,
        qualifiers={k: _text(v) for k, v in data["qualifiers"].items()},
        statuses={k: _text(v) for k, v in data["statuses"].items()},
        abbreviations={k: _text(v) for k, v in data["abbreviations"].items()},
        labels={k: _text(v) for k, v in data["labels"].items()},
    )


def build_site(files: DataFiles, vocabulary: Vocabulary) -> Site:
    site = files.site.data
    default_source = site["sources"][0]["id"]
    figures = {name: _figures(name, files.sections[name].data, vocabulary, default_source) for name in site["sections"]}
    every = [figure for section in figures.values() for figure in section]
    series: Series = {f.id: [(v.time.raw, v.value) for v in f.values] for f in every}
    unit_kinds = {f.id: f.unit.kind for f in every}
    sections = tuple(_section(name, files.sections[name].data, figures[name], series, unit_kinds) for name in site["sections"])
    about = site["about"]
    return Site(
        title=_text(site["title"]),
        short_title=_text(site["short_title"]),
        description=_text(site["description"]),
        sections=sections,
        sources={
            s["id"]: Source(
                s["id"],
                s["title"],
                s.get("author"),
                _text(s["citation"]),
                _period(s.get("date")),
                s.get("publication"),
                s.get("text_file"),
                s.get("url"),
                _period(s.get("accessed")),
                s.get("language", "vi"),
            )
            for s in site["sources"]
        },
        home_intro=_paragraphs(site["home"]["intro"]),
        home_titles={k: _text(v) for k, v in site["home"].items() if k != "intro"},
        about_title=_text(about["title"]),
        about_body=_paragraphs(about["body"]),
        captions_title=_text(about["captions_title"]) if "captions_title" in about else None,
        captions=tuple(Caption(_text(c["text"]), c["quote"]) for c in about.get("captions", [])),
        vocabulary=vocabulary,
    )


def _text(data: dict[str, str]) -> Text:
    return Text(vi=data["vi"], en=data["en"])


def _paragraphs(data: dict[str, list[str]]) -> Paragraphs:
    return Paragraphs(vi=tuple(data["vi"]), en=tuple(data["en"]))


def _period(raw: str | int | None) -> Period | None:
    return None if raw is None else parse_period(raw)


def _figures(section: str, data: dict[str, Any], vocabulary: Vocabulary, default_source: str) -> tuple[Figure, ...]:
    return tuple(
        Figure(
            id=f["id"],
            section=section,
            label=_text(f["label"]),
            unit=vocabulary.units[f["unit"]],
            values=tuple(
                Value(
                    value=v["value"],
                    period=_period(v.get("period")),
                    as_of=_period(v.get("as_of")),
                    qualifier=v.get("qualifier", DEFAULT_QUALIFIER),
                    source=v.get("source", default_source),
                    quote=v["quote"],
                    notes=tuple(v.get("notes", [])),
                )
                for v in f["values"]
            ),
        )
        for f in data.get("figures", [])
    )


def _chart(section: str, data: dict[str, Any]) -> Chart:
    return Chart(
        id=data["id"],
        section=section,
        kind=data["kind"],
        figures=tuple(data["figures"]),
        title=_text(data["title"]),
        subtitle=_text(data["subtitle"]) if "subtitle" in data else None,
        labels={ident: _text(label) for ident, label in data.get("labels", {}).items()},
        whole=data.get("whole"),
        remainder=_text(data["remainder"]) if "remainder" in data else None,
    )


def _list(data: dict[str, Any]) -> ItemList:
    return ItemList(
        id=data["id"],
        title=_text(data["title"]),
        intro=_text(data["intro"]) if "intro" in data else None,
        items=tuple(ListItem(_text(i["name"]), _text(i["detail"]) if "detail" in i else None, i.get("status"), i.get("quote"), tuple(i.get("notes", []))) for i in data["items"]),
        open_ended=bool(data.get("open_ended", False)),
    )


def _milestone(section: str, data: dict[str, Any]) -> Milestone:
    date = parse_period(data["date"], allow_range=False)
    assert date is not None  # checked
    return Milestone(date, _text(data["text"]), data["quote"], section)


def _relation(data: dict[str, Any], series: Series, unit_kinds: dict[str, UnitKind]) -> Relation:
    tolerance = Decimal(data["tolerance"]) if "tolerance" in data else None
    limit = tolerance if tolerance is not None else default_tolerance(unit_kinds.get(parse_ref(data["result"])[0]))
    result = evaluate(data["kind"], data["result"], data["operands"], series, limit)
    return Relation(
        data["kind"],
        data["result"],
        tuple(data["operands"]),
        tolerance,
        data.get("note"),
        stated=result.stated,
        operand_values=result.operands,
        computed=result.computed,
        holds=result.holds,
    )


def _section(name: str, data: dict[str, Any], figures: tuple[Figure, ...], series: Series, unit_kinds: dict[str, UnitKind]) -> Section:
    return Section(
        id=name,
        title=_text(data["title"]),
        summary=_text(data["summary"]),
        icon=data.get("icon", DEFAULT_ICON),
        body=_paragraphs(data["body"]),
        key_figures=tuple(data.get("key_figures", [])),
        figures=figures,
        lists=tuple(_list(item_list) for item_list in data.get("lists", [])),
        milestones=tuple(_milestone(name, m) for m in data.get("milestones", [])),
        notes=tuple(Note(n["id"], _text(n["text"])) for n in data.get("notes", [])),
        charts=tuple(_chart(name, c) for c in data.get("charts", [])),
        relations=tuple(_relation(r, series, unit_kinds) for r in data.get("relations", [])),
    )
