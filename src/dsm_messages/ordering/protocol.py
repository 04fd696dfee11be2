"""What the conversation checker knows of one protocol, as data: who sends what, and which
rule each shared check (roles, request and reply pairing) breaks for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ..envelope import Envelope
from ..message_facts import Facts
from ..rules import RuleId
from .state import Pending, Role

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "Apply",
    "BrokenRuleError",
    "PairingRules",
    "ProtocolRules",
    "Withdraw",
    "listed",
    "nothing_to_withdraw",
]


def listed(names: Iterable[str]) -> str:
    """Names as a message quotes them: ``[a, b]``."""
    return "[" + ", ".join(names) + "]"


class BrokenRuleError(Exception):
    """A signal inside a session, never raised out of it: a rule whose row makes it an error
    was broken while applying a message. The session takes the message back and raises a
    :class:`~dsm_messages.errors.ProtocolError`."""

    def __init__(self, rule: RuleId, message: str) -> None:
        super().__init__(f"{rule}: {message}")
        self.rule = rule
        self.message = message


@attrs.frozen(kw_only=True)
class PairingRules:
    """The rules request and reply pairing breaks, for the protocol of the request."""

    #: a MessageID used twice
    reused: RuleId
    #: a reply whose RelatesTo names no request, or a request of another operation
    unknown: RuleId
    #: a second reply to one request
    second_reply: RuleId
    #: a request still unanswered when the transcript ends
    unanswered: RuleId


Apply = Callable[["Step", Facts, Envelope, "Pending | None"], None]
Withdraw = Callable[["Step", Pending], None]


def nothing_to_withdraw(step: Step, request: Pending) -> None:
    """``withdraw`` of a protocol whose requests change nothing until answered."""
    return None


@attrs.frozen(kw_only=True)
class ProtocolRules:
    """One protocol: ``senders`` maps a kind of message (request, response, event) to the
    role that sends it (faults go the way of responses); ``role`` is the rule a message sent
    by the wrong side breaks; ``apply`` applies one of its messages (or a reply to one of its
    requests) to the conversation; ``withdraw`` takes back what one of its requests did when
    its answer will never come (the connection carrying it was lost)."""

    name: str
    senders: Mapping[str, Role]
    role: RuleId
    pairing: PairingRules
    apply: Apply
    withdraw: Withdraw = nothing_to_withdraw
