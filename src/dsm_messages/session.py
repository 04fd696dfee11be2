"""Sans-I/O conversation state: which DSM message may come next, per endpoint and role.

A :class:`Session` is driven with parsed envelopes: ``send()`` for what this endpoint is about
to send, ``receive()`` for what arrived. A message that breaks a MUST rule raises
:class:`LocalProtocolError` (we were about to break it) or :class:`RemoteProtocolError` (the
peer did), naming the rule (:mod:`dsm_messages.ordering_rules`) and the fault its row answers with,
and changes nothing but one thing: a refused request's MessageID is remembered, so that the one
fault answering it may relate to it. SHOULD rules only add to :attr:`Session.warnings`. An
``observer`` sees both directions (a protocol monitor) and uses ``observe()``.

A session forgets, so that a monitor running for weeks keeps flat memory: a finished job, an
answered request and a MessageID are remembered for the ``window`` messages after the one that
finished, answered or used it (:data:`DEFAULT_WINDOW`, 10,000), then dropped. Within the window
the rules that need them still hold (a reused MessageID, DSP-19; a second reply, DSP-17; a
finished WS-DSD JobId starting over, DSD-11; anything sent for a finished job); after it, a
finished job is unknown and an old MessageID new. What is open (jobs, unanswered requests,
raised conditions, events held for a token) is kept until it closes. Applying a message costs
what it touches, not the length of the conversation: its writes are logged and undone if it is
refused. ``warnings`` and ``deferred`` only grow: a long-running caller drains them.

>>> from dsm_messages import parse, serialize, ANONYMOUS
>>> from dsm_messages.models import dsp
>>> server = Session("scan_server")
>>> end = dsp.EndPostScanJobRequest(job_token="264a19bf")
>>> data = serialize(end, to="https://scansrv01.example/ScanServer/1", reply_to=ANONYMOUS)
>>> try:
...     server.receive(parse(data))
... except RemoteProtocolError as error:
...     print(error.rule, error.fault)
DSP-1 dsp:InvalidArgs (soap:Sender): an input argument is invalid
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple, TypeVar

import attrs

from .aliases import PLACEHOLDERS
from .envelope import Envelope
from .errors import LocalProtocolError, ProtocolError, RemoteProtocolError
from .message_facts import Facts, facts_of
from .messages import MULTICAST, by_action
from .ordering import state as _state
from .ordering.protocol import BrokenRuleError
from .ordering.state import ROLES, Role
from .ordering.step import PROTOCOLS, Step, pairing_rules
from .ordering_rules import ORDERING_RULES, DspRule
from .report import Problem, Profile
from .rules import RULES, Rule

__all__ = [
    "DEFAULT_WINDOW",
    "JOB_TIMEOUT",
    "ROLES",
    "About",
    "JobSummary",
    "LocalProtocolError",
    "Problem",
    "ProtocolError",
    "RemoteProtocolError",
    "Role",
    "Session",
    "about",
    "refusal",
]

#: How long a scan server keeps a job open without EndPostScanJob (MS-BDSRR 2.2.5.11).
JOB_TIMEOUT = timedelta(minutes=10)
#: For how many messages a session remembers a finished job, an answered request and a
#: MessageID (see :class:`Session`).
DEFAULT_WINDOW = 10_000

# Who sends what: (protocol, kind) -> sending role. Faults go the way of responses.
_SENDER: dict[tuple[str, str], Role] = {
    (protocol.name, kind): role
    for protocol in PROTOCOLS.values()
    for kind, role in protocol.senders.items()
}

_Error = TypeVar("_Error", bound=ProtocolError)


def refusal(
    error: type[_Error], rule: str, message: str, envelope: Envelope, index: int | None = None
) -> _Error:
    """The exception refusing ``envelope`` for breaking ``rule`` (an ordering rule or a
    validator rule), carrying the fault the rule's row answers a message of its protocol with.
    """
    row: Rule = ORDERING_RULES[rule] if rule in ORDERING_RULES else RULES[rule]
    announced = by_action(envelope.action.strip())
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
    """

    protocol: str
    operation: str
    kind: str
    job: str | None = None
    document_id: str | None = None
    sender: Role | None = None


