"""Vendor content's values that name something: kept as the ``QName`` they name, so that they
are written back with the declarations they need.

A vendor element (``AnyElement``) holding ``prefix:local`` with a prefix declared in scope, or
several such names apart by XML whitespace (written back one space apart), holds that QName
(or that list); a vendor attribute's value likewise. The plan reads them so itself
(:func:`vendor_text`); for xsdata's generic binder, which keeps such text as text, they are
marked in the tree before it reads (:func:`mark_vendor_qnames`) and made ``QName`` after
(:func:`vendor_qnames_stay_qnames`).

>>> from lxml import etree
>>> vendor_text("p:Ready", etree.fromstring('<v:a xmlns:v="urn:v" xmlns:p="urn:p"/>'))
<QName '{urn:p}Ready'>
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from collections.abc import Callable
from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement

from .element_text import tokens
from .namespaces import PREFIXES
from .xml_types import XmlElement

__all__ = [
    "conventional_qname",
    "mark_vendor_qnames",
    "vendor_qnames_stay_qnames",
    "vendor_text",
]


def vendor_text(text: str, element: XmlElement) -> str | QName | list[QName]:
    """The value of a vendor element that holds prefixed names whose prefixes are declared in
    scope, ``prefix:local`` (or several, apart by XML whitespace, as the items of a list are)
    and nothing else: the ``QName`` (or the list of them) it names, so that it is written back
    with its declarations (a vendor keyword such as ``acme:Throttled``; a list one space
    apart); other text stays text."""
    names = []
    for token in tokens(text):
        prefix, colon, local = token.partition(":")
        if not colon or not _NAME.fullmatch(prefix) or not _NAME.fullmatch(local):
            return text
        namespace = _namespace_of(prefix, element)
        if namespace is None:
            return text
        names.append(QName(f"{{{namespace}}}{local}"))
    if not names:
        return text
    return names[0] if len(names) == 1 else names


def _namespace_of(prefix: str, element: XmlElement) -> str | None:
    """The namespace ``prefix`` stands for at ``element``: the one declared in scope, or, for
    a conventional prefix left undeclared (``dsp:InvalidArgs`` in a vendor value), the one the
    writer declares it for, which is what the message written back says."""
    if prefix == "xml":
        return None
    if prefix in element.nsmap:
        return element.nsmap[prefix]
    return PREFIXES.get(prefix)


def conventional_qname(raw: str) -> QName | None:
    """``raw`` as the QName it names when it is ``prefix:local`` with a conventional prefix
    (one the writer declares), for a value whose own prefix was left undeclared."""
    prefix, colon, local = raw.partition(":")
    namespace = PREFIXES.get(prefix)
    if not colon or namespace is None or not _NAME.fullmatch(local):
        return None
    return QName(f"{{{namespace}}}{local}")


_NAME = re.compile(r"[^\W\d][\w.\-]*")
#: Marks, for the generic binder, a vendor value :func:`_any_text` reads as a ``QName``.
#: (A private-use character and a secret of the process: no text read can forge it.)
_QNAME_TEXT = f"\ue000{secrets.token_hex(8)}\ue000"


def mark_vendor_qnames(root: XmlElement, kept_whole: Callable[[XmlElement], bool]) -> bool:
    """Mark, in a tree xsdata's generic binder is about to read, the vendor values (those of
    the elements ``kept_whole`` says it keeps as ``AnyElement``) :func:`vendor_text` reads as
    ``QName``, for :func:`vendor_qnames_stay_qnames` to make them so; whether there was one."""
    marked = False
    for element in root.xpath("descendant::*[not(*)][contains(., ':')]"):
        text = element.text
        if not isinstance(text, str) or text.startswith(_QNAME_TEXT):
            continue
        value = vendor_text(text, element)
        if not isinstance(value, str) and kept_whole(element):
            names = [value] if isinstance(value, QName) else value
            element.text = _QNAME_TEXT + " ".join(name.text for name in names)
            marked = True
    return marked


def vendor_qnames_stay_qnames(obj: object) -> None:
    """xsdata reads a vendor attribute's ``prefix:local`` value as the QName it may be, in
    Clark notation (``{urn:vendor}Throttled``), and would write that text back as the value.
    Such values become ``QName`` objects (equal to their Clark text), which are written back
    as a prefixed name with its declaration."""
    if isinstance(obj, list):
        for item in obj:
            vendor_qnames_stay_qnames(item)
        return
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return
    if isinstance(obj, AnyElement) and str(obj.text).startswith(_QNAME_TEXT):
        names = [QName(name) for name in str(obj.text)[len(_QNAME_TEXT) :].split(" ")]
        obj.text = names[0] if len(names) == 1 else names  # type: ignore[assignment]
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if field.metadata.get("type") == "Attributes" and isinstance(value, dict):
            for name, text in value.items():
                if isinstance(text, str) and text.startswith("{") and "}" in text[1:]:
                    value[name] = QName(text)
                elif isinstance(text, str):  # a conventional prefix left undeclared
                    value[name] = conventional_qname(text) or text
        elif isinstance(value, list) or dataclasses.is_dataclass(value):
            vendor_qnames_stay_qnames(value)
