"""The installed ``dsm-messages`` command, run as a user runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from commands import installed_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_command("dsm-messages"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_show_prints_type_and_key_fields_of_every_example() -> None:
    result = run("show", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert (
        "dsp-01-create-request.xml: dsp:CreatePostScanJobRequest (DSP CreatePostScanJob request)"
        in out
    )
    assert "UserIdentifier=S-1-5-21-3623811015-3361044348-30300820-1104" in out
    assert "dsp:CreatePostScanJobResponse (DSP CreatePostScanJob response)" in out
    assert "JobToken=c4a1e9b2-5f7d-4c3a-b8e6-1d0f2a9c7b54" in out
    assert "dsd:ScannerStatusConditionEvent (DSD ScannerStatusConditionEvent event)" in out
    assert "Time=2026-03-02T09:21:04.5242689Z" in out
    assert "soap:Fault (SOAP Fault fault)" in out
    assert "psp:PostScanProcess (PSP PostScanProcess document)" in out
    shown = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(shown) == len(list(EXAMPLES.rglob("*.xml")))  # a directory is read recursively


def test_unreadable_path_is_exit_2(tmp_path: Path) -> None:
    result = run("show", str(tmp_path / "missing.xml"))
    assert result.returncode == 2
    assert "missing.xml: cannot read" in result.stderr


def test_usage_error_is_exit_2() -> None:
    assert run().returncode == 2
    assert run("frobnicate").returncode == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<a><b></a>", "not well-formed XML"),
        (b'<x:Unknown xmlns:x="urn:x"/>', "{urn:x}Unknown is not a known DSM message body"),
        (
            b'<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/>'
            b"</soap:Envelope>",
            "the SOAP Body holds no element",
        ),
    ],
)
def test_a_bad_file_is_reported_and_exit_1(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    good = EXAMPLES / "dsp-02-create-response.xml"
    result = run("show", str(bad), str(good))
    assert result.returncode == 1
    assert f"{bad}: " in result.stderr
    assert message in result.stderr
    assert "dsp:CreatePostScanJobResponse" in result.stdout
