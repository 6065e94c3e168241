"""The field reference of the data files, read from the JSON Schema in
``data/schema/``.

The schema is the one description of the data format: the build validates
with it, editors' tools complete fields from it, and the editors' guide shows
this reference, made from it on every build, so that the guide cannot go
stale. Every ``description`` in the schema has a Vietnamese twin,
``x-description-vi``; each file's ``title`` has ``x-title-vi``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .messages import _
from .model import LANGUAGES, Text
from .problems import DataError, Problem

FILES: tuple[tuple[str, str], ...] = (("site", "site.schema.json"), ("vocabulary", "vocabulary.schema.json"), ("section", "section.schema.json"))
"""Each kind of data file and its schema, in the order the reference shows them."""

TypeKind = Literal["text", "number", "integer", "boolean", "fields", "list", "choice", "named", "alternatives", "any"]
_SIMPLE = {"string": "text", "number": "number", "integer": "integer", "boolean": "boolean", "object": "fields", "array": "list"}


@dataclass(frozen=True)
class FieldType:
    """What a field holds, in words the template puts into each language."""

    kind: TypeKind
    name: str = ""
    """For ``named``: the shared type, listed once in :attr:`Reference.types`."""
    choices: tuple[str, ...] = ()
    """For ``choice``: the allowed values."""
    item: FieldType | None = None
    """For ``list``: what each item holds."""
    alternatives: tuple[FieldType, ...] = ()
    """For ``alternatives``: one of these."""


@dataclass(frozen=True)
class Field:
    path: str
    """Where the field sits in its file: ``figures[].values[].value``."""
    required: bool
    type: FieldType
    description: Text | None


@dataclass(frozen=True)
class FileReference:
    kind: str
    """``site``, ``vocabulary`` or ``section``."""
    schema: str
    """The schema's file name: ``section.schema.json``."""
    title: Text
    description: Text | None
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class NamedType:
    """A type that many fields share, such as ``text`` or ``id``."""

    name: str
    description: Text


@dataclass(frozen=True)
class Reference:
    files: tuple[FileReference, ...]
    types: tuple[NamedType, ...]


def load_reference(schema_dir: Path, display_root: str = "data") -> Reference:
    """Read the schema files of ``schema_dir`` into a :class:`Reference`.

    Raises :class:`DataError` for a description without its Vietnamese twin
    (or the reverse), and for a schema file that cannot be read.
    """
    documents: dict[str, Any] = {}
    problems: list[Problem] = []
    for _kind, name in FILES:
        shown = f"{display_root}/{schema_dir.name}/{name}"
        try:
            documents[name] = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(Problem(shown, 0, 0, "", _("expected a JSON Schema, received a file that cannot be read: {reason}").format(reason=error)))
    if problems:
        raise DataError(problems)
    walker = _Walker(documents, f"{display_root}/{schema_dir.name}")
    files = tuple(walker.file(kind, name) for kind, name in FILES)
    if walker.problems:
        raise DataError(walker.problems)
    types = tuple(NamedType(name, description) for name, description in sorted(walker.types.items()))
    return Reference(files, types)


