"""Stories of the WS-Scan ordering rules (the WS-Scan element pages: CreateScanJobRequest,
RetrieveImageRequest, ScanAvailableEvent, ScanIdentifier, DestinationResponse...)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from ordering_stories import (
    SECOND_SINK,
    T0,
    Item,
    Story,
    Tick,
    aside,
    inserted,
    story,
)

from dsm_messages import Envelope, Fault
from dsm_messages.faults import (
    WSCN_JOB_CANCELLED,
    WSCN_JOB_ID_NOT_FOUND,
    WSCN_NO_IMAGES_AVAILABLE,
)
from dsm_messages.models import wscn
from dsm_messages.testing.conversations import (
    CONSOLE_SINK,
    DEVICE,
    SCAN_CLIENT_SINK,
    Conversation,
    scan_subscribed,
)

# -- WS-Scan (the WS-Scan element pages: CreateScanJob, RetrieveImage, ScanAvailableEvent...) --

SCAN_JOB = 41
SCAN_TOKEN = "job-41-a9c2e6"
CONTEXT = "finance-desk-3"
DESTINATION = f"dest-{CONTEXT}"
SCAN_ID = "uuid:4f1c9e27-8a3b-4d6e-b512-7c0a9d3e6f81"
OTHER_SCAN_ID = "uuid:0b3d6e52-17ac-4f90-8e2d-c6a4f1b09e37"


def push_scan(*, images: int = 1) -> Conversation:
    """A client subscribed for pushes to one destination; the user picked it at the device,
    the client created the job and retrieved ``images`` images."""
    c = Conversation()
    c.scan_subscribe(CONTEXT, "Scan to me")
    c.scan_available(CONTEXT, SCAN_ID)
    create = c.create_scan_job(SCAN_ID, DESTINATION)
    c.scan_job_created(create, SCAN_JOB, SCAN_TOKEN)
    for _ in range(images):
        c.retrieve(SCAN_JOB, SCAN_TOKEN)
    return c


def wscn_request(
    rule: str, c: Conversation, bad: Callable[[Conversation], object], *, images: int = 1
) -> Story:
    """``bad`` is a request the device refuses; the job then goes on and completes."""
    at = len(c.messages)
    offending = aside(c, bad)
    for _ in range(images):
        c.retrieve(SCAN_JOB, SCAN_TOKEN)
    c.scan_end(SCAN_JOB, scans=images)
    return inserted(rule, c.messages, at, offending)


@story("WSCN-1")
def _wscn_1() -> Story:
    # RetrieveImage: the device checks the JobId is one of its jobs (ClientErrorJobIdNotFound)
    c = push_scan(images=0)
    return wscn_request("WSCN-1", c, lambda c: c.retrieve_image(99, SCAN_TOKEN))


@story("WSCN-1", "before-the-create-response")
def _wscn_1_early() -> Story:
    c = Conversation()
    c.scan_subscribe(CONTEXT)
    c.scan_available(CONTEXT, SCAN_ID)
    create = c.create_scan_job(SCAN_ID, DESTINATION)
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    c.scan_job_created(create, SCAN_JOB, SCAN_TOKEN)
    c.retrieve(SCAN_JOB, SCAN_TOKEN)
    c.scan_end(SCAN_JOB)
    return inserted("WSCN-1", c.messages, at, bad)


@story("WSCN-2")
def _wscn_2() -> Story:
    # ... and that the JobToken is the one paired with that JobId (ClientErrorInvalidJobToken)
    c = push_scan(images=0)
    return wscn_request("WSCN-2", c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN.upper()))


@story("WSCN-3")
def _wscn_3() -> Story:
    # CreateScanJob: the DestinationToken is one a SubscribeResponse gave
    c = Conversation()
    c.scan_subscribe(CONTEXT)
    c.scan_available(CONTEXT, SCAN_ID)
    at = len(c.messages)
    bad = aside(c, lambda c: c.create_scan_job(SCAN_ID, "dest-never-given"))
    create = c.create_scan_job(SCAN_ID, DESTINATION)
    c.scan_job_created(create, SCAN_JOB, SCAN_TOKEN)
    c.retrieve(SCAN_JOB, SCAN_TOKEN)
    c.scan_end(SCAN_JOB)
    return inserted("WSCN-3", c.messages, at, bad)


@story("WSCN-4")
def _wscn_4() -> Story:
    # ... and the ScanIdentifier one a ScanAvailableEvent carried
    c = Conversation()
    c.scan_subscribe(CONTEXT)
    c.scan_available(CONTEXT, SCAN_ID)
    at = len(c.messages)
    bad = aside(c, lambda c: c.create_scan_job(OTHER_SCAN_ID, DESTINATION))
    create = c.create_scan_job(SCAN_ID, DESTINATION)
    c.scan_job_created(create, SCAN_JOB, SCAN_TOKEN)
    c.retrieve(SCAN_JOB, SCAN_TOKEN)
    c.scan_end(SCAN_JOB)
    return inserted("WSCN-4", c.messages, at, bad)


@story("WSCN-5")
def _wscn_5() -> Story:
    # ScanIdentifier: unique for every ScanAvailableEvent
    c = push_scan()
    c.scan_end(SCAN_JOB)
    at = len(c.messages)
    bad = aside(c, lambda c: c.scan_available(CONTEXT, SCAN_ID))
    c.scan_available(CONTEXT, OTHER_SCAN_ID)
    return inserted("WSCN-5", c.messages, at, bad)


@story("WSCN-6")
def _wscn_6() -> Story:
    # ClientContext: the event carries the context of a destination the client subscribed
    c = Conversation()
    c.scan_subscribe(CONTEXT)
    at = len(c.messages)
    bad = aside(c, lambda c: c.scan_available("someone-elses-desk", OTHER_SCAN_ID))
    c.scan_available(CONTEXT, SCAN_ID)
    return inserted("WSCN-6", c.messages, at, bad)


@story("WSCN-7")
def _wscn_7() -> Story:
    # ScanAvailableEvent goes to clients that subscribed with ScanDestinations
    good = Conversation()
    good.scan_subscribe(CONTEXT)
    good.scan_available(CONTEXT, SCAN_ID)
    c = Conversation()
    c.subscribe(DEVICE, CONSOLE_SINK)  # a subscription, but without destinations
    c.scan_available(CONTEXT, SCAN_ID)
    return Story(rule="WSCN-7", good=tuple(good.messages), violating=tuple(c.messages), index=2)


@story("WSCN-8")
def _wscn_8() -> Story:
    # DestinationResponses: one per ScanDestination, carrying its ClientContext
    c = Conversation()
    subscribed = c.scan_subscribe(CONTEXT, "Scan to me")
    request = c.messages[0]
    assert subscribed.relates_to == request.message_id
    at = len(c.messages) - 1
    bad = aside(c, lambda c: c.answer(request, scan_subscribed([CONTEXT])))
    c.scan_available(CONTEXT, SCAN_ID)
    return inserted("WSCN-8", c.messages, at, bad)


@story("WSCN-8", "a-context-not-copied")
def _wscn_8_context() -> Story:
    c = Conversation()
    c.scan_subscribe(CONTEXT)
    request = c.messages[0]
    at = len(c.messages) - 1
    bad = aside(c, lambda c: c.answer(request, scan_subscribed(["finance desk 3"])))
    c.scan_available(CONTEXT, SCAN_ID)
    return inserted("WSCN-8", c.messages, at, bad)


@story("WSCN-9")
def _wscn_9() -> Story:
    # RetrieveImage for a canceled job: ClientErrorJobCancelled
    c = push_scan()
    cancel = c.cancel_scan_job(SCAN_JOB)
    c.answer(cancel, wscn.CancelJobResponse())
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    c.scan_end(SCAN_JOB, "Canceled")
    return inserted("WSCN-9", c.messages, at, bad)


@story("WSCN-9", "aborted")
def _wscn_9_aborted() -> Story:
    c = push_scan()
    c.scan_end(SCAN_JOB, "Aborted")
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    c.scan_available(CONTEXT, OTHER_SCAN_ID)
    return inserted("WSCN-9", c.messages, at, bad)


@story("WSCN-10")
def _wscn_10() -> Story:
    # RetrieveImage after the job completed: ClientErrorNoImagesAvailable
    c = push_scan(images=2)
    c.scan_end(SCAN_JOB, scans=2)
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    c.scan_available(CONTEXT, OTHER_SCAN_ID)
    return inserted("WSCN-10", c.messages, at, bad)


@story("WSCN-11")
def _wscn_11() -> Story:
    # CancelJob of a finished job is an error: the device faults (ClientErrorJobIdNotFound)
    c = push_scan()
    c.scan_end(SCAN_JOB)
    cancel = c.cancel_scan_job(SCAN_JOB)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(cancel, wscn.CancelJobResponse()))
    c.fault(cancel, WSCN_JOB_ID_NOT_FOUND)
    return inserted("WSCN-11", c.messages, at, bad)


@story("WSCN-12")
def _wscn_12() -> Story:
    # CreateScanJobResponse: a JobId not recently assigned
    c = push_scan()
    c.scan_end(SCAN_JOB)
    c.scan_available(CONTEXT, OTHER_SCAN_ID)
    create = c.create_scan_job(OTHER_SCAN_ID, DESTINATION)
    at = len(c.messages)
    bad = aside(c, lambda c: c.scan_job_created(create, SCAN_JOB, "job-41-b0d3f7"))
    c.scan_job_created(create, SCAN_JOB + 1, "job-42-b0d3f7")
    return inserted("WSCN-12", c.messages, at, bad)


@story("WSCN-13")
def _wscn_13() -> Story:
    # JobEndStateEvent: the job has finished; nothing reports it running again
    c = push_scan()
    c.scan_end(SCAN_JOB)
    at = len(c.messages)
    bad = aside(c, lambda c: c.scan_status(SCAN_JOB, "Processing"))
    c.scan_available(CONTEXT, OTHER_SCAN_ID)
    return inserted("WSCN-13", c.messages, at, bad)


@story("WSCN-13", "second-end-state")
def _wscn_13_twice() -> Story:
    c = push_scan()
    c.scan_end(SCAN_JOB)
    at = len(c.messages)
    bad = aside(c, lambda c: c.scan_end(SCAN_JOB))
    c.scan_available(CONTEXT, OTHER_SCAN_ID)
    return inserted("WSCN-13", c.messages, at, bad)


def watched_by_two() -> tuple[Conversation, Envelope]:
    """A push scan whose job events two clients subscribed to (the one that scans, and a
    second one): each got the job's Processing status; the end state was sent to the first.
    Returns the end state."""
    c = push_scan()
    c.subscribe(DEVICE, SECOND_SINK)
    status = c.scan_status(SCAN_JOB, "Processing")
    c.copy_to(status, SECOND_SINK)
    return c, c.scan_end(SCAN_JOB)


@story("WSCN-13", "a-copy-twice-to-one-subscriber")
def _wscn_13_copy_twice() -> Story:
    # JobEndStateEvent goes to each client subscribed to job events: one copy each is one end
    # state; a second copy to one of them reports the job ended once more
    c, final = watched_by_two()
    at = len(c.messages)
    bad = aside(c, lambda c: c.copy_to(final, SCAN_CLIENT_SINK))
    c.copy_to(final, SECOND_SINK)
    return inserted("WSCN-13", c.messages, at, bad)


@story("WSCN-13", "another-end-state-to-another-subscriber")
def _wscn_13_another_end_state() -> Story:
    # copies carry one body: another end state to the second client is a second end state
    c, final = watched_by_two()
    at = len(c.messages)
    aborted = aside(c, lambda c: c.scan_end(SCAN_JOB, "Aborted"))
    bad = aside(c, lambda c: c.copy_to(aborted, SECOND_SINK))
    c.copy_to(final, SECOND_SINK)
    return inserted("WSCN-13", c.messages, at, bad)


@story("WSCN-14")
def _wscn_14() -> Story:
    # CreateScanJobResponse: the client has 60 seconds for each next RetrieveImage; after that
    # the device should abort the job (JobTimedOut) rather than send the image (told from the
    # client receiving it)
    def job(quiet: timedelta) -> tuple[list[Item], int]:
        c = push_scan(images=0)
        *start, created = c.messages
        first = c.retrieve(SCAN_JOB, SCAN_TOKEN)
        late_request = c.retrieve_image(SCAN_JOB, SCAN_TOKEN)
        late_image = c.image_retrieved(late_request)
        items: list[Item] = [
            *start,
            Tick(T0),
            created,
            Tick(T0 + timedelta(seconds=30)),
            *c.messages[len(start) + 1 : len(start) + 3],
            Tick(T0 + timedelta(seconds=30) + quiet),
            late_request,
            late_image,
            c.scan_end(SCAN_JOB, scans=2),
        ]
        assert first in items
        return items, items.index(late_image)

    good, _ = job(timedelta(seconds=60))
    violating, index = job(timedelta(seconds=61))
    return Story(
        rule="WSCN-14",
        good=tuple(good),
        violating=tuple(violating),
        index=index,
        role="control_point",
        bad_sent=False,
    )


@story("WSCN-ROLE", "device-sends-a-request")
def _wscn_role() -> Story:
    # the client sends the requests, the device answers them and sends the events
    c = push_scan(images=0)
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    c.retrieve(SCAN_JOB, SCAN_TOKEN)
    c.scan_end(SCAN_JOB)
    return inserted("WSCN-ROLE", c.messages, at, bad, role="device", bad_sent=True)


@story("WSCN-ROLE", "client-sends-an-event")
def _wscn_role_event() -> Story:
    c = push_scan()
    at = len(c.messages)
    bad = aside(c, lambda c: c.scan_status(SCAN_JOB, "Processing"))
    c.scan_end(SCAN_JOB)
    return inserted("WSCN-ROLE", c.messages, at, bad, role="control_point", bad_sent=True)


# -- pull scans: the client creates the job from its ticket alone, subscribed to nothing; the
# conversation shows when the job is over (the WS-Scan ImagesToTransfer, RetrieveImageRequest
# and CancelJobRequest pages)


def pull_scan(*, images: int, source: str, announced: int, pulled: int) -> Conversation:
    """A job created from a ticket asking ``images`` images from ``source``, the device
    announcing ``announced``; the client pulled ``pulled`` images."""
    c = Conversation()
    create = c.create_scan_job(images=images, source=source)
    c.scan_job_created(create, SCAN_JOB, SCAN_TOKEN, images=announced, source=source)
    for _ in range(pulled):
        c.retrieve(SCAN_JOB, SCAN_TOKEN)
    return c


def next_job(c: Conversation) -> None:
    """The client goes on with another scan."""
    create = c.create_scan_job(images=1, source="Platen")
    c.scan_job_created(create, SCAN_JOB + 1, "job-42-b0d3f7", images=1, source="Platen")


@story("WSCN-10", "pull-every-image-sent")
def _wscn_10_pulled() -> Story:
    # the platen gives one image for ImagesToTransfer 0; once it is sent the job is over
    c = pull_scan(images=0, source="Platen", announced=1, pulled=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    next_job(c)
    return inserted("WSCN-10", c.messages, at, bad)


@story("WSCN-10", "pull-after-no-images-available")
def _wscn_10_feeder_empty() -> Story:
    # from the ADF with ImagesToTransfer 0 the client pulls until the device has no more
    c = pull_scan(images=0, source="ADF", announced=0, pulled=2)
    c.fault(c.retrieve_image(SCAN_JOB, SCAN_TOKEN), WSCN_NO_IMAGES_AVAILABLE)
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    next_job(c)
    return inserted("WSCN-10", c.messages, at, bad)


@story("WSCN-9", "pull-after-job-cancelled")
def _wscn_9_pulled() -> Story:
    # the device said the job was cancelled (at its panel, say): no image follows
    c = pull_scan(images=0, source="ADF", announced=0, pulled=1)
    c.fault(c.retrieve_image(SCAN_JOB, SCAN_TOKEN), WSCN_JOB_CANCELLED)
    at = len(c.messages)
    bad = aside(c, lambda c: c.retrieve_image(SCAN_JOB, SCAN_TOKEN))
    next_job(c)
    return inserted("WSCN-9", c.messages, at, bad)


@story("WSCN-11", "pull-cancel-after-the-last-image")
def _wscn_11_pulled() -> Story:
    c = pull_scan(images=2, source="ADF", announced=2, pulled=2)
    cancel = c.cancel_scan_job(SCAN_JOB)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(cancel, wscn.CancelJobResponse()))
    c.fault(cancel, WSCN_JOB_ID_NOT_FOUND)
    return inserted("WSCN-11", c.messages, at, bad)


@story("WSCN-11", "pull-second-cancel")
def _wscn_11_twice() -> Story:
    c = pull_scan(images=0, source="ADF", announced=0, pulled=1)
    c.answer(c.cancel_scan_job(SCAN_JOB), wscn.CancelJobResponse())
    cancel = c.cancel_scan_job(SCAN_JOB)
    at = len(c.messages)
    bad = aside(c, lambda c: c.answer(cancel, wscn.CancelJobResponse()))
    c.fault(cancel, WSCN_JOB_ID_NOT_FOUND)
    return inserted("WSCN-11", c.messages, at, bad)


@story("WSCN-15")
def _wscn_15() -> Story:
    # a RICOH Aficio MP 201 answers ClientErrorJobIdNotFound where the feeder ran empty
    # (sane-airscan): the job is over all the same, with a warning
    def job(fault: Fault) -> list[Envelope]:
        c = pull_scan(images=0, source="ADF", announced=0, pulled=2)
        c.fault(c.retrieve_image(SCAN_JOB, SCAN_TOKEN), fault)
        next_job(c)
        return c.messages

    good = job(WSCN_NO_IMAGES_AVAILABLE)
    violating = job(WSCN_JOB_ID_NOT_FOUND)
    return Story(rule="WSCN-15", good=tuple(good), violating=tuple(violating), index=7)
