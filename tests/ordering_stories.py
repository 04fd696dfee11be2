"""Every ordering rule of ``ORDERING_RULES`` told as a protocol story: the shared parts.

A story is a conforming conversation and the same conversation with one message that breaks
the rule (for SHOULD rules, a conversation that breaches it). The stories themselves are told
per protocol, beside this module: ``stories_dsp``, ``stories_dsd``, ``stories_dsc`` and
``stories_any`` (pairing of any protocol, and messages that fail validation), as the ordering
code is split; ``test_ordering`` replays every one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Literal

import attrs

from dsm_messages import (
    Envelope,
    Report,
    parse,
)
from dsm_messages.ordering_rules import ORDERING_RULES
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import (
    CONSOLE_SINK,
    DEVICE,
    FINAL_FILTER_STATE,
    FINAL_REASON,
    REPOSITORY,
    Conversation,
)

Role = Literal["device", "scan_server", "control_point", "observer"]


TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"
OTHER_TOKEN = "a3e91c07-52d4-4b8e-b6f1-0d7c28e45a19"
NEVER_MINTED = "0d5e7b21-94c3-4f6a-8e02-b17c3a9d5f64"
T0 = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
#: The event sink of a second subscriber to the same events (another device, console or
#: WS-Scan client): a host sends it a copy of each event (MS-BDSRR 3.2.4.8 and 3.2.4.9).
SECOND_SINK = "http://10.0.4.31:5357/0a6e3f2d-58c1-4b97-8d20-c3e1b7f9a645"


# -- stories --------------------------------------------------------------------------------


@attrs.frozen
class Tick:
    """The clock of a session moves to ``now`` (``Session.advance``)."""

    now: datetime


Item = Envelope | Report | Tick


@attrs.frozen(kw_only=True)
class Story:
    """``violating`` breaks ``rule`` with its message at ``index``; ``good`` does not.

    ``role`` tells the story from one endpoint only (rules about who sends what, and the
    clock); otherwise it is a transcript an observer sees, which both endpoints can replay.
    ``found_by`` is ``"finish"`` for what only the end of the conversation reveals.
    ``parties`` names (sender, receiver) of the offending message where the message itself
    cannot tell (a fault answering no request). ``held_by_receiver``: the receiver cannot
    tell the breach from a race it must tolerate, and holds the message rather than refuse
    it (a device holds an end state that overtook the EndPostScanJobResponse).
    """

    rule: str
    good: tuple[Item, ...]
    violating: tuple[Item, ...]
    index: int
    role: Role | None = None
    bad_sent: bool = True
    found_by: Literal["message", "finish"] = "message"
    parties: tuple[Role, Role] | None = None
    held_by_receiver: bool = False

    @property
    def severity(self) -> str:
        """``violation`` for a rule whose row refuses the message, else ``warning``."""
        return "violation" if ORDERING_RULES[self.rule].strict == "error" else "warning"

    @property
    def bad(self) -> Item:
        return self.violating[self.index]

    @property
    def transcript(self) -> bool:
        """Whether ``check_sequence`` can replay it (no clock, no single point of view)."""
        return self.role is None and not any(isinstance(i, Tick) for i in self.violating)


def transcript(items: Sequence[Item]) -> list[Envelope | Report]:
    """A story's messages as ``check_sequence`` takes them (no clock ticks)."""
    messages = [item for item in items if not isinstance(item, Tick)]
    assert len(messages) == len(items)
    return messages


def with_id(message: Envelope, message_id: str) -> Envelope:
    """The same message under another MessageID, as it would arrive."""
    return parse(attrs.evolve(message, message_id=message_id).to_bytes())


def inserted(
    rule: str,
    messages: Sequence[Item],
    at: int,
    bad: Item,
    *,
    keep_id: bool = False,
    **details: object,
) -> Story:
    """``messages`` is conforming; the violating version has ``bad`` at position ``at``.

    Unless the rule is about the MessageID itself, ``bad`` takes the MessageID of the next
    message: the refused message must not have used it up. (A message found wrong only when
    the conversation ends was accepted, so it keeps its own.)
    """
    if isinstance(bad, Envelope) and not keep_id and details.get("found_by") != "finish":
        later = [m.message_id for m in messages[at:] if isinstance(m, Envelope) and m.message_id]
        assert later, "a story goes on after the refused message"
        bad = with_id(bad, later[0])
    return Story(
        rule=rule,
        good=tuple(messages),
        violating=(*messages[:at], bad, *messages[at:]),
        index=at,
        **details,  # type: ignore[arg-type]
    )


def aside(c: Conversation, build: Callable[[Conversation], object]) -> Envelope:
    """The one message ``build`` makes, kept out of the conversation."""
    with c.aside() as made:
        build(c)
    assert len(made) == 1
    return made[0]


StoryBuilder = Callable[[], Story]
STORIES: dict[str, dict[str, StoryBuilder]] = {}


def story(rule: str, variant: str = "") -> Callable[[StoryBuilder], StoryBuilder]:
    def register(build: StoryBuilder) -> StoryBuilder:
        STORIES.setdefault(rule, {})[variant] = build
        return build

    return register


def dsp_job(*, images: int = 0) -> Conversation:
    """A device subscribed to the scan server's events and holding TOKEN."""
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.status(TOKEN, "Creating")
    for document_id in range(1, images + 1):
        c.image(TOKEN, document_id)
    return c


def dsd_device() -> Conversation:
    """A management console subscribed to a device's events."""
    c = Conversation()
    c.subscribe(DEVICE, CONSOLE_SINK)
    return c


def repository() -> Conversation:
    """A management console subscribed to a scan server's WS-DSC events."""
    c = Conversation()
    c.subscribe(REPOSITORY, CONSOLE_SINK)
    return c


def final_status(
    c: Conversation, token: str, state: str, *, images: int = 1, completed: str = s.COMPLETED_LOCAL
) -> Envelope:
    """A status event reporting the final ``state`` (the end-state event follows)."""
    return c.status(
        token,
        state,
        images=images,
        filter_state=FINAL_FILTER_STATE[state],
        reasons=(FINAL_REASON[state],),
        completed=completed,
    )
