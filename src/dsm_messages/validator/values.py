"""Checks that look at one element's value or attributes: keywords, aliases, times,
base64 data, QName values, dual-form attributes."""

from __future__ import annotations

import base64
import binascii
import functools
import re
from collections.abc import Callable

from lxml import etree

from .. import namespaces as ns
from ..aliases import ALIASES_BY_ELEMENT, find_alias
from ..declarations import declarations
from ..element_text import XML_WHITESPACE, strip_xml, text_of
from ..rule_ids import DsmRule
from ..xml_types import XmlElement
from .context import Context
from .source import Source
from .stale import STALE_NAMESPACES
from .walk import name_of, split_clark, trimmed_text

__all__ = [
    "ATTRIBUTE_NAMESPACE",
    "DSM_NAMESPACES",
    "DUAL_FORM",
    "canonical_form",
    "check_alias",
    "check_base64",
    "check_dual_form",
    "check_keyword",
    "check_leaf_keyword",
    "check_name_or_keyword",
    "check_requested_name",
    "check_time_range",
    "check_time_zone",
    "leaf_keyword_check",
    "resolve_qname",
]

DSM_NAMESPACES = frozenset({ns.DSP, ns.DSD, ns.DSC, ns.WSCN, ns.PSP, ns.EMLF, ns.FSF, ns.SPF})


_KEYWORD = re.compile(r"^(\w+):[\w\-.]+$")


_ZONE = re.compile(r"(Z|[+\-]\d\d:\d\d)$")


_YEAR = re.compile(r"^(-?[0-9]{4,})-")


_NO_XML_WHITESPACE = str.maketrans("", "", XML_WHITESPACE)


# Dual-form attributes (decision 4): element -> {attribute: (canonical form is qualified, or
# None when both forms are equally right; who writes the canonical form)}.
# - dsp:Name/dsp:Valid qualified: every WS-DSP example writes them so.
# - wscn:ElementData Name/Valid: the WS-Scan element reference declares them unqualified
#   (ElementData for ScannerElements / JobElements, "Usage"), real devices write them so, and
#   the WS-Scan examples write wscn:Name: both forms are right. dsm-messages emits the
#   unqualified form, the one the WS-Scan reference declares.
# - DeviceCondition Id unqualified, as the WS-DSD event example writes it; WS-Scan's own
#   examples write wscn:Id, accepted in the lenient profile.
DUAL_FORM: dict[str, dict[str, tuple[bool | None, str]]] = {
    f"{{{ns.DSP}}}ElementData": {
        "Name": (True, "the WS-DSP examples"),
        "Valid": (True, "the WS-DSP examples"),
    },
    f"{{{ns.WSCN}}}ElementData": {"Name": (None, ""), "Valid": (None, "")},
    f"{{{ns.DSD}}}DeviceCondition": {"Id": (False, "the WS-DSD event example")},
    f"{{{ns.WSCN}}}DeviceCondition": {"Id": (False, "the WS-DSD event example")},
    f"{{{ns.WSCN}}}ConditionHistoryEntry": {"Id": (False, "the WS-DSD event example")},
}


def canonical_form(element: str, attribute: str) -> bool | None:
    """Whether the dual-form ``attribute`` (local name) of ``element`` (Clark name) is written
    qualified (``True``), unqualified (``False``), or either way (``None``, also for an
    attribute that has one form only).

    >>> from dsm_messages.namespaces import WSCN
    >>> canonical_form(f"{{{WSCN}}}DeviceCondition", "Id")
    False
    """
    return DUAL_FORM.get(element, {}).get(attribute, (None, ""))[0]


# Where the dual-form attributes are declared (a dsd element uses the wscn type)
ATTRIBUTE_NAMESPACE = {ns.DSP: ns.DSP, ns.WSCN: ns.WSCN, ns.DSD: ns.WSCN}


def check_name_or_keyword(context: Context, element: XmlElement) -> None:
    parent = element.getparent()
    if parent is not None and etree.QName(parent).localname == "RequestedElements":
        check_requested_name(context, element)
    else:
        check_leaf_keyword(context, element)


def check_leaf_keyword(context: Context, element: XmlElement) -> None:
    tag = str(element.tag)
    if tag in declarations().keyword_elements:
        leaf_keyword_check(tag)(context, element)


@functools.cache  # (keyword elements only: a name the schemas declare)
def leaf_keyword_check(name: str) -> Callable[[Context, XmlElement], None]:
    """:func:`check_leaf_keyword` for the elements called ``name`` (a keyword element), with
    what it looks up by name found once: the body checks run it for each such element."""
    well_known = declarations().keyword_elements[name]
    bare = _bare_keywords()[name]

    def check_leaf_keyword_of_name(context: Context, element: XmlElement) -> None:
        # a well-known value written as it is (most are): nothing more to read; an element
        # that holds elements is not a keyword's (the schema names it)
        if element.text in bare or len(element):
            return
        check_keyword(context, element, well_known)

    return check_leaf_keyword_of_name


@functools.cache
def _bare_keywords() -> dict[str, frozenset[str]]:
    """Per keyword element, its well-known values that hold no padding (so that one written
    exactly so is one :func:`check_keyword` takes, whatever else it would read)."""
    return {
        name: frozenset(value for value in values if value == strip_xml(value))
        for name, values in declarations().keyword_elements.items()
    }


def check_alias(context: Context, element: XmlElement) -> None:
    if len(element):
        return
    name, value = str(element.tag), strip_xml(element.text or "")
    if value not in ALIASES_BY_ELEMENT.get(name, ()):
        return  # (most values: no alias to name)
    alias = find_alias(*split_clark(name), value)
    if alias is not None:
        context.add(
            DsmRule.VALUE_ALIAS,
            f"{name_of(element)} {alias.alias!r} is written {alias.canonical!r} "
            f"by dsm-messages ({alias.source})",
            element,
        )


