"""Model objects to XML bytes and back, with the namespace prefixes DSM documents use.

>>> from dsm_messages.models import dsp
>>> request = dsp.EndPostScanJobRequest(job_token="264a19bf")
>>> data = to_xml(request)
>>> print(data.decode())  # doctest: +NORMALIZE_WHITESPACE
<dsp:EndPostScanJobRequest
 xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"><dsp:JobToken>264a19bf</dsp:JobToken></dsp:EndPostScanJobRequest>
>>> from_xml(data) == request
True
"""

from __future__ import annotations

import copy
import enum
import functools
import threading
from collections.abc import Mapping
from types import ModuleType
from typing import Any, TypeVar, overload
from xml.etree.ElementTree import QName

from lxml import etree
from xsdata.exceptions import ConverterError, ParserError, XmlContextError
from xsdata.formats.converter import converter
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.models.generics import AnyElement
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.config import ParserConfig
from xsdata.formats.dataclass.parsers.handlers import LxmlEventHandler
from xsdata.formats.dataclass.parsers.utils import ParserUtils
from xsdata.formats.dataclass.serializers.config import SerializerConfig

from . import (
    leaf_values,
    lexical,  # noqa: F401 - registers how typed values are read and written
)
from .element_text import drop_comments, is_xml_whitespace, tokens
from .errors import BindingError
from .messages import by_qname
from .namespaces import PREFIXES, prefixed
from .rule_ids import DsmRule
from .safexml import clark_name, parse_xml
from .serializer import EmptyList, Serializer, Writer
from .unbindable import explain
from .vendor_values import (
    conventional_qname,
    mark_vendor_qnames,
    vendor_qnames_stay_qnames,
    vendor_text,
)
from .xml_types import XmlElement

__all__ = [
    "LEAF_ATTRIBUTE",
    "bind_generic",
    "bind_planned",
    "drop_unused_namespaces",
    "from_xml",
    "leaf_attributes",
    "stray_text",
    "to_element",
    "to_xml",
    "wildcard_class",
    "write_generic",
    "write_planned",
]

T = TypeVar("T")
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XSI_PREFIX = f"{{{_XSI}}}"


class _Context(XmlContext):
    """xsdata's context, with one rule of ours: which class an element in a wildcard binds to
    (:func:`wildcard_class`), for the generic binder as for the plan."""

    def find_type(self, qname: str) -> type | None:
        return wildcard_class(qname)


_CONTEXT = _Context()


@functools.lru_cache(maxsize=4096)  # (vendor names come from untrusted messages: bounded)
def wildcard_class(name: str) -> type | None:
    """The model class an element called ``name`` (Clark notation) binds to in a wildcard: the
    class of the global element of that name in our schemas, which a lax wildcard checks
    against its declaration; ``None`` for anything else (vendor elements, and the names of our
    types and local elements, which the schemas do not check there): kept whole, as
    ``AnyElement``. A global element's class declares its namespace in its own ``Meta``."""
    found: type | None = XmlContext.find_type(_CONTEXT, name)
    meta = None if found is None else vars(found).get("Meta")
    return found if getattr(meta, "namespace", None) else None


_PARSER = XmlParser(
    context=_CONTEXT,
    handler=LxmlEventHandler,
    config=ParserConfig(fail_on_unknown_properties=True, fail_on_converter_warnings=True),
)
_SERIALIZER = Serializer(
    context=_CONTEXT, config=SerializerConfig(xml_declaration=False), writer=Writer
)
_ROOTS = threading.local()  # per thread, per name: a root declaring every prefix, to copy


def to_xml(obj: object, *, pretty: bool = False, xml_declaration: bool = False) -> bytes:
    """Serialize a model object as UTF-8 XML with the conventional DSM prefixes.

    :param obj: a model instance: a message body or a document (``psp.PostScanProcess``).
    :param pretty: whether to indent the XML.
    :param xml_declaration: whether to begin with an XML declaration.
    :returns: the element's XML, declaring only the namespaces it uses.
    :raises BindingError: when ``obj`` is not a model instance, or holds a value its schema
        type cannot be written from.
    """
    root = to_element(obj)
    if pretty:
        etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=xml_declaration)


