"""Which rules a message can break, and which faults a request can be answered with.

Nothing here is written per message: a rule applies to a message when its summary names the
message, when a term of its summary covers it (``job request``, ``MessageID``, ``reply``), or
when a test case of the suite breaks the rule with that message (:mod:`.testcases`). The
faults of a request are those of the rules it can break, plus the conditions of the receiver
that no rule names (the service is busy, the job is unknown), listed below with their sources.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass

from dsm_messages import faults as f
from dsm_messages.faults import Fault
from dsm_messages.messages import MULTICAST, MessageType
from dsm_messages.namespaces import prefixed
from dsm_messages.rules import Rule

from .words import natural_key

_PROTOCOL_OF_PREFIX = {"DSP": "dsp", "DSD": "dsd", "DSC": "dsc", "WSCN": "wscn"}


def rule_protocol(rule_id: str) -> str | None:
    """The protocol a rule belongs to (``None``: any protocol, as ``WSA-…`` and ``DSM-…``)."""
    return _PROTOCOL_OF_PREFIX.get(rule_id.partition("-")[0])


def _local(spec: MessageType) -> str:
    return spec.qname.rpartition("}")[2]


def carries_job(spec: MessageType) -> bool:
    """Whether a body names an existing job (a JobToken or JobId field of its own)."""
    names = {item.name for item in dataclasses.fields(spec.model)}
    return bool(names & {"job_token", "job_id"})


#: Terms of rule summaries, and the messages of the rule's protocol each one covers.
TERMS: tuple[tuple[re.Pattern[str], Callable[[MessageType], bool]], ...] = (
    (re.compile(r"\bjob requests?\b"), lambda s: s.kind == "request" and carries_job(s)),
    (re.compile(r"\bMessageID\b"), lambda s: s.kind in ("request", "response", "event")),
    (re.compile(r"\b(?:a|second) repl(?:y|ies)\b"), lambda s: s.kind == "response"),
    (re.compile(r"\ba request still unanswered\b"), lambda s: s.kind == "request"),
)


def names(spec: MessageType) -> set[str]:
    """The words a summary names a message with: its element, and its operation."""
    found = {_local(spec)}
    if spec.kind in ("request", "event"):
        found.add(spec.operation)
    elif spec.kind == "response":
        found.add(spec.operation + "Response")
    return found


def applies(rule: Rule, spec: MessageType, offending: Mapping[str, Set[str]]) -> bool:
    """Whether ``rule`` is about ``spec``: see the module's docstring."""
    if spec.qname in offending.get(rule.id, ()):
        return True
    protocol = rule_protocol(rule.id)
    if protocol is not None and protocol != spec.protocol:
        return False
    pattern = r"\b(" + "|".join(sorted(map(re.escape, names(spec)))) + r")\b"
    if re.search(pattern, rule.summary):
        return True
    return protocol is not None and any(
        term.search(rule.summary) and covers(spec) for term, covers in TERMS
    )


def rules_for(
    spec: MessageType, rules: Mapping[str, Rule], offending: Mapping[str, Set[str]]
) -> list[Rule]:
    """The rules of ``rules`` about ``spec``, in reading order."""
    found = [rule for rule in rules.values() if applies(rule, spec, offending)]
    return sorted(found, key=lambda rule: natural_key(rule.id))


# -- faults -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """A reason a receiver answers with a fault that no rule of ours names."""

    fault: Fault
    why: str
    #: Operations it applies to; empty: every request of the protocol.
    operations: frozenset[str] = frozenset()


_JOB_TOKEN_DSP = frozenset(
    {"SendImage", "EndPostScanJob", "CancelPostScanJob", "GetPostScanJobElements"}
)

_SERVER, _DEVICE = "the scan server", "the device"


def _general(failed: Fault, temporary: Fault, internal: Fault, who: str) -> tuple[Condition, ...]:
    """The three reasons of every protocol's common error codes, for any of its requests."""
    return (
        Condition(failed, f"{who}'s state prevents the operation now"),
        Condition(temporary, f"an unexpected, passing error of {who}"),
        Condition(internal, f"an unexpected, lasting error of {who}"),
    )


#: The receiver's own reasons, per protocol (the common operation error codes of each
#: protocol's reference pages and of [MS-BDSRR] 2.2.2.1; WS-Scan's element pages).
CONDITIONS: dict[str, tuple[Condition, ...]] = {
    "dsp": (
        *_general(f.DSP_OPERATION_FAILED, f.DSP_TEMPORARY_ERROR, f.DSP_INTERNAL_ERROR, _SERVER),
        Condition(
            f.DSP_JOB_TOKEN_NOT_FOUND,
            "no active job has this JobToken (a fault of the sister protocol WS-DSC that "
            "scan servers send; a reader accepts it)",
            _JOB_TOKEN_DSP,
        ),
        Condition(
            f.ENDPOINT_UNAVAILABLE,
            "a Windows scan server's answer to a JobToken that is not a GUID",
            _JOB_TOKEN_DSP,
        ),
    ),
    "dsc": (
        *_general(f.DSC_OPERATION_FAILED, f.DSC_TEMPORARY_ERROR, f.DSC_INTERNAL_ERROR, _SERVER),
        Condition(f.DSC_NOT_SCAN_ADMIN, "the caller is not a scan administrator"),
        Condition(
            f.DSC_JOB_TOKEN_NOT_FOUND,
            "no active job has this JobToken",
            frozenset({"CancelPostScanJob", "GetPostScanJobElements"}),
        ),
    ),
    "dsd": (
        *_general(f.WSCN_OPERATION_FAILED, f.WSCN_TEMPORARY_ERROR, f.WSCN_INTERNAL_ERROR, _DEVICE),
        Condition(f.WSCN_JOB_ID_NOT_FOUND, "no job has this JobId", frozenset({"GetJobElements"})),
    ),
    "wscn": (
        *_general(f.WSCN_OPERATION_FAILED, f.WSCN_TEMPORARY_ERROR, f.WSCN_INTERNAL_ERROR, _DEVICE),
        Condition(
            f.WSCN_NOT_ACCEPTING_JOBS,
            "the device cannot take a job now (service mode, buffers full)",
            frozenset({"CreateScanJob"}),
        ),
        Condition(
            f.WSCN_FORMAT_NOT_SUPPORTED,
            "the ticket asks for a Format the device does not produce",
            frozenset({"CreateScanJob"}),
        ),
        Condition(
            f.WSCN_CONFLICTING_REQUIRED_PARAMETERS,
            "settings marked MustHonor cannot all be honoured together",
            frozenset({"CreateScanJob"}),
        ),
        Condition(
            f.WSCN_NO_IMAGES_AVAILABLE,
            "there is nothing to scan (an empty feeder)",
            frozenset({"CreateScanJob"}),
        ),
        Condition(
            f.WSCN_JOB_ID_NOT_FOUND,
            "no job has this JobId, or it has already finished",
            frozenset({"CancelJob", "GetJobElements"}),
        ),
    ),
}


