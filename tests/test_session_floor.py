"""``bench/session_floor.py``'s flat checker checks what it says it checks: it takes the
bench's job mix, and it refuses each kind of message its docstring lists as checked when that
message breaks the rule (so that its µs per message are those of a checker, not of a loop)."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from dsm_messages import Envelope
from dsm_messages.models import dsp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from run import job_messages  # (bench/run.py)
from session_floor import FlatChecker, RefusedError  # (bench/session_floor.py)

# the bench's job, by position: create, minted, image, answered, end, answered, status, end state
CREATE, MINTED, IMAGE, IMAGE_ANSWERED, END, END_ANSWERED, STATUS, END_STATE = range(8)


def _run(messages: list[Envelope]) -> None:
    checker = FlatChecker()
    for message in messages:
        checker.apply(message)


def test_the_flat_checker_takes_the_bench_jobs() -> None:
    _run([message for number in range(3) for message in job_messages(number)])


def _reordered(job: list[Envelope]) -> list[Envelope]:
    """The end state before the EndPostScanJob was answered."""
    return [*job[:END_ANSWERED], job[END_STATE]]


def _second_image(job: list[Envelope], document_id: int) -> Envelope:
    """The job's SendImage again, with another MessageID, sending ``document_id``."""
    image = job[IMAGE].body
    assert isinstance(image, dsp.SendImageRequest)
    description = dataclasses.replace(image.document_description, document_id=document_id)
    body = dataclasses.replace(image, document_description=description)
    return attrs.evolve(job[IMAGE], message_id=f"urn:uuid:image-{document_id}", body=body)


BROKEN: dict[str, Callable[[list[Envelope]], list[Envelope]]] = {
    "a MessageID used twice": lambda job: [job[CREATE], job[CREATE]],
    "a reply to no request": lambda job: [job[MINTED]],
    "a token no response minted": lambda job: [job[IMAGE]],
    "a token minted twice": lambda job: [
        *job[:IMAGE],
        attrs.evolve(job[CREATE], message_id="urn:uuid:create-again"),
        attrs.evolve(
            job[MINTED], message_id="urn:uuid:minted-again", relates_to="urn:uuid:create-again"
        ),
    ],
    "a SendImage while one is unanswered": lambda job: [
        *job[:IMAGE_ANSWERED],
        _second_image(job, 2),
    ],
    "a DocumentId sent twice": lambda job: [*job[:END], _second_image(job, 1)],
    "an EndPostScanJob with no image sent": lambda job: [*job[:IMAGE], job[END]],
    "a SendImage after EndPostScanJob": lambda job: [
        *job[:END_ANSWERED],
        _second_image(job, 2),
    ],
    "a Completed end state before EndPostScanJob was answered": _reordered,
    "a status event after the end state": lambda job: [*job[:STATUS], job[END_STATE], job[STATUS]],
}


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_the_flat_checker_refuses(broken: str) -> None:
    messages = BROKEN[broken](job_messages(7))
    with pytest.raises(RefusedError):
        _run(messages)
