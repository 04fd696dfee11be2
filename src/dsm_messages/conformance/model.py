"""What the conformance kit talks about: the target it probes, a probe, what a probe asks of
the runner (send these bytes, wait for an event, ask the operator), and what it finds.

Rules of this module: every type here is a plain value (attrs, frozen), nothing here sends or
waits; a probe's script is a generator that *yields* what it wants done (:class:`Send`,
:class:`Wait`, :class:`Operate`) and gets the outcome back, so the same script runs under a
blocking transport and under an asyncio one (:mod:`.runner`).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Literal

import attrs

from ..models import dsp
from ..ordering_rules import ORDERING_RULES
from ..report import Profile, Severity
from ..rules import RULES, Rule

if TYPE_CHECKING:
    from .play import Play

__all__ = [
    "PROTOCOLS",
    "SIDES",
    "Answer",
    "Exchange",
    "Finding",
    "Operate",
    "Probe",
    "Script",
    "Send",
    "Target",
    "Verdict",
    "Wait",
    "rule_row",
    "source_text",
]

#: ``passed``: every check held; ``failed``: a rule the probe checks was broken (or the probe
#: could not get to its check); ``not_applicable``: the target does not offer what the probe
#: needs (an operation, events, someone at the device).
Verdict = Literal["passed", "failed", "not_applicable"]

#: The protocols the kit probes, each with the side the target plays in it (the kit always
#: plays the other one: the scan device, the management console or the scan client).
SIDES: Mapping[str, str] = {
    "dsp": "scan server",
    "dsc": "scan server",
    "dsd": "scan device",
    "wscn": "WS-Scan device",
}
PROTOCOLS: tuple[str, ...] = tuple(SIDES)


def rule_row(rule: str) -> Rule:
    """The table row of a rule id, validator or ordering rule."""
    return ORDERING_RULES[rule] if rule in ORDERING_RULES else RULES[rule]


# The rule tables name the project's protocol notes as sources, which readers do not have.
_NUMBERED = {"wsdp.md": "WS-DSP ordering rule {}", "wsdsd.md": "WS-DSD ordering rule {}"}
_SECTIONS = {
    "wsdsc-and-schemas.md": "the post-scan job model of [MS-BDSRR]",
    "dsm-messages": "the DSM schemas, as dsm-messages validates them",
    "dsm-messages validate": "the DSM schemas, as dsm-messages validates them",
}


def source_text(source: str) -> str:
    """A rule's source as a report's reader understands it.

    >>> source_text("wsdp.md 10.10"), source_text("MS-BDSRR 3.2.4.2")
    ('WS-DSP ordering rule 10', 'MS-BDSRR 3.2.4.2')
    """
    document, _, place = source.partition(" ")
    number = place.partition(".")[2]
    if document in _NUMBERED and number.isdigit():
        return _NUMBERED[document].format(number)
    return _SECTIONS.get(source, _SECTIONS.get(document, source))


@attrs.frozen(kw_only=True)
class Target:
    """The implementation under test: where each of its services listens, by protocol
    (``dsp``, ``dsc``, ``dsd``, ``wscn``), and what it claims.

    ``profile`` is how the target reads: ``"strict"`` (the letter: every probe expects a
    refusal) or ``"lenient"`` (it also reads the deviations of real peers that the lenient
    profile tolerates: a probe for such a deviation then passes when the target accepts the
    message as well as when it refuses it with the right fault). ``press_scan`` is someone at a
    WS-Scan device: called with a scan destination's display name, it chooses that destination
    on the panel and presses Scan (push-scan probes need it). ``scan_process`` is the
    CreatePostScanJob a scan device would send this scan server (a scan process the server
    knows); without one the kit sends its own, delivering to a file share.

    :param name: what the reports call the target.
    :param addresses: the address of each service, by protocol (``"dsp"``, ``"dsc"``,
        ``"dsd"``, ``"wscn"``): the probes of the protocols given are played.
    :param profile: how the target reads: ``"strict"`` or ``"lenient"``.
    :param press_scan: someone at a WS-Scan device, called with the display name of the scan
        destination to choose and press Scan for.
    :param scan_process: the CreatePostScanJob the kit sends a scan server.
    :raises ValueError: for an address of a protocol the kit has no probes for, or none at
        all.

    >>> target = Target(name="ours", addresses={"dsp": "http://127.0.0.1:8080/ScanServer"})
    >>> target.protocols, target.side("dsp")
    (('dsp',), 'scan server')
    """

    name: str
    addresses: Mapping[str, str] = attrs.field()
    profile: Profile = "strict"
    press_scan: Callable[[str], object] | None = attrs.field(default=None, eq=False)
    scan_process: dsp.CreatePostScanJobRequest | None = None

    @addresses.validator
    def _known(self, _: object, addresses: Mapping[str, str]) -> None:
        unknown = sorted(set(addresses) - set(SIDES))
        if unknown:
            raise ValueError(f"no probes for {unknown}: addresses are keyed by {list(SIDES)}")
        if not addresses:
            raise ValueError("a target needs the address of at least one service")

    @property
    def protocols(self) -> tuple[str, ...]:
        """The protocols the target offers, in the kit's order."""
        return tuple(protocol for protocol in PROTOCOLS if protocol in self.addresses)

    def side(self, protocol: str) -> str:
        """The side the target plays in ``protocol``.

        :param protocol: ``"dsp"``, ``"dsc"``, ``"dsd"`` or ``"wscn"``.
        """
        return SIDES[protocol]

    def to_json(self) -> dict[str, object]:
        """The target as a report's JSON shows it (``operator``: whether it has one)."""
        return {
            "name": self.name,
            "addresses": dict(self.addresses),
            "profile": self.profile,
            "operator": self.press_scan is not None,
        }


