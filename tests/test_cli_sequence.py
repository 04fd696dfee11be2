"""``dsm-messages check-sequence``, run through the installed entry point as scripts run it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from commands import installed_command

ROOT = Path(__file__).resolve().parent.parent
CONVERSATIONS = ROOT / "examples" / "conversations"
TWO_IMAGES = CONVERSATIONS / "dsp-job-two-images"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [installed_command("dsm-messages"), "check-sequence", *args],
        capture_output=True,
        input=stdin,
        check=False,
        timeout=60,
    )


def as_json(result: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_every_example_conversation_is_in_order() -> None:
    for folder in sorted(CONVERSATIONS.iterdir()):
        result = run("--format", "json", str(folder))
        assert result.returncode == 0, result.stdout.decode()
        document = as_json(result)
        assert document["ok"] is True
        assert document["violations"] == []
        assert document["messages"] == len(list(folder.iterdir()))


def test_json_has_exactly_the_documented_shape() -> None:
    document = as_json(run("--format", "json", str(TWO_IMAGES)))
    assert set(document) == {"ok", "messages", "violations", "warnings", "jobs"}
    assert document["jobs"] == [
        {
            "protocol": "dsp",
            "id": "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8",
            "state": "Completed",
            "phase": "finished",
            "unconfirmed": False,
        }
    ]
    cancelled = as_json(run("--format", "json", str(CONVERSATIONS / "dsp-cancelled-job")))
    assert [job["state"] for job in cancelled["jobs"]] == ["Canceled"]
    events = as_json(run("--format", "json", str(CONVERSATIONS / "dsd-job-events")))
    assert events["jobs"] == [
        {
            "protocol": "dsd",
            "id": "77",
            "state": "Completed",
            "phase": "finished",
            "unconfirmed": False,
        }
    ]
    push_scan = as_json(run("--format", "json", str(CONVERSATIONS / "wscn-push-scan")))
    assert push_scan["jobs"] == [
        {
            "protocol": "wscn",
            "id": "41",
            "state": "Completed",
            "phase": "finished",
            "unconfirmed": False,
        }
    ]


def test_a_push_scan_that_retrieves_an_image_after_the_end_is_refused(tmp_path: Path) -> None:
    # WSCN-10: the device answers ClientErrorNoImagesAvailable, never a third image
    files = sorted((CONVERSATIONS / "wscn-push-scan").iterdir())
    late = tmp_path / "11-retrieve-image-3-request.xml"
    late.write_bytes(files[7].read_bytes().replace(b"-000000000008</", b"-000000000011</"))
    assert late.read_bytes() != files[7].read_bytes()  # a MessageID of its own
    result = run("--format", "json", *map(str, [*files, late]))
    assert result.returncode == 1
    (violation,) = as_json(result)["violations"]
    assert (violation["index"], violation["rule"]) == (10, "WSCN-10")


def test_a_message_out_of_order_is_a_violation_with_its_index_and_path(tmp_path: Path) -> None:
    files = sorted(TWO_IMAGES.iterdir())
    end_request, end_response = files[9], files[10]
    assert end_request.name.endswith("end-request.xml")
    order = [*files[:9], end_response, end_request, *files[11:]]
    result = run("--format", "json", *map(str, order))
    assert result.returncode == 1
    document = as_json(result)
    assert document["ok"] is False
    first = document["violations"][0]
    assert set(first) == {"index", "path", "rule", "party", "message"}
    # the response arrives before its request: RelatesTo names no request (wsdp.md rule 18),
    # and the scan server sent it
    assert (first["index"], first["path"], first["rule"], first["party"]) == (
        9,
        str(end_response),
        "DSP-18",
        "scan_server",
    )
    for problem in document["violations"] + document["warnings"]:
        assert order[problem["index"]] == Path(problem["path"])


def test_a_directory_is_read_in_name_order(tmp_path: Path) -> None:
    copied = tmp_path / "job"
    shutil.copytree(TWO_IMAGES, copied)
    # renaming the end-state event so that it sorts first breaks the order on purpose
    (copied / "13-end-state-event.xml").rename(copied / "00-end-state-event.xml")
    document = as_json(run("--format", "json", str(copied)))
    assert document["ok"] is False
    assert document["warnings"] or document["violations"]
    # the event for a token no create response has minted yet is held, then its job is found
    # finished too early: EndPostScanJob was never answered when it ended Completed
    assert {v["rule"] for v in document["violations"]} == {"DSP-25"}


def test_doc_example_pair_passes_lenient_and_fails_reversed(doc_examples: Path) -> None:
    status = doc_examples / "dsd-jobstatusevent.xml"
    end = doc_examples / "dsd-jobendstateevent.xml"
    forward = run("--profile", "lenient", "--format", "json", str(status), str(end))
    assert forward.returncode == 0, forward.stdout.decode()
    assert as_json(forward)["jobs"] == [
        {
            "protocol": "dsd",
            "id": "253",
            "state": "Completed",
            "phase": "finished",
            "unconfirmed": False,
        }
    ]
    backward = run("--profile", "lenient", "--format", "json", str(end), str(status))
    assert backward.returncode == 1
    assert [(v["index"], v["rule"]) for v in as_json(backward)["violations"]] == [(1, "DSD-6")]
    # strict: the examples' placeholders and padded action make both messages invalid
    strict = as_json(run("--format", "json", str(status), str(end)))
    assert [(v["index"], v["rule"]) for v in strict["violations"]] == [
        (0, "DSM-INVALID"),
        (1, "DSM-INVALID"),
    ]


def test_text_output_names_path_index_rule_and_ends_with_a_summary(tmp_path: Path) -> None:
    files = sorted(TWO_IMAGES.iterdir())
    result = run(*map(str, [files[0], files[1], files[3]]))  # create response, no request
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert lines[0] == (
        f"{files[3]}: [2] violation DSP-18 (scan_server) RelatesTo "
        "urn:uuid:64737000-0000-4000-8000-000000000003 names no request of this conversation"
    )
    assert lines[-1] == "3 messages checked (strict): NOT ok; 1 violation, 0 warnings"


def test_stdin_and_mime_packages_are_read() -> None:
    package = TWO_IMAGES / "06-send-image-1-request.mime"
    result = run("--format", "json", "-", stdin=package.read_bytes())
    document = as_json(result)
    # a lone SendImage names a JobToken no create response minted (wsdp.md rule 1)
    assert [(v["index"], v["path"], v["rule"]) for v in document["violations"]] == [
        (0, "-", "DSP-1")
    ]


def test_usage_errors_and_unreadable_paths_exit_2(tmp_path: Path) -> None:
    assert run().returncode == 2
    assert run("--profile", "relaxed", str(TWO_IMAGES)).returncode == 2
    assert run("--format", "yaml", str(TWO_IMAGES)).returncode == 2
    missing = run(str(tmp_path / "missing.xml"))
    assert missing.returncode == 2
    assert b"missing.xml: cannot read" in missing.stderr
    assert missing.stdout == b""
