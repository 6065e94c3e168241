"""Load ``data/``, check everything, and build the model.

Checks run in two rounds, and each round reports every problem it finds:

1. each file on its own: YAML (:mod:`review.yamlfile`), then the JSON Schema
   in ``data/schema/``, which is the one description of the format that the
   build, the editors' tools and the field reference all share;
2. the files together: references, unique ids, units, periods, percentages,
   whole counts, HTML in text, and the arithmetic relations between figures.

Only data that passes both rounds becomes a :class:`review.model.Site`.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from .model import (
    CHART_PLACEHOLDER,
    MAX_CHART_PARTS,
    Caption,
    Chart,
    Figure,
    ItemList,
    LANGUAGES,
    ListItem,
    Milestone,
    Note,
    Paragraphs,
    Period,
    Relation,
    Section,
    Site,
    Source,
    Text,
    Unit,
    Value,
    Vocabulary,
)
from .problems import DataError, Problem, format_path
from .provenance import as_yaml, numbers_in, quote_states, vietnamese
from .yamlfile import YAML11_BOOLEANS, Key, YamlDocument, read_yaml

SITE_FILE = "site.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
SCHEMAS = {"section": "section.schema.json", "site": "site.schema.json", "vocabulary": "vocabulary.schema.json"}

_TYPE_NAMES = {
    "number": "a number",
    "integer": "a whole number",
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
    "null": "nothing",
}
_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}
_LOCAL_NUMBER = re.compile(r"^[-+]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$|^[-+]?[0-9]+,[0-9]+$")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_PERIOD = re.compile(r"^(?P<y1>[0-9]{4})(?:-(?P<y2>[0-9]{4})|-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?$")


# ---------------------------------------------------------------------------
# Entry point


def load_site(data_dir: Path, display_root: str = "data") -> Site:
    """Read, check and model every file of ``data_dir``.

    ``display_root`` is how messages name the folder (``data/energy.yaml``).
    Raises :class:`DataError` listing every problem found.
    """
    loader = _Loader(data_dir, display_root)
    return loader.load()


def schema_validator(kind: str, schema_dir: Path, display_root: str = "data") -> Draft202012Validator:
    """The JSON Schema validator for ``kind`` (section, site or vocabulary).

    Cached while the schema files are unchanged, so that ``mkdocs serve``
    picks up an edited schema. Raises :class:`DataError` for a schema file
    that is missing or not JSON.
    """
    stamps = []
    for name in SCHEMAS.values():
        try:
            stamps.append((schema_dir / name).stat().st_mtime_ns)
        except OSError:
            stamps.append(None)
    return _schema_validator(kind, schema_dir, display_root, tuple(stamps))


@cache
def _schema_validator(kind: str, schema_dir: Path, display_root: str, stamps: tuple[int | None, ...]) -> Draft202012Validator:
    problems: list[Problem] = []
    resources = []
    for name in SCHEMAS.values():
        shown = f"{display_root}/{schema_dir.name}/{name}"
        try:
            contents = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        except OSError as error:
            problems.append(Problem(shown, 0, 0, "", f"expected the JSON Schema of the data, received nothing: {error.strerror}"))
            continue
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            line, column = (error.lineno, error.colno) if isinstance(error, json.JSONDecodeError) else (0, 0)
            problems.append(Problem(shown, line, column, "", f"expected JSON, received invalid text: {error.msg if isinstance(error, json.JSONDecodeError) else error.reason}"))
            continue
        resources.append((name, Resource.from_contents(contents)))
    if problems:
        raise DataError(problems)
    registry: Registry = Registry().with_resources(resources)
    schema = registry.contents(SCHEMAS[kind])
    return Draft202012Validator(schema, registry=registry)


# ---------------------------------------------------------------------------
# Round 1: each file against its schema


def received(value: Any) -> str:
    """How a message shows what the editor wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def schema_problems(document: YamlDocument, validator: Draft202012Validator) -> list[Problem]:
    problems: list[Problem] = []
    for error in validator.iter_errors(document.data):
        problems.extend(_describe(error, document))
    return problems


def _expected(schema: dict[str, Any]) -> str | None:
    return schema.get("x-expected")