# -- what a script asks the runner to do -------------------------------------------------------
@attrs.frozen(kw_only=True)
class Send:
    """Send ``data`` to ``address`` with ``content_type``; the runner answers with an
    :class:`Answer`.

    :param address: where the message goes (the transport's ``address``).
    :param data: the message, as it is sent.
    :param content_type: its Content-Type.
    """

    address: str
    data: bytes
    content_type: str


@attrs.frozen(kw_only=True)
class Answer:
    """What came back over the transport: the HTTP-like ``status``, ``content_type`` and
    ``data``; or, when nothing came, ``error`` says why (refused connection, time limit).

    :param status: the HTTP status; ``None`` when nothing came back.
    :param content_type: the answer's Content-Type.
    :param data: the answer's bytes.
    :param error: why nothing came back, if nothing did.
    """

    status: int | None
    content_type: str = ""
    data: bytes = b""
    error: str | None = None


@attrs.frozen(kw_only=True)
class Wait:
    """Wait up to ``seconds`` for an event to arrive at the kit's listener (the runner comes
    back as soon as one does, with ``None``).

    :param seconds: the longest wait.
    """

    seconds: float


@attrs.frozen(kw_only=True)
class Operate:
    """Ask the operator at the device to choose the scan destination ``destination`` and press
    Scan (the target's ``press_scan``).

    :param destination: the display name of the scan destination to choose.
    """

    destination: str


Action = Send | Wait | Operate
#: A probe's script: it yields what it wants done and gets back an :class:`Answer` for a
#: :class:`Send`, ``None`` otherwise.
Script = Generator[Action, Answer | None, None]


