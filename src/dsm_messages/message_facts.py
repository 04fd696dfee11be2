"""What the conversation checker needs to know about one envelope, read once.

WS-DSP, WS-DSC and WS-DSD bodies share their local names (JobToken, JobState, FilterStatus,
ElementData...), so the facts are read by local name, whatever the protocol: from the parsed
model objects themselves, by the XML names the models give their fields, in the order the XML
has them (:mod:`dsm_messages.body_nodes` reads them). Nothing is rendered: a value is read as
the text it would be written as. Values are trimmed and spelled canonically
(:mod:`dsm_messages.aliases`).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterable
from datetime import datetime
from enum import Enum
from typing import Any
from xml.etree.ElementTree import QName

import attrs
from xsdata.formats.dataclass.models.generics import AnyElement, DerivedElement

from .aliases import canonical_value
from .body_nodes import (
    PLAIN,
    Node,
    PerClass,
    child,
    children,
    descendants,
    first_children,
    has_children,
    layout_of,
    split,
    unwrap,
)
from .element_text import XML_WHITESPACE, strip_xml
from .envelope import Envelope
from .messages import EMPTY_BODY_ACTIONS, FAULT_ACTION, by_action
from .models import soap
from .timestamps import to_xml_text

__all__ = [
    "Facts",
    "JobReport",
    "facts_of",
]


@attrs.frozen(kw_only=True)
class JobReport:
    """A job's status as one message reports it (a status event, an end state, a summary)."""

    job: str
    state: str | None = None
    final: bool = False  # an end-state report, not a status
    reasons: tuple[str, ...] = ()
    count: int | None = None  # ImagesReceived (post-scan jobs) or ScansCompleted (WS-DSD)
    filters: tuple[tuple[str, str], ...] = ()  # (dialect, state)
    created: str | None = None
    completed: str | None = None
    psp_identifier: str | None = None


# made for every message read: its fields live in a dict, which attrs fills faster than its
# thirty slots; a session keeps few of them and hashes none (what an event's copies are told
# by is a tuple of their fields), so no hash is kept either
@attrs.frozen(kw_only=True, slots=False)
class Facts:
    protocol: str  # its message table protocol (dsp, dsd, wscn, wse, wsd...), soap for a fault
    operation: str
    kind: str  # request, response, event, fault
    action: str
    message_id: str | None
    relates_to: str | None
    job: str | None = None  # the JobToken or JobId a request or event is about
    document_id: str | None = None
    dialects: tuple[str, ...] = ()  # filter dialects of a CreatePostScanJobRequest
    psp_identifier: str | None = None
    requested: tuple[str, ...] = ()  # requested names, Clark notation
    element_data: tuple[tuple[str, bool], ...] = ()  # (Name, Valid) in document order
    reports: tuple[JobReport, ...] = ()
    active_jobs: tuple[JobReport, ...] | None = None
    history_jobs: tuple[JobReport, ...] | None = None
    condition: str | None = None  # DeviceCondition Id raised, or ConditionId cleared
    condition_time: str | None = None
    active_conditions: tuple[str, ...] | None = None  # Ids listed in ScannerStatus
    summary: tuple[str, ...] | None = None  # ScannerState then its reasons
    minted_token: str | None = None
    # -- WS-Scan --
    job_token: str | None = None  # the JobToken beside a JobId (CreateScanJob, RetrieveImage)
    scan_identifier: str | None = None  # of a ScanAvailableEvent, or quoted by CreateScanJob
    destination_token: str | None = None  # quoted by a CreateScanJobRequest
    #: a wse:Subscribe's ScanDestinations ClientContexts, or a ScanAvailableEvent's ClientContext
    client_contexts: tuple[str, ...] = ()
    #: a wse:SubscribeResponse's DestinationResponses: (ClientContext, DestinationToken) each
    destinations: tuple[tuple[str, str], ...] | None = None
    #: a CreateScanJob ticket's (request) or final parameters' (response) ImagesToTransfer
    #: and InputSource
    images_to_transfer: int | None = None
    input_source: str | None = None
    #: a fault's first subcode, in Clark notation
    fault_subcode: str | None = None


def _render(value: object) -> str:
    """A plain value as the XML text the serializer writes for it."""
    if value.__class__ is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return _render(value.value)
    if isinstance(value, datetime):
        return to_xml_text(value)
    if isinstance(value, QName):
        return value.text
    if isinstance(value, list | tuple):
        return " ".join(_render(item) for item in value)
    return str(value)


def _raw(node: Node | None) -> str | None:
    """String content exactly as written (JobToken is opaque: compared byte for byte)."""
    if node is None:
        return None
    value = node[2]
    if value.__class__ is str:
        return value
    plain = _PLAIN_TEXTS[value.__class__]
    if plain is not None:
        return plain(value)
    value = unwrap(value)
    if isinstance(value, AnyElement):  # (vendor text may be the QName it names)
        return "" if value.text is None else _render(value.text)
    layout = None if value.__class__ in PLAIN else layout_of(value)
    if layout is not None:
        content = getattr(value, layout.text) if layout.text is not None else None
        return "" if content is None else _render(content)
    return "" if value is None else _render(value)


