"""Sans-I/O conversation state: which DSM message may come next, per endpoint and role.

A :class:`Session` is driven with parsed envelopes: ``send()`` for what this endpoint is about
to send, ``receive()`` for what arrived. A message that breaks a MUST rule raises
:class:`LocalProtocolError` (we were about to break it) or :class:`RemoteProtocolError` (the
peer did), naming the rule (:mod:`dsm_messages.ordering_rules`) and the fault to answer with,
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

from collections import deque
from collections.abc import Hashable, Iterable
from datetime import datetime, timedelta
from typing import Any, Literal, NamedTuple, TypeVar

import attrs

from .envelope import Envelope
from .errors import DsmError
from .faults import Fault, fault_for
from .job_states import (
    DSD_FIRST_STATES,
    DSD_JOB_STATES,
    DSP_JOB_PHASES,
    DSP_REFUSED_BY,
    FILTER_STATES,
    FINAL_FILTER_STATES,
    FINAL_JOB_STATES,
    POST_SCAN_JOB_STATES,
    allowed,
    completion_problem,
    is_vendor,
    reasons_fit,
)
from .message_facts import Facts, JobReport, facts_of
from .messages import MULTICAST, by_action
from .ordering_rules import ORDERING_RULES
from .rules import RULES, Profile
from .timestamps import before
from .validator import PLACEHOLDERS

Role = Literal["device", "scan_server", "control_point", "observer"]
ROLES: tuple[Role, ...] = ("device", "scan_server", "control_point", "observer")
#: How long a scan server keeps a job open without EndPostScanJob (MS-BDSRR 2.2.5.11).
JOB_TIMEOUT = timedelta(minutes=10)
#: For how many messages a session remembers a finished job, an answered request and a
#: MessageID (see :class:`Session`).
DEFAULT_WINDOW = 10_000

# Who sends what: (protocol, kind) -> sending role. Faults go the way of responses.
_SENDER: dict[tuple[str, str], Role] = {
    ("dsp", "request"): "device",
    ("dsp", "response"): "scan_server",
    ("dsp", "event"): "scan_server",
    ("dsd", "request"): "control_point",
    ("dsd", "response"): "device",
    ("dsd", "event"): "device",
    ("dsc", "request"): "control_point",
    ("dsc", "response"): "scan_server",
    ("dsc", "event"): "scan_server",
}
_ROLE_RULE = {"dsp": "DSP-39", "dsd": "DSD-ROLE", "dsc": "DSC-ROLE"}
# Pairing rules per protocol: (MessageID reused, RelatesTo unknown, second reply, unanswered)
_PAIRING = {
    "dsp": ("DSP-19", "DSP-18", "DSP-17", "DSP-17-UNANSWERED"),
    "dsd": ("DSD-23", "DSD-23", "DSD-23", "DSD-23-UNANSWERED"),
    "dsc": ("DSC-PAIRING", "DSC-PAIRING", "DSC-PAIRING", "DSC-PAIRING-UNANSWERED"),
}
_GENERIC_PAIRING = ("WSA-PAIRING", "WSA-PAIRING", "WSA-PAIRING", "DSP-17-UNANSWERED")
_DSP_JOB_REQUESTS = ("SendImage", "EndPostScanJob", "CancelPostScanJob", "GetPostScanJobElements")
_MAX_JOB_ID = 2**31 - 1


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


@attrs.frozen(kw_only=True)
class Problem:
    """A broken ordering rule: which, about which message (its position in a transcript when
    the session was given one), and why."""

    rule: str
    message: str
    index: int | None = None

    @property
    def severity(self) -> str:
        return ORDERING_RULES[self.rule].severity


class ProtocolError(DsmError):
    """A message that breaks a MUST rule: ``rule`` (an ordering rule id, or a validator code
    when the message could not be read), ``reason``, the ``envelope`` (for a message that could
    not be read, the addressing headers that could be), and ``fault``: the
    :class:`~dsm_messages.faults.Fault` to answer a refused request with (``None`` when the
    message is no request or no fault fits)."""

    def __init__(
        self, rule: str, message: str, envelope: Envelope, index: int | None = None
    ) -> None:
        super().__init__(f"{rule}: {message}")
        self.rule = rule
        self.reason = message
        self.envelope = envelope
        self.index = index
        hint = ORDERING_RULES[rule].fault if rule in ORDERING_RULES else RULES[rule].fault
        announced = by_action(envelope.action.strip())
        self.fault: Fault | None = fault_for(hint, announced.protocol if announced else None)

    def __reduce__(self) -> tuple[type[ProtocolError], tuple[str, str, Envelope, int | None]]:
        # rebuilt from what it was made of: the default passes only the message
        return type(self), (self.rule, self.reason, self.envelope, self.index)


class LocalProtocolError(ProtocolError):
    """This endpoint was about to break the protocol."""


class RemoteProtocolError(ProtocolError):
    """The peer broke the protocol."""


class _BrokenRuleError(Exception):
    def __init__(self, rule: str, message: str) -> None:
        self.rule = rule
        self.message = message


@attrs.frozen(kw_only=True)
class Pending:
    protocol: str
    operation: str
    index: int | None
    job: str | None
    requested: tuple[str, ...] = ()
    document_id: str | None = None
    #: a CreatePostScanJobRequest's filter dialects and PSP_Identifier, for the job it mints
    dialects: tuple[str, ...] = ()
    psp_identifier: str | None = None
    #: how many messages the session had applied when the request came (its place in line)
    arrived: int = 0


@attrs.frozen(kw_only=True)
class DspJob:
    """A WS-DSP job as the conversation shows it."""

    token: str
    phase: str = "open"
    state: str | None = None
    images_sent: int = 0
    images_answered: int = 0
    images_outstanding: int = 0
    document_ids: frozenset[str] = frozenset()
    dialects: tuple[str, ...] = ()
    psp_identifier: str | None = None
    count: int | None = None
    filters: tuple[tuple[str, str], ...] = ()
    last_activity: datetime | None = None
    timed_out: bool = False
    end_sent: bool = False
    end_answered: bool = False
    cancel_sent: bool = False
    created: str | None = None
    #: Where in the transcript the job's token was minted (its CreatePostScanJobResponse).
    minted_at: int | None = None


@attrs.frozen(kw_only=True)
class ReportedJob:
    """A WS-DSD or WS-DSC job, known only from what the host reports about it."""

    protocol: str
    job: str
    state: str | None = None
    ended: bool = False
    end_state: str | None = None
    count: int | None = None
    filters: tuple[tuple[str, str], ...] = ()
    last: JobReport | None = None


@attrs.frozen(kw_only=True)
class Condition:
    id: str
    time: str | None
    cleared: bool = False


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")
_MISSING: Any = object()
#: (table, key, value before the write, or _MISSING where the key was absent)
_Write = tuple[dict[Any, Any], Any, Any]


class _Table(dict[_K, _V]):
    """A dict that logs every write, so that the writes of a refused message can be undone.

    Only item assignment, ``del`` and :meth:`take` write (nothing else is used on a table).
    """

    __slots__ = ("_log",)

    def __init__(self, log: list[_Write]) -> None:
        super().__init__()
        self._log = log

    def __setitem__(self, key: _K, value: _V) -> None:
        self._log.append((self, key, dict.get(self, key, _MISSING)))
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: _K) -> None:
        self._log.append((self, key, dict.__getitem__(self, key)))
        dict.__delitem__(self, key)

    def take(self, key: _K, default: _V) -> _V:
        """Remove ``key`` and return its value (``default`` when absent)."""
        if key not in self:
            return default
        value = dict.__getitem__(self, key)
        del self[key]
        return value


class _World:
    """Everything a session knows. Writes are logged (``log``) while a message is applied."""

    def __init__(self) -> None:
        self.log: list[_Write] = []
        self.pending: _Table[str, Pending] = _Table(self.log)
        self.answered: _Table[str, str] = _Table(self.log)  # MessageID -> protocol of request
        #: Requests this endpoint refused: the fault it owes may still be sent (as h11 lets a
        #: server answer the request that broke the protocol with an error response).
        self.refused: _Table[str, str] = _Table(self.log)
        self.message_ids: _Table[str, None] = _Table(self.log)
        self.last_create_failed = False
        self.dsp_jobs: _Table[str, DspJob] = _Table(self.log)
        self.held: _Table[str, tuple[tuple[int | None, Facts, Envelope], ...]] = _Table(self.log)
        self.jobs: _Table[tuple[str, str], ReportedJob] = _Table(self.log)
        self.conditions: _Table[str, Condition] = _Table(self.log)
        self.last_summary: tuple[str, ...] | None = None
        self.subscribed: frozenset[str] = frozenset()  # protocols a subscription covers
        #: What closed, oldest first: (message count when it closed, table, key); ``closed``
        #: holds the latest count per (table, key), so that an entry that reopened and closed
        #: again is dropped only a window after its last closing.
        self.expiry: deque[tuple[int, str, Any]] = deque()
        self.closed: dict[tuple[str, Any], int] = {}

    def undo(self) -> None:
        """Take back every logged write, newest first."""
        for table, key, earlier in reversed(self.log):
            if earlier is _MISSING:
                dict.pop(table, key, None)
            else:
                dict.__setitem__(table, key, earlier)
        self.log.clear()

    def size(self) -> int:
        return (
            len(self.pending)
            + len(self.answered)
            + len(self.refused)
            + len(self.message_ids)
            + len(self.dsp_jobs)
            + len(self.held)
            + len(self.jobs)
            + len(self.conditions)
            + len(self.expiry)
        )


#: table -> whether an entry of it is still closed (one that reopened is not dropped)
_STILL_CLOSED: dict[str, Any] = {
    "dsp_jobs": lambda job: job.phase == "finished",
    "jobs": lambda job: job.ended,
    "conditions": lambda condition: condition.cleared,
}


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
        #: Violations found in held events when their job appeared (rule DSP-22's tolerance):
        #: the message that revealed the token was fine, so nothing was raised for it.
        self.deferred: list[Problem] = []
        self._world = _World()
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
            rule = _PAIRING.get(request.protocol, _GENERIC_PAIRING)[3]
            problems.append(
                Problem(
                    rule=rule,
                    message=f"{request.operation} request {message_id} was never answered",
                    index=request.index,
                )
            )
        for token, job in self._world.dsp_jobs.items():
            if job.phase == "open" and not job.timed_out:
                problems.append(
                    Problem(
                        rule="DSP-11-OPEN",
                        message=f"job {token!r} is still open: never ended, canceled or finished",
                        index=job.minted_at,
                    )
                )
        for token, events in self._world.held.items():
            for index, facts, _ in events:
                problems.append(
                    Problem(
                        rule="DSP-3",
                        message=f"{facts.operation} for JobToken {token!r}, which no "
                        "CreatePostScanJobResponse minted",
                        index=index,
                    )
                )
        return problems

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
            self._check_role(facts, sender)
            if self.profile == "lenient" and facts.message_id in PLACEHOLDERS:
                facts = attrs.evolve(facts, message_id=None)
            _Step(world, warnings, deferred, closed, index, now, self.applied).apply(
                facts, envelope
            )
        except _BrokenRuleError as broken:
            world.undo()  # a refused message changes nothing
            world.last_create_failed, world.last_summary, world.subscribed = scalars
            if facts.kind == "request" and facts.message_id is not None:
                # nothing else changes: only the fault owed for it may now relate to it
                world.refused[facts.message_id] = facts.protocol
                self._close(("refused", facts.message_id))
            raise error(broken.rule, broken.message, envelope, index) from None
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
            value = table.get(key, _MISSING)
            still_closed = _STILL_CLOSED.get(name)
            if value is not _MISSING and (still_closed is None or still_closed(value)):
                dict.__delitem__(table, key)

    def state_size(self) -> int:
        """How many entries the session holds (jobs, requests, MessageIDs, conditions, held
        events, and what waits to be forgotten): what is open plus at most ``window``
        messages' worth of what closed, however long the conversation."""
        return self._world.size()

    def _check_role(self, facts: Facts, sender: Role | None) -> None:
        if sender == "observer" or facts.protocol not in _ROLE_RULE:
            return
        kind = "response" if facts.kind == "fault" else facts.kind
        expected = _SENDER.get((facts.protocol, kind))
        if expected is None:
            return
        if sender is None:  # received: the peer sent it, so we must not be its sender
            if expected == self.role:
                raise _BrokenRuleError(
                    _ROLE_RULE[facts.protocol],
                    f"a {facts.protocol} {kind} arrived, but only a {self.role} sends those",
                )
        elif expected != sender:
            raise _BrokenRuleError(
                _ROLE_RULE[facts.protocol],
                f"a {sender} does not send a {facts.protocol} {kind} ({facts.operation})",
            )


