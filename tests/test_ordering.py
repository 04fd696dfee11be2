"""Ordering rules: every rule of ``ORDERING_RULES`` told as a protocol story.

Each story is a conforming conversation and the same conversation with one message that breaks
the rule (for SHOULD rules, a conversation that breaches it). The expectations come from the
numbered rules of wsdp.md section 10, wsdsd.md section 8 and the WS-DSC job model
(wsdsc-and-schemas.md section 9), not from the library:

* a MUST breach is refused where it happens: ``check_sequence`` names the rule at the index
  of the offending message, an observer ``Session`` raises ``RemoteProtocolError``, the endpoint
  about to send it raises ``LocalProtocolError`` and the endpoint receiving it
  ``RemoteProtocolError`` carrying the fault to answer with;
* the refused message changes nothing: the rest of the conversation is accepted exactly as if
  it had never been sent, even when a later message reuses its MessageID;
* a SHOULD breach is accepted and reported as a warning about that message.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import attrs
import pytest

from dsm_messages import (
    ANONYMOUS,
    Envelope,
    LocalProtocolError,
    ProtocolError,
    RemoteProtocolError,
    Report,
    Session,
    check_sequence,
    parse,
)
from dsm_messages.faults import (
    DSC_JOB_TOKEN_NOT_FOUND,
    DSP_INVALID_ARGS,
    DSP_OPERATION_FAILED,
    fault_for,
)
from dsm_messages.models import dsc, dsd, dsp
from dsm_messages.ordering_rules import ORDERING_RULES
from dsm_messages.report import Problem as ValidationProblem
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import (
    CONSOLE_SINK,
    DEVICE,
    DSP_JOB_DESCRIPTION,
    DSP_JOB_STATUS,
    FINAL_FILTER_STATE,
    FINAL_REASON,
    REPOSITORY,
    SCAN_SERVER,
    WSCN_SCANNER_DESCRIPTION,
    WSCN_SCANNER_STATUS,
    Conversation,
    dsc_end_state_body,
    dsc_summaries,
    dsd_job_elements_body,
    job_status,
    job_summaries,
    scanner_elements_body,
)

Role = Literal["device", "scan_server", "control_point", "observer"]

TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"
OTHER_TOKEN = "a3e91c07-52d4-4b8e-b6f1-0d7c28e45a19"
NEVER_MINTED = "0d5e7b21-94c3-4f6a-8e02-b17c3a9d5f64"
T0 = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


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
    cannot tell (a fault answering no request).
    """

    rule: str
    good: tuple[Item, ...]
    violating: tuple[Item, ...]
    index: int
    role: Role | None = None
    bad_sent: bool = True
    found_by: Literal["message", "finish"] = "message"
    parties: tuple[Role, Role] | None = None

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


# -- WS-DSP: the job life cycle (wsdp.md rules 1-13) ----------------------------------------


@story("DSP-1")
def _dsp_1() -> Story:
    # rule 1: no job request before holding the token a CreatePostScanJobResponse minted
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.end(NEVER_MINTED))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-1", c.messages, at, bad)


@story("DSP-1", "before-the-create-response")
def _dsp_1_early() -> Story:
    c = Conversation()
    c.subscribe()
    create = c.create()
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(TOKEN, 1))
    c.created(create, TOKEN)
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    return inserted("DSP-1", c.messages, at, bad)


@story("DSP-2")
def _dsp_2() -> Story:
    # rule 2: the token is quoted byte for byte; another spelling of it is not the token
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.end(TOKEN.upper()))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-2", c.messages, at, bad)


@story("DSP-2", "padded")
def _dsp_2_padded() -> Story:
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(f" {TOKEN}", 2))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-2", c.messages, at, bad)


@story("DSP-2", "minted-twice")
def _dsp_2_minted_twice() -> Story:
    c = dsp_job(images=1)
    create = c.create()
    at = len(c.messages)
    bad = aside(c, lambda c: c.created(create, TOKEN))
    c.created(create, OTHER_TOKEN)
    c.finish_job(TOKEN, 1)
    c.answer(c.cancel(OTHER_TOKEN))
    return inserted("DSP-2", c.messages, at, bad)


@story("DSP-3")
def _dsp_3() -> Story:
    # rule 3: an event may overtake the response with its token (rule 22), but a token that
    # never appears at all is an error, found when the conversation ends
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.status(NEVER_MINTED, "Processing"))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-3", c.messages, at, bad, found_by="finish")


@story("DSP-4")
def _dsp_4() -> Story:
    # rule 4: a CreatePostScanJob that faulted leaves no job to talk about
    c = Conversation()
    c.subscribe()
    c.fault(c.create(), DSP_OPERATION_FAILED)
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(TOKEN, 1))
    c.open_job(TOKEN)
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    return inserted("DSP-4", c.messages, at, bad)


@story("DSP-5")
def _dsp_5() -> Story:
    # rule 5: SendImage belongs between the create response and the end of the job; here the
    # server aborted the job (rule 27) before the device sent its second image
    c = dsp_job(images=1)
    c.end_state(TOKEN, "Aborted", images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(TOKEN, 2))
    # rule 15: the device may still read the job after it finished
    c.elements(c.get_elements(TOKEN), status=job_status(TOKEN, "Aborted", images=1))
    return inserted("DSP-5", c.messages, at, bad)


@story("DSP-6")
def _dsp_6() -> Story:
    # rule 6: a job normally has at least one image; none is allowed but worth a warning
    good = dsp_job(images=1)
    good.finish_job(TOKEN, 1)
    c = dsp_job()
    end = c.end(TOKEN)
    c.answer(end)
    c.end_state(TOKEN, "Completed")
    return Story(
        rule="DSP-6",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(end),
    )


@story("DSP-7")
def _dsp_7() -> Story:
    # rule 7: a DocumentId is unique within its job
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(TOKEN, 1))
    c.image(TOKEN, 2)
    c.finish_job(TOKEN, 2)
    return inserted("DSP-7", c.messages, at, bad)


@story("DSP-8")
def _dsp_8() -> Story:
    # rule 8: the device waits for each SendImageResponse before the next SendImage
    good = dsp_job(images=2)
    good.finish_job(TOKEN, 2)
    c = dsp_job()
    first = c.send_image(TOKEN, 1)
    second = c.send_image(TOKEN, 2)
    c.answer(first)
    c.answer(second)
    c.finish_job(TOKEN, 2)
    return Story(
        rule="DSP-8",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(second),
    )


@story("DSP-9")
def _dsp_9() -> Story:
    # rule 9: EndPostScanJob only once the last SendImage was answered
    c = dsp_job()
    image = c.send_image(TOKEN, 1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.end(TOKEN))
    c.answer(image)
    c.finish_job(TOKEN, 1)
    return inserted("DSP-9", c.messages, at, bad)


@story("DSP-9", "twice")
def _dsp_9_twice() -> Story:
    c = dsp_job(images=1)
    c.answer(c.end(TOKEN))
    at = len(c.messages)
    bad = aside(c, lambda c: c.end(TOKEN))
    c.status(TOKEN, "Processing", images=1, filter_state="Processing")
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-9", c.messages, at, bad)


@story("DSP-10")
def _dsp_10() -> Story:
    # rule 10: no SendImage once EndPostScanJob is on its way
    c = dsp_job(images=1)
    end = c.end(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(TOKEN, 2))
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-10", c.messages, at, bad)


@story("DSP-11")
def _dsp_11() -> Story:
    # rule 11: 10 minutes after the last SendImage without EndPostScanJob the server ends the
    # job; a message for it after that is worth a warning (told from the scan server)
    def job(quiet: timedelta) -> tuple[list[Item], int]:
        c = Conversation()
        c.subscribe()
        subscribe, subscribed = c.messages
        create = c.create()
        created = c.created(create, TOKEN)
        image = c.send_image(TOKEN, 1)
        image_answer = c.answer(image)
        end = c.end(TOKEN)
        items: list[Item] = [
            subscribe,
            subscribed,
            Tick(T0),
            create,
            created,
            Tick(T0 + timedelta(minutes=4)),
            image,
            image_answer,
            Tick(T0 + timedelta(minutes=4) + quiet),
            end,
            c.answer(end),
        ]
        return items, items.index(end)

    good, _ = job(timedelta(minutes=9, seconds=59))
    violating, index = job(timedelta(minutes=10))
    return Story(
        rule="DSP-11",
        good=tuple(good),
        violating=tuple(violating),
        index=index,
        role="scan_server",
        bad_sent=False,
    )


@story("DSP-12")
def _dsp_12() -> Story:
    # rule 12: CancelPostScanJob only while the job is active
    c = dsp_job(images=1)
    c.finish_job(TOKEN, 1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.cancel(TOKEN))
    c.elements(c.get_elements(TOKEN), status=job_status(TOKEN, "Completed", images=1))
    return inserted("DSP-12", c.messages, at, bad)


@story("DSP-13")
def _dsp_13() -> Story:
    # rule 13: after CancelPostScanJob, no SendImage ...
    c = dsp_job(images=1)
    cancel = c.cancel(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.send_image(TOKEN, 2))
    c.answer(cancel)
    c.status(TOKEN, "Terminating", images=1, reasons=("PostScanJobCanceled",))
    c.end_state(TOKEN, "Canceled", images=1)
    return inserted("DSP-13", c.messages, at, bad)


