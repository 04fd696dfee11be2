"""The schema pass: libxml2's XSD check of the tree, children put in schema order and
padded values trimmed first (each a problem), each remaining schema error one problem at its
element, unless a check above has already named it."""

from __future__ import annotations

import re

from lxml import etree

from .. import namespaces as ns
from ..rule_ids import DsmRule
from ..schema import load_schema
from ..xml_types import XmlElement
from .context import Context
from .source import known_column

__all__ = [
    "check_child_order",
    "check_schema",
]

# (the patterns read schema errors only: compiled, and cached by :mod:`re`, when first used)
_URI_SCHEMA_ERROR = (
    r"(?s)^Element '[^']*'(, attribute '[^']*')?: .* is not a valid value of the atomic type "
    r"'xs:anyURI'"
)


_CLARK = r"\{([^}]*)\}([\w.\-]+)"


# -- schema ----------------------------------------------------------------------------
def check_schema(context: Context, root: XmlElement) -> None:
    schema = load_schema()
    if schema.validate(root):
        _name_moved(context)
        return
    reordered = check_child_order(context, root)
    if not reordered:
        _name_moved(context)
    if reordered and schema.validate(root):
        return
    first = _by_element(schema.error_log)
    at_fault = [_schema_element(context, root, entries[0]) for entries in first]
    trimmed = context.repair.trim_padded_values(root, at_fault)
    if trimmed:
        remaining = [] if schema.validate(root) else _by_element(schema.error_log)
        still = {(entries[0].line, entries[0].path) for entries in remaining}
        for entries, element in zip(first, at_fault, strict=True):
            where = (entries[0].line, entries[0].path)
            if element is not None and element in trimmed and where not in still:
                _schema_problem(
                    context,
                    DsmRule.VALUE_WHITESPACE,
                    entries,
                    element,
                    " (valid once the padding is removed)",
                )
        first = remaining
        at_fault = [_schema_element(context, root, entries[0]) for entries in first]
    for entries, element in zip(first, at_fault, strict=True):
        kept = [
            entry
            for entry in entries
            if not (entry.line in context.keyword_lines and "union" in entry.message)
            and not (
                entry.line in context.uri_lines and re.match(_URI_SCHEMA_ERROR, entry.message)
            )
            and not (
                entry.line in context.detail_text_lines and "Detail': Character" in entry.message
            )
            and not any(
                entry.line == line and words in entry.message for line, words in context.named
            )
        ]
        if kept:
            _schema_problem(context, DsmRule.XSD, kept, element)


def _schema_problem(
    context: Context,
    code: DsmRule,
    entries: list[etree._LogEntry],
    element: XmlElement | None,
    suffix: str = "",
) -> None:
    """One problem for what the schema says of one element, at the element."""
    messages = list(dict.fromkeys(_schema_message(entry.message) for entry in entries))
    message = "; ".join(messages) + suffix
    if element is None:
        entry = entries[0]
        context.add(
            code,
            message,
            line=entry.line,
            column=known_column(entry.column),
            location=_schema_path(entry.path),
        )
    else:
        context.add(code, message, element, location=_schema_path(entries[0].path))


def _schema_element(
    context: Context, root: XmlElement, entry: etree._LogEntry
) -> XmlElement | None:
    """The element a schema error is about: on its line, at its path."""
    if context.on_line is None:
        context.on_line = {}
        for element in root.iter():
            if isinstance(element.tag, str):
                context.on_line.setdefault(element.sourceline, []).append(element)
    candidates = context.on_line.get(entry.line, [])
    if len(candidates) == 1:
        return candidates[0]
    tree = root.getroottree()
    return next((found for found in candidates if tree.getpath(found) == entry.path), None)


def _name_moved(context: Context) -> None:
    """The children the wildcard check found out of their place, named: only when no child
    was out of schema order (the child-order rule names those, and puts them in place)."""
    for message, child in context.moved:
        context.add(DsmRule.XSD, message, child)


def check_child_order(context: Context, root: XmlElement) -> bool:
    """Children out of their schema sequence's order: one problem each, then the tree put
    in schema order (the lenient profile reads them so; the schema check that follows
    names what else is wrong). Whether anything was out of order."""
    # (imported once a message fails the schema: a valid one never needs the content models)
    from ..child_order import out_of_order

    found = out_of_order(root)
    if found and context.source is not None:
        context.source.scan()  # positions and columns of the elements as written
    for reordering in found:
        for misplaced in reordering.misplaced:
            context.add(DsmRule.CHILD_ORDER, misplaced.message, misplaced.child)
    for reordering in found:
        context.repair.reorder(reordering.parent, reordering.order)
    return bool(found)


def _by_element(log: etree._ListErrorLog) -> list[list[etree._LogEntry]]:
    """The schema's errors grouped by the element they are about (line and path), in order."""
    groups: dict[tuple[int, str | None], list[etree._LogEntry]] = {}
    for entry in log:
        groups.setdefault((entry.line, entry.path), []).append(entry)
    return list(groups.values())


def _schema_message(message: str) -> str:
    return re.sub(_CLARK, lambda m: ns.prefixed(m.group(0)), message)


def _schema_path(path: str | None) -> str | None:
    return path or None