def to_element(obj: object) -> XmlElement:
    """A model object as an lxml tree, declaring only the namespaces it uses.

    Written by the plan generated beside the models (:func:`write_planned`); what the plan
    does not cover is written by xsdata's generic serializer, to the same tree."""
    root = write_planned(obj)
    return write_generic(obj) if root is None else root


def write_generic(obj: object) -> XmlElement:
    """``obj`` written by xsdata's generic serializer alone: the reference the generated
    plan is held to."""
    try:
        text = _SERIALIZER.render(obj, ns_map=PREFIXES)
    except (XmlContextError, ConverterError, TypeError, ValueError) as exc:
        raise BindingError(f"cannot serialize {type(obj).__name__}: {exc}") from None
    root = etree.fromstring(text.encode("utf-8"))
    drop_unused_namespaces(root)
    return root


# The generated plan's kinds (``models._binding_plan`` says what each means; imported late)
CLASS, STR, MEMO, CONVERT, IN_SCOPE, TOKENS = range(6)
ATTRIBUTE, ANY_ATTRIBUTES, ELEMENT, TEXT, WILDCARD = range(5)


@functools.cache
def _plan() -> ModuleType:
    from .models import _binding_plan as plan

    kinds = (plan.CLASS, plan.STR, plan.MEMO, plan.CONVERT, plan.IN_SCOPE, plan.TOKENS)
    writes = (plan.ATTRIBUTE, plan.ANY_ATTRIBUTES, plan.ELEMENT, plan.TEXT, plan.WILDCARD)
    if kinds != (CLASS, STR, MEMO, CONVERT, IN_SCOPE, TOKENS) or writes != tuple(range(5)):
        raise RuntimeError("models/_binding_plan.py does not match this binder: regenerate it")
    return plan


_DECLARED = frozenset(PREFIXES.values())
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


def _writable(name: str | None) -> bool:
    """Whether a name is written the same way here and by xsdata: no namespace, or one with
    a conventional prefix (xsdata invents prefixes for the others)."""
    if name is None or not name.startswith("{"):
        return True
    namespace = name[1:].partition("}")[0]
    return namespace in _DECLARED or namespace == _XML_NAMESPACE


@functools.cache
def _compiled_writes() -> dict[type, _Compiled]:
    """Each class's write plan, names checked once and classes linked to their plans."""
    writes: dict[type, tuple[Any, ...]] = _plan().WRITES
    compiled: dict[type, _Compiled] = {cls: [cls] for cls in writes}
    for cls, (name, attributes, content) in writes.items():
        linked = []
        for kind, field, element, repeats, target, form in content:
            if kind == ELEMENT and target is not None:
                target = compiled.get(target)
            linked.append((kind, field, element, repeats, target, form, _writable(element)))
        checked = [(*attribute, _writable(attribute[2])) for attribute in attributes]
        compiled[cls].extend((name if _writable(name) else None, checked, linked))
    return compiled


def write_planned(obj: object) -> XmlElement | None:
    """``obj`` written by the generated plan, or ``None`` when the plan does not cover it
    (vendor namespaces, QName values, a subclass where the field names its base, text
    that XML would normalise, ...): :func:`to_element` then has xsdata write it."""
    plan = _compiled_writes().get(type(obj))
    if plan is None or plan[1] is None or not plan[1].startswith("{"):
        return None
    template = _ROOTS.__dict__.get(plan[1])
    if template is None:
        template = _ROOTS.__dict__[plan[1]] = etree.Element(plan[1], nsmap=PREFIXES)
    root = copy.copy(template)
    try:
        _write_into(root, obj, plan)
    except (_NotInPlan, ValueError, TypeError):
        return None
    drop_unused_namespaces(root)
    return root


