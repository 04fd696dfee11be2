"""How low the Session row can go in CPython: a flat checker of part of WS-DSP's ordering
rules, run over ``bench/run.py``'s job mix against the library's observer, in one process.

Usage: python bench/session_floor.py [--rounds N] [--jobs N]

The flat checker knows the bench's eight messages and nothing else. It is one function per
message type, reading the model objects' attributes by name (no walk, no wildcard, no vendor
content, no alias, no trimming of values but the addressing headers), writing plain dicts and
one mutable record per job, with no undo (a refused message would leave its writes: nothing
here is refused) and no warnings. It checks:

- MessageID reuse, a request waiting for its reply, a reply paired with its request by
  RelatesTo and of the same operation, the request then answered;
- a token minted once; a request's job minted; the job's phase allowing the message; a
  DocumentId sent once; no SendImage while one is unanswered; no second EndPostScanJob; an
  EndPostScanJob with an image sent and none unanswered;
- an event after a subscription (taken as seen: the bench subscribes first); a status
  event's state and filter moves allowed (the library's tables), ImagesReceived not going
  down, the filters the job was created with; its copies told apart by what the rules read
  (a tuple, hashed once);
- an end state final, Completed only after EndPostScanJob was answered, its reasons fitting
  its state, every filter final, its count the images accepted, its PSP_Identifier the job's,
  and its completion time not before the job's creation;
- what closed (MessageIDs, answered requests, events, finished jobs) forgotten the session's
  window of messages later.

It leaves out every other rule of WS-DSP, every rule of the other protocols, roles, faults,
held events, lenient reading, undo, transcripts' indexes and problems. Whatever checks all
the rules costs at least this; its µs per message against the goal of 5 µs says how far a
checker in CPython can go on this machine.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any

from run import PER_JOB, job_messages, subscribed

from dsm_messages import Envelope, Session
from dsm_messages.job_states import DSP_JOB_PHASES, FILTER_STATES, POST_SCAN_JOB_STATES
from dsm_messages.job_vocabulary import FINAL_FILTER_STATES, FINAL_JOB_STATES, reasons_fit
from dsm_messages.models import dsp
from dsm_messages.session import DEFAULT_WINDOW

__all__ = ["FlatChecker", "RefusedError", "main"]


class RefusedError(Exception):
    """A message broke one of the rules the flat checker checks."""


def _text(value: object) -> str:
    return value.value if isinstance(value, Enum) else str(value)


class _Job:
    __slots__ = (
        "answered",
        "count",
        "created",
        "dialects",
        "documents",
        "end_answered",
        "end_sent",
        "filters",
        "outstanding",
        "phase",
        "psp",
        "sent",
        "state",
    )

    def __init__(self, dialects: tuple[str, ...], psp: str | None) -> None:
        self.phase = "open"
        self.state: str | None = None
        self.sent = self.answered = self.outstanding = 0
        self.documents: set[int] = set()
        self.dialects = dialects
        self.psp = psp
        self.count: int | None = None
        self.filters: dict[str, str] = {}
        self.created: datetime | None = None
        self.end_sent = self.end_answered = False


class FlatChecker:
    """Part of WS-DSP's ordering rules for the bench's eight messages, flat (see above)."""

    def __init__(self) -> None:
        self.message_ids: dict[str, bool] = {}
        self.pending: dict[str, tuple[str, Any]] = {}
        self.answered: dict[str, bool] = {}
        self.jobs: dict[str, _Job] = {}
        self.broadcasts: dict[tuple[object, ...], str] = {}
        self.subscribed = True
        self.applied = 0
        self.closing: dict[str, OrderedDict[Any, int]] = {
            name: OrderedDict() for name in ("message_ids", "answered", "broadcasts", "jobs")
        }
        self.by_class: dict[type, Callable[[FlatChecker, Envelope, Any], None]] = {
            dsp.CreatePostScanJobRequest: FlatChecker._create,
            dsp.CreatePostScanJobResponse: FlatChecker._minted,
            dsp.SendImageRequest: FlatChecker._send_image,
            dsp.SendImageResponse: FlatChecker._image_answered,
            dsp.EndPostScanJobRequest: FlatChecker._end,
            dsp.EndPostScanJobResponse: FlatChecker._end_answered,
            dsp.PostScanJobStatusEvent: FlatChecker._status,
            dsp.PostScanJobEndStateEvent: FlatChecker._end_state,
        }

    def apply(self, envelope: Envelope) -> None:
        message_id = (envelope.message_id or "").strip()
        if message_id in self.message_ids or message_id in self.pending:
            raise RefusedError("MessageID used before")
        self.message_ids[message_id] = True
        self.by_class[type(envelope.body)](self, envelope, envelope.body)
        self.applied += 1
        self._close("message_ids", message_id)
        horizon = self.applied - DEFAULT_WINDOW
        for name, waiting in self.closing.items():
            while waiting:
                key = next(iter(waiting))
                if waiting[key] > horizon:
                    break
                del waiting[key]
                getattr(self, name).pop(key, None)

    def _close(self, table: str, key: object) -> None:
        self.closing[table][key] = self.applied

    def _request(self, envelope: Envelope, operation: str, what: Any) -> None:
        self.pending[(envelope.message_id or "").strip()] = (operation, what)

    def _reply(self, envelope: Envelope, operation: str) -> Any:
        relates = (envelope.relates_to or "").strip()
        request = self.pending.pop(relates, None)
        if request is None or request[0] != operation:
            raise RefusedError("reply to no request of its operation")
        self.answered[relates] = True
        self._close("answered", relates)
        return request[1]

    def _job(self, token: str, message: str) -> _Job:
        job = self.jobs.get(token)
        if job is None:
            raise RefusedError("JobToken not minted")
        after = DSP_JOB_PHASES[job.phase].get(message)
        if after is None:
            raise RefusedError("message refused in this phase")
        job.phase = after
        return job

    def _create(self, envelope: Envelope, body: dsp.CreatePostScanJobRequest) -> None:
        instructions = body.post_scan_instructions
        dialects: tuple[str, ...] = ()
        if instructions is not None and instructions.filters_to_process is not None:
            dialects = tuple(f.dialect for f in instructions.filters_to_process.filter)
        self._request(envelope, "CreatePostScanJob", (dialects, body.psp_identifier))

    def _minted(self, envelope: Envelope, body: dsp.CreatePostScanJobResponse) -> None:
        dialects, psp = self._reply(envelope, "CreatePostScanJob")
        if body.job_token in self.jobs:
            raise RefusedError("JobToken minted twice")
        self.jobs[body.job_token] = _Job(dialects, psp)

    def _send_image(self, envelope: Envelope, body: dsp.SendImageRequest) -> None:
        job = self._job(body.job_token, "SendImage")
        document = body.document_description.document_id
        if document in job.documents or job.outstanding or job.end_sent:
            raise RefusedError("DocumentId again, image unanswered or job ending")
        job.documents.add(document)
        job.sent += 1
        job.outstanding += 1
        self._request(envelope, "SendImage", job)

    def _image_answered(self, envelope: Envelope, body: dsp.SendImageResponse) -> None:
        job: _Job = self._reply(envelope, "SendImage")
        job.outstanding -= 1
        job.answered += 1

    def _end(self, envelope: Envelope, body: dsp.EndPostScanJobRequest) -> None:
        job = self.jobs.get(body.job_token)
        if job is None or job.end_sent or job.outstanding or not job.sent:
            raise RefusedError("second end, image unanswered or none sent")
        self._job(body.job_token, "EndPostScanJob")
        job.end_sent = True
        self._request(envelope, "EndPostScanJob", job)

    def _end_answered(self, envelope: Envelope, body: dsp.EndPostScanJobResponse) -> None:
        job: _Job = self._reply(envelope, "EndPostScanJob")
        after = DSP_JOB_PHASES[job.phase].get("EndPostScanJobResponse")
        if after is None:
            raise RefusedError("message refused in this phase")
        job.phase = after
        job.end_answered = True

    def _event(self, key: tuple[object, ...]) -> None:
        if not self.subscribed:
            raise RefusedError("event with no subscription")
        if key in self.broadcasts:
            raise RefusedError("copy")  # (the bench sends none)
        self.broadcasts[key] = "to"
        self._close("broadcasts", key)

    def _status(self, envelope: Envelope, body: dsp.PostScanJobStatusEvent) -> None:
        status = body.job_status
        token = status.job_token
        state = _text(status.job_state)
        given = status.job_state_reasons
        reasons = tuple(map(_text, given.job_state_reason)) if given is not None else ()
        filters = {f.dialect: _text(f.filter_state) for f in status.filter_statuses.filter_status}
        count = status.images_received
        self._event((token, state, reasons, tuple(filters.items()), count))
        job = self.jobs.get(token)
        if job is None or job.phase == "finished":
            raise RefusedError("status of no job, or after its end state")
        moved = job.state is not None and state != job.state
        if moved and state not in POST_SCAN_JOB_STATES.get(job.state or "", ()):
            raise RefusedError("state move refused")
        if count is not None and job.count is not None and count < job.count:
            raise RefusedError("ImagesReceived went down")
        for dialect, filter_state in filters.items():
            before = job.filters.get(dialect)
            moved = before is not None and before != filter_state
            if moved and filter_state not in FILTER_STATES.get(before or "", ()):
                raise RefusedError("filter move refused")
        if job.dialects and set(filters) != set(job.dialects):
            raise RefusedError("filter dialects")
        job.state, job.count, job.filters = state, count, filters
        job.created = status.job_created_time or job.created

    def _end_state(self, envelope: Envelope, body: dsp.PostScanJobEndStateEvent) -> None:
        end = body.post_scan_job_end_state
        token = end.job_token
        state = _text(end.job_completed_state)
        reasons = tuple(map(_text, end.job_completed_state_reasons.job_state_reason))
        filters = tuple(
            (f.dialect, _text(f.filter_state)) for f in end.filter_completed_statuses.filter_status
        )
        self._event((token, state, reasons, filters, end.images_received, end.psp_identifier))
        job = self._job(token, "PostScanJobEndStateEvent")
        if state not in FINAL_JOB_STATES or (state == "Completed" and not job.end_answered):
            raise RefusedError("end state not final, or before EndPostScanJob was answered")
        if not reasons_fit(state, reasons):
            raise RefusedError("reasons")
        if any(filter_state not in FINAL_FILTER_STATES for _, filter_state in filters):
            raise RefusedError("filter not final")
        if end.images_received != job.answered:
            raise RefusedError("count")
        if end.psp_identifier and job.psp not in (None, end.psp_identifier):
            raise RefusedError("PSP_Identifier")
        completed = end.job_completed_time
        if completed is not None and job.created is not None and completed < job.created:
            raise RefusedError("completed before created")
        job.state = state
        self._close("jobs", token)


def _per_message(apply: Callable[[Envelope], None], jobs: list[list[Envelope]]) -> float:
    gc.disable()
    try:
        started = time.perf_counter()
        for job in jobs:
            for message in job:
                apply(message)
        return (time.perf_counter() - started) / (len(jobs) * PER_JOB) * 1e6
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=500)
    arguments = parser.parse_args()
    conversation = [job_messages(n) for n in range(arguments.jobs)]
    flat, ours = [], []
    for _ in range(arguments.rounds):  # (alternated, so that the machine's load falls on both)
        checker = FlatChecker()
        flat.append(_per_message(checker.apply, conversation))
        observer = Session("observer")
        for message in subscribed():
            observer.observe(message)
        ours.append(_per_message(observer.observe, conversation))
        assert observer.finish() == []  # (the same job mix, whole)
        assert observer.warnings == []
    for name, spent in (("the flat checker", flat), ("Session (observer)", ours)):
        print(
            f"{name:20s} µs per message: median {statistics.median(spent):5.1f}, "
            f"best {min(spent):5.1f}, worst {max(spent):5.1f}"
        )
    times = statistics.median(ours) / statistics.median(flat)
    print(f"Session / flat checker (medians): {times:.1f}x")


if __name__ == "__main__":
    main()
