"""The facts of an envelope as dsm-messages first read them: from the body rendered as XML
and read back by local name. Kept as the oracle of the reading from model objects
(:func:`dsm_messages.message_facts.facts_of`), which must agree with it on every message.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from lxml import etree

from dsm_messages.aliases import canonical_value
from dsm_messages.binding import to_element
from dsm_messages.envelope import Envelope
from dsm_messages.message_facts import Facts, JobReport
from dsm_messages.messages import EMPTY_BODY_ACTIONS, FAULT_ACTION, by_action
from dsm_messages.models import dsp
from dsm_messages.namespaces import SOAP

#: XML 1.0 production S: what a value's whitespace is (not Python's, which has more)
XML_WHITESPACE = " \t\r\n"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _children(
    element: etree._Element | None, local: str | None = None
) -> Iterator[etree._Element]:
    if element is None:
        return
    for child in element:
        if isinstance(child.tag, str) and (local is None or _local(child) == local):
            yield child


def _child(element: etree._Element | None, local: str) -> etree._Element | None:
    return next(_children(element, local), None)


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return (element.text or "").strip(XML_WHITESPACE)


def _raw(element: etree._Element | None) -> str | None:
    """String content exactly as written (JobToken is opaque: compared byte for byte)."""
    return None if element is None else element.text or ""


def _value(element: etree._Element | None) -> str | None:
    text = _text(element)
    if element is None or text is None:
        return None
    return canonical_value(etree.QName(element).namespace or "", _local(element), text)


def _qname(element: etree._Element, text: str) -> str:
    prefix, _, local = text.strip(XML_WHITESPACE).rpartition(":")
    return f"{{{element.nsmap.get(prefix or None, '')}}}{local}"


def _job_report(status: etree._Element, *, final: bool) -> JobReport:
    key = _child(status, "JobToken")
    job = _raw(key) if key is not None else _text(_child(status, "JobId"))
    state = _value(_child(status, "JobCompletedState" if final else "JobState"))
    reasons_wrapper = _child(status, "JobCompletedStateReasons" if final else "JobStateReasons")
    reasons = tuple(_value(reason) or "" for reason in _children(reasons_wrapper))
    count = _text(_child(status, "ImagesReceived"))
    if count is None:
        count = _text(_child(status, "ScansCompleted"))
    wrapper = _child(status, "FilterCompletedStatuses" if final else "FilterStatuses")
    filters = tuple(
        (_text(_child(item, "Dialect")) or "", _value(_child(item, "FilterState")) or "")
        for item in _children(wrapper, "FilterStatus")
    )
    return JobReport(
        job=job or "",
        state=state,
        final=final,
        reasons=reasons,
        count=int(count) if count and count.lstrip("-").isdigit() else None,
        filters=filters,
        created=_text(_child(status, "JobCreatedTime")),
        completed=_text(_child(status, "JobCompletedTime")),
        psp_identifier=_text(_child(status, "PSP_Identifier")),
    )


def _summaries(wrapper: etree._Element | None) -> tuple[JobReport, ...]:
    return tuple(_job_report(item, final=False) for item in _children(wrapper, "JobSummary"))


def xml_facts_of(envelope: Envelope) -> Facts:
    """The facts of a parsed envelope, read from its body rendered as XML."""
    action = envelope.action.strip(XML_WHITESPACE)
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
        "message_id": envelope.message_id.strip(XML_WHITESPACE) if envelope.message_id else None,
        "relates_to": envelope.relates_to.strip(XML_WHITESPACE) if envelope.relates_to else None,
    }
    if protocol == "soap" and envelope.body is not None:
        fault = to_element(envelope.body)
        subcode = fault.find(f"{{{SOAP}}}Code/{{{SOAP}}}Subcode/{{{SOAP}}}Value")
        if subcode is not None:
            base["fault_subcode"] = _qname(subcode, subcode.text or "")
    if envelope.body is None or protocol == "soap":
        return Facts(**base)
    if protocol == "wse":
        return Facts(**base, **_scan_destinations(to_element(envelope.body)))
    shell = envelope.body
    if isinstance(shell, dsp.SendImageRequest) and shell.image_data:
        # the facts are in the description, not the image: never render it
        shell = dataclasses.replace(shell, image_data=b"")
    body = to_element(shell)
    found: dict[str, Any] = {}
    token = _child(body, "JobToken")
    if token is not None:
        found["job"] = _raw(token)
        if operation == "CreatePostScanJob" and kind == "response":
            found["minted_token"] = _raw(token)
    job_id = _child(body, "JobId")
    if job_id is not None:
        found["job"] = _text(job_id)
        if token is not None:
            found["job_token"] = _raw(token)
    if protocol == "wscn":
        found["scan_identifier"] = _raw(_child(body, "ScanIdentifier"))
        found["destination_token"] = _raw(_child(body, "DestinationToken"))
        context = _child(body, "ClientContext")
        if context is not None:
            found["client_contexts"] = (_raw(context),)
        if operation == "CreateScanJob":
            parameters = (
                _child(_child(body, "ScanTicket"), "DocumentParameters")
                if kind == "request"
                else _child(body, "DocumentFinalParameters")
            )
            count = _text(_child(parameters, "ImagesToTransfer"))
            found["images_to_transfer"] = int(count) if count is not None else None
            found["input_source"] = _value(_child(parameters, "InputSource"))
    if operation == "CreatePostScanJob" and kind == "request":
        found["dialects"] = tuple(
            _text(_child(item, "Dialect")) or "" for item in body.iter("{*}Filter")
        )
        found["psp_identifier"] = _text(_child(body, "PSP_Identifier"))
    description = _child(body, "DocumentDescription")
    if description is not None:
        found["document_id"] = _text(_child(description, "DocumentId"))
    requested = _child(body, "RequestedElements")
    if requested is not None:
        found["requested"] = tuple(
            _qname(name, name.text or "") for name in _children(requested, "Name")
        )
    data = [element for element in body.iter("{*}ElementData")]
    if data:
        found["element_data"] = tuple(
            (
                _qname(element, _attribute(element, "Name") or ""),
                (_attribute(element, "Valid") or "").strip(XML_WHITESPACE) in ("true", "1"),
            )
            for element in data
        )
    reports = [
        _job_report(status, final=False) for status in body.iter("{*}JobStatus") if len(status)
    ]
    reports += [
        _job_report(end, final=True)
        for end in body.iter("{*}PostScanJobEndState", "{*}JobEndState")
    ]
    found["reports"] = tuple(reports)
    if "job" not in found and reports and kind == "event":
        found["job"] = reports[0].job
    if operation == "GetActiveJobs" and kind == "response":
        found["active_jobs"] = _summaries(_child(body, "ActiveJobs"))
    if operation == "GetJobHistory" and kind == "response":
        found["history_jobs"] = _summaries(_child(body, "JobHistory"))
    if operation == "ScannerStatusConditionEvent":
        condition = _child(body, "DeviceCondition")
        found["condition"] = _attribute(condition, "Id")
        found["condition_time"] = _text(_child(condition, "Time"))
    if operation == "ScannerStatusConditionClearedEvent":
        cleared = _child(body, "DeviceConditionCleared")
        found["condition"] = _text(_child(cleared, "ConditionId"))
        found["condition_time"] = _text(_child(cleared, "ConditionClearTime"))
    for status in body.iter("{*}ScannerStatus"):
        found["active_conditions"] = tuple(
            _attribute(condition, "Id") or ""
            for condition in _children(_child(status, "ActiveConditions"), "DeviceCondition")
        )
    summary = _child(body, "StatusSummary")
    if summary is not None:
        state = _text(_child(summary, "ScannerState")) or ""
        reasons = tuple(_text(r) or "" for r in _children(_child(summary, "ScannerStateReasons")))
        found["summary"] = (state, *reasons)
    return Facts(**base, **found)


def _scan_destinations(body: etree._Element) -> dict[str, Any]:
    found: dict[str, Any] = {}
    destinations = _child(body, "ScanDestinations")
    if destinations is not None:
        found["client_contexts"] = tuple(
            _raw(_child(item, "ClientContext")) or ""
            for item in _children(destinations, "ScanDestination")
        )
    responses = _child(body, "DestinationResponses")
    if responses is not None:
        found["destinations"] = tuple(
            (
                _raw(_child(item, "ClientContext")) or "",
                _raw(_child(item, "DestinationToken")) or "",
            )
            for item in _children(responses, "DestinationResponse")
        )
    return found


def _attribute(element: etree._Element | None, local: str) -> str | None:
    """A dual-form attribute (``Id``, ``Name``, ``Valid``), qualified or not."""
    if element is None:
        return None
    for name, value in element.attrib.items():
        if etree.QName(name).localname == local:
            return str(value)
    return None
