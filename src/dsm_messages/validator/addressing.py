"""Checks that look at the SOAP envelope and its WS-Addressing headers: structure,
Action against body, required headers per message kind, WS-Discovery's own addressing."""

from __future__ import annotations

import functools
import re

from .. import namespaces as ns
from ..element_text import strip_xml, text_of
from ..messages import (
    ANSWERED_TO_SENDER,
    DISCOVERY_TO,
    EMPTY_BODY_ACTIONS,
    FAULT_ACTION,
    SEQUENCED,
    MessageType,
    all_by_action,
    by_action,
    by_qname,
)
from ..rule_ids import DsmRule
from ..xml_types import XmlElement, first_child
from .context import Context
from .stale import stale_action
from .uris import ABSOLUTE_URI, uri_defect, uri_text
from .walk import name_of, split_clark

__all__ = [
    "check_action",
    "check_addressing",
    "check_discovery",
    "check_envelope",
]

_OTHER_ADDRESSING = (
    "http://schemas.xmlsoap.org/ws/2003/03/addressing",
    "https://schemas.xmlsoap.org/ws/2003/03/addressing",
    "http://www.w3.org/2005/08/addressing",
    "http://schemas.xmlsoap.org/ws/2004/03/addressing",
)


_URN_UUID = re.compile(r"^urn:uuid:[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


_IDENTIFIER = f"{{{ns.WSE}}}Identifier"


_HEADER, _BODY = f"{{{ns.SOAP}}}Header", f"{{{ns.SOAP}}}Body"


#: A header block's name split into namespace and local name: the same few names come
#: message after message, so each is split once.
_split_block_name = functools.lru_cache(maxsize=1024)(split_clark)


def check_envelope(context: Context, root: XmlElement) -> XmlElement | None:
    if root.get(f"{{{ns.SOAP}}}encodingStyle") is not None:
        context.add(
            DsmRule.SOAP_STRUCTURE,
            "soap:encodingStyle is not allowed on the SOAP 1.2 Envelope",
            root,
        )
        context.named.add((root.sourceline, "encodingStyle"))  # the schema's word on it
    headers: dict[str, XmlElement] = {}
    header = body_element = None
    for top in root:  # (the first soap:Header and the first soap:Body)
        if top.tag == _HEADER:
            header = top if header is None else header
        elif top.tag == _BODY:
            body_element = top if body_element is None else body_element
    other_addressing = False
    identified = False
    for block in () if header is None else header:
        tag = block.tag
        if tag.__class__ is not str:
            continue  # a comment or processing instruction
        namespace, local = _split_block_name(tag)
        if namespace in _OTHER_ADDRESSING:
            if not other_addressing:
                context.add(
                    DsmRule.ADDRESSING_VERSION,
                    f"header {name_of(block)} uses WS-Addressing {namespace}; DSM uses {ns.WSA}",
                    block,
                )
            other_addressing = True
        if tag == _IDENTIFIER:
            # one subscription per message: parse() refuses a second, so must validate()
            if identified:
                context.add(
                    DsmRule.HEADER_DUPLICATE, "wse:Identifier appears more than once", block
                )
            identified = True
        if namespace != ns.WSA and namespace not in _OTHER_ADDRESSING:
            continue
        # (a header of another WS-Addressing version is there: named once, as that version,
        # and read for the rest, never reported missing)
        if local in headers:
            context.add(DsmRule.HEADER_DUPLICATE, f"wsa:{local} appears more than once", block)
            continue
        headers[local] = block
    if body_element is None:
        context.add(DsmRule.SOAP_STRUCTURE, "the envelope has no soap:Body", root)
        return None
    children = [child for child in body_element if child.tag.__class__ is str]
    if len(children) > 1:
        context.add(
            DsmRule.SOAP_STRUCTURE,
            f"the soap:Body holds {len(children)} elements; a DSM body holds one",
            children[1],
        )
    body = children[0] if children else None
    spec = by_qname(str(body.tag)) if body is not None else None
    if body is not None:
        context.message = name_of(body)
        if spec is None or spec.kind == "document":
            context.add(DsmRule.BODY_UNKNOWN, f"{name_of(body)} is not a DSM message body", body)
    check_action(context, headers.get("Action"), root, body, spec)
    check_addressing(context, headers, root, spec)
    if spec is not None and spec.protocol == "wsd":
        check_discovery(context, headers, header, root, spec)
    return body


def check_discovery(
    context: Context,
    headers: dict[str, XmlElement],
    header: XmlElement | None,
    root: XmlElement,
    spec: MessageType,
) -> None:
    """WS-Discovery's own addressing: multicast messages go to its URN, and a device's
    messages carry its AppSequence."""
    to = headers.get("To")
    if spec.kind in ("request", "event") and to is not None:
        value = strip_xml(text_of(to))
        if value != DISCOVERY_TO:
            context.add(
                DsmRule.DISCOVERY_TO,
                f"{ns.prefixed(spec.qname)} is addressed to {value!r}, not {DISCOVERY_TO}",
                to,
            )
    if spec.qname in SEQUENCED and (
        header is None or first_child(header, f"{{{ns.WSD}}}AppSequence") is None
    ):
        context.add(
            DsmRule.APP_SEQUENCE_MISSING,
            f"{ns.prefixed(spec.qname)} has no wsd:AppSequence header",
            root if header is None else header,
        )


def check_action(
    context: Context,
    element: XmlElement | None,
    root: XmlElement,
    body: XmlElement | None,
    spec: MessageType | None,
) -> None:
    if element is None:
        context.add(DsmRule.ACTION_MISSING, "the envelope has no wsa:Action header", root)
        return
    written = uri_text(context, element)
    context.action = written
    defect = uri_defect(written)
    if defect is not None:  # one problem: no action can be recognised in it
        context.uri_lines.add(element.sourceline)
        context.add(DsmRule.ACTION_UNKNOWN, f"action {written!r} {defect}", element)
        return
    action = stale_action(context, element, written)
    announced = by_action(action)
    if announced is None and action != FAULT_ACTION and action not in EMPTY_BODY_ACTIONS:
        context.add(DsmRule.ACTION_UNKNOWN, f"action {action} is not a DSM action", element)
        return
    if body is None:
        if action not in EMPTY_BODY_ACTIONS:
            context.add(DsmRule.SOAP_STRUCTURE, f"action {action} needs a body element", root)
        return
    if spec is None or spec.kind == "document":
        return  # reported as DSM-BODY-UNKNOWN
    if action in EMPTY_BODY_ACTIONS:
        context.add(DsmRule.ACTION_MISMATCH, f"action {action} announces an empty body", element)
    elif spec.kind == "fault":
        if action != FAULT_ACTION:
            context.add(
                DsmRule.ACTION_MISMATCH, f"a fault travels with action {FAULT_ACTION}", element
            )
    elif spec not in (candidates := all_by_action(action)):
        # an action WS-DSD and WS-Scan share announces a dsd: or a wscn: body
        if any(
            spec.kind == "response"
            and other.kind == "request"
            and (other.protocol, other.operation) == (spec.protocol, spec.operation)
            for other in candidates
        ):
            context.add(
                DsmRule.ACTION_REPEATS_REQUEST,
                f"{name_of(body)} travels with its request's action; its own is {spec.action}",
                element,
            )
        else:
            announces = " or ".join(
                f"{ns.prefixed(other.qname)} ({other.protocol})" for other in candidates
            )
            context.add(
                DsmRule.ACTION_MISMATCH,
                f"action {action} announces {announces}, not {name_of(body)} ({spec.protocol},"
                f" expected {spec.action})",
                element,
            )


def check_addressing(
    context: Context,
    headers: dict[str, XmlElement],
    root: XmlElement,
    spec: MessageType | None,
) -> None:
    kind = spec.kind if spec is not None else None
    if kind is None and context.action in EMPTY_BODY_ACTIONS:
        kind = EMPTY_BODY_ACTIONS[context.action][2]
    if "To" not in headers:
        context.add(DsmRule.HEADER_MISSING, "the envelope has no wsa:To header", root)
    if kind == "request":
        if "MessageID" not in headers:
            context.add(
                DsmRule.HEADER_MISSING, "a request needs a wsa:MessageID to be answered", root
            )
        answered_to_sender = spec is not None and spec.protocol in ANSWERED_TO_SENDER
        if "ReplyTo" not in headers and not answered_to_sender:
            context.add(DsmRule.REPLY_TO_MISSING, "the request has no wsa:ReplyTo", root)
    if kind == "response" and "RelatesTo" not in headers:
        context.add(
            DsmRule.RELATES_TO_MISSING,
            "a response needs wsa:RelatesTo naming the request it answers",
            root,
        )
    elif kind == "fault" and "RelatesTo" not in headers:
        context.add(
            DsmRule.FAULT_UNRELATED,
            "a fault without wsa:RelatesTo answers a message whose MessageID could not be "
            "read; any other fault relates to the MessageID of what it answers",
            root,
        )
    message_id = headers.get("MessageID")
    if message_id is not None:
        value = strip_xml(text_of(message_id))
        if not _URN_UUID.match(value) and ABSOLUTE_URI.match(value):  # (most: one match)
            context.add(
                DsmRule.MESSAGE_ID_FORM,
                f"MessageID {value!r} is not urn:uuid: followed by a UUID",
                message_id,
            )
