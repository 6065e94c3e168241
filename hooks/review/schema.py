"""Each data file on its own: its JSON Schema (``data/schema/``), told in
editors' words, and the checks that need no other file (HTML in text, bare
YAML 1.1 booleans).

The schema is the one description of the format that the build, the
editors' tools and the field reference all share.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a file must be validated: it costs a build a tenth of a second
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from .messages import N_, _, current_language, ngettext
from .model import LANGUAGES
from .problems import DataError, Problem, format_path, received
from .yamlfile import YAML11_BOOLEANS, Key, YamlDocument

SCHEMAS = {"section": "section.schema.json", "site": "site.schema.json", "vocabulary": "vocabulary.schema.json"}

_TYPE_NAMES = {
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "string": N_("text"),
    "array": N_("a list"),
    "object": N_("a mapping of fields"),
    "boolean": N_("true or false"),
    "null": N_("nothing"),
}
_LANGUAGE_NAMES = {"vi": N_("Vietnamese"), "en": N_("English")}
_LOCAL_NUMBER = re.compile(r"^[-+]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$|^[-+]?[0-9]+,[0-9]+$")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


def schema_validator(kind: str, schema_dir: Path, display_root: str = "data") -> Draft202012Validator:
    """The JSON Schema validator for ``kind`` (section, site or vocabulary).

    Cached while the schema files are unchanged, so that ``mkdocs serve``
    picks up an edited schema. Raises :class:`DataError` for a schema file
    that is missing or not JSON.
    """
    stamps: list[int | None] = []
    for name in SCHEMAS.values():
        try:
            stamps.append((schema_dir / name).stat().st_mtime_ns)
        except OSError:
            stamps.append(None)
    return _schema_validator(kind, schema_dir, display_root, tuple(stamps))


@cache
def _schema_validator(kind: str, schema_dir: Path, display_root: str, stamps: tuple[int | None, ...]) -> Draft202012Validator:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    problems: list[Problem] = []
    resources = []
    for name in SCHEMAS.values():
        shown = f"{display_root}/{schema_dir.name}/{name}"
        try:
            contents = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        except OSError as error:
            problems.append(Problem(shown, 0, 0, "", _("expected the JSON Schema of the data, received nothing: {reason}").format(reason=error.strerror)))
            continue
        except json.JSONDecodeError as error:
            problems.append(Problem(shown, error.lineno, error.colno, "", _("expected JSON, received invalid text: {reason}").format(reason=error.msg)))
            continue
        except UnicodeDecodeError as error:
            problems.append(Problem(shown, 0, 0, "", _("expected JSON, received invalid text: {reason}").format(reason=error.reason)))
            continue
        resources.append((name, Resource.from_contents(contents)))
    if problems:
        raise DataError(problems)
    registry: Registry = Registry().with_resources(resources)
    schema = registry.contents(SCHEMAS[kind])
    return Draft202012Validator(schema, registry=registry)


_VALID: set[str] = set()
"""Files found valid in this process (``mkdocs serve``), by validity key."""


def file_problems(document: YamlDocument, raw: bytes, kind: str, schema_dir: Path, display_root: str = "data", *, memo: Path | None = None) -> tuple[list[Problem], list[Problem]]:
    """Everything wrong with one file on its own: the schema's problems, and
    the others (bare YAML 1.1 booleans, HTML in text). The file can be
    modelled only if the first list is empty.

    A file that the same schema found valid before, byte for byte, is not
    validated again: in this process, or, with ``memo`` (a folder), in an
    earlier one. Raises :class:`DataError` for a schema that is missing or
    not JSON."""
    key = _validity_key(kind, schema_dir, raw)
    marker = memo / key if memo is not None and key is not None else None
    if key is not None and (key in _VALID or (marker is not None and marker.exists())):
        found: list[Problem] = []
    else:
        found = schema_problems(document, schema_validator(kind, schema_dir, display_root))
        if not found and key is not None:
            _VALID.add(key)
            if marker is not None:
                _remember(marker)
    others = [*yaml11_boolean_problems(document, {p.path for p in found}), *html_problems(document)]
    return found, others


def _validity_key(kind: str, schema_dir: Path, raw: bytes) -> str | None:
    """The SHA-256 of the file, its kind, the schema files and the validator's
    version; None when a schema file cannot be read (the validator says why)."""
    digest = hashlib.sha256(f"review-valid 1 {kind} {_jsonschema_version()}\0".encode())
    for name in SCHEMAS.values():
        try:
            digest.update((schema_dir / name).read_bytes() + b"\0")
        except OSError:
            return None
    digest.update(raw)
    return digest.hexdigest()


@cache
def _jsonschema_version() -> str:
    from importlib import metadata

    return metadata.version("jsonschema")


def _remember(marker: Path) -> None:
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # a read-only project is checked in full each time


def schema_problems(document: YamlDocument, validator: Draft202012Validator) -> list[Problem]:
    problems: list[Problem] = []
    for error in validator.iter_errors(document.data):
        problems.extend(_describe(error, document))
    return problems


def _expected(schema: dict[str, Any]) -> str | None:
    """What the schema says a field expects, in the current language
    (``x-expected``, and its Vietnamese twin ``x-expected-vi``)."""
    lang = current_language()
    return schema.get(f"x-expected-{lang}", schema.get("x-expected")) if lang != "en" else schema.get("x-expected")


def _schema_of(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _describe(error: ValidationError, document: YamlDocument) -> Iterator[Problem]:
    describe = _DESCRIBE.get(str(error.validator))
    if describe is None:
        yield document.problem(tuple(error.absolute_path), error.message)
    else:
        yield from describe(error, document, tuple(error.absolute_path))


def _value(error: ValidationError) -> Any:
    """The schema's value for the failed keyword (``minItems: 1`` → 1)."""
    return error.validator_value