def _subcode(fault: Fault) -> str:
    return fault.subcodes[0].text.rpartition("}")[2] if fault.subcodes else fault.code


#: What the sender does next, by the fault's subcode (or code).
NEXT: dict[str, str] = {
    "InvalidArgs": "correct the request: sent again unchanged, it gets the same fault",
    "OperationFailed": "wait until the state that prevented it has changed; a request about "
    "a job that has finished keeps failing",
    "ServerErrorTemporaryError": "send the identical request again later",
    "ServerErrorInternalError": "do not send it again unchanged: it gets the same fault",
    "ClientErrorJobTokenNotFound": "the job is gone (finished and forgotten, or never created): "
    "stop sending requests for it",
    "ClientErrorJobIdNotFound": "the job is gone: stop sending requests for it",
    "ClientErrorCurrentUserNotScanAdmin": "send it under a scan administrator's identity",
    "EndpointUnavailable": "check the JobToken: Windows gives this answer to one that is not "
    "a GUID",
    "ActionNotSupported": "the receiver does not offer this operation: do not send it again",
    "MessageInformationHeaderRequired": "add the missing addressing header",
    "InvalidMessageInformationHeader": "correct the addressing headers (a fresh MessageID, "
    "absolute URIs)",
    "ServerErrorNotAcceptingJobs": "try again later",
    "ClientErrorFormatNotSupported": "ask for a Format the device lists in its configuration",
    "ClientErrorConflictingRequiredParameters": "relax the MustHonor settings",
    "ClientErrorNoImagesAvailable": "the job has no image left to give: it is over",
    "ClientErrorJobCancelled": "the job was cancelled: stop asking for its images",
    "ClientErrorInvalidJobToken": "quote the JobToken the job was created with",
    "ClientErrorInvalidScanIdentifier": "start the job from a current ScanAvailableEvent",
    "ClientErrorInvalidDestinationToken": "quote the DestinationToken of your SubscribeResponse",
    "VersionMismatch": "send a SOAP 1.2 envelope",
    "Sender": "correct the request: sent again unchanged, it gets the same fault",
    "Receiver": "the receiver could not carry it out: sent again unchanged, it may fail the "
    "same way",
}


def next_step(fault: Fault) -> str:
    return NEXT.get(_subcode(fault), "correct the request")


@dataclass
class FaultRow:
    """One fault a request can get, with every reason it is sent."""

    fault: Fault
    #: Rules whose breach it answers.
    rules: list[str]
    #: Conditions of the receiver that no rule names.
    conditions: list[str]

    @property
    def label(self) -> str:
        subcode = prefixed(self.fault.subcodes[0].text) if self.fault.subcodes else ""
        return f"{subcode} (soap:{self.fault.code})" if subcode else f"soap:{self.fault.code}"


def answered_with_faults(spec: MessageType) -> bool:
    """Whether a message can be answered with a fault: requests only, and not a multicast
    request (a device that does not match stays silent)."""
    return spec.kind == "request" and (spec.protocol, spec.operation) not in MULTICAST


def operation_faults(
    spec: MessageType,
    rules: Mapping[str, Rule],
    ordering_rules: Mapping[str, Rule],
    offending: Mapping[str, Set[str]],
    validator_kinds: Mapping[str, Set[str]],
) -> list[FaultRow]:
    """Every fault a request of ``spec`` can be answered with, and why: the ordering rules
    about it that refuse it, the validator rules the test suite breaks requests with, and the
    receiver's own conditions. Most specific first: the operation's own reasons, then
    conditions, then validation."""
    if not answered_with_faults(spec):
        return []
    rows: dict[str, FaultRow] = {}

    def row(fault: Fault) -> FaultRow:
        return rows.setdefault(str(fault), FaultRow(fault, [], []))

    refusing = [r for r in rules_for(spec, ordering_rules, offending) if r.strict == "error"]
    for rule in refusing:
        fault = rule.fault_for(spec.protocol)
        if fault is not None:
            row(fault).rules.append(rule.id)
    for condition in CONDITIONS.get(spec.protocol, ()):
        if not condition.operations or spec.operation in condition.operations:
            row(condition.fault).conditions.append(condition.why)
    for rule in sorted(rules.values(), key=lambda r: natural_key(r.id)):
        fault = rule.fault_for(spec.protocol)
        if fault is None or rule.strict != "error":
            continue
        if "request" in validator_kinds.get(rule.id, ()):
            row(fault).rules.append(rule.id)
    return list(rows.values())


def sequence(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