def _write_into(element: XmlElement, obj: object, plan: _Compiled) -> None:
    _, _, attributes, content = plan
    for kind, field, name, form, writable in attributes:
        value = getattr(obj, field)
        if kind == ATTRIBUTE:
            if value is not None:
                if not writable:
                    raise _NotInPlan
                element.set(name, _attribute_text(value, form))
            continue
        for key, text in value.items():
            if not _writable(key) or not isinstance(text, str):
                raise _NotInPlan  # a vendor namespace, a QName value
            element.set(key, _attribute_text(text, None))
    for kind, field, name, repeats, target, form, writable in content:
        value = getattr(obj, field)
        if value is None:
            continue
        if kind == ELEMENT:
            if repeats and not isinstance(value, list):
                raise _NotInPlan
            for item in value if repeats else (value,):
                if item is None or not writable:
                    raise _NotInPlan
                child = etree.SubElement(element, name)
                if target is None:
                    text = _text(item, form)
                    if text:
                        child.text = text
                elif type(item) is target[0]:
                    _write_into(child, item, target)
                else:  # a subclass (xsi:type), or no plan for the class
                    raise _NotInPlan
        elif kind == TEXT:
            text = _text(value, form)
            if text:
                element.text = text
        else:  # the wildcard (a list, or one): model objects written as the elements they are
            for item in value if repeats else (value,):
                item_plan = _compiled_writes().get(type(item))
                if item_plan is None or item_plan[1] is None or not item_plan[1].startswith("{"):
                    raise _NotInPlan  # AnyElement, DerivedElement, text, a type
                _write_into(etree.SubElement(element, item_plan[1]), item, item_plan)