@story("DSP-13", "end-after-cancel")
def _dsp_13_end() -> Story:
    # ... and no EndPostScanJob
    c = dsp_job(images=1)
    c.answer(c.cancel(TOKEN))
    at = len(c.messages)
    bad = aside(c, lambda c: c.end(TOKEN))
    c.end_state(TOKEN, "Canceled", images=1)
    return inserted("DSP-13", c.messages, at, bad)


# -- WS-DSP: correlation and events (wsdp.md rules 16-26) ------------------------------------


@story("DSP-16")
def _dsp_16() -> Story:
    # rule 16: one ElementData per requested Name
    def job(answered: Sequence[object]) -> tuple[Conversation, Envelope]:
        c = dsp_job(images=1)
        get = c.get_elements(TOKEN, [DSP_JOB_STATUS, DSP_JOB_DESCRIPTION])
        response = c.elements(get, answered, job_status(TOKEN, "Creating", images=1))  # type: ignore[arg-type]
        c.finish_job(TOKEN, 1)
        return c, response

    good, _ = job([DSP_JOB_STATUS, DSP_JOB_DESCRIPTION])
    c, response = job([DSP_JOB_STATUS])
    return Story(
        rule="DSP-16",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(response),
    )


@story("DSP-17")
def _dsp_17() -> Story:
    # rule 17: exactly one reply per request
    c = dsp_job()
    image = c.send_image(TOKEN, 1)
    c.answer(image)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(image))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-17", c.messages, at, bad)


@story("DSP-17", "fault-after-response")
def _dsp_17_fault() -> Story:
    c = dsp_job()
    image = c.send_image(TOKEN, 1)
    c.answer(image)
    at = len(c.messages)
    bad = aside(c, lambda c: c.fault(image))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-17", c.messages, at, bad)


@story("DSP-11-OPEN")
def _dsp_11_open() -> Story:
    # rule 11: a job ends by EndPostScanJob, a cancel, or the server's own end state
    good = dsp_job(images=1)
    good.finish_job(TOKEN, 1)
    c = Conversation()
    c.subscribe()
    created = c.open_job(TOKEN)
    c.status(TOKEN, "Creating")
    c.image(TOKEN, 1)
    return Story(
        rule="DSP-11-OPEN",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(created),
        found_by="finish",
    )


@story("DSP-17-UNANSWERED")
def _dsp_17_unanswered() -> Story:
    good = dsp_job(images=1)
    good.elements(good.get_elements(TOKEN), status=job_status(TOKEN, "Creating", images=1))
    good.finish_job(TOKEN, 1)
    c = dsp_job(images=1)
    get = c.get_elements(TOKEN)
    c.finish_job(TOKEN, 1)
    return Story(
        rule="DSP-17-UNANSWERED",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(get),
        found_by="finish",
    )


@story("DSP-18")
def _dsp_18() -> Story:
    # rule 18: a reply's RelatesTo is the MessageID of a request of this conversation
    c = dsp_job(images=1)
    end = c.end(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(attrs.evolve(end, message_id=c.new_id())))
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-18", c.messages, at, bad)


@story("DSP-18", "wrong-operation")
def _dsp_18_operation() -> Story:
    # ... and the response action is the one of the request's operation
    c = dsp_job(images=1)
    end = c.end(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(end, copy.deepcopy(s.SAMPLES["dsp:SendImageResponse"])))
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-18", c.messages, at, bad)


@story("DSP-19")
def _dsp_19() -> Story:
    # rule 19: every message has its own MessageID
    c = dsp_job()
    image = c.send_image(TOKEN, 1)
    assert image.message_id is not None
    at = len(c.messages)
    bad = with_id(aside(c, lambda c: c.send_image(TOKEN, 2)), image.message_id)
    c.answer(image)
    c.image(TOKEN, 2)
    c.finish_job(TOKEN, 2)
    return inserted("DSP-19", c.messages, at, bad, keep_id=True)


@story("DSP-20")
def _dsp_20() -> Story:
    # rule 20: events come only through a subscription
    good = dsp_job(images=1)
    good.answer(good.end(TOKEN))
    c = Conversation()
    c.open_job(TOKEN)
    event = c.status(TOKEN, "Creating")
    c.image(TOKEN, 1)
    c.answer(c.end(TOKEN))
    return Story(
        rule="DSP-20",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


@story("DSP-25")
def _dsp_25() -> Story:
    # rule 25: one end-state event per job ...
    c = dsp_job(images=1)
    c.finish_job(TOKEN, 1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.end_state(TOKEN, "Completed", images=1))
    c.elements(c.get_elements(TOKEN), status=job_status(TOKEN, "Completed", images=1))
    return inserted("DSP-25", c.messages, at, bad)


@story("DSP-25", "completed-before-end-answered")
def _dsp_25_early() -> Story:
    # ... and for a normally ended job it comes after EndPostScanJobResponse
    c = dsp_job(images=1)
    end = c.end(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.end_state(TOKEN, "Completed", images=1))
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-25", c.messages, at, bad)


@story("DSP-26")
def _dsp_26() -> Story:
    # rule 26: the end-state event is the last message about a job
    c = dsp_job(images=1)
    c.finish_job(TOKEN, 1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.status(TOKEN, "Processing", images=1, filter_state="Processing"))
    c.elements(c.get_elements(TOKEN), status=job_status(TOKEN, "Completed", images=1))
    return inserted("DSP-26", c.messages, at, bad)


# -- WS-DSP: state values (wsdp.md rules 28-37) ----------------------------------------------


@story("DSP-28")
def _dsp_28() -> Story:
    # rule 28: Completed, Aborted and Canceled are final
    c = dsp_job(images=1)
    c.answer(c.end(TOKEN))
    final_status(c, TOKEN, "Completed")
    at = len(c.messages)
    bad = aside(c, lambda c: c.status(TOKEN, "Processing", images=1, filter_state="Processing"))
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-28", c.messages, at, bad)


@story("DSP-28", "in-a-get-response")
def _dsp_28_get() -> Story:
    c = dsp_job(images=1)
    c.finish_job(TOKEN, 1)
    get = c.get_elements(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.elements(get, status=job_status(TOKEN, "Processing", images=1)))
    c.elements(get, status=job_status(TOKEN, "Completed", images=1))
    return inserted("DSP-28", c.messages, at, bad)


@story("DSP-28-BACKWARD")
def _dsp_28_backward() -> Story:
    # rule 28: observers may miss states, so a backward move is only a warning
    def job(later: str) -> tuple[Conversation, Envelope]:
        c = dsp_job(images=1)
        c.status(TOKEN, "Processing", images=1)
        event = c.status(TOKEN, later, images=1)
        c.finish_job(TOKEN, 1)
        return c, event

    good, _ = job("Processing")
    c, event = job("Pending")
    return Story(
        rule="DSP-28-BACKWARD",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


@story("DSP-30")
def _dsp_30() -> Story:
    # rule 30: JobCompletedState is Aborted, Canceled or Completed (a schema-invalid model, as a
    # peer that skipped validation would send it)
    c = dsp_job(images=1)
    c.answer(c.end(TOKEN))
    at = len(c.messages)
    bad = aside(c, lambda c: c.end_state(TOKEN, "Processing", images=1, reason="None"))
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-30", c.messages, at, bad)


def dsp_warning(
    rule: str,
    breach: Callable[[Conversation], Envelope],
    conforming: Callable[[Conversation], Envelope],
    *,
    images: int = 1,
) -> Story:
    """A job where one event (``breach`` or ``conforming``) is sent after its images, and
    the device then ends the job if the event did not come after its end."""
    good = dsp_job(images=images)
    conforming(good)
    end_if_open(good)
    c = dsp_job(images=images)
    event = breach(c)
    end_if_open(c)
    return Story(
        rule=rule,
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


def end_if_open(c: Conversation) -> None:
    """EndPostScanJob (answered) for TOKEN, unless the device already sent one."""
    if not any(isinstance(message.body, dsp.EndPostScanJobRequest) for message in c.messages):
        c.answer(c.end(TOKEN))


def finished(
    state: str = "Completed", *, images: int = 1, **details: object
) -> Callable[[Conversation], Envelope]:
    """EndPostScanJob answered, then the end state with ``details``."""

    def run(c: Conversation) -> Envelope:
        c.answer(c.end(TOKEN))
        return c.end_state(TOKEN, state, images=images, **details)

    return run


@story("DSP-31")
def _dsp_31() -> Story:
    # rule 31: Completed goes with PostScanJobCompleted*, Canceled with PostScanJobCanceled
    return dsp_warning(
        "DSP-31",
        finished(reason="PostScanJobCanceled"),
        finished(reason="PostScanJobCompletedWithErrors", filter_state="CompletedWithErrors"),
    )


@story("DSP-32")
def _dsp_32() -> Story:
    # rule 32: a filter moves forward ...
    def events(later: str) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.status(TOKEN, "Processing", images=1, filter_state="Processing")
            return c.status(TOKEN, "Processing", images=1, filter_state=later)

        return run

    return dsp_warning("DSP-32", events("Pending"), events("CompletedWithWarnings"))


@story("DSP-32", "not-final-in-the-end-state")
def _dsp_32_end() -> Story:
    # ... and is in a final filter state in the end state
    return dsp_warning(
        "DSP-32",
        finished(filter_state="Processing"),
        finished(filter_state="CompletedSuccessfully"),
    )


@story("DSP-33")
def _dsp_33() -> Story:
    # rule 33: the filters reported are the filters the create request named
    return dsp_warning(
        "DSP-33",
        lambda c: c.status(TOKEN, "Processing", images=1, dialects=(s.FILESHARE_DIALECT,)),
        lambda c: c.status(TOKEN, "Processing", images=1),
    )


@story("DSP-34")
def _dsp_34() -> Story:
    # rule 34: ImagesReceived never decreases ...
    def events(later: int) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.status(TOKEN, "Creating", images=2)
            return c.status(TOKEN, "Processing", images=later)

        return run

    return dsp_warning("DSP-34", events(1), events(2), images=2)


@story("DSP-34", "end-state-count")
def _dsp_34_end() -> Story:
    # ... and the end state counts the images the server accepted
    return dsp_warning("DSP-34", finished(images=3), finished(images=2), images=2)


@story("DSP-35")
def _dsp_35() -> Story:
    # rule 35: JobCompletedTime only once the job has finished ...
    return dsp_warning(
        "DSP-35",
        lambda c: c.status(TOKEN, "Processing", images=1, completed=s.COMPLETED_LOCAL),
        lambda c: c.status(TOKEN, "Processing", images=1),
    )


@story("DSP-35", "completed-before-created")
def _dsp_35_order() -> Story:
    # ... and not before JobCreatedTime
    def completed_at(time: str) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.answer(c.end(TOKEN))
            return final_status(c, TOKEN, "Completed", completed=time)

        return run

    return dsp_warning(
        "DSP-35", completed_at("2026-03-02T09:15:20.000"), completed_at(s.COMPLETED_LOCAL)
    )


@story("DSP-37")
def _dsp_37() -> Story:
    # rule 37: the end state names the scan process the job was created with
    return dsp_warning(
        "DSP-37", finished(psp_identifier=s.OTHER_PSP_ID), finished(psp_identifier=s.PSP_ID)
    )


@story("DSP-39", "scan-server-sends-a-request")
def _dsp_39() -> Story:
    # rule 39: the scan server never sends a WS-DSP request
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.get_elements(TOKEN))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-39", c.messages, at, bad, role="scan_server", bad_sent=True)


@story("DSP-39", "device-receives-a-request")
def _dsp_39_received() -> Story:
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.cancel(TOKEN))
    c.finish_job(TOKEN, 1)
    return inserted("DSP-39", c.messages, at, bad, role="device", bad_sent=False)


# -- WS-DSD (wsdsd.md section 8) ------------------------------------------------------------


def dsd_scan(c: Conversation, job_id: int = 77, *, end: str = "Completed") -> None:
    c.dsd_status(job_id, "Started")
    c.dsd_status(job_id, "Processing", scans=1)
    c.dsd_end(job_id, end, scans=1)


@story("DSD-1")
def _dsd_1() -> Story:
    # rule 1: a JobId is in 1..2147483647 (0 is schema-invalid: built as a careless peer would)
    c = dsd_device()
    c.dsd_status(77, "Started")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsd_status(0, "Started"))
    c.dsd_status(77, "Processing", scans=1)
    c.dsd_end(77, scans=1)
    return inserted("DSD-1", c.messages, at, bad)


