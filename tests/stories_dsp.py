"""Stories of the WS-DSP ordering rules (wsdp.md section 10)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from datetime import timedelta

import attrs
from ordering_stories import (
    NEVER_MINTED,
    OTHER_TOKEN,
    SECOND_SINK,
    T0,
    TOKEN,
    Item,
    Story,
    Tick,
    aside,
    dsp_job,
    final_status,
    inserted,
    story,
    with_id,
)

from dsm_messages import (
    Envelope,
)
from dsm_messages.faults import (
    DSP_OPERATION_FAILED,
)
from dsm_messages.models import dsp
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import (
    DEVICE_SINK,
    DSP_JOB_DESCRIPTION,
    DSP_JOB_STATUS,
    SCAN_SERVER,
    Conversation,
    end_state_body,
    identifier_header,
    job_status,
    status_body,
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
    # the device cannot tell this from the race of rule 25, where the end state sent after
    # the response overtakes it: it holds the event (tests/test_endpoint_server.py)
    return inserted("DSP-25", c.messages, at, bad, held_by_receiver=True)


# -- WS-DSP: one event to every subscriber (MS-BDSRR 3.2.4.8, 3.2.4.9) ----------------------


def ending_for_two() -> Conversation:
    """A job with one image whose end was answered, watched by two subscribers (a second
    sink subscribed too), each sent the Processing status."""
    c = dsp_job(images=1)
    c.subscribe(SCAN_SERVER, SECOND_SINK)
    c.answer(c.end(TOKEN))
    c.copy_to(c.status(TOKEN, "Processing", images=1, filter_state="Processing"), SECOND_SINK)
    return c


@story("DSP-25", "a-copy-twice-to-one-subscriber")
def _dsp_25_copy_twice() -> Story:
    # the end state goes to each subscriber: one copy each is one end state; a second copy
    # to one of them is a second end state
    c = ending_for_two()
    final = c.end_state(TOKEN, "Completed", images=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.copy_to(final, DEVICE_SINK))
    c.copy_to(final, SECOND_SINK)
    return inserted("DSP-25", c.messages, at, bad)


@story("DSP-25", "another-end-state-to-another-subscriber")
def _dsp_25_another_end_state() -> Story:
    # copies of one event carry one body: another end state to the second subscriber is a
    # second end state, whoever gets it
    c = ending_for_two()
    final = c.end_state(TOKEN, "Completed", images=1)
    at = len(c.messages)
    aborted = end_state_body(TOKEN, "Aborted", images=1)
    bad = aside(c, lambda c: c.event(aborted, SECOND_SINK))
    c.copy_to(final, SECOND_SINK)
    return inserted("DSP-25", c.messages, at, bad)


#: Two subscriptions at one sink, told apart by the wse:Identifier each event echoes
SUBSCRIPTIONS = (
    "urn:uuid:5b0e9c7d-2f41-4a86-93d0-7e1c4a8b6f21",
    "urn:uuid:c83f1a06-94d2-4e7b-a1c5-2d6e0b9f3a48",
)


@story("DSP-26", "a-copy-twice-to-one-subscription")
def _dsp_26_copy_twice() -> Story:
    # the server sends each subscription its events in turn (the first's status and end
    # state, then the second's): the second's are copies, but the first's status once more
    # comes after its end state
    first, second = ([identifier_header(identifier)] for identifier in SUBSCRIPTIONS)
    c = Conversation()
    for identifier in SUBSCRIPTIONS:
        c.subscribe(identifier=identifier)
    c.open_job(TOKEN)
    c.image(TOKEN, 1)
    c.answer(c.end(TOKEN))
    processing = status_body(TOKEN, "Processing", images=1, filter_state="Processing")
    status = c.event(processing, DEVICE_SINK, first)
    final = c.event(end_state_body(TOKEN, "Completed", images=1), DEVICE_SINK, first)
    at = len(c.messages)
    bad = aside(c, lambda c: c.copy_to(status, DEVICE_SINK, first))
    c.copy_to(status, DEVICE_SINK, second)
    c.copy_to(final, DEVICE_SINK, second)
    return inserted("DSP-26", c.messages, at, bad)


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
