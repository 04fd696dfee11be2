"""The conformance kit, proved both ways over HTTP on 127.0.0.1: the reference scan server
(examples/http) passes every probe that applies to it, and each deliberately broken variant of
it (a small subclass here, one defect each) fails exactly the probes of the rule it breaks,
each failure naming that rule.

A variant answers before the reference would (``misbehave``) or changes the reference's
answer (``alter``); everything else is the reference's own behaviour.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs
import pytest

from dsm_messages import Endpoint, Envelope, parse, reply
from dsm_messages.conformance import PROBES, ConformanceReport, Target
from dsm_messages.conformance.model import rule_row
from dsm_messages.faults import DSP_INVALID_ARGS, DSP_OPERATION_FAILED, Fault
from dsm_messages.models import dsp, soap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "http"))
import conformance as driver  # noqa: E402
from scan_server import ScanServer  # noqa: E402
from transcript import Transcript  # noqa: E402

#: Seconds per probe: every probe against these servers takes a fraction of one.
TIME_LIMIT = 10.0
Handled = tuple[int, bytes, Callable[[], None]]

_RESPONSES: dict[type, Callable[[], object]] = {
    dsp.SendImageRequest: dsp.SendImageResponse,
    dsp.EndPostScanJobRequest: dsp.EndPostScanJobResponse,
    dsp.CancelPostScanJobRequest: dsp.CancelPostScanJobResponse,
}


def _read(data: bytes, content_type: str) -> Envelope | None:
    try:
        package = content_type.lower().startswith("multipart/")
        return parse(data, content_type=content_type if package else None)
    except Exception:
        return None


class Misbehaving(ScanServer):
    """The reference scan server with one defect: ``breaks`` are the rules it breaks (none:
    the defect is in how it refuses, so each failing probe fails on its own rule) and
    ``fails`` the probes that must fail for it."""

    breaks: ClassVar[frozenset[str]] = frozenset()
    fails: ClassVar[frozenset[str]]

    def __init__(self, transcript: Transcript, images: Path) -> None:
        super().__init__(transcript, images)
        self.message_ids: set[str] = set()
        self.ended: set[str] = set()
        self.canceled: set[str] = set()
        self.documents: dict[str, set[int]] = {}

    def handle(self, content_type: str, body: BinaryIO, length: int) -> Handled:
        data = body.read(length)
        request = _read(data, content_type)
        answer = None if request is None else self.misbehave(request)
        if request is not None and answer is not None:
            return 200, reply(request, answer), lambda: None
        status, out, then = super().handle(content_type, io.BytesIO(data), length)
        if request is not None and status == 200:
            self._remember(request)
        return self.alter(status, out, then)

    def _remember(self, request: Envelope) -> None:
        if request.message_id is not None:
            self.message_ids.add(request.message_id)
        body = request.body
        if isinstance(body, dsp.EndPostScanJobRequest):
            self.ended.add(body.job_token)
        elif isinstance(body, dsp.CancelPostScanJobRequest):
            self.canceled.add(body.job_token)
        elif isinstance(body, dsp.SendImageRequest):
            documents = self.documents.setdefault(body.job_token, set())
            documents.add(body.document_description.document_id)

    def misbehave(self, request: Envelope) -> object | None:
        """The answer to give instead of the reference's, if any."""
        return None

    def alter(self, status: int, data: bytes, then: Callable[[], None]) -> Handled:
        return status, data, then


def _accepted(request: Envelope) -> object | None:
    answer = _RESPONSES.get(type(request.body))
    return None if answer is None else answer()


class AcceptsWrongCaseToken(Misbehaving):
    """Takes a JobToken in another case for the minted one (wsdp.md rule 2)."""

    breaks = frozenset({"DSP-2"})
    fails = frozenset({"dsp.DSP-2"})

    def misbehave(self, request: Envelope) -> object | None:
        token = getattr(request.body, "job_token", None)
        known = {minted.lower() for minted in self.jobs}
        if token is not None and token not in self.jobs and token.lower() in known:
            return _accepted(request)
        return None


class AcceptsImageAfterEnd(Misbehaving):
    """Lets SendImage follow EndPostScanJob, whether the job has finished or not (rules 10
    and 5)."""

    breaks = frozenset({"DSP-10", "DSP-5"})
    fails = frozenset({"dsp.DSP-10", "dsp.DSP-5"})

    def misbehave(self, request: Envelope) -> object | None:
        body = request.body
        if isinstance(body, dsp.SendImageRequest) and body.job_token in self.ended:
            return _accepted(request)
        return None


class AnswersReusedMessageId(Misbehaving):
    """Answers a request whose MessageID was used before (rule 19)."""

    breaks = frozenset({"DSP-19"})
    fails = frozenset({"dsp.DSP-19"})

    def misbehave(self, request: Envelope) -> object | None:
        return _accepted(request) if request.message_id in self.message_ids else None


