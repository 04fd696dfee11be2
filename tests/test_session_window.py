"""A session forgets what closed ``window`` messages ago, and applies a message in the time the
message needs, however long the conversation has run.

The window's edge: a finished job, an answered request or a used MessageID is still known to
the ``window``-th message after the one that closed it, and no longer to the next. The rules
that need history are caught up to the edge (a reused MessageID, DSP-19; a second reply,
DSP-17; a finished WS-DSD JobId starting over, DSD-11; a message for a finished job, DSP-5).

Complexity is asserted by counting, never by timing: over a 100,000-message conversation of
short jobs the session's size stays bounded, and the entries one message writes or drops stay
the same from the first jobs to the last.
"""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import Iterator

import attrs
import pytest

from dsm_messages import Envelope, RemoteProtocolError, Session, check_sequence
from dsm_messages.models import dsp
from dsm_messages.session import DEFAULT_WINDOW
from dsm_messages.testing.conversations import CONSOLE_SINK, DEVICE, Conversation

TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"
OTHER = "a3e91c07-52d4-4b8e-b6f1-0d7c28e45a19"
WINDOW = 12


def observed(messages: list[Envelope], window: int | None = WINDOW) -> Session:
    observer = Session("observer", window=window)
    for index, message in enumerate(messages):
        observer.observe(message, index=index)
    return observer


def with_fillers(c: Conversation, count: int) -> None:
    """``count`` messages that neither close nor need anything (status events of OTHER)."""
    for _ in range(count):
        c.status(OTHER, "Processing")


def dsp_jobs() -> Conversation:
    """A subscribed device with two open jobs: TOKEN and OTHER (whose events fill windows)."""
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.open_job(OTHER)
    c.status(OTHER, "Processing")
    return c


def refused_rule(messages: list[Envelope], late: Envelope) -> str | None:
    observer = observed(messages)
    try:
        observer.observe(late, index=len(messages))
    except RemoteProtocolError as error:
        return error.rule
    return None


def reused_id(message: Envelope, message_id: str | None) -> Envelope:
    return attrs.evolve(message, message_id=message_id)


# -- the rules that need history, at the window's edge ----------------------------------------


@pytest.mark.parametrize(("after", "rule"), [(WINDOW, "DSP-19"), (WINDOW + 1, None)])
def test_a_reused_message_id_is_caught_within_the_window(after: int, rule: str | None) -> None:
    c = dsp_jobs()
    used = c.status(TOKEN, "Processing")
    with_fillers(c, after - 1)
    late = reused_id(status_body_event(c, TOKEN), used.message_id)
    assert refused_rule(c.messages, late) == rule


def status_body_event(c: Conversation, token: str) -> Envelope:
    with c.aside() as made:
        c.status(token, "Processing")
    return made[0]


@pytest.mark.parametrize(("after", "rule"), [(WINDOW, "DSP-17"), (WINDOW + 1, "DSP-18")])
def test_a_second_reply_is_caught_within_the_window(after: int, rule: str) -> None:
    # past the window the request is forgotten: the reply names no request it knows (DSP-18)
    c = dsp_jobs()
    send = c.send_image(TOKEN, 1)
    c.answer(send)
    with_fillers(c, after - 1)
    with c.aside() as made:
        c.answer(send)
    assert refused_rule(c.messages, made[0]) == rule


@pytest.mark.parametrize(("after", "rule"), [(WINDOW, "DSP-5"), (WINDOW + 1, "DSP-1")])
def test_a_finished_job_is_known_within_the_window(after: int, rule: str) -> None:
    # past the window a finished job is unknown: a request for it names no minted token
    c = dsp_jobs()
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    with_fillers(c, after - 1)
    with c.aside() as made:
        c.send_image(TOKEN, 2)
    assert refused_rule(c.messages, made[0]) == rule
    jobs = {job.job: job.phase for job in observed(c.messages).jobs()}
    assert jobs == ({TOKEN: "finished", OTHER: "open"} if rule == "DSP-5" else {OTHER: "open"})


