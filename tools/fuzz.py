"""Fuzz one entry point for as long as asked (run from the repository root).

    python tools/fuzz.py TARGET [--runs N] [--seconds S] [--engine atheris|hypothesis|random]
                                [--seed N] [--out DIRECTORY]
    python tools/fuzz.py growth [--start N] [--out DIRECTORY]

TARGET is one of ``tests/fuzz_targets.py``'s targets (``validate``, ``parse``, ``agree_lenient``,
``parse_package``, ``agree``, ``endpoint``, ``chunks``, ``sequence``, ``positions``) or ``cli``:
its targets and mutations, which the test suite runs a bounded number of times, seeded with
every stored example and with generated messages (``tests/fuzz_surfaces.py``). The atheris
engine (``pip install atheris``) is coverage-guided, with the structure-aware mutations as its
custom mutator and an occasional libFuzzer byte mutation; the hypothesis engine is the
fallback where atheris does not install; the random engine draws the same mutations from a
seeded generator with nothing in between (the most executions per second). For ``cli`` an
internal error (exit status 2 on a readable file) counts as a finding too.

``growth`` runs every series of ``tests/growth.py`` at n, 2n, 4n and 8n, counting work (calls
and bytes through lxml), prints each and writes them to ``OUT/growth.json``; it exits 1 when
8n costs more than ten times n.

Findings do not stop the run: each distinct one (exception type and message shape) is written
once to ``OUT/finding-<n>.bin`` with its description in ``OUT/summary.json``, which also
counts executions; the summary is rewritten every few seconds and at the end.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

_NUMBERS = re.compile(r"\d+")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


class Run:
    """Executions, distinct findings and the summary file of one run."""

    def __init__(self, target: str, engine: str, out: Path) -> None:
        self.target = target
        self.engine = engine
        self.out = out
        self.executions = 0
        self.findings: dict[str, dict[str, Any]] = {}
        self.started = time.monotonic()
        self.saved = 0.0
        out.mkdir(parents=True, exist_ok=True)

    def record(self, data: bytes, finding: Exception) -> None:
        text = str(finding)
        # one entry per shape of message: numbers and quoted values vary between inputs
        key = _QUOTED.sub("'…'", _NUMBERS.sub("N", text))[:200]
        entry = self.findings.get(key)
        if entry is None:
            path = self.out / f"finding-{len(self.findings) + 1}.bin"
            path.write_bytes(data)
            entry = {"finding": text[:500], "example": str(path), "count": 0}
            self.findings[key] = entry
            print(f"[{self.target}] finding: {text[:300]}", file=sys.stderr, flush=True)
            self.save()
        entry["count"] += 1

    def save(self) -> None:
        self.saved = time.monotonic()
        summary = {
            "target": self.target,
            "engine": self.engine,
            "executions": self.executions,
            "seconds": round(self.saved - self.started, 1),
            "findings": list(self.findings.values()),
        }
        (self.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")

    def execute(
        self, call: Callable[[bytes], None], finding: type[Exception], data: bytes
    ) -> None:
        self.executions += 1
        try:
            call(data)
        except finding as exc:
            self.record(data, exc)
        if time.monotonic() - self.saved > 5:
            self.save()


TARGETS = (
    "validate",
    "parse",
    "parse_package",
    "agree",
    "agree_lenient",
    "endpoint",
    "chunks",
    "sequence",
    "positions",
    "cli",
)


def _target(module: Any, name: str) -> Callable[[bytes], None]:
    if name == "cli":
        command: Callable[[bytes], None] = module.CommandTarget(internal_errors=True)
        return command
    targets: dict[str, Callable[[bytes], None]] = module.TARGETS
    return targets[name]


def run_atheris(run: Run, runs: int, seconds: int) -> None:
    atheris: Any = importlib.import_module("atheris")
    with atheris.instrument_imports(include=["dsm_messages"]):
        module: Any = importlib.import_module("fuzz_targets")
    seeds = [data for _, data in module.all_seeds()]
    call = _target(module, run.target)
    corpus = Path(tempfile.mkdtemp(prefix="dsm-fuzz-corpus-"))
    for number, data in enumerate(seeds):
        (corpus / f"seed-{number}").write_bytes(data)

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.1:
            mutated: bytes = atheris.Mutate(data, max_size)
            return mutated
        source = data if data and rng.random() < 0.8 else rng.choice(seeds)
        mutated = module.mutate(source, rng, seeds, rng.randint(1, 3))
        return mutated[:max_size]

    def one_input(data: bytes) -> None:
        run.execute(call, module.Finding, data)
        if run.executions >= runs:
            run.save()
            os._exit(0)  # libFuzzer has no way back; the summary is written

    arguments = [
        sys.argv[0],
        f"-max_total_time={seconds}",
        f"-max_len={module.MAX_SIZE}",
        "-rss_limit_mb=4096",
        str(corpus),
    ]
    atheris.Setup(arguments, one_input, custom_mutator=mutator)
    try:
        atheris.Fuzz()
    finally:
        run.save()


def run_hypothesis(run: Run, runs: int, seconds: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    module: Any = importlib.import_module("fuzz_targets")
    seeds = [data for _, data in module.all_seeds()]
    call = _target(module, run.target)
    deadline = time.monotonic() + seconds

    @settings(
        max_examples=10_000,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.sampled_from(seeds), st.integers(0, 2**32 - 1), st.integers(1, 4))
    def batch(seed: bytes, state: int, count: int) -> None:
        if run.executions < runs and time.monotonic() < deadline:
            rng = random.Random(state)
            run.execute(call, module.Finding, module.mutate(seed, rng, seeds, count))

    while run.executions < runs and time.monotonic() < deadline:
        batch()
    run.save()


def run_random(run: Run, runs: int, seconds: int, seed: int) -> None:
    """The structure-aware mutations drawn from a seeded generator, one after the other."""
    module: Any = importlib.import_module("fuzz_targets")
    seeds = [data for _, data in module.all_seeds()]
    call = _target(module, run.target)
    deadline = time.monotonic() + seconds
    rng = random.Random(seed)
    for data in seeds:  # every seed as it is, first
        run.execute(call, module.Finding, data)
    while run.executions < runs and time.monotonic() < deadline:
        data = module.mutate(rng.choice(seeds), rng, seeds, rng.randint(1, 4))
        run.execute(call, module.Finding, data)
    run.save()


def run_growth(out: Path, start: int) -> int:
    """Every growth series, counted; 1 when one grows faster than linearly."""
    growth: Any = importlib.import_module("growth")
    out.mkdir(parents=True, exist_ok=True)
    results = []
    failed = False
    for name in growth.SERIES:
        works = growth.series(name, start)
        calls, written = growth.growth(works)
        linear = calls <= 10 and written <= 10
        failed |= not linear
        sizes = [start * factor for factor in (1, 2, 4, 8)]
        results.append(
            {
                "series": name,
                "sizes": sizes,
                "calls": [work.calls for work in works],
                "bytes": [work.bytes for work in works],
                "growth_8n_over_n": {"calls": round(calls, 2), "bytes": round(written, 2)},
                "linear": linear,
            }
        )
        print(
            f"{name:42} calls {[work.calls for work in works]} (x{calls:.1f}) "
            f"bytes {[work.bytes for work in works]} (x{written:.1f})"
            + ("" if linear else "  NOT LINEAR"),
            flush=True,
        )
    (out / "growth.json").write_text(json.dumps(results, indent=2) + "\n")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", choices=(*TARGETS, "growth"))
    parser.add_argument("--runs", type=int, default=1_000_000, help="stop after N executions")
    parser.add_argument("--seconds", type=int, default=3600, help="stop after S seconds")
    parser.add_argument("--engine", choices=("atheris", "hypothesis", "random"), default="atheris")
    parser.add_argument("--seed", type=int, default=0, help="the random engine's seed")
    parser.add_argument("--start", type=int, default=64, help="growth: the smallest size")
    parser.add_argument("--out", type=Path, default=Path("fuzz-results"))
    args = parser.parse_args()
    if args.target == "growth":
        return run_growth(args.out, args.start)
    run = Run(args.target, args.engine, args.out / args.target)
    if args.engine == "atheris":
        run_atheris(run, args.runs, args.seconds)
    elif args.engine == "hypothesis":
        run_hypothesis(run, args.runs, args.seconds)
    else:
        run_random(run, args.runs, args.seconds, args.seed)
    print(json.dumps({"target": run.target, "executions": run.executions}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