def _instance(error: ValidationError) -> Any:
    """What the editor wrote where the keyword failed."""
    return error.instance


def _additional_properties(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    if not isinstance(_instance(error), dict):
        yield document.problem(key, error.message)
        return
    schema = _schema_of(error)
    known = list(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    for name in _instance(error):
        if name in known or any(p.search(name) for p in patterns):
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = _("did you mean {name}?").format(name=repr(close[0])) if close else (_("expected one of: {choices}").format(choices=", ".join(known)) if known else "")
        yield document.problem((*key, name), _("unknown field {name}").format(name=repr(name)), hint, at_key=True)


def _required(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    instance = _instance(error)
    if not isinstance(instance, dict):
        yield document.problem(key, error.message)
        return
    for name in _value(error):
        if name in instance:
            continue
        if name in LANGUAGES and any(lang in instance for lang in LANGUAGES):
            present = next(lang for lang in LANGUAGES if lang in instance)
            yield document.problem(
                key,
                _("expected the text in both languages, received only the {language} version ({lang})").format(language=_(_LANGUAGE_NAMES[present]), lang=present),
                _("add {lang}: with the {language} text").format(lang=name, language=_(_LANGUAGE_NAMES[name])),
            )
        else:
            yield document.problem(key, _("expected the required field {name}, received none").format(name=repr(name)))


def _type(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    types = _value(error) if isinstance(_value(error), list) else [_value(error)]
    expected = _(" or ").join(_(_TYPE_NAMES[t]) for t in types)
    yield document.problem(key, _("expected {expected}, received {received}").format(expected=expected, received=received(_instance(error))), _type_hint(types, _instance(error)))


def _enum(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    instance = _instance(error)
    choices = [str(c) for c in _value(error)]
    close = difflib.get_close_matches(str(instance), choices, n=1, cutoff=0.6) if isinstance(instance, str) else []
    hint = _("did you mean {name}?").format(name=repr(close[0])) if close else ""
    yield document.problem(key, _("expected one of: {choices}; received {received}").format(choices=", ".join(choices), received=received(instance)), hint)


def _property_names(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    from jsonschema.exceptions import best_match

    line, column = document.where((*key, _instance(error)), at_key=True)
    inner = best_match(error.context) if error.context else None
    expected = (_expected(inner.schema) if inner is not None and isinstance(inner.schema, dict) else None) or _("a valid name")
    yield Problem(document.file, line, column, format_path(key), _("expected {expected} as a name, received {received}").format(expected=expected, received=repr(_instance(error))))


def _one_of(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    from jsonschema.exceptions import best_match

    expected = _expected(_schema_of(error))
    if expected is None and error.context:
        yield from _describe(best_match(error.context), document)
        return
    yield document.problem(key, _("expected {expected}, received {received}").format(expected=expected or _("a valid value"), received=received(_instance(error))))


def _pattern(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    expected = _expected(_schema_of(error)) or _("text matching {pattern}").format(pattern=_value(error))
    yield document.problem(key, _("expected {expected}, received {received}").format(expected=expected, received=received(_instance(error))))


def _min_length(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    yield document.problem(key, _("expected {expected}, received an empty text").format(expected=_expected(_schema_of(error)) or _("text")))


def _max_length(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    yield document.problem(key, _("expected text of at most {limit} characters, received {count}").format(limit=_value(error), count=len(_instance(error))))


def _min_items(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    count = _value(error)
    yield document.problem(
        key, ngettext("expected at least {count} item, received {received}", "expected at least {count} items, received {received}", count).format(count=count, received=len(_instance(error)))
    )


def _max_items(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    count = _value(error)
    yield document.problem(
        key, ngettext("expected at most {count} item, received {received}", "expected at most {count} items, received {received}", count).format(count=count, received=len(_instance(error)))
    )


def _unique_items(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    seen: set[str] = set()
    for item in _instance(error):
        shown = json.dumps(item, ensure_ascii=False, default=str)
        if shown in seen:
            yield document.problem(key, _("expected no repeated items, received {received} more than once").format(received=received(item)))
            return
        seen.add(shown)


def _bound(error: ValidationError, document: YamlDocument, key: Key) -> Iterator[Problem]:
    if error.validator == "minimum":
        message = _("expected a number of at least {bound}, received {received}")
    else:
        message = _("expected a number of at most {bound}, received {received}")
    yield document.problem(key, message.format(bound=_value(error), received=received(_instance(error))))


_DESCRIBE: dict[str, Callable[[ValidationError, YamlDocument, Key], Iterator[Problem]]] = {
    "additionalProperties": _additional_properties,
    "required": _required,
    "type": _type,
    "enum": _enum,
    "propertyNames": _property_names,
    "oneOf": _one_of,
    "anyOf": _one_of,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
    "minimum": _bound,
    "maximum": _bound,
}
"""How each JSON Schema keyword's failure is told to an editor."""


def _type_hint(types: list[str], instance: Any) -> str:
    if ("number" in types or "integer" in types) and isinstance(instance, str):
        text = instance.strip()
        if _LOCAL_NUMBER.match(text):
            fixed = text.replace(".", "").replace(",", ".")
            return _("write {fixed}: YAML numbers use '.' for decimals and no thousands separator").format(fixed=fixed)
        if text.endswith("%"):
            return _("write {fixed}: the unit says it is a percentage").format(fixed=text.rstrip("%").strip())
    if "boolean" in types and isinstance(instance, str) and instance in YAML11_BOOLEANS:
        return _("write true or false: YAML 1.1 words such as yes, no, on and off are ambiguous")
    if "string" in types and isinstance(instance, (int, Decimal, bool)):
        return _("put the text in quotes")
    return ""


def yaml11_boolean_problems(document: YamlDocument, checked: set[str]) -> Iterator[Problem]:
    """Unquoted yes/no/on/off that were accepted as text (a boolean field
    reports them itself). ``checked`` holds the paths that already have a
    problem, which is not repeated."""
    for key, word in document.yaml11_booleans.items():
        if format_path(key) in checked:
            continue
        meaning = "true" if YAML11_BOOLEANS[word] else "false"
        yield document.problem(
            key,
            _("expected quoted text, received the bare word {word}, which YAML 1.1 tools read as {meaning}").format(word=word, meaning=meaning),
            _("write {quoted} in quotes").format(quoted=f'"{word}"'),
        )


def html_problems(document: YamlDocument) -> Iterator[Problem]:
    """Markup in text (quotes excepted: they are the source's own words)."""

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
                yield document.problem(key, _("expected plain text, received HTML {markup}").format(markup=repr(match.group(0))), _("remove the markup: the site formats text itself"))

    return walk(document.data, ())