@story("DSD-1", "too-large")
def _dsd_1_large() -> Story:
    c = dsd_device()
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsd_end(2**31, scans=1))
    dsd_scan(c, 2**31 - 1)
    return inserted("DSD-1", c.messages, at, bad)


def dsd_warning(
    rule: str,
    breach: Callable[[Conversation], Envelope],
    conforming: Callable[[Conversation], Envelope],
    *,
    then: Callable[[Conversation], object] = lambda c: None,
) -> Story:
    good = dsd_device()
    conforming(good)
    then(good)
    c = dsd_device()
    event = breach(c)
    then(c)
    return Story(
        rule=rule,
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


@story("DSD-2")
def _dsd_2() -> Story:
    # rule 2: the first status of a job is Started (or Creating/Pending)
    def scan(first: str) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            event = c.dsd_status(77, first)
            c.dsd_status(77, "Processing", scans=1)
            c.dsd_end(77, scans=1)
            return event

        return run

    return dsd_warning("DSD-2", scan("Processing"), scan("Pending"))


def dsd_states(
    rule: str, before: Sequence[str], bad: str, after: Sequence[str], end: str
) -> Story:
    """A job reported in ``before`` states, then ``bad``, then ``after`` and its end event."""
    c = dsd_device()
    for scans, state in enumerate(before):
        c.dsd_status(77, state, scans=scans)
    at = len(c.messages)
    bad_event = aside(c, lambda c: c.dsd_status(77, bad, scans=len(before)))
    for scans, state in enumerate(after, start=len(before)):
        completed = s.DEVICE_SCAN_DONE if state in ("Completed", "Canceled", "Aborted") else None
        c.dsd_status(77, state, scans=scans, completed=completed)
    c.dsd_end(77, end, scans=len(before) + len(after))
    return inserted(rule, c.messages, at, bad_event)


@story("DSD-3")
def _dsd_3() -> Story:
    # rule 3: no return from Processing to Pending
    return dsd_states("DSD-3", ["Started", "Processing"], "Pending", ["Completed"], "Completed")


@story("DSD-3", "held-to-completed")
def _dsd_3_held() -> Story:
    return dsd_states(
        "DSD-3", ["Pending", "Held"], "Completed", ["Pending", "Started"], "Completed"
    )


@story("DSD-4")
def _dsd_4() -> Story:
    # rule 4: Terminating resolves to Canceled or Aborted
    return dsd_states("DSD-4", ["Started", "Terminating"], "Processing", ["Canceled"], "Canceled")


@story("DSD-5")
def _dsd_5() -> Story:
    # rule 5: terminal is final
    c = dsd_device()
    c.dsd_status(77, "Started")
    c.dsd_status(77, "Completed", scans=1, completed=s.DEVICE_SCAN_DONE)
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsd_status(77, "Aborted", scans=1, completed=s.DEVICE_SCAN_DONE))
    c.dsd_end(77, scans=1)
    return inserted("DSD-5", c.messages, at, bad)


@story("DSD-6")
def _dsd_6() -> Story:
    # rule 6: exactly one end event, after every status event of the job
    c = dsd_device()
    dsd_scan(c)
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsd_end(77, scans=1))
    dsd_scan(c, 78)
    return inserted("DSD-6", c.messages, at, bad)


@story("DSD-6", "status-after-end")
def _dsd_6_status() -> Story:
    c = dsd_device()
    dsd_scan(c)
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsd_status(77, "Processing", scans=2))
    dsd_scan(c, 78)
    return inserted("DSD-6", c.messages, at, bad)


@story("DSD-7")
def _dsd_7() -> Story:
    # rule 7: the end state is the terminal state reported before
    c = dsd_device()
    c.dsd_status(77, "Started")
    c.dsd_status(77, "Canceled", reason="JobCanceledAtDevice", completed=s.DEVICE_SCAN_DONE)
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsd_end(77, "Completed"))
    c.dsd_end(77, "Canceled")
    return inserted("DSD-7", c.messages, at, bad)


@story("DSD-7-TERMINATING")
def _dsd_7_terminating() -> Story:
    # rule 7: Terminating is tolerated as an end state (jobcompletedstate.md lists it)
    def scan(end: str) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.dsd_status(77, "Started")
            c.dsd_status(77, "Terminating")
            return c.dsd_end(77, end)

        return run

    return dsd_warning("DSD-7-TERMINATING", scan("Terminating"), scan("Canceled"))


@story("DSD-8")
def _dsd_8() -> Story:
    # rule 8: every change evented, so consecutive status events differ
    def scan(scans: int) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.dsd_status(77, "Started")
            c.dsd_status(77, "Processing", scans=1)
            event = c.dsd_status(77, "Processing", scans=scans)
            c.dsd_end(77, scans=scans)
            return event

        return run

    return dsd_warning("DSD-8", scan(1), scan(2))


@story("DSD-9")
def _dsd_9() -> Story:
    # rule 9: ScansCompleted never decreases
    def scan(end_scans: int) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.dsd_status(77, "Started")
            c.dsd_status(77, "Processing", scans=3)
            return c.dsd_end(77, scans=end_scans)

        return run

    return dsd_warning("DSD-9", scan(2), scan(3))


@story("DSD-10")
def _dsd_10() -> Story:
    # rule 10: JobCompletedTime only once the job is in a terminal state
    def scan(completed: str | None) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.dsd_status(77, "Started")
            event = c.dsd_status(77, "Processing", scans=1, completed=completed)
            c.dsd_end(77, scans=1)
            return event

        return run

    return dsd_warning("DSD-10", scan(s.DEVICE_SCAN_DONE), scan(None))


