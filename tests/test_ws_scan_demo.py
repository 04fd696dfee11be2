"""The reference WS-Scan device and client (examples/http) run a push scan against each other
over HTTP on 127.0.0.1, and what they exchanged is checked with the command-line tools."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from commands import installed_command

from dsm_messages import parse, parse_package
from dsm_messages.discovery import service_addresses
from dsm_messages.models import wscn, wse, wsx
from dsm_messages.mtom import split_message

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "http" / "ws_scan_demo.py"
PAGES = 4
# the metadata Get, two subscriptions, the announcement, CreateScanJob, the end state: 10
MESSAGES = 10 + 2 * PAGES


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_command("dsm-messages"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ws-scan") / "out"
    result = subprocess.run(
        [sys.executable, str(DEMO), str(out), "--pages", str(PAGES)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def stored(folder: Path) -> list[Path]:
    """The messages stored in ``folder`` (not their HTTP sidecars), in wire order."""
    return sorted(path for path in folder.iterdir() if path.suffix in (".xml", ".mime"))


def test_the_push_scan_goes_in_the_order_ws_scan_describes(transcript: Path) -> None:
    names = [path.name for path in stored(transcript)]
    assert [name.split("-", 1)[0] for name in names] == [
        f"{n:03d}" for n in range(1, MESSAGES + 1)
    ]
    assert [name.split("-", 1)[1] for name in names] == [
        "Get-request.xml",
        "Get-response.xml",
        "Subscribe-request.xml",  # ScanAvailableEvent, with the client's scan destination
        "Subscribe-response.xml",
        "Subscribe-request.xml",  # job end states
        "Subscribe-response.xml",
        "ScanAvailableEvent.xml",
        "CreateScanJob-request.xml",
        "CreateScanJob-response.xml",
        *["RetrieveImage-request.xml", "RetrieveImage-response.mime"] * PAGES,
        "JobEndStateEvent.xml",
    ]


def test_the_job_is_created_with_the_announced_scan_and_the_destination_token(
    transcript: Path,
) -> None:
    files = stored(transcript)
    metadata = parse(files[1].read_bytes()).body_as(wsx.Metadata)
    assert metadata.metadata_section[2].dialect.endswith("/Relationship")
    registered = parse(files[3].read_bytes()).body_as(wse.SubscribeResponse)
    (responses,) = registered.other_element
    assert isinstance(responses, wscn.DestinationResponses)
    token = responses.destination_response[0].destination_token
    announced = parse(files[6].read_bytes()).body_as(wscn.ScanAvailableEvent)
    create = parse(files[7].read_bytes())
    request = create.body_as(wscn.CreateScanJobRequest)
    assert (request.scan_identifier, request.destination_token) == (
        announced.scan_identifier,
        token,
    )
    # every CreateScanJob and RetrieveImage goes to the scan service the metadata names
    (address,) = service_addresses(metadata)
    assert {parse(f.read_bytes()).to for f in files[7::2] if f.suffix == ".xml"} >= {address}
    # each image is a JPEG in its own MIME part, answering its request
    for request_file, response_file in zip(files[9:-1:2], files[10:-1:2], strict=True):
        content_type, body = split_message(response_file.read_bytes())
        answer = parse_package(body, content_type).envelope
        assert answer.relates_to == parse(request_file.read_bytes()).message_id
        image = answer.body_as(wscn.RetrieveImageResponse).scan_data
        assert image[:2] == b"\xff\xd8"
        assert image[-2:] == b"\xff\xd9"
    end = parse(files[-1].read_bytes()).body_as(wscn.JobEndStateEvent).job_end_state
    assert (str(end.job_completed_state), end.scans_completed) == ("Completed", PAGES)


def test_every_message_is_strict_valid(transcript: Path) -> None:
    result = cli("validate", "--format", "json", str(transcript))
    assert result.returncode == 0, result.stdout + result.stderr
    files = json.loads(result.stdout)["files"]
    assert len(files) == MESSAGES
    assert all(item["valid"] and not item["problems"] for item in files), files


def test_check_sequence_accepts_the_transcript(transcript: Path) -> None:
    result = cli("check-sequence", "--format", "json", str(transcript))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert (report["ok"], report["messages"], report["violations"], report["warnings"]) == (
        True,
        MESSAGES,
        [],
        [],
    )


def test_check_sequence_notices_an_image_answered_twice(transcript: Path, tmp_path: Path) -> None:
    copy = tmp_path / "replayed"
    shutil.copytree(transcript, copy)
    first_image = sorted(copy.glob("*RetrieveImage-response.mime"))[0]
    shutil.copy(first_image, copy / "099-RetrieveImage-response.mime")
    result = cli("check-sequence", "--format", "json", str(copy))
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    names = [path.name for path in stored(copy)]
    assert [names[v["index"]] for v in report["violations"]] == ["099-RetrieveImage-response.mime"]
