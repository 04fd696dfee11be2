"""Checks that look at an element's content (its children together): vendor elements in a
sequence, fault codes and details, ElementData, filters, validation info, job status and end
states."""

from __future__ import annotations

import functools
from collections.abc import Callable

from lxml import etree

from .. import namespaces as ns
from ..aliases import canonical_value
from ..declarations import declarations
from ..element_text import strip_xml, text_of
from ..job_vocabulary import (
    FINAL_FILTER_STATES,
    FINAL_JOB_STATES,
    REASONS_FOR_FINAL_STATE,
    completion_problem,
    is_vendor,
    reasons_fit,
)
from ..messages import by_qname
from ..rule_ids import DsmRule
from ..xml_types import XmlElement, first_child
from .context import Context
from .values import ATTRIBUTE_NAMESPACE, DSM_NAMESPACES, resolve_qname
from .walk import child_elements, name_of, split_clark, trimmed_text

__all__ = [
    "check_element_data",
    "check_end_state",
    "check_fault_code",
    "check_fault_detail",
    "check_filter",
    "check_job_status",
    "check_reasons",
    "check_valid_ticket",
    "wildcard_order_check",
]

_FILTER_DIALECTS = frozenset({ns.EMLF, ns.FSF, ns.SPF})


_SOAP_CODES = ("Sender", "Receiver", "MustUnderstand", "VersionMismatch", "DataEncodingUnknown")


_PSP_DIALECT = f"{{{ns.PSP}}}Dialect"


_PSP_INSTRUCTIONS = f"{{{ns.PSP}}}Instructions"


@functools.cache
def _order_plan(name: str) -> tuple[dict[str, int], tuple[int, ...], str]:
    """For the element called ``name``, whose content is a sequence with a wildcard: each
    declared child's first place in it, the place of the first wildcard at or after each
    place (-1 when none follows), and the ``{namespace}`` prefix of its own name (a child
    written without it is foreign)."""
    sequence = declarations().wildcard_sequences[name]
    places: dict[str, int] = {}
    for at, child in enumerate(sequence):
        if child is not None:
            places.setdefault(child, at)
    wildcards = tuple(
        sequence.index(None, at) if None in sequence[at:] else -1 for at in range(len(sequence))
    )
    return places, wildcards, "{" + split_clark(name)[0] + "}"


@functools.cache  # (names of sequences with a wildcard only: the schemas declare them)
def wildcard_order_check(name: str) -> Callable[[Context, XmlElement], None]:
    """The check of an element called ``name`` (a sequence with a wildcard), its plan made
    once: a declared child after a vendor element, or after a later declared sibling where
    the ``##other`` wildcard that follows takes it. libxml2 lets such children through (a lax
    wildcard interleaves with the declared ones), but the models keep every declared child in
    its place, so it would come back moved. Named once the schema pass shows no child out of
    order (:func:`~dsm_messages.validator.schema_pass.check_schema`)."""
    places, wildcards, own = _order_plan(name)

    def check_wildcard_order_of_name(context: Context, element: XmlElement) -> None:
        vendor: XmlElement | None = None  # the vendor element read last, if the last
        place = 0  # how far along the sequence the children so far have come
        for child in element:
            name = child.tag
            if name.__class__ is not str:
                continue  # a comment or processing instruction
            at = places.get(name)
            if at is None:
                if name.startswith(own) or wildcards[place] < 0:
                    return  # the schema names what is wrong here
                place, vendor = wildcards[place], child
            elif at >= place:
                place, vendor = at, None
            elif vendor is not None:
                context.moved.append(
                    (
                        f"{name_of(child)} is not expected after {name_of(vendor)}: the "
                        f"schema puts every {name_of(child)} of {name_of(element)} before "
                        "vendor elements",
                        child,
                    )
                )
            elif not name.startswith(own) and wildcards[place] >= 0:
                # the wildcard that follows takes it as vendor content
                context.moved.append(
                    (
                        f"{name_of(child)} after {name_of(element)}'s later children is read "
                        f"as vendor content, which dsm-messages cannot keep in place: every "
                        f"{name_of(child)} of {name_of(element)} belongs before them",
                        child,
                    )
                )
            else:
                return  # out of order: the schema refuses it and names it

    return check_wildcard_order_of_name