def _plain_text(cls: type) -> Callable[[Any], str] | None:
    """How a value of ``cls`` is written, when it is a plain value (no model object, no
    wildcard element): what :func:`_render` does for it, chosen once per class."""
    if cls in (DerivedElement, AnyElement, type(None)) or dataclasses.is_dataclass(cls):
        return None
    if issubclass(cls, Enum) and all(member.value.__class__ is str for member in cls):
        return operator.attrgetter("_value_")
    return _render


#: Per class met, how its plain values are written (``None``: it is no plain value).
_PLAIN_TEXTS: PerClass[Callable[[Any], str] | None] = PerClass(_plain_text)


def _text(node: Node | None) -> str | None:
    # (strip_xml's work, written out: it runs for most values a session reads)
    if node is not None and node[2].__class__ is str:
        return node[2].strip(XML_WHITESPACE)
    raw = _raw(node)
    return None if raw is None else raw.strip(XML_WHITESPACE)


def _value(node: Node | None) -> str | None:
    text = _text(node)
    if node is None or text is None:
        return None
    return canonical_value(node[0], node[1], text)


def _qname(node: Node) -> str:
    """A QName value in Clark notation."""
    value = node[2]
    text = value.text if isinstance(value, QName) else _raw(node) or ""
    return text if text.startswith("{") else f"{{}}{strip_xml(text)}"


def _attribute(node: Node | None, local: str) -> str | None:
    """A dual-form attribute (``Id``, ``Name``, ``Valid``), qualified or not, as text."""
    found = _attribute_value(node, local)
    return None if found is None else _render(found)


def _attribute_value(node: Node | None, local: str) -> object | None:
    """A dual-form attribute's value as the model holds it."""
    if node is None:
        return None
    value = unwrap(node[2])
    layout = layout_of(value)
    if isinstance(value, AnyElement):
        candidates: Iterable[tuple[str, object]] = value.attributes.items()
    elif layout is not None:
        candidates = [
            (name, getattr(value, field))
            for field, name in layout.attributes
            if getattr(value, field) is not None
        ]
        for field in layout.any_attributes:
            candidates += list(getattr(value, field).items())
    else:
        return None
    for name, found in candidates:
        if split(name)[1] == local:
            return found
    return None


def _job_report(status: Node, *, final: bool) -> JobReport:
    fields = first_children(status)
    key = fields.get("JobToken")
    job = _raw(key) if key is not None else _text(fields.get("JobId"))
    state = _value(fields.get("JobCompletedState" if final else "JobState"))
    reasons_wrapper = fields.get("JobCompletedStateReasons" if final else "JobStateReasons")
    reasons = tuple(_value(reason) or "" for reason in children(reasons_wrapper))
    count = _text(fields.get("ImagesReceived"))
    if count is None:
        count = _text(fields.get("ScansCompleted"))
    wrapper = fields.get("FilterCompletedStatuses" if final else "FilterStatuses")
    filters = tuple(
        (_text(first.get("Dialect")) or "", _value(first.get("FilterState")) or "")
        for first in map(first_children, children(wrapper, "FilterStatus"))
    )
    return JobReport(
        job=job or "",
        state=state,
        final=final,
        reasons=reasons,
        count=int(count) if count and count.lstrip("-").isdigit() else None,
        filters=filters,
        created=_text(fields.get("JobCreatedTime")),
        completed=_text(fields.get("JobCompletedTime")),
        psp_identifier=_text(fields.get("PSP_Identifier")),
    )


def _summaries(wrapper: Node | None) -> tuple[JobReport, ...]:
    return tuple(_job_report(item, final=False) for item in children(wrapper, "JobSummary"))


