"""The files together, once each is valid on its own: references between
them, unique ids, units, periods, percentages, whole counts, quotes that
state their numbers, notes, charts and relations.

The vocabulary is already modelled (it depends on no other file), so these
checks read units and their kinds from :class:`review.model.Vocabulary`,
with its defaults.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .chartchecks import ChartCheck
from .datafiles import DataFiles
from .declared_edits import notes_of_edits
from .icons import icon_problem
from .messages import _
from .model import UnitKind, Vocabulary
from .periods import REAL_DATE, REAL_PERIOD, parse_period
from .problems import Problem, received, unknown
from .provenance import as_yaml, numbers_in, quote_states, vietnamese
from .relations import RelationCheck
from .yamlfile import Key, YamlDocument

_THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")


def cross_problems(files: DataFiles, vocabulary: Vocabulary) -> list[Problem]:
    """Every problem between the files."""
    checks = _CrossChecks(files, vocabulary)
    checks.run()
    return checks.problems


class _CrossChecks:
    def __init__(self, files: DataFiles, vocabulary: Vocabulary) -> None:
        self.files = files
        self.vocabulary = vocabulary
        self.sources = {s["id"] for s in files.site.data["sources"]}
        self.default_source = files.site.data["sources"][0]["id"]
        self.source_language = {s["id"]: s.get("language", "vi") for s in files.site.data["sources"]}
        """The language a source writes its numbers in (review.provenance)."""
        self.problems: list[Problem] = []
        self.figure_ids: dict[str, tuple[YamlDocument, Key]] = {}
        self.chart_ids: dict[str, tuple[YamlDocument, Key]] = {}
        self.series: dict[str, list[tuple[str, Decimal | int]]] = {}
        self.unit_of: dict[str, str] = {}
        self.misread: set[str] = set()
        """Figures with a value that YAML misread (a count such as 1.096):
        their relations are not computed, which would only repeat the error."""

    def unit_kind(self, figure_id: str) -> UnitKind | None:
        unit = self.vocabulary.units.get(self.unit_of.get(figure_id, ""))
        return None if unit is None else unit.kind

    def run(self) -> None:
        self.check_sources(self.files.site)
        for document in self.files.sections.values():
            self.check_section(document)
        # References that may cross sections.
        for document in self.files.sections.values():
            self.check_references(document)
        self.check_headlines(self.files.site)

    def unique(self, table: dict[str, tuple[YamlDocument, Key]], ident: str, document: YamlDocument, key: Key, what: str) -> None:
        """An id unique across the site."""
        if ident in table:
            first_doc, first_key = table[ident]
            line, _column = first_doc.where(first_key)
            self.problems.append(
                document.problem(
                    key,
                    _("duplicate {what} id {ident}, first used in {file} line {line}").format(what=what, ident=repr(ident), file=first_doc.file, line=line),
                    _("ids must be unique across the site"),
                )
            )
        else:
            table[ident] = (document, key)

    def unique_local(self, document: YamlDocument, items: list[dict[str, Any]], field: str, what: str) -> set[str]:
        """Ids unique within one file; returns them."""
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            ident = item["id"]
            if ident in seen:
                line, _column = document.where((field, seen[ident], "id"))
                self.problems.append(document.problem((field, index, "id"), _("duplicate {what} id {ident}, first used at line {line}").format(what=what, ident=repr(ident), line=line)))
            else:
                seen[ident] = index
        return set(seen)

    def check_sources(self, site: YamlDocument) -> None:
        self.unique_local(site, site.data["sources"], "sources", _("source"))
        for index, source in enumerate(site.data["sources"]):
            if "date" in source and parse_period(source["date"], allow_range=False) is None:
                self.problems.append(site.problem(("sources", index, "date"), _("expected {expected}, received {received}").format(expected=_(REAL_DATE), received=received(source["date"]))))

    def check_headlines(self, site: YamlDocument) -> None:
        """The home page's headline figures are figures of some section."""
        for index, ident in enumerate(site.data["home"].get("headline_figures", [])):
            if ident not in self.figure_ids:
                self.problems.append(unknown(site, ("home", "headline_figures", index), _("figure"), ident, self.figure_ids, ""))

    def check_section(self, document: YamlDocument) -> None:
        """What one section's file can be checked for alone, and its ids."""
        data = document.data
        if "icon" in data:
            # Material shows an icon it does not ship as the shortcode's text.
            found = icon_problem(data["icon"])
            if found is not None:
                self.problems.append(document.problem(("icon",), *found))
        note_ids = self.unique_local(document, data.get("notes", []), "notes", _("note"))
        self.unique_local(document, data.get("lists", []), "lists", _("list"))
        for index, figure in enumerate(data.get("figures", [])):
            key: Key = ("figures", index)
            self.unique(self.figure_ids, figure["id"], document, (*key, "id"), _("figure"))
            # A duplicate is reported; the first one counts.
            self.series.setdefault(figure["id"], [(str(v.get("period", v.get("as_of"))), v["value"]) for v in figure["values"]])
            self.unit_of.setdefault(figure["id"], figure["unit"])
            unit = self.vocabulary.units.get(figure["unit"])
            if unit is None:
                self.problems.append(unknown(document, (*key, "unit"), _("unit"), figure["unit"], self.vocabulary.units, "data/vocabulary.yaml"))
            self.check_values(document, key, figure, None if unit is None else unit.kind, note_ids)
        for index, chart in enumerate(data.get("charts", [])):
            self.unique(self.chart_ids, chart["id"], document, ("charts", index, "id"), _("chart"))
        statuses = self.vocabulary.statuses
        for l_index, item_list in enumerate(data.get("lists", [])):
            for i_index, item in enumerate(item_list["items"]):
                status = item.get("status")
                if status is not None and status not in statuses:
                    self.problems.append(unknown(document, ("lists", l_index, "items", i_index, "status"), _("status"), status, statuses, "data/vocabulary.yaml"))
                self.check_note_refs(document, ("lists", l_index, "items", i_index), item, note_ids)
        self.check_notes_used(document)
        for index, milestone in enumerate(data.get("milestones", [])):
            if parse_period(milestone["date"], allow_range=False) is None:
                self.problems.append(document.problem(("milestones", index, "date"), _("expected {expected}, received {received}").format(expected=_(REAL_DATE), received=received(milestone["date"]))))

    def check_references(self, document: YamlDocument) -> None:
        data = document.data
        own = {f["id"] for f in data.get("figures", [])}
        for index, ident in enumerate(data.get("key_figures", [])):
            if ident not in own:
                self.problems.append(unknown(document, ("key_figures", index), _("figure of this section"), ident, own, ""))
        charts = ChartCheck(document, self.series, self.unit_of, self.unit_kind)
        for c_index, chart in enumerate(data.get("charts", [])):
            self.problems.extend(charts.check(("charts", c_index), chart))
        note_ids = {n["id"] for n in data.get("notes", [])}
        relations = RelationCheck(document, self.series, self.unit_kind, note_ids, self.misread)
        for r_index, relation in enumerate(data.get("relations", [])):
            self.problems.extend(relations.check(("relations", r_index), relation))

    def check_values(self, document: YamlDocument, key: Key, figure: dict[str, Any], kind: UnitKind | None, note_ids: set[str]) -> None:
        previous = None
        seen_times: dict[str, int] = {}
        for index, value in enumerate(figure["values"]):
            vkey: Key = (*key, "values", index)
            self.check_number(document, vkey, figure, kind, value)
            field = "period" if "period" in value else "as_of"
            period = parse_period(value[field], allow_range=field == "period")
            if period is None:
                expected = _(REAL_PERIOD) if field == "period" else _(REAL_DATE)
                self.problems.append(document.problem((*vkey, field), _("expected {expected}, received {received}").format(expected=expected, received=received(value[field]))))
            else:
                raw = period.raw
                if raw in seen_times:
                    self.problems.append(document.problem((*vkey, field), _("expected one value per period, received {raw} twice (first at values[{index}])").format(raw=raw, index=seen_times[raw])))
                seen_times[raw] = index
                if previous is not None and period.sort_key < previous.sort_key:
                    self.problems.append(document.problem((*vkey, field), _("expected values in time order, received {raw} after {previous}").format(raw=raw, previous=previous.raw)))
                previous = period
            if value.get("source", None) is not None and value["source"] not in self.sources:
                self.problems.append(unknown(document, (*vkey, "source"), _("source"), value["source"], self.sources, "data/site.yaml"))
            self.check_note_refs(document, vkey, value, note_ids)

    def check_number(self, document: YamlDocument, vkey: Key, figure: dict[str, Any], kind: UnitKind | None, value: dict[str, Any]) -> None:
        """A count is whole, a percentage within 0–100, nothing negative
        but a percentage, and the quote states the number."""
        number = value["value"]
        if kind == "count" and isinstance(number, Decimal):
            # Any decimal point, even in 41.000, which equals 41.
            text = str(number)
            hint = _("write it without a decimal point")
            if _THOUSANDS.fullmatch(text):
                hint = _("did you mean {fixed}? YAML reads {text} as a decimal number: write {fixed}, without the thousands dot").format(fixed=text.replace(".", ""), text=text)
            self.problems.append(document.problem((*vkey, "value"), _("expected a whole number (the unit {unit} counts things), received {text}").format(unit=figure["unit"], text=text), hint))
            self.misread.add(figure["id"])
        elif not isinstance(number, bool) and not quote_states(value["quote"], number, self.source_language.get(value.get("source", self.default_source), "vi")):
            self.problems.append(document.problem((*vkey, "value"), *quote_mismatch(number, value["quote"])))
        if kind == "percent" and not (0 <= number <= 100):
            self.problems.append(document.problem((*vkey, "value"), _("expected a percentage from 0 to 100, received {number}").format(number=number)))
        if kind != "percent" and number < 0:
            self.problems.append(document.problem((*vkey, "value"), _("expected a number of at least 0, received {number}").format(number=number)))

    def check_note_refs(self, document: YamlDocument, key: Key, holder: dict[str, Any], note_ids: set[str]) -> None:
        """The ``notes`` of a value or list item name notes of its section."""
        for n_index, note in enumerate(holder.get("notes", [])):
            if note not in note_ids:
                self.problems.append(unknown(document, (*key, "notes", n_index), _("note of this section"), note, note_ids, _("this file's notes")))

    def check_notes_used(self, document: YamlDocument) -> None:
        """Every note is shown where it applies: a value, a list item or a
        relation refers to it."""
        data = document.data
        if any(p.file == document.file and ".notes[" in p.path for p in self.problems):
            return  # a mistyped reference: that problem says it all
        used = {note for figure in data.get("figures", []) for value in figure["values"] for note in value.get("notes", [])}
        used |= {note for item_list in data.get("lists", []) for item in item_list["items"] for note in item.get("notes", [])}
        used |= {relation["note"] for relation in data.get("relations", []) if "note" in relation}
        used |= notes_of_edits(data)
        for index, note in enumerate(data.get("notes", [])):
            if note["id"] not in used:
                self.problems.append(
                    document.problem(
                        ("notes", index, "id"),
                        _("expected a note that a value, list item or relation refers to, received {note}, which nothing refers to").format(note=repr(note["id"])),
                        _("add {note} to the notes of the value or list item it concerns").format(note=note["id"]),
                    )
                )


def quote_mismatch(number: Decimal | int, quote: str) -> tuple[str, str]:
    """The message and hint for a value that its quote does not state."""
    shown = vietnamese(number)
    if shown == str(number):
        message = _("expected a number that its quote states, received {number}, which the quote does not contain").format(number=number)
    else:
        message = _("expected a number that its quote states, received {number} ({shown} in Vietnamese), which the quote does not contain").format(number=number, shown=shown)
    given = numbers_in(quote)
    if not given:
        hint = _("the quote gives no number: quote the source's words that state it")
    elif len(given) == 1:
        hint = _("the quote gives {given}: write {fixed}, or fix the quote").format(given=given[0], fixed=as_yaml(given[0]))
    else:
        hint = _("the quote gives {given}: write one of them the YAML way ({fixed}), or fix the quote").format(given=", ".join(given), fixed=", ".join(as_yaml(n) for n in given))
    return message, hint
