"""Rules every protocol shares: a request and its one reply (WS-Addressing), and events that
come only after a subscription (WS-Eventing). Which rule a breach names is the request's
protocol's (:class:`~.protocol.PairingRules`); a reply to no known request, or a request of no
DSM protocol, breaks WS-Addressing's own."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..message_facts import Facts
from ..messages import MULTICAST
from ..ordering_rules import WsaRule
from .protocol import PairingRules
from .state import Pending

if TYPE_CHECKING:
    from .step import Step

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


def correlate(step: Step, facts: Facts) -> Pending | None:
    """Pair a reply with its request (returned, and no longer pending); remember a request
    and its MessageID until it is answered."""
    world = step.world
    rules = step.pairing_of(facts.protocol)
    if facts.message_id is not None:
        # (a pending request's MessageID is in use however long it waits for its reply)
        if facts.message_id in world.message_ids or facts.message_id in world.pending:
            step.breach(rules.reused, f"MessageID {facts.message_id} was used before")
        world.message_ids[facts.message_id] = None
        step.closed.append(("message_ids", facts.message_id))
    if facts.kind == "request":
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
        if relates is not None and facts.kind == "fault" and relates in world.refused:
            world.answered[relates] = world.refused.take(relates, "")
            step.closed.append(("answered", relates))
            return None  # the fault owed for a refused request: nothing else to apply
        if relates is not None and relates in world.answered:
            second = step.pairing_of(world.answered[relates]).second_reply
            step.breach(second, f"request {relates} was already answered")
            return None
        # (a fault's protocol is soap: the generic rule, as no request tells which)
        step.breach(rules.unknown, f"RelatesTo {relates} names no request of this conversation")
        return None
    rules = step.pairing_of(request.protocol)
    if facts.kind == "response" and (
        (facts.protocol, facts.operation) != (request.protocol, request.operation)
    ):
        step.breach(
            rules.unknown, f"{facts.operation} response relates to a {request.operation} request"
        )
        return None
    assert relates is not None  # a request was found by it
    if (request.protocol, request.operation) in MULTICAST:
        return request  # every device that matches answers: the request stays open
    del world.pending[relates]
    world.answered[relates] = request.protocol
    step.closed.append(("answered", relates))
    return request
