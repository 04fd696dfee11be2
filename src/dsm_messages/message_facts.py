"""What the conversation checker needs to know about one envelope, read once.

WS-DSP, WS-DSC and WS-DSD bodies share their local names (JobToken, JobState, FilterStatus,
ElementData...), so the facts are read by local name, whatever the protocol: from the parsed
model objects themselves, walking their fields by the XML names the models give them (the
field metadata), in the order the XML has them. Nothing is rendered: a value is read as the
text it would be written as. Values are trimmed and spelled canonically
(:mod:`dsm_messages.aliases`).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar
from xml.etree.ElementTree import QName

import attrs
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.models.generics import AnyElement, DerivedElement

from .aliases import canonical_value
from .element_text import strip_xml
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


@attrs.frozen(kw_only=True, cache_hash=True)  # (a key of the session's table of events)
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


# -- the body as elements, read from the model objects ---------------------------------------
#
# A node is one element as the body's XML would have it: (namespace, local name, value), the
# value being what the model holds for it (a model object, an AnyElement, or a plain value).
_Node = tuple[str, str, object]
_CONTEXT = XmlContext()


@attrs.frozen
class _Layout:
    """How the XML of one model class is laid out, read once per class."""

    #: (field, namespace, local name, whether its values may have children of their own) per
    #: child element in document order; a wildcard field has no name of its own (its values
    #: carry theirs)
    children: tuple[tuple[str, str, str | None, bool], ...]
    #: (field, local name) per attribute, then the field holding vendor attributes
    attributes: tuple[tuple[str, str], ...]
    any_attributes: tuple[str, ...]
    text: str | None
    namespace: str
    local: str
    #: per child element, the model classes its values may be (those that are dataclasses)
    declared: tuple[frozenset[type], ...] = ()
    #: per local name, the entries of ``children`` that may hold an element of that name (its
    #: own field and the wildcards), in document order; filled as names are asked for
    by_local: dict[str, tuple[tuple[str, str, str | None, bool], ...]] = attrs.field(
        factory=dict, eq=False
    )

    def entries(self, local: str) -> tuple[tuple[str, str, str | None, bool], ...]:
        found = self.by_local.get(local)
        if found is None:
            found = self.by_local[local] = tuple(
                entry for entry in self.children if entry[2] is None or entry[2] == local
            )
        return found


def _read_layout(cls: type) -> _Layout:
    """The layout of a model class, read from xsdata's metadata (once: see :func:`_layout_of`)."""
    meta = _CONTEXT.build(cls)
    namespace, local = _split(meta.qname)
    return _Layout(
        children=tuple(
            (var.name, "", None, True)
            if var.is_wildcard
            else (var.name, *_split(var.qname), any(map(dataclasses.is_dataclass, var.types)))
            for var in meta.get_element_vars()
        ),
        declared=tuple(
            frozenset(t for t in var.types if dataclasses.is_dataclass(t))
            for var in meta.get_element_vars()
        ),
        attributes=tuple((var.name, var.local_name) for var in meta.get_attribute_vars()),
        any_attributes=tuple(var.name for var in meta.any_attributes),
        text=meta.text.name if meta.text else None,
        namespace=namespace,
        local=local,
    )


def _split(clark: str) -> tuple[str, str]:
    if clark.startswith("{"):
        namespace, _, local = clark[1:].partition("}")
        return namespace, local
    return "", clark


def _values(value: object) -> Iterable[object]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return value
    return (value,)


def _unwrap(value: object) -> object:
    return value.value if isinstance(value, DerivedElement) else value


def _wildcard_node(value: object) -> _Node | None:
    if isinstance(value, AnyElement):
        return (*_split(value.qname or ""), value) if value.qname else None
    if isinstance(value, DerivedElement):
        return (*_split(value.qname), value)
    layout = _layout_of(value)
    if layout is not None:
        return layout.namespace, layout.local, value
    return None  # mixed text between vendor elements


def _children(node: _Node | None, local: str | None = None) -> Iterator[_Node]:
    """Child elements of ``node`` in document order (those named ``local``, when given)."""
    if node is None:
        return
    value = _unwrap(node[2])
    if isinstance(value, AnyElement):
        for item in value.children:
            child = _wildcard_node(item)
            if child is not None and (local is None or child[1] == local):
                yield child
        return
    layout = _layout_of(value)
    if layout is None:
        return  # a plain value: no children
    for name, namespace, field_local, _ in (
        layout.children if local is None else layout.entries(local)
    ):
        if field_local is None:
            for item in _values(getattr(value, name)):
                child = _wildcard_node(item)
                if child is not None and (local is None or child[1] == local):
                    yield child
        else:
            for item in _values(getattr(value, name)):
                yield namespace, field_local, item


