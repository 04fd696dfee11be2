"""The conformance kit's own parts, without a network: the probes cover every rule a receiver
refuses (or the rule is listed with the reason it has none), each generated probe's message
breaks exactly its rule, the runner keeps its time limits and plays the same over a blocking
and an asyncio transport, and the reports read as documented."""

from __future__ import annotations

import asyncio
import doctest
import importlib
import io
import json
import pkgutil
import re
import sys
import time
from pathlib import Path

import attrs
import pytest

import dsm_messages.conformance as kit
from dsm_messages import RULES, validate
from dsm_messages.conformance import (
    NOT_PROBED,
    PROBES,
    ConformanceReport,
    Listener,
    Target,
    missing_probes,
    refused_rules,
    run,
    run_async,
    to_html,
)
from dsm_messages.conformance.breakers import BREAKERS, build_carrier
from dsm_messages.conformance.common import default_scan_process
from dsm_messages.conformance.model import rule_row
from dsm_messages.rule_ids import DsmRule, RuleId
from dsm_messages.rules import rule_row as make_row

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "http"))
from scan_server import ScanServer  # noqa: E402
from transcript import Transcript  # noqa: E402

ADDRESS = "http://127.0.0.1:9/ScanServer"


# -- every rule a receiver refuses has its probe --------------------------------------------------
def test_every_rule_a_receiver_refuses_has_a_probe_or_a_reason() -> None:
    assert missing_probes() == []
    probed = {probe.rule for probe in PROBES}
    for rule, reason in NOT_PROBED.items():
        assert rule in refused_rules(), f"{rule} is refused by no receiver: drop its reason"
        assert rule not in probed, f"{rule} has a probe: drop its reason"
        assert len(reason) > 40


def test_a_new_rule_with_a_refusing_receiver_is_missing_until_it_has_a_probe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = make_row(NewRule.NEW, "a new rule", fault="soap:Sender")
    monkeypatch.setitem(RULES, NewRule.NEW, row)
    assert missing_probes() == ["DSM-NEW-RULE"]
    # a row with no fault (nobody is to refuse it), or a warning, needs no probe
    monkeypatch.setitem(RULES, NewRule.NEW, attrs.evolve(row, fault=None))
    assert missing_probes() == []
    monkeypatch.setitem(RULES, NewRule.NEW, attrs.evolve(row, strict="warning"))
    assert missing_probes() == []


class NewRule(RuleId):
    NEW = "DSM-NEW-RULE"


def test_each_probe_cites_rules_with_rows_and_says_what_it_does() -> None:
    ids = [probe.id for probe in PROBES]
    assert len(ids) == len(set(ids))
    for probe in PROBES:
        assert probe.protocol in ("dsp", "dsc", "dsd", "wscn")
        assert probe.id.startswith(f"{probe.protocol}.")
        for rule in probe.rules:
            assert rule_row(rule).id == rule
        assert probe.source == rule_row(probe.rule).source
        assert probe.summary
        assert probe.steps.endswith("."), probe.id
        if probe.kind == "refusal":
            assert probe.summary.startswith("Refuses "), probe.id


@pytest.mark.parametrize(
    ("breaker", "protocol"),
    [(breaker, protocol) for breaker in BREAKERS for protocol in breaker.protocols],
    ids=lambda value: value if isinstance(value, str) else value.rule,
)
def test_a_generated_probe_sends_a_message_that_breaks_its_rule(
    breaker: kit.breakers.Breaker, protocol: str
) -> None:
    create = default_scan_process()
    message = build_carrier(protocol, breaker.carrier, ADDRESS, create=create)
    package = message.content_type.startswith("multipart/")
    content_type = message.content_type if package else None
    assert validate(message.data, content_type=content_type).valid
    broken = breaker.edit(message)
    content_type = broken.content_type if package else None
    row = RULES[breaker.rule]
    for profile in ("strict", "lenient"):
        report = validate(broken.data, content_type=content_type, profile=profile)
        severities = {p.severity for p in report.problems if p.rule == breaker.rule}
        assert severities == {row.severity(profile)}, report.problems
        # nothing else, but what the same defect unavoidably breaks (an unbound prefix is
        # no xs:QName either)
        others = {p.rule for p in report.errors} - {breaker.rule}
        assert others <= {DsmRule.XSD}, report.problems
    assert broken.message_id in message.data.decode()