@pytest.mark.parametrize(("after", "warned"), [(WINDOW, True), (WINDOW + 1, False)])
def test_a_finished_dsd_job_id_starting_over_is_caught_within_the_window(
    after: int, warned: bool
) -> None:
    c = Conversation()
    c.subscribe(DEVICE, CONSOLE_SINK)
    c.dsd_status(77, "Processing")
    c.dsd_end(77)
    for condition in range(after - 1):
        c.condition(100 + condition)  # raised and never cleared: open, so never forgotten
    restart = c.dsd_status(77, "Creating")
    observer = observed(c.messages)
    assert [(p.index, p.rule) for p in observer.warnings if p.rule == "DSD-11"] == (
        [(c.messages.index(restart), "DSD-11")] if warned else []
    )


def test_what_is_open_is_never_forgotten() -> None:
    # an unanswered request and an open job outlive any number of messages
    c = dsp_jobs()
    end = c.end(TOKEN)
    with_fillers(c, 5 * WINDOW)
    observer = observed(c.messages)
    assert {job.job for job in observer.jobs()} == {TOKEN, OTHER}
    with c.aside() as made:
        c.answer(end)
    observer.observe(made[0])  # still pending: the reply is accepted
    assert [problem.rule for problem in observer.finish()] == ["DSP-11-OPEN"]  # OTHER


def test_a_refused_message_does_not_move_the_window() -> None:
    c = dsp_jobs()
    used = c.status(TOKEN, "Processing")
    with_fillers(c, WINDOW - 1)
    observer = Session("observer", window=WINDOW)
    for index, message in enumerate(c.messages):
        observer.observe(message, index=index)
        if index == len(c.messages) - 3:  # a refused message in between counts for nothing
            with pytest.raises(RemoteProtocolError):
                observer.observe(reused_id(status_body_event(c, TOKEN), used.message_id))
    with pytest.raises(RemoteProtocolError) as caught:
        observer.observe(reused_id(status_body_event(c, TOKEN), used.message_id))
    assert caught.value.rule == "DSP-19"


def test_window_none_remembers_everything_and_bad_windows_are_refused() -> None:
    c = dsp_jobs()
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    with_fillers(c, 5 * WINDOW)
    assert len(observed(c.messages, window=None).jobs()) == 2
    assert len(check_sequence(c.messages, window=WINDOW).jobs) == 1
    assert len(check_sequence(c.messages).jobs) == 2  # the default window is long
    assert DEFAULT_WINDOW >= 1000
    with pytest.raises(ValueError, match="window"):
        Session("observer", window=0)


# -- complexity: a 100,000-message conversation ----------------------------------------------


def short_jobs(count: int) -> Iterator[Envelope]:
    """A subscription, then ``count`` jobs one after another: each created, sent one image,
    ended and finished (8 messages). Built from one parsed message of each kind, so that
    making 100,000 of them costs no XML work."""
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    subscription, job = c.messages[:2], c.messages[2:]
    # what each of a job's messages relates to (by position in the job)
    relates: list[int | None] = [None, 0, None, 2, None, 4, None, None]
    assert len(job) == len(relates)
    yield from subscription
    namespace = uuid.UUID("3c9d2f5e-7a41-4b08-9e6d-51f0c2a8b743")
    for number in range(count):
        token = str(uuid.uuid5(namespace, str(number)))
        ids = [f"urn:uuid:{uuid.uuid5(namespace, f'{number}/{i}')}" for i in range(len(job))]
        for message, message_id, relate in zip(job, ids, relates, strict=True):
            yield attrs.evolve(
                message,
                message_id=message_id,
                relates_to=None if relate is None else ids[relate],
                body=retoken(message.body, token),
            )


