"""One probe being played: the kit's side of the conversation, and the judge of every answer.

Rules of this module:

- What the kit sends well-formed goes through its own :class:`~dsm_messages.Endpoint` (one per
  service of the target, shared by the probes of a run): it builds the message, checks it
  strictly and applies it to the conversation, so the kit never breaks a rule by accident.
  What it breaks on purpose is built by hand and never applied: the target must refuse it.
- Every message the target sends (answers, and events at the kit's listener) is validated in
  the strict profile and applied to the conversation as a tolerant peer reads it (the lenient
  profile; a missing RelatesTo is taken from the HTTP exchange it came back on), so one
  deviation is one finding, not a cascade.
- A finding names a rule. If the probe checks that rule it fails the probe; otherwise it is
  an observation. The fault a refusal must carry comes from the rule's table row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Sequence
from typing import NoReturn

import attrs
from xsdata.formats.dataclass.models.generics import AnyElement
from xsdata.models.datatype import XmlDuration

from ..envelope import Envelope, new_message_id
from ..errors import DsmError, LocalProtocolError
from ..faults import ACTION_NOT_SUPPORTED, Fault
from ..models import soap, wsa, wse
from ..ordering_rules import ACCEPTED_AS
from ..parsing import parse
from ..report import Severity
from ..rule_ids import DsmRule, WsaRule
from ..session import about
from .judging import (
    MINTING,
    applied,
    contexts,
    describe,
    fault_of,
    first_line,
    http_findings,
    is_package,
    operation_of,
    problems,
    rule_of,
    same_fault,
    summary_of,
)
from .model import Answer, Exchange, Finding, Operate, Probe, Send, Target, Wait, rule_row
from .state import SOAP_CONTENT_TYPE, NotApplicable, Phase, RunState, Service, Stop

__all__ = ["ACTION_DIALECT", "Play"]

#: WS-Eventing's filter dialect DPWS devices and Windows read: a list of event actions.
ACTION_DIALECT = "http://schemas.xmlsoap.org/ws/2006/02/devprof/Action"
_KIT_NS = "urn:dsm-messages:conformance"
_DURATION = XmlDuration("PT1H")


class Play:
    """The state of one probe while it runs. Its helpers are generators: a script calls them
    with ``yield from`` and they yield what must be sent or waited for.

    The runner makes one per probe; a probe's script only uses it.

    :param probe: the probe being played.
    :param run: the state the run shares between its probes (the target, the listener, the
        conversation with each service).
    :param deadline: when the probe's time is up, on :func:`time.monotonic`'s clock.
    """

    def __init__(self, probe: Probe, run: RunState, *, deadline: float) -> None:
        self.probe = probe
        self.run = run
        self.deadline = deadline
        self.exchanges: list[Exchange] = []
        self.findings: list[Finding] = []
        self.observations: list[Finding] = []
        self.events: list[Envelope] = []
        #: (protocol, job) this probe created through the kit's conversation, to cancel
        self.jobs: list[tuple[str, str]] = []
        #: jobs that need no cancel any more (ended, canceled, every image retrieved)
        self.done: set[tuple[str, str]] = set()
        #: jobs minted by a broken request the target should have refused (never applied)
        self.stray: list[tuple[str, str]] = []
        self.phase: Phase = "probe"
        self.passed_note = ""
        #: the MessageID of the last well-formed request the kit sent
        self.last_message_id = ""

    # -- what the probe found --------------------------------------------------------------
    @property
    def target(self) -> Target:
        """The implementation under test."""
        return self.run.target

    def note(
        self,
        rule: str,
        message: str,
        *,
        severity: Severity = "error",
        expected: str | None = None,
        got: str | None = None,
        exchange: int | None = None,
        checked: bool = False,
    ) -> None:
        """A breach of ``rule``: a finding if the probe checks it (or ``checked``: what its
        refusal is judged by), else an observation.

        :param rule: the rule broken.
        :param message: what happened, in words.
        :param severity: ``"error"`` or ``"warning"``.
        :param expected: what the rule asks for.
        :param got: what came instead.
        :param exchange: the index of the message that shows it among the exchanges.
        :param checked: whether the probe judges it, as a refusal judges its answer.
        """
        finding = Finding(
            rule=rule,
            message=message,
            severity=severity,
            expected=expected,
            got=got,
            exchange=len(self.exchanges) - 1 if exchange is None else exchange,
        )
        if self.phase == "cleanup":
            return  # undoing what the probe created is not judged
        if severity == "error" and (checked or rule in self.probe.rules):
            self.findings.append(finding)
        else:
            self.observations.append(finding)

    def stop(
        self,
        message: str,
        *,
        rule: str | None = None,
        expected: str | None = None,
        got: str | None = None,
    ) -> NoReturn:
        """The probe cannot go on: a finding on ``rule`` (its subject unless given).

        :param message: why, in words.
        :param rule: the rule the finding is on; the probe's subject unless given.
        :param expected: what the rule asks for.
        :param got: what came instead.
        :raises Stop: always: the runner ends the probe.
        """
        self.note(rule or self.probe.rule, message, expected=expected, got=got)
        raise Stop(message)

    def service(self, protocol: str) -> Service:
        """The kit's conversation with the target's service of ``protocol``.

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :raises NotApplicable: when the target description gives no address for it.
        """
        service = self.run.services.get(protocol)
        if service is None:
            raise NotApplicable(f"the target description gives no {protocol} address")
        return service

    def own(self, protocol: str, job: str) -> None:
        """This probe created ``job``: its events are this probe's, and it is canceled at the
        end unless it finished.

        :param protocol: the protocol of the job.
        :param job: its JobToken or JobId.
        """
        self.jobs.append((protocol, job))
        self.run.owners[protocol, job] = self

    # -- sending -----------------------------------------------------------------------------
    def exchange(
        self, protocol: str, data: bytes, content_type: str, summary: str
    ) -> Generator[Send | Wait | Operate, Answer | None, Answer]:
        """Send bytes as they are, record both ways; the answer (not judged here).

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param data: the message, as it is sent.
        :param content_type: its Content-Type.
        :param summary: what it is, in a few words, for the report.
        """
        address = self.service(protocol).address
        self.exchanges.append(
            Exchange(
                direction="sent",
                summary=summary,
                data=data,
                content_type=content_type,
                phase=self.phase,
            )
        )
        answer = yield Send(address=address, data=data, content_type=content_type)
        assert answer is not None
        if answer.error is None:
            self.exchanges.append(
                Exchange(
                    direction="answer",
                    summary=self._answer_summary(answer),
                    data=answer.data,
                    content_type=answer.content_type,
                    status=answer.status,
                    phase=self.phase,
                )
            )
        return answer

    def request(
        self,
        protocol: str,
        body: object,
        *,
        action: str | None = None,
        headers: Sequence[bytes] = (),
        to: str | None = None,
    ) -> tuple[bytes, str]:
        """A well-formed request, built and applied by the kit's conversation: (bytes, its
        MessageID).

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param body: the request's body, a model instance.
        :param action: its ``wsa:Action``; the body's own unless given.
        :param headers: extra header blocks, each the bytes of one element.
        :param to: its ``wsa:To``; the service's address unless given.
        """
        service = self.service(protocol)
        message_id = new_message_id()
        try:
            data = service.endpoint.request(
                body,
                to=to or service.address,
                message_id=message_id,
                action=action,
                headers=headers,
            )
        except LocalProtocolError as error:
            # the conversation so far makes this request wrong: an earlier answer was refused
            self.stop(f"the kit cannot send {type(body).__name__}: {error}", rule=error.rule)
        self.last_message_id = message_id
        return data, message_id

    def call(
        self,
        protocol: str,
        body: object,
        *,
        action: str | None = None,
        headers: Sequence[bytes] = (),
        to: str | None = None,
        rule: str | None = None,
        faults: bool = False,
    ) -> Generator[Send | Wait | Operate, Answer | None, Envelope]:
        """Send a well-formed request and judge the answer; it must be a response (a fault
        stops the probe, on ``rule``: its subject unless given; with ``faults`` it is
        returned). ``wsa:ActionNotSupported`` makes the probe not applicable.

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param body: the request's body, a model instance.
        :param action: its ``wsa:Action``; the body's own unless given.
        :param headers: extra header blocks, each the bytes of one element.
        :param to: its ``wsa:To``; the service's address unless given.
        :param rule: the rule a refusal of it is a finding on.
        :param faults: whether a fault is returned rather than stopping the probe.
        :raises NotApplicable: when the target answers ``wsa:ActionNotSupported``.
        """
        data, message_id = self.request(protocol, body, action=action, headers=headers, to=to)
        operation = operation_of(body, action)
        answer = yield from self.exchange(
            protocol, data, SOAP_CONTENT_TYPE, f"{operation} request"
        )
        envelope = self.judge(protocol, answer, message_id, rule=rule)
        if isinstance(envelope.body, soap.Fault):
            fault = fault_of(envelope)
            if same_fault(fault, ACTION_NOT_SUPPORTED):
                self.service(protocol).offered[operation] = "it answered wsa:ActionNotSupported"
                raise NotApplicable(
                    f"the target does not offer {operation} (it answered wsa:ActionNotSupported)"
                )
            if faults:
                return envelope
            self.stop(
                f"a well-formed {operation} request was refused",
                rule=rule,
                expected=f"{operation} response",
                got=describe(fault),
            )
        self.service(protocol).offered.setdefault(operation, None)
        return envelope

    def offered(
        self, protocol: str, body: object
    ) -> Generator[Send | Wait | Operate, Answer | None, None]:
        """Whether the target offers the operation of ``body`` at all, asked once per run with
        this well-formed request: any answer but ``wsa:ActionNotSupported`` says it does (a
        fault saying the job is unknown included). Raises :class:`NotApplicable` if not.

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param body: a well-formed request of the operation.
        """
        operation = operation_of(body, None)
        service = self.service(protocol)
        if operation not in service.offered:
            data, message_id = self.request(protocol, body)
            summary = f"{operation} request"
            answer = yield from self.exchange(protocol, data, SOAP_CONTENT_TYPE, summary)
            envelope = self.judge(protocol, answer, message_id)
            refused = isinstance(envelope.body, soap.Fault) and same_fault(
                fault_of(envelope), ACTION_NOT_SUPPORTED
            )
            service.offered[operation] = "it answered wsa:ActionNotSupported" if refused else None
        reason = service.offered[operation]
        if reason is not None:
            raise NotApplicable(f"the target does not offer {operation} ({reason})")

    def send(
        self,
        protocol: str,
        data: bytes,
        content_type: str,
        message_id: str,
        summary: str,
        *,
        rule: str | None = None,
    ) -> Generator[Send | Wait | Operate, Answer | None, Envelope]:
        """Send bytes the kit's conversation already applied (an MTOM package it built) and
        judge the answer as :meth:`call` does.

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param data: the message, as it is sent.
        :param content_type: its Content-Type.
        :param message_id: its MessageID, which the answer must relate to.
        :param summary: what it is, in a few words, for the report.
        :param rule: the rule a refusal of it is a finding on.
        """
        answer = yield from self.exchange(protocol, data, content_type, summary)
        envelope = self.judge(protocol, answer, message_id, rule=rule)
        if isinstance(envelope.body, soap.Fault):
            self.stop(
                f"a well-formed {summary} was refused",
                rule=rule,
                expected="a response",
                got=describe(fault_of(envelope)),
            )
        return envelope

    def is_fault(self, envelope: Envelope, fault: Fault) -> bool:
        """Whether ``envelope`` is ``fault`` (its code and first subcode).

        :param envelope: an answer, as read.
        :param fault: the fault it may be.
        """
        return isinstance(envelope.body, soap.Fault) and same_fault(fault_of(envelope), fault)

    def fault_text(self, envelope: Envelope) -> str:
        """The fault ``envelope`` carries, in words (empty when it is no fault).

        :param envelope: an answer, as read.
        """
        return describe(fault_of(envelope)) if isinstance(envelope.body, soap.Fault) else ""

    # -- judging what came back ---------------------------------------------------------------
    def judge(
        self, protocol: str, answer: Answer, message_id: str, *, rule: str | None = None
    ) -> Envelope:
        """Judge the answer to a well-formed request: valid in the strict profile, related to
        the request, in order; applied to the conversation. Returns it read as a tolerant
        peer reads it; stops the probe when it cannot be read at all.

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param answer: what came back.
        :param message_id: the request's MessageID.
        :param rule: the rule a missing or unreadable answer is a finding on.
        """
        envelope = self._read(answer, rule=rule)
        if envelope.relates_to is None:
            envelope = attrs.evolve(envelope, relates_to=message_id)
        self._apply(self.service(protocol), envelope)
        self.take_events()
        return envelope

    def _read(
        self, answer: Answer, *, rule: str | None, unrelated: bool = False, refusal: bool = False
    ) -> Envelope:
        if answer.error is not None:
            self.stop(
                f"no answer: {answer.error}", rule=rule, expected="an answer", got=answer.error
            )
        if not answer.data.strip():
            self.stop(
                f"HTTP {answer.status} with no SOAP message",
                rule=rule,
                expected="a SOAP response or fault",
                got=f"HTTP {answer.status}, empty",
            )
        content_type = answer.content_type if is_package(answer.content_type) else None
        for finding in problems(answer.data, content_type):
            if not (unrelated and finding.rule == DsmRule.RELATES_TO_MISSING):
                self.record(finding)
        try:
            envelope = parse(
                answer.data, content_type=content_type, validate=True, profile="lenient"
            )
        except DsmError as error:
            self.stop(f"the answer cannot be read: {error}", rule=rule, got=first_line(error))
        for finding in http_findings(envelope, answer.content_type, answer.status):
            self.record(finding, checked=refusal)
        return envelope

    def check(self, data: bytes, content_type: str | None, *, exchange: int | None = None) -> None:
        """Validate a message the target sent, in the strict profile: each problem noted.

        :param data: the message's bytes.
        :param content_type: its Content-Type, for an MTOM package.
        :param exchange: the index of the message among the exchanges.
        """
        for finding in problems(data, content_type):
            self.record(finding, exchange)

    def record(
        self, finding: Finding, exchange: int | None = None, *, checked: bool = False
    ) -> None:
        """Note a finding made elsewhere (by a judge of the kit) as :meth:`note` does.

        :param finding: the breach.
        :param exchange: the index of the message that shows it among the exchanges.
        :param checked: whether the probe judges it, as a refusal judges its answer.
        """
        self.note(
            finding.rule,
            finding.message,
            severity=finding.severity,
            expected=finding.expected,
            got=finding.got,
            exchange=exchange,
            checked=checked,
        )

    def _apply(self, service: Service, envelope: Envelope, exchange: int | None = None) -> None:
        for finding in applied(service, envelope):
            self.record(finding, exchange)

    def refused(
        self,
        protocol: str,
        data: bytes,
        *,
        message_id: str | None,
        summary: str,
        rule: str | None = None,
        content_type: str = SOAP_CONTENT_TYPE,
        relates: bool = True,
    ) -> Generator[Send | Wait | Operate, Answer | None, Envelope | None]:
        """Send a message that breaks ``rule`` (the subject unless given) and judge the
        refusal: a fault with the code and subcode the rule's row names, the HTTP status that
        fault travels with, related to the request (``relates``: only when the request's
        MessageID could be read). In a lenient target a deviation the lenient profile
        tolerates may be accepted instead. Returns the answer read, if it could be.

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param data: the broken message, as it is sent.
        :param message_id: its MessageID, if it has one that can be read.
        :param summary: what it is, in a few words, for the report.
        :param rule: the rule it breaks; the probe's subject unless given.
        :param content_type: its Content-Type.
        :param relates: whether the fault must relate to it.
        """
        own = rule is None or rule == self.probe.rule  # (else a refusal on the way)
        rule = rule or self.probe.rule
        row = rule_row(rule)
        expected = row.fault_for(protocol)
        tolerated = self.target.profile == "lenient" and row.lenient == "warning"
        answer = yield from self.exchange(protocol, data, content_type, summary)
        # a fault to a request whose MessageID could not be read relates to nothing, rightly
        envelope = self._read(answer, rule=rule, unrelated=True, refusal=own)
        wanted = describe(expected)
        if not isinstance(envelope.body, soap.Fault):
            minted = about(envelope).job
            if minted is not None and about(envelope).operation in MINTING:
                self.stray.append((protocol, minted))
            if tolerated:
                self.passed_note = f"accepted ({rule} is tolerated by a lenient reader)"
                return envelope
            self.note(
                ACCEPTED_AS.get(rule, rule),
                f"the target accepted {summary}",
                expected=wanted,
                got=summary_of(envelope),
                checked=own,
            )
            return envelope
        got = describe(fault_of(envelope))
        if expected is not None and not same_fault(fault_of(envelope), expected):
            text = f"{summary} was refused with another fault than {rule}'s"
            self.note(DsmRule.FAULT_MISMATCH, text, expected=wanted, got=got, checked=own)
        if relates and message_id is not None and envelope.relates_to is None:
            self.note(
                DsmRule.RELATES_TO_MISSING,
                "the fault does not say which request it refuses",
                expected=f"RelatesTo {message_id}",
                got="no RelatesTo",
                checked=own,
            )
        elif envelope.relates_to not in (None, message_id):
            self.note(
                WsaRule.PAIRING,
                "the fault relates to a message that is not the refused request",
                expected=f"RelatesTo {message_id}" + ("" if relates else " or none"),
                got=f"RelatesTo {envelope.relates_to}",
                checked=own,
            )
        self.take_events()
        return envelope

    # -- events --------------------------------------------------------------------------------
    def take_events(self) -> None:
        """Apply every event that arrived at the listener since the last look, in arrival
        order, to the conversation of its protocol; each goes to the probe that created its
        job (this one, or an earlier one: then it is reported with the run)."""
        listener = self.run.listener
        if listener is None:
            return
        for data, content_type in listener.since(self.run.cursor):
            self.run.cursor += 1
            self._event(data, content_type)

    def _event(self, data: bytes, content_type: str) -> None:
        run = self.run
        exchange = Exchange(
            direction="event", summary="event", data=data, content_type=content_type
        )
        try:
            envelope = parse(data, validate=True, profile="lenient")
        except DsmError as error:
            run.late.append(exchange)
            run.observations.append(Finding(rule=rule_of(error), message=f"an event: {error}"))
            return
        facts = about(envelope)
        key = (facts.protocol, facts.job or "")
        for context in contexts(envelope):
            key = (facts.protocol, context)
        owner = run.owners.get(key)
        exchange = attrs.evolve(exchange, summary=summary_of(envelope))
        service = run.services.get(facts.protocol)
        if owner is self and self.phase == "probe":
            self.exchanges.append(exchange)
            index = len(self.exchanges) - 1
            self.check(data, None, exchange=index)
            for finding in http_findings(envelope, content_type):
                self.record(finding, index)
            if service is not None:
                self._apply(service, envelope, index)
            self.events.append(envelope)
            return
        # an event about an earlier probe's job (reported with the run), or about a job the
        # kit did not create (applied: the conversation must know it, and nothing else)
        findings = applied(service, envelope) if service is not None else []
        if owner is not None:
            run.late.append(exchange)
            shown = len(run.late) - 1
            for finding in (*problems(data, None), *findings):
                run.observations.append(attrs.evolve(finding, exchange=shown))

    def wait_event(
        self,
        match: Callable[[Envelope], bool],
        *,
        what: str,
        seconds: float,
        rule: str | None = None,
    ) -> Generator[Send | Wait | Operate, Answer | None, Envelope]:
        """The first event of this probe ``match`` accepts, waiting up to ``seconds`` for it;
        if none comes the probe stops on ``rule`` (its subject unless given).

        :param match: tells the awaited event from the others.
        :param what: the event awaited, in words, for the report.
        :param seconds: the longest wait (within the probe's time limit).
        :param rule: the rule its absence is a finding on.
        """
        limit = min(time.monotonic() + seconds, self.deadline)
        while True:
            self.take_events()
            for event in self.events:
                if match(event):
                    return event
            left = limit - time.monotonic()
            if left <= 0:
                self.stop(
                    f"{what} did not arrive within {seconds:.1f} s",
                    rule=rule,
                    expected=what,
                    got="nothing",
                )
            yield Wait(seconds=min(left, 0.5))

    def settle(
        self, seconds: float = 0.25
    ) -> Generator[Send | Wait | Operate, Answer | None, None]:
        """Keep listening ``seconds`` more (within the time limit), so that an event sent
        right after the one a conversation waited for (a second end state) is judged with
        it.

        :param seconds: how long to keep listening.
        """
        limit = min(time.monotonic() + seconds, self.deadline)
        while (left := limit - time.monotonic()) > 0:
            self.take_events()
            yield Wait(seconds=left)
        self.take_events()

    def subscribe(
        self, protocol: str, actions: Sequence[str], extensions: Sequence[object] = ()
    ) -> Generator[Send | Wait | Operate, Answer | None, Envelope]:
        """Subscribe the kit's listener to ``actions`` of ``protocol``'s service, once per
        run (``extensions``: e.g. WS-Scan ScanDestinations, which make it this probe's own).

        :param protocol: the protocol of the service it goes to (``"dsp"``...).
        :param actions: the event actions to subscribe to.
        :param extensions: elements added to the Subscribe request.
        :raises NotApplicable: without a listener, or when the target refuses subscriptions.
        """
        service = self.service(protocol)
        if self.run.listener is None:
            raise NotApplicable("no event listener was given to the kit")
        if isinstance(service.subscription, Envelope) and not extensions:
            return service.subscription
        if isinstance(service.subscription, str):
            raise NotApplicable(service.subscription)
        reference = AnyElement(qname=f"{{{_KIT_NS}}}Run", text=self.run.run_id)
        notify_to = wse.NotifyTo(
            address=wsa.AttributedURI(value=self.run.listener.address),
            reference_parameters=wsa.ReferenceParametersType(any_element=[reference]),
        )
        body = wse.Subscribe(
            delivery=wse.DeliveryType(notify_to=notify_to),
            expires=wse.ExpirationType(value=_DURATION),
            filter=wse.FilterType(value=" ".join(actions), dialect=ACTION_DIALECT),
            other_element=list(extensions),
        )
        try:
            response = yield from self.call(protocol, body)
        except NotApplicable:
            service.subscription = "the target does not offer event subscriptions"
            raise NotApplicable(service.subscription) from None
        if not extensions:
            service.subscription = response
        return response

    def press_scan(
        self, destination: str
    ) -> Generator[Send | Wait | Operate, Answer | None, None]:
        """Ask the operator at the device to choose ``destination`` and press Scan.

        :param destination: the display name of the scan destination.
        :raises NotApplicable: when the target description has no operator.
        """
        if self.target.press_scan is None:
            raise NotApplicable("no operator: the target description has no press_scan")
        yield Operate(destination=destination)

    def _answer_summary(self, answer: Answer) -> str:
        content_type = answer.content_type if is_package(answer.content_type) else None
        try:
            envelope = parse(answer.data, content_type=content_type)
        except DsmError:
            return f"HTTP {answer.status}" + ("" if answer.data.strip() else ", empty")
        return summary_of(envelope)