# -- the runner ---------------------------------------------------------------------------------
def _in_process(server: ScanServer) -> kit.Transport:
    """A transport that hands each message to the reference server's handler, in process."""

    def send(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        status, answer, then = server.handle(content_type, io.BytesIO(data), len(data))
        then()
        return status, "application/soap+xml; charset=utf-8", answer

    return send


@pytest.fixture
def server(tmp_path: Path) -> ScanServer:
    return ScanServer(Transcript(tmp_path / "transcript"), tmp_path / "images")


def _target(server: ScanServer) -> Target:
    return Target(name="reference, in process", addresses={"dsp": server.url})


ORDERING = ["dsp.job", "dsp.DSP-*"]


def _verdicts(report: ConformanceReport) -> dict[str, str]:
    return {result.probe.id: result.verdict for result in report.results}


def test_a_blocking_and_an_asyncio_transport_give_the_same_verdicts(server: ScanServer) -> None:
    send = _in_process(server)

    async def send_async(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        return send(data, content_type, address)

    blocking = run(_target(server), send, selection=ORDERING, time_limit=10)
    awaited = asyncio.run(
        run_async(_target(server), send_async, selection=ORDERING, time_limit=10)
    )
    assert _verdicts(blocking) == _verdicts(awaited)
    # without a listener, what needs events does not apply, and says why
    assert {r.probe.id for r in blocking.not_applicable} == {"dsp.DSP-5", "dsp.DSP-12"}
    assert {r.reason for r in blocking.not_applicable} == {
        "no event listener was given to the kit"
    }
    assert blocking.failed == ()


def test_a_target_that_never_answers_fails_within_the_time_limit(server: ScanServer) -> None:
    def silent(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        time.sleep(3)
        return 200, "", b""

    started = time.monotonic()
    report = run(_target(server), silent, selection=["dsp.DSP-1", "dsp.DSP-19"], time_limit=0.3)
    assert time.monotonic() - started < 2.5
    assert [r.verdict for r in report.results] == ["failed", "failed"]
    for result in report.results:
        assert "no answer within the probe's time limit" in result.reason


def test_an_asyncio_send_still_running_at_the_time_limit_is_cancelled(server: ScanServer) -> None:
    cancelled = []

    async def silent(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        try:
            await asyncio.sleep(3)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise
        return 200, "", b""

    started = time.monotonic()
    report = asyncio.run(
        run_async(_target(server), silent, selection=["dsp.DSP-1"], time_limit=0.3)
    )
    assert time.monotonic() - started < 2.5
    assert report.failed
    assert cancelled == [True]


def test_a_transport_that_fails_fails_the_probe_and_the_run_goes_on(server: ScanServer) -> None:
    def refused(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        raise ConnectionRefusedError("connection refused")

    report = run(_target(server), refused, selection=["dsp.DSP-1", "dsp.job"], time_limit=5)
    assert [r.verdict for r in report.results] == ["failed", "failed"]
    assert all("connection refused" in r.reason for r in report.results)


def test_what_a_probe_created_is_canceled_afterwards(server: ScanServer) -> None:
    send = _in_process(server)
    report = run(_target(server), send, selection=["dsp.DSP-7", "dsp.DSP-2"], time_limit=10)
    assert report.failed == ()
    # each probe ended its job (the refusal changed nothing), so nothing is left to cancel
    assert all(e.phase == "probe" for r in report.results for e in r.exchanges)
    report = run(_target(server), send, selection=["dsp.DSM-XSD", "dsp.DSM-SOAP-VERSION"])
    cancels = [
        exchange
        for result in report.results
        for exchange in result.exchanges
        if exchange.phase == "cleanup"
    ]
    # the XSD probe created no job; the SOAP-version one created one and canceled it
    assert [c.summary for c in cancels] == [
        "CancelPostScanJob request",
        "CancelPostScanJob response",
    ]
    # no job is left open on the server: each was ended or canceled
    assert "open" not in {job.phase for job in server.endpoint.session.jobs()}


def test_a_probe_of_ones_own_runs_beside_the_kits(server: ScanServer) -> None:
    """A probe is a script and the rule it checks: here one that waits (without a listener,
    the time passes all the same) and then makes sure DSP-1 is refused."""

    def script(play: kit.Play) -> kit.model.Script:
        yield kit.Wait(seconds=0.3)
        yield from kit.probes_dsp.unknown_token(play)

    own = kit.Probe(
        id="dsp.mine", protocol="dsp", summary="Refuses, later", rules=("DSP-1",), play=script
    )
    started = time.monotonic()
    report = run(_target(server), _in_process(server), probes=[own], time_limit=5)
    assert time.monotonic() - started >= 0.3
    assert [(r.probe.id, r.verdict) for r in report.results] == [("dsp.mine", "passed")]


def test_the_selection_names_probes_by_id_protocol_or_rule() -> None:
    assert [p.id for p in kit.select(PROBES, ["dsp.DSP-13.*"])] == [
        "dsp.DSP-13.image",
        "dsp.DSP-13.end",
    ]
    by_rule = {p.id for p in kit.select(PROBES, ["DSM-XML-MALFORMED"])}
    assert by_rule == {
        f"{protocol}.DSM-XML-MALFORMED" for protocol in ("dsp", "dsc", "dsd", "wscn")
    }
    assert len(kit.select(PROBES, ["dsd"])) == len([p for p in PROBES if p.protocol == "dsd"])


# -- reports -----------------------------------------------------------------------------------
@pytest.fixture
def failing_report(server: ScanServer) -> ConformanceReport:
    """A run in which the scan server answers every fault with HTTP 200."""
    send = _in_process(server)

    def fault_with_200(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        status, answer_type, answer = send(data, content_type, address)
        return (200 if status >= 400 else status), answer_type, answer

    return run(_target(server), fault_with_200, selection=["dsp.job", "dsp.DSP-10"])


def test_the_json_report_has_the_documented_shape(failing_report: ConformanceReport) -> None:
    data = json.loads(json.dumps(failing_report.to_json()))
    assert data["format"] == "dsm-messages conformance report 1"
    assert data["target"]["addresses"] == {"dsp": failing_report.target.addresses["dsp"]}
    assert data["summary"] == {"passed": 1, "failed": 1, "not_applicable": 0}
    failed = next(r for r in data["results"] if r["verdict"] == "failed")
    assert failed["probe"]["id"] == "dsp.DSP-10"
    assert failed["probe"]["rule"] == "DSP-10"
    assert failed["probe"]["source"] == "wsdp.md 10.10"
    (finding,) = failed["findings"]
    assert finding == {
        "rule": "DSM-HTTP-STATUS",
        "severity": "error",
        "message": "a fault sent with HTTP status 200",
        "expected": "HTTP 400",
        "got": "HTTP 200",
        "exchange": len(failed["exchanges"]) - 1,
    }
    shown = failed["exchanges"][finding["exchange"] - 1]
    assert shown["direction"] == "sent"
    # the image of the SendImage package is a line naming its type and size, not its bytes
    assert re.search(r"\[\d+ bytes of application/octet-stream\]", shown["text"])
    assert "%PDF" not in shown["text"]


def test_the_text_report_says_what_failed_and_why(failing_report: ConformanceReport) -> None:
    text = failing_report.to_text()
    assert text.splitlines()[0].endswith(
        "1 passed, 1 failed, 0 not applicable (" + f"{failing_report.seconds:.1f} s)"
    )
    assert "FAIL dsp.DSP-10: Refuses SendImage after EndPostScanJob" in text
    assert (
        "DSM-HTTP-STATUS: a fault sent with HTTP status 200 (expected HTTP 400; got HTTP 200)"
        in text
    )


def test_the_html_report_stands_alone_and_opens_the_failures(
    failing_report: ConformanceReport,
) -> None:
    page = to_html(failing_report)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    opened = re.findall(r'<details class="probe"( open)?>', page)
    assert opened.count(" open") == 1
    assert len(opened) == 2
    assert "&lt;soap:Envelope" in page
    assert "<soap:Envelope" not in page


# -- the listener and the doctests --------------------------------------------------------------
def test_the_listener_keeps_every_event_and_refuses_what_it_cannot_read() -> None:
    listener = Listener("http://127.0.0.1:9/events")
    assert listener.deliver(b"<not-closed", "application/soap+xml")[0] == 400
    assert not listener.wait(1, 0.05)
    assert len(listener.since(0)) == 1


MODULES = sorted(module.name for module in pkgutil.iter_modules(kit.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(f"dsm_messages.conformance.{name}")
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
    assert module.__all__
