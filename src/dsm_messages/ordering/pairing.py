"""Rules every protocol shares: a request and its one reply (WS-Addressing), and events that
come only after a subscription (WS-Eventing). Which rule a breach names is the request's
protocol's (:class:`~.protocol.PairingRules`); a reply to no known request, or a request of no
DSM protocol, breaks WS-Addressing's own.

A refused request is still answered: by the fault its rule names (another fault breaks
DSM-FAULT-MISMATCH), never by its response (the receiver that accepts it breaks the rule the
request broke, :data:`~dsm_messages.ordering_rules.ACCEPTED_AS`). Over HTTP the receiver of
an event, refused or not, may answer it with one fault too.

An event goes to every subscriber, each copy addressed to its own subscription (MS-BDSRR
3.2.4.8 and 3.2.4.9: "to all subscribed clients", each with the job's current values). A
*copy* is an event whose body is the same as that of an event already applied, sent to a
destination (:func:`destination`: wsa:To and the reference parameters echoed) apart from every
one that event went to (:func:`apart`): it is the same event, applied once; only its
MessageID counts. The same event to a destination it already went to, or another body, is an
event of its own, and every rule holds for it (a second end state is still one)."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from ..envelope import Envelope
from ..errors import DsmError
from ..faults import Fault
from ..message_facts import Facts
from ..messages import MULTICAST
from ..namespaces import WSE, prefixed
from ..ordering_rules import ACCEPTED_AS, DsmRule, WsaRule
from ..safexml import parse_xml
from .protocol import PairingRules
from .state import Broadcast, Destination, EventKey, Pending, Refused, World

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "GENERIC",
    "apart",
    "copied",
    "correlate",
    "destination",
    "fits",
    "guess_request",
    "label",
    "subscription",
]

#: A fault or WS-Eventing reply (no DSM protocol tells which rule it breaks).
GENERIC = PairingRules(
    reused=WsaRule.PAIRING,
    unknown=WsaRule.PAIRING,
    second_reply=WsaRule.PAIRING,
    unanswered=WsaRule.UNANSWERED,
)


def subscription(step: Step, facts: Facts, protocols: Collection[str]) -> None:
    """A Subscribe response: from now on every protocol's events are expected."""
    if facts.protocol == "wse" and facts.kind == "response" and facts.operation == "Subscribe":
        step.world.subscribed = frozenset(protocols)


#: An event's facts but its MessageID and action, as one tuple: what tells its copies.
_WHAT_RULES_READ: Callable[[Facts], EventKey] = operator.attrgetter(
    *(field.name for field in attrs.fields(Facts) if field.name not in ("message_id", "action"))
)


def copied(step: Step, facts: Facts, envelope: Envelope) -> bool:
    """Whether an event is a copy of one already applied, sent to another destination (it is
    then applied no further); else it is remembered with its destination, for its copies."""
    if facts.kind != "event":
        return False
    event = _WHAT_RULES_READ(facts)  # (its copies differ in MessageID and, maybe, action)
    where = destination(envelope)
    table = step.world.broadcasts
    known = table.get(event)
    step.closed.append(("broadcasts", event))  # (remembered a window after its last copy)
    if (
        known is not None
        and all(apart(where, went) for went in known.destinations)
        and known.body == envelope.body
    ):
        table[event] = step.update(known, destinations=known.destinations | {where})
        return True
    table[event] = Broadcast(body=envelope.body, destinations=frozenset({where}))
    return False


def destination(envelope: Envelope) -> Destination:
    """Where ``envelope`` goes: its wsa:To, and the header blocks beside its addressing
    headers, where WS-Eventing echoes the reference parameters of the subscriber's NotifyTo
    (a ``wse:Identifier`` among them; each as canonical XML, so that prefixes and whitespace
    around values do not count)."""
    blocks = [_canonical(block) for block in envelope.extra_headers]
    if envelope.identifier is not None:  # (read into its own field by the envelope)
        blocks.append(_identifier(envelope.identifier))
    return ((envelope.to or "").strip(), tuple(sorted(blocks)))


def apart(one: Destination, other: Destination) -> bool:
    """Whether two destinations are two subscriptions: two addresses, or at one address two
    sets of reference parameters (an event that echoes none there is told from no other)."""
    return one[0] != other[0] or (bool(one[1]) and bool(other[1]) and one[1] != other[1])


@functools.lru_cache(maxsize=1024)  # (a subscription's events echo the same Identifier)
def _identifier(text: str) -> str:
    """A wse:Identifier header holding ``text``, as canonical XML."""
    identifier = etree.Element(f"{{{WSE}}}Identifier")
    identifier.text = text
    return _canonical(etree.tostring(identifier))


@functools.lru_cache(maxsize=1024)  # (a subscriber's events echo the same blocks)
def _canonical(block: bytes) -> str:
    try:
        return etree.canonicalize(parse_xml(block), rewrite_prefixes=True, strip_text=True)
    except DsmError:  # (a block no parser reads, in an envelope built by hand: as it is)
        return block.decode("utf-8", "replace")


