"""Read one YAML data file strictly, remembering where every value stands.

PyYAML's own loaders are lenient in ways that hurt editors: a duplicate key
silently wins, ``no`` becomes ``False``, ``2023-10-13`` becomes a date and
``1.5`` a binary float. This reader composes the node tree and builds plain
Python values itself:

* mappings with string keys (a duplicate key is a problem);
* ``true``/``false`` as booleans, and no other words (``yes``, ``no``, ``on``
  and ``off`` stay text, for the validator to flag: where a boolean is due,
  and also where text is due but the word is unquoted, since YAML 1.1 tools
  would read it as a boolean — see :attr:`YamlDocument.yaml11_booleans`);
* whole numbers as ``int``, decimals as :class:`decimal.Decimal` exactly as
  written, everything else as ``str``;
* no anchors, aliases or custom tags, no empty files, no files over 1 MiB,
  UTF-8 only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import yaml

from .messages import _
from .problems import DataError, Problem, format_path
from .yamlsyntax import syntax_problem

MAX_BYTES = 1024 * 1024
"""Larger data files are refused: the whole review is a few dozen KiB."""

MAX_NODES = 100_000
"""A bound on the number of values, against pathological documents."""

Key = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
YAML11_BOOLEANS = {word: value for words, value in (("yes on", True), ("no off", False)) for lower in words.split() for word in (lower, lower.capitalize(), lower.upper())}
"""Unquoted words that YAML 1.1 tools (PyYAML's own loaders among them) read
as booleans, and the boolean they would read."""
_STR_TAG = "tag:yaml.org,2002:str"
_KNOWN_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class _Composer(yaml.SafeLoader):
    """A loader used only to compose nodes. Every plain scalar is tagged
    ``str`` here; :func:`_scalar` decides its type by our rules. It notes
    where each alias (``*name``) stands: the node tree only holds the
    anchored node itself."""

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[yaml.Mark] = []

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.alias_marks.append(self.peek_event().start_mark)
        return super().compose_node(parent, index)


_FastComposer: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastComposer(yaml.CSafeLoader):  # type: ignore[no-redef]
        """The same, with libyaml's parser: about fifteen times faster. On a
        syntax error the pure-Python composer parses again, for its messages."""

        yaml_implicit_resolvers: dict = {}


def _compose(text: str, *, fast: bool = True) -> tuple[yaml.Node, list[yaml.Mark] | None]:
    """The node tree, and where the aliases stand (``None``: not noted)."""
    node: yaml.Node | None = None
    marks: list[yaml.Mark] | None = None
    if fast and _FastComposer is not None:
        try:
            node = yaml.compose(text, Loader=_FastComposer)
        except yaml.YAMLError:
            pass
    if node is None:
        loader = _Composer(text)
        try:
            node, marks = loader.get_single_node(), loader.alias_marks
        finally:
            loader.dispose()
    if node is None:
        raise yaml.YAMLError(_("expected a document, received none"))
    return node, marks


def _plain(node: yaml.ScalarNode) -> bool:
    """Whether a scalar was written without quotes (the C parser says ``''``
    where the Python one says ``None``)."""
    return node.style in (None, "")


@dataclass
class YamlDocument:
    """A parsed data file: its plain value and the position of each part."""

    file: str
    data: Any
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    """Where each value starts, 1-based (line, column)."""
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    """Where each mapping key starts, 1-based (line, column)."""
    yaml11_booleans: dict[Key, str] = field(default_factory=dict)
    """Values written as an unquoted ``yes``, ``no``, ``on`` or ``off``: kept as
    text here, but read as booleans by YAML 1.1 tools."""

    def where(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The position of ``key``, or of its closest known parent."""
        table = self.key_positions if at_key else self.positions
        probe = tuple(key)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, key: Key, message: str, hint: str = "", *, at_key: bool = False) -> Problem:
        line, column = self.where(key, at_key=at_key)
        return Problem(self.file, line, column, format_path(key), message, hint)