@story("DSD-11")
def _dsd_11() -> Story:
    # rule 11: a JobId that finished should not start a new job soon (SHOULD: a new Started
    # sequence under the old JobId is accepted with a warning)
    def scan(second_job: int) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            dsd_scan(c, 77)
            event = c.dsd_status(second_job, "Started")
            c.dsd_status(second_job, "Processing", scans=1)
            c.dsd_end(second_job, scans=1)
            return event

        return run

    return dsd_warning("DSD-11", scan(77), scan(78))


def dsd_request(
    rule: str,
    request: Callable[[Conversation], Envelope],
    bad: Callable[[Conversation, Envelope], object],
    good: Callable[[Conversation, Envelope], object],
    *,
    before: Callable[[Conversation], object] = lambda c: None,
) -> Story:
    c = dsd_device()
    before(c)
    sent = request(c)
    at = len(c.messages)
    bad_reply = aside(c, lambda c: bad(c, sent))
    good(c, sent)
    return inserted(rule, c.messages, at, bad_reply)


@story("DSD-12")
def _dsd_12() -> Story:
    # rule 12: active jobs are not terminal ...
    return dsd_request(
        "DSD-12",
        lambda c: c.get_active_jobs(),
        lambda c, r: c.answer(
            r,
            dsd.GetActiveJobsResponse(
                active_jobs=job_summaries((41, "Processing"), (40, "Completed"))
            ),
        ),
        lambda c, r: c.answer(
            r, dsd.GetActiveJobsResponse(active_jobs=job_summaries((41, "Processing")))
        ),
    )


@story("DSD-12", "history")
def _dsd_12_history() -> Story:
    # ... and jobs in the history are
    return dsd_request(
        "DSD-12",
        lambda c: c.get_job_history(),
        lambda c, r: c.answer(
            r,
            dsd.GetJobHistoryResponse(
                job_history=job_summaries((40, "Aborted"), (41, "Processing"))
            ),
        ),
        lambda c, r: c.answer(
            r, dsd.GetJobHistoryResponse(job_history=job_summaries((40, "Aborted")))
        ),
    )


@story("DSD-12-REPEAT")
def _dsd_12_repeat() -> Story:
    # rule 12: a JobId appears at most once per list
    def listing(jobs: Sequence[tuple[int, str]]) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            return c.answer(
                c.get_active_jobs(), dsd.GetActiveJobsResponse(active_jobs=job_summaries(*jobs))
            )

        return run

    return dsd_warning(
        "DSD-12-REPEAT",
        listing([(41, "Processing"), (41, "Processing")]),
        listing([(41, "Processing"), (42, "Pending")]),
    )


@story("DSD-13")
def _dsd_13() -> Story:
    # rule 13: after the end event GetJobElements never returns a non-terminal JobStatus
    return dsd_request(
        "DSD-13",
        lambda c: c.get_job_elements(77),
        lambda c, r: c.answer(r, dsd_job_elements_body(77, "Processing", scans=1)),
        lambda c, r: c.answer(r, dsd_job_elements_body(77, "Completed", scans=1)),
        before=dsd_scan,
    )


@story("DSD-14")
def _dsd_14() -> Story:
    # rule 14: the condition cleared was raised before and is still active
    c = dsd_device()
    c.condition(31)
    at = len(c.messages)
    bad = aside(c, lambda c: c.cleared(32))
    c.cleared(31)
    return inserted("DSD-14", c.messages, at, bad)


@story("DSD-14", "listed-by-get-scanner-elements")
def _dsd_14_listed() -> Story:
    # (a condition listed in ActiveConditions counts as raised)
    c = dsd_device()
    names = [WSCN_SCANNER_STATUS]
    c.answer(c.get_scanner_elements(names), scanner_elements_body(names, active_conditions=[31]))
    at = len(c.messages)
    bad = aside(c, lambda c: c.cleared(30))
    c.cleared(31)
    return inserted("DSD-14", c.messages, at, bad)


@story("DSD-15")
def _dsd_15() -> Story:
    # rule 15: at most one cleared event per condition
    c = dsd_device()
    c.condition(31)
    c.cleared(31)
    at = len(c.messages)
    bad = aside(c, lambda c: c.cleared(31))
    c.condition(32)
    c.cleared(32)
    return inserted("DSD-15", c.messages, at, bad)


@story("DSD-16")
def _dsd_16() -> Story:
    # rule 16: a cleared condition's Id is not recycled
    def conditions(second: int) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.condition(31)
            c.cleared(31)
            return c.condition(second, s.DEVICE_SCAN_DONE)

        return run

    return dsd_warning("DSD-16", conditions(31), conditions(32))


@story("DSD-18")
def _dsd_18() -> Story:
    # rule 18: ConditionClearTime is not before the condition's Time
    def conditions(cleared_at: str) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.condition(31, s.CONDITION_RAISED)
            return c.cleared(31, cleared_at)

        return run

    return dsd_warning("DSD-18", conditions(s.JAM_CLEARED), conditions(s.CONDITION_CLEARED))


@story("DSD-19")
def _dsd_19() -> Story:
    # rule 19: a cleared condition leaves ActiveConditions
    def conditions(active: Sequence[int]) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.condition(31)
            c.condition(32)
            c.cleared(31)
            names = [WSCN_SCANNER_STATUS]
            return c.answer(
                c.get_scanner_elements(names),
                scanner_elements_body(names, active_conditions=active),
            )

        return run

    return dsd_warning("DSD-19", conditions([31, 32]), conditions([32]))


@story("DSD-20")
def _dsd_20() -> Story:
    # rule 20: consecutive summary events differ
    def summaries(second: tuple[str, ...]) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            c.summary("Processing", "None")
            return c.summary(*second)

        return run

    return dsd_warning("DSD-20", summaries(("Processing", "None")), summaries(("Idle", "None")))


@story("DSD-22")
def _dsd_22() -> Story:
    # rule 22: no event without a subscription
    good = dsd_device()
    dsd_scan(good)
    c = Conversation()
    dsd_scan(c)
    return Story(rule="DSD-22", good=tuple(good.messages), violating=tuple(c.messages), index=0)


@story("DSD-23")
def _dsd_23() -> Story:
    # rule 23: a reply relates to a request of the conversation ...
    c = dsd_device()
    get = c.get_active_jobs()
    at = len(c.messages)
    bad = aside(
        c,
        lambda c: c.answer(
            attrs.evolve(get, message_id=c.new_id()),
            dsd.GetActiveJobsResponse(active_jobs=job_summaries()),
        ),
    )
    c.answer(get, dsd.GetActiveJobsResponse(active_jobs=job_summaries()))
    return inserted("DSD-23", c.messages, at, bad)


@story("DSD-23", "second-reply")
def _dsd_23_twice() -> Story:
    # ... and is its only reply
    c = dsd_device()
    get = c.get_job_history()
    c.answer(get, dsd.GetJobHistoryResponse(job_history=job_summaries()))
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(get, dsd.GetJobHistoryResponse(job_history=job_summaries())))
    dsd_scan(c)
    return inserted("DSD-23", c.messages, at, bad)


@story("DSD-23", "message-id-twice")
def _dsd_23_id() -> Story:
    c = dsd_device()
    first = c.dsd_status(77, "Started")
    assert first.message_id is not None
    at = len(c.messages)
    bad = with_id(aside(c, lambda c: c.dsd_status(77, "Processing", scans=1)), first.message_id)
    c.dsd_status(77, "Processing", scans=1)
    c.dsd_end(77, scans=1)
    return inserted("DSD-23", c.messages, at, bad, keep_id=True)


@story("DSD-23-UNANSWERED")
def _dsd_23_unanswered() -> Story:
    good = dsd_device()
    good.answer(good.get_active_jobs(), dsd.GetActiveJobsResponse(active_jobs=job_summaries()))
    dsd_scan(good)
    c = dsd_device()
    get = c.get_active_jobs()
    dsd_scan(c)
    return Story(
        rule="DSD-23-UNANSWERED",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(get),
        found_by="finish",
    )


@story("DSD-24")
def _dsd_24() -> Story:
    # rule 24: one ElementData per requested Name
    names = [WSCN_SCANNER_DESCRIPTION, WSCN_SCANNER_STATUS]
    return dsd_request(
        "DSD-24",
        lambda c: c.get_scanner_elements(names),
        lambda c, r: c.answer(r, scanner_elements_body(names[:1])),
        lambda c, r: c.answer(r, scanner_elements_body(names)),
    )


@story("DSD-24-ORDER")
def _dsd_24_order() -> Story:
    # rule 24: ... in the order requested (SHOULD)
    names = [WSCN_SCANNER_DESCRIPTION, WSCN_SCANNER_STATUS]

    def answer(order: Sequence[object]) -> Callable[[Conversation], Envelope]:
        def run(c: Conversation) -> Envelope:
            return c.answer(c.get_scanner_elements(names), scanner_elements_body(order))  # type: ignore[arg-type]

        return run

    return dsd_warning("DSD-24-ORDER", answer(names[::-1]), answer(names))


