"""The table that maps element names to the checks they get, and the walk over the body
that runs them: every check a plain function ``check(context, element)``."""

from __future__ import annotations

import functools
from collections.abc import Callable

from lxml import etree

from .. import namespaces as ns
from ..aliases import VALUE_ALIASES
from ..declarations import declarations
from ..leaf_values import MAY_BE_VALUES, leaf_attributes
from ..messages import by_qname
from ..rule_ids import DsmRule
from ..xml_types import XmlElement, first_child
from . import walk
from .content import (
    check_element_data,
    check_end_state,
    check_fault_code,
    check_fault_detail,
    check_filter,
    check_job_status,
    check_valid_ticket,
    wildcard_order_check,
)
from .context import Context
from .values import (
    DSM_NAMESPACES,
    DUAL_FORM,
    check_alias,
    check_base64,
    check_dual_form,
    check_name_or_keyword,
    check_time_range,
    check_time_zone,
    leaf_keyword_check,
)
from .walk import name_of, split_clark

__all__ = [
    "Check",
    "check_body",
    "check_header_values",
]

Check = Callable[[Context, etree._Element], None]


#: The body checks each element name gets, in the order they run, none for most names
#: (filled as names are met; emptied when it holds :data:`_REMEMBER_AT_MOST` of them, so that
#: a stream of vendor names neither grows it nor keeps the common names out of it).
_BODY_STEPS: dict[str, tuple[Check, ...]] = {}
_REMEMBER_AT_MOST = 4096


_ALIASED = frozenset(
    f"{{{alias.namespace}}}{element}" for alias in VALUE_ALIASES for element in alias.elements
)


_VALUE_NAMESPACES = (ns.DSP, ns.DSC, ns.WSCN)


_JOB_STATUS = frozenset(f"{{{namespace}}}JobStatus" for namespace in (*_VALUE_NAMESPACES, ns.DSD))


_ELEMENT_DATA = frozenset(f"{{{namespace}}}ElementData" for namespace in _VALUE_NAMESPACES)


#: Local names checked in whatever namespace they are written.
_ANY_NAMESPACE = ("Name", "PostScanJobEndState", "JobEndState")


_ONE_OF: dict[str, Check] = {
    f"{{{ns.PSP}}}Filter": check_filter,
    f"{{{ns.WSCN}}}ValidationInfo": check_valid_ticket,
    f"{{{ns.SOAP}}}Code": check_fault_code,
    f"{{{ns.SOAP}}}Detail": check_fault_detail,
    **dict.fromkeys(_ELEMENT_DATA, check_element_data),
    **dict.fromkeys(_JOB_STATUS, check_job_status),
}


@functools.cache
def _body_names() -> tuple[str, ...]:
    """Every element name some body check looks at (the rest of the body is not visited)."""
    facts = declarations()
    exact = set(facts.keyword_elements) | _ALIASED | set(DUAL_FORM) | set(_ONE_OF)
    exact |= facts.datetime_elements | facts.base64_elements | set(facts.wildcard_sequences)
    return (*sorted(exact), *(f"{{*}}{local}" for local in _ANY_NAMESPACE))


def _body_steps(name: str) -> tuple[Check, ...]:
    """The checks an element called ``name`` gets, in order: its value (requested name or
    keyword; alias; time zone), its dual-form attributes, then its content."""
    facts = declarations()
    namespace, local = split_clark(name)
    steps: list[Check] = []
    if local == "Name":
        steps.append(check_name_or_keyword)
    elif name in facts.keyword_elements:
        steps.append(leaf_keyword_check(name))
    if namespace in _VALUE_NAMESPACES and name in _ALIASED:
        steps.append(check_alias)
    if name in facts.datetime_elements:
        steps.append(check_time_range)
        if namespace in DSM_NAMESPACES:
            steps.append(check_time_zone)
    if name in DUAL_FORM:
        steps.append(check_dual_form)
    if name in facts.wildcard_sequences:
        steps.append(wildcard_order_check(name))
    if name in facts.base64_elements:
        steps.append(check_base64)
    if name in _ONE_OF:
        steps.append(_ONE_OF[name])
    elif local in ("PostScanJobEndState", "JobEndState"):
        steps.append(check_end_state)
    return tuple(steps)


# -- body rules ------------------------------------------------------------------------
def check_body(context: Context, body: XmlElement) -> None:
    spec = by_qname(body.tag) if isinstance(body.tag, str) else None
    if spec is not None:
        _check_leaf_attributes(context, body, spec.model_name)
    steps = _BODY_STEPS
    # a small message's elements are read already: each name's checks are looked up, none
    # for most (the table holds them too); a large one's are found by name in libxml2
    pairs = None if context.elements is None else context.elements.under(body)
    if pairs is None:
        found_by_name = walk.named(body, _body_names(), context.large, context.elements)
        pairs = [(element, str(element.tag)) for element in found_by_name]
    for element, name in pairs:
        try:  # (most names get no check: one lookup, no call, and no loop for them)
            found = steps[name]
        except KeyError:
            found = _body_steps(name)
            if len(steps) >= _REMEMBER_AT_MOST:  # (vendor names are many: start over)
                steps.clear()
            steps[name] = found
        if found:
            for step in found:
                step(context, element)


def _check_leaf_attributes(context: Context, root: XmlElement, model: str) -> None:
    """An attribute below ``root`` (bound to ``model``) on an element the models hold as a
    plain value, which they cannot keep."""
    attributed = (
        None
        if context.elements is None
        else context.elements.attributed(root, among=MAY_BE_VALUES)
    )
    for element, attribute in leaf_attributes(root, model, attributed):
        context.add(
            DsmRule.LEAF_ATTRIBUTE,
            f"{name_of(element)} carries the attribute {attribute}, which dsm-messages "
            "cannot keep: its models hold this element as a plain value",
            element,
        )


#: The header blocks the envelope reader binds to model classes (the endpoint references),
#: with their models; every other block is kept as the XML it is.
_BOUND_HEADERS = {
    f"{{{ns.WSA}}}ReplyTo": "wsa.ReplyTo",
    f"{{{ns.WSA}}}FaultTo": "wsa.FaultTo",
    f"{{{ns.WSA}}}From": "wsa.From",
}


def check_header_values(context: Context, envelope: XmlElement) -> None:
    """Typed values in the header's vendor content (an endpoint reference's extensions, a
    reference parameter), which the binder reads as the global elements they are: the ones
    libxml2 lets through but no Python value holds (a year outside 0001 to 9999, base64 that
    is not, an attribute on a plain value) are named there as in the body."""
    header = first_child(envelope, f"{{{ns.SOAP}}}Header")
    if header is None:
        return
    for block in header:
        model = _BOUND_HEADERS.get(block.tag) if block.tag.__class__ is str else None
        if model is not None:
            _check_leaf_attributes(context, block, model)
    datetimes, binaries, either = _header_names()
    found = walk.named(header, either, context.large, context.elements)
    for element in found:
        if element.tag in datetimes:
            check_time_range(context, element)
    for element in found:
        if element.tag in binaries:
            check_base64(context, element)


@functools.cache
def _header_names() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The names of the dateTime elements, of the base64 ones (the two are apart), and of
    both, for a walk."""
    facts = declarations()
    datetimes, binaries = facts.datetime_elements, facts.base64_elements
    return datetimes, binaries, tuple(sorted(datetimes | binaries))