def _text(value: object, form: str | None) -> str:
    """A value's text as xsdata writes it; text XML would read back otherwise is not."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, QName):
        raise _NotInPlan  # its prefix is xsdata's to choose
    elif isinstance(value, enum.Enum):
        if not isinstance(value.value, str):
            raise _NotInPlan
        text = value.value
    else:
        text = converter.serialize(value, format=form)
    if "\r" in text:
        raise _NotInPlan
    return text


def _attribute_text(value: object, form: str | None) -> str:
    text = _text(value, form)
    if "\t" in text or "\n" in text:
        raise _NotInPlan  # written as is, it would be read back as spaces
    return text


def drop_unused_namespaces(root: XmlElement) -> None:
    """Remove the namespace declarations a tree does not use, in place.

    lxml drops those no element or attribute name uses, but cannot see QName values
    (``dsp:JobStatus``, ``soap:Receiver``, a vendor ``ns13:Code``), which need their declaration
    in scope: a prefix that starts a text or attribute value, or any item of a list of them
    (``wsd:Types`` holds ``wsdp:Device wscn:ScanDeviceType``), is therefore kept.
    """
    in_values: set[str] = set()
    for element in root.iter():
        for value in (element.text, *element.attrib.values()):
            if value and ":" in value:
                for token in tokens(value):
                    head, colon, _ = token.partition(":")
                    if colon and head:
                        in_values.add(head)
    # (a prefix kept that no declaration has is no harm: cleanup keeps only declarations, and
    # reading each element's in-scope map instead would cost every declaration per element)
    etree.cleanup_namespaces(root, keep_ns_prefixes=sorted(in_values))


class _NotInPlan(Exception):  # noqa: N818 - a signal, never raised to the caller
    """Raised inside the planned binder for anything it does not read itself: the generic
    binder then reads the element (and refuses it, where that is the answer)."""


_REMEMBERED: dict[tuple[type, ...], dict[str, object]] = {}
_REMEMBER_AT_MOST = 4096


def _value(
    text: str, how: int, types: tuple[type, ...], form: str | None, element: XmlElement
) -> object:
    """``text`` converted exactly as xsdata converts it for a field of ``types``."""
    if how == STR:
        return text
    if how == TOKENS:  # an xs:list: each token converted alone (QNames in the element's scope)
        items = [_convert(token, types, form, element.nsmap) for token in tokens(text)]
        return items or EmptyList()
    if how == MEMO:
        remembered = _REMEMBERED.get(types)
        if remembered is None:
            remembered = _REMEMBERED[types] = {}
        found = remembered.get(text, remembered)
        if found is not remembered:
            return found
        value = _convert(text, types, form, None)
        if len(remembered) >= _REMEMBER_AT_MOST:
            remembered.clear()
        remembered[text] = value
        return value
    return _convert(text, types, form, element.nsmap if how == IN_SCOPE else None)


def _convert(
    text: str, types: tuple[type, ...], form: str | None, in_scope: Mapping[str | None, str] | None
) -> object:
    try:
        if in_scope is None:
            return converter.deserialize(text, types, format=form)
        return converter.deserialize(text, types, ns_map=in_scope, format=form)
    except ConverterError:
        raise _NotInPlan from None


#: A class's plan, compiled once: (class, children, attributes, attribute wildcard field, own
#: text, element wildcard field, element name), children's classes replaced by their
#: compiled plans.
_Compiled = list[Any]


@functools.cache
def _compiled() -> dict[type, _Compiled]:
    plans: dict[type, tuple[Any, ...]] = _plan().PLANS
    compiled: dict[type, _Compiled] = {cls: [cls] for cls in plans}
    for cls, (element, children, attributes, any_attributes, own_text, wildcard) in plans.items():
        linked = {}
        for name, (field, repeats, how, target) in children.items():
            if how == CLASS:
                target = compiled.get(target)  # None: a class the plan leaves to xsdata
            elif how == MEMO:  # the values remembered for these types, at hand
                target = (*target, _REMEMBERED.setdefault(target[0], {}))
            linked[name] = (field, repeats, how, target)
        compiled[cls].extend((linked, attributes, any_attributes, own_text, wildcard, element))
    return compiled


def _planned(element: XmlElement, plan: _Compiled) -> object:
    """The object ``element`` binds to by ``plan`` (see ``models._binding_plan``)."""
    cls, children, attributes, any_attributes, own_text, wildcard, _ = plan
    params: dict[str, Any] = {}
    if element.keys():
        for name, raw in element.items():
            attribute = attributes.get(name)
            if attribute is not None:
                field, how, types, form = attribute
                params[field] = _value(raw, how, types, form, element)
            elif any_attributes is None or name.startswith(_XSI_PREFIX):
                raise _NotInPlan
            else:
                params.setdefault(any_attributes, {})[name] = _any_attribute(raw, element)
    text = element.text
    if own_text is not None:
        if text is None or len(element):
            raise _NotInPlan
        field, how, types, form = own_text
        params[field] = _value(text, how, types, form, element)
    elif text and not is_xml_whitespace(text):
        raise _NotInPlan  # stray text: the generic binder refuses it
    else:
        for child in element:
            tail = child.tail
            if tail and not is_xml_whitespace(tail):
                raise _NotInPlan
            entry = children.get(child.tag)
            if entry is None:
                _wildcard_child(child, wildcard, params)
                continue
            field, repeats, how, target = entry
            if how == CLASS:
                if target is None:
                    raise _NotInPlan
                value = _planned(child, target)
            else:
                # a leaf value: attributes on it are refused by the generic binder, and
                # children (comments included) are its business too
                value = child.text
                if value is None and how == TOKENS and not len(child) and not child.keys():
                    value = ""  # an empty list that was there
                if value is None and how == CONVERT and target[0] == (bytes,):
                    value = ""  # an empty binary value: an image sent as an attachment
                if value is None or len(child) or child.keys():
                    raise _NotInPlan
                if how == MEMO:  # (inlined: most values are well-known ones)
                    remembered = target[2]
                    found = remembered.get(value, remembered)
                    value = (
                        _value(value, how, target[0], target[1], child)
                        if found is remembered
                        else found
                    )
                elif how != STR:
                    value = _value(value, how, target[0], target[1], child)
            if repeats:
                params.setdefault(field, []).append(value)
            elif field in params:
                raise _NotInPlan
            else:
                params[field] = value
    try:
        return cls(**params)
    except TypeError:  # a required field missing: the generic binder names it
        raise _NotInPlan from None


def _wildcard_child(child: XmlElement, wildcard: Any, params: dict[str, Any]) -> None:
    """As the generic binder does, the wildcard ``(field, repeats)`` takes an element no field
    names: as its name's class (by its plan) or ``AnyElement``, and only once if one."""
    if wildcard is None or child.tag.__class__ is not str:
        raise _NotInPlan  # a comment, or an element the class does not take
    field, repeats = wildcard
    known = wildcard_class(str(child.tag))
    plan = None if known is None else _compiled().get(known)
    if (known is not None and plan is None) or (not repeats and field in params):
        raise _NotInPlan
    value = _any_element(child) if plan is None else _planned(child, plan)
    if repeats:
        params.setdefault(field, []).append(value)
    else:
        params[field] = value