@story("DSD-ROLE", "device-sends-a-request")
def _dsd_role() -> Story:
    # wsdsd.md section 1: the control point sends the requests, the device answers them
    c = dsd_device()
    c.dsd_status(77, "Started")
    at = len(c.messages)
    bad = aside(c, lambda c: c.get_active_jobs())
    c.dsd_status(77, "Processing", scans=1)
    c.dsd_end(77, scans=1)
    return inserted("DSD-ROLE", c.messages, at, bad, role="device", bad_sent=True)


@story("DSD-ROLE", "control-point-sends-an-event")
def _dsd_role_event() -> Story:
    # ... and the device sends the events
    c = dsd_device()
    c.dsd_status(77, "Started")
    at = len(c.messages)
    bad = aside(c, lambda c: c.condition(31))
    c.dsd_status(77, "Processing", scans=1)
    c.dsd_end(77, scans=1)
    return inserted("DSD-ROLE", c.messages, at, bad, role="control_point", bad_sent=True)


@story("DSD-ROLE", "control-point-receives-a-request")
def _dsd_role_received() -> Story:
    c = dsd_device()
    get = c.get_active_jobs()
    at = len(c.messages)
    bad = aside(c, lambda c: c.get_job_history())
    c.answer(get, dsd.GetActiveJobsResponse(active_jobs=job_summaries()))
    return inserted("DSD-ROLE", c.messages, at, bad, role="control_point", bad_sent=False)


# -- WS-DSC (wsdsc-and-schemas.md section 9) ------------------------------------------------


@story("DSC-CANCEL")
def _dsc_cancel() -> Story:
    # 9.1 Cancel: the job must be active, otherwise ClientErrorJobTokenNotFound
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    c.dsc_end_state(TOKEN, "Completed")
    cancel = c.dsc_cancel(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(cancel))
    c.fault(cancel, DSC_JOB_TOKEN_NOT_FOUND)
    return inserted("DSC-CANCEL", c.messages, at, bad)


@story("DSC-END-STATE")
def _dsc_end_state() -> Story:
    # 9.1 Events: PostScanJobEndStateEvent exactly when the job completes (once) ...
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    c.dsc_end_state(TOKEN, "Completed")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsc_end_state(TOKEN, "Completed"))
    c.dsc_status(OTHER_TOKEN, "Processing")
    return inserted("DSC-END-STATE", c.messages, at, bad)


@story("DSC-END-STATE", "status-after-end-state")
def _dsc_end_state_status() -> Story:
    # ... carrying the final values: no status follows it
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    c.dsc_end_state(TOKEN, "Canceled")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsc_status(TOKEN, "Processing"))
    c.dsc_status(OTHER_TOKEN, "Processing")
    return inserted("DSC-END-STATE", c.messages, at, bad)


@story("DSC-FINAL")
def _dsc_final() -> Story:
    # 9.2: Completed, Canceled and Aborted are terminal
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    c.dsc_status(TOKEN, "Completed", filter_state="CompletedSuccessfully")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsc_status(TOKEN, "Processing"))
    c.dsc_end_state(TOKEN, "Completed")
    return inserted("DSC-FINAL", c.messages, at, bad)


@story("DSC-FINAL", "finished-job-among-active-jobs")
def _dsc_final_active() -> Story:
    # 9.1: GetActiveJobs lists the jobs being processed
    c = repository()
    get = c.dsc_get_active_jobs()
    at = len(c.messages)
    bad = aside(
        c,
        lambda c: c.answer(
            get,
            dsc.GetActiveJobsResponse(
                active_jobs=dsc_summaries((TOKEN, "Processing"), (OTHER_TOKEN, "Completed"))
            ),
        ),
    )
    c.answer(get, dsc.GetActiveJobsResponse(active_jobs=dsc_summaries((TOKEN, "Processing"))))
    return inserted("DSC-FINAL", c.messages, at, bad)


def dsc_warning(
    rule: str,
    second: Callable[[Conversation], Envelope],
    conforming: Callable[[Conversation], Envelope],
) -> Story:
    good = repository()
    good.dsc_status(TOKEN, "Processing")
    conforming(good)
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    event = second(c)
    return Story(
        rule=rule,
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


@story("DSC-ORDER")
def _dsc_order() -> Story:
    # 9.2: a job moves forward (observers may miss states: backward moves are warnings)
    return dsc_warning(
        "DSC-ORDER",
        lambda c: c.dsc_status(TOKEN, "Pending"),
        lambda c: c.dsc_status(TOKEN, "Terminating"),
    )


@story("DSC-FILTER")
def _dsc_filter() -> Story:
    # 9.1/9.2: a filter moves from Pending to Processing to a completion state
    return dsc_warning(
        "DSC-FILTER",
        lambda c: c.dsc_status(TOKEN, "Processing", filter_state="Pending"),
        lambda c: c.dsc_status(TOKEN, "Processing", filter_state="CompletedWithErrors"),
    )


@story("DSC-PAIRING")
def _dsc_pairing() -> Story:
    # MS-BDSRR 2.2.2.1: a reply relates to a request of the conversation, once
    c = repository()
    get = c.dsc_get_active_jobs()
    c.answer(get, dsc.GetActiveJobsResponse(active_jobs=dsc_summaries()))
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(get, dsc.GetActiveJobsResponse(active_jobs=dsc_summaries())))
    c.dsc_status(TOKEN, "Processing")
    return inserted("DSC-PAIRING", c.messages, at, bad)


@story("DSC-PAIRING", "names-no-request")
def _dsc_pairing_unknown() -> Story:
    c = repository()
    cancel = c.dsc_cancel(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(attrs.evolve(cancel, message_id=c.new_id())))
    c.answer(cancel)
    return inserted("DSC-PAIRING", c.messages, at, bad)


@story("DSC-PAIRING-UNANSWERED")
def _dsc_pairing_unanswered() -> Story:
    good = repository()
    good.answer(good.dsc_cancel(TOKEN))
    good.dsc_status(TOKEN, "Processing")
    c = repository()
    cancel = c.dsc_cancel(TOKEN)
    c.dsc_status(TOKEN, "Processing")
    return Story(
        rule="DSC-PAIRING-UNANSWERED",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(cancel),
        found_by="finish",
    )


@story("DSC-SUBSCRIPTION")
def _dsc_subscription() -> Story:
    # WS-DSC events go to the consoles that subscribed to them
    good = repository()
    good.dsc_status(TOKEN, "Processing")
    c = Conversation()
    event = c.dsc_status(TOKEN, "Processing")
    return Story(
        rule="DSC-SUBSCRIPTION",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


@story("DSC-REASON")
def _dsc_reason() -> Story:
    # 9.1 (MS-BDSRR 2.2.5.11): Completed goes with PostScanJobCompleted*, not with a cancel
    good = repository()
    good.dsc_status(TOKEN, "Processing")
    good.dsc_end_state(TOKEN, "Completed")
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    body = dsc_end_state_body(TOKEN, "Completed")
    body.post_scan_job_end_state.job_completed_state_reasons = s.dsc_reasons("PostScanJobCanceled")
    event = c.event(body, CONSOLE_SINK)
    return Story(
        rule="DSC-REASON",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(event),
    )


@story("DSC-ROLE", "scan-server-sends-a-request")
def _dsc_role() -> Story:
    # MS-BDSRR 1.3: the console asks, the scan server answers and sends the events
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsc_cancel(TOKEN))
    c.dsc_end_state(TOKEN, "Completed")
    return inserted("DSC-ROLE", c.messages, at, bad, role="scan_server", bad_sent=True)


@story("DSC-ROLE", "console-sends-an-event")
def _dsc_role_event() -> Story:
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsc_status(OTHER_TOKEN, "Processing"))
    c.dsc_end_state(TOKEN, "Completed")
    return inserted("DSC-ROLE", c.messages, at, bad, role="control_point", bad_sent=True)


@story("DSC-ROLE", "console-receives-a-request")
def _dsc_role_received() -> Story:
    c = repository()
    c.dsc_status(TOKEN, "Processing")
    at = len(c.messages)
    bad = aside(c, lambda c: c.dsc_get_active_jobs())
    c.dsc_end_state(TOKEN, "Completed")
    return inserted("DSC-ROLE", c.messages, at, bad, role="control_point", bad_sent=False)


# -- any protocol ---------------------------------------------------------------------------


@story("WSA-PAIRING")
def _wsa_pairing() -> Story:
    # WS-Addressing: a fault relates to the request that failed
    c = dsp_job(images=1)
    end = c.end(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.fault(attrs.evolve(end, message_id=c.new_id())))
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("WSA-PAIRING", c.messages, at, bad, parties=("scan_server", "device"))


@story("WSA-PAIRING", "subscribe-response-names-no-request")
def _wsa_pairing_subscribe() -> Story:
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(
        c,
        lambda c: c.emit(
            copy.deepcopy(s.SAMPLES["wse:SubscribeResponse"]),
            to=ANONYMOUS,
            relates_to="urn:uuid:1c0f7e3a-58d2-4b96-a0e4-7d3b9f21c865",
        ),
    )
    c.finish_job(TOKEN, 1)
    return inserted("WSA-PAIRING", c.messages, at, bad, parties=("scan_server", "device"))