def _child(node: _Node | None, local: str) -> _Node | None:
    """The first child of ``node`` named ``local`` (:func:`_children` without a generator:
    read for every fact)."""
    if node is None:
        return None
    value = node[2]
    if value.__class__ in _PLAIN:
        return None
    value = _unwrap(value)
    layout = _layout_of(value) if not isinstance(value, AnyElement) else None
    if layout is None:
        return next(_children(node, local), None)
    for name, namespace, field_local, _ in layout.entries(local):
        items = getattr(value, name)
        repeated = isinstance(items, list | tuple)
        if items is None or (repeated and not items):
            continue
        if field_local is not None:
            return namespace, field_local, items[0] if repeated else items
        for item in _values(items):
            child = _wildcard_node(item)
            if child is not None and child[1] == local:
                return child
    return None


#: Values that are plain text or numbers: no children, no layout.
_PLAIN = frozenset({str, int, float, bool, Decimal, type(None)})


_T = TypeVar("_T")


class _PerClass(dict[type, _T]):
    """What is read of a class once, the first time it is asked for: ``read(cls)``, kept."""

    def __init__(self, read: Callable[[type], _T]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, cls: type) -> _T:
        self[cls] = found = self.read(cls)
        return found


def _layout_of(value: object) -> _Layout | None:
    """The layout of a model object, ``None`` for any other value."""
    return _LAYOUTS[value.__class__]


#: Every type met, with its layout (``None`` for a type that is no model class).
_LAYOUTS: _PerClass[_Layout | None] = _PerClass(
    lambda cls: _read_layout(cls) if dataclasses.is_dataclass(cls) else None
)


def _descendants(node: _Node) -> list[_Node]:
    """``node`` and its descendants named one of :data:`_SEARCHED`, in document order."""
    found: list[_Node] = []
    if node[1] in _SEARCHED:
        found.append(node)
    _collect(node[2], found)
    return found


def _collect(value: object, found: list[_Node]) -> None:
    value = _unwrap(value)
    layout = _layout_of(value)
    if layout is None:
        if isinstance(value, AnyElement):
            for item in value.children:
                child = _wildcard_node(item)
                if child is not None:
                    if child[1] in _SEARCHED:
                        found.append(child)
                    _collect(child[2], found)
        return
    for name, namespace, local, descend, idle in _SEARCH_PLANS[value.__class__]:
        items = getattr(value, name)
        if items is None:
            continue
        for item in items if isinstance(items, list | tuple) else (items,):
            if local is None:
                child = _wildcard_node(item)
                if child is not None:
                    if child[1] in _SEARCHED:
                        found.append(child)
                    _collect(child[2], found)
                continue
            if local in _SEARCHED:
                found.append((namespace, local, item))
            if descend or _unwrap(item).__class__ not in idle:
                _collect(item, found)


_SearchPlan = tuple[tuple[str, str, str | None, bool, frozenset[type]], ...]


def _search_plan(cls: type) -> _SearchPlan:
    """The children the search for :data:`_SEARCHED` looks at, each with whether to descend
    into it and the model classes it skips: a class whose fields can hold neither a searched
    element nor a wildcard (which may hold anything), at any depth, has nothing to find. A
    value of another class than its field declares (a derived type) is searched."""
    layout = _LAYOUTS[cls]
    assert layout is not None  # (asked only for a model class)
    plan = []
    for (name, namespace, local, nested), declared in zip(
        layout.children, layout.declared, strict=True
    ):
        if local is not None and not nested and local not in _SEARCHED:
            continue
        idle = frozenset(cls for cls in declared if not _may_hold(cls))
        plan.append((name, namespace, local, nested and idle != declared, idle))
    return tuple(plan)


