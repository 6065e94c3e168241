"""What a change to ``data/`` does, compared with the last commit.

For the editor who made it, and for a reviewer of it: the figures whose
values changed (old → new, written for each language as the site writes
them), the figures added or removed, where each changed figure appears (its
section's page, the home page, the charts that draw it), and the relations
and notes it touches. Both sides are read and checked like a build reads
them, so the report speaks of what the site would show.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .formatting import format_value
from .languages import prefix
from .messages import _
from .model import LANGUAGES, CHART_PLACEHOLDER, Chart, Figure, Relation, Section, Site, Value


class ChangesError(Exception):
    """The last commit's data cannot be read; ``str()`` says why."""


def committed_data(root: Path, target: Path, revision: str = "HEAD") -> None:
    """Write the ``data/`` of ``revision`` of the git repository at ``root``
    into the folder ``target`` (which must not exist yet)."""

    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
        except FileNotFoundError:
            raise ChangesError(_("git is not installed: the changes cannot be compared with the last commit")) from None

    if git("rev-parse", "--is-inside-work-tree").returncode != 0:
        raise ChangesError(_("{root} is not in a git repository: there is no last commit to compare with").format(root=root))
    if git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        raise ChangesError(_("the repository has no commit yet: there is nothing to compare with"))
    listed = git("ls-tree", "-r", "--name-only", revision, "--", "data")
    target.mkdir(parents=True)
    for name in listed.stdout.decode("utf-8").splitlines():
        shown = git("show", f"{revision}:./{name}")
        path = target / Path(name).relative_to("data")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(shown.stdout)


@dataclass(frozen=True)
class ValueChange:
    time: str
    """The period or date, as the data writes it."""
    old: Value | None
    new: Value | None


@dataclass(frozen=True)
class FigureChange:
    id: str
    old: Figure | None
    new: Figure | None
    values: tuple[ValueChange, ...]


def compare(old: Site, new: Site) -> list[FigureChange]:
    """The figures that were added, removed, or whose values changed (the
    number, its hedge or its unit), in the order of the new site."""
    changes = []
    old_figures, new_figures = old.figures, new.figures
    for ident in [*new_figures, *(i for i in old_figures if i not in new_figures)]:
        before, after = old_figures.get(ident), new_figures.get(ident)
        old_values = {v.time.raw: v for v in before.values} if before else {}
        new_values = {v.time.raw: v for v in after.values} if after else {}
        unit_changed = before is not None and after is not None and before.unit != after.unit
        values = tuple(
            ValueChange(time, old_values.get(time), new_values.get(time))
            for time in [*new_values, *(t for t in old_values if t not in new_values)]
            if unit_changed or _differs(old_values.get(time), new_values.get(time))
        )
        if before is None or after is None or values:
            changes.append(FigureChange(ident, before, after, values))
    return changes


def _differs(old: Value | None, new: Value | None) -> bool:
    if old is None or new is None:
        return old is not new
    return (old.value, old.qualifier) != (new.value, new.qualifier)


def changed_files(old_dir: Path, new_dir: Path) -> list[str]:
    """The names of the files of ``data/`` that differ, were added or removed."""
    names = {p.relative_to(old_dir).as_posix() for p in old_dir.rglob("*") if p.is_file()}
    names |= {p.relative_to(new_dir).as_posix() for p in new_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return sorted(n for n in names if not (old_dir / n).is_file() or not (new_dir / n).is_file() or (old_dir / n).read_bytes() != (new_dir / n).read_bytes())


def _section_of(site: Site, ident: str) -> Section | None:
    return next((s for s in site.sections if any(f.id == ident for f in s.figures)), None)


def _page(section_id: str | None) -> str:
    """A page's address in both languages: ``/energy/ · /en/energy/``."""
    path = f"{section_id}/" if section_id else ""
    return " · ".join(f"/{prefix(lang)}{path}" for lang in LANGUAGES)


def _charts_with(site: Site, ident: str) -> list[Chart]:
    found = []
    for section in site.sections:
        for chart in section.charts:
            texts = [chart.title, *([chart.subtitle] if chart.subtitle else []), *chart.labels.values()]
            named = {i for text in texts for lang in LANGUAGES for i in CHART_PLACEHOLDER.findall(text[lang])}
            if ident in chart.figures or ident == chart.whole or ident in named:
                found.append(chart)
    return found


def _relations_with(site: Site, ident: str) -> list[tuple[Section, Relation]]:
    return [(section, relation) for section in site.sections for relation in section.relations if ident in (relation.result_id, *(operand.partition("@")[0] for operand in relation.operands))]


def _value_text(value: Value | None, figure: Figure | None, site: Site, lang: str) -> str:
    if value is None or figure is None:
        return _("(none)")
    return format_value(value, figure.unit, site.vocabulary, lang)


def report(changes: list[FigureChange], files: list[str], old: Site, new: Site, lang: str) -> str:
    """The report, in the current language; the label of each figure in
    ``lang`` (the editor's language)."""
    if not files:
        return _("No change to data/ since the last commit.")
    out = [_("Changes to data/ since the last commit:"), _("Files changed: {files}").format(files=", ".join(f"data/{name}" for name in files))]
    if not changes:
        out.append(_("No figure's value changed."))
    for change in changes:
        figure = change.new or change.old
        assert figure is not None
        site = new if change.new is not None else old
        out.append("")
        if change.old is None:
            out.append(_("New figure {id}: {label}").format(id=change.id, label=figure.label[lang]))
        elif change.new is None:
            out.append(_("Removed figure {id}: {label}").format(id=change.id, label=figure.label[lang]))
        else:
            out.append(_("Figure {id}: {label}").format(id=change.id, label=figure.label[lang]))
        for value in change.values:
            out.append(f"  {value.time}:")
            for each in LANGUAGES:
                out.append(f"    {each}: {_value_text(value.old, change.old, old, each)} → {_value_text(value.new, change.new, new, each)}")
        section = _section_of(site, change.id)
        if section is not None:
            out.append("  " + _("on the page of the section {section}: {pages}").format(section=section.id, pages=_page(section.id)))
            if change.id in section.key_figures:
                out.append("  " + _("on the home page, as a key figure: {pages}").format(pages=_page(None)))
        for chart in _charts_with(site, change.id):
            out.append("  " + _("in the chart {chart}: {pages}").format(chart=chart.id, pages=_page(chart.section)))
        for owner, relation in _relations_with(site, change.id):
            holds = _("holds") if relation.holds else _("does not hold (the source's own figures; see its note)")
            out.append(
                "  "
                + _("in the relation {kind} of {result} ({section}): {operands}; it {holds}").format(
                    kind=relation.kind, result=relation.result, section=owner.id, operands=" ∘ ".join(relation.operands), holds=holds
                )
            )
            if relation.note:
                out.append("    " + _("note {id}: {text}").format(id=relation.note, text=_note_text(owner, relation.note, lang)))
        notes = dict.fromkeys(n for v in change.values for value in (v.old, v.new) if value is not None for n in value.notes)
        for note in notes:
            if section is not None:
                out.append("  " + _("note {id}: {text}").format(id=note, text=_note_text(section, note, lang)))
    return "\n".join(out)


def _note_text(section: Section, ident: str, lang: str) -> str:
    return next((note.text[lang] for note in section.notes if note.id == ident), ident)