@story("WSA-UNANSWERED")
def _wsa_unanswered() -> Story:
    # WS-Addressing: a request that wants a reply gets one; here a Subscribe of no DSM protocol
    good = dsp_job(images=1)
    good.finish_job(TOKEN, 1)
    c = dsp_job(images=1)
    c.finish_job(TOKEN, 1)
    subscribe = c.request(copy.deepcopy(s.SAMPLES["wse:Subscribe"]))
    return Story(
        rule="WSA-UNANSWERED",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(subscribe),
        found_by="finish",
    )


@story("DSM-INVALID")
def _dsm_invalid() -> Story:
    # a message that failed validation (what the CLI passes on) is a violation where it stands
    c = dsp_job(images=1)
    at = len(c.messages)
    report = Report(
        profile="strict",
        message="dsp:SendImageRequest",
        problems=(ValidationProblem(severity="error", code="XSD-CONTENT", message="bad"),),
    )
    c.finish_job(TOKEN, 1)
    return inserted("DSM-INVALID", c.messages, at, report)


@story("DSM-INVALID", "not-a-dsm-action")
def _dsm_invalid_action() -> Story:
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = Envelope(action="urn:example:not-a-dsm-action", body=None, to=SCAN_SERVER)
    c.finish_job(TOKEN, 1)
    return inserted("DSM-INVALID", c.messages, at, bad, keep_id=True)


# -- replaying a story ----------------------------------------------------------------------

# Who sends what (wsdp.md section 1, wsdsd.md section 1, wsdsc-and-schemas.md section 1): the
# client of each protocol sends the requests, its host the responses, faults and events.
CLIENT: dict[str, Role] = {"dsp": "device", "dsd": "control_point", "dsc": "control_point"}
HOST: dict[str, Role] = {"dsp": "scan_server", "dsd": "device", "dsc": "scan_server"}
# WS-Eventing subscriptions go to the service whose events are wanted
SERVICES: dict[str, tuple[Role, Role]] = {
    SCAN_SERVER: ("device", "scan_server"),
    DEVICE: ("control_point", "device"),
    REPOSITORY: ("control_point", "scan_server"),
}

Direction = Literal["observe", "send", "receive", "tick"]


@attrs.frozen
class Step:
    index: int
    direction: Direction
    item: Envelope | Tick


def parties(message: Envelope, requests: Mapping[str, tuple[Role, Role]]) -> tuple[Role, Role]:
    """(sender, receiver) of a message; a reply goes back the way its request came."""
    spec = message.message_type
    assert spec is not None, "every story message has a body"
    if message.is_fault or spec.kind == "response":
        request = requests.get(message.relates_to or "")
        if request is not None:
            return request[1], request[0]
        return HOST[spec.protocol], CLIENT[spec.protocol]
    if spec.kind == "request":
        if spec.protocol == "wse":
            return SERVICES[message.to or ""]
        return CLIENT[spec.protocol], HOST[spec.protocol]
    return HOST[spec.protocol], CLIENT[spec.protocol]


def bad_parties(story: Story) -> tuple[Role, Role]:
    if story.parties is not None:
        return story.parties
    requests = request_parties(story.violating[: story.index])
    assert isinstance(story.bad, Envelope)
    return parties(story.bad, requests)


def request_parties(items: Sequence[Item]) -> dict[str, tuple[Role, Role]]:
    requests: dict[str, tuple[Role, Role]] = {}
    for item in items:
        if (
            isinstance(item, Envelope)
            and item.message_type is not None
            and item.message_type.kind == "request"
            and item.message_id
        ):
            requests[item.message_id] = parties(item, requests)
    return requests


def steps(items: Sequence[Item], perspective: Role, story: Story | None = None) -> list[Step]:
    """What ``perspective`` does with each message: an observer observes everything, an
    endpoint sends its own messages and receives those addressed to it (and sees no other).
    With a ``story``, its offending message goes as the story says."""
    out: list[Step] = []
    requests: dict[str, tuple[Role, Role]] = {}
    bad = None if story is None else story.index
    for index, item in enumerate(items):
        if isinstance(item, Tick):
            out.append(Step(index, "tick", item))
            continue
        assert isinstance(item, Envelope)
        if story is not None and index == bad and story.parties:
            who = story.parties
        else:
            who = parties(item, requests)
        if item.message_type is not None and item.message_type.kind == "request":
            requests[item.message_id or ""] = who
        if perspective == "observer":
            out.append(Step(index, "observe", item))
        elif story is not None and index == bad and story.role is not None:
            out.append(Step(index, "send" if story.bad_sent else "receive", item))
        elif who[0] == perspective:
            out.append(Step(index, "send", item))
        elif who[1] == perspective:
            out.append(Step(index, "receive", item))
    return out


def feed(session: Session, step: Step) -> None:
    item = step.item
    if isinstance(item, Tick):
        session.advance(item.now)
    elif step.direction == "observe":
        session.observe(item, index=step.index)
    elif step.direction == "send":
        session.send(item, index=step.index)
    else:
        session.receive(item, index=step.index)


def perspectives(story: Story) -> list[Role]:
    """The sessions that see the offending message: the one role a story is told from, or an
    observer plus the message's sender and receiver."""
    if story.role is not None:
        return [story.role]
    bad = story.bad
    if not isinstance(bad, Envelope) or bad.message_type is None:
        return []  # a message that is no DSM message at all: check_sequence's business
    sender, receiver = bad_parties(story)
    return ["observer", sender, receiver]


def found(session: Session) -> list[tuple[int | None, str]]:
    """Every problem a session knows of, at the end of the conversation."""
    problems = [*session.warnings, *session.deferred, *session.finish()]
    return sorted(((p.index, p.rule) for p in problems), key=order)


def order(pair: tuple[int | None, str]) -> tuple[int, str]:
    return (-1 if pair[0] is None else pair[0], pair[1])


def left_open(session: Session) -> list[tuple[int | None, str]]:
    """What ``finish()`` reports, in order."""
    return sorted(((p.index, p.rule) for p in session.finish()), key=order)


@attrs.frozen
class Case:
    rule: str
    variant: str

    def build(self) -> Story:
        return _built(self.rule, self.variant)

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.variant}" if self.variant else self.rule


_CACHE: dict[tuple[str, str], Story] = {}


def _built(rule: str, variant: str) -> Story:
    if (rule, variant) not in _CACHE:
        _CACHE[rule, variant] = STORIES[rule][variant]()
    return _CACHE[rule, variant]


CASES = [Case(rule, variant) for rule in sorted(STORIES) for variant in STORIES[rule]]
TRANSCRIPTS = [case for case in CASES if case.build().transcript]
SESSION_CASES = [
    pytest.param(case, perspective, id=f"{case.id}-{perspective}")
    for case in CASES
    for perspective in perspectives(case.build())
]
REFUSED_CASES = [
    param
    for param in SESSION_CASES
    if param.values[0].build().severity == "violation"  # type: ignore[union-attr]
]


def case_ids(cases: Sequence[Case]) -> list[str]:
    return [case.id for case in cases]


# -- 1. every rule, conforming and broken ---------------------------------------------------


def test_every_ordering_rule_has_a_story() -> None:
    assert set(STORIES) == set(ORDERING_RULES)


def test_every_story_is_told_as_its_rule_says() -> None:
    for case in CASES:
        story = case.build()
        assert story.rule == case.rule, case.id
        assert 0 <= story.index < len(story.violating), case.id
        if story.severity == "violation" and story.found_by == "message":
            # a refused message is one message too many: without it the story is conforming
            assert (
                story.violating[: story.index] + story.violating[story.index + 1 :] == story.good
            ), case.id


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=case_ids(TRANSCRIPTS))
def test_check_sequence_passes_the_conforming_conversation(case: Case) -> None:
    report = check_sequence(transcript(case.build().good))
    assert report.ok, report.violations
    assert report.warnings == ()
    assert report.messages == len(case.build().good)


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=case_ids(TRANSCRIPTS))
def test_check_sequence_names_the_rule_at_the_offending_message(case: Case) -> None:
    story = case.build()
    report = check_sequence(transcript(story.violating))
    if story.severity == "violation":
        assert [(p.index, p.rule) for p in report.violations] == [(story.index, story.rule)]
    else:
        assert report.ok, report.violations
        # (once per breach: a warning about each of three filters names the same message)
        assert {(p.index, p.rule) for p in report.warnings} == {(story.index, story.rule)}


@pytest.mark.parametrize(("case", "perspective"), SESSION_CASES)
def test_session_accepts_the_conforming_conversation(case: Case, perspective: Role) -> None:
    story = case.build()
    session = Session(perspective)
    for step in steps(story.good, perspective):
        feed(session, step)
    assert found(session) == []