class AcceptsDocumentIdTwice(Misbehaving):
    """Takes a second image under a DocumentId the job already has (rule 7)."""

    breaks = frozenset({"DSP-7"})
    fails = frozenset({"dsp.DSP-7"})

    def misbehave(self, request: Envelope) -> object | None:
        body = request.body
        if isinstance(body, dsp.SendImageRequest):
            sent = self.documents.get(body.job_token, set())
            if body.document_description.document_id in sent:
                return _accepted(request)
        return None


class AcceptsSecondEnd(Misbehaving):
    """Answers a second EndPostScanJob (rule 9)."""

    breaks = frozenset({"DSP-9"})
    fails = frozenset({"dsp.DSP-9"})

    def misbehave(self, request: Envelope) -> object | None:
        body = request.body
        if isinstance(body, dsp.EndPostScanJobRequest) and body.job_token in self.ended:
            return _accepted(request)
        return None


class AcceptsAfterCancel(Misbehaving):
    """Takes SendImage and EndPostScanJob for a job it canceled (rule 13)."""

    breaks = frozenset({"DSP-13"})
    fails = frozenset({"dsp.DSP-13.image", "dsp.DSP-13.end"})

    def misbehave(self, request: Envelope) -> object | None:
        body = request.body
        image_or_end = isinstance(body, dsp.SendImageRequest | dsp.EndPostScanJobRequest)
        if image_or_end and getattr(body, "job_token", None) in self.canceled:
            return _accepted(request)
        return None


class CancelsFinishedJob(Misbehaving):
    """Acknowledges a cancel of a job that has finished (rule 12)."""

    breaks = frozenset({"DSP-12"})
    fails = frozenset({"dsp.DSP-12"})

    def misbehave(self, request: Envelope) -> object | None:
        body = request.body
        if isinstance(body, dsp.CancelPostScanJobRequest) and body.job_token in self.ended:
            return _accepted(request)
        return None


class OmitsRelatesTo(Misbehaving):
    """Sends its responses (not its faults) without wsa:RelatesTo."""

    breaks = frozenset({"DSM-RELATES-TO-MISSING"})
    fails = frozenset({"dsp.subscribe", "dsp.job", "dsp.cancel"})

    def alter(self, status: int, data: bytes, then: Callable[[], None]) -> Handled:
        if status != 200 or not data:
            return status, data, then
        envelope = parse(data)
        return status, attrs.evolve(envelope, relates_to=None).to_bytes(), then


def _answered_with(fault: Fault) -> frozenset[str]:
    """The WS-DSP refusal probes whose rule's row names ``fault`` (the rule tables are the
    specification the kit reads them from)."""
    return frozenset(
        probe.id
        for probe in PROBES
        if probe.protocol == "dsp"
        and probe.kind == "refusal"
        and rule_row(probe.rule).fault_for("dsp") == fault
    )


class WrongFaultSubcode(Misbehaving):
    """Refuses what it must, but with dsp:OperationFailed (a Receiver fault, HTTP 500) where
    the rule's row names dsp:InvalidArgs: each such probe fails on its own rule, saying which
    fault came instead (minus the two it cannot reach: this server does not offer
    GetPostScanJobElements)."""

    breaks = frozenset({"DSM-FAULT-MISMATCH"})
    fails = _answered_with(DSP_INVALID_ARGS) - {"dsp.DSM-QNAME-UNBOUND", "dsp.DSM-QNAME-UNKNOWN"}

    def alter(self, status: int, data: bytes, then: Callable[[], None]) -> Handled:
        envelope = parse(data) if data else None
        if envelope is None or not isinstance(envelope.body, soap.Fault):
            return status, data, then
        if Fault.from_model(envelope.body).subcodes != DSP_INVALID_ARGS.subcodes:
            return status, data, then
        wrong = attrs.evolve(envelope, body=DSP_OPERATION_FAILED.to_model())
        return DSP_OPERATION_FAILED.http_status, wrong.to_bytes(), then


class FaultsWithHttp200(Misbehaving):
    """Refuses with the right faults, but sends each with HTTP 200."""

    breaks = frozenset({"DSM-HTTP-STATUS"})
    fails = frozenset()  # filled in below: every refusal probe that gets a fault

    def alter(self, status: int, data: bytes, then: Callable[[], None]) -> Handled:
        return (200 if status in (400, 500) else status), data, then


class ReadsLeniently(Misbehaving):
    """Reads in the lenient profile: takes what real devices send with the deviations the
    lenient profile tolerates. A target that claims the strict profile fails exactly those
    probes; claiming the lenient one, it passes them (see the test below)."""

    fails = frozenset(
        probe.id
        for probe in PROBES
        if probe.protocol == "dsp"
        and probe.kind == "refusal"
        and rule_row(probe.rule).lenient == "warning"
    )

    def __init__(self, transcript: Transcript, images: Path) -> None:
        super().__init__(transcript, images)
        self.endpoint = Endpoint("scan_server", profile="lenient")


