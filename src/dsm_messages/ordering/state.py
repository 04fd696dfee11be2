"""What a conversation checker remembers, as tables and records whose writes can be undone.

A :class:`World` holds every table a session keeps (requests waiting for their reply, jobs,
conditions, used MessageIDs). What a message says is kept in immutable values (a request
waiting, a refusal); what messages change one after another (a job, a condition, an event's
destinations) is a mutable record, changed in place with :meth:`World.update`. While a
message is applied, every write, to a table or a record, is logged so that a refused message
can be taken back whole (:meth:`World.undo`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from datetime import datetime
from typing import Any, Literal, TypeVar

import attrs

from ..envelope import Envelope
from ..faults import Fault
from ..message_facts import Facts, JobReport
from ..rule_ids import RuleId

__all__ = [
    "MISSING",
    "ROLES",
    "STILL_CLOSED",
    "Broadcast",
    "Condition",
    "Destination",
    "DspJob",
    "EventKey",
    "Pending",
    "Refused",
    "ReportedJob",
    "Role",
    "Table",
    "World",
    "Write",
]

Role = Literal["device", "scan_server", "control_point", "observer"]
ROLES: tuple[Role, ...] = ("device", "scan_server", "control_point", "observer")


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
    #: a wse:Subscribe's ScanDestinations ClientContexts, for the DestinationResponses owed
    client_contexts: tuple[str, ...] = ()
    #: a CreateScanJob ticket's ImagesToTransfer and InputSource, for the job it creates
    images_to_transfer: int | None = None
    input_source: str | None = None


@attrs.frozen(kw_only=True)
class Refused:
    """A request (or event) a session refused: nothing of it was applied, and only the one
    fault answering it may still relate to it.

    ``rule`` is the rule it broke and ``faults`` the faults that answer it (empty: any fault
    does); ``facts`` are what it said, for an observer to apply should its receiver accept it
    after all (not the envelope: a SendImage's holds its image)."""

    protocol: str
    operation: str
    kind: str
    rule: RuleId
    index: int | None
    faults: tuple[Fault, ...] = ()
    facts: Facts | None = None
    #: it carried a header block its receiver must understand or fault (soap:mustUnderstand):
    #: a soap:MustUnderstand fault answers it too, whatever rule it broke
    mandatory: bool = False


@attrs.define(kw_only=True)
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
    #: What the conversation knows of it rests on an answer that could not be read: its
    #: request was taken as it said (an observer's report marks the job so).
    unconfirmed: bool = False
    #: Ended or canceled, acknowledged, and no end state owed: nobody subscribed to events.
    unreported: bool = False

    @property
    def over(self) -> bool:
        """Whether the job is over by a route the protocol allows: its end state seen, its
        end or cancel acknowledged with no subscriber to report it to, or timed out."""
        return self.phase == "finished" or self.timed_out or self.unreported


@attrs.define(kw_only=True)
class ReportedJob:
    """A WS-DSD, WS-DSC or WS-Scan job, known from what the host reports about it (and, for
    a WS-Scan job this client created, from its CreateScanJobResponse)."""

    protocol: str
    job: str
    state: str | None = None
    ended: bool = False
    end_state: str | None = None
    count: int | None = None
    filters: tuple[tuple[str, str], ...] = ()
    last: JobReport | None = None
    #: a WS-Scan job's JobToken, when its CreateScanJobResponse was seen
    token: str | None = None
    #: a WS-Scan job's CancelJob was acknowledged
    canceled: bool = False
    #: when a WS-Scan job's last image exchange (or its creation) was seen, if the time was known
    last_activity: datetime | None = None
    #: a RetrieveImage came more than the device waits after that: the device should abort
    overdue: bool = False
    #: how many images a WS-Scan job announced (``None``: until the device has no more), and
    #: how many were sent
    images_expected: int | None = None
    images_sent: int = 0
    #: a message reported the job's end state (``ended`` alone: the conversation showed it)
    end_reported: bool = False
    #: how many messages the session had applied when the job ended (``Pending.arrived``)
    ended_at: int | None = None
    #: known from a request whose answer could not be read (see :attr:`DspJob.unconfirmed`)
    unconfirmed: bool = False


#: Where a message goes: its wsa:To, and the header blocks beside its addressing headers (where
#: WS-Eventing echoes the reference parameters of a subscriber's NotifyTo), each in canonical
#: XML, sorted (:func:`.pairing.destination`).
Destination = tuple[str, tuple[str, ...]]

#: An event as its copies share it: its facts but its MessageID and action, in field order
#: (:func:`.pairing.copied`).
EventKey = tuple[object, ...]


@attrs.define(kw_only=True)
class Broadcast:
    """An event applied to the conversation (``body``) and the ``destinations`` it went to:
    the same event sent to another destination is a copy of it, not a second event."""

    body: object
    destinations: frozenset[Destination]


@attrs.define(kw_only=True)
class Condition:
    id: str
    time: str | None
    cleared: bool = False


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")
_R = TypeVar("_R")
MISSING: Any = object()
#: (table, key, value before the write, or MISSING where the key was absent), or (record,
#: attribute, value before the write)
Write = tuple[Any, Any, Any]


class Table(dict[_K, _V]):
    """A dict that logs every write, so that the writes of a refused message can be undone.

    Only item assignment, ``del`` and :meth:`take` write (nothing else is used on a table).
    """

    __slots__ = ("_log",)

    def __init__(self, log: list[Write]) -> None:
        super().__init__()
        self._log = log

    def __setitem__(self, key: _K, value: _V) -> None:
        self._log.append((self, key, dict.get(self, key, MISSING)))
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


class World:
    """Everything a session knows. Writes are logged (``log``) while a message is applied."""

    def __init__(self) -> None:
        self.log: list[Write] = []
        self.pending: Table[str, Pending] = Table(self.log)
        self.answered: Table[str, str] = Table(self.log)  # MessageID -> protocol of request
        #: Requests this endpoint refused: the fault it owes may still be sent (as h11 lets a
        #: server answer the request that broke the protocol with an error response). Events
        #: too: over HTTP the receiver of an event may answer it with a fault.
        self.refused: Table[str, Refused] = Table(self.log)
        #: Requests refused whose MessageID could not be read, by their arrival: the fault
        #: answering one relates to nothing.
        self.unrelated: Table[int, Refused] = Table(self.log)
        #: MessageID -> the protocol of the event that used it (None for any other message):
        #: an event's receiver may answer it with a fault, over HTTP.
        self.message_ids: Table[str, str | None] = Table(self.log)
        #: Requests whose answer could not be read, taken as they said (an observer's), by
        #: arrival: what they created is the first unknown job or token seen after them.
        self.unconfirmed: Table[int, tuple[int | None, Pending]] = Table(self.log)
        #: the protocol of the last request seen, for a reply that names no request
        self.last_request: str | None = None
        self.last_create_failed = False
        self.dsp_jobs: Table[str, DspJob] = Table(self.log)
        self.held: Table[str, tuple[tuple[int | None, Facts, Envelope], ...]] = Table(self.log)
        #: A received end state that overtook the EndPostScanJobResponse of its job (held, as
        #: events overtaking a CreatePostScanJobResponse are, until the response is applied)
        self.early_ends: Table[str, tuple[int | None, Facts, Envelope]] = Table(self.log)
        self.jobs: Table[tuple[str, str], ReportedJob] = Table(self.log)
        self.conditions: Table[str, Condition] = Table(self.log)
        #: WS-Scan push scans: DestinationToken -> ClientContext, from SubscribeResponses
        self.destinations: Table[str, str] = Table(self.log)
        #: WS-Scan ScanIdentifiers announced by ScanAvailableEvents -> used by a CreateScanJob
        self.scan_identifiers: Table[str, bool] = Table(self.log)
        #: The events applied, by what the rules read of them (their facts, MessageID left
        #: out): where each went, so that its copies to other subscribers count once
        self.broadcasts: Table[EventKey, Broadcast] = Table(self.log)
        self.last_summary: tuple[str, ...] | None = None
        self.subscribed: frozenset[str] = frozenset()  # protocols a subscription covers
        #: What closed, per table: key -> the message count when it last closed, oldest
        #: first (an entry that reopened and closed again moves to the end, so that it is
        #: dropped only a window after its last closing).
        self.closing: dict[str, OrderedDict[Any, int]] = {}

    def update(self, record: _R, **changes: Any) -> _R:
        """Change attributes of a mutable record in place, logged; returns the record."""
        log = self.log
        for name, value in changes.items():
            log.append((record, name, getattr(record, name)))
            setattr(record, name, value)
        return record

    def undo(self, since: int = 0) -> None:
        """Take back every write logged after the first ``since`` ones, newest first."""
        log = self.log
        for target, key, earlier in reversed(log[since:]):
            if not isinstance(target, dict):
                setattr(target, key, earlier)
            elif earlier is MISSING:
                dict.pop(target, key, None)
            else:
                dict.__setitem__(target, key, earlier)
        del log[since:]

    def size(self) -> int:
        return (
            len(self.pending)
            + len(self.answered)
            + len(self.refused)
            + len(self.unrelated)
            + len(self.message_ids)
            + len(self.unconfirmed)
            + len(self.dsp_jobs)
            + len(self.held)
            + len(self.early_ends)
            + len(self.jobs)
            + len(self.conditions)
            + len(self.destinations)
            + len(self.scan_identifiers)
            + len(self.broadcasts)
            + sum(len(waiting) for waiting in self.closing.values())
        )


#: table -> whether an entry of it is still closed (one that reopened is not dropped)
STILL_CLOSED: dict[str, Any] = {
    "dsp_jobs": lambda job: job.over,
    "jobs": lambda job: job.ended,
    "conditions": lambda condition: condition.cleared,
    "scan_identifiers": lambda used: used,
}
