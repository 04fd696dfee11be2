"""The conformance kit's WS-DSD and WS-DSC probes, proved both ways in process: a device's
management face and a scan server's console face written on an Endpoint pass every probe, and
a variant with one defect fails exactly the probes of the rule it breaks."""

from __future__ import annotations

import pytest
from conformance_doubles import Answer, ConsoleScanServer, ManagedDevice

from dsm_messages import DsmError, Envelope, parse, reply
from dsm_messages.conformance import ConformanceReport, Listener, Target, run
from dsm_messages.models import dsc, dsd, wscn

EVENTS = "http://kit.invalid/events"
DEVICE = "http://device.invalid/ManagementService"
SERVER = "http://scansrv.invalid/ScanServer"


def probe_device(device: ManagedDevice) -> ConformanceReport:
    assert device.listener is not None
    target = Target(name=type(device).__name__, addresses={"dsd": DEVICE})
    return run(target, device.send, listener=device.listener, time_limit=10)


def probe_server(server: ConsoleScanServer) -> ConformanceReport:
    assert server.listener is not None
    target = Target(name=type(server).__name__, addresses={"dsp": SERVER, "dsc": SERVER})
    return run(target, server.send, listener=server.listener, selection=["dsc.*"], time_limit=10)


def _failed(report: ConformanceReport) -> dict[str, set[str]]:
    return {r.probe.id: {str(f.rule) for f in r.findings} for r in report.failed}


def test_a_device_management_face_passes_every_ws_dsd_probe() -> None:
    report = probe_device(ManagedDevice(Listener(EVENTS)))
    assert _failed(report) == {}
    assert report.not_applicable == ()
    assert {r.probe.id for r in report.results} >= {"dsd.unknown-element", "dsd.job-elements"}
    assert [f for r in report.results for f in r.observations if f.severity == "error"] == []


def test_a_scan_server_console_face_passes_every_ws_dsc_probe() -> None:
    report = probe_server(ConsoleScanServer(Listener(EVENTS)))
    assert _failed(report) == {}
    assert report.not_applicable == ()
    assert [f for r in report.results for f in r.observations if f.severity == "error"] == []


def _parsed(data: bytes, content_type: str) -> Envelope | None:
    if content_type.startswith("multipart/"):
        return None
    try:
        return parse(data, validate=True)  # a valid request: the broken ones are refused
    except DsmError:
        return None


def _by_hand(request: Envelope, answer: object) -> Answer:
    """An answer its endpoint would refuse to send, written without it."""
    return 200, "application/soap+xml", reply(request, answer)


class DropsUnknownNames(ManagedDevice):
    """Leaves out the ElementData of a name it does not know (wsdsd.md rule 24)."""

    def send(self, data: bytes, content_type: str, address: str) -> Answer:
        request = _parsed(data, content_type)
        if request is not None and isinstance(request.body, dsd.GetScannerElementsRequest):
            known = {e.qualified_name for e in self.elements if e.qualified_valid}
            data_ = [e for e in self.elements if e.qualified_name in known]
            asked = set(request.body.requested_elements.name)
            answer = dsd.GetScannerElementsResponse(
                scanner_elements=wscn.ScannerElementsType(
                    element_data=[e for e in data_ if e.qualified_name in asked]
                )
            )
            return _by_hand(request, answer)
        return super().send(data, content_type, address)


class ListsAFinishedJobAsActive(ManagedDevice):
    """Lists a Completed job among its active ones (wsdsd.md rule 12)."""

    def send(self, data: bytes, content_type: str, address: str) -> Answer:
        request = _parsed(data, content_type)
        if request is not None and isinstance(request.body, dsd.GetActiveJobsRequest):
            finished = self.history.job_history.job_summary[0]
            jobs = [*self.active.active_jobs.job_summary, finished]
            answer = dsd.GetActiveJobsResponse(
                active_jobs=wscn.ListOfSummarysType(job_summary=jobs)
            )
            return _by_hand(request, answer)
        return super().send(data, content_type, address)


class AcknowledgesCancelOfAFinishedJob(ConsoleScanServer):
    """Answers a console's cancel of a finished job as if it had canceled it (MS-BDSRR
    3.2.4.2)."""

    def send(self, data: bytes, content_type: str, address: str) -> Answer:
        request = _parsed(data, content_type)
        if request is not None and isinstance(request.body, dsc.CancelPostScanJobRequest):
            job = self.jobs.get(request.body.job_token)
            if job is not None and job.state is not None:
                return _by_hand(request, dsc.CancelPostScanJobResponse())
        return super().send(data, content_type, address)


@pytest.mark.parametrize(
    ("device", "expected"),
    [
        (DropsUnknownNames, {"dsd.unknown-element": {"DSD-24"}}),
        (ListsAFinishedJobAsActive, {"dsd.active-jobs": {"DSD-12"}}),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_a_broken_device_fails_exactly_the_probes_of_its_rule(
    device: type[ManagedDevice], expected: dict[str, set[str]]
) -> None:
    assert _failed(probe_device(device(Listener(EVENTS)))) == expected


def test_a_server_that_cancels_a_finished_job_fails_exactly_that_probe() -> None:
    report = probe_server(AcknowledgesCancelOfAFinishedJob(Listener(EVENTS)))
    assert _failed(report) == {"dsc.DSC-CANCEL": {"DSC-CANCEL"}}
    (result,) = report.failed
    (finding,) = result.findings
    assert finding.expected == "dsc:ClientErrorJobTokenNotFound (soap:Sender)"
    assert finding.got == "CancelPostScanJob response"