def _describe(error: ValidationError, document: YamlDocument) -> Iterator[Problem]:
    key: Key = tuple(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}

    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = list(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        for name in instance:
            if name in known or any(p.search(name) for p in patterns):
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else ("expected one of: " + ", ".join(known) if known else "")
            yield document.problem((*key, name), f"unknown field {name!r}", hint, at_key=True)
        return
    if keyword == "required" and isinstance(instance, dict):
        for name in error.validator_value:
            if name in instance:
                continue
            if name in LANGUAGES and any(lang in instance for lang in LANGUAGES):
                names = {"vi": "Vietnamese", "en": "English"}
                present = next(lang for lang in LANGUAGES if lang in instance)
                yield document.problem(key, f"expected the text in both languages, received only the {names[present]} version ({present})", f"add {name}: with the {names[name]} text")
            else:
                yield document.problem(key, f"expected the required field {name!r}, received none")
        return
    if keyword == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected = " or ".join(_TYPE_NAMES[t] for t in types)
        yield document.problem(key, f"expected {expected}, received {received(instance)}", _type_hint(types, instance))
        return
    if keyword == "enum":
        choices = [str(c) for c in error.validator_value]
        close = difflib.get_close_matches(str(instance), choices, n=1, cutoff=0.6) if isinstance(instance, str) else []
        hint = f"did you mean {close[0]!r}?" if close else ""
        yield document.problem(key, f"expected one of: {', '.join(choices)}; received {received(instance)}", hint)
        return
    if keyword == "propertyNames":
        line, column = document.where((*key, instance), at_key=True)
        inner = best_match(error.context) if error.context else None
        expected = (_expected(inner.schema) if inner is not None and isinstance(inner.schema, dict) else None) or "a valid name"
        yield Problem(document.file, line, column, format_path(key), f"expected {expected} as a name, received {instance!r}")
        return
    if keyword in ("oneOf", "anyOf"):
        expected = _expected(schema)
        if expected is None and error.context:
            yield from _describe(best_match(error.context), document)
            return
        yield document.problem(key, f"expected {expected or 'a valid value'}, received {received(instance)}")
        return
    if keyword == "pattern":
        expected = _expected(schema) or f"text matching {error.validator_value}"
        yield document.problem(key, f"expected {expected}, received {received(instance)}")
        return
    if keyword == "minLength":
        yield document.problem(key, f"expected {_expected(schema) or 'text'}, received an empty text")
        return
    if keyword == "maxLength":
        yield document.problem(key, f"expected text of at most {error.validator_value} characters, received {len(instance)}")
        return
    if keyword == "minItems":
        yield document.problem(key, f"expected at least {error.validator_value} item{'s' if error.validator_value != 1 else ''}, received {len(instance)}")
        return
    if keyword == "maxItems":
        yield document.problem(key, f"expected at most {error.validator_value} items, received {len(instance)}")
        return
    if keyword == "uniqueItems":
        seen: set[str] = set()
        for item in instance:
            shown = json.dumps(item, ensure_ascii=False, default=str)
            if shown in seen:
                yield document.problem(key, f"expected no repeated items, received {received(item)} more than once")
                return
            seen.add(shown)
        return
    if keyword in ("minimum", "maximum"):
        yield document.problem(key, f"expected a number {'of at least' if keyword == 'minimum' else 'of at most'} {error.validator_value}, received {received(instance)}")
        return
    yield document.problem(key, error.message)


def _type_hint(types: list[str], instance: Any) -> str:
    if ("number" in types or "integer" in types) and isinstance(instance, str):
        text = instance.strip()
        if _LOCAL_NUMBER.match(text):
            fixed = text.replace(".", "").replace(",", ".")
            return f"write {fixed}: YAML numbers use '.' for decimals and no thousands separator"
        if text.endswith("%"):
            return f"write {text.rstrip('%').strip()}: the unit says it is a percentage"
    if "boolean" in types and isinstance(instance, str) and instance in _YAML11_BOOLEANS:
        return "write true or false: YAML 1.1 words such as yes, no, on and off are ambiguous"
    if "string" in types and isinstance(instance, (int, Decimal, bool)):
        return "put the text in quotes"
    return ""


def yaml11_boolean_problems(document: YamlDocument, checked: set[str]) -> Iterator[Problem]:
    """Unquoted yes/no/on/off that were accepted as text (a boolean field
    reports them itself). ``checked`` holds the paths that already have a
    problem, which is not repeated."""
    for key, word in document.yaml11_booleans.items():
        if format_path(key) in checked:
            continue
        meaning = "true" if YAML11_BOOLEANS[word] else "false"
        yield document.problem(key, f"expected quoted text, received the bare word {word}, which YAML 1.1 tools read as {meaning}", f'write "{word}" in quotes')


# ---------------------------------------------------------------------------
# Round 2: the files together


def parse_period(raw: str | int, *, allow_range: bool = True) -> Period | None:
    """``2023``, ``2011-2015``, ``2018-02``, ``2023-10-13`` → :class:`Period`;
    ``None`` if the text is not a real period."""
    text = str(raw)
    match = _PERIOD.match(text)
    if not match:
        return None
    y1 = int(match["y1"])
    if match["y2"]:
        y2 = int(match["y2"])
        if not allow_range or y2 <= y1:
            return None
        return Period(datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "years", text)
    if match["m"]:
        month = int(match["m"])
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(y1, month)[1]
        if match["d"]:
            day = int(match["d"])
            if not 1 <= day <= last:
                return None
            date = datetime.date(y1, month, day)
            return Period(date, date, "day", text)
        return Period(datetime.date(y1, month, 1), datetime.date(y1, month, last), "month", text)
    return Period(datetime.date(y1, 1, 1), datetime.date(y1, 12, 31), "year", text)


@dataclass
class _Files:
    site: YamlDocument
    vocabulary: YamlDocument
    sections: dict[str, YamlDocument]


class _Loader:
    def __init__(self, data_dir: Path, display_root: str) -> None:
        self.data_dir = data_dir
        self.display_root = display_root.rstrip("/")
        self.schema_dir = data_dir / "schema"
        self.problems: list[Problem] = []
        self.relation_results: dict[tuple[str, int], RelationResult] = {}
        """What each relation computed, by (section, index), for the pages."""
        self.misread: set[str] = set()
        """Figures with a value that YAML misread (a count such as 1.096):
        their relations are not computed, which would only repeat the error."""

    def display(self, name: str) -> str:
        return f"{self.display_root}/{name}"

    def load(self) -> Site:
        files = self.read_all()
        if self.problems:
            raise DataError(self.problems)
        self.check_together(files)
        if self.problems:
            raise DataError(self.problems)
        return self.build(files)

    # -- round 1 --------------------------------------------------------------

    def read(self, name: str, kind: str) -> YamlDocument | None:
        path = self.data_dir / name
        if not path.is_file():
            self.problems.append(Problem(self.display(name), 0, 0, "", "expected this file, received nothing: it does not exist"))
            return None
        try:
            document = read_yaml(path, self.display(name))
            validator = schema_validator(kind, self.schema_dir, self.display_root)
        except DataError as error:
            self.problems.extend(error.problems)
            return None
        found = schema_problems(document, validator)
        self.problems.extend(found)
        self.problems.extend(yaml11_boolean_problems(document, {p.path for p in found}))
        self.problems.extend(self.html_problems(document))
        return None if found else document

    def html_problems(self, document: YamlDocument) -> Iterator[Problem]:
        def walk(value: Any, key: Key) -> Iterator[Problem]:
            if isinstance(value, dict):
                for name, child in value.items():
                    yield from walk(child, (*key, name))
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    yield from walk(child, (*key, index))
            elif isinstance(value, str) and key and key[-1] not in ("quote",):
                match = _HTML.search(value)
                if match:
                    yield document.problem(key, f"expected plain text, received HTML {match.group(0)!r}", "remove the markup: the site formats text itself")

        return walk(document.data, ())

    def read_all(self) -> _Files | None:
        site = self.read(SITE_FILE, "site")
        vocabulary = self.read(VOCABULARY_FILE, "vocabulary")
        sections: dict[str, YamlDocument] = {}
        listed: list[str] = list(site.data["sections"]) if site else []
        for name in listed:
            document = self.read(f"{name}.yaml", "section")
            if document:
                sections[name] = document
        # Hidden files are editors' own (Emacs's .#energy.yaml lock, for one).
        present = sorted(p.stem for p in self.data_dir.glob("*.yaml") if p.name not in (SITE_FILE, VOCABULARY_FILE) and not p.name.startswith("."))
        for stray in sorted(p for p in self.data_dir.glob("*.yml") if not p.name.startswith(".")):
            self.problems.append(Problem(self.display(stray.name), 0, 0, "", "expected the extension .yaml, received .yml", "rename the file"))
        if site:
            for name in present:
                if name not in listed:
                    line, column = site.where(("sections",), at_key=True)
                    self.problems.append(
                        Problem(self.display(SITE_FILE), line, column, "sections", f"the section file {self.display(name + '.yaml')} is not listed", f"add {name} to sections, or remove the file")
                    )
        if site is None or vocabulary is None:
            return None
        return _Files(site, vocabulary, sections)

    # -- round 2 --------------------------------------------------------------

    def check_together(self, files: _Files) -> None:
        vocabulary = files.vocabulary.data
        units = vocabulary["units"]
        statuses = vocabulary["statuses"]
        sources = {s["id"] for s in files.site.data["sources"]}
        figure_ids: dict[str, tuple[YamlDocument, Key]] = {}
        chart_ids: dict[str, tuple[YamlDocument, Key]] = {}
        values_by_figure: dict[str, list[dict[str, Any]]] = {}
        unit_of: dict[str, str] = {}

        def unique(table: dict[str, tuple[YamlDocument, Key]], ident: str, document: YamlDocument, key: Key, what: str) -> None:
            if ident in table:
                first_doc, first_key = table[ident]
                line, _ = first_doc.where(first_key)
                self.problems.append(document.problem(key, f"duplicate {what} id {ident!r}, first used in {first_doc.file} line {line}", "ids must be unique across the site"))
            else:
                table[ident] = (document, key)

        self.check_sources(files.site)
        for name, document in files.sections.items():
            data = document.data
            note_ids = self.unique_local(document, data.get("notes", []), "notes", "note")
            self.unique_local(document, data.get("lists", []), "lists", "list")
            for index, figure in enumerate(data.get("figures", [])):
                key: Key = ("figures", index)
                unique(figure_ids, figure["id"], document, (*key, "id"), "figure")
                values_by_figure.setdefault(figure["id"], figure["values"])  # a duplicate is reported; the first one counts
                unit_of.setdefault(figure["id"], figure["unit"])
                unit = units.get(figure["unit"])
                if unit is None:
                    self.problems.append(self.unknown(document, (*key, "unit"), "unit", figure["unit"], units, "data/vocabulary.yaml"))
                self.check_values(document, key, figure, unit, sources, note_ids)
            for index, chart in enumerate(data.get("charts", [])):
                unique(chart_ids, chart["id"], document, ("charts", index, "id"), "chart")
            for l_index, item_list in enumerate(data.get("lists", [])):
                for i_index, item in enumerate(item_list["items"]):
                    status = item.get("status")
                    if status is not None and status not in statuses:
                        self.problems.append(self.unknown(document, ("lists", l_index, "items", i_index, "status"), "status", status, statuses, "data/vocabulary.yaml"))
                    self.check_note_refs(document, ("lists", l_index, "items", i_index), item, note_ids)
            self.check_notes_used(document)
            for index, milestone in enumerate(data.get("milestones", [])):
                if parse_period(milestone["date"], allow_range=False) is None:
                    self.problems.append(document.problem(("milestones", index, "date"), f"expected a real date such as 2019, 2018-02 or 2023-10-13, received {received(milestone['date'])}"))
        for index, ident in enumerate(files.site.data["home"].get("headline_figures", [])):
            if ident not in figure_ids:
                self.problems.append(self.unknown(files.site, ("home", "headline_figures", index), "figure", ident, figure_ids, ""))
        # References that may cross sections.
        for name, document in files.sections.items():
            data = document.data
            own = {f["id"] for f in data.get("figures", [])}
            for index, ident in enumerate(data.get("key_figures", [])):
                if ident not in own:
                    self.problems.append(self.unknown(document, ("key_figures", index), "figure of this section", ident, own, ""))
            for c_index, chart in enumerate(data.get("charts", [])):
                for f_index, ident in enumerate(chart["figures"]):
                    if ident not in figure_ids:
                        self.problems.append(self.unknown(document, ("charts", c_index, "figures", f_index), "figure", ident, figure_ids, ""))
                self.check_chart(document, ("charts", c_index), chart, values_by_figure, unit_of, units)
            note_ids = {n["id"] for n in data.get("notes", [])}
            for r_index, relation in enumerate(data.get("relations", [])):
                checked = self.check_relation(document, ("relations", r_index), relation, values_by_figure, unit_of, units, note_ids)
                if checked is not None:
                    self.relation_results[(name, r_index)] = checked

    def check_chart(self, document: YamlDocument, key: Key, chart: dict[str, Any], values: dict[str, list[dict[str, Any]]], unit_of: dict[str, str], units: dict[str, Any]) -> None:
        """A chart's figures fit its kind: one unit per axis, a series over
        time, parts that do not exceed their whole; and every name the chart
        uses refers to something that exists."""
        ids: list[str] = chart["figures"]
        texts: list[tuple[Key, dict[str, str]]] = [((*key, field), chart[field]) for field in ("title", "subtitle") if field in chart]
        texts += [((*key, "labels", name), label) for name, label in chart.get("labels", {}).items()]
        for tkey, text in texts:
            for lang in LANGUAGES:
                for ident in CHART_PLACEHOLDER.findall(text.get(lang, "")):
                    if ident not in values:
                        self.problems.append(self.unknown(document, (*tkey, lang), "figure", ident, values, ""))
        if any(ident not in values for ident in ids):
            return  # reported by the caller; the rest would only repeat it
        for name in chart.get("labels", {}):
            if name not in ids:
                self.problems.append(document.problem((*key, "labels", name), f"expected the id of one of this chart's figures, received {name!r}", f"the figures are {', '.join(ids)}", at_key=True))
        kind = chart["kind"]
        fkey: Key = (*key, "figures")
        unit_kind = {ident: units.get(unit_of[ident], {}).get("kind", "measure") for ident in ids}
        first = ids[0]
        for name in ("whole", "remainder"):
            if name in chart and kind != "part-of-whole":
                self.problems.append(document.problem((*key, name), f"expected {name} only in a part-of-whole chart, received it in a {kind} chart", f"remove {name}", at_key=True))
        if kind == "series":
            if len(ids) != 1:
                self.problems.append(document.problem(fkey, f"expected 1 figure for a series chart, received {len(ids)}", "use kind: bar to compare several figures"))
            elif len(values[first]) < 2:
                self.problems.append(document.problem((*fkey, 0), f"expected a figure with at least 2 values for a series chart, received {first!r} with 1 value", "use kind: bar"))
            return
        for index, ident in enumerate(ids[1:], start=1):
            if unit_of[ident] == unit_of[first] or (kind == "bar" and unit_kind[ident] == unit_kind[first] == "count"):
                continue
            what = "bar" if kind == "bar" else "part"
            hint = "a bar chart compares one unit; only counts of different things may share one" if kind == "bar" else "the parts of a whole share its unit"
            self.problems.append(document.problem((*fkey, index), f"expected a {what} in {unit_of[first]} like {first!r}, received {ident!r} in {unit_of[ident]}", hint))
            return
        if kind != "part-of-whole":
            return
        if len(ids) > MAX_CHART_PARTS:
            self.problems.append(document.problem(fkey, f"expected at most {MAX_CHART_PARTS} parts for a part-of-whole chart, received {len(ids)}", "small parts disappear: use kind: bar"))
            return
        latest = [Decimal(values[ident][-1]["value"]) for ident in ids]
        added = " + ".join(str(v) for v in latest)
        total = sum(latest, Decimal(0))
        percent = unit_kind[first] == "percent"
        whole = chart.get("whole")
        if percent and whole is not None:
            self.problems.append(document.problem((*key, "whole"), f"expected no whole for parts in percent, received {whole!r}", "a percentage is a share of 100: remove whole"))
            return
        if percent and total > 100:
            self.problems.append(document.problem(fkey, f"expected parts that add up to at most 100%, received {added} = {total}"))
            return
        if whole is not None:
            if whole not in values:
                self.problems.append(self.unknown(document, (*key, "whole"), "figure", whole, values, ""))
                return
            if unit_of[whole] != unit_of[first]:
                self.problems.append(document.problem((*key, "whole"), f"expected a whole in {unit_of[first]} like its parts, received {whole!r} in {unit_of[whole]}"))
                return
            whole_value = Decimal(values[whole][-1]["value"])
            if total > whole_value:
                self.problems.append(document.problem((*key, "whole"), f"expected a whole of at least the sum of its parts, received {whole!r} = {whole_value} for parts that add up to {added} = {total}"))
                return
        if not percent and whole is None and len(ids) == 1:
            self.problems.append(document.problem(fkey, f"expected a percentage, or parts with a whole, for a part-of-whole chart with one part, received {first!r} in {unit_of[first]}", "add whole: <the id of the figure that is the whole>"))
            return
        leaves_remainder = percent or whole is not None
        if not leaves_remainder and "remainder" in chart:
            self.problems.append(document.problem((*key, "remainder"), "expected no remainder for parts that make up the whole themselves, received one", "remove remainder, or give whole", at_key=True))

    def check_sources(self, site: YamlDocument) -> None:
        self.unique_local(site, site.data["sources"], "sources", "source")
        for index, source in enumerate(site.data["sources"]):
            if "date" in source and parse_period(source["date"], allow_range=False) is None:
                self.problems.append(site.problem(("sources", index, "date"), f"expected a real date such as 2019, 2018-02 or 2023-10-13, received {received(source['date'])}"))

    def unique_local(self, document: YamlDocument, items: list[dict[str, Any]], field: str, what: str) -> set[str]:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            ident = item["id"]
            if ident in seen:
                line, _ = document.where((field, seen[ident], "id"))
                self.problems.append(document.problem((field, index, "id"), f"duplicate {what} id {ident!r}, first used at line {line}"))
            else:
                seen[ident] = index
        return set(seen)

    def unknown(self, document: YamlDocument, key: Key, what: str, ident: str, known: Any, where: str) -> Problem:
        close = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else (f"define it in {where}" if where else "")
        return document.problem(key, f"expected the id of a known {what}, received {ident!r}", hint)

    def check_values(self, document: YamlDocument, key: Key, figure: dict[str, Any], unit: dict[str, Any] | None, sources: set[str], note_ids: set[str]) -> None:
        kind = (unit or {}).get("kind", "measure")
        previous: Period | None = None
        seen_times: dict[str, int] = {}
        for index, value in enumerate(figure["values"]):
            vkey: Key = (*key, "values", index)
            number = value["value"]
            if kind == "count" and isinstance(number, Decimal):
                # Any decimal point, even in 41.000, which equals 41.
                text = str(number)
                hint = "write it without a decimal point"
                if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):
                    hint = f"did you mean {text.replace('.', '')}? YAML reads {text} as a decimal number: write {text.replace('.', '')}, without the thousands dot"
                self.problems.append(document.problem((*vkey, "value"), f"expected a whole number (the unit {figure['unit']} counts things), received {text}", hint))
                self.misread.add(figure["id"])
            elif not isinstance(number, bool) and not quote_states(value["quote"], number):
                self.problems.append(document.problem((*vkey, "value"), *self.quote_mismatch(number, value["quote"])))
            if kind == "percent" and not (0 <= number <= 100):
                self.problems.append(document.problem((*vkey, "value"), f"expected a percentage from 0 to 100, received {number}"))
            if kind != "percent" and number < 0:
                self.problems.append(document.problem((*vkey, "value"), f"expected a number of at least 0, received {number}"))
            field = "period" if "period" in value else "as_of"
            period = parse_period(value[field], allow_range=field == "period")
            if period is None:
                expected = "a real period such as 2023, 2011-2015, 2018-02 or 2023-10-13" if field == "period" else "a real date such as 2019, 2018-02 or 2023-10-13"
                self.problems.append(document.problem((*vkey, field), f"expected {expected}, received {received(value[field])}"))
            else:
                raw = period.raw
                if raw in seen_times:
                    self.problems.append(document.problem((*vkey, field), f"expected one value per period, received {raw} twice (first at values[{seen_times[raw]}])"))
                seen_times[raw] = index
                if previous is not None and period.sort_key < previous.sort_key:
                    self.problems.append(document.problem((*vkey, field), f"expected values in time order, received {raw} after {previous.raw}"))
                previous = period
            if value.get("source", None) is not None and value["source"] not in sources:
                self.problems.append(self.unknown(document, (*vkey, "source"), "source", value["source"], sources, "data/site.yaml"))
            self.check_note_refs(document, vkey, value, note_ids)

    def check_note_refs(self, document: YamlDocument, key: Key, holder: dict[str, Any], note_ids: set[str]) -> None:
        """The ``notes`` of a value or list item name notes of its section."""
        for n_index, note in enumerate(holder.get("notes", [])):
            if note not in note_ids:
                self.problems.append(self.unknown(document, (*key, "notes", n_index), "note of this section", note, note_ids, "this file's notes"))

    def check_notes_used(self, document: YamlDocument) -> None:
        """Every note is shown where it applies: a value, a list item or a
        relation refers to it."""
        data = document.data
        if any(p.file == document.file and ".notes[" in p.path for p in self.problems):
            return  # a mistyped reference: that problem says it all
        used = {note for figure in data.get("figures", []) for value in figure["values"] for note in value.get("notes", [])}
        used |= {note for item_list in data.get("lists", []) for item in item_list["items"] for note in item.get("notes", [])}
        used |= {relation["note"] for relation in data.get("relations", []) if "note" in relation}
        for index, note in enumerate(data.get("notes", [])):
            if note["id"] not in used:
                self.problems.append(
                    document.problem(("notes", index, "id"), f"expected a note that a value, list item or relation refers to, received {note['id']!r}, which nothing refers to", f"add {note['id']} to the notes of the value or list item it concerns")
                )

    @staticmethod
    def quote_mismatch(number: Decimal | int, quote: str) -> tuple[str, str]:
        shown = vietnamese(number)
        written = "" if shown == str(number) else f" ({shown} in Vietnamese)"
        message = f"expected a number that its quote states, received {number}{written}, which the quote does not contain"
        given = numbers_in(quote)
        if not given:
            hint = "the quote gives no number: quote the source's words that state it"
        elif len(given) == 1:
            hint = f"the quote gives {given[0]}: write {as_yaml(given[0])}, or fix the quote"
        else:
            hint = f"the quote gives {', '.join(given)}: write one of them the YAML way ({', '.join(as_yaml(n) for n in given)}), or fix the quote"
        return message, hint

    def check_relation(self, document: YamlDocument, key: Key, relation: dict[str, Any], values: dict[str, list[dict[str, Any]]], unit_of: dict[str, str], units: dict[str, Any], note_ids: set[str]) -> RelationResult | None:
        def resolve(ref: str, rkey: Key) -> Decimal | None:
            ident, _, period = ref.partition("@")
            if ident not in values:
                self.problems.append(self.unknown(document, rkey, "figure", ident, values, ""))
                return None
            series = values[ident]
            if not period:
                if len(series) != 1:
                    periods = ", ".join(str(v.get("period", v.get("as_of"))) for v in series)
                    self.problems.append(document.problem(rkey, f"expected {ident}@period for a series, received {ref!r}", f"the periods are {periods}"))
                    return None
                return Decimal(series[0]["value"])
            for item in series:
                if str(item.get("period", item.get("as_of"))) == period:
                    return Decimal(item["value"])
            periods = ", ".join(str(v.get("period", v.get("as_of"))) for v in series)
            self.problems.append(document.problem(rkey, f"expected a period of {ident}, received {period!r}", f"the periods are {periods}"))
            return None

        if any(ref.partition("@")[0] in self.misread for ref in (relation["result"], *relation["operands"])):
            return None
        result = resolve(relation["result"], (*key, "result"))
        operands = [resolve(ref, (*key, "operands", i)) for i, ref in enumerate(relation["operands"])]
        if relation.get("note") is not None and relation["note"] not in note_ids:
            self.problems.append(self.unknown(document, (*key, "note"), "note of this section", relation["note"], note_ids, "this file's notes"))
        if result is None or any(o is None for o in operands):
            return None
        kind = relation["kind"]
        ops = [o for o in operands if o is not None]
        if kind in ("ratio", "growth") and len(ops) != 2:
            self.problems.append(document.problem((*key, "operands"), f"expected 2 operands for {kind}, received {len(ops)}"))
            return None
        computed = compute_relation(kind, ops)
        if computed is None:
            self.problems.append(document.problem((*key, "operands"), "expected a non-zero divisor, received 0"))
            return None
        result_unit = units.get(unit_of.get(relation["result"].partition("@")[0], ""), {})
        default = Decimal("0.5") if result_unit.get("kind") == "percent" else Decimal(0)
        tolerance = Decimal(relation.get("tolerance", default))
        holds = abs(computed - result) <= tolerance
        if not holds and relation.get("note") is None:
            self.problems.append(
                document.problem(
                    key,
                    f"expected {relation['result']} to be {describe_relation(kind, relation['operands'], ops)} = {round_for_message(computed)} (tolerance {tolerance}), received {result}",
                    "fix the figure, or, where the source itself is inconsistent, add a note and give its id as note",
                )
            )
        if holds and relation.get("note") is not None:
            self.problems.append(document.problem((*key, "note"), f"expected a broken relation for a note, received one that holds: {relation['result']} is {result} and the computed value is {round_for_message(computed)}", "remove the note"))
        return RelationResult(result, tuple(ops), computed, holds)

    # -- the model ------------------------------------------------------------

    def build(self, files: _Files) -> Site:
        vocabulary = _vocabulary(files.vocabulary.data)
        site = files.site.data
        default_source = site["sources"][0]["id"]
        sections = tuple(
            _section(name, files.sections[name].data, vocabulary, default_source, {index: result for (section, index), result in self.relation_results.items() if section == name})
            for name in site["sections"]
        )
        about = site["about"]
        return Site(
            title=_text(site["title"]),
            short_title=_text(site["short_title"]),
            description=_text(site["description"]),
            sections=sections,
            sources={
                s["id"]: Source(s["id"], s["title"], s.get("author"), _text(s["citation"]), _period(s.get("date")))
                for s in site["sources"]
            },
            home_intro=_paragraphs(site["home"]["intro"]),
            home_titles={k: _text(v) for k, v in site["home"].items() if k not in ("intro", "headline_figures")},
            headline_figures=tuple(site["home"].get("headline_figures", ())),
            about_title=_text(about["title"]),
            about_body=_paragraphs(about["body"]),
            captions_title=_text(about["captions_title"]) if "captions_title" in about else None,
            captions=tuple(Caption(_text(c["text"]), c["quote"]) for c in about.get("captions", [])),
            vocabulary=vocabulary,
        )


