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

The stories are told per protocol (``stories_dsp``, ``stories_dsd``, ``stories_dsc``,
``stories_wscn``, ``stories_any``), as the ordering code is split; this module replays every
one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

import attrs
import pytest
import stories_any  # noqa: F401  (each story module registers its stories)
import stories_dsc  # noqa: F401
import stories_dsd  # noqa: F401
import stories_dsp  # noqa: F401
import stories_wscn  # noqa: F401
from ordering_stories import (
    NEVER_MINTED,
    OTHER_TOKEN,
    STORIES,
    T0,
    TOKEN,
    Item,
    Role,
    Story,
    Tick,
    aside,
    dsp_job,
    final_status,
    repository,
    transcript,
)

from dsm_messages import (
    ANONYMOUS,
    Envelope,
    LocalProtocolError,
    ProtocolError,
    RemoteProtocolError,
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
from dsm_messages.models import dsc, dsd, dsp, wscn
from dsm_messages.ordering_rules import ORDERING_RULES
from dsm_messages.testing.conversations import (
    DEVICE,
    REPOSITORY,
    SCAN_SERVER,
    Conversation,
    job_summaries,
)

# -- replaying a story ----------------------------------------------------------------------

# Who sends what (wsdp.md section 1, wsdsd.md section 1, wsdsc-and-schemas.md section 1): the
# client of each protocol sends the requests, its host the responses, faults and events.
CLIENT: dict[str, Role] = {
    "dsp": "device",
    "dsd": "control_point",
    "dsc": "control_point",
    "wscn": "control_point",
}
HOST: dict[str, Role] = {
    "dsp": "scan_server",
    "dsd": "device",
    "dsc": "scan_server",
    "wscn": "device",
}
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
    observer plus the message's sender and receiver (unless the receiver holds it)."""
    if story.role is not None:
        return [story.role]
    bad = story.bad
    if not isinstance(bad, Envelope) or bad.message_type is None:
        return []  # a message that is no DSM message at all: check_sequence's business
    sender, receiver = bad_parties(story)
    return ["observer", sender] if story.held_by_receiver else ["observer", sender, receiver]


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


#: Rules no story of one conforming conversation and one message more can tell: they judge
#: the answer to a refused request, or the HTTP a message travelled in. Each is told by the
#: tests named here.
TOLD_ELSEWHERE = {
    "DSM-FAULT-MISMATCH": "test_judging.py, test_refusals.py",
    "DSM-HTTP-STATUS": "test_judging.py, test_transcripts.py",
    "DSM-HTTP-FAULT-STATUS": "test_transcripts.py",
    "DSM-HTTP-CONTENT-TYPE": "test_transcripts.py",
}


def test_every_ordering_rule_has_a_story() -> None:
    assert set(STORIES) | set(TOLD_ELSEWHERE) == set(ORDERING_RULES)
    assert not set(STORIES) & set(TOLD_ELSEWHERE)
    here = Path(__file__).parent
    for tests in TOLD_ELSEWHERE.values():
        for name in tests.split(", "):
            assert (here / name).is_file(), name


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

ROLE_RULE = {"dsp": "DSP-39", "dsd": "DSD-ROLE", "dsc": "DSC-ROLE", "wscn": "WSCN-ROLE"}
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
    ("wscn", "request"): lambda c: c.retrieve_image(41, "job-41-a9c2e6"),
    ("wscn", "response"): lambda c: c.emit(
        wscn.CancelJobResponse(), to=ANONYMOUS, relates_to=ELSEWHERE
    ),
    ("wscn", "event"): lambda c: c.scan_status(41, "Processing"),
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