def correlate(step: Step, facts: Facts) -> Pending | None:
    """Pair a reply with its request (returned, and no longer pending); remember a request
    and its MessageID until it is answered."""
    world = step.world
    if facts.message_id is not None:
        # (a pending request's MessageID is in use however long it waits for its reply)
        if facts.message_id in world.message_ids or facts.message_id in world.pending:
            reused = step.pairing_of(facts.protocol).reused
            step.breach(reused, f"MessageID {facts.message_id} was used before")
        world.message_ids[facts.message_id] = facts.protocol if facts.kind == "event" else None
        step.closed.append(("message_ids", facts.message_id))
    if facts.kind == "request":
        world.last_request = facts.protocol
        if facts.message_id is not None:
            world.pending[facts.message_id] = Pending(
                protocol=facts.protocol,
                operation=facts.operation,
                index=step.index,
                job=facts.job,
                requested=facts.requested,
                document_id=facts.document_id,
                dialects=facts.dialects,
                psp_identifier=facts.psp_identifier,
                arrived=step.arrived,
                client_contexts=facts.client_contexts,
                images_to_transfer=facts.images_to_transfer,
                input_source=facts.input_source,
            )
        return None
    if facts.kind not in ("response", "fault"):
        return None
    relates = facts.relates_to
    request = world.pending.get(relates) if relates is not None else None
    if request is None:
        _unpaired(step, facts, relates)
        return None
    if facts.kind == "response" and (
        (facts.protocol, facts.operation) != (request.protocol, request.operation)
    ):
        step.breach(
            step.pairing_of(request.protocol).unknown,
            f"{facts.operation} response relates to a {request.operation} request",
        )
        return None
    assert relates is not None  # a request was found by it
    if (request.protocol, request.operation) in MULTICAST:
        return request  # every device that matches answers: the request stays open
    del world.pending[relates]
    world.answered[relates] = request.protocol
    step.closed.append(("answered", relates))
    return request


def _unpaired(step: Step, facts: Facts, relates: str | None) -> None:
    """A reply whose RelatesTo names no request waiting for one: the fault a refused request
    (or an event) is owed, a receiver accepting what it should have refused, a second reply,
    or a RelatesTo that names nothing."""
    world = step.world
    if relates is not None and relates in world.refused:
        _answers_refused(step, facts, relates)
        return
    if relates is not None and relates in world.answered:
        second = step.pairing_of(world.answered[relates]).second_reply
        step.breach(second, f"request {relates} was already answered")
        return
    if facts.kind == "fault":
        event = world.message_ids.get(relates) if relates is not None else None
        if relates is not None and event is not None:
            world.answered[relates] = event  # its receiver refused the event (over HTTP)
            step.closed.append(("answered", relates))
            return
        if relates is None and world.unrelated:
            # the fault refusing a request whose MessageID could not be read relates to nothing
            oldest = next(iter(world.unrelated))
            _check_fault(step, world.unrelated.take(oldest, _NOTHING))
            return
    # one rule whatever the reply: the protocol of the request it would answer
    guessed = guess_request(world, facts.kind, facts.protocol, facts.operation)
    if facts.kind == "response":
        protocol = facts.protocol
    elif guessed is not None:
        protocol = guessed[1].protocol
    else:
        protocol = world.last_request or facts.protocol
    unknown = step.pairing_of(protocol).unknown
    if relates is None:
        what = "fault" if facts.kind == "fault" else f"{facts.operation} response"
        step.breach(unknown, f"the {what} has no RelatesTo")
    else:
        step.breach(unknown, f"RelatesTo {relates} names no request of this conversation")


def _answers_refused(step: Step, facts: Facts, relates: str) -> None:
    world = step.world
    refused = world.refused[relates]
    if facts.kind == "fault":
        del world.refused[relates]
        world.answered[relates] = refused.protocol
        step.closed.append(("answered", relates))
        _check_fault(step, refused)
        return
    if refused.kind != "request":
        rules = step.pairing_of(refused.protocol)
        step.breach(rules.unknown, f"{facts.operation} response relates to an event")
        return
    # the receiver accepted a request it had to refuse: it broke the rule the request broke
    rule = ACCEPTED_AS.get(refused.rule, refused.rule)
    owed = f" with {label(refused.faults[0])}" if refused.faults else ""
    step.breach(
        rule,
        f"a {facts.operation} response accepts the {refused.operation} request {relates} "
        f"(message {refused.index}), which breaks {refused.rule}: it must be refused{owed}",
    )


def _check_fault(step: Step, refused: Refused) -> None:
    """The fault answering a refused request is one its rule names (any, when none)."""
    sent = step.fault
    if sent is None or not refused.faults or any(fits(sent, owed) for owed in refused.faults):
        return
    if sent.code == "MustUnderstand" and refused.mandatory:
        return  # SOAP's processing model: its headers are understood before anything else
    owed = " or ".join(label(fault) for fault in refused.faults)
    step.breach(
        DsmRule.FAULT_MISMATCH,
        f"the {refused.operation} request (message {refused.index}) breaks {refused.rule}, "
        f"which is refused with {owed}; it was refused with {label(sent)}",
    )


def fits(sent: Fault, owed: Fault) -> bool:
    """Whether ``sent`` is the fault ``owed``: its code, and its subcode when one is owed."""
    if sent.code != owed.code:
        return False
    return not owed.subcodes or sent.subcodes[:1] == owed.subcodes[:1]


def label(fault: Fault) -> str:
    """A fault as a report names it: ``dsp:InvalidArgs (soap:Sender)``."""
    code = f"soap:{fault.code}"
    return f"{prefixed(fault.subcodes[0].text)} ({code})" if fault.subcodes else code


def guess_request(
    world: World, kind: str, protocol: str, operation: str
) -> tuple[str, Pending] | None:
    """The request a reply (of ``kind``) that names none most likely answers: the latest one
    waiting for its reply (of its ``protocol`` and ``operation``, for a response)."""
    best: tuple[str, Pending] | None = None
    for message_id, request in world.pending.items():
        if (request.protocol, request.operation) in MULTICAST:
            continue
        if kind == "response" and (request.protocol, request.operation) != (protocol, operation):
            continue
        if best is None or request.arrived >= best[1].arrived:
            best = (message_id, request)
    return best


_NOTHING = Refused(protocol="", operation="", kind="request", rule=DsmRule.INVALID, index=None)
