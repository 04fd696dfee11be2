"""The conformance kit against the reference WS-Scan device (examples/http), over HTTP on
127.0.0.1: it passes every probe, pull and push scan (the test presses Scan for it), and each
deliberately broken variant of it fails exactly the probes of the rule it breaks.

The reference device reads in the lenient profile (it takes what real clients send), so the
target says so: the probes of deviations the lenient profile tolerates then accept either a
refusal with the right fault or an answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from dsm_messages import DsmError, Envelope, parse, reply
from dsm_messages.conformance import ConformanceReport, Target
from dsm_messages.models import wscn
from dsm_messages.mtom import build_retrieve_image_response
from dsm_messages.transcripts import SOAP_CONTENT_TYPE, HttpHead

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "http"))
import conformance as driver  # noqa: E402
from transcript import Transcript  # noqa: E402
from ws_scan_device import Answer, Job, ScanDevice  # noqa: E402

PAGES = [b"\xff\xd8\xff\xe0 page one \xff\xd9", b"\xff\xd8\xff\xe0 page two \xff\xd9"]


def _nothing() -> None:
    return None


def _valid(data: bytes) -> Envelope | None:
    try:
        return parse(data, validate=True, profile="lenient")
    except DsmError:
        return None


class Misbehaving(ScanDevice):
    """The reference device with one defect: ``fails`` are the probes that must fail, each on
    the rule it names."""

    fails: ClassVar[dict[str, str]]

    def handle(self, data: bytes, head: HttpHead) -> Answer:
        request = _valid(data)
        body = None if request is None else request.body
        job = self.jobs.get(getattr(body, "job_id", -1))
        if request is not None and job is not None:
            answer = self.misbehave(request, job)
            if answer is not None:
                return answer
        return super().handle(data, head)

    def misbehave(self, request: Envelope, job: Job) -> Answer | None:
        return None

    def image_by_hand(self, request: Envelope) -> Answer:
        """An image its endpoint would refuse to send, written without it."""
        assert request.message_id is not None
        content_type, chunks = build_retrieve_image_response(
            wscn.RetrieveImageResponse(scan_data=b""),
            PAGES[0],
            relates_to=request.message_id,
            to="http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
            content_type="image/jpeg",
        )
        return 200, content_type, chunks, _nothing

    def answer_by_hand(self, request: Envelope, answer: object) -> Answer:
        return 200, SOAP_CONTENT_TYPE, iter([reply(request, answer)]), _nothing


class AnswersRetrieveAfterCompletion(Misbehaving):
    """Sends an image for a job whose images were all retrieved (WSCN-10)."""

    fails: ClassVar[dict[str, str]] = {"wscn.WSCN-10": "WSCN-10"}

    def misbehave(self, request: Envelope, job: Job) -> Answer | None:
        body = request.body
        if isinstance(body, wscn.RetrieveImageRequest) and job.state == "Completed":
            return self.image_by_hand(request)
        return None


class AcceptsAnotherJobsToken(Misbehaving):
    """Sends an image for a JobToken that is not the job's (WSCN-2)."""

    fails: ClassVar[dict[str, str]] = {"wscn.WSCN-2": "WSCN-2"}

    def misbehave(self, request: Envelope, job: Job) -> Answer | None:
        body = request.body
        if isinstance(body, wscn.RetrieveImageRequest) and body.job_token != job.token:
            return self.image_by_hand(request)
        return None


class SendsImagesOfACanceledJob(Misbehaving):
    """Sends an image for a job it canceled (WSCN-9)."""

    fails: ClassVar[dict[str, str]] = {"wscn.WSCN-9": "WSCN-9"}

    def misbehave(self, request: Envelope, job: Job) -> Answer | None:
        body = request.body
        if isinstance(body, wscn.RetrieveImageRequest) and job.state == "Canceled":
            return self.image_by_hand(request)
        return None


class CancelsACompletedJob(Misbehaving):
    """Answers CancelJob for a completed job with a CancelJobResponse (WSCN-11)."""

    fails: ClassVar[dict[str, str]] = {"wscn.WSCN-11": "WSCN-11"}

    def misbehave(self, request: Envelope, job: Job) -> Answer | None:
        if isinstance(request.body, wscn.CancelJobRequest) and job.state == "Completed":
            return self.answer_by_hand(request, wscn.CancelJobResponse())
        return None


VARIANTS: tuple[type[Misbehaving], ...] = (
    AnswersRetrieveAfterCompletion,
    AcceptsAnotherJobsToken,
    SendsImagesOfACanceledJob,
    CancelsACompletedJob,
)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Callable[[type[ScanDevice]], ScanDevice]]:
    started: list[ScanDevice] = []

    def serve(kind: type[ScanDevice]) -> ScanDevice:
        device = kind(Transcript(tmp_path / "transcript"), PAGES)
        started.append(device.__enter__())
        return device

    yield serve
    for device in started:
        device.__exit__(None, None, None)


def run_kit(device: ScanDevice, protocol: str = "wscn") -> ConformanceReport:
    target = Target(
        name=type(device).__name__,
        addresses={protocol: device.scan_service},
        profile="lenient",
        press_scan=device.press_scan,
    )
    return driver.probe(target, time_limit=10.0)


def test_the_reference_ws_scan_device_passes_every_probe(
    served: Callable[[type[ScanDevice]], ScanDevice],
) -> None:
    report = run_kit(served(ScanDevice))
    assert [(r.probe.id, r.reason) for r in report.failed] == []
    assert report.not_applicable == ()
    ran = {result.probe.id for result in report.results}
    assert {"wscn.pull-scan", "wscn.push-scan", "wscn.WSCN-3", "wscn.WSCN-10"} <= ran
    # what the lenient profile tolerates, the device takes
    tolerated = {r.probe.rule for r in report.passed if r.reason.startswith("accepted")}
    assert "DSM-CHILD-ORDER" in tolerated
    observed = [f for r in report.results for f in r.observations if f.severity == "error"]
    assert observed == []


def test_the_reference_ws_scan_device_has_no_management_face(
    served: Callable[[type[ScanDevice]], ScanDevice],
) -> None:
    # a management console's WS-DSD requests (dsd: bodies under the same actions) are not its
    # WS-Scan ones: it answers them wsa:ActionNotSupported, and only a subscription, which
    # any event source takes, is answered
    report = run_kit(served(ScanDevice), "dsd")
    verdicts = {result.probe.id: result.verdict for result in report.results}
    assert verdicts.pop("dsd.subscribe") == "passed"
    assert set(verdicts.values()) == {"not_applicable"}


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: variant.__name__)
def test_a_broken_variant_fails_exactly_the_probes_of_its_rule(
    served: Callable[[type[ScanDevice]], ScanDevice], variant: type[Misbehaving]
) -> None:
    report = run_kit(served(variant))
    failed = {r.probe.id: {str(f.rule) for f in r.findings} for r in report.failed}
    assert failed == {probe: {rule} for probe, rule in variant.fails.items()}, report.to_text()
