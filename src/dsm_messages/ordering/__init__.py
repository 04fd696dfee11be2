"""The ordering rules as code, one module per protocol, driven by :class:`~dsm_messages.Session`.

Each protocol module (:mod:`.dsp`, :mod:`.dsd`, :mod:`.dsc`) detects the breaches of its own
rules and reports each through one verb, :meth:`.step.Step.breach`, which asks the rule's row in
:data:`~dsm_messages.ordering_rules.ORDERING_RULES` whether the message is refused or accepted
with a warning. Request and reply pairing, event subscriptions and the copies of one event
sent to several subscribers, which every protocol shares, live in :mod:`.pairing`; what a
session remembers, in :mod:`.state`; how an observer follows a conversation past a broken
answer, in :mod:`.following`. A new protocol is one more module with its
:class:`.protocol.ProtocolRules`, listed in :data:`.registry.PROTOCOLS`.
"""

__all__ = []