def _any_element(element: XmlElement) -> AnyElement:
    """Vendor content in a wildcard, as xsdata's generic binder keeps it: the whole element,
    text, attributes and children, as ``AnyElement``."""
    children: list[object] = []
    for child in element:
        if child.tag.__class__ is not str:
            raise _NotInPlan
        children.append(_any_element(child))
    attributes: dict[str, Any] = {}
    for name, raw in element.attrib.items():
        if name.startswith(_XSI_PREFIX):
            raise _NotInPlan
        attributes[name] = _any_attribute(raw, element)
    text: Any = element.text
    if children and not (text and text.strip()):
        text = None
    elif not children and text and ":" in text:
        text = vendor_text(text, element)
    tail = element.tail
    return AnyElement(
        qname=str(element.tag),
        text="" if text is None else text,
        tail=tail if tail and tail.strip() else None,
        children=children,
        attributes=attributes,
    )


def _any_attribute(raw: str, element: XmlElement) -> object:
    """A vendor attribute's value as the generic binder keeps it: ``prefix:local`` with a
    declared prefix becomes the ``QName`` it names; other text stays text."""
    if ":" not in raw:
        if raw.startswith("{"):
            raise _NotInPlan  # text that looks like a Clark name: the generic binder decides
        return raw
    expanded = ParserUtils.parse_any_attribute(raw, element.nsmap)
    if expanded != raw:
        return QName(expanded)
    if (conventional := conventional_qname(raw)) is not None:  # (as the writer declares it)
        return conventional
    if raw.startswith("{") and "}" in raw[1:]:
        raise _NotInPlan
    return raw


def bind_planned(element: XmlElement, model: type[T]) -> T | None:
    """``element`` bound to ``model`` by the generated plan, or ``None`` when the plan does not
    cover it (vendor content in a wildcard, a comment inside a value, a value that does not
    convert, ...): then :func:`from_xml` reads it, and gives the same object or the error.
    The element is not changed."""
    plan = _compiled().get(model)
    if plan is None or plan[6] != element.tag:
        return None
    tail = element.tail
    if tail and not is_xml_whitespace(tail):
        return None
    try:
        bound = _planned(element, plan)
    except _NotInPlan:
        return None
    return bound  # type: ignore[return-value]


@overload
def from_xml(data: bytes | XmlElement, model: type[T]) -> T: ...
@overload
def from_xml(data: bytes | XmlElement, model: None = None) -> Any: ...


