"""Applying one message to what a session knows, and the one verb every ordering rule calls.

:meth:`Step.breach` is how code reports a broken rule: it names the rule (a member of one of
the rule enums) and says what happened; the rule's row decides the rest. An error refuses the
message (the session undoes its writes and raises); a warning is recorded and the message
applied.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from ..envelope import Envelope
from ..faults import Fault
from ..job_states import Transitions, refused_by
from ..job_vocabulary import completion_problem, reasons_fit
from ..message_facts import Facts, JobReport
from ..ordering_rules import ORDERING_RULES
from ..report import Problem, Profile
from ..rules import RuleId
from . import registry
from .protocol import BrokenRuleError, PairingRules, listed
from .state import Pending, World

__all__ = [
    "Step",
]

_R = TypeVar("_R")


class Step:
    """Applies one message to the world; ``closed`` collects what it finished, answered or
    used, whose window starts once the message is applied."""

    __slots__ = (
        "arrived",
        "closed",
        "deferred",
        "fault",
        "followed",
        "index",
        "now",
        "profile",
        "received",
        "unconfirmed",
        "warnings",
        "world",
    )

    def __init__(
        self,
        world: World,
        *,
        profile: Profile,
        warnings: list[Problem],
        deferred: list[Problem],
        closed: list[tuple[str, Any]],
        index: int | None,
        now: datetime | None,
        arrived: int,
        followed: bool = False,
        unconfirmed: bool = False,
        fault: Fault | None = None,
        received: bool = False,
    ) -> None:
        self.world = world
        self.profile: Profile = profile
        self.warnings = warnings
        self.deferred = deferred
        self.closed = closed
        self.index = index
        self.now = now
        self.arrived = arrived
        #: An observer follows a message that broke a rule (its breach is reported already):
        #: it is applied as its receiver took it, and no rule it breaks is reported again.
        self.followed = followed
        #: What this message makes known rests on an answer that could not be read or paired
        self.unconfirmed = unconfirmed
        #: The fault the message carries, when it is one
        self.fault = fault
        #: the message arrived from the peer (not sent, nor seen by an observer)
        self.received = received

    def at(self, index: int | None) -> Step:
        """The same step, about the message at ``index`` (an event held until now)."""
        return Step(
            self.world,
            profile=self.profile,
            warnings=self.warnings,
            deferred=self.deferred,
            closed=self.closed,
            index=index,
            now=self.now,
            arrived=self.arrived,
            followed=self.followed,
            unconfirmed=self.unconfirmed,
            received=self.received,
        )

    # -- the verb ----------------------------------------------------------------------------
    def breach(self, rule: RuleId, message: str) -> None:
        """``rule`` was broken, as ``message`` says: refused if its row makes it an error in
        this profile (raises :class:`BrokenRuleError`), else recorded as a warning."""
        if self.followed:
            return
        row = ORDERING_RULES[rule]
        if row.severity(self.profile) == "error":
            raise BrokenRuleError(rule, message)
        self.warnings.append(row.problem(self.profile, message, index=self.index))

    def update(self, record: _R, **changes: Any) -> _R:
        """Change a record of the world in place (logged, undone if the message is refused);
        returns it."""
        return self.world.update(record, **changes)

    def problem(self, rule: RuleId, message: str, index: int | None) -> Problem:
        """A breach of ``rule`` reported later, about the message at ``index``."""
        return ORDERING_RULES[rule].problem(self.profile, message, index=index)

    # -- dispatch ----------------------------------------------------------------------------
    def apply(self, facts: Facts, envelope: Envelope) -> None:
        registry.apply(self, facts, envelope)

    def pairing_of(self, protocol: str) -> PairingRules:
        return registry.pairing_rules(protocol)

    def adopt(
        self, protocol: str, operation: str, *, destinations: bool = False
    ) -> tuple[int | None, Pending] | None:
        """The oldest request of ``operation`` whose answer could not be read (taken as it
        said), now that what it created shows itself (``destinations``: a Subscribe that
        subscribed WS-Scan scan destinations); ``None`` when there is none."""
        table = self.world.unconfirmed
        for key, (answered_at, request) in list(table.items()):
            if (request.protocol, request.operation) != (protocol, operation):
                continue
            if destinations and not request.client_contexts:
                continue
            del table[key]
            return answered_at, request
        return None

    def awaiting(self, protocol: str, operation: str) -> list[Pending]:
        """The requests of ``operation`` whose answer could not be read, oldest first."""
        return [
            request
            for _, request in self.world.unconfirmed.values()
            if (request.protocol, request.operation) == (protocol, operation)
        ]

    # -- checks every protocol shares --------------------------------------------------------
    def expect_subscription(self, protocol: str, rule: RuleId, operation: str) -> None:
        """An event of ``protocol`` arrived: it breaks ``rule`` unless a subscription was seen
        (said once per protocol)."""
        if protocol not in self.world.subscribed:
            self.breach(rule, f"{operation} although no subscription was seen")
            self.world.subscribed |= {protocol}

    def move(self, table: Transitions, before: str | None, after: str | None, job: str) -> None:
        """A job or filter reported in ``after`` after ``before``: the rule ``table`` names
        for a refused move is broken."""
        rule = refused_by(table, before, after)
        if rule is not None:
            self.breach(rule, f"{job} moved from {before} to {after}")

    def mirror(self, facts: Facts, request: Pending, rule: RuleId, *, order: RuleId) -> None:
        """ElementData in a response name what the request asked for (``rule``), in its
        order (``order``)."""
        names = [name for name, _ in facts.element_data]
        if sorted(names) != sorted(request.requested):
            self.breach(
                rule,
                f"ElementData names {listed(names)} do not mirror the requested "
                f"{listed(request.requested)}",
            )
            return
        if names != list(request.requested):
            self.breach(order, "ElementData come in another order than requested")

    def filters(
        self,
        table: Transitions,
        before: tuple[tuple[str, str], ...],
        after: tuple[tuple[str, str], ...],
    ) -> None:
        earlier = dict(before)
        for dialect, state in after:
            if dialect in earlier:
                self.move(table, earlier[dialect], state, f"filter {dialect}")

    def reasons(self, rule: RuleId, state: str, reasons: tuple[str, ...]) -> None:
        if not reasons_fit(state, reasons):
            self.breach(rule, f"state {state} with reasons {', '.join(reasons)}")

    def times(
        self, rule: RuleId, report: JobReport, state: str | None, *, created: str | None
    ) -> None:
        """The job ``report`` is about was created at ``created`` (what the report says, or
        what an earlier message said) and is in ``state``: its completion time must fit."""
        problem = completion_problem(state, created, report.completed)
        if problem is not None:
            self.breach(rule, f"job {report.job!r}: {problem}")