def check_time_zone(context: Context, element: XmlElement) -> None:
    value = trimmed_text(element)
    if value and not _ZONE.search(value):
        context.add(DsmRule.TIME_ZONE, f"{name_of(element)} {value!r} has no time zone", element)


def check_time_range(context: Context, element: XmlElement) -> None:
    from ..timestamps import FIRST_YEAR, LAST_YEAR, TimeRangeError, Timestamp  # (when first met)

    value = trimmed_text(element)
    year = _YEAR.match(value)
    if year is None:
        return
    number = int(year.group(1))
    if FIRST_YEAR <= number <= LAST_YEAR:
        if number != LAST_YEAR or "T24:" not in value:
            return
        try:  # the 24:00 ending the last day of 9999 is the first instant of 10000
            Timestamp.from_xml(value)
        except TimeRangeError:
            context.add(
                DsmRule.TIME_RANGE,
                f"{name_of(element)} {value!r}: its 24:00 is the first instant of the year "
                f"{LAST_YEAR + 1}, outside {FIRST_YEAR:04} to {LAST_YEAR}, which "
                "dsm-messages can hold",
                element,
            )
        except ValueError:
            pass  # any other defect is the schema's to name
        return
    try:  # the rest of it as the schema reads it: any other defect is the schema's to name
        to_datetime_text = f"2000{value[year.end(1) :]}"
        Timestamp.from_xml(to_datetime_text)
    except ValueError:
        return
    context.add(
        DsmRule.TIME_RANGE,
        f"{name_of(element)} {value!r}: the year {year.group(1)} is outside "
        f"{FIRST_YEAR:04} to {LAST_YEAR}, which dsm-messages can hold",
        element,
    )


def check_base64(context: Context, element: XmlElement) -> None:
    """Binary data is base64 as XML Schema defines it: libxml2 lets through text that is
    not (a URI in dsp:ImageData), which no reader can decode."""
    text = text_of(element).translate(_NO_XML_WHITESPACE)
    if not text:
        return
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        context.named.add((element.sourceline, "base64Binary"))
        context.add(
            DsmRule.XSD,
            f"{name_of(element)} {text[:40]!r} is not base64 data (xs:base64Binary)",
            element,
        )


def check_keyword(context: Context, element: XmlElement, well_known: frozenset[str]) -> None:
    value = trimmed_text(element)
    if (
        value in well_known
        or _KEYWORD.match(value)
        or find_alias(etree.QName(element).namespace or "", etree.QName(element).localname, value)
    ):
        return
    context.keyword_lines.add(element.sourceline)
    context.add(
        DsmRule.VENDOR_KEYWORD,
        f"{name_of(element)} {value!r} is neither a well-known value nor a vendor keyword "
        "written prefix:Keyword",
        element,
    )


def resolve_qname(context: Context, element: XmlElement, text: str) -> tuple[str, str] | None:
    """Resolve QName text against the element's in-scope namespaces (stale URIs mapped)."""
    prefix, _, local = strip_xml(text).rpartition(":")
    namespace = Source.resolve(element, prefix or None)
    if namespace is None and prefix:
        context.add(
            DsmRule.QNAME_UNBOUND,
            f"{name_of(element)} {strip_xml(text)!r}: prefix {prefix!r} is not declared",
            element,
        )
        return None
    namespace = namespace or ""
    if namespace in STALE_NAMESPACES:
        current = STALE_NAMESPACES[namespace][0]
        context.add(
            DsmRule.STALE_NAMESPACE,
            f"{name_of(element)} {strip_xml(text)!r} resolves to stale namespace {namespace} "
            f"(current: {current})",
            element,
        )
        namespace = current
    return namespace, local


def check_requested_name(context: Context, element: XmlElement) -> None:
    resolved = resolve_qname(context, element, text_of(element))
    if resolved is None:
        return
    namespace, local = resolved
    if not namespace:
        context.add(
            DsmRule.QNAME_UNKNOWN,
            f"requested name {local!r} has no namespace; write it as prefix:{local}",
            element,
        )
    elif namespace in DSM_NAMESPACES and local not in declarations().element_names.get(
        namespace, frozenset()
    ):
        context.add(
            DsmRule.QNAME_UNKNOWN,
            f"requested name {{{namespace}}}{local} is declared by no DSM schema",
            element,
        )


def check_dual_form(context: Context, element: XmlElement) -> None:
    namespace = ATTRIBUTE_NAMESPACE[etree.QName(element).namespace or ""]
    for attribute, (canonical_qualified, source) in DUAL_FORM[str(element.tag)].items():
        qualified = element.get(f"{{{namespace}}}{attribute}")
        plain = element.get(attribute)
        prefix = ns.prefixed(f"{{{namespace}}}{attribute}")
        if qualified is not None and plain is not None:
            context.add(
                DsmRule.ATTRIBUTE_COUNT,
                f"{name_of(element)} has both {attribute} and {prefix}",
                element,
            )
        elif qualified is None and plain is None:
            context.add(
                DsmRule.ATTRIBUTE_COUNT,
                f"{name_of(element)} has no {prefix if canonical_qualified else attribute}",
                element,
            )
        elif canonical_qualified is not None and (qualified is not None) != canonical_qualified:
            written, wanted = (prefix, attribute) if qualified is not None else (attribute, prefix)
            context.add(
                DsmRule.ATTRIBUTE_FORM,
                f"{name_of(element)} writes {written}; {source} write {wanted}",
                element,
            )