def from_xml(data: bytes | XmlElement, model: type[T] | None = None) -> T | Any:
    """Bind an XML document (bytes or an already parsed element) to a model object.

    Without ``model`` the root element must be a known DSM message body or document (see
    :mod:`dsm_messages.messages`). Bytes are parsed with the hardened parser. An element passed
    in is left as it was.

    A value is the element's whole text as XML Schema sees it: comments and processing
    instructions inside it are dropped, never the text after them. A vendor attribute on a leaf
    value (allowed by the schemas, never seen in practice) has no field to go to in the models,
    so it is refused (``BindingError``, rule ``DSM-LEAF-ATTRIBUTE``) rather than lost.

    :param data: the document's XML, or its root element already parsed with lxml.
    :param model: the model class to bind to; found from the root element's name unless
        given.
    :returns: the model instance.
    :raises XmlSyntaxError: when the bytes are not well-formed XML, or unsafe XML.
    :raises BindingError: when the root element is no known message body or document, or its
        content does not fit the model.
    """
    # Classes are read by the plan generated beside the models (bind_planned); what the plan
    # does not cover is read by xsdata's generic binder, on a copy, because it empties what it
    # reads, and the copy carries every namespace declaration in scope, which QName values need.
    root = parse_xml(data) if isinstance(data, bytes) else data
    name = clark_name(root)
    if model is None:
        spec = by_qname(name)
        if spec is None:
            raise BindingError(f"{name} is not a known DSM message body or document")
        model = spec.model
    planned = bind_planned(root, model)
    if planned is not None:
        return planned
    return _bind_generic(root if root is not data else _copy(root), model, data)


def bind_generic(element: XmlElement, model: type[T]) -> T:
    """``element`` bound to ``model`` by xsdata's generic binder alone, on a copy, with the
    rules :func:`from_xml` adds (leaf attributes and stray text refused, vendor QNames kept):
    the reference the generated plan is held to."""
    return _bind_generic(_copy(element), model, element)


def _copy(element: XmlElement) -> XmlElement:
    return parse_xml(etree.tostring(element, encoding="UTF-8"))


def _bind_generic(root: XmlElement, model: type[T], intact: bytes | XmlElement) -> T:
    """Bind ``root``, a tree of our own: the generic binder empties it as it reads (the
    ``intact`` document, bytes or tree, says why when it fails)."""
    name = clark_name(root)
    drop_comments(root)  # every value read whole, as XML Schema reads it
    _refuse_leaf_attributes(root, model)
    prefixed_values = root.xpath("boolean(descendant-or-self::*/@*[contains(., ':')])")
    prefixed_values |= mark_vendor_qnames(root, lambda element: _kept_whole(root, element, model))
    try:
        bound = _PARSER.parse(root, model)
    except (ParserError, ConverterError, XmlContextError, ValueError, TypeError) as exc:
        tree = parse_xml(intact) if isinstance(intact, bytes) else intact
        reason = explain(tree, model, _CONTEXT, wildcard_class)
        if reason is None:  # xsdata's words, never Python's
            known = isinstance(exc, ParserError | ConverterError | XmlContextError)
            reason = " ".join(str(exc).split()) if known else "it does not fit its model"
        raise BindingError(f"cannot read {prefixed(name)}: {reason}") from None
    if prefixed_values:
        vendor_qnames_stay_qnames(bound)
    return bound


def _down_to(root: XmlElement, element: XmlElement) -> list[XmlElement]:
    """The elements from ``root``'s child down to ``element``, a descendant of ``root``."""
    path = [element]
    while path[-1].getparent() is not root:
        parent = path[-1].getparent()
        assert parent is not None  # root is an ancestor: the callers searched below it
        path.append(parent)
    return path[::-1]