@dataclass(frozen=True)
class RelationResult:
    stated: Decimal
    operands: tuple[Decimal, ...]
    computed: Decimal
    holds: bool


def compute_relation(kind: str, operands: list[Decimal]) -> Decimal | None:
    if kind == "sum":
        return sum(operands, Decimal(0))
    if operands[1] == 0:
        return None
    if kind == "ratio":
        return operands[0] / operands[1] * 100
    return (operands[0] / operands[1] - 1) * 100


def describe_relation(kind: str, refs: list[str], values: list[Decimal]) -> str:
    if kind == "sum":
        return " + ".join(str(v) for v in values)
    if kind == "ratio":
        return f"{values[0]} / {values[1]} × 100"
    return f"({values[0]} / {values[1]} − 1) × 100"


def round_for_message(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")).normalize()) if value != value.to_integral_value() else str(value.to_integral_value())


def _text(data: dict[str, str]) -> Text:
    return Text(vi=data["vi"], en=data["en"])


def _paragraphs(data: dict[str, list[str]]) -> Paragraphs:
    return Paragraphs(vi=tuple(data["vi"]), en=tuple(data["en"]))


def _period(raw: str | int | None) -> Period | None:
    return None if raw is None else parse_period(raw)


def _vocabulary(data: dict[str, Any]) -> Vocabulary:
    units = {}
    for ident, unit in data["units"].items():
        english = unit["en"]
        one, other = (english["one"], english["other"]) if isinstance(english, dict) else (english, english)
        units[ident] = Unit(ident, unit["vi"], one, other, unit.get("kind", "measure"))
    return Vocabulary(
        units=units,
        qualifiers={k: _text(v) for k, v in data["qualifiers"].items()},
        statuses={k: _text(v) for k, v in data["statuses"].items()},
        abbreviations={k: _text(v) for k, v in data["abbreviations"].items()},
        labels={k: _text(v) for k, v in data["labels"].items()},
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


def _section(name: str, data: dict[str, Any], vocabulary: Vocabulary, default_source: str, results: dict[int, RelationResult]) -> Section:
    figures = tuple(
        Figure(
            id=f["id"],
            section=name,
            label=_text(f["label"]),
            unit=vocabulary.units[f["unit"]],
            values=tuple(
                Value(
                    value=v["value"],
                    period=_period(v.get("period")),
                    as_of=_period(v.get("as_of")),
                    qualifier=v.get("qualifier", "exact"),
                    source=v.get("source", default_source),
                    quote=v["quote"],
                    notes=tuple(v.get("notes", [])),
                )
                for v in f["values"]
            ),
        )
        for f in data.get("figures", [])
    )
    lists = tuple(
        ItemList(
            id=l["id"],
            title=_text(l["title"]),
            intro=_text(l["intro"]) if "intro" in l else None,
            items=tuple(
                ListItem(_text(i["name"]), _text(i["detail"]) if "detail" in i else None, i.get("status"), i.get("quote"), tuple(i.get("notes", [])))
                for i in l["items"]
            ),
            open_ended=bool(l.get("open_ended", False)),
        )
        for l in data.get("lists", [])
    )
    milestones = tuple(
        Milestone(parse_period(m["date"], allow_range=False), _text(m["text"]), m["quote"], name)  # type: ignore[arg-type]
        for m in data.get("milestones", [])
    )
    return Section(
        id=name,
        title=_text(data["title"]),
        summary=_text(data["summary"]),
        icon=data.get("icon", "material/file-document-outline"),
        body=_paragraphs(data["body"]),
        key_figures=tuple(data.get("key_figures", [])),
        figures=figures,
        lists=lists,
        milestones=milestones,
        notes=tuple(Note(n["id"], _text(n["text"])) for n in data.get("notes", [])),
        charts=tuple(_chart(name, c) for c in data.get("charts", [])),
        relations=tuple(
            Relation(
                r["kind"],
                r["result"],
                tuple(r["operands"]),
                Decimal(r["tolerance"]) if "tolerance" in r else None,
                r.get("note"),
                stated=results[index].stated,
                operand_values=results[index].operands,
                computed=results[index].computed,
                holds=results[index].holds,
            )
            for index, r in enumerate(data.get("relations", []))
        ),
    )
