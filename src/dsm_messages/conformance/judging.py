"""Judging what a target sends, as plain functions: a message's strict validity, what it breaks
when applied to the kit's conversation, a fault as a report names it.

Each function returns what it found as :class:`~.model.Finding` values; the play decides
whether a finding fails its probe or is an observation.
"""

from __future__ import annotations

from lxml import etree

from ..binding import to_element
from ..envelope import Envelope
from ..errors import DsmError, RemoteProtocolError
from ..faults import Fault
from ..messages import message_type
from ..models import soap, wsa
from ..namespaces import WSA, prefixed
from ..rule_ids import DsmRule
from ..session import about
from ..transcripts import HttpHead, Recorded, http_problems
from ..validator import validate
from .model import Finding
from .state import Service

__all__ = [
    "MINTING",
    "applied",
    "contexts",
    "describe",
    "fault_of",
    "first_line",
    "http_findings",
    "is_package",
    "operation_of",
    "problems",
    "reference_blocks",
    "rule_of",
    "same_fault",
    "summary_of",
]


def describe(fault: Fault | None) -> str:
    """A fault as a report shows it: ``dsp:InvalidArgs (soap:Sender)``."""
    if fault is None:
        return "a SOAP fault"
    if not fault.subcodes:
        return f"soap:{fault.code}"
    return f"{prefixed(fault.subcodes[0].text)} (soap:{fault.code})"


def summary_of(envelope: Envelope) -> str:
    """What a message is, in a few words: ``CreatePostScanJob response``,
    ``fault dsp:InvalidArgs (soap:Sender)``."""
    if isinstance(envelope.body, soap.Fault):
        try:
            return "fault " + describe(Fault.from_model(envelope.body))
        except ValueError:
            return "fault"
    facts = about(envelope)
    return facts.operation if facts.kind == "event" else f"{facts.operation} {facts.kind}"


#: The operations whose answer creates a job (to cancel, if the target should have refused).
MINTING = frozenset({"CreatePostScanJob", "CreateScanJob"})


def problems(data: bytes, content_type: str | None) -> list[Finding]:
    """A message the target sent, validated in the strict profile."""
    return [
        Finding(rule=problem.rule, message=problem.message, severity=problem.severity)
        for problem in validate(data, content_type=content_type).problems
    ]


def http_findings(
    envelope: Envelope, content_type: str, status: int | None = None
) -> list[Finding]:
    """What the HTTP that carried a message the target sent breaks: an answer's status
    (``status``: a fault with a success status, or with another error status than its
    code's; a response with an error one), and any message's Content-Type."""
    head = (
        HttpHead.response(status, content_type or None)
        if status is not None
        else HttpHead.request("/", content_type or None)
    )
    found = []
    for problem in http_problems(Recorded(message=envelope, http=head), profile="strict"):
        expected = got = None
        if problem.rule == DsmRule.HTTP_CONTENT_TYPE:
            expected = "application/soap+xml or multipart/related"
            got = content_type or "no Content-Type"
        elif isinstance(envelope.body, soap.Fault):
            fault = fault_of(envelope)
            expected = f"HTTP {fault.http_status}" if fault is not None else "HTTP 400 or 500"
            got = f"HTTP {status}"
        else:
            expected, got = "HTTP 200", f"HTTP {status}"
        found.append(
            Finding(
                rule=problem.rule,
                message=problem.message,
                severity=problem.severity,
                expected=expected,
                got=got,
            )
        )
    return found


def applied(service: Service, envelope: Envelope) -> list[Finding]:
    """Apply a message the target sent to the kit's conversation: what it breaks."""
    session = service.endpoint.session
    try:
        session.receive(envelope)
    except RemoteProtocolError as error:
        return [Finding(rule=error.rule, message=error.reason)]
    warnings = [
        Finding(rule=warning.rule, message=warning.message, severity=warning.severity)
        for warning in session.warnings
    ]
    session.warnings.clear()
    return warnings


def reference_blocks(epr: wsa.EndpointReferenceType) -> list[bytes]:
    """The reference parameters (and properties) of an endpoint reference, as the header
    blocks a message to that endpoint carries."""
    holder = wsa.EndpointReference(
        address=epr.address,
        reference_properties=epr.reference_properties,
        reference_parameters=epr.reference_parameters,
    )
    element = to_element(holder)
    blocks: list[bytes] = []
    for name in ("ReferenceProperties", "ReferenceParameters"):
        for container in element.iterfind(f"{{{WSA}}}{name}"):
            blocks.extend(etree.tostring(block) for block in container)
    return blocks


def operation_of(body: object, action: str | None) -> str:
    if body is None:
        return (action or "").rpartition("/")[2]
    return message_type(type(body)).operation


def fault_of(envelope: Envelope) -> Fault | None:
    assert isinstance(envelope.body, soap.Fault)
    try:
        return Fault.from_model(envelope.body)
    except ValueError:
        return None


def same_fault(fault: Fault | None, expected: Fault) -> bool:
    return (
        fault is not None
        and fault.code == expected.code
        and fault.subcodes[:1] == expected.subcodes[:1]
    )


def is_package(content_type: str) -> bool:
    return content_type.lower().lstrip().startswith("multipart/related")


def first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def rule_of(error: DsmError) -> str:
    report = getattr(error, "report", None)
    if report is not None and report.errors:
        return str(report.errors[0].rule)
    return str(getattr(error, "code", None) or DsmRule.XML_MALFORMED)


def contexts(envelope: Envelope) -> list[str]:
    """The ClientContext a WS-Scan ScanAvailableEvent names (its owner is the probe that
    registered that destination)."""
    context = getattr(envelope.body, "client_context", None)
    return [context] if isinstance(context, str) else []
