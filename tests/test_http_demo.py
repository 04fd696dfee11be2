"""The reference scan server and device (examples/http) run against each other over HTTP on
127.0.0.1, and what they exchanged is checked with the command-line tools."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from commands import installed_command

from dsm_messages import HttpHead

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "http" / "demo.py"
IMAGE_MIB = 50

# The peak resident memory of a process that runs ``code``, in KiB (Linux: ru_maxrss).
PEAK = (
    "import resource, runpy, sys\n"
    "{code}\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_command("dsm-messages"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def run_with_peak(code: str, *args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    result = subprocess.run(
        [sys.executable, "-c", PEAK.format(code=code), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    peak = int(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else -1
    return result, peak


@pytest.fixture(scope="module")
def exchanged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """The demo's transcript, its peak memory and the peak of a process that only imports the
    library and validates one message (KiB)."""
    out = tmp_path_factory.mktemp("demo") / "out"
    demo = (
        "sys.argv = sys.argv[1:]\n"
        "sys.path.insert(0, str(__import__('pathlib').Path(sys.argv[0]).parent))\n"
        "try:\n"
        "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit as end:\n"
        "    assert not end.code, end.code"
    )
    result, peak = run_with_peak(demo, str(DEMO), str(out), "--image-mib", str(IMAGE_MIB))
    assert result.returncode == 0, result.stdout + result.stderr
    example = ROOT / "examples" / "dsp-01-create-request.xml"
    baseline = (
        "import pathlib\n"
        "from dsm_messages import Endpoint, validate\n"
        f"validate(pathlib.Path({str(example)!r}).read_bytes())"
    )
    _, base = run_with_peak(baseline)
    return out, peak, base


def messages(out: Path) -> list[str]:
    """The names of the messages stored in ``out`` (not their HTTP sidecars), in wire order."""
    return sorted(path.name for path in out.iterdir() if path.suffix in (".xml", ".mime"))


def test_every_message_is_stored_in_wire_order(exchanged: tuple[Path, int, int]) -> None:
    out, _, _ = exchanged
    names = messages(out)
    assert [name.split("-", 1)[0] for name in names] == [f"{n:03d}" for n in range(1, 35)]
    operations = [name.split("-", 1)[1] for name in names]
    assert operations[:4] == [
        "Subscribe-request.xml",
        "Subscribe-response.xml",
        "CreatePostScanJob-request.xml",
        "CreatePostScanJob-response.xml",
    ]
    assert operations.count("SendImage-request.mime") == 4
    assert operations.count("PostScanJobEndStateEvent.xml") == 3
    assert operations.count("Fault.xml") == 4


def test_the_large_image_was_streamed_not_held(exchanged: tuple[Path, int, int]) -> None:
    out, peak, baseline = exchanged
    large = max(out.glob("*.mime"), key=lambda path: path.stat().st_size)
    assert large.stat().st_size > IMAGE_MIB << 20
    # both sides in one process: holding the image once would add 50 MiB
    assert baseline > 0
    assert peak - baseline < 16 << 10, (peak, baseline)


def test_check_sequence_finds_exactly_the_misbehaviour(exchanged: tuple[Path, int, int]) -> None:
    out, _, _ = exchanged
    result = cli("check-sequence", "--format", "json", str(out))
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    names = messages(out)
    found = [(names[item["index"]], item["rule"], item["party"]) for item in report["violations"]]
    # the device's four deliberate breaches, each answered with the fault it is owed: the
    # fault refusing bytes that are not XML relates to nothing, as it must, and is no breach
    assert found == [
        ("022-SendImage-after-end-request.mime", "DSP-5", "device"),
        ("024-CreatePostScanJob-reused-MessageID-request.xml", "DSP-19", "device"),
        ("028-EndPostScanJob-wrong-case-token-request.xml", "DSP-2", "device"),
        ("030-not-XML-request.xml", "DSM-INVALID", None),  # (bytes do not say who sent them)
    ]
    assert report["warnings"] == []
    assert [(job["state"], job["phase"]) for job in report["jobs"]] == [
        ("Completed", "finished"),
        ("Canceled", "finished"),
        ("Canceled", "finished"),
    ]


def test_every_message_is_strict_valid_but_the_broken_request_and_its_fault(
    exchanged: tuple[Path, int, int],
) -> None:
    out, _, _ = exchanged
    result = cli("validate", "--format", "json", str(out))
    assert result.returncode == 1, result.stdout + result.stderr
    files = json.loads(result.stdout)["files"]
    invalid = {
        Path(item["path"]).name: sorted({problem["code"] for problem in item["problems"]})
        for item in files
        if not item["valid"]
    }
    assert invalid == {
        "030-not-XML-request.xml": ["DSM-XML-MALFORMED"],
        "031-Fault.xml": ["DSM-RELATES-TO-MISSING"],
    }
    assert len(files) == 34


def test_every_message_has_the_http_head_it_travelled_with(
    exchanged: tuple[Path, int, int],
) -> None:
    out, _, _ = exchanged
    for name in messages(out):
        head = HttpHead.parse((out / name).with_suffix(".http").read_text())
        if name.endswith(("request.xml", "request.mime", "Event.xml")):
            assert (head.method, head.status) == ("POST", None), name
        else:  # a response 200; each fault answers a breach of the device's: soap:Sender, 400
            assert head.status == (400 if name.endswith("Fault.xml") else 200), name
        packaged = name.endswith(".mime")
        assert (head.content_type or "").startswith(
            "multipart/related" if packaged else "application/soap+xml"
        ), name