@pytest.mark.parametrize(("case", "perspective"), SESSION_CASES)
def test_session_catches_the_breach(case: Case, perspective: Role) -> None:
    story = case.build()
    session = Session(perspective)
    played = steps(story.violating, perspective, story)
    (bad,) = [step for step in played if step.index == story.index]
    for step in played:
        if step is bad and story.severity == "violation" and story.found_by == "message":
            with pytest.raises(ProtocolError) as caught:
                feed(session, step)
            error = caught.value
            expected = LocalProtocolError if step.direction == "send" else RemoteProtocolError
            assert type(error) is expected
            assert (error.rule, error.index) == (story.rule, story.index)
            assert error.envelope is step.item
            hint = ORDERING_RULES[story.rule].fault
            assert hint is None or isinstance(hint, str)
            assert error.fault == fault_for(hint)
        else:
            feed(session, step)
    warned = {(p.index, p.rule) for p in session.warnings}
    left_open = {(p.index, p.rule) for p in session.finish()}
    assert session.deferred == []
    if story.severity == "violation" and story.found_by == "message":
        assert warned == left_open == set()  # the refused message left no trace
    elif story.found_by == "finish":  # an unanswered request, a token that never came
        assert (warned, left_open) == (set(), {(story.index, story.rule)})
    else:  # accepted, and the breach reported about that message
        assert (warned, left_open) == ({(story.index, story.rule)}, set())


# -- 2. a refused message changes nothing ---------------------------------------------------


@pytest.mark.parametrize(("case", "perspective"), REFUSED_CASES)
def test_refused_message_changes_nothing(case: Case, perspective: Role) -> None:
    story = case.build()
    played = steps(story.violating, perspective, story)
    refused = Session(perspective)
    for step in played:
        if step.index == story.index and story.found_by == "message":
            with pytest.raises(ProtocolError):  # only the offending message is refused
                feed(refused, step)
        else:
            feed(refused, step)
    never_sent = Session(perspective)
    for step in played:
        if step.index != story.index:
            feed(never_sent, step)
    assert refused.jobs() == never_sent.jobs()
    assert refused.warnings == never_sent.warnings
    assert refused.deferred == never_sent.deferred
    expected = [(p.index, p.rule) for p in never_sent.finish()]
    if story.found_by == "finish":  # the event held for a token that never came stays held
        expected.append((story.index, story.rule))
    assert left_open(refused) == sorted(expected, key=order)


@pytest.mark.parametrize(
    "case",
    [c for c in TRANSCRIPTS if c.build().severity == "violation"],
    ids=case_ids([c for c in TRANSCRIPTS if c.build().severity == "violation"]),
)
def test_check_sequence_skips_the_refused_message(case: Case) -> None:
    story = case.build()
    with_bad, without = (
        check_sequence(transcript(story.violating)),
        check_sequence(transcript(story.good)),
    )
    assert with_bad.jobs == without.jobs
    assert with_bad.warnings == without.warnings == ()
    assert with_bad.messages == without.messages + 1


def test_a_refused_message_leaves_its_message_id_unused() -> None:
    # the stories give the refused message the MessageID of the message after it
    reused = 0
    for case in CASES:
        story = case.build()
        if story.severity != "violation" or not isinstance(story.bad, Envelope):
            continue
        later = {
            m.message_id for m in story.violating[story.index + 1 :] if isinstance(m, Envelope)
        }
        reused += story.bad.message_id in later
    assert reused >= 40


# -- 3. roles: who may send what --------------------------------------------------------------

ROLE_RULE = {"dsp": "DSP-39", "dsd": "DSD-ROLE", "dsc": "DSC-ROLE"}
ELSEWHERE = "urn:uuid:5f2b8c14-0e7a-4d39-b6c1-93a0e4d7f258"  # a request of some other exchange

ROLE_MESSAGES: dict[tuple[str, str], Callable[[Conversation], object]] = {
    ("dsp", "request"): lambda c: c.end(TOKEN),
    ("dsp", "response"): lambda c: c.emit(
        dsp.EndPostScanJobResponse(), to=ANONYMOUS, relates_to=ELSEWHERE
    ),
    ("dsp", "event"): lambda c: c.status(TOKEN, "Processing"),
    ("dsd", "request"): lambda c: c.get_active_jobs(),
    ("dsd", "response"): lambda c: c.emit(
        dsd.GetActiveJobsResponse(active_jobs=job_summaries()), to=ANONYMOUS, relates_to=ELSEWHERE
    ),
    ("dsd", "event"): lambda c: c.condition(31),
    ("dsc", "request"): lambda c: c.dsc_cancel(TOKEN),
    ("dsc", "response"): lambda c: c.emit(
        dsc.CancelPostScanJobResponse(), to=ANONYMOUS, relates_to=ELSEWHERE
    ),
    ("dsc", "event"): lambda c: c.dsc_status(TOKEN, "Processing"),
}


@pytest.mark.parametrize(("protocol", "kind"), sorted(ROLE_MESSAGES))
def test_only_the_protocols_sender_may_send_a_message(protocol: str, kind: str) -> None:
    message = aside(Conversation(), ROLE_MESSAGES[protocol, kind])
    sender, receiver = (
        (CLIENT[protocol], HOST[protocol])
        if kind == "request"
        else (HOST[protocol], CLIENT[protocol])
    )
    # the receiving side about to send it: our own mistake
    with pytest.raises(LocalProtocolError) as local:
        Session(receiver).send(message, index=4)
    assert (local.value.rule, local.value.index) == (ROLE_RULE[protocol], 4)
    assert local.value.fault is None
    # the sending side seeing it arrive: the peer's mistake
    with pytest.raises(RemoteProtocolError) as remote:
        Session(sender).receive(message, index=5)
    assert (remote.value.rule, remote.value.index) == (ROLE_RULE[protocol], 5)


def test_scan_server_refuses_a_request_for_an_unknown_token_with_invalid_args() -> None:
    # wsdp.md rule 1 and section 6: a job request names a token the server minted; an invalid
    # argument is answered with dsp:InvalidArgs
    c = Conversation()
    c.subscribe()
    end = c.end(NEVER_MINTED)
    server, device = Session("scan_server"), Session("device")
    server.receive(c.messages[0])
    server.send(c.messages[1])
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(end)
    assert caught.value.rule == "DSP-1"
    assert caught.value.fault == DSP_INVALID_ARGS
    device.send(c.messages[0])
    device.receive(c.messages[1])
    with pytest.raises(LocalProtocolError) as ours:
        device.send(end)
    assert (ours.value.rule, ours.value.fault) == ("DSP-1", DSP_INVALID_ARGS)


def test_scan_server_must_not_acknowledge_a_cancel_for_a_finished_job() -> None:
    # wsdsc-and-schemas.md 9.1: no active job with that token -> ClientErrorJobTokenNotFound
    c = repository()
    c.dsc_end_state(TOKEN, "Completed")
    cancel = c.dsc_cancel(TOKEN)
    acknowledged = aside(c, lambda c: c.answer(cancel))
    server = Session("scan_server")
    for message in c.messages:
        (
            server.send
            if message.message_type and message.message_type.kind != "request"
            else server.receive
        )(message)
    with pytest.raises(LocalProtocolError) as caught:
        server.send(acknowledged)
    assert caught.value.rule == "DSC-CANCEL"
    assert caught.value.fault == DSC_JOB_TOKEN_NOT_FOUND
    server.send(c.fault(cancel, DSC_JOB_TOKEN_NOT_FOUND))
    assert server.finish() == []


def test_the_fault_a_refused_request_asks_for_can_be_sent() -> None:
    # wsdp.md rule 17: every request gets exactly one reply, its response or a SOAP fault. A
    # scan server that refuses a request answers it with the fault the session names.
    c = Conversation()
    c.subscribe()
    end = c.end(NEVER_MINTED)
    answer = c.fault(end, DSP_INVALID_ARGS)
    server = Session("scan_server")
    server.receive(c.messages[0])
    server.send(c.messages[1])
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(end)
    assert caught.value.fault == DSP_INVALID_ARGS
    server.send(answer)
    # on the wire only the device broke a rule
    report = check_sequence(c.messages)
    assert [(p.index, p.rule) for p in report.violations] == [(2, "DSP-1")]


def test_observer_and_unknown_roles() -> None:
    c = dsp_job()
    with pytest.raises(ValueError, match="observe"):
        Session("observer").send(c.messages[0])
    with pytest.raises(ValueError, match="observe"):
        Session("observer").receive(c.messages[0])
    with pytest.raises(ValueError, match="role"):
        Session("printer")  # type: ignore[arg-type]


# -- 4. events that overtake the response minting their token (wsdp.md rule 22) ---------------


def test_status_events_before_the_create_response_are_held_and_applied_in_order() -> None:
    c = Conversation()
    c.subscribe()
    create = c.create()
    c.status(TOKEN, "Creating")
    c.status(TOKEN, "Pending")
    created = c.created(create, TOKEN)
    device = Session("device")
    for step in steps(c.messages, "device"):
        if step.item is created:
            # nothing is known of the job yet: at this point its events name an unknown token
            assert device.jobs() == []
            assert [(p.index, p.rule) for p in device.finish()] == [
                (2, "DSP-17-UNANSWERED"),
                (3, "DSP-3"),
                (4, "DSP-3"),
            ]
        feed(device, step)
    # applied in the order they came: Creating then Pending (no backward move to warn about)
    assert device.jobs() == [("dsp", TOKEN, "Pending", "open")]
    assert (device.warnings, device.deferred) == ([], [])
    # the job is open: nothing ended it yet
    assert [(p.index, p.rule) for p in device.finish()] == [(5, "DSP-11-OPEN")]
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    report = check_sequence(c.messages)
    assert (report.ok, report.warnings, report.jobs) == (
        True,
        (),
        (("dsp", TOKEN, "Completed", "finished"),),
    )


