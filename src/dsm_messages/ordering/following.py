"""How an observer follows a conversation past a message it could not take as it came.

A session refuses a message that breaks a MUST rule, and a refused message changes nothing.
An observer judging a transcript needs one thing more: a broken *answer* is still the answer,
so that one broken answer is one problem, not a cascade (the job it created unknown, the
request it answered reported unanswered, every later message about the job refused).

- A response that accepts a request the conversation refused: the receiver took the request,
  so the request is applied as it came, then its response (the breach is the receiver's).
- A reply that breaks a rule and came back as the transport's reply to a request (an HTTP
  response): the request it relates to, or the one it most likely answers, is answered by it.
- A message that failed validation: a request or event is refused as the validator refused
  it (the one fault answering it may relate to it, checked against the faults its errors
  name); an answer closes the request it answers, taken as the request said, *unconfirmed*:
  what the request created (a job, a subscription's destinations) is the first unknown one
  that shows itself afterwards (:meth:`~.step.Step.adopt`).

Every breach of a followed message is reported once, by the session, before it is followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..envelope import Envelope
from ..errors import DsmError
from ..faults import Fault
from ..message_facts import Facts, facts_of
from ..messages import EMPTY_BODY_ACTIONS, FAULT_ACTION, by_action
from ..models import soap
from ..namespaces import SOAP
from ..report import Report
from ..rules import RULES
from ..safexml import parse_xml
from .pairing import guess_request
from .state import Pending, World

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "CREATES",
    "Unread",
    "answer_unread",
    "fault_of",
    "follow_reply",
    "mandatory",
    "owed_faults",
    "readable_facts",
    "reply_to",
    "unread",
]

#: Requests whose answer makes something known that later messages name: the JobToken a
#: CreatePostScanJobResponse mints, the JobId of a CreateScanJobResponse, the destination
#: tokens of a SubscribeResponse. When such an answer cannot be read, the first unknown one
#: that shows itself afterwards is taken as its.
CREATES = frozenset(
    {("dsp", "CreatePostScanJob"), ("wscn", "CreateScanJob"), ("wse", "Subscribe")}
)


@attrs.frozen
class Unread:
    """What a message that failed validation is, as far as its action tells: its kind
    (request, event, response, fault, or unknown), protocol and operation."""

    kind: str
    protocol: str = ""
    operation: str = "message"


def unread(report: Report, headers: Envelope) -> Unread:
    """What the salvaged ``headers`` (and the report's action) tell of an unreadable message."""
    action = (headers.action or report.action or "").strip()
    if action == FAULT_ACTION or report.message == "soap:Fault":
        return Unread("fault", "soap", "Fault")
    if action in EMPTY_BODY_ACTIONS:
        protocol, operation, kind = EMPTY_BODY_ACTIONS[action]
        return Unread(kind, protocol, operation)
    announced = by_action(action)
    if announced is None:
        return Unread("unknown")
    return Unread(announced.kind, announced.protocol, announced.operation)


def fault_of(envelope: Envelope | None) -> Fault | None:
    """The fault an envelope carries, when it is one that can be read."""
    body = None if envelope is None else envelope.body
    if not isinstance(body, soap.Fault):
        return None
    try:
        return Fault.from_model(body)
    except ValueError:  # a code SOAP 1.2 does not define, no reason: the validator names it
        return None


def mandatory(envelope: Envelope) -> bool:
    """Whether ``envelope`` carries a header block other than its addressing headers that its
    receiver must understand (``soap:mustUnderstand`` true or 1)."""
    for block in envelope.extra_headers:
        try:
            value = parse_xml(block).get(f"{{{SOAP}}}mustUnderstand", "")
        except DsmError:
            continue
        if value.strip() in ("true", "1"):
            return True
    return False


def owed_faults(report: Report, protocol: str) -> tuple[Fault, ...]:
    """The faults the errors of ``report`` are answered with, for a message of ``protocol``."""
    owed: list[Fault] = []
    for problem in report.errors:
        row = RULES.get(problem.rule)
        fault = None if row is None else row.fault_for(protocol or None)
        if fault is not None and fault not in owed:
            owed.append(fault)
    return tuple(owed)


def readable_facts(headers: Envelope) -> Facts | None:
    """The facts of an envelope read without validation, when its body could be bound."""
    if headers.body is None:
        return None
    try:
        return facts_of(headers)
    except ValueError:
        return None


def follow_reply(step: Step, facts: Facts, envelope: Envelope, *, in_reply: bool) -> bool:
    """Apply a refused reply as its receiver took it; whether it was applied."""
    world = step.world
    relates = facts.relates_to
    if relates is not None and relates in world.refused:
        refused = world.refused[relates]
        if facts.kind == "response" and refused.kind == "request":
            # accepted: the request counts as it came, and this is its answer
            del world.refused[relates]
            if refused.facts is not None:
                asked = Envelope(action=refused.facts.action, body=None)
                step.at(refused.index).apply(refused.facts, asked)
            else:
                world.pending[relates] = Pending(
                    protocol=refused.protocol,
                    operation=refused.operation,
                    index=refused.index,
                    job=None,
                    arrived=step.arrived,
                )
        step.apply(facts, envelope)
        return True
    if not in_reply:
        return False  # with no word from the transport, a refused reply changes nothing
    if relates is None or relates not in world.pending:
        guessed = guess_request(world, facts.kind, facts.protocol, facts.operation)
        if guessed is None:
            return False
        step.unconfirmed = True
        facts = attrs.evolve(facts, relates_to=guessed[0])
    step.apply(facts, envelope)
    return True


def reply_to(
    world: World, relates: str | None, what: Unread, index: int | None, *, in_reply: bool
) -> tuple[str, Pending] | None:
    """The request an unreadable reply answers: the one its RelatesTo names, else (when the
    transport carried it as a reply, or it follows that request at once) the one it most
    likely answers."""
    if relates is not None and relates in world.pending:
        return relates, world.pending[relates]
    guessed = guess_request(world, what.kind, what.protocol, what.operation)
    if guessed is None:
        return None
    just_after = index is not None and guessed[1].index == index - 1
    return guessed if in_reply or just_after else None


def answer_unread(
    step: Step, request_id: str, request: Pending, headers: Envelope, what: Unread, key: int
) -> None:
    """Answer ``request`` with a reply that could not be read, as the request said."""
    fault = what.kind == "fault"
    facts = readable_facts(headers)
    synthetic = facts is None or facts.kind not in ("response", "fault")
    if facts is None or synthetic:
        facts = Facts(
            protocol="soap" if fault else request.protocol,
            operation="Fault" if fault else request.operation,
            kind="fault" if fault else "response",
            action="",
            message_id=None,
            relates_to=request_id,
        )
    else:
        facts = attrs.evolve(facts, relates_to=request_id)
    step.unconfirmed = True
    step.apply(facts, headers)
    if synthetic and not fault and (request.protocol, request.operation) in CREATES:
        step.world.unconfirmed[key] = (step.index, request)
        step.closed.append(("unconfirmed", key))  # (forgotten a window later if never seen)