def check_fault_code(context: Context, code: XmlElement) -> None:
    value = first_child(code, f"{{{ns.SOAP}}}Value")
    if value is None:
        return  # the schema reports it
    resolved = resolve_qname(context, value, text_of(value))
    code_local = None
    if resolved is not None:
        namespace, local = resolved
        if namespace != ns.SOAP or local not in _SOAP_CODES:
            context.add(
                DsmRule.FAULT_CODE,
                f"fault code {trimmed_text(value)!r} is not one of soap:"
                + ", soap:".join(_SOAP_CODES),
                value,
            )
        else:
            code_local = local
    subcode = code.find(f"{{{ns.SOAP}}}Subcode/{{{ns.SOAP}}}Value")
    if subcode is None:
        return
    resolved = resolve_qname(context, subcode, text_of(subcode))
    if resolved is None:
        return
    namespace, local = resolved
    from ..faults import ALL_FAULTS  # (the fault table, read for a fault only)

    documented = [
        fault
        for fault in ALL_FAULTS
        if fault.subcodes and fault.subcodes[0].text == f"{{{namespace}}}{local}"
    ]
    if namespace in DSM_NAMESPACES | {ns.WSA} and not documented:
        context.add(
            DsmRule.QNAME_UNKNOWN,
            f"fault subcode {{{namespace}}}{local} is not a documented subcode",
            subcode,
        )
    elif documented and code_local and code_local not in {f.code for f in documented}:
        context.add(
            DsmRule.FAULT_SUBCODE_CODE,
            f"subcode {local} is documented under soap:{documented[0].code}, "
            f"not soap:{code_local}",
            subcode,
        )


def check_fault_detail(context: Context, detail: XmlElement) -> None:
    """Text written directly in soap:Detail, as Microsoft's fault pages show it: SOAP 1.2
    allows detail entries (elements) only."""
    texts = [detail.text, *(child.tail for child in detail)]
    written = " ".join(" ".join(text.split()) for text in texts if text and text.strip())
    if written:
        context.detail_text_lines.add(detail.sourceline)
        shown = written if len(written) <= 40 else written[:37] + "..."
        context.add(
            DsmRule.FAULT_DETAIL_TEXT,
            f"soap:Detail holds the text {shown!r}; SOAP 1.2 allows only detail entries "
            "(elements) there",
            detail,
        )
        from ..rules import RULES  # (the rule table: read when a first problem is found)

        tolerated = RULES[DsmRule.FAULT_DETAIL_TEXT].severity(context.profile) == "warning"
        if tolerated and len(detail):
            # text alone is kept (Microsoft's layout); beside detail entries, which no model
            # holds with text, it is read as the entries alone
            context.repair.drop_text_between(detail)


def check_element_data(context: Context, element: XmlElement) -> None:
    namespace = etree.QName(element).namespace or ""
    attribute_ns = ATTRIBUTE_NAMESPACE.get(namespace, namespace)
    valid_text = element.get(f"{{{attribute_ns}}}Valid", element.get("Valid"))
    name_text = element.get(f"{{{attribute_ns}}}Name", element.get("Name"))
    if valid_text is None or name_text is None:
        return  # reported as DSM-ATTRIBUTE-COUNT or by the schema
    content = list(child_elements(element))
    if strip_xml(valid_text) in ("false", "0"):
        if content:
            context.add(
                DsmRule.ELEMENT_DATA,
                f"ElementData {name_text!r} is Valid=false but holds {name_of(content[0])}",
                element,
            )
        return
    resolved = resolve_qname(context, element, name_text)
    if resolved is None:
        return
    wanted = f"{{{resolved[0]}}}{resolved[1]}"
    if len(content) != 1 or content[0].tag != wanted:
        holds = ", ".join(name_of(child) for child in content) or "nothing"
        context.add(
            DsmRule.ELEMENT_DATA,
            f"ElementData {name_text!r} is Valid=true and must hold {ns.prefixed(wanted)}; "
            f"it holds {holds}",
            element,
        )


