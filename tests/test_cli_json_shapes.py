"""The JSON the command prints has the shapes the documentation publishes: each output is
checked against its JSON Schema (``docs/reference/cli-schemas``), on real runs that cover every
kind of entry (valid and invalid files, a conversation with and without violations, a file that
is not a message)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dsm_messages.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "reference" / "cli-schemas"
EXAMPLES = ROOT / "examples"
JOB = EXAMPLES / "conversations" / "dsp-job-two-images"


def schema(command: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{command}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    status = main(list(arguments))
    return status, capsys.readouterr().out


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    """A valid response and a request whose wsa:To is a documentation placeholder."""
    folder = tmp_path / "captures"
    folder.mkdir()
    shutil.copy(EXAMPLES / "dsp-02-create-response.xml", folder / "response.xml")
    request = (EXAMPLES / "dsp-01-create-request.xml").read_bytes()
    placeholder = re.sub(
        rb"<wsa:To>[^<]*</wsa:To>", b"<wsa:To>DestinationAddress</wsa:To>", request
    )
    (folder / "request.xml").write_bytes(placeholder)
    return folder


def _check(command: str, output: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(output)
    jsonschema.validate(document, schema(command))
    return document


def test_validate_json_has_its_published_shape(
    capsys: pytest.CaptureFixture[str], captures: Path
) -> None:
    for profile in ("strict", "lenient"):
        status, output = run(
            capsys,
            "validate",
            "--jobs",
            "1",
            "--profile",
            profile,
            "--format",
            "json",
            str(captures),
        )
        document = _check("validate", output)
        assert status == (1 if profile == "strict" else 0)
        problems = [problem for entry in document["files"] for problem in entry["problems"]]
        assert [problem["code"] for problem in problems] == ["DSM-URI-NOT-ABSOLUTE"]
    status, output = run(capsys, "validate", "--jobs", "1", "--format", "json", str(EXAMPLES))
    assert status == 0
    assert len(_check("validate", output)["files"]) > 10


def test_check_sequence_json_has_its_published_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, output = run(capsys, "check-sequence", "--format", "json", str(JOB))
    assert status == 0
    assert _check("check-sequence", output)["ok"] is True
    broken = tmp_path / "job"
    shutil.copytree(JOB, broken)
    (broken / "10-end-request.xml").unlink()
    status, output = run(capsys, "check-sequence", "--format", "json", str(broken))
    document = _check("check-sequence", output)
    assert status == 1
    assert document["violations"]
    assert document["warnings"]
    # the server answered a request it never got; the device never ended its job
    assert {problem["party"] for problem in document["violations"]} == {"scan_server"}
    assert {problem["party"] for problem in document["warnings"]} == {"device"}


def test_check_sequence_json_names_a_job_taken_on_trust(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A CreatePostScanJobResponse cut off in transit, recorded with the HTTP head it came
    back in: the job is followed as its request asked, and marked unconfirmed."""
    cut = tmp_path / "job"
    shutil.copytree(JOB, cut)
    response = cut / "04-create-response.xml"
    response.write_bytes(response.read_bytes()[:200])
    (cut / "04-create-response.http").write_text(
        "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml; charset=utf-8\r\n\r\n"
    )
    status, output = run(capsys, "check-sequence", "--format", "json", str(cut))
    document = _check("check-sequence", output)
    assert status == 1
    assert [(p["index"], p["rule"], p["party"]) for p in document["violations"]] == [
        (3, "DSM-INVALID", "scan_server")
    ]
    assert [(job["phase"], job["unconfirmed"]) for job in document["jobs"]] == [("finished", True)]


def test_show_json_has_its_published_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_message = tmp_path / "not-a-message.xml"
    not_a_message.write_bytes(b"<a/>")
    package = JOB / "06-send-image-1-request.mime"
    status, output = run(
        capsys,
        "show",
        "--format",
        "json",
        str(EXAMPLES / "wsd-07-get-metadata-response.xml"),
        str(package),
        str(not_a_message),
    )
    capsys.readouterr()
    document = _check("show", output)
    assert status == 1
    assert [("error" in entry) for entry in document["files"]] == [False, False, True]


@pytest.mark.parametrize("command", ["validate", "check-sequence", "show"])
def test_a_schema_refuses_what_the_command_does_not_print(command: str) -> None:
    """The schemas are strict: an unknown key or a missing one is not the published shape."""
    documents: dict[str, dict[str, Any]] = {
        "validate": {"files": [], "summary": {"profile": "strict"}},
        "check-sequence": {"ok": True, "messages": 0, "violations": [], "warnings": []},
        "show": {"files": [], "extra": 1},
    }
    document = documents[command]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema(command))


def test_the_summary_counts_in_words(capsys: pytest.CaptureFixture[str], captures: Path) -> None:
    status, output = run(capsys, "validate", "--jobs", "1", str(captures / "request.xml"))
    assert status == 1
    assert output.splitlines()[-1] == (
        "1 file checked (strict): 0 valid, 1 invalid; 1 error, 0 warnings"
    )