def about(envelope: Envelope) -> About:
    """What ``envelope`` is about.

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
        sender=_SENDER.get((facts.protocol, kind)),
    )


class Session:
    """The conversation state of one endpoint (or of an observer of both).

    ``window`` is how many messages a finished job, an answered request or a used MessageID
    stays known after the message that finished, answered or used it (``None``: forever). A
    message among those ``window`` messages is checked against it; a later one is not. Only
    applied messages count: a refused one changes nothing, the window included.
    """

    def __init__(
        self, role: Role, *, profile: Profile = "strict", window: int | None = DEFAULT_WINDOW
    ) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if window is not None and window < 1:
            raise ValueError(f"window must be at least 1 message, or None, not {window!r}")
        self.window = window
        #: How many messages were applied (refused ones do not count).
        self.applied = 0
        self.role: Role = role
        #: In the lenient profile a documentation placeholder MessageID (``uuid:UniqueMsgId``)
        #: identifies nothing, so it is not held against uniqueness or correlation.
        self.profile: Profile = profile
        self.warnings: list[Problem] = []
        #: Violations found in events that overtook the answer revealing their job (an event
        #: may arrive before the response that mints its token; it is held until the token is
        #: known): the message that revealed the token was fine, so nothing was raised for it.
        self.deferred: list[Problem] = []
        self._world = _state.World()
        self._now: datetime | None = None
        #: Entries written or dropped by the last applied message (what it cost).
        self._touched = 0

    # -- driving -------------------------------------------------------------------------
    def send(
        self, envelope: Envelope, *, index: int | None = None, at: datetime | None = None
    ) -> None:
        """Apply a message this endpoint is about to send (at time ``at``, when known)."""
        if self.role == "observer":
            raise ValueError("an observer neither sends nor receives; use observe()")
        self._apply(envelope, index, at, sender=self.role, error=LocalProtocolError)

    def receive(
        self, envelope: Envelope, *, index: int | None = None, at: datetime | None = None
    ) -> None:
        """Apply a message that arrived from the peer (at time ``at``, when known)."""
        if self.role == "observer":
            raise ValueError("an observer neither sends nor receives; use observe()")
        self._apply(envelope, index, at, sender=None, error=RemoteProtocolError)

    def observe(
        self, envelope: Envelope, *, index: int | None = None, at: datetime | None = None
    ) -> None:
        """Apply a message seen on the wire, in either direction (observer role), at time
        ``at`` when known (a capture's timestamp)."""
        self._apply(envelope, index, at, sender="observer", error=RemoteProtocolError)

    def advance(self, now: datetime) -> tuple[str, ...]:
        """Move the clock to ``now``; returns the JobTokens whose 10 minutes without
        EndPostScanJob ran out (a scan server ends them with reason PostScanJobTimedOut).

        A job's 10 minutes count from the last message about it whose time the session knew
        (``at``, or the clock's last ``advance``); a job seen before the session knew any time
        starts counting at the first ``advance``."""
        self._now = now
        expired = []
        world = self._world
        for token, job in world.dsp_jobs.items():
            if job.phase != "open" or job.timed_out:
                continue
            if job.last_activity is None:  # created before the clock was first given
                world.dsp_jobs[token] = attrs.evolve(job, last_activity=now)
            elif now - job.last_activity >= JOB_TIMEOUT:
                world.dsp_jobs[token] = attrs.evolve(job, timed_out=True)
                expired.append(token)
        world.log.clear()  # the clock is no message: nothing here is ever undone
        return tuple(expired)

    def finish(self) -> list[Problem]:
        """What is still open at the end of a transcript: unanswered requests, WS-DSP jobs
        never ended (nor timed out), and events held for JobTokens that never appeared."""
        problems = []
        pending = sorted(self._world.pending.items(), key=lambda item: item[1].arrived)
        for message_id, request in pending:
            if (request.protocol, request.operation) in MULTICAST:
                continue  # no device matching is no answer owed
            problems.append(
                self._problem(
                    pairing_rules(request.protocol).unanswered,
                    f"{request.operation} request {message_id} was never answered",
                    request.index,
                )
            )
        for token, job in self._world.dsp_jobs.items():
            if job.phase == "open" and not job.timed_out:
                problems.append(
                    self._problem(
                        DspRule.R11_OPEN,
                        f"job {token!r} is still open: never ended, canceled or finished",
                        job.minted_at,
                    )
                )
        for token, events in self._world.held.items():
            for index, facts, _ in events:
                problems.append(
                    self._problem(
                        DspRule.R3,
                        f"{facts.operation} for JobToken {token!r}, which no "
                        "CreatePostScanJobResponse minted",
                        index,
                    )
                )
        return problems

    def _problem(self, rule: str, message: str, index: int | None) -> Problem:
        return ORDERING_RULES[rule].problem(self.profile, message, index=index)

    # -- what the session knows, for reports -----------------------------------------------
    def jobs(self) -> list[JobSummary]:
        """Every job the session knows (open, or finished within the window), in the order
        they appeared."""
        out = [
            JobSummary("dsp", token, job.state, job.phase)
            for token, job in self._world.dsp_jobs.items()
        ]
        for (protocol, job_id), job in self._world.jobs.items():
            phase = "finished" if job.ended else "open"
            out.append(JobSummary(protocol, job_id, job.end_state or job.state, phase))
        return out

    # -- the engine ------------------------------------------------------------------------
    def _apply(
        self,
        envelope: Envelope,
        index: int | None,
        at: datetime | None,
        *,
        sender: Role | None,
        error: type[ProtocolError],
    ) -> None:
        facts = facts_of(envelope)
        now = self._now if at is None else at
        world = self._world
        world.log.clear()
        # the few values that are not tables, kept as they were before the message
        scalars = (world.last_create_failed, world.last_summary, world.subscribed)
        warnings: list[Problem] = []
        deferred: list[Problem] = []
        closed: list[tuple[str, Any]] = []
        try:
            step = Step(
                world,
                profile=self.profile,
                warnings=warnings,
                deferred=deferred,
                closed=closed,
                index=index,
                now=now,
                arrived=self.applied,
            )
            self._check_role(step, facts, sender)
            if self.profile == "lenient" and facts.message_id in PLACEHOLDERS:
                facts = attrs.evolve(facts, message_id=None)
            step.apply(facts, envelope)
        except BrokenRuleError as broken:
            world.undo()  # a refused message changes nothing
            world.last_create_failed, world.last_summary, world.subscribed = scalars
            if facts.kind == "request" and facts.message_id is not None:
                # nothing else changes: only the fault owed for it may now relate to it
                world.refused[facts.message_id] = facts.protocol
                self._close(("refused", facts.message_id))
            raise refusal(error, broken.rule, broken.message, envelope, index) from None
        self.applied += 1
        self._touched = len(world.log)
        world.log.clear()
        self._now = now
        self.warnings.extend(warnings)
        self.deferred.extend(deferred)
        for entry in closed:
            self._close(entry)
        self._forget()

    def _close(self, entry: tuple[str, Any]) -> None:
        """Start the window of an entry that closed with the last message."""
        if self.window is not None:
            self._world.closed[entry] = self.applied
            self._world.expiry.append((self.applied, *entry))

    def _forget(self) -> None:
        """Drop what closed ``window`` messages ago (each entry once: O(1) per message,
        amortized)."""
        if self.window is None:
            return
        world = self._world
        horizon = self.applied - self.window
        while world.expiry and world.expiry[0][0] <= horizon:
            count, name, key = world.expiry.popleft()
            self._touched += 1
            if world.closed.get((name, key)) != count:
                continue  # it closed again later: its newer entry decides
            del world.closed[name, key]
            table: dict[Any, Any] = getattr(world, name)
            value = table.get(key, _state.MISSING)
            still_closed = _state.STILL_CLOSED.get(name)
            if value is not _state.MISSING and (still_closed is None or still_closed(value)):
                dict.__delitem__(table, key)

    def state_size(self) -> int:
        """How many entries the session holds (jobs, requests, MessageIDs, conditions, held
        events, and what waits to be forgotten): what is open plus at most ``window``
        messages' worth of what closed, however long the conversation."""
        return self._world.size()

    def _check_role(self, step: Step, facts: Facts, sender: Role | None) -> None:
        protocol = PROTOCOLS.get(facts.protocol)
        if sender == "observer" or protocol is None:
            return
        kind = "response" if facts.kind == "fault" else facts.kind
        expected = _SENDER.get((facts.protocol, kind))
        if expected is None:
            return
        if sender is None:  # received: the peer sent it, so we must not be its sender
            if expected == self.role:
                step.breach(
                    protocol.role,
                    f"a {facts.protocol} {kind} arrived, but only a {self.role} sends those",
                )
        elif expected != sender:
            step.breach(
                protocol.role,
                f"a {sender} does not send a {facts.protocol} {kind} ({facts.operation})",
            )
