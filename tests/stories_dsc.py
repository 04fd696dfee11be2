"""Stories of the WS-DSC ordering rules (wsdsc-and-schemas.md section 9, MS-BDSRR)."""

from __future__ import annotations

from collections.abc import Callable

import attrs
from ordering_stories import (
    OTHER_TOKEN,
    TOKEN,
    Story,
    aside,
    inserted,
    repository,
    story,
)

from dsm_messages import (
    Envelope,
)
from dsm_messages.faults import (
    DSC_JOB_TOKEN_NOT_FOUND,
)
from dsm_messages.models import dsc
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import (
    CONSOLE_SINK,
    Conversation,
    dsc_end_state_body,
    dsc_summaries,
)

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