def read_yaml(path: Path, display: str) -> YamlDocument:
    """Parse ``path``; ``display`` is how problems name the file.

    Raises :class:`DataError` with every problem this stage can see.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError([Problem(display, 0, 0, "", _("cannot be read: {reason}").format(reason=error.strerror))]) from None
    return parse_yaml(raw, display)


def parse_yaml(raw: bytes, display: str) -> YamlDocument:
    """Parse the bytes of a data file; see :func:`read_yaml`."""
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(display, 0, 0, "", _("expected a file of at most {limit} KiB, received {size} KiB").format(limit=MAX_BYTES // 1024, size=len(raw) // 1024))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError([Problem(display, line, column, "", _("expected UTF-8 text, received the byte {byte}").format(byte=f"0x{raw[error.start]:02x}"), _("save the file as UTF-8"))]) from None
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise DataError([Problem(display, 0, 0, "", _("expected data, received an empty file"))])
    try:
        node, alias_marks = _compose(text)
    except yaml.MarkedYAMLError as error:
        raise DataError([syntax_problem(text, error, display)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(display, 0, 0, "", _("invalid YAML: {problem}").format(problem=error))]) from None

    document = YamlDocument(display, None)
    problems: list[Problem] = []
    builder = _Builder(document, problems, alias_marks)
    document.data = builder.build(node, ())
    if builder.aliases and alias_marks is None:
        # Aliases are refused: parse again, noting where each one stands.
        node, alias_marks = _compose(text, fast=False)
        document = YamlDocument(display, None)
        problems = []
        builder = _Builder(document, problems, alias_marks)
        document.data = builder.build(node, ())
    if problems:
        raise DataError(problems)
    return document


class _Builder:
    def __init__(self, document: YamlDocument, problems: list[Problem], alias_marks: list[yaml.Mark] | None) -> None:
        self.document = document
        self.problems = problems
        self.seen: set[int] = set()
        self.count = 0
        self.alias_marks = alias_marks
        """Where each alias stands, in document order, which is the order
        this builder meets them in; ``None`` when the parser did not say."""
        self.aliases = 0
        """How many aliases the builder has met so far."""

    def alias(self, node: yaml.Node, key: Key) -> None:
        """Report the alias met at ``key`` (``node`` is the anchored node)."""
        if self.alias_marks is not None and self.aliases < len(self.alias_marks):
            mark = self.alias_marks[self.aliases]
            line, column = mark.line + 1, mark.column + 1
        else:
            line, column = self.document.key_positions.get(key, (node.start_mark.line + 1, node.start_mark.column + 1))
        self.aliases += 1
        self.problems.append(Problem(self.document.file, line, column, format_path(key), _("expected plain data, received an alias (*name)"), _("write the value out in full")))

    def skip(self, node: yaml.Node) -> None:
        """Walk a part that is not built (it has a problem already), so that
        the aliases in it are counted and its anchors are known."""
        if id(node) in self.seen:
            self.aliases += 1
            return
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                self.skip(key_node)
                self.skip(value_node)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.skip(item)

    def fail(self, node: yaml.Node, key: Key, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.document.file, node.start_mark.line + 1, node.start_mark.column + 1, format_path(key), message, hint))

    def build(self, node: yaml.Node, key: Key) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self.fail(node, key, _("expected at most {limit} values, received more").format(limit=MAX_NODES))
            return None
        if id(node) in self.seen:
            # The composer hands back the anchored node itself.
            self.alias(node, key)
            return None
        self.seen.add(id(node))
        self.document.positions[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _KNOWN_TAGS and node.tag != "!":
            shown = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(node, key, _("expected plain data, received the tag {tag}").format(tag=shown), _("remove the tag"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key, index)) for index, item in enumerate(node.value)]
        return self.scalar(cast(yaml.ScalarNode, node), key)

    def missing_dash(self, node: yaml.MappingNode, key_node: yaml.Node, key: Key) -> bool:
        """Whether ``key_node``, a duplicate, repeats the first key of a list
        item: most likely a new item written without its ``- ``."""
        first = node.value[0][0]
        return bool(key) and isinstance(key[-1], int) and isinstance(first, yaml.ScalarNode) and first.value == key_node.value

    def duplicate(self, node: yaml.MappingNode, key_node: yaml.ScalarNode, child: Key, after_missing_dash: bool) -> None:
        name = key_node.value
        first = self.document.key_positions[child][0]
        if after_missing_dash:
            return  # the consequence of a missing dash already reported
        message = _("duplicate key {name}, first given at line {line}").format(name=repr(name), line=first)
        if self.missing_dash(node, key_node, child[:-1]):
            hint = _("if this line starts a new item of the list, write - {name}: at the column of the dash above").format(name=name)
        else:
            hint = _("keep one of them: YAML would silently use the last")
        self.fail(key_node, child, message, hint)

    def mapping(self, node: yaml.MappingNode, key: Key) -> dict[str, Any]:
        out: dict[str, Any] = {}
        missing_dash = False
        for key_node, value_node in node.value:
            if id(key_node) in self.seen:
                self.alias(key_node, key)
                self.skip(value_node)
                continue
            self.seen.add(id(key_node))
            if key_node.tag == "tag:yaml.org,2002:merge" or (isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and _plain(key_node)):
                self.fail(key_node, key, _("expected plain data, received a merge key (<<)"), _("write the values out in full"))
                self.skip(value_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, key, _("expected a name as key, received a list or mapping"))
                self.seen.discard(id(key_node))
                self.skip(key_node)
                self.skip(value_node)
                continue
            name = key_node.value
            child = (*key, name)
            if name in out:
                self.duplicate(node, key_node, child, missing_dash)
                missing_dash = missing_dash or self.missing_dash(node, key_node, key)
                self.skip(value_node)
                continue
            self.document.key_positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[name] = self.build(value_node, child)
        return out

    def scalar(self, node: yaml.ScalarNode, key: Key) -> Any:
        text = node.value
        if not unicodedata.is_normalized("NFC", text):
            self.fail(node, key, _("expected text in composed Unicode (NFC), received decomposed characters"), _("retype the accented letters, or save the file as NFC"))
        if not _plain(node) or node.tag == "!":
            return text
        if node.tag != _STR_TAG:
            # An explicit standard tag such as !!int.
            return self.tagged(node, key)
        if text in _NULL:
            return None
        if text in _BOOL:
            return _BOOL[text]
        if text in YAML11_BOOLEANS:
            self.document.yaml11_booleans[key] = text
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return Decimal(text)
        return text

    def tagged(self, node: yaml.ScalarNode, key: Key) -> Any:
        text = node.value
        kind = node.tag.removeprefix("tag:yaml.org,2002:")
        if kind == "int" and _INT.match(text):
            return int(text)
        if kind == "float" and (_FLOAT.match(text) or _INT.match(text)):
            return Decimal(text)
        if kind == "bool" and text in _BOOL:
            return _BOOL[text]
        if kind == "null" and text in _NULL:
            return None
        self.fail(node, key, _("expected a value matching the tag !!{kind}, received {value}").format(kind=kind, value=repr(text)))
        return None
