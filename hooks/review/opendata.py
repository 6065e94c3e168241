"""The open data: every figure as CSV (one file per section and one for
everything), a Frictionless Data Package that describes them, the downloads
page that offers them and the index of the JSON Schemas at ``/schema/``.

The CSV files are the same in both languages: each row carries the figure's
label and unit in Vietnamese and in English, and the numbers are written the
machine way (``.`` for decimals, no grouping), exactly as the data holds
them. https://specs.frictionlessdata.io/
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import pages, prose
from .charts.tables import machine_number
from .memo import remembered
from .model import LANGUAGES, Figure, Period, Section, Site, Source, Value
from .reference import Reference

DOWNLOADS = "downloads.md"
"""The downloads page, in every language."""
SCHEMA_INDEX = "schema/index.md"
"""The index of the JSON Schemas, at /schema/."""
FOLDER = "downloads"
"""Where the CSV files and datapackage.json are published."""
ALL = "figures"
"""The CSV with every figure; each section's is ``sections/<id>.csv``, so
no section id can take this name."""
PACKAGE = "datapackage.json"
PACKAGE_NAME = "can-tho-20-review"

LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
"""The licence of the data package (the compilation; the source article is
credited in ``sources``)."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """A Frictionless field type: string, number, date."""
    title: str
    description: str
    description_vi: str


COLUMNS: tuple[Column, ...] = (
    Column("figure", "string", "Figure id", "The figure's id, as in the data (data/<section>.yaml) and on the site.", "Mã của số liệu, như trong dữ liệu (data/<phần>.yaml) và trên trang."),
    Column("section", "string", "Section id", "The section the figure belongs to.", "Phần chứa số liệu."),
    Column("label_vi", "string", "Label (Vietnamese)", "What the figure measures, in Vietnamese.", "Số liệu đo gì, bằng tiếng Việt."),
    Column("label_en", "string", "Label (English)", "What the figure measures, in English.", "Số liệu đo gì, bằng tiếng Anh."),
    Column(
        "value",
        "number",
        "Value",
        "The value as the source states it: '.' for decimals, no thousands separator.",
        "Giá trị như nguồn nêu: dấu '.' cho phần thập phân, không có dấu phân cách hàng nghìn.",
    ),
    Column("unit", "string", "Unit id", "The unit's id; see units in datapackage.json.", "Mã đơn vị; xem units trong datapackage.json."),
    Column("unit_vi", "string", "Unit (Vietnamese)", "The unit in Vietnamese.", "Đơn vị bằng tiếng Việt."),
    Column("unit_en", "string", "Unit (English)", "The unit in English (plural).", "Đơn vị bằng tiếng Anh (số nhiều)."),
    Column(
        "qualifier",
        "string",
        "Qualifier",
        "How the source hedges the value (exact, about, more_than…); see qualifiers in datapackage.json.",
        "Mức độ chính xác mà nguồn nêu (exact, about, more_than…); xem qualifiers trong datapackage.json.",
    ),
    Column(
        "time_kind",
        "string",
        "Kind of time",
        "period: the time a flow covers; as_of: the date a stock refers to.",
        "period: khoảng thời gian của một lượng phát sinh; as_of: thời điểm của một lượng tồn.",
    ),
    Column("time", "string", "Time, as written", "The period or date as the data writes it: 2023, 2011-2015, 2023-10, 2023-10-13.", "Thời gian như dữ liệu ghi: 2023, 2011-2015, 2023-10, 2023-10-13."),
    Column("start", "date", "Start", "The first day the time covers.", "Ngày đầu của khoảng thời gian."),
    Column("end", "date", "End", "The last day the time covers.", "Ngày cuối của khoảng thời gian."),
    Column("source", "string", "Source id", "The source's id; see sources in datapackage.json.", "Mã nguồn; xem sources trong datapackage.json."),
    Column("quote", "string", "Source text", "The source's own words the value comes from, in the source's language.", "Nguyên văn câu chữ của nguồn cho giá trị này, bằng ngôn ngữ của nguồn."),
    Column("notes_vi", "string", "Editorial notes (Vietnamese)", "Editorial notes on the value, ' | ' between them.", "Ghi chú biên tập về giá trị, cách nhau bởi ' | '."),
    Column("notes_en", "string", "Editorial notes (English)", "Editorial notes on the value, ' | ' between them.", "Ghi chú biên tập về giá trị, cách nhau bởi ' | '."),
)


def csv_path(section: Section | None) -> str:
    """The CSV of a section, or of everything, relative to the folder."""
    return f"{ALL}.csv" if section is None else f"sections/{section.id}.csv"


def csv_uri(section: Section | None) -> str:
    return f"{FOLDER}/{csv_path(section)}"


def _row(site: Site, section: Section, figure: Figure, value: Value) -> tuple[str, ...]:
    time: Period = value.time
    notes = {note.id: note.text for note in section.notes}
    return (
        figure.id,
        section.id,
        figure.label.vi,
        figure.label.en,
        machine_number(value.value),
        figure.unit.id,
        figure.unit.vi,
        figure.unit.en_other,
        value.qualifier,
        "period" if value.period is not None else "as_of",
        time.raw,
        time.start.isoformat(),
        time.end.isoformat(),
        value.source,
        value.quote,
        " | ".join(_note(site, notes[note].vi, "vi") for note in value.notes if note in notes),
        " | ".join(_note(site, notes[note].en, "en") for note in value.notes if note in notes),
    )


def _note(site: Site, text: str, lang: str) -> str:
    """A note as the page writes it: each ``{figure-id}`` written out."""
    return prose.fill(text, site.figures, site.vocabulary, lang)


def figures_csv(site: Site, sections: tuple[Section, ...]) -> bytes:
    """One row per value of every figure of ``sections``, in the data's order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(column.name for column in COLUMNS)
    for section in sections:
        for figure in section.figures:
            for value in figure.values:
                writer.writerow(_row(site, section, figure, value))
    return buffer.getvalue().encode("utf-8")


