"""Sans-I/O conversation state: which DSM message may come next, per endpoint and role.

A :class:`Session` is driven with parsed envelopes: ``send()`` for what this endpoint is about
to send, ``receive()`` for what arrived. A message that breaks a MUST rule raises
:class:`LocalProtocolError` (we were about to break it) or :class:`RemoteProtocolError` (the
peer did), naming the rule (:mod:`dsm_messages.ordering_rules`) and the fault its row answers with,
and changes nothing but one thing: a refused request's (or event's) MessageID is remembered, so
that the one fault answering it may relate to it, and is checked against the fault owed. SHOULD
rules only add to :attr:`Session.warnings`. An ``observer`` sees both directions (a protocol
monitor) and uses ``observe()`` (and ``observe_invalid()`` for a message that failed
validation); it follows a broken answer as its receiver took it
(:mod:`dsm_messages.ordering.following`), so that one broken answer is one problem.

A session forgets, so that a monitor running for weeks keeps flat memory: a finished job, an
answered request and a MessageID are remembered for the ``window`` messages after the one that
finished, answered or used it (:data:`DEFAULT_WINDOW`, 10,000), then dropped. Within the window
the rules that need them still hold (a reused MessageID, DSP-19; a second reply, DSP-17; a
finished WS-DSD JobId starting over, DSD-11; anything sent for a finished job); after it, a
finished job is unknown and an old MessageID new. What is open (jobs, unanswered requests,
raised conditions, events held for a token) is kept until it closes. A WS-DSP job closes
once it is over by any route the protocol allows: its end state seen; its EndPostScanJob or
CancelPostScanJob acknowledged while no subscription owes an end state; or its
``job_timeout`` (:data:`JOB_TIMEOUT`, 10 minutes) without EndPostScanJob run out. Applying a
message costs what it touches, not the length of the conversation: its writes are logged and
undone if it is refused. ``warnings`` and ``deferred`` grow until a long-running caller takes
them with :meth:`Session.drain_problems`.

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

import itertools
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any

import attrs

from .about_message import SENDERS, About, JobSummary, about, refusal
from .aliases import PLACEHOLDERS
from .envelope import Envelope
from .errors import LocalProtocolError, ProtocolError, RemoteProtocolError
from .faults import Fault
from .message_facts import Facts, facts_of
from .messages import EMPTY_BODY_ACTIONS, FAULT_ACTION, MULTICAST, by_action
from .ordering import following
from .ordering import state as _state
from .ordering.pairing import guess_request
from .ordering.protocol import BrokenRuleError
from .ordering.registry import PROTOCOLS, pairing_rules
from .ordering.state import ROLES, Refused, Role
from .ordering.step import Step
from .ordering_rules import ORDERING_RULES, DsmRule, DspRule
from .report import Problem, Profile, Report

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

_NOTHING = Refused(protocol="", operation="", kind="request", rule=DsmRule.INVALID, index=None)


def _stripped(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


class Session:
    """The conversation state of one endpoint (or of an observer of both).

    ``window`` is how many messages a finished job, an answered request or a used MessageID
    stays known after the message that finished, answered or used it (``None``: forever). A
    message among those ``window`` messages is checked against it; a later one is not. Only
    applied messages count: a refused one changes nothing, the window included.
    ``job_timeout`` is how long a WS-DSP job may go without EndPostScanJob before
    :meth:`advance` reports it timed out (:data:`JOB_TIMEOUT`, 10 minutes, by default).

    :param role: whose state this is: ``"device"``, ``"scan_server"``, ``"control_point"``
        (one party: :meth:`send` and :meth:`receive`), or ``"observer"`` (both, seen from
        outside: :meth:`observe`).
    :param profile: ``"lenient"`` tolerates what real peers and Microsoft's examples do (a
        placeholder MessageID identifies nothing); ``"strict"`` keeps the letter.
    :param window: for how many applied messages what closed stays known (``None``: forever).
    :param job_timeout: how long a WS-DSP job may go without EndPostScanJob.
    :raises ValueError: for an unknown role, a window under 1 or a job timeout that is not a
        positive ``timedelta``.
    """

    def __init__(
        self,
        role: Role,
        *,
        profile: Profile = "strict",
        window: int | None = DEFAULT_WINDOW,
        job_timeout: timedelta = JOB_TIMEOUT,
    ) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if window is not None and window < 1:
            raise ValueError(f"window must be at least 1 message, or None, not {window!r}")
        if not isinstance(job_timeout, timedelta) or job_timeout <= timedelta(0):
            raise ValueError(f"job_timeout must be a positive timedelta, not {job_timeout!r}")
        self.window = window
        self.job_timeout = job_timeout
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
        self._serial = itertools.count()  # keys of entries that have no MessageID

    # -- driving -------------------------------------------------------------------------
    def send(
        self, envelope: Envelope, *, index: int | None = None, at: datetime | None = None
    ) -> None:
        """Apply a message this endpoint is about to send (at time ``at``, when known).

        :param envelope: the message, as it will be sent.
        :param index: its position in the conversation, given to the problems it causes.
        :param at: when it is sent, for the job timeout.
        :raises LocalProtocolError: when sending it would break a MUST rule (it changes
            nothing).
        :raises ValueError: for an observer, which neither sends nor receives.
        """
        if self.role == "observer":
            raise ValueError("an observer neither sends nor receives; use observe()")
        self._apply(envelope, index, at, sender=self.role, error=LocalProtocolError)

    def receive(
        self, envelope: Envelope, *, index: int | None = None, at: datetime | None = None
    ) -> None:
        """Apply a message that arrived from the peer (at time ``at``, when known).

        :param envelope: the message, as it was read.
        :param index: its position in the conversation, given to the problems it causes.
        :param at: when it arrived, for the job timeout.
        :raises RemoteProtocolError: when it breaks a MUST rule (it changes nothing); the
            error names the fault to answer with.
        :raises ValueError: for an observer, which neither sends nor receives.
        """
        if self.role == "observer":
            raise ValueError("an observer neither sends nor receives; use observe()")
        self._apply(envelope, index, at, sender=None, error=RemoteProtocolError)

    def observe(
        self,
        envelope: Envelope,
        *,
        index: int | None = None,
        at: datetime | None = None,
        in_reply: bool = False,
    ) -> None:
        """Apply a message seen on the wire, in either direction (observer role), at time
        ``at`` when known (a capture's timestamp).

        ``in_reply`` says the transport carried it back as the reply to a request (an HTTP
        response): a reply that breaks a rule is then still taken as the answer to the
        request it relates to, or most likely answers, and the conversation followed on. A
        response that accepts a request this session refused is the receiver's breach of the
        rule the request broke; it is raised after the observer took the request and its
        response as the receiver did.

        :param envelope: the message, as it was read.
        :param index: its position in the capture, given to the problems it causes.
        :param at: when it was seen, for the job timeout.
        :param in_reply: whether the transport carried it back as a reply.
        :raises RemoteProtocolError: when it breaks a MUST rule; a SHOULD rule broken goes to
            :attr:`warnings`.
        """
        self._apply(
            envelope, index, at, sender="observer", error=RemoteProtocolError, in_reply=in_reply
        )

    def observe_invalid(
        self,
        report: Report,
        envelope: Envelope | None = None,
        *,
        index: int | None = None,
        at: datetime | None = None,
        in_reply: bool | None = None,
    ) -> None:
        """A message seen on the wire that failed validation (``report``), with what could be
        read of it (``envelope``: its addressing headers, as
        :func:`~dsm_messages.envelope.salvage_headers` reads them, or the envelope read
        without validation). Raises :class:`RemoteProtocolError` with rule DSM-INVALID, unless
        it is the correct answer to a request that failed validation itself.

        A request (or event) is refused as the validator refused it: the one fault answering
        it may relate to it (or to nothing, when its MessageID could not be read), and is
        checked against the faults its errors name. An answer closes the request its RelatesTo
        names, or (when ``in_reply``, or when it follows that request at once) the request it
        most likely answers, taken as the request said: what that request created is marked
        unconfirmed. ``in_reply`` is whether the transport carried it as a reply (``None``:
        unknown).

        :param report: the validator's report on the message.
        :param envelope: what could still be read of it (its addressing headers), if anything.
        :param index: its position in the capture, given to the problems it causes.
        :param at: when it was seen, for the job timeout.
        :param in_reply: whether the transport carried it back as a reply; ``None`` when
            unknown.
        :raises RemoteProtocolError: with rule ``DSM-INVALID``, unless it is the correct
            answer to a request that failed validation itself.
        :raises ValueError: for any role but the observer's.
        """
        if self.role != "observer":
            raise ValueError("only an observer reads what failed validation; use observe()")
        headers = envelope if envelope is not None else Envelope(action="", body=None)
        what = following.unread(report, headers)
        codes = ", ".join(sorted({problem.rule for problem in report.errors}))
        invalid = RemoteProtocolError(
            DsmRule.INVALID, f"the message fails validation: {codes}", headers, index
        )
        now = self._now if at is None else at
        world = self._world
        world.log.clear()
        message_id = _stripped(headers.message_id)
        relates = _stripped(headers.relates_to)
        kind = what.kind
        if kind == "unknown":
            answer = following.reply_to(world, relates, what, index, in_reply=bool(in_reply))
            kind = "fault" if in_reply or relates or answer is not None else "request"
            kind = "request" if in_reply is False else kind
        if kind in ("request", "event"):
            owed = following.owed_faults(report, what.protocol)
            refused = Refused(
                protocol=what.protocol,
                operation=what.operation,
                kind=kind,
                rule=DsmRule.INVALID,
                index=index,
                faults=owed,
                facts=following.readable_facts(headers),
                mandatory=following.mandatory(headers),
            )
            if message_id is not None:
                world.refused[message_id] = refused
                self._close(("refused", message_id))
            else:
                key = next(self._serial)
                world.unrelated[key] = refused
                self._close(("unrelated", key))
            world.log.clear()
            raise RemoteProtocolError(
                DsmRule.INVALID, invalid.reason, headers, index, owed[0] if owed else None
            )
        fault = following.fault_of(headers)
        unrelated_only = {problem.rule for problem in report.errors} == {
            DsmRule.RELATES_TO_MISSING
        }
        if kind == "fault" and relates is None and unrelated_only and world.unrelated:
            # the fault refusing a request whose MessageID could not be read: it relates to
            # nothing, as it must, and is the answer owed
            self._answer_unrelated(headers, fault, index, now)
            return
        step = self._step(index, now, followed=True, fault=fault)
        if relates is not None and relates in world.refused:
            refused_request = world.refused.take(relates, _NOTHING)
            world.answered[relates] = refused_request.protocol
            step.closed.append(("answered", relates))
        else:
            paired = following.reply_to(world, relates, what, index, in_reply=bool(in_reply))
            if paired is not None:
                following.answer_unread(step, *paired, headers, what, next(self._serial))
                request = paired[1]
                invalid = RemoteProtocolError(
                    DsmRule.INVALID,
                    f"{invalid.reason}; taken as the answer to the {request.operation} request "
                    f"(message {request.index})",
                    headers,
                    index,
                )
        self._commit(step, now)
        raise invalid

    def _answer_unrelated(
        self, headers: Envelope, fault: Fault | None, index: int | None, now: datetime | None
    ) -> None:
        step = self._step(index, now, fault=fault)
        facts = following.readable_facts(headers)
        if facts is None:
            facts = Facts(
                protocol="soap",
                operation="Fault",
                kind="fault",
                action="",
                message_id=_stripped(headers.message_id),
                relates_to=None,
            )
        try:
            step.apply(facts, headers)
        except BrokenRuleError as broken:  # another fault than the one owed
            self._world.undo()
            follow = self._step(index, now, followed=True, fault=fault)
            follow.apply(facts, headers)
            self._commit(follow, now)
            error = refusal(RemoteProtocolError, broken.rule, broken.message, headers, index)
            raise error from None
        self._commit(step, now)

    def advance(self, now: datetime) -> tuple[str, ...]:
        """Move the clock to ``now``; returns the JobTokens whose ``job_timeout`` (10 minutes
        by default) without EndPostScanJob ran out (a scan server ends them with reason
        PostScanJobTimedOut). A timed-out job is over: its window starts.

        A job's time counts from the last message about it whose time the session knew
        (``at``, or the clock's last ``advance``); a job seen before the session knew any time
        starts counting at the first ``advance``.

        :param now: the time it is now.
        :returns: the JobTokens of the jobs that timed out, in the order they were created.
        """
        self._now = now
        expired = []
        world = self._world
        for token, job in world.dsp_jobs.items():
            if job.phase != "open" or job.timed_out:
                continue
            if job.last_activity is None:  # created before the clock was first given
                world.update(job, last_activity=now)
            elif now - job.last_activity >= self.job_timeout:
                world.update(job, timed_out=True)
                expired.append(token)
        world.log.clear()  # the clock is no message: nothing here is ever undone
        for token in expired:
            self._close(("dsp_jobs", token))
        return tuple(expired)

    def drain_problems(self) -> list[Problem]:
        """The warnings, then the deferred violations, recorded since the last drain, each in
        the order it was recorded (and with its severity); the session forgets them, so that a
        long-running endpoint keeps flat memory."""
        drained = [*self.warnings, *self.deferred]
        self.warnings.clear()
        self.deferred.clear()
        return drained

    def abandon(self, message_id: str) -> bool:
        """Forget a request whose answer will never come (the connection carrying it was
        lost), sent or received: it is no longer awaited, and what it did is taken back as a
        fault answering it would (a SendImage's DocumentId is free again, an EndPostScanJob
        did not end its job), so the device may send it again under a new MessageID. Its
        MessageID stays used. A refused request's owed fault is forgotten too.

        Returns whether the request was awaiting an answer (or a fault); ``False`` changes
        nothing (it was answered, or never applied).

        :param message_id: the request's MessageID.
        """
        world = self._world
        world.log.clear()
        if message_id in world.refused:
            del world.refused[message_id]
            world.log.clear()
            return True
        if message_id not in world.pending:
            return False
        request = world.pending.take(message_id, world.pending[message_id])
        rules = PROTOCOLS.get(request.protocol)
        if rules is not None:
            step = Step(
                world,
                profile=self.profile,
                warnings=[],
                deferred=[],
                closed=[],
                index=None,
                now=self._now,
                arrived=self.applied,
            )
            rules.withdraw(step, request)
        world.log.clear()  # no message: nothing here is ever undone
        return True

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
                    party=SENDERS.get((request.protocol, "response")),  # who owes the answer
                )
            )
        for token, job in self._world.dsp_jobs.items():
            if job.phase == "open" and not job.timed_out:
                problems.append(
                    self._problem(
                        DspRule.R11_OPEN,
                        f"job {token!r} is still open: never ended, canceled or finished",
                        job.minted_at,
                        party="device",
                    )
                )
        for token, (index, _, _) in self._world.early_ends.items():
            problems.append(
                self._problem(
                    DspRule.R25,
                    f"a Completed end state for job {token!r}, whose EndPostScanJob was never "
                    "answered",
                    index,
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
                        party="scan_server",
                    )
                )
        return problems

    def _problem(
        self, rule: str, message: str, index: int | None, *, party: str | None = None
    ) -> Problem:
        return ORDERING_RULES[rule].problem(self.profile, message, index=index, party=party)

    def party(self, envelope: Envelope, *, in_reply: bool = False) -> Role | None:
        """The role that sends ``envelope`` in this conversation: a request's client, or the
        host that answers it (a fault goes back the way its request came, or the way the
        request it most likely answers came) and sends events; ``None`` when no protocol tells
        (a WS-Eventing request). Ask before the message is applied: the request it answers
        is then known. ``in_reply``: the transport carried it as a reply (an HTTP response),
        which tells who sent a message whose action cannot be read.

        :param envelope: the message, not yet applied.
        :param in_reply: whether the transport carried it back as a reply.
        """
        action = envelope.action.strip()
        spec = envelope.message_type
        protocol: str
        if spec is not None:
            protocol, kind = spec.protocol, spec.kind
        elif action in EMPTY_BODY_ACTIONS:
            protocol, _, kind = EMPTY_BODY_ACTIONS[action]
        elif action == FAULT_ACTION:
            protocol, kind = "soap", "fault"
        else:
            announced = by_action(action)
            if announced is not None:
                protocol, kind = announced.protocol, announced.kind
            elif in_reply or envelope.relates_to:
                protocol, kind = "soap", "fault"  # a reply of some kind
            else:
                return None
        if kind in ("response", "fault"):
            kind = "response"
            relates = _stripped(envelope.relates_to)
            world = self._world
            for table in (world.pending, world.refused):
                asked = table.get(relates or "")
                if asked is not None:
                    protocol = asked.protocol
            protocol = world.answered.get(relates or "", protocol)
            if protocol == "soap":  # a fault relating to no request known: as its rule does
                guessed = guess_request(world, "fault", protocol, "Fault")
                protocol = guessed[1].protocol if guessed else world.last_request or protocol
        return SENDERS.get((protocol, kind))

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

    def unconfirmed(self) -> list[tuple[str, str]]:
        """(protocol, job) of every job :meth:`jobs` lists whose existence or end rests on an
        answer an observer could not read: the request was taken as it said."""
        out = [("dsp", token) for token, job in self._world.dsp_jobs.items() if job.unconfirmed]
        out.extend(key for key, job in self._world.jobs.items() if job.unconfirmed)
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
        in_reply: bool = False,
    ) -> None:
        facts = facts_of(envelope)
        now = self._now if at is None else at
        world = self._world
        world.log.clear()
        # the few values that are not tables, kept as they were before the message
        scalars = (
            world.last_create_failed,
            world.last_summary,
            world.subscribed,
            world.last_request,
        )
        fault = following.fault_of(envelope)
        step = self._step(index, now, fault=fault, received=sender is None)
        try:
            self._check_role(step, facts, sender)
            if self.profile == "lenient" and facts.message_id in PLACEHOLDERS:
                facts = attrs.evolve(facts, message_id=None)
            step.apply(facts, envelope)
        except BrokenRuleError as broken:
            world.undo()  # a refused message changes nothing
            (
                world.last_create_failed,
                world.last_summary,
                world.subscribed,
                world.last_request,
            ) = scalars
            refused = refusal(error, broken.rule, broken.message, envelope, index)
            if facts.kind in ("request", "event") and facts.message_id is not None:
                # nothing else changes: only the fault owed for it may now relate to it
                world.refused[facts.message_id] = Refused(
                    protocol=facts.protocol,
                    operation=facts.operation,
                    kind=facts.kind,
                    rule=broken.rule,
                    index=index,
                    faults=() if refused.fault is None else (refused.fault,),
                    facts=facts,
                    mandatory=following.mandatory(envelope),
                )
                self._close(("refused", facts.message_id))
            elif sender == "observer" and facts.kind in ("response", "fault"):
                follow = self._step(index, now, followed=True, fault=fault)
                if following.follow_reply(follow, facts, envelope, in_reply=in_reply):
                    self._commit(follow, now)
            raise refused from None
        self._commit(step, now)

    def _step(
        self,
        index: int | None,
        now: datetime | None,
        *,
        followed: bool = False,
        fault: Fault | None = None,
        received: bool = False,
    ) -> Step:
        return Step(
            self._world,
            profile=self.profile,
            warnings=[],
            deferred=[],
            closed=[],
            index=index,
            now=now,
            arrived=self.applied,
            followed=followed,
            fault=fault,
            received=received,
        )

    def _commit(self, step: Step, now: datetime | None) -> None:
        """The message ``step`` applied counts: its writes stay, its window starts."""
        world = self._world
        self.applied += 1
        self._touched = len(world.log)
        world.log.clear()
        self._now = now
        self.warnings.extend(step.warnings)
        self.deferred.extend(step.deferred)
        self._close(*step.closed)
        self._forget()

    def _close(self, *entries: tuple[str, Any]) -> None:
        """Start the window of each (table, key) entry that closed with the last message."""
        if self.window is None:
            return
        closing = self._world.closing
        applied = self.applied
        for name, key in entries:
            waiting = closing.get(name)
            if waiting is None:
                waiting = closing[name] = OrderedDict()
            elif key in waiting:
                waiting.move_to_end(key)  # it closed again: its window starts over
            waiting[key] = applied

    def _forget(self) -> None:
        """Drop what closed ``window`` messages ago (each entry once: O(1) per message,
        amortized)."""
        if self.window is None:
            return
        world = self._world
        horizon = self.applied - self.window
        for name, waiting in world.closing.items():
            while waiting:
                key = next(iter(waiting))
                if waiting[key] > horizon:
                    break
                del waiting[key]
                self._touched += 1
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
        if sender == "observer":
            return
        protocol = PROTOCOLS.get(facts.protocol)
        if protocol is None:
            return
        kind = "response" if facts.kind == "fault" else facts.kind
        expected = SENDERS.get((facts.protocol, kind))
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