def retoken(body: object, token: str) -> object:
    """``body`` about job ``token``."""
    if isinstance(body, dsp.PostScanJobStatusEvent):
        return dataclasses.replace(
            body, job_status=dataclasses.replace(body.job_status, job_token=token)
        )
    if isinstance(body, dsp.PostScanJobEndStateEvent):
        end = body.post_scan_job_end_state
        return dataclasses.replace(
            body, post_scan_job_end_state=dataclasses.replace(end, job_token=token)
        )
    if dataclasses.is_dataclass(body) and hasattr(body, "job_token"):
        return dataclasses.replace(body, job_token=token)  # type: ignore[type-var]
    return body


def replay(
    messages: Iterator[Envelope], observer: Session, every: int
) -> tuple[list[int], list[int]]:
    """State size sampled every ``every`` messages, and entries touched by every message."""
    sizes, touched = [], []
    for index, message in enumerate(messages):
        observer.observe(message, index=index)
        touched.append(observer._touched)
        if index % every == 0:
            sizes.append(observer.state_size())
    assert observer.warnings == []
    assert observer.finish() == []
    return sizes, touched


def tenths(values: list[int]) -> tuple[list[int], list[int]]:
    tenth = len(values) // 10
    return values[tenth : 2 * tenth], values[-tenth:]


def test_a_100000_message_conversation_holds_flat_state_and_flat_work() -> None:
    jobs = 12_500  # 2 + 8 x 12,500 = 100,002 messages
    observer = Session("observer")
    sizes, touched = replay(short_jobs(jobs), observer, every=1000)
    assert len(touched) == 2 + 8 * jobs
    # the state stopped growing once the default window filled (10,000 messages, the first
    # tenth), and is bounded by the window: a few entries per message of the window
    early, late = tenths(sizes)
    assert max(late) <= max(early) <= 4 * DEFAULT_WINDOW
    assert len(observer.jobs()) <= DEFAULT_WINDOW // 8 + 1
    # each message writes and forgets the same number of entries at the end as early on
    early_work, late_work = tenths(touched)
    assert max(late_work) == max(early_work) <= 12
    assert sum(late_work) <= 1.01 * sum(early_work)


def test_without_a_window_the_state_grows_with_every_finished_job() -> None:
    # the measure above can tell: remembering everything shows as growth
    sizes, _ = replay(short_jobs(500), Session("observer", window=None), every=400)
    assert sizes[-1] > 9 * sizes[1]
    assert all(later > earlier for earlier, later in itertools.pairwise(sizes[1:]))


def test_the_generated_jobs_are_a_conforming_conversation() -> None:
    report = check_sequence(list(short_jobs(3)))
    assert report.ok, report.violations
    assert report.warnings == ()
    assert [job.phase for job in report.jobs] == ["finished"] * 3
    assert len({job.job for job in report.jobs}) == 3


def test_with_no_job_open_a_session_holds_only_what_the_windows_rules_need() -> None:
    # 200 jobs of 8 messages, a window of the last 10 jobs: in it, 80 MessageIDs (DSP-19),
    # 30 answered requests (a second reply, DSP-17), 20 events (their copies to other
    # subscribers count once) and 10 finished jobs (a message for one, DSP-5); each entry is
    # held once, and once more in the line of what is forgotten next. Nothing else: no job,
    # request, refusal or held event is left over from the 190 jobs before.
    window, jobs = 80, 200
    observer = Session("observer", window=window)
    messages = list(short_jobs(jobs))
    for index, message in enumerate(messages):
        observer.observe(message, index=index)
    last = messages[-window:]
    message_ids = sum(message.message_id is not None for message in last)
    answered = sum(message.relates_to is not None for message in last)
    events = sum(message.action.endswith("Event") for message in last)
    assert (message_ids, answered, events) == (80, 30, 20)
    finished = events // 2  # each job's end state is the second of its two events
    assert observer.state_size() == 2 * (message_ids + answered + events + finished)
    assert [job.phase for job in observer.jobs()] == ["finished"] * finished