def _kept_whole(root: XmlElement, element: XmlElement, model: type) -> bool:
    """Whether ``element`` is vendor content xsdata keeps as ``AnyElement``: under a wildcard,
    or under a second one of a name its class holds once (which the class's wildcard takes)."""
    holder: type = model
    for node in _down_to(root, element):
        var = next(_CONTEXT.build(holder).find_children(str(node.tag)), None)
        if var is None:
            return True
        if var.is_wildcard or (
            not var.list_element
            and any(sibling.tag == node.tag for sibling in node.itersiblings(preceding=True))
        ):
            # (a second one of a name held once goes to the class's wildcard too) the
            # wildcard types a global element of ours, and keeps anything else whole
            known = wildcard_class(str(node.tag))
            if known is None:
                return True
            holder = known
            continue
        if var.clazz is None:
            return False
        holder = var.clazz
    return False


LEAF_ATTRIBUTE = DsmRule.LEAF_ATTRIBUTE


#: What :func:`_bound_as` says of an element bound as a plain value.
_VALUE = object()


def _bound_as(root: XmlElement, element: XmlElement, model: type) -> type | object | None:
    """What ``element`` (a descendant of ``root``, which binds to ``model``) binds to: its
    model class, ``_VALUE`` for a plain value, or ``None`` when no field takes it or it is
    vendor content under a wildcard (kept whole, whatever it holds). Its ancestors' classes
    are followed down, through wildcards too where they bind a class (a global element of
    ours: :func:`wildcard_class`), so every namespace is judged by the same rule."""
    holder: type = model
    for node in _down_to(root, element):
        var = next(_CONTEXT.build(holder).find_children(str(node.tag)), None)
        if var is None:
            return None
        if var.is_wildcard:
            known = wildcard_class(str(node.tag))
            if known is None:
                return None
            holder = known
        elif var.clazz is None:  # a plain value: nothing below it binds
            return _VALUE if node is element else None
        else:
            holder = var.clazz
    return holder


def leaf_attributes(root: XmlElement, model: type) -> list[tuple[XmlElement, str]]:
    """Every attribute on an element bound as a plain value, with its element, in document
    order (:func:`dsm_messages.leaf_values.leaf_attributes`, for the model class itself)."""
    module = model.__module__.rpartition(".")[2]
    return leaf_values.leaf_attributes(root, f"{module}.{model.__qualname__}")


def stray_text(root: XmlElement, model: type) -> XmlElement | None:
    """The first element whose content is elements only (by its model) that holds text
    between or around its children: text the models have no field for."""
    for element in root.xpath("descendant-or-self::*[text()[normalize-space()]]"):
        holder = model if element is root else _bound_as(root, element, model)
        if not isinstance(holder, type):
            continue  # a plain value, or vendor content
        meta = _CONTEXT.build(holder)
        # (text alone is a class's own value, or its wildcard's: soap:Detail keeps it)
        if not meta.mixed_content and (len(element) or (meta.text is None and not meta.wildcards)):
            found: XmlElement = element
            return found
    return None


def _refuse_leaf_attributes(root: XmlElement, model: type) -> None:
    found = leaf_attributes(root, model)
    if found:
        element, attribute = found[0]
        raise BindingError(
            f"{LEAF_ATTRIBUTE}: attribute {attribute} on {clark_name(element)} (line "
            f"{element.sourceline}): the models hold this element as a plain value, so an "
            "attribute on it cannot be kept; it is refused rather than dropped"
        )
    for element in root.xpath(
        "descendant-or-self::*[@xsi:nil='true' or @xsi:nil='1'][* or normalize-space()]",
        namespaces={"xsi": _XSI},
    ):
        if element is root or not _kept_whole(root, element, model):
            raise BindingError(
                f"DSM-XSD: {clark_name(element)} (line {element.sourceline}) is nil "
                "(xsi:nil) but holds a value; it is refused rather than read either way"
            )
    holder = stray_text(root, model)
    if holder is not None:
        text = " ".join(holder.xpath("text()[normalize-space()]")).strip()[:40]
        raise BindingError(
            f"DSM-XSD: text {text!r} inside {clark_name(holder)} (line {holder.sourceline}), "
            "whose content is elements only; it is refused rather than dropped"
        )