# -- what a probe is -----------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Probe:
    """One scripted check of a target, played from the client's side of ``protocol``.

    ``rules`` are the rules it checks, its subject first: a breach of one of them fails it, a
    breach of any other rule seen on the way is reported as an observation. A refusal also
    judges the answer to its broken message by what any refusal must keep: the right fault
    (DSM-FAULT-MISMATCH), its HTTP status and Content-Type (DSM-HTTP-...), related to the
    request (DSM-RELATES-TO-MISSING, WSA-PAIRING). ``summary`` says
    in a line what it checks, ``steps`` what it sends and expects (the documentation lists
    both). ``needs`` are what it cannot run without beyond its protocol's address: ``events``
    (the kit's event listener), ``operator`` (someone to press Scan), or another protocol of
    the same target (``dsp``). ``generated`` is true for the probes made from a rule table row
    and a way to break that rule (the table of ways to break each validator rule).

    :param id: its name in reports and selections (``dsp.DSP-10``).
    :param protocol: the protocol it plays: ``"dsp"``, ``"dsc"``, ``"dsd"`` or ``"wscn"``.
    :param summary: what it checks, in a line.
    :param rules: the rules it checks, its subject first.
    :param play: its script: called with the probe's :class:`Play`, it yields what it wants
        done.
    :param steps: what it sends and expects, in words.
    :param needs: what it cannot run without besides its protocol's address.
    :param generated: whether it was made from a rule's row and a way to break the rule.
    """

    id: str
    protocol: str
    summary: str
    rules: tuple[str, ...]
    play: Callable[[Play], Script] = attrs.field(eq=False, repr=False)
    steps: str = ""
    needs: frozenset[str] = frozenset()
    generated: bool = False

    @property
    def rule(self) -> str:
        """The probe's subject."""
        return self.rules[0]

    @property
    def kind(self) -> Literal["conversation", "refusal"]:
        """A ``refusal`` checks one rule: that a message breaking it is refused; a
        ``conversation`` every rule the target's side keeps in what it sends."""
        return "refusal" if len(self.rules) == 1 else "conversation"

    @property
    def source(self) -> str:
        """Where its subject comes from (the rule row's source)."""
        return rule_row(self.rule).source

    def to_json(self) -> dict[str, object]:
        """The probe as a report's JSON shows it."""
        return {
            "id": self.id,
            "protocol": self.protocol,
            "summary": self.summary,
            "rule": str(self.rule),
            "rules": [str(rule) for rule in self.rules],
            "kind": self.kind,
            "source": self.source,
            "needs": sorted(self.needs),
            "generated": self.generated,
        }


# -- what a probe finds --------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Exchange:
    """One message of a probe as it crossed the wire: ``sent`` by the kit, the ``answer`` that
    came back, or an ``event`` the target sent to the kit's listener. ``status`` is an answer's
    HTTP status; ``phase`` is ``cleanup`` for what the kit sent to undo what the probe
    created.

    :param direction: ``"sent"``, ``"answer"`` or ``"event"``.
    :param summary: what the message is, in a few words (``SendImage request``).
    :param data: its bytes, as they crossed the wire.
    :param content_type: its Content-Type.
    :param status: an answer's HTTP status.
    :param phase: ``"probe"``, or ``"cleanup"`` for what undid the probe's work.
    """

    direction: Literal["sent", "answer", "event"]
    summary: str
    data: bytes
    content_type: str = ""
    status: int | None = None
    phase: Literal["probe", "cleanup"] = "probe"

    def to_json(self, shown: str) -> dict[str, object]:
        """The exchange as a report's JSON shows it.

        :param shown: the message as text, as the report shows it.
        """
        return {
            "direction": self.direction,
            "summary": self.summary,
            "status": self.status,
            "content_type": self.content_type,
            "phase": self.phase,
            "bytes": len(self.data),
            "text": shown,
        }


@attrs.frozen(kw_only=True)
class Finding:
    """A rule broken, as the kit saw it: what happened (``message``), what was ``expected`` and
    what came instead (``got``), and the message that shows it (``exchange``: its index in the
    probe's exchanges).

    :param rule: the rule broken.
    :param message: what happened, in words.
    :param severity: ``"error"``, or ``"warning"`` for a rule broken as a SHOULD.
    :param expected: what the rule asks for.
    :param got: what came instead.
    :param exchange: the index of the message that shows it among the probe's exchanges.
    """

    rule: str
    message: str
    severity: Severity = "error"
    expected: str | None = None
    got: str | None = None
    exchange: int | None = None

    def to_json(self) -> dict[str, object]:
        """The finding as a report's JSON shows it."""
        return {
            "rule": str(self.rule),
            "severity": self.severity,
            "message": self.message,
            "expected": self.expected,
            "got": self.got,
            "exchange": self.exchange,
        }
