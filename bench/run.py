"""The performance table: every measurable row as a ratio against a comparator run alongside.

Usage: python bench/run.py [--quick] [--skip-mtom]

Each row times dsm-messages and its comparator in the same process, in interleaved rounds
(one batch of each, in turn), and shows the ratio of the medians with the goal and whether
it is met. Three messages are measured: a CreatePostScanJobRequest (≈2.5 KB), a
ScannerElementsChangeEvent (≈8 KB) and a WS-DSC GetActiveJobsResponse listing 500 jobs
(≈350 KB).

- parse(data, validate=True) against lxml's parse plus XSD validation of the same bytes,
  and against xsdata's generic XmlParser alone; validate(data) against lxml's parse plus XSD;
  serialize(body, ...) against xsdata's XmlSerializer.render of the same envelope;
- Session: an observer's time per message over jobs 0-100 against jobs 1,900-2,000 of one
  conversation of short jobs (each created, sent one image, ended, finished: 8 messages),
  the two fed job by job in turn to a fresh observer and to one that saw jobs 0-1,900; and
  the memory an observer holds after 5,000 against after 10,000 finished jobs (tracemalloc);
- MTOM package given as bytes: bench/bench_mtom.py (fresh processes, its own comparators);
- whole processes, each run once to warm up and then in interleaved rounds: import
  dsm_messages against import lxml.etree; the first validate() in a fresh process (from its
  first import, bench/first_call.py) against lxml's first parse and XSD validation, the
  schema compiled, in a fresh process (and, to show what the required stack alone costs, the
  same after importing attrs too); ``dsm-messages validate`` of one file (start-up and
  first message) and of 10,000 files (2,000 with --quick; copies of the example envelopes and
  documents in folders of 1,000), with as many processes as cores, against
  bench/xsd_loop.py over the same files: lxml's parse and XSD validation of dsm.xsd in a loop,
  in one process.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
from lxml import etree
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.serializers import XmlSerializer

from dsm_messages import ANONYMOUS, Envelope, Session, load_schema, parse, schema_dir, validate
from dsm_messages.envelope import serialize
from dsm_messages.models import dsc, dsp, soap
from dsm_messages.safexml import parse_xml
from dsm_messages.testing import samples as s

BENCH = Path(__file__).resolve().parent

SERVER = "https://scansrv01.contoso.com:5362/ScanServer/4d15d73c-bbcd-4cba-beae-07e1f8ea9475"


@attrs.frozen
class Row:
    what: str
    figures: tuple[float, ...]
    goal: str
    met: bool | None  # None: shown for what it costs, with no goal of its own
    unit: str = "x"

    def show(self) -> str:
        shown = " / ".join(f"{figure:.3g}" for figure in self.figures)
        verdict = {True: "met", False: "NOT MET", None: ""}[self.met]
        return f"| {self.what} | {shown}{self.unit} | {self.goal} | {verdict} |"


# -- messages --------------------------------------------------------------------------------


def messages() -> dict[str, bytes]:
    create = s.SAMPLES["dsp:CreatePostScanJobRequest"]
    change = s.SAMPLES["dsd:ScannerElementsChangeEvent"]
    listed = s.SAMPLES["dsc:GetActiveJobsResponse"]
    assert isinstance(listed, dsc.GetActiveJobsResponse)
    summaries = list(listed.active_jobs.job_summary)
    many = [
        dataclasses.replace(summaries[i % len(summaries)], job_token=str(uuid.UUID(int=i)))
        for i in range(500)
    ]
    jobs = dsc.GetActiveJobsResponse(active_jobs=dsc.ListOfSummarysType(job_summary=many))
    return {
        "create": serialize(create, to=SERVER),
        "change": serialize(change, to=SERVER),
        "500 jobs": serialize(jobs, to=ANONYMOUS, relates_to="urn:uuid:1"),
    }


def ratio(ours: Callable[[], object], theirs: Callable[[], object], rounds: int) -> float:
    """Median time of ``ours`` over median time of ``theirs``, batches interleaved."""
    ours(), theirs()  # warm up
    number = max(1, int(0.02 / max(_once(theirs), 1e-7)))
    mine, other = [], []
    for _ in range(rounds):
        mine.append(_batch(ours, number))
        other.append(_batch(theirs, number))
    return statistics.median(mine) / statistics.median(other)


def _once(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _batch(call: Callable[[], object], number: int) -> float:
    started = time.perf_counter()
    for _ in range(number):
        call()
    return (time.perf_counter() - started) / number


def _calls(
    blob: bytes,
    envelope: Envelope,
    model: soap.Envelope,
    schema: etree.XMLSchema,
    xsdata_parser: XmlParser,
    serializer: XmlSerializer,
) -> dict[str, Callable[[], object]]:
    """What each row times for one message."""
    return {
        "parse": lambda: parse(blob, validate=True),
        "validate": lambda: validate(blob),
        "lxml+xsd": lambda: schema.validate(parse_xml(blob)),
        "xsdata parse": lambda: xsdata_parser.from_bytes(blob, soap.Envelope),
        "serialize": lambda: serialize(
            envelope.body,
            to=envelope.to or "",
            action=envelope.action,
            message_id=envelope.message_id,
            relates_to=envelope.relates_to,
        ),
        "xsdata render": lambda: serializer.render(model),
    }


def message_rows(rounds: int) -> list[Row]:
    data = messages()
    schema = load_schema()
    xsdata_parser = XmlParser()
    serializer = XmlSerializer()

    parse_vs_xsd, parse_vs_xsdata, validate_vs_xsd, serialize_vs_xsdata = [], [], [], []
    for blob in data.values():
        assert validate(blob).valid
        envelope = parse(blob)
        model = xsdata_parser.from_bytes(blob, soap.Envelope)
        calls = _calls(blob, envelope, model, schema, xsdata_parser, serializer)
        parse_vs_xsd.append(ratio(calls["parse"], calls["lxml+xsd"], rounds))
        parse_vs_xsdata.append(ratio(calls["parse"], calls["xsdata parse"], rounds))
        validate_vs_xsd.append(ratio(calls["validate"], calls["lxml+xsd"], rounds))
        serialize_vs_xsdata.append(ratio(calls["serialize"], calls["xsdata render"], rounds))
    names = " / ".join(data)
    return [
        Row(f"parse(validate=True) vs lxml parse + XSD ({names})", tuple(parse_vs_xsd),
            "<= 3x", max(parse_vs_xsd) <= 3),
        Row(f"parse(validate=True) vs xsdata XmlParser ({names})", tuple(parse_vs_xsdata),
            "<= 0.3", max(parse_vs_xsdata) <= 0.3),
        Row(f"validate vs lxml parse + XSD ({names})", tuple(validate_vs_xsd),
            "<= 2x", max(validate_vs_xsd) <= 2),
        Row(f"serialize vs xsdata XmlSerializer.render ({names})", tuple(serialize_vs_xsdata),
            "<= 0.33", max(serialize_vs_xsdata) <= 0.33),
    ]  # fmt: skip


# -- the conversation ------------------------------------------------------------------------


def job_messages(number: int) -> list[Envelope]:
    """Job ``number``'s nine messages as an observer sees them, already parsed (built from one
    parsed template per message, so that making them costs no XML work)."""
    token = str(uuid.UUID(int=number))
    out: list[Envelope] = []
    for template, relate, body in _TEMPLATES:
        message_id = f"urn:uuid:{uuid.UUID(int=(number << 8) + len(out))}"
        relates_to = out[relate].message_id if relate is not None else None
        out.append(
            attrs.evolve(
                template,
                message_id=message_id,
                relates_to=relates_to,
                body=body(token) if body is not None else template.body,
            )
        )
    return out


def _templates() -> list[tuple[Envelope, int | None, Callable[[str], object] | None]]:
    def wire(body: object, *, request: bool = False) -> Envelope:
        return parse(
            serialize(body, to=SERVER if request else ANONYMOUS, relates_to=None if request
                      else "urn:uuid:0")
        )  # fmt: skip

    token = "t"
    image = s.SAMPLES["dsp:SendImageRequest"]
    assert isinstance(image, dsp.SendImageRequest)
    status = s.SAMPLES["dsp:PostScanJobStatusEvent"]
    end_state = s.SAMPLES["dsp:PostScanJobEndStateEvent"]
    assert isinstance(status, dsp.PostScanJobStatusEvent)
    assert isinstance(end_state, dsp.PostScanJobEndStateEvent)
    processing = dataclasses.replace(
        status.job_status, job_state=dsp.JobStateWKVType.PROCESSING, images_received=1,
        job_completed_time=None,
    )  # fmt: skip
    finished = dataclasses.replace(end_state.post_scan_job_end_state, images_received=1)
    return [
        (wire(s.SAMPLES["dsp:CreatePostScanJobRequest"], request=True), None, None),
        (wire(dsp.CreatePostScanJobResponse(job_token=token)), 0,
         lambda t: dsp.CreatePostScanJobResponse(job_token=t)),
        (wire(image, request=True), None, lambda t: dataclasses.replace(image, job_token=t)),
        (wire(dsp.SendImageResponse()), 2, None),
        (wire(dsp.EndPostScanJobRequest(job_token=token), request=True), None,
         lambda t: dsp.EndPostScanJobRequest(job_token=t)),
        (wire(dsp.EndPostScanJobResponse()), 4, None),
        (wire(dataclasses.replace(status, job_status=processing)), None,
         lambda t: dsp.PostScanJobStatusEvent(job_status=dataclasses.replace(processing,
                                                                            job_token=t))),
        (wire(end_state), None, lambda t: dsp.PostScanJobEndStateEvent(
            post_scan_job_end_state=dataclasses.replace(finished, job_token=t))),
    ]  # fmt: skip


_TEMPLATES = _templates()
PER_JOB = len(_TEMPLATES)


def subscribed() -> list[Envelope]:
    subscribe = parse(serialize(s.SAMPLES["wse:Subscribe"], to=SERVER))
    answer = parse(
        serialize(
            s.SAMPLES["wse:SubscribeResponse"], to=ANONYMOUS, relates_to=subscribe.message_id
        )
    )
    return [subscribe, answer]


def session_rows(quick: bool, rounds: int) -> list[Row]:
    jobs = 500 if quick else 2_000
    conversation = [job_messages(n) for n in range(jobs)]
    early, late = [], []
    for _ in range(rounds):
        # two observers, one fresh and one that has seen every job before the last 100; their
        # jobs are then fed in turn (job k to the first, job jobs-100+k to the second), so
        # that whatever else the machine does falls on both alike
        fresh, seasoned = Session("observer"), Session("observer")
        for message in [*subscribed(), *(m for job in conversation[: jobs - 100] for m in job)]:
            seasoned.observe(message)
        for message in subscribed():
            fresh.observe(message)
        spent = [0.0, 0.0]
        for k in range(100):
            for side, (observer, job) in enumerate(
                ((fresh, conversation[k]), (seasoned, conversation[jobs - 100 + k]))
            ):
                started = time.perf_counter()
                for message in job:
                    observer.observe(message)
                spent[side] += time.perf_counter() - started
        for observer in (fresh, seasoned):
            assert observer.finish() == []
            assert observer.warnings == []
        early.append(spent[0] / (100 * PER_JOB))
        late.append(spent[1] / (100 * PER_JOB))
    per_message = statistics.median(early) * 1e6, statistics.median(late) * 1e6
    flat = statistics.median(b / a for a, b in zip(early, late, strict=True))
    finished = (2_000, 4_000) if quick else (5_000, 10_000)
    held = memory_after(finished)
    growth = held[1] / held[0]
    return [
        Row(f"Session µs per message, jobs 0-100 -> jobs {jobs - 100:,}-{jobs:,}", per_message,
            "<= 5 µs", per_message[1] <= 5, " µs"),
        Row("  the same, later over earlier (flat; median of rounds)", (flat,), "<= 1.2x",
            flat <= 1.2),
        Row(f"Session memory after {finished[0]:,} -> {finished[1]:,} finished jobs (MiB)",
            tuple(m / 2**20 for m in held), "O(open jobs)", growth <= 1.1, " MiB"),
        Row("  the same, later over earlier (flat)", (growth,), "<= 1.1x", growth <= 1.1),
    ]  # fmt: skip


def memory_after(finished: tuple[int, ...]) -> tuple[float, ...]:
    """What an observer holds (tracemalloc) after each count of finished jobs, nothing open."""
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        observer = Session("observer")
        held = []
        done = 0
        messages = iter(subscribed())
        for target in finished:
            for message in _chain(messages, (m for n in range(done, target) for m in
                                             job_messages(n))):  # fmt: skip
                observer.observe(message)
            done = target
            messages = iter(())
            gc.collect()
            held.append(tracemalloc.get_traced_memory()[0] - base)
        assert observer.finish() == []
        return tuple(held)
    finally:
        tracemalloc.stop()


def _chain(*parts: Iterator[Envelope]) -> Iterator[Envelope]:
    for part in parts:
        yield from part


# -- whole processes -------------------------------------------------------------------------


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def process_ratio(ours: list[str], theirs: list[str], rounds: int) -> tuple[float, float]:
    """Median wall time of the command ``ours`` over that of ``theirs`` (each run once first:
    bytecode written, files in the page cache), and ours in seconds."""
    _wall(ours), _wall(theirs)
    mine, other = [], []
    for _ in range(rounds):
        mine.append(_wall(ours))
        other.append(_wall(theirs))
    return statistics.median(mine) / statistics.median(other), statistics.median(mine)


def import_row(rounds: int) -> Row:
    times, seconds = process_ratio(
        [sys.executable, "-c", "import dsm_messages"],
        [sys.executable, "-c", "import lxml.etree"],
        rounds,
    )
    return Row(
        f"import dsm_messages vs import lxml.etree (whole process; {seconds:.2f} s)",
        (times,),
        "<= 3x",
        times <= 3,
    )


def _first_call(which: str, *arguments: str) -> float:
    """Seconds a fresh process takes from its first import to its first answer (bytecode
    written and used, as in an installed package: bench/first_call.py)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, str(BENCH / "first_call.py"), which, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(done.stdout)


