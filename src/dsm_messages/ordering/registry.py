"""Every protocol whose ordering rules a session checks, in one place: the only module that
imports the protocol modules (:mod:`.dsp`, :mod:`.dsd`, :mod:`.dsc`, :mod:`.wscn`). A new
protocol is one more module with its :class:`.protocol.ProtocolRules`, listed here in
:data:`PROTOCOLS`; a message is dispatched to its protocol's rules by :func:`apply`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..envelope import Envelope
from ..message_facts import Facts
from . import dsc, dsd, dsp, pairing, wscn
from .protocol import PairingRules, ProtocolRules

if TYPE_CHECKING:
    from .step import Step

__all__ = ["PROTOCOLS", "apply", "pairing_rules"]

#: Every protocol whose ordering rules are checked, by name.
PROTOCOLS: Mapping[str, ProtocolRules] = {
    rules.name: rules for rules in (dsp.PROTOCOL, dsd.PROTOCOL, dsc.PROTOCOL, wscn.PROTOCOL)
}


def pairing_rules(protocol: str) -> PairingRules:
    """The pairing rules of a request of ``protocol`` (WS-Addressing's for any other)."""
    known = PROTOCOLS.get(protocol)
    return known.pairing if known is not None else pairing.GENERIC


def apply(step: Step, facts: Facts, envelope: Envelope) -> None:
    """Apply one message: paired with its request, subscriptions and copies of events kept,
    then handed to the rules of its protocol (or of the request a fault answers)."""
    request = pairing.correlate(step, facts)
    pairing.subscription(step, facts, PROTOCOLS)
    if pairing.copied(step, facts, envelope):
        return  # the copy of an event to another subscriber: applied once already
    if request is not None and request.client_contexts and facts.kind == "response":
        wscn.destinations(step, facts, request)  # a WS-Scan push subscription answered
    rules = PROTOCOLS.get(facts.protocol)
    if rules is None and request is not None:
        rules = PROTOCOLS.get(request.protocol)  # a fault answering one of its requests
    if rules is not None:
        rules.apply(step, facts, envelope, request)