def datapackage(site: Site) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the CSV files."""
    schema: dict[str, Any] = {
        "fields": [{"name": c.name, "type": c.type, "title": c.title, "description": c.description, "x-description-vi": c.description_vi} for c in COLUMNS],
    }
    constraints = {"qualifier": sorted(site.vocabulary.qualifiers), "time_kind": ["period", "as_of"]}
    for descriptor in schema["fields"]:
        if descriptor["name"] in constraints:
            descriptor["constraints"] = {"enum": constraints[descriptor["name"]]}
    resources = [_resource(ALL, csv_path(None), "Every figure of the review", "Mọi số liệu của bài tổng quan", schema)]
    for section in site.sections:
        if section.figures:
            resources.append(_resource(f"section-{section.id}", csv_path(section), section.title.en, section.title.vi, schema))
    return {
        "name": PACKAGE_NAME,
        "title": site.title.en,
        "x-title-vi": site.title.vi,
        "description": site.description.en,
        "x-description-vi": site.description.vi,
        "languages": list(LANGUAGES),
        "licenses": [LICENCE],
        "sources": [_source(source) for source in site.sources.values()],
        "x-units": {unit.id: {"vi": unit.vi, "en": unit.en_other, "en_one": unit.en_one, "kind": unit.kind} for unit in sorted(site.vocabulary.units.values(), key=lambda u: u.id)},
        "x-qualifiers": {name: {"vi": text.vi, "en": text.en} for name, text in sorted(site.vocabulary.qualifiers.items())},
        "resources": resources,
    }


def _source(source: Source) -> dict[str, Any]:
    """A source as Frictionless describes one (title, path), with its id,
    citations, date, publication and language."""
    out: dict[str, Any] = {"title": source.title, "x-id": source.id, "x-citation-vi": source.citation.vi, "x-citation-en": source.citation.en, "x-language": source.language}
    if source.url:
        out["path"] = source.url
    if source.author:
        out["x-author"] = source.author
    if source.publication:
        out["x-publication"] = source.publication
    if source.date:
        out["x-date"] = source.date.raw
    return out


def _resource(name: str, path: str, en: str, vi: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": en,
        "x-title-vi": vi,
        "schema": schema,
    }


def files(site: Site) -> dict[str, bytes]:
    """Every file of the open data: site-relative path → content; the same
    in every language, so made once per site."""
    return dict(remembered(site, "open_data", None, (), lambda: _files(site)))


def _files(site: Site) -> dict[str, bytes]:
    out = {csv_uri(None): figures_csv(site, site.sections)}
    for section in site.sections:
        if section.figures:
            out[csv_uri(section)] = figures_csv(site, (section,))
    package = json.dumps(datapackage(site), ensure_ascii=False, indent=2) + "\n"
    out[f"{FOLDER}/{PACKAGE}"] = package.encode("utf-8")
    return out


def render_downloads(site: Site, lang: str, reference: Reference) -> str:
    """The downloads page (Markdown) in ``lang``."""
    sections = [section for section in site.sections if section.figures]
    return _render("downloads.md.j2", site, lang, sections=sections, csv_uri=csv_uri, folder=FOLDER, package=PACKAGE, licence=LICENCE, reference=reference)


def render_schema_index(site: Site, lang: str, reference: Reference) -> str:
    """The index of the JSON Schemas (Markdown) in ``lang``, at /schema/."""
    return _render("schema_index.md.j2", site, lang, reference=reference)


def _render(template: str, site: Site, lang: str, **context: Any) -> str:
    env = pages.environment()
    return env.get_template(f"publishing/{template}").render(L=pages.Language(lang, site), site=site, code=_code, **context)


def _code(text: str) -> Markup:
    """``text`` as inline code: a file name or a field, shown as it is."""
    return Markup("<code>") + Markup.escape(text) + Markup("</code>")
