"""Why an element does not bind to its model, said in the document's own terms.

When the binder refuses a document, its :class:`~dsm_messages.errors.BindingError` names the
first element at fault, its line, and what is wrong with it, as a reader of the XML sees it: a
required child missing, an element the model has no place for, a value that is not of its
type. Never a Python signature or a field name: those are the binder's business.

The walk follows the model classes down the tree, as the binder does, and stops at the first
fault; it runs only after binding failed, so it costs nothing on the way to a bound object.

>>> from lxml import etree
>>> from xsdata.formats.dataclass.context import XmlContext
>>> from dsm_messages.models import dsp
>>> root = etree.fromstring(f'<p:EndPostScanJobRequest xmlns:p="{dsp.__NAMESPACE__}"/>')
>>> explain(root, dsp.EndPostScanJobRequest, XmlContext(), lambda name: None)
'dsp:EndPostScanJobRequest (line 1) is missing its required dsp:JobToken'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from xml.etree.ElementTree import QName

from xsdata.exceptions import ConverterError
from xsdata.formats.converter import converter
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.models.elements import XmlVar
from xsdata.models.datatype import XmlDuration

from .element_text import text_of, tokens
from .namespaces import prefixed
from .timestamps import Timestamp
from .xml_types import XmlElement

__all__ = ["explain"]

#: What a value of each type is, for a reader of the XML.
_KINDS: dict[type, str] = {
    str: "text",
    int: "a whole number",
    bool: "true, false, 1 or 0",
    bytes: "base64 data",
    datetime: "a date and time (xs:dateTime)",
    XmlDuration: "a duration (xs:duration)",
    QName: "a prefixed name whose prefix is declared",
}


def explain(
    root: XmlElement,
    model: type,
    context: XmlContext,
    wildcard_class: Callable[[str], type | None],
) -> str | None:
    """The first reason ``root`` does not bind to ``model`` (``None`` when none is found);
    ``wildcard_class`` says which class a wildcard binds an element of a given name to."""
    return _Walk(context, wildcard_class).element(root, model)


class _Walk:
    def __init__(self, context: XmlContext, wildcard_class: Callable[[str], type | None]):
        self.context = context
        self.wildcard_class = wildcard_class

    def element(self, element: XmlElement, model: type) -> str | None:
        meta = self.context.build(model)
        filled: set[str] = set()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            var = next(meta.find_children(child.tag), None)
            if var is None:
                return f"{_where(child)} is not expected in {_name(element)}"
            filled.add(var.name)
            found = self.child(child, var)
            if found is not None:
                return found
        if meta.text is not None and not any(isinstance(c.tag, str) for c in element):
            found = self.value(element, meta.text)
            if found is not None:
                return found
        for var in meta.get_element_vars():
            if var.required and var.is_element and var.name not in filled:
                return f"{_where(element)} is missing its required {prefixed(var.qname)}"
        return None

    def child(self, child: XmlElement, var: XmlVar) -> str | None:
        if var.is_wildcard:
            known = self.wildcard_class(str(child.tag))
            return None if known is None else self.element(child, known)
        if var.clazz is not None:
            return self.element(child, var.clazz)
        if any(isinstance(grandchild.tag, str) for grandchild in child):
            return f"{_where(child)} holds elements; it is a value"
        return self.value(child, var)

    def value(self, element: XmlElement, var: XmlVar) -> str | None:
        text = text_of(element)
        items = tokens(text) if var.tokens else [text]
        for item in items:
            try:
                converter.deserialize(item, var.types, ns_map=element.nsmap, format=var.format)
            except (ConverterError, ValueError, TypeError):
                return f"{_where(element)} {item!r} is not {_kind(var.types)}{_why(item, var)}"
        return None


def _kind(types: Sequence[type]) -> str:
    kinds = []
    for kind in types:
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            kinds.append("one of " + ", ".join(str(member.value) for member in kind))
        else:
            kinds.append(_KINDS.get(kind, kind.__name__))
    return " nor ".join(kinds)


def _why(text: str, var: XmlVar) -> str:
    """The reason a date and time is refused, when it is one (a year Python cannot hold)."""
    if datetime not in var.types:
        return ""
    try:
        Timestamp.from_xml(text)
    except ValueError as exc:
        reason = str(exc).partition(": ")[2]
        return f" ({reason})" if reason else ""
    return ""


def _name(element: XmlElement) -> str:
    return prefixed(str(element.tag))


def _where(element: XmlElement) -> str:
    return f"{_name(element)} (line {element.sourceline})"