def _may_hold(cls: type, seen: frozenset[type] = frozenset()) -> bool:
    """Whether an object of model class ``cls`` may hold a searched element or a wildcard
    below it (a class met again on the way is taken to: the answer may err only towards
    searching, so that every answer may be kept)."""
    known = _MAY_HOLD.get(cls)
    if known is not None:
        return known
    if cls in seen:
        return True
    layout = _LAYOUTS[cls]
    held = layout is None or any(
        local is None
        or local in _SEARCHED
        or any(_may_hold(inner, seen | {cls}) for inner in declared)
        for (_, _, local, _), declared in zip(layout.children, layout.declared, strict=True)
    )
    _MAY_HOLD[cls] = held
    return held


#: Per model class met, its search plan, and whether it may hold what is searched.
_SEARCH_PLANS: _PerClass[_SearchPlan] = _PerClass(_search_plan)
_MAY_HOLD: dict[type, bool] = {}


def _has_children(node: _Node) -> bool:
    return next(_children(node), None) is not None


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


def _raw(node: _Node | None) -> str | None:
    """String content exactly as written (JobToken is opaque: compared byte for byte)."""
    if node is None:
        return None
    value = node[2]
    if value.__class__ is str:
        return value
    plain = _PLAIN_TEXTS[value.__class__]
    if plain is not None:
        return plain(value)
    value = _unwrap(value)
    if isinstance(value, AnyElement):  # (vendor text may be the QName it names)
        return "" if value.text is None else _render(value.text)
    layout = None if value.__class__ in _PLAIN else _layout_of(value)
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
_PLAIN_TEXTS: _PerClass[Callable[[Any], str] | None] = _PerClass(_plain_text)


def _text(node: _Node | None) -> str | None:
    raw = _raw(node)
    return None if raw is None else strip_xml(raw)


def _value(node: _Node | None) -> str | None:
    text = _text(node)
    if node is None or text is None:
        return None
    return canonical_value(node[0], node[1], text)


def _qname(node: _Node) -> str:
    """A QName value in Clark notation."""
    value = node[2]
    text = value.text if isinstance(value, QName) else _raw(node) or ""
    return text if text.startswith("{") else f"{{}}{strip_xml(text)}"


def _attribute(node: _Node | None, local: str) -> str | None:
    """A dual-form attribute (``Id``, ``Name``, ``Valid``), qualified or not, as text."""
    found = _attribute_value(node, local)
    return None if found is None else _render(found)


def _attribute_value(node: _Node | None, local: str) -> object | None:
    """A dual-form attribute's value as the model holds it."""
    if node is None:
        return None
    value = _unwrap(node[2])
    layout = _layout_of(value)
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
        if _split(name)[1] == local:
            return found
    return None


def _job_report(status: _Node, *, final: bool) -> JobReport:
    children = _first_children(status)
    key = children.get("JobToken")
    job = _raw(key) if key is not None else _text(children.get("JobId"))
    state = _value(children.get("JobCompletedState" if final else "JobState"))
    reasons_wrapper = children.get("JobCompletedStateReasons" if final else "JobStateReasons")
    reasons = tuple(_value(reason) or "" for reason in _children(reasons_wrapper))
    count = _text(children.get("ImagesReceived"))
    if count is None:
        count = _text(children.get("ScansCompleted"))
    wrapper = children.get("FilterCompletedStatuses" if final else "FilterStatuses")
    filters = tuple(
        (_text(first.get("Dialect")) or "", _value(first.get("FilterState")) or "")
        for first in map(_first_children, _children(wrapper, "FilterStatus"))
    )
    return JobReport(
        job=job or "",
        state=state,
        final=final,
        reasons=reasons,
        count=int(count) if count and count.lstrip("-").isdigit() else None,
        filters=filters,
        created=_text(children.get("JobCreatedTime")),
        completed=_text(children.get("JobCompletedTime")),
        psp_identifier=_text(children.get("PSP_Identifier")),
    )


def _first_children(node: _Node | None) -> dict[str, _Node]:
    """The first child of ``node`` of each local name (what :func:`_child` finds), read in
    one pass over the fields of its class."""
    first: dict[str, _Node] = {}
    if node is None:
        return first
    value = node[2]
    layout = None if value.__class__ in _PLAIN else _layout_of(_unwrap(value))
    if layout is None:
        for child in _children(node):
            first.setdefault(child[1], child)
        return first
    value = _unwrap(value)
    for name, namespace, local, _ in layout.children:
        items = getattr(value, name)
        if items is None:
            continue
        if local is None:
            for item in _values(items):
                found = _wildcard_node(item)
                if found is not None and found[1] not in first:
                    first[found[1]] = found
        elif local not in first:
            if isinstance(items, list | tuple):
                if items:
                    first[local] = (namespace, local, items[0])
            else:
                first[local] = (namespace, local, items)
    return first


