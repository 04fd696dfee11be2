"""Stories of the WS-DSD ordering rules (wsdsd.md section 8)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from ordering_stories import (
    SECOND_SINK,
    Story,
    aside,
    dsd_device,
    inserted,
    story,
    with_id,
)

from dsm_messages import (
    Envelope,
)
from dsm_messages.models import dsd
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import (
    CONSOLE_SINK,
    DEVICE,
    WSCN_SCANNER_DESCRIPTION,
    WSCN_SCANNER_STATUS,
    Conversation,
    dsd_job_elements_body,
    job_summaries,
    scanner_elements_body,
)

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


@story("DSD-6", "a-copy-twice-to-one-console")
def _dsd_6_copy_twice() -> Story:
    # two consoles subscribed: the device sends each a copy of every event, which is one
    # event (a status copy repeats nothing); a second copy of the end event to one of them
    # is a second end event
    c = dsd_device()
    c.subscribe(DEVICE, SECOND_SINK)
    for status in (c.dsd_status(77, "Started"), c.dsd_status(77, "Processing", scans=1)):
        c.copy_to(status, SECOND_SINK)
    final = c.dsd_end(77, scans=1)
    at = len(c.messages)
    bad = aside(c, lambda c: c.copy_to(final, CONSOLE_SINK))
    c.copy_to(final, SECOND_SINK)
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
