"""Transcripts with the HTTP each message travelled in: the sidecar format, what the HTTP
heads break (SOAP 1.2 Part 2's HTTP binding), and check-sequence reading them from disk."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from commands import installed_command
from judged_stories import JUDGED

from dsm_messages import Envelope, Fault, HttpHead, Recorded, check_sequence, parse
from dsm_messages.faults import DSP_INVALID_ARGS, DSP_OPERATION_FAILED, MUST_UNDERSTAND
from dsm_messages.rules import Profile
from dsm_messages.testing.conversations import Conversation
from dsm_messages.transcripts import http_problems, read_stored, sidecar_of

ROOT = Path(__file__).resolve().parent.parent
TWO_IMAGES = ROOT / "examples" / "conversations" / "dsp-job-two-images"
TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"


# -- the sidecar format ------------------------------------------------------------------------


def test_a_status_line_and_fields_are_read_as_http_writes_them() -> None:
    head = HttpHead.parse(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/soap+xml; charset=utf-8\r\n"
        "X-Vendor:  kept  \r\n\r\nignored after the empty line\r\n"
    )
    assert (head.status, head.reason, head.version) == (400, "Bad Request", "HTTP/1.1")
    assert head.is_response
    assert head.content_type == "application/soap+xml; charset=utf-8"
    assert head.field("x-vendor") == "kept"
    assert HttpHead.parse(head.to_text()) == head


def test_a_request_line_is_read_as_the_head_of_a_request() -> None:
    head = HttpHead.parse("POST /WSDScanner HTTP/1.1\nContent-Type: multipart/related; x=1")
    assert (head.method, head.target, head.status) == ("POST", "/WSDScanner", None)
    assert not head.is_response
    assert HttpHead.parse(head.to_text()) == head
    assert HttpHead.request("/WSDScanner", "multipart/related; x=1") == head


@pytest.mark.parametrize(
    ("text", "line"),
    [("", "line 1"), ("HTTP/1.1 OK\n", "line 1"), ("HTTP/1.1 200 OK\nno colon here\n", "line 2")],
)
def test_a_head_that_is_not_one_names_its_line(text: str, line: str) -> None:
    with pytest.raises(ValueError, match=line):
        HttpHead.parse(text)


# -- what the heads break ----------------------------------------------------------------------


def refused_end() -> tuple[Conversation, Envelope]:
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    end = c.end(TOKEN.upper())  # refused: DSP-2, answered with dsp:InvalidArgs
    return c, end


@pytest.mark.parametrize(
    ("status", "fault", "rule"),
    [
        (400, DSP_INVALID_ARGS, None),
        (200, DSP_INVALID_ARGS, "DSM-HTTP-STATUS"),
        (202, DSP_INVALID_ARGS, "DSM-HTTP-STATUS"),
        (500, DSP_INVALID_ARGS, "DSM-HTTP-FAULT-STATUS"),
        (500, DSP_OPERATION_FAILED, None),
        (400, DSP_OPERATION_FAILED, "DSM-HTTP-FAULT-STATUS"),
        (500, MUST_UNDERSTAND, None),
    ],
)
def test_a_faults_status_is_its_codes(status: int, fault: Fault, rule: str | None) -> None:
    c = Conversation()
    c.subscribe()
    request = c.end(TOKEN)
    sent = c.fault(request, fault)
    profiles: tuple[tuple[Profile, str], ...] = (("strict", "error"), ("lenient", "warning"))
    for profile, severity in profiles:
        found = http_problems(
            Recorded(message=sent, http=HttpHead.response(status)), profile=profile, index=3
        )
        expected = [] if rule is None else [(3, rule, severity)]
        assert [(p.index, p.rule, p.severity) for p in found] == expected


def test_a_response_with_an_error_status_and_a_request_are_judged_as_such() -> None:
    c = Conversation()
    c.subscribe()
    create = c.create()
    created = c.created(create, TOKEN)
    bad = http_problems(Recorded(message=created, http=HttpHead.response(500)), profile="strict")
    assert [p.rule for p in bad] == ["DSM-HTTP-STATUS"]
    fine = http_problems(Recorded(message=create, http=HttpHead.request("/s")), profile="strict")
    assert fine == []


@pytest.mark.parametrize(
    ("content_type", "wrong"),
    [
        ("application/soap+xml; charset=utf-8", False),
        ("Application/SOAP+XML", False),
        ('multipart/related; type="application/xop+xml"; boundary=b', False),
        ("text/xml; charset=utf-8", True),  # SOAP 1.1's
        ("application/xml", True),
    ],
)
def test_a_message_travels_as_soap_12_or_an_mtom_package(content_type: str, wrong: bool) -> None:
    c = Conversation()
    c.subscribe()
    request = c.end(TOKEN)
    head = HttpHead.request("/ScanServer", content_type)
    found = http_problems(Recorded(message=request, http=head), profile="strict")
    assert [p.rule for p in found] == (["DSM-HTTP-CONTENT-TYPE"] if wrong else [])


@pytest.mark.parametrize("profile", ["strict", "lenient"])
def test_check_sequence_judges_the_http_of_every_message(profile: Profile) -> None:
    c, end = refused_end()
    fault = c.fault(end, DSP_INVALID_ARGS)
    entries: list[Envelope | Recorded] = [*c.messages[:-1]]
    entries.append(Recorded(message=fault, http=HttpHead.response(200)))
    report = check_sequence(entries, profile=profile)
    at = len(entries) - 1
    # (the job is left open, DSP-11-OPEN: not this test's business)
    problems = [
        (p.index, p.rule, p.party)
        for p in report.violations + report.warnings
        if p.rule != "DSP-11-OPEN"
    ]
    assert sorted(problems, key=str) == sorted(
        [(at - 1, "DSP-2", "device"), (at, "DSM-HTTP-STATUS", "scan_server")], key=str
    )
    http = next(p for p in report.violations + report.warnings if p.rule == "DSM-HTTP-STATUS")
    assert http.severity == ("error" if profile == "strict" else "warning")


STORIES = [(rule, variant) for rule, variants in JUDGED.items() for variant in variants]


@pytest.mark.parametrize(("rule", "variant"), STORIES, ids=[v for _, v in STORIES])
def test_each_judged_story_breaks_its_rule_once(rule: str, variant: str) -> None:
    """The stories the rules page shows for the rules judged on answers and HTTP heads."""
    story = JUDGED[rule][variant]()
    assert story.rule == rule
    report = check_sequence(list(story.violating))
    found = sorted((p.index, p.rule) for p in report.violations + report.warnings)
    assert found == sorted([(story.index, rule), *story.also])
    (problem,) = [p for p in report.violations if p.rule == rule]
    assert problem.party == story.party


# -- stored, and read by the command -----------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [installed_command("dsm-messages"), "check-sequence", *args],
        capture_output=True,
        check=False,
        timeout=60,
    )


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """The shipped job of two images with an HTTP head beside every message."""
    folder = tmp_path / "job"
    shutil.copytree(TWO_IMAGES, folder)
    for path in sorted(folder.iterdir()):
        envelope_kind = "response" in path.name
        head = HttpHead.response(200) if envelope_kind else HttpHead.request("/ScanServer")
        if path.suffix == ".mime":
            head = HttpHead.request("/ScanServer", "multipart/related")
        sidecar_of(path).write_text(head.to_text())
    return folder


def test_a_sidecar_is_read_beside_its_message(stored: Path) -> None:
    response = stored / "04-create-response.xml"
    recorded = read_stored(response)
    assert recorded.http == HttpHead.response(200)
    assert recorded.message == parse(response.read_bytes())
    alone = stored / "05-status-event.xml"
    sidecar_of(alone).unlink()
    assert read_stored(alone).http is None


def test_the_command_reads_the_sidecars_and_names_the_http_problem(stored: Path) -> None:
    clean = run("--format", "json", str(stored))
    assert clean.returncode == 0, clean.stdout.decode()
    assert json.loads(clean.stdout)["violations"] == []
    # the scan server answered EndPostScanJob with status 500
    (stored / "11-end-response.http").write_text(HttpHead.response(500).to_text())
    broken = run("--format", "json", str(stored))
    assert broken.returncode == 1
    (violation,) = json.loads(broken.stdout)["violations"]
    assert (violation["index"], violation["rule"], violation["party"]) == (
        10,
        "DSM-HTTP-STATUS",
        "scan_server",
    )
    assert violation["path"] == str(stored / "11-end-response.xml")
    text = run(str(stored)).stdout.decode().splitlines()
    assert text[0].startswith(
        f"{stored / '11-end-response.xml'}: [10] violation DSM-HTTP-STATUS (scan_server) "
    )


def test_a_sidecar_that_is_no_http_head_stops_the_command(stored: Path) -> None:
    (stored / "04-create-response.http").write_text("200 OK\n")
    result = run(str(stored))
    assert result.returncode == 2
    assert result.stdout == b""
    message = result.stderr.decode()
    assert "04-create-response.http" in message
    assert "line 1" in message