def check_filter(context: Context, element: XmlElement) -> None:
    dialect = first_child(element, _PSP_DIALECT)
    instructions = first_child(element, _PSP_INSTRUCTIONS)
    if dialect is None or instructions is None:
        return  # the schema reports it
    uri = trimmed_text(dialect)  # trimmed, and reported when it is not a URI, by _uris
    content = list(child_elements(instructions))
    if not content:
        return
    namespace = split_clark(str(content[0].tag))[0]
    if namespace != uri:
        context.add(
            DsmRule.FILTER_DIALECT,
            f"filter Dialect {uri} but its Instructions hold {name_of(content[0])}",
            dialect,
        )
    elif uri in _FILTER_DIALECTS and by_qname(str(content[0].tag)) is None:
        context.add(
            DsmRule.FILTER_DIALECT,
            f"{name_of(content[0])} is not the configuration element of dialect {uri}",
            content[0],
        )


def check_valid_ticket(context: Context, element: XmlElement) -> None:
    valid = first_child(element, f"{{{ns.WSCN}}}ValidTicket")
    if valid is None:
        return
    fix = first_child(element, f"{{{ns.WSCN}}}ValidScanTicket")
    if trimmed_text(valid) in ("false", "0") and fix is None:
        context.add(
            DsmRule.VALID_TICKET,
            "ValidTicket is false but no ValidScanTicket says what the device would use",
            valid,
        )
    elif trimmed_text(valid) in ("true", "1") and fix is not None:
        context.add(
            DsmRule.VALID_TICKET_EXTRA,
            "ValidTicket is true yet a ValidScanTicket follows",
            fix,
        )


def check_job_status(context: Context, element: XmlElement) -> None:
    namespace = etree.QName(element).namespace or ""
    children = {etree.QName(child).localname: child for child in child_elements(element)}
    state = trimmed_text(children.get("JobState"))
    completed = children.get("JobCompletedTime")
    problem = completion_problem(
        state, trimmed_text(children.get("JobCreatedTime")), trimmed_text(completed)
    )
    if problem is not None:
        context.add(DsmRule.TIMES, problem, completed)
    if namespace in (ns.DSP, ns.DSC) and state in FINAL_JOB_STATES:
        check_reasons(context, state, children.get("JobStateReasons"))


def check_end_state(context: Context, element: XmlElement) -> None:
    namespace = etree.QName(element).namespace or ""
    children = {etree.QName(child).localname: child for child in child_elements(element)}
    state_element = children.get("JobCompletedState")
    state = trimmed_text(state_element)
    if state_element is not None and state and not is_vendor(state):
        if state not in FINAL_JOB_STATES:
            context.add(
                DsmRule.END_STATE,
                f"JobCompletedState {state!r} is not final (Completed, Canceled or Aborted)",
                state_element,
            )
        elif namespace in (ns.DSP, ns.DSC):
            check_reasons(context, state, children.get("JobCompletedStateReasons"))
    statuses = children.get("FilterCompletedStatuses")
    for filter_state in [] if statuses is None else statuses.iter(f"{{{namespace}}}FilterState"):
        value = trimmed_text(filter_state)
        if value and not is_vendor(value) and value not in FINAL_FILTER_STATES:
            context.add(
                DsmRule.FILTER_NOT_FINAL,
                f"filter state {value!r} in the job's end state has not finished",
                filter_state,
            )


def check_reasons(context: Context, state: str, reasons: XmlElement | None) -> None:
    values = [
        canonical_value(
            etree.QName(reason).namespace or "", "JobStateReason", trimmed_text(reason)
        )
        for reason in child_elements(reasons)
    ]
    if not reasons_fit(state, values):
        context.add(
            DsmRule.REASON_STATE,
            f"job state {state} with reasons {', '.join(values)}; expected one of "
            + ", ".join(sorted(REASONS_FOR_FINAL_STATE[state])),
            reasons,
        )
