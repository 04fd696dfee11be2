"""What ``dsm-messages show`` says of one stored message or document: its body, action and
key fields, read as the lenient profile reads it (:func:`describe`), or why it cannot be
shown (:class:`ShowError`).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .element_text import strip_xml, text_of
from .errors import DsmError
from .messages import EMPTY_BODY_ACTIONS, by_qname
from .mtom import MtomError
from .namespaces import SOAP, WSA, prefixed
from .rules import DsmRule
from .safexml import clark_name
from .validator import check_tree, split_stored
from .xml_types import XmlElement

__all__ = ["ShowError", "body_and_action", "describe", "empty_body_action", "key_fields"]

_MAX_FIELDS = 8


class ShowError(Exception):
    """Why one input cannot be shown: a rule code (or None) and a one-line message."""

    def __init__(self, code: str | None, message: str, *, internal: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.internal = internal


def body_and_action(root: XmlElement) -> tuple[XmlElement, str | None]:
    if root.tag != f"{{{SOAP}}}Envelope":
        return root, None
    written = root.find(f"{{{SOAP}}}Header/{{{WSA}}}Action")
    action = None if written is None else strip_xml(text_of(written))
    body = root.find(f"{{{SOAP}}}Body")
    children = [] if body is None else [c for c in body if isinstance(c.tag, str)]
    if not children:
        raise ShowError(DsmRule.SOAP_STRUCTURE, "the SOAP Body holds no element")
    return children[0], action or None


def empty_body_action(root: XmlElement) -> str | None:
    """The action of an envelope whose action announces an empty body (a WS-Transfer Get, an
    UnsubscribeResponse), else ``None``."""
    if root.tag != f"{{{SOAP}}}Envelope":
        return None
    written = root.find(f"{{{SOAP}}}Header/{{{WSA}}}Action")
    action = "" if written is None else strip_xml(text_of(written))
    return action if action in EMPTY_BODY_ACTIONS else None


def key_fields(body: XmlElement) -> list[tuple[str, str]]:
    fields = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element is body or len(element):
            continue
        text = " ".join(text_of(element).split())
        if text:
            local = etree.QName(element).localname
            fields.append((local, text if len(text) <= 60 else text[:57] + "..."))
        if len(fields) == _MAX_FIELDS:
            break
    return fields


def describe(path: str, data: bytes) -> dict[str, Any]:
    """What ``show`` says of one input: its body, action and key fields, read as the lenient
    profile reads it; raises ``ShowError`` when it is not a DSM message or document."""
    split = split_stored(data, name=path)
    if isinstance(split, MtomError):
        raise ShowError(split.code, str(split))
    content_type, body = split
    checked = check_tree(body, profile="lenient", content_type=content_type)
    report, root = checked.report, checked.tree
    if not report.valid or root is None:
        first = report.errors[0]
        where = f" (line {first.line})" if first.line is not None else ""
        raise ShowError(first.rule, first.message + where)
    empty = empty_body_action(root)
    if empty is not None:  # the validator accepted it: the action announces an empty body
        protocol, operation, kind = EMPTY_BODY_ACTIONS[empty]
        return {
            "path": path,
            "message": "(empty body)",
            "protocol": protocol.upper(),
            "operation": operation,
            "kind": kind,
            "action": empty,
            "fields": [],
        }
    element, action = body_and_action(root)
    name = prefixed(clark_name(element))
    spec = by_qname(clark_name(element))
    if spec is None:
        raise ShowError(DsmRule.BODY_UNKNOWN, f"{name} is not a DSM message body or document")
    from .binding import from_xml

    try:
        from_xml(element, spec.model)  # proves the body binds to its model
    except DsmError:
        # the validator accepted what binding refuses: a defect of dsm-messages
        raise ShowError(
            None, f"{name} is valid but dsm-messages cannot bind it", internal=True
        ) from None
    return {
        "path": path,
        "message": name,
        "protocol": spec.protocol.upper(),
        "operation": spec.operation,
        "kind": spec.kind,
        "action": action,
        "fields": [{"name": local, "value": value} for local, value in key_fields(element)],
    }