def test_an_end_state_before_the_create_response_finishes_the_job() -> None:
    # the server aborted the job at once (rule 27); its end state overtook the create response
    c = Conversation()
    c.subscribe()
    create = c.create()
    c.end_state(TOKEN, "Aborted", reason="NoValidPostScanInstructionsFound")
    c.created(create, TOKEN)
    observer = Session("observer")
    for index, message in enumerate(c.messages):
        observer.observe(message, index=index)
    assert observer.jobs() == [("dsp", TOKEN, "Aborted", "finished")]
    with pytest.raises(RemoteProtocolError) as caught:
        observer.observe(aside(c, lambda c: c.send_image(TOKEN, 1)), index=5)
    assert (caught.value.rule, caught.value.index) == ("DSP-5", 5)


def test_a_held_event_that_breaks_a_rule_is_reported_when_its_token_appears() -> None:
    # a Completed end state before EndPostScanJob was even sent (rule 25), held until the
    # token appears: then it is refused, the create response itself is fine
    c = Conversation()
    c.subscribe()
    create = c.create()
    c.end_state(TOKEN, "Completed", images=1)
    c.created(create, TOKEN)
    observer = Session("observer")
    for index, message in enumerate(c.messages):
        observer.observe(message, index=index)
    assert [(p.index, p.rule) for p in observer.deferred] == [(3, "DSP-25")]
    # the refused event changed nothing: the job goes on and ends normally
    assert observer.jobs() == [("dsp", TOKEN, None, "open")]
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    report = check_sequence(c.messages)
    assert [(p.index, p.rule) for p in report.violations] == [(3, "DSP-25")]
    assert report.jobs == (("dsp", TOKEN, "Completed", "finished"),)


def test_an_event_whose_token_never_appears_is_dsp_3() -> None:
    # the server announced a job, then its CreatePostScanJob faulted: no token ever came
    c = Conversation()
    c.subscribe()
    create = c.create()
    c.status(TOKEN, "Creating")
    c.fault(create, DSP_OPERATION_FAILED)
    device = Session("device")
    for step in steps(c.messages, "device"):
        feed(device, step)
    assert [(p.index, p.rule) for p in device.finish()] == [(3, "DSP-3")]
    assert device.jobs() == []
    report = check_sequence(c.messages)
    assert [(p.index, p.rule) for p in report.violations] == [(3, "DSP-3")]


# -- 5. time: a job without EndPostScanJob ends after 10 minutes (wsdp.md rule 11) -----------


def scan_server_at(c: Conversation, start: datetime) -> Session:
    """A scan server that answered the subscription and, at ``start``, created TOKEN."""
    server = Session("scan_server")
    server.receive(c.messages[0])
    server.send(c.messages[1])
    server.advance(start)
    server.receive(c.messages[2])
    server.send(c.messages[3])
    return server


def job_conversation() -> Conversation:
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    return c


def test_a_job_times_out_ten_minutes_after_its_creation() -> None:
    server = scan_server_at(job_conversation(), T0)
    assert server.advance(T0 + timedelta(minutes=9, seconds=59)) == ()
    assert server.advance(T0 + timedelta(minutes=10)) == (TOKEN,)
    assert server.advance(T0 + timedelta(hours=1)) == ()  # reported once


def test_each_send_image_restarts_the_ten_minutes() -> None:
    c = job_conversation()
    server = scan_server_at(c, T0)
    server.advance(T0 + timedelta(minutes=6))
    server.receive(c.send_image(TOKEN, 1))
    server.send(c.answer(c.messages[-1]))
    assert server.advance(T0 + timedelta(minutes=15, seconds=59)) == ()
    assert server.advance(T0 + timedelta(minutes=16)) == (TOKEN,)


def test_end_post_scan_job_stops_the_clock() -> None:
    c = job_conversation()
    server = scan_server_at(c, T0)
    server.advance(T0 + timedelta(minutes=2))
    server.receive(c.end(TOKEN), index=4)
    server.send(c.answer(c.messages[-1]), index=5)
    assert server.advance(T0 + timedelta(hours=2)) == ()
    assert [(p.index, p.rule) for p in server.warnings] == [(4, "DSP-6")]  # (no image sent)


def test_messages_for_a_timed_out_job_are_accepted_with_a_warning() -> None:
    c = job_conversation()
    other = c.created(c.create(), OTHER_TOKEN)
    server = scan_server_at(c, T0)
    server.receive(c.messages[4])
    server.send(other)
    server.advance(T0 + timedelta(minutes=8))
    server.receive(c.send_image(OTHER_TOKEN, 1), index=6)  # the other job stays alive
    server.send(c.answer(c.messages[-1]), index=7)
    assert server.advance(T0 + timedelta(minutes=10)) == (TOKEN,)
    server.receive(c.send_image(TOKEN, 1), index=8)
    server.send(c.answer(c.messages[-1]), index=9)
    server.receive(c.end(TOKEN), index=10)
    assert [(p.index, p.rule) for p in server.warnings] == [(8, "DSP-11"), (10, "DSP-11")]
    assert server.advance(T0 + timedelta(minutes=17, seconds=59)) == ()
    assert server.advance(T0 + timedelta(minutes=18)) == (OTHER_TOKEN,)


# -- 7. Microsoft's own event examples ------------------------------------------------------


def test_doc_example_job_events_in_order_and_reversed(doc_examples: Path) -> None:
    status, end = (
        parse((doc_examples / name).read_bytes(), validate=True, profile="lenient")
        for name in ("dsd-jobstatusevent.xml", "dsd-jobendstateevent.xml")
    )
    report = check_sequence([status, end], profile="lenient")
    assert report.ok, report.violations
    assert report.jobs == (("dsd", "253", "Completed", "finished"),)
    # no subscription in the transcript (rule 22); the first status is Processing (rule 2)
    assert {(p.index, p.rule) for p in report.warnings} == {(0, "DSD-22"), (0, "DSD-2")}
    backwards = check_sequence([end, status], profile="lenient")
    assert [(p.index, p.rule) for p in backwards.violations] == [(1, "DSD-6")]
    # both examples carry the placeholder MessageID: only the lenient profile lets it pass
    strict = check_sequence([status, end])
    assert [(p.index, p.rule) for p in strict.violations] == [(1, "DSD-23")]


# -- library behaviour that disagrees with the rules ----------------------------------------


@pytest.mark.parametrize("rule", ["DSP-9", "DSP-13"])
def test_no_end_post_scan_job_after_the_end_state_either(rule: str) -> None:
    # wsdp.md rule 9: EndPostScanJob is sent exactly once per job; rule 13: none after the
    # device's CancelPostScanJob. Neither stops applying when the end state has come.
    c = dsp_job(images=1)
    if rule == "DSP-9":
        c.finish_job(TOKEN, 1)
    else:
        c.answer(c.cancel(TOKEN))
        c.end_state(TOKEN, "Canceled", images=1)
    end = aside(c, lambda c: c.end(TOKEN))
    report = check_sequence([*c.messages, end])
    assert [(p.index, p.rule) for p in report.violations] == [(len(c.messages), rule)]


@pytest.mark.parametrize("end_sent", [True, False], ids=["end-unanswered", "no-end"])
def test_completed_end_state_needs_an_answered_end_even_with_a_cancel_pending(
    end_sent: bool,
) -> None:
    # wsdp.md rule 25: for a normally ended (Completed) job the end state comes after
    # EndPostScanJobResponse; a pending CancelPostScanJob (rule 12) does not change that
    c = dsp_job(images=1)
    if end_sent:
        c.end(TOKEN)
    c.cancel(TOKEN)
    completed = aside(c, lambda c: c.end_state(TOKEN, "Completed", images=1))
    report = check_sequence([*c.messages, completed])
    assert [(p.index, p.rule) for p in report.violations] == [(len(c.messages), "DSP-25")]


def test_the_end_state_does_not_contradict_a_final_status() -> None:
    # wsdp.md rules 26 and 28: nothing moves a job out of a final state; the end state's
    # JobCompletedState is a job state like any other
    c = dsp_job(images=1)
    c.answer(c.end(TOKEN))
    final_status(c, TOKEN, "Completed")
    aborted = aside(c, lambda c: c.end_state(TOKEN, "Aborted", images=1))
    report = check_sequence([*c.messages, aborted])
    assert [(p.index, p.rule) for p in report.violations] == [(len(c.messages), "DSP-28")]


def test_the_dsc_end_state_does_not_contradict_a_final_status() -> None:
    # wsdsc-and-schemas.md 9.2: Completed, Canceled and Aborted are terminal
    c = repository()
    c.dsc_status(TOKEN, "Completed", filter_state="CompletedSuccessfully")
    canceled = aside(c, lambda c: c.dsc_end_state(TOKEN, "Canceled"))
    report = check_sequence([*c.messages, canceled])
    assert [(p.index, p.rule) for p in report.violations] == [(len(c.messages), "DSC-FINAL")]
