"""What a session says of one message on its own: what it is about (:func:`about`), the
exception refusing it for a rule (:func:`refusal`), and a job as a session reports it
(:class:`JobSummary`). The names are public from :mod:`dsm_messages.session`.
"""

from __future__ import annotations

from typing import NamedTuple, TypeVar

import attrs

from .element_text import strip_xml
from .envelope import Envelope
from .errors import ProtocolError
from .message_facts import facts_of
from .messages import by_action
from .ordering.registry import PROTOCOLS
from .ordering.state import Role
from .ordering_rules import ORDERING_RULES
from .rules import RULES, Rule

__all__ = ["SENDERS", "About", "JobSummary", "ProtocolErrorT", "about", "refusal"]

#: Who sends what: (protocol, kind) -> sending role. Faults go the way of responses.
SENDERS: dict[tuple[str, str], Role] = {
    (protocol.name, kind): role
    for protocol in PROTOCOLS.values()
    for kind, role in protocol.senders.items()
}

ProtocolErrorT = TypeVar("ProtocolErrorT", bound=ProtocolError)


def refusal(
    error: type[ProtocolErrorT],
    rule: str,
    message: str,
    envelope: Envelope,
    index: int | None = None,
) -> ProtocolErrorT:
    """The exception refusing ``envelope`` for breaking ``rule`` (an ordering rule or a
    validator rule), carrying the fault the rule's row answers a message of its protocol with.
    """
    row: Rule = ORDERING_RULES[rule] if rule in ORDERING_RULES else RULES[rule]
    announced = by_action(strip_xml(envelope.action))
    fault = row.fault_for(announced.protocol if announced else None)
    return error(rule, message, envelope, index, fault)


class JobSummary(NamedTuple):
    """A job as a session knows it.

    ``state`` is the last state a message reported (``None`` before any did). ``phase`` is
    where the conversation has taken the job: for WS-DSP ``open``, ``ending`` (EndPostScanJob
    sent), ``ended`` (its response seen), ``canceling`` or ``finished`` (end state seen); for
    WS-DSD and WS-DSC jobs, known only from reports, ``open`` or ``finished``.
    """

    protocol: str
    job: str
    state: str | None
    phase: str


@attrs.frozen(kw_only=True)
class About:
    """What one message is about, read as a session reads it (for monitors and routers).

    ``protocol`` is the message table's (dsp, dsd, dsc, wscn, wse, wsd, transfer), or soap
    for a fault; ``kind`` is request, response, event or fault; ``job`` the JobToken or JobId
    it concerns (a CreatePostScanJobResponse's is the token it mints); ``sender`` the role
    that sends such a message (``None`` where either side may, as for WS-Eventing and faults).

    :param protocol: the protocol, as the message table names it (``"dsp"``), or ``"soap"``.
    :param operation: the operation (``"SendImage"``), or ``"Fault"`` for a fault.
    :param kind: ``"request"``, ``"response"``, ``"event"`` or ``"fault"``.
    :param job: the JobToken or JobId the message concerns, if any.
    :param document_id: the DocumentId it names (a SendImage's, a RetrieveImage's), if any.
    :param sender: the role that sends such a message: ``"device"``, ``"scan_server"``,
        ``"control_point"``, or ``None``.
    """

    protocol: str
    operation: str
    kind: str
    job: str | None = None
    document_id: str | None = None
    sender: Role | None = None


def about(envelope: Envelope) -> About:
    """What ``envelope`` is about.

    :param envelope: the message, as parsed.
    :returns: its protocol, operation, kind, job and sender.

    >>> from dsm_messages import parse, serialize
    >>> from dsm_messages.models import dsp
    >>> end = dsp.EndPostScanJobRequest(job_token="264a19bf")
    >>> facts = about(parse(serialize(end, to="https://scansrv01.example/ScanServer/1")))
    >>> facts.protocol, facts.operation, facts.kind, facts.job, facts.sender
    ('dsp', 'EndPostScanJob', 'request', '264a19bf', 'device')
    """
    facts = facts_of(envelope)
    kind = "response" if facts.kind == "fault" else facts.kind
    return About(
        protocol=facts.protocol,
        operation=facts.operation,
        kind=facts.kind,
        job=facts.job,
        document_id=facts.document_id,
        sender=SENDERS.get((facts.protocol, kind)),
    )