@dataclass
class _Walker:
    documents: dict[str, Any]
    shown_root: str
    problems: list[Problem] = field(default_factory=list)
    types: dict[str, Text] = field(default_factory=dict)

    def text(self, node: dict[str, Any], document: str, pointer: str, en_key: str = "description", vi_key: str = "x-description-vi") -> Text | None:
        en, vi = node.get(en_key), node.get(vi_key)
        if en is None and vi is None:
            return None
        if not isinstance(en, str) or not isinstance(vi, str):
            missing, present = (vi_key, en_key) if en is not None else (en_key, vi_key)
            where = pointer.lstrip("/").replace("/", ".") or _("(the root)")
            self.problems.append(
                Problem(
                    f"{self.shown_root}/{document}",
                    0,
                    0,
                    where,
                    _("expected {missing} beside {present}, received only {present}").format(missing=missing, present=present),
                    _("describe the field in both languages"),
                )
            )
            return None
        return Text(vi=vi, en=en)

    def resolve(self, ref: str, document: str) -> tuple[dict[str, Any], str, str]:
        """A ``$ref`` → (target node, its document, its pointer)."""
        target_doc, _hash, pointer = ref.partition("#")
        target_doc = target_doc or document
        node: Any = self.documents[target_doc]
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            node = node[part]
        return node, target_doc, pointer

    @staticmethod
    def expandable(node: dict[str, Any]) -> bool:
        """A definition whose fields the reference lists where it is used;
        the others (``text``, ``id``, ``period``…) are shared named types."""
        properties = node.get("properties", {})
        return bool(properties) and not set(properties) <= set(LANGUAGES)

    def file(self, kind: str, name: str) -> FileReference:
        root = self.documents[name]
        title = self.text(root, name, "", "title", "x-title-vi")
        assert title is not None, f"{name} has no title"
        fields: list[Field] = []
        self.children(root, name, "", "", fields)
        return FileReference(kind, name, title, self.text(root, name, ""), tuple(fields))

    def describe(self, node: dict[str, Any], document: str, pointer: str) -> tuple[FieldType, Text | None, dict[str, Any], str, str]:
        """The type and description of a field, and the node (with its
        document and pointer) whose own fields follow it."""
        description = self.text(node, document, pointer)
        if "$ref" in node:
            target, target_doc, target_pointer = self.resolve(node["$ref"], document)
            if not self.expandable(target):
                name = target_pointer.rsplit("/", 1)[-1]
                if name not in self.types:
                    shared = self.text(target, target_doc, target_pointer)
                    self.types[name] = shared or Text(vi="", en="")
                    if shared is None:
                        self.problems.append(
                            Problem(f"{self.shown_root}/{target_doc}", 0, 0, target_pointer.lstrip("/").replace("/", "."), _("expected a description of this shared type, received none"))
                        )
                return FieldType("named", name=name), description or self.types[name], {}, target_doc, target_pointer
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            field_type, own, inner, inner_doc, inner_pointer = self.describe(merged, target_doc, target_pointer)
            return field_type, description or own, inner, inner_doc, inner_pointer
        if "enum" in node:
            return FieldType("choice", choices=tuple(str(c) for c in node["enum"])), description, {}, document, pointer
        branches = [b for b in node.get("oneOf", node.get("anyOf", [])) if any(k in b for k in ("type", "$ref", "properties", "enum"))]
        if branches and not any(k in node for k in ("type", "properties")):
            types = []
            inner = {}
            inner_doc, inner_pointer = document, pointer
            key = "oneOf" if "oneOf" in node else "anyOf"
            for index, branch in enumerate(node[key]):
                if branch not in branches:
                    continue
                branch_type, _text, branch_inner, b_doc, b_pointer = self.describe(branch, document, f"{pointer}/{key}/{index}")
                types.append(branch_type)
                if branch_inner:
                    inner, inner_doc, inner_pointer = branch_inner, b_doc, b_pointer
            return FieldType("alternatives", alternatives=tuple(types)), description, inner, inner_doc, inner_pointer
        raw = node.get("type")
        if isinstance(raw, list):
            return FieldType("alternatives", alternatives=tuple(FieldType(_SIMPLE[t]) for t in raw)), description, {}, document, pointer  # type: ignore[arg-type]
        if raw == "array" or "items" in node:
            item_type, _text, inner, inner_doc, inner_pointer = self.describe(node.get("items", {}), document, f"{pointer}/items")
            return FieldType("list", item=item_type), description, inner, inner_doc, inner_pointer
        if raw == "object" or any(k in node for k in ("properties", "additionalProperties", "patternProperties")):
            return FieldType("fields"), description, node, document, pointer
        if raw in _SIMPLE:
            return FieldType(_SIMPLE[raw]), description, {}, document, pointer  # type: ignore[arg-type]
        return FieldType("any"), description, {}, document, pointer

    def children(self, node: dict[str, Any], document: str, pointer: str, path: str, out: list[Field]) -> None:
        """The fields of an object node, each followed by its own fields."""
        required = set(node.get("required", []))
        entries: list[tuple[str, bool, dict[str, Any], str]] = []
        for name, child in node.get("properties", {}).items():
            entries.append((name, name in required, child, f"{pointer}/properties/{name}"))
        for pattern, child in node.get("patternProperties", {}).items():
            entries.append(("<name>", False, child, f"{pointer}/patternProperties/{pattern}"))
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            names = node.get("propertyNames", {})
            placeholder = "<id>" if names.get("$ref", "").endswith("/id") else "<name>"
            entries.append((placeholder, False, extra, f"{pointer}/additionalProperties"))
        for name, is_required, child, child_pointer in entries:
            child_path = f"{path}.{name}" if path else name
            field_type, description, inner, inner_doc, inner_pointer = self.describe(child, document, child_pointer)
            out.append(Field(child_path, is_required, field_type, description))
            if inner:
                suffix = "[]" * _list_depth(field_type)
                self.children(inner, inner_doc, inner_pointer, child_path + suffix, out)


def _list_depth(field_type: FieldType) -> int:
    depth = 0
    while field_type.kind == "list" and field_type.item is not None:
        depth += 1
        field_type = field_type.item
    return depth
