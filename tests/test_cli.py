"""The installed ``dsm-messages`` command, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from commands import installed_command

from dsm_messages import cli

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
    assert "06-send-image-1-request.mime: dsp:SendImageRequest (DSP SendImage request)" in out
    # an empty body is known by its action alone
    assert "wsd-06-get-metadata.xml: (empty body) (TRANSFER Get request)" in out
    shown = [line for line in out.splitlines() if not line.startswith(" ")]
    stored = [p for p in EXAMPLES.rglob("*") if p.suffix in (".xml", ".mime")]
    assert len(shown) == len(stored)  # a directory is read recursively, packages included


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
        (b"<a><b></a>", "DSM-XML-MALFORMED: not well-formed XML"),
        (b'<x:Unknown xmlns:x="urn:x"/>', "DSM-BODY-UNKNOWN: root element {urn:x}Unknown"),
        (
            b'<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body/>'
            b"</soap:Envelope>",
            "DSM-ACTION-MISSING: the envelope has no wsa:Action header",
        ),
        (  # a required element missing: the rule broken, not a Python message
            (EXAMPLES / "dsc-01-get-active-jobs-response.xml")
            .read_bytes()
            .replace(b"<dsc:ActiveJobs>", b"<dsc:Nothing>", 1)
            .replace(b"</dsc:ActiveJobs>", b"</dsc:Nothing>", 1),
            "DSM-XSD: ",
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
    assert len(result.stderr.splitlines()) == 1
    assert "__init__" not in result.stderr
    assert "dsp:CreatePostScanJobResponse" in result.stdout


def test_an_internal_error_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a defect of dsm-messages must not read as "violations found" (1) in a pipeline
    def broken(*_: object, **__: object) -> None:
        raise KeyError("root@part")

    example = str(EXAMPLES / "dsp-02-create-response.xml")
    for command in ("validate", "check-sequence", "show"):
        for name in (
            "cli.validate_file",
            "cli.validate_stored",
            "described.check_tree",
            "parsing.parse",
        ):
            monkeypatch.setattr(f"dsm_messages.{name}", broken)
        assert cli.main([command, example]) == 2
        err = capsys.readouterr().err
        assert err == f"dsm-messages {command}: internal error: KeyError: 'root@part'\n"


def test_show_reads_standard_input_and_packages() -> None:
    package = EXAMPLES / "conversations" / "dsp-job-two-images" / "06-send-image-1-request.mime"
    result = subprocess.run(
        [installed_command("dsm-messages"), "show", "-", str(package)],
        input=(EXAMPLES / "dsp-01-create-request.xml").read_bytes(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "-: dsp:CreatePostScanJobRequest (DSP CreatePostScanJob request)" in out
    assert f"{package}: dsp:SendImageRequest (DSP SendImage request)" in out
    assert "  Format=pdf-a" in out


def test_show_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<a><b></a>")
    good = EXAMPLES / "dsp-02-create-response.xml"
    result = run("show", "--format", "json", str(good), str(bad))
    assert result.returncode == 1
    files = json.loads(result.stdout)["files"]
    assert files[0] == {
        "path": str(good),
        "message": "dsp:CreatePostScanJobResponse",
        "protocol": "DSP",
        "operation": "CreatePostScanJob",
        "kind": "response",
        "action": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/"
        "CreatePostScanJobResponse",
        "fields": [{"name": "JobToken", "value": "c4a1e9b2-5f7d-4c3a-b8e6-1d0f2a9c7b54"}],
    }
    assert files[1]["path"] == str(bad)
    assert files[1]["error"]["code"] == "DSM-XML-MALFORMED"