def first_validate_row(rounds: int) -> Row:
    """First validate() in a fresh process against lxml's first parse + XSD (the schema
    compiled) in a fresh process, interleaved; the spread is that of the rounds' ratios."""
    data = str(BENCH.parent / "examples" / "dsp-01-create-request.xml")  # attributes below
    xsd = str(schema_dir() / "dsm.xsd")
    _first_call("ours", data), _first_call("lxml", data, xsd)  # bytecode written
    mine, other, stack = [], [], []
    for _ in range(max(rounds, 5)):
        mine.append(_first_call("ours", data))
        other.append(_first_call("lxml", data, xsd))
        stack.append(_first_call("stack", data, xsd))
    ratios = sorted(ours / theirs for ours, theirs in zip(mine, other, strict=True))
    times = statistics.median(mine) / statistics.median(other)
    floor = statistics.median(stack) / statistics.median(other)
    return Row(
        f"first validate() in a fresh process vs lxml's first parse + XSD "
        f"({statistics.median(mine) * 1e3:.0f} vs {statistics.median(other) * 1e3:.0f} ms; "
        f"rounds {ratios[0]:.2f}-{ratios[-1]:.2f}x; lxml with attrs imported too: "
        f"{statistics.median(stack) * 1e3:.0f} ms, {floor:.2f}x)",
        (times,),
        "<= 2x",
        times <= 2,
    )