def facts_of(envelope: Envelope) -> Facts:
    """Read the facts of a parsed envelope."""
    action = strip_xml(envelope.action)
    spec = envelope.message_type
    if spec is not None:
        protocol, operation, kind = spec.protocol, spec.operation, spec.kind
    elif action in EMPTY_BODY_ACTIONS:
        protocol, operation, kind = EMPTY_BODY_ACTIONS[action]
    else:
        announced = by_action(action)
        if announced is None:
            raise ValueError(f"action {action!r} is not a DSM action")
        protocol, operation, kind = announced.protocol, announced.operation, announced.kind
    base: dict[str, Any] = {
        "protocol": protocol,
        "operation": operation,
        "kind": "fault" if action == FAULT_ACTION else kind,
        "action": action,
        "message_id": strip_xml(envelope.message_id) if envelope.message_id else None,
        "relates_to": strip_xml(envelope.relates_to) if envelope.relates_to else None,
    }
    if protocol == "soap" and isinstance(envelope.body, soap.Fault):
        subcode = envelope.body.code.subcode
        return Facts(**base, fault_subcode=None if subcode is None else _render(subcode.value))
    if envelope.body is None or protocol == "soap":
        return Facts(**base)
    layout = layout_of(envelope.body)
    if layout is None:
        raise TypeError(f"the body is no model object: {type(envelope.body).__name__}")
    body: Node = (layout.namespace, layout.local, envelope.body)
    if protocol == "wse":
        return Facts(**base, **_scan_destinations(body))
    top = first_children(body)
    if not top and operation not in _LISTINGS:
        # an empty body, as most responses are: no child, nothing below one (a listing says
        # it lists no job even so)
        return Facts(**base)
    named = descendants(body)
    found: dict[str, Any] = {}
    token = top.get("JobToken")
    if token is not None:
        found["job"] = _raw(token)
        if operation == "CreatePostScanJob" and kind == "response":
            found["minted_token"] = _raw(token)
    job_id = top.get("JobId")
    if job_id is not None:
        found["job"] = _text(job_id)
        if token is not None:
            found["job_token"] = _raw(token)
    if protocol == "wscn":
        found["scan_identifier"] = _raw(top.get("ScanIdentifier"))
        found["destination_token"] = _raw(top.get("DestinationToken"))
        context = _raw(top.get("ClientContext"))
        if context is not None:
            found["client_contexts"] = (context,)
        if operation == "CreateScanJob":
            parameters = (
                child(top.get("ScanTicket"), "DocumentParameters")
                if kind == "request"
                else top.get("DocumentFinalParameters")
            )
            count = _text(child(parameters, "ImagesToTransfer"))
            found["images_to_transfer"] = int(count) if count and count.isdigit() else None
            found["input_source"] = _value(child(parameters, "InputSource"))
    if operation == "CreatePostScanJob" and kind == "request":
        found["dialects"] = tuple(
            _text(child(item, "Dialect")) or "" for item in named if item[1] == "Filter"
        )
        found["psp_identifier"] = _text(top.get("PSP_Identifier"))
    description = top.get("DocumentDescription")
    if description is not None:
        found["document_id"] = _text(child(description, "DocumentId"))
    requested = top.get("RequestedElements")
    if requested is not None:
        found["requested"] = tuple(_qname(name) for name in children(requested, "Name"))
    data = [node for node in named if node[1] == "ElementData"]
    if data:
        found["element_data"] = tuple(
            (
                _attribute_qname(element),
                strip_xml(_attribute(element, "Valid") or "") in ("true", "1"),
            )
            for element in data
        )
    reports = [
        _job_report(status, final=False)
        for status in named
        if status[1] == "JobStatus" and has_children(status)
    ]
    reports += [
        _job_report(end, final=True)
        for end in named
        if end[1] in ("PostScanJobEndState", "JobEndState")
    ]
    found["reports"] = tuple(reports)
    if "job" not in found and reports and kind == "event":
        found["job"] = reports[0].job
    listing = _LISTINGS.get(operation)
    if listing is not None and kind == "response":
        fact, wrapper = listing
        found[fact] = _summaries(top.get(wrapper))
    if operation == "ScannerStatusConditionEvent":
        condition = top.get("DeviceCondition")
        found["condition"] = _attribute(condition, "Id")
        found["condition_time"] = _text(child(condition, "Time"))
    if operation == "ScannerStatusConditionClearedEvent":
        cleared = top.get("DeviceConditionCleared")
        found["condition"] = _text(child(cleared, "ConditionId"))
        found["condition_time"] = _text(child(cleared, "ConditionClearTime"))
    for status in (node for node in named if node[1] == "ScannerStatus"):
        found["active_conditions"] = tuple(
            _attribute(condition, "Id") or ""
            for condition in children(child(status, "ActiveConditions"), "DeviceCondition")
        )
    summary = top.get("StatusSummary")
    if summary is not None:
        state = _text(child(summary, "ScannerState")) or ""
        reasons = tuple(_text(r) or "" for r in children(child(summary, "ScannerStateReasons")))
        found["summary"] = (state, *reasons)
    return Facts(**base, **found)


#: The operations whose response lists jobs: the fact that holds the list (empty or not) and
#: the element that wraps it.
_LISTINGS = {
    "GetActiveJobs": ("active_jobs", "ActiveJobs"),
    "GetJobHistory": ("history_jobs", "JobHistory"),
}


def _scan_destinations(body: Node) -> dict[str, Any]:
    """The ScanAvailableEvent subscription extension of a wse:Subscribe or its response."""
    found: dict[str, Any] = {}
    top = first_children(body)
    destinations = top.get("ScanDestinations")
    if destinations is not None:
        found["client_contexts"] = tuple(
            _raw(child(item, "ClientContext")) or ""
            for item in children(destinations, "ScanDestination")
        )
    responses = top.get("DestinationResponses")
    if responses is not None:
        found["destinations"] = tuple(
            (
                _raw(child(item, "ClientContext")) or "",
                _raw(child(item, "DestinationToken")) or "",
            )
            for item in children(responses, "DestinationResponse")
        )
    return found


def _attribute_qname(node: Node) -> str:
    """ElementData's ``Name`` attribute, in Clark notation."""
    return _qname(("", "Name", _attribute_value(node, "Name") or ""))