class SendsEndStateTwice(Misbehaving):
    """Reports each job's end state twice (rule 25)."""

    breaks = frozenset({"DSP-25"})
    fails = frozenset({"dsp.job", "dsp.cancel"})

    def _notify(self, operation: str, event: object) -> None:
        super()._notify(operation, event)
        if isinstance(event, dsp.PostScanJobEndStateEvent):
            for subscriber in self.subscribers:  # by hand: its endpoint would refuse
                data = Envelope(
                    action=f"{dsp.__NAMESPACE__}/PostScanJobEndStateEvent",
                    body=event,
                    to=subscriber.address,
                    message_id=f"urn:uuid:{uuid.uuid4()}",
                    extra_headers=subscriber.reference_parameters,
                ).to_bytes()
                _post(subscriber.address, data)


def _post(url: str, data: bytes) -> None:
    post = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/soap+xml"}, method="POST"
    )
    with urllib.request.urlopen(post, timeout=30) as answer:
        answer.read()


VARIANTS: tuple[type[Misbehaving], ...] = (
    AcceptsWrongCaseToken,
    AcceptsImageAfterEnd,
    AnswersReusedMessageId,
    AcceptsDocumentIdTwice,
    AcceptsSecondEnd,
    AcceptsAfterCancel,
    CancelsFinishedJob,
    OmitsRelatesTo,
    WrongFaultSubcode,
    FaultsWithHttp200,
    ReadsLeniently,
    SendsEndStateTwice,
)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Callable[[type[ScanServer]], ScanServer]]:
    started: list[ScanServer] = []

    def serve(kind: type[ScanServer]) -> ScanServer:
        server = kind(Transcript(tmp_path / "transcript"), tmp_path / "images")
        started.append(server.__enter__())
        return server

    yield serve
    for server in started:
        server.__exit__(None, None, None)


def run_kit(server: ScanServer, *, profile: str = "strict") -> ConformanceReport:
    target = Target(
        name=type(server).__name__,
        addresses={"dsp": server.url},
        profile=profile,  # type: ignore[arg-type]
    )
    return driver.probe(target, time_limit=TIME_LIMIT, selection=["dsp.*"])


#: What does not apply to the reference scan server: it does not serve GetPostScanJobElements.
NOT_OFFERED = frozenset({"dsp.DSM-QNAME-UNBOUND", "dsp.DSM-QNAME-UNKNOWN"})


def test_the_reference_scan_server_passes_every_probe_that_applies(
    served: Callable[[type[ScanServer]], ScanServer],
) -> None:
    report = run_kit(served(ScanServer))
    assert [(r.probe.id, r.reason) for r in report.failed] == []
    assert {r.probe.id for r in report.not_applicable} == NOT_OFFERED
    assert len(report.passed) > 30
    # what the reference sends breaks no rule, on the way either
    observed = [f for r in report.results for f in r.observations if f.severity == "error"]
    assert observed == []


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: variant.__name__)
def test_a_broken_variant_fails_exactly_the_probes_of_its_rule(
    served: Callable[[type[ScanServer]], ScanServer], variant: type[Misbehaving]
) -> None:
    report = run_kit(served(variant))
    failed = {result.probe.id for result in report.failed}
    expected = variant.fails or _refusals_answered_with_a_fault(report)
    assert failed == expected, report.to_text()
    for result in report.failed:
        for finding in result.findings:
            assert finding.rule in (variant.breaks or {result.probe.rule}), result


def _refusals_answered_with_a_fault(report: ConformanceReport) -> frozenset[str]:
    """The refusal probes whose target answered with a fault (every one, here)."""
    return frozenset(
        result.probe.id
        for result in report.results
        if result.probe.kind == "refusal" and result.verdict != "not_applicable"
    )


def test_a_lenient_reader_passes_when_it_claims_the_lenient_profile(
    served: Callable[[type[ScanServer]], ScanServer],
) -> None:
    report = run_kit(served(ReadsLeniently), profile="lenient")
    assert [r.probe.id for r in report.failed] == []
    tolerated = {r.probe.id for r in report.passed if r.reason.startswith("accepted")}
    assert tolerated == ReadsLeniently.fails


def test_the_http_driver_writes_both_reports_and_says_by_its_status_whether_a_probe_failed(
    served: Callable[[type[ScanServer]], ScanServer], tmp_path: Path
) -> None:
    create = ROOT / "examples" / "dsp-01-create-request.xml"
    for kind, status in ((ScanServer, 0), (AcceptsSecondEnd, 1)):
        server = served(kind)
        out = tmp_path / kind.__name__
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "examples" / "http" / "conformance.py"),
                f"--server={server.url}",
                f"--create-request={create}",
                "--select=DSP-9",
                f"--out={out}",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == status, result.stdout + result.stderr
        data = json.loads((out / "conformance.json").read_text(encoding="utf-8"))
        assert [r["probe"]["id"] for r in data["results"]] == ["dsp.DSP-9"]
        page = (out / "conformance.html").read_text(encoding="utf-8")
        assert "dsp.DSP-9" in page
        # the scan process given is the one the kit sent
        sent = data["results"][0]["exchanges"][0]["text"]
        assert "<dsp:CreatePostScanJobRequest>" in sent
        assert parse(sent.encode()).body == parse(create.read_bytes()).body
