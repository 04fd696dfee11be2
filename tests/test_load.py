"""The reference ASGI scan server (examples/asgi) under a small load and every fault scenario,
by the code of ``bench/load.py``: a few devices and small images, then each fault answered
with its fault and HTTP status, a 200 MiB image among them. Asserted: what was answered,
what is on disk, and memory in bytes; never how long anything took."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402  (bench/load.py)

MIB = 1 << 20


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> load.Results:
    config = load.Config(
        devices=3,
        jobs=2,
        images=2,
        image_bytes=256 << 10,
        large_bytes=200 * MIB,
        faults=True,
        read_timeout=5.0,  # generous: a loaded CI machine never mistakes a sender for stalled
    )
    return asyncio.run(load.run(config, tmp_path_factory.mktemp("load")))


EXPECTED = {
    "disconnect mid-image then retry": "stored",
    "malformed XML": "HTTP 400 soap:Sender",
    "schema-invalid request": "HTTP 400 dsp:InvalidArgs",
    "reused MessageID": "HTTP 400 wsa:InvalidMessageInformationHeader",
    "SendImage after End": "HTTP 400 dsp:InvalidArgs",
    "1,000 MIME parts": "HTTP 400 soap:Sender",
    "decoy attachment": "HTTP 400 soap:Sender",
    "oversized envelope": "HTTP 400 soap:Sender",
    "slow sender": "HTTP 200 SendImageResponse",
    "stalled sender": "HTTP 408, then stored",
}


def test_every_fault_is_answered_with_its_fault_and_status(results: load.Results) -> None:
    scenarios = {name: (ok, detail) for name, ok, detail in results.scenarios}
    assert {name: detail for name, (_, detail) in scenarios.items()} == EXPECTED
    assert all(ok for ok, _ in scenarios.values())


def test_every_acknowledged_image_is_on_disk_and_nothing_else(results: load.Results) -> None:
    # bit-exact, no .part file left, nothing refused or abandoned stored (bench/load.py
    # check_disk): the 200 MiB image, the load's 12 and the scenarios' among them
    assert results.problems == []
    assert len(results.acknowledged) == 1 + 3 * 2 * 2 + 1 + 4
    assert results.jobs == 3 * 2


def test_the_server_memory_is_back_to_its_baseline_and_never_held_an_image(
    results: load.Results,
) -> None:
    before, after, peak = results.rss_before, results.rss_after, results.rss_peak
    assert abs(after - before) <= 5 * MIB, (before, after)
    assert peak <= 100 * MIB, peak  # with a 200 MiB image and a 16 MiB envelope among them
    assert results.server is not None
    assert results.server.library > 0