class _Step:
    """Applies one message to the world; ``closed`` collects what it finished, answered or
    used, whose window starts once the message is applied."""

    def __init__(
        self,
        world: _World,
        warnings: list[Problem],
        deferred: list[Problem],
        closed: list[tuple[str, Any]],
        index: int | None,
        now: datetime | None,
        arrived: int,
    ) -> None:
        self.world = world
        self.warnings = warnings
        self.deferred = deferred
        self.closed = closed
        self.index = index
        self.now = now
        self.arrived = arrived

    def warn(self, rule: str, message: str) -> None:
        self.warnings.append(Problem(rule=rule, message=message, index=self.index))

    def apply(self, facts: Facts, envelope: Envelope) -> None:
        request = self._correlate(facts)
        if facts.protocol == "wse" and facts.kind == "response" and facts.operation == "Subscribe":
            self.world.subscribed = frozenset({"dsp", "dsd", "dsc"})
        if facts.protocol == "dsp" or (request is not None and request.protocol == "dsp"):
            self._dsp(facts, envelope, request)
        elif facts.protocol in ("dsd", "dsc") or request is not None:
            self._reported(facts, request)

    # -- request/response pairing ----------------------------------------------------------
    def _correlate(self, facts: Facts) -> Pending | None:
        world = self.world
        rules = _PAIRING.get(facts.protocol, _GENERIC_PAIRING)
        if facts.message_id is not None:
            # (a pending request's MessageID is in use however long it waits for its reply)
            if facts.message_id in world.message_ids or facts.message_id in world.pending:
                raise _BrokenRuleError(rules[0], f"MessageID {facts.message_id} was used before")
            world.message_ids[facts.message_id] = None
            self.closed.append(("message_ids", facts.message_id))
        if facts.kind == "request":
            if facts.message_id is not None:
                world.pending[facts.message_id] = Pending(
                    protocol=facts.protocol,
                    operation=facts.operation,
                    index=self.index,
                    job=facts.job,
                    requested=facts.requested,
                    document_id=facts.document_id,
                    dialects=facts.dialects,
                    psp_identifier=facts.psp_identifier,
                    arrived=self.arrived,
                )
            return None
        if facts.kind not in ("response", "fault"):
            return None
        relates = facts.relates_to
        request = world.pending.get(relates) if relates is not None else None
        if request is None:
            if relates is not None and facts.kind == "fault" and relates in world.refused:
                world.answered[relates] = world.refused.take(relates, "")
                self.closed.append(("answered", relates))
                return None  # the fault owed for a refused request: nothing else to apply
            if relates is not None and relates in world.answered:
                protocol = world.answered[relates]
                rule = _PAIRING.get(protocol, _GENERIC_PAIRING)[2]
                raise _BrokenRuleError(rule, f"request {relates} was already answered")
            # (a fault's protocol is soap: the generic rule, as no request tells which)
            raise _BrokenRuleError(
                rules[1], f"RelatesTo {relates} names no request of this conversation"
            )
        rules = _PAIRING.get(request.protocol, _GENERIC_PAIRING)
        if facts.kind == "response" and (
            (facts.protocol, facts.operation) != (request.protocol, request.operation)
        ):
            raise _BrokenRuleError(
                rules[1],
                f"{facts.operation} response relates to a {request.operation} request",
            )
        assert relates is not None  # a request was found by it
        if (request.protocol, request.operation) in MULTICAST:
            return request  # every device that matches answers: the request stays open
        del world.pending[relates]
        world.answered[relates] = request.protocol
        self.closed.append(("answered", relates))
        return request

    # -- WS-DSP ----------------------------------------------------------------------------
    def _dsp(self, facts: Facts, envelope: Envelope, request: Pending | None) -> None:
        world = self.world
        if facts.kind == "fault" and request is not None:
            known = request.job or ""
            if request.operation == "CreatePostScanJob":
                world.last_create_failed = True
            elif request.operation == "SendImage" and known in world.dsp_jobs:
                # the image was not received: the device may send it again (section 6 retry)
                job = world.dsp_jobs[known]
                world.dsp_jobs[known] = attrs.evolve(
                    job,
                    images_outstanding=max(job.images_outstanding - 1, 0),
                    images_sent=max(job.images_sent - 1, 0),
                    document_ids=job.document_ids - {request.document_id or ""},
                )
            elif request.operation == "EndPostScanJob" and known in world.dsp_jobs:
                job = world.dsp_jobs[known]
                if job.phase == "ending":  # not ended: EndPostScanJob may be sent again
                    world.dsp_jobs[known] = attrs.evolve(job, phase="open", end_sent=False)
            return
        if facts.operation == "CreatePostScanJob":
            if facts.kind != "request":
                self._mint(facts, request)
            return
        token = facts.job if facts.job is not None else (request.job if request else None)
        if token is None:
            return
        if facts.kind == "event":
            self._dsp_event(facts, envelope, token)
            return
        if facts.kind == "request":
            self._dsp_request(facts, token)
        elif facts.kind == "response":
            self._dsp_response(facts, token, request)

    def _known_job(self, token: str) -> DspJob:
        job = self.world.dsp_jobs.get(token)
        if job is not None:
            return job
        near = [
            known
            for known in self.world.dsp_jobs
            if known.strip().lower() == token.strip().lower()
        ]
        if near:
            raise _BrokenRuleError(
                "DSP-2", f"JobToken {token!r} is not byte for byte the minted {near[0]!r}"
            )
        if self.world.last_create_failed:
            raise _BrokenRuleError(
                "DSP-4", f"JobToken {token!r}: the last CreatePostScanJob ended in a fault"
            )
        raise _BrokenRuleError(
            "DSP-1", f"JobToken {token!r} was not minted by a CreatePostScanJobResponse"
        )

    def _move(self, job: DspJob, message: str) -> DspJob:
        after = DSP_JOB_PHASES[job.phase].get(message)
        if after is None:
            rule = DSP_REFUSED_BY.get((job.phase, message))
            if rule is None:
                return job  # not a phase matter
            raise _BrokenRuleError(
                rule, f"{message} for JobToken {job.token!r} while the job is {job.phase}"
            )
        return attrs.evolve(job, phase=after)

    def _dsp_request(self, facts: Facts, token: str) -> None:
        job = self._known_job(token)
        if job.timed_out:
            self.warn("DSP-11", f"{facts.operation} for JobToken {token!r}, which timed out")
        if facts.operation == "GetPostScanJobElements":
            return
        if facts.operation in ("SendImage", "EndPostScanJob") and job.cancel_sent:
            raise _BrokenRuleError("DSP-13", f"{facts.operation} after CancelPostScanJob")
        if facts.operation == "EndPostScanJob" and job.end_sent:
            raise _BrokenRuleError("DSP-9", f"a second EndPostScanJob for JobToken {token!r}")
        job = self._move(job, facts.operation)
        if facts.operation == "EndPostScanJob":
            job = attrs.evolve(job, end_sent=True)
        elif facts.operation == "CancelPostScanJob":
            job = attrs.evolve(job, cancel_sent=True)
        if facts.operation == "SendImage":
            if facts.document_id is not None and facts.document_id in job.document_ids:
                raise _BrokenRuleError(
                    "DSP-7", f"DocumentId {facts.document_id} was already sent in this job"
                )
            if job.images_outstanding:
                self.warn("DSP-8", "SendImage sent while the previous one is unanswered")
            job = attrs.evolve(
                job,
                images_sent=job.images_sent + 1,
                images_outstanding=job.images_outstanding + 1,
                document_ids=job.document_ids | {facts.document_id or ""},
                last_activity=self.now or job.last_activity,
            )
        elif facts.operation == "EndPostScanJob":
            if job.images_outstanding:
                raise _BrokenRuleError(
                    "DSP-9", f"EndPostScanJob while {job.images_outstanding} SendImage unanswered"
                )
            if job.images_sent == 0:
                self.warn("DSP-6", f"job {token!r} ended with no image sent")
        self.world.dsp_jobs[token] = job

    def _dsp_response(self, facts: Facts, token: str, request: Pending | None) -> None:
        job = self.world.dsp_jobs.get(token if request is None else request.job or token)
        if job is None:
            return
        if facts.operation == "SendImage":
            job = attrs.evolve(
                job,
                images_outstanding=max(job.images_outstanding - 1, 0),
                images_answered=job.images_answered + 1,
            )
        elif facts.operation == "EndPostScanJob":
            job = attrs.evolve(self._move(job, "EndPostScanJobResponse"), end_answered=True)
        elif facts.operation == "GetPostScanJobElements" and request is not None:
            self._mirror(facts, request, "DSP-16", order_rule="DSP-16")
            for report in facts.reports:
                if report.job == job.token:
                    job = self._dsp_report(job, report)
        self.world.dsp_jobs[job.token] = job

    def _mint(self, facts: Facts, create: Pending | None) -> None:
        token = facts.minted_token
        if token is None:
            return
        if token in self.world.dsp_jobs:
            raise _BrokenRuleError("DSP-2", f"JobToken {token!r} was minted twice")
        self.world.last_create_failed = False
        self.world.dsp_jobs[token] = DspJob(
            token=token,
            dialects=create.dialects if create else (),
            psp_identifier=create.psp_identifier if create else None,
            last_activity=self.now,
            minted_at=self.index,
        )
        for index, held, envelope in self.world.held.take(token, ()):
            step = _Step(
                self.world,
                self.warnings,
                self.deferred,
                self.closed,
                index,
                self.now,
                self.arrived,
            )
            try:
                step._dsp_event(held, envelope, token)
            except _BrokenRuleError as broken:
                self.deferred.append(
                    Problem(rule=broken.rule, message=broken.message, index=index)
                )

    def _dsp_event(self, facts: Facts, envelope: Envelope, token: str) -> None:
        world = self.world
        if "dsp" not in world.subscribed:
            self.warn("DSP-20", f"{facts.operation} although no subscription was seen")
            world.subscribed |= {"dsp"}  # say it once
        job = world.dsp_jobs.get(token)
        if job is None:
            # rule 22: the event may overtake the response that reveals its token
            world.held[token] = (*world.held.get(token, ()), (self.index, facts, envelope))
            return
        for report in facts.reports:
            if report.final:
                job = self._move(job, "PostScanJobEndStateEvent")
                if report.state == "Completed" and not job.end_answered:
                    raise _BrokenRuleError(
                        "DSP-25", "a Completed end state before EndPostScanJob was answered"
                    )
                job = self._dsp_final(job, report)
            else:
                if job.phase == "finished":
                    raise _BrokenRuleError(
                        "DSP-26", f"status event after the end state of job {token!r}"
                    )
                job = self._dsp_report(job, report)
        world.dsp_jobs[token] = job
        if job.phase == "finished":
            self.closed.append(("dsp_jobs", token))

    def _dsp_report(self, job: DspJob, report: JobReport) -> DspJob:
        state = report.state
        if state is not None and job.state is not None and state != job.state:
            if job.state in FINAL_JOB_STATES and not is_vendor(state):
                raise _BrokenRuleError(
                    "DSP-28", f"job {job.token!r} reported {state} after {job.state}"
                )
            if not allowed(POST_SCAN_JOB_STATES, job.state, state):
                self.warn(
                    "DSP-28-BACKWARD", f"job {job.token!r} moved from {job.state} to {state}"
                )
        if report.count is not None and job.count is not None and report.count < job.count:
            self.warn("DSP-34", f"ImagesReceived went from {job.count} down to {report.count}")
        self._filters(job.filters, report.filters, "DSP-32")
        if job.dialects and report.filters:
            reported = {dialect for dialect, _ in report.filters}
            if reported != set(job.dialects):
                self.warn("DSP-33", "filter dialects differ from the job's instructions")
        self._times(report, state or job.state, "DSP-35")
        return attrs.evolve(
            job,
            state=state or job.state,
            count=report.count if report.count is not None else job.count,
            filters=report.filters or job.filters,
            created=report.created or job.created,
        )

    def _dsp_final(self, job: DspJob, report: JobReport) -> DspJob:
        state = report.state or ""
        if state not in FINAL_JOB_STATES and not is_vendor(state):
            raise _BrokenRuleError(
                "DSP-30", f"end state {state!r} is not Aborted, Canceled or Completed"
            )
        if job.state in FINAL_JOB_STATES and state != job.state and not is_vendor(state):
            raise _BrokenRuleError(
                "DSP-28", f"end state {state} after the final state {job.state}"
            )
        self._times(attrs.evolve(report, created=job.created), state, "DSP-35")
        self._reasons(state, report.reasons, "DSP-31")
        for dialect, filter_state in report.filters:
            if filter_state not in FINAL_FILTER_STATES and not is_vendor(filter_state):
                self.warn("DSP-32", f"filter {dialect} is {filter_state} in the end state")
        if report.count is not None and report.count != job.images_answered and job.images_sent:
            self.warn(
                "DSP-34",
                f"end state counts {report.count} images; {job.images_answered} were accepted",
            )
        if report.psp_identifier and job.psp_identifier not in (None, report.psp_identifier):
            self.warn("DSP-37", "PSP_Identifier differs from the one the job was created with")
        return attrs.evolve(job, state=state, count=report.count)

    # -- WS-DSD and WS-DSC: jobs known from reports ----------------------------------------
    def _reported(self, facts: Facts, request: Pending | None) -> None:
        protocol = (
            facts.protocol
            if facts.protocol in ("dsd", "dsc")
            else (request.protocol if request else "")
        )
        if protocol not in ("dsd", "dsc"):
            return
        if facts.kind == "event" and protocol not in self.world.subscribed:
            self.warn(
                "DSD-22" if protocol == "dsd" else "DSP-20",
                f"{facts.operation} although no subscription was seen",
            )
            self.world.subscribed |= {protocol}
        if facts.kind == "response" and request is not None:
            if facts.operation in ("GetJobElements", "GetScannerElements"):
                self._mirror(facts, request, "DSD-24", order_rule="DSD-24-ORDER")
            if protocol == "dsc" and facts.operation == "CancelPostScanJob":
                job = self.world.jobs.get(("dsc", request.job or ""))
                if job is not None and job.ended:
                    raise _BrokenRuleError(
                        "DSC-CANCEL", f"job {job.job!r} had finished; cancel must fault"
                    )
        for report in facts.reports:
            if protocol == "dsd":
                self._dsd_report(report, in_response=facts.kind == "response")
            else:
                self._dsc_report(report)
        if facts.active_jobs is not None or facts.history_jobs is not None:
            self._lists(facts)
        if protocol == "dsd":
            self._conditions(facts)

    def _job(self, protocol: str, job_id: str) -> ReportedJob:
        return self.world.jobs.get((protocol, job_id)) or ReportedJob(
            protocol=protocol, job=job_id
        )

    def _dsd_report(self, report: JobReport, *, in_response: bool) -> None:
        if not report.job.isdigit() or not 1 <= int(report.job) <= _MAX_JOB_ID:
            raise _BrokenRuleError("DSD-1", f"JobId {report.job!r} is outside 1..{_MAX_JOB_ID}")
        key = ("dsd", report.job)
        known = key in self.world.jobs
        job = self._job("dsd", report.job)
        state = report.state
        if report.final:
            if job.ended:
                raise _BrokenRuleError("DSD-6", f"a second end event for job {report.job}")
            if state == "Terminating":
                self.warn("DSD-7-TERMINATING", f"job {report.job} ends in Terminating")
            if job.state in FINAL_JOB_STATES and state != job.state and not is_vendor(state or ""):
                raise _BrokenRuleError(
                    "DSD-7", f"job {report.job} ends {state} but was reported {job.state}"
                )
            if job.count is not None and report.count is not None and report.count < job.count:
                self.warn("DSD-9", f"ScansCompleted went from {job.count} down to {report.count}")
            self.world.jobs[key] = attrs.evolve(
                job, ended=True, end_state=state, count=report.count
            )
            self.closed.append(("jobs", key))
            return
        if job.ended and not in_response and state in DSD_FIRST_STATES:
            # rule 11: a finished JobId starting over is a new job, reused too soon
            self.warn("DSD-11", f"JobId {report.job} starts a new job after it finished")
            job = ReportedJob(protocol="dsd", job=report.job)
            known = True  # its first-status check is the warning above
        if job.ended:
            if in_response:
                if state not in FINAL_JOB_STATES and not is_vendor(state or ""):
                    raise _BrokenRuleError(
                        "DSD-13", f"job {report.job} reported {state} after its end event"
                    )
                return
            raise _BrokenRuleError(
                "DSD-6", f"status event for job {report.job} after its end event"
            )
        if not known and state is not None and state not in DSD_FIRST_STATES and not in_response:
            self.warn("DSD-2", f"the first status of job {report.job} is {state}")
        before = job.state
        if before is not None and state is not None and not is_vendor(state):
            if before in FINAL_JOB_STATES and state != before:
                raise _BrokenRuleError(
                    "DSD-5", f"job {report.job} reported {state} after {before}"
                )
            if before == "Terminating" and state not in ("Terminating", "Canceled", "Aborted"):
                raise _BrokenRuleError(
                    "DSD-4", f"job {report.job} went from Terminating to {state}"
                )
            if not allowed(DSD_JOB_STATES, before, state):
                raise _BrokenRuleError("DSD-3", f"job {report.job} moved from {before} to {state}")
        if job.last is not None and not in_response and _same_status(job.last, report):
            self.warn("DSD-8", f"status event for job {report.job} repeats the previous one")
        if job.count is not None and report.count is not None and report.count < job.count:
            self.warn("DSD-9", f"ScansCompleted went from {job.count} down to {report.count}")
        self._times(report, state, "DSD-10")
        self.world.jobs[key] = attrs.evolve(
            job,
            state=state or job.state,
            count=report.count if report.count is not None else job.count,
            last=report,
        )

    def _dsc_report(self, report: JobReport) -> None:
        key = ("dsc", report.job)
        job = self._job("dsc", report.job)
        state = report.state
        if report.final:
            if job.ended:
                raise _BrokenRuleError(
                    "DSC-END-STATE", f"a second end state for job {report.job!r}"
                )
            if job.state in FINAL_JOB_STATES and state != job.state and not is_vendor(state or ""):
                raise _BrokenRuleError(
                    "DSC-FINAL", f"end state {state} after the final state {job.state}"
                )
            self._reasons(state or "", report.reasons, "DSP-31")
            self.world.jobs[key] = attrs.evolve(job, ended=True, end_state=state, state=state)
            self.closed.append(("jobs", key))
            return
        if job.ended and state not in FINAL_JOB_STATES:
            raise _BrokenRuleError(
                "DSC-END-STATE", f"job {report.job!r} reported {state} after its end state"
            )
        before = job.state
        if before is not None and state is not None and state != before and not is_vendor(state):
            if before in FINAL_JOB_STATES:
                raise _BrokenRuleError(
                    "DSC-FINAL", f"job {report.job!r} reported {state} after {before}"
                )
            if not allowed(POST_SCAN_JOB_STATES, before, state):
                self.warn("DSC-ORDER", f"job {report.job!r} moved from {before} to {state}")
        self._filters(job.filters, report.filters, "DSC-FILTER")
        self.world.jobs[key] = attrs.evolve(
            job, state=state or job.state, filters=report.filters or job.filters
        )

    def _lists(self, facts: Facts) -> None:
        active = facts.active_jobs or ()
        history = facts.history_jobs or ()
        protocol = facts.protocol
        rule = "DSD-12" if protocol == "dsd" else "DSC-FINAL"
        for report in active:
            if report.state in FINAL_JOB_STATES:
                raise _BrokenRuleError(rule, f"active job {report.job} is {report.state}")
        for report in history:
            if (
                report.state is not None
                and report.state not in FINAL_JOB_STATES
                and not is_vendor(report.state)
            ):
                raise _BrokenRuleError(rule, f"job {report.job} in the history is {report.state}")
        for reports in (active, history):
            ids = [report.job for report in reports]
            if len(ids) != len(set(ids)) and protocol == "dsd":
                self.warn("DSD-12-REPEAT", "a JobId is listed twice")

    def _conditions(self, facts: Facts) -> None:
        world = self.world
        if facts.operation == "ScannerStatusConditionEvent" and facts.condition is not None:
            known = world.conditions.get(facts.condition)
            if known is not None and known.cleared:
                self.warn("DSD-16", f"condition {facts.condition} is used again after it cleared")
            world.conditions[facts.condition] = Condition(
                id=facts.condition, time=facts.condition_time
            )
        elif facts.operation == "ScannerStatusConditionClearedEvent" and facts.condition:
            known = world.conditions.get(facts.condition)
            if known is None:
                raise _BrokenRuleError("DSD-14", f"condition {facts.condition} was never raised")
            if known.cleared:
                raise _BrokenRuleError(
                    "DSD-15", f"condition {facts.condition} was already cleared"
                )
            if before(facts.condition_time, known.time):
                self.warn("DSD-18", f"condition {facts.condition} cleared before it was raised")
            world.conditions[facts.condition] = attrs.evolve(known, cleared=True)
            self.closed.append(("conditions", facts.condition))
        if facts.active_conditions is not None:
            for condition in facts.active_conditions:
                known = world.conditions.get(condition)
                if known is not None and known.cleared:
                    self.warn("DSD-19", f"cleared condition {condition} is listed as active")
                elif known is None:
                    world.conditions[condition] = Condition(id=condition, time=None)
        if facts.summary is not None:
            if world.last_summary == facts.summary:
                self.warn("DSD-20", "status summary event repeats the previous one")
            world.last_summary = facts.summary

    # -- shared checks ---------------------------------------------------------------------
    def _mirror(self, facts: Facts, request: Pending, rule: str, *, order_rule: str) -> None:
        names = [name for name, _ in facts.element_data]
        if sorted(names) != sorted(request.requested):
            message = (
                f"ElementData names {_names(names)} do not mirror the requested "
                f"{_names(request.requested)}"
            )
            if ORDERING_RULES[rule].severity == "warning":
                self.warn(rule, message)
                return
            raise _BrokenRuleError(rule, message)
        if names != list(request.requested):
            self.warn(order_rule, "ElementData come in another order than requested")

    def _filters(
        self, before: tuple[tuple[str, str], ...], after: tuple[tuple[str, str], ...], rule: str
    ) -> None:
        earlier = dict(before)
        for dialect, state in after:
            if dialect in earlier and not allowed(FILTER_STATES, earlier[dialect], state):
                self.warn(rule, f"filter {dialect} moved from {earlier[dialect]} to {state}")

    def _reasons(self, state: str, reasons: tuple[str, ...], rule: str) -> None:
        if not reasons_fit(state, reasons):
            self.warn(rule, f"state {state} with reasons {', '.join(reasons)}")

    def _times(self, report: JobReport, state: str | None, rule: str) -> None:
        problem = completion_problem(state, report.created, report.completed)
        if problem is not None:
            self.warn(rule, f"job {report.job!r}: {problem}")


def _same_status(a: JobReport, b: JobReport) -> bool:
    return attrs.evolve(a, created=None) == attrs.evolve(b, created=None)


def _names(names: Iterable[str]) -> str:
    return "[" + ", ".join(names) + "]"