def _summaries(wrapper: _Node | None) -> tuple[JobReport, ...]:
    return tuple(_job_report(item, final=False) for item in _children(wrapper, "JobSummary"))


#: The elements looked for at any depth, found in one walk.
_SEARCHED = frozenset(
    {"Filter", "ElementData", "JobStatus", "PostScanJobEndState", "JobEndState", "ScannerStatus"}
)


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
    layout = _layout_of(envelope.body)
    if layout is None:
        raise TypeError(f"the body is no model object: {type(envelope.body).__name__}")
    body: _Node = (layout.namespace, layout.local, envelope.body)
    if protocol == "wse":
        return Facts(**base, **_scan_destinations(body))
    named = _descendants(body)
    top = _first_children(body)
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
                _child(top.get("ScanTicket"), "DocumentParameters")
                if kind == "request"
                else top.get("DocumentFinalParameters")
            )
            count = _text(_child(parameters, "ImagesToTransfer"))
            found["images_to_transfer"] = int(count) if count and count.isdigit() else None
            found["input_source"] = _value(_child(parameters, "InputSource"))
    if operation == "CreatePostScanJob" and kind == "request":
        found["dialects"] = tuple(
            _text(_child(item, "Dialect")) or "" for item in named if item[1] == "Filter"
        )
        found["psp_identifier"] = _text(top.get("PSP_Identifier"))
    description = top.get("DocumentDescription")
    if description is not None:
        found["document_id"] = _text(_child(description, "DocumentId"))
    requested = top.get("RequestedElements")
    if requested is not None:
        found["requested"] = tuple(_qname(name) for name in _children(requested, "Name"))
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
        if status[1] == "JobStatus" and _has_children(status)
    ]
    reports += [
        _job_report(end, final=True)
        for end in named
        if end[1] in ("PostScanJobEndState", "JobEndState")
    ]
    found["reports"] = tuple(reports)
    if "job" not in found and reports and kind == "event":
        found["job"] = reports[0].job
    if operation == "GetActiveJobs" and kind == "response":
        found["active_jobs"] = _summaries(top.get("ActiveJobs"))
    if operation == "GetJobHistory" and kind == "response":
        found["history_jobs"] = _summaries(top.get("JobHistory"))
    if operation == "ScannerStatusConditionEvent":
        condition = top.get("DeviceCondition")
        found["condition"] = _attribute(condition, "Id")
        found["condition_time"] = _text(_child(condition, "Time"))
    if operation == "ScannerStatusConditionClearedEvent":
        cleared = top.get("DeviceConditionCleared")
        found["condition"] = _text(_child(cleared, "ConditionId"))
        found["condition_time"] = _text(_child(cleared, "ConditionClearTime"))
    for status in (node for node in named if node[1] == "ScannerStatus"):
        found["active_conditions"] = tuple(
            _attribute(condition, "Id") or ""
            for condition in _children(_child(status, "ActiveConditions"), "DeviceCondition")
        )
    summary = top.get("StatusSummary")
    if summary is not None:
        state = _text(_child(summary, "ScannerState")) or ""
        reasons = tuple(_text(r) or "" for r in _children(_child(summary, "ScannerStateReasons")))
        found["summary"] = (state, *reasons)
    return Facts(**base, **found)


def _scan_destinations(body: _Node) -> dict[str, Any]:
    """The ScanAvailableEvent subscription extension of a wse:Subscribe or its response."""
    found: dict[str, Any] = {}
    top = _first_children(body)
    destinations = top.get("ScanDestinations")
    if destinations is not None:
        found["client_contexts"] = tuple(
            _raw(_child(item, "ClientContext")) or ""
            for item in _children(destinations, "ScanDestination")
        )
    responses = top.get("DestinationResponses")
    if responses is not None:
        found["destinations"] = tuple(
            (
                _raw(_child(item, "ClientContext")) or "",
                _raw(_child(item, "DestinationToken")) or "",
            )
            for item in _children(responses, "DestinationResponse")
        )
    return found


def _attribute_qname(node: _Node) -> str:
    """ElementData's ``Name`` attribute, in Clark notation."""
    return _qname(("", "Name", _attribute_value(node, "Name") or ""))