def _command() -> list[str]:
    """The installed ``dsm-messages`` beside this interpreter (as a user runs it)."""
    found = shutil.which("dsm-messages", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "dsm_messages.cli"]


def command_rows(quick: bool, rounds: int) -> list[Row]:
    count = 2_000 if quick else 10_000
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    xsd_loop = [sys.executable, str(BENCH / "xsd_loop.py"), str(schema_dir() / "dsm.xsd")]
    examples = sorted((BENCH.parent / "examples").rglob("*.xml"))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for number in range(count):
            source = examples[number % len(examples)]
            path = folder / f"part-{number // 1_000:02}" / f"{number:05}-{source.name}"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(source.read_bytes())
        one = str(folder / "part-00" / f"00000-{examples[0].name}")
        start_up, start_seconds = process_ratio(
            [*_command(), "validate", one], [*xsd_loop, one], rounds
        )
        many, many_seconds = process_ratio(
            [*_command(), "validate", "--format", "json", str(folder)],
            [*xsd_loop, str(folder)],
            max(3, rounds // 2),
        )
    return [
        Row(f"dsm-messages validate, one file (start-up; {start_seconds:.2f} s) vs "
            "bench/xsd_loop.py", (start_up,), "-", None),
        Row(f"dsm-messages validate, {count:,} files, {cores} processes ({many_seconds:.1f} s) "
            "vs lxml parse + XSD in a loop, one process", (many,), "<= 2x", many <= 2),
    ]  # fmt: skip


def mtom_rows(quick: bool) -> list[str]:
    size, rounds = ("32", "2") if quick else ("128", "3")
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_mtom.py"), "--size-mib", size, "--rounds", rounds],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer rounds, smaller inputs")
    options.add_argument("--skip-mtom", action="store_true", help="leave the MTOM rows out")
    arguments = options.parse_args()
    rounds = 3 if arguments.quick else 7
    print("| What | dsm-messages vs comparator (medians) | Goal | |")
    print("|---|---|---|---|")
    session_rounds = 3 if arguments.quick else 5
    rows = [*message_rows(rounds), *session_rows(arguments.quick, session_rounds)]
    rows.append(import_row(rounds))
    rows.append(first_validate_row(rounds))
    rows.extend(command_rows(arguments.quick, rounds))
    for row in rows:
        print(row.show())
    if not arguments.skip_mtom:
        print()
        print("MTOM package given as bytes (bench/bench_mtom.py):")
        for line in mtom_rows(arguments.quick):
            print("  " + line)


if __name__ == "__main__":
    main()
