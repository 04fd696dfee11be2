"""An example of every message for its reference page, checked by the validator at build time.

A message the project ships an example of (``examples/``, conversations included) is shown as
written there. Any other is written from its schema tree: every required element and
attribute, the first option of a choice, the first well-known value of a value set. Either way
the bytes are read back with :func:`dsm_messages.parse` (or :func:`dsm_messages.from_xml` for a
document), written out again with :func:`dsm_messages.serialize` or
:func:`dsm_messages.to_xml`, and must pass :func:`dsm_messages.validate` in the strict profile
with no problem at all, or the build fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

import dsm_messages
from dsm_messages.aliases import find_alias
from dsm_messages.messages import MessageType
from dsm_messages.mtom import split_message
from dsm_messages.namespaces import PREFIXES
from dsm_messages.validator import canonical_form

from .schema_tree import Node, SchemaSet, SimpleType

TO = "https://scansrv01.example:5362/ScanServer/7"
REQUEST_ID = "urn:uuid:5eb4f990-8f4b-4b55-b4e0-08e1d8e0c5d3"
ANSWER_ID = "urn:uuid:0d2c41b8-7a93-4e6f-9b15-3c8e2a7f6d40"

_BUILTIN_VALUES = {
    "string": "example",
    "normalizedString": "example",
    "token": "example",
    "NMTOKEN": "example",
    "boolean": "true",
    "dateTime": "2026-03-02T09:15:27Z",
    "date": "2026-03-02",
    "duration": "PT1H",
    "anyURI": "urn:example:value",
    "base64Binary": "",
    "hexBinary": "",
    "NCName": "example",
    "Name": "example",
    "language": "en",
}


class SampleError(Exception):
    """An example message that does not validate: the build stops."""


@dataclass(frozen=True)
class Sample:
    text: str  # the example as shown, pretty-printed
    origin: str  # where it comes from, for the page
    content_type: str | None = None
    #: The body (or document) the example holds, as read back from its bytes.
    body: object = None


#: A value choice: the index of the canonical well-known value to take, or values seen at the
#: same path of local names in the shipped examples (falling back to the first value).
Pick = int | dict[tuple[str, ...], str]


def _path(element: etree._Element) -> tuple[str, ...]:
    return tuple(etree.QName(e).localname for e in reversed([element, *element.iterancestors()]))


def _value(text: SimpleType, element: etree._Element, pick: Pick = 0) -> str:
    if isinstance(pick, dict):
        seen = pick.get(_path(element))
        if seen is not None and (not text.values or seen in text.values):
            return seen
        pick = 0
    if text.values:
        qname = etree.QName(element)
        canonical = [
            value
            for value in text.values
            if find_alias(qname.namespace or "", qname.localname, value) is None
        ] or list(text.values)
        return canonical[pick]
    builtin = text.builtin
    if builtin == "QName":
        # a QName naming the element's first child, or the element itself: always declared,
        # prefix in scope
        qname = etree.QName(element[0] if len(element) else element)
        prefix = next(
            (p for p, uri in element.nsmap.items() if uri == qname.namespace and p), None
        )
        return f"{prefix}:{qname.localname}" if prefix else qname.localname
    if builtin in (
        "int",
        "integer",
        "long",
        "short",
        "byte",
        "unsignedInt",
        "unsignedShort",
        "unsignedLong",
        "nonNegativeInteger",
        "positiveInteger",
    ):
        facets = dict(text.facets)
        low = int(facets.get("minInclusive", "1"))
        return str(max(low, 1) if "maxInclusive" not in facets else low)
    value = _BUILTIN_VALUES.get(builtin, "example")
    length = dict(text.facets).get("minLength")
    if length and len(value) < int(length):
        value = value.ljust(int(length), "x")
    return value


def _fill(node: Node, parent: etree._Element | None, pick: Pick) -> etree._Element:
    element = (
        etree.Element(node.name, nsmap=dict(PREFIXES))
        if parent is None
        else etree.SubElement(parent, node.name)
    )
    for child in node.children:
        _add(child, element, pick)
    # Attributes declared both qualified and unqualified (decision 4) are each optional in the
    # schema, but one form is required: the form the validator calls canonical is written (the
    # qualified one where either will do).
    qualified_names = {a.name.rpartition("}")[2] for a in node.attributes if a.name[0] == "{"}
    plain_names = {a.name for a in node.attributes if a.name[0] != "{"}
    for attribute in node.attributes:
        qualified = attribute.name[0] == "{"
        local = attribute.name.rpartition("}")[2]
        if local in qualified_names and local in plain_names:  # declared both ways
            wanted = canonical_form(node.name, local) is not False
            if qualified == wanted:
                element.set(attribute.name, _value(attribute.type, element, pick))
        elif attribute.required:
            element.set(attribute.name, _value(attribute.type, element, pick))
    if node.text is not None and len(element) == 0:
        element.text = _value(node.text, element, pick)
    return element


def _add(node: Node, parent: etree._Element, pick: Pick) -> None:
    if node.kind == "choice":
        option = next((o for o in node.children if o.kind == "element"), None)
        if node.min > 0 and option is not None:
            _fill(option, parent, pick)
        return
    if node.kind != "element" or node.min == 0 or node.recursive:
        return
    for _ in range(node.min):
        _fill(node, parent, pick)


def generated_body(schemas: SchemaSet, spec: MessageType, pick: Pick = 0) -> bytes:
    """A minimal body element of ``spec`` written from its schema tree alone: required
    elements and attributes only, the first option of each choice, and the first (``pick=0``)
    or last (``pick=-1``) canonical well-known value of each value set."""
    return etree.tostring(_fill(schemas.element(spec.qname), None, pick))


def bundled_examples(examples: Path) -> dict[str, tuple[Path, bytes, str | None]]:
    """The first shipped example of each body element (Clark name): path, bytes, content type."""
    found: dict[str, tuple[Path, bytes, str | None]] = {}
    for path in sorted(examples.rglob("*")):
        if path.suffix not in (".xml", ".mime"):
            continue
        data = path.read_bytes()
        content_type = None
        if path.suffix == ".mime":
            content_type, data = split_message(data)
        try:
            envelope = dsm_messages.parse(data, content_type=content_type)
            body = envelope.body
        except dsm_messages.DsmError:
            try:
                body = dsm_messages.from_xml(data)
            except dsm_messages.DsmError:
                continue
        if body is None:
            continue
        try:
            qname = dsm_messages.message_type(type(body)).qname
        except KeyError:
            continue
        found.setdefault(qname, (path, data, content_type))
    return found


def seen_values(bundled: dict[str, tuple[Path, bytes, str | None]]) -> dict[tuple[str, ...], str]:
    """The first text written at each path of local names below the body, in the examples."""
    found: dict[tuple[str, ...], str] = {}
    for qname, (_, data, content_type) in bundled.items():
        if content_type is not None:
            continue
        root = etree.fromstring(data)
        for body in root.iter(qname):
            for element in body.iter():
                if isinstance(element.tag, str) and len(element) == 0 and element.text:
                    key = _path(element)
                    key = key[key.index(etree.QName(qname).localname) :]
                    found.setdefault(key, element.text.strip())
    return found


def _check(data: bytes, what: str, content_type: str | None = None) -> None:
    report = dsm_messages.validate(data, content_type=content_type)
    if report.problems:
        problems = "; ".join(f"{p.rule} {p.message}" for p in report.problems)
        raise SampleError(f"the example of {what} does not validate: {problems}")


def _pretty(data: bytes) -> str:
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


#: Control characters a page cannot show (an image part's bytes): shown as the replacement
#: character, as bytes that are no UTF-8 are
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def sample(
    spec: MessageType,
    schemas: SchemaSet,
    bundled: dict[str, tuple[Path, bytes, str | None]],
    root: Path,
) -> Sample:
    """The checked example of one message type."""
    what = spec.qname
    if spec.qname in bundled:
        path, data, content_type = bundled[spec.qname]
        _check(data, what, content_type)
        origin = path.relative_to(root).as_posix()
        body = _body(data, content_type)
        if content_type is not None:  # an MTOM package: shown as stored, binary bytes as �
            text = _CONTROL.sub("\ufffd", path.read_bytes().decode("utf-8", "replace"))
            return Sample(text=text, origin=origin, content_type=content_type, body=body)
        return Sample(text=_pretty(data), origin=origin, body=body)
    failures = []
    # the first values may not go together (a job state and its reason): try others
    for pick in (0, -1, seen_values(bundled)):
        try:
            data = _generated(spec, schemas, pick)
            return Sample(text=_pretty(data), origin="", body=_body(data, None))
        except SampleError as error:
            failures.append(str(error))
    raise SampleError(" | ".join(failures))


def _body(data: bytes, content_type: str | None) -> object:
    """The body an example holds (a document is its own body)."""
    try:
        return dsm_messages.parse(data, content_type=content_type).body
    except dsm_messages.DsmError:
        return dsm_messages.from_xml(data)


def _generated(spec: MessageType, schemas: SchemaSet, pick: Pick) -> bytes:
    what = spec.qname
    body = dsm_messages.from_xml(generated_body(schemas, spec, pick))
    if spec.action is None:
        data = dsm_messages.to_xml(body)
    elif spec.kind == "request":
        data = dsm_messages.serialize(
            body, to=TO, message_id=REQUEST_ID, reply_to=dsm_messages.ANONYMOUS
        )
    elif spec.kind == "event":
        data = dsm_messages.serialize(body, to=TO, message_id=ANSWER_ID)
    else:
        data = dsm_messages.serialize(
            body, to=dsm_messages.ANONYMOUS, message_id=ANSWER_ID, relates_to=REQUEST_ID
        )
    _check(data, what)
    return data
