"""The ``dsm-messages`` command.

``dsm-messages validate [--profile strict|lenient] [--format text|json] [--jobs N] PATH...``
checks each message (a SOAP envelope or bare DSM document in an ``.xml`` file, an MTOM package
with its MIME headers in a ``.mime`` file, every ``*.xml`` and ``*.mime`` below a directory in
name order, or ``-`` for standard input), as :func:`dsm_messages.validate_file` does. Text
output is one line per problem, ``path:line:column: severity code message`` (0 when the line
or column is unknown), then a summary line; ``--format json`` prints one JSON object:
``files`` (each a path and its report, see :meth:`dsm_messages.Report.to_json`) and a
``summary``. Files are read one at a time and their results written as they come, in the
order of the inputs, whatever ``--jobs`` (processes; default one per core); what the command
holds does not grow with the number of files. Exit status: 0 when every message is valid
(warnings allowed), 1 when at least one is not, 2 for a usage error, a path that cannot be
read, or an internal error (one line on standard error). A path named on the command line that
cannot be read stops the command before any output; a file below a directory that cannot be
read stops it when its turn comes, the output so far left incomplete (JSON unterminated).

``dsm-messages check-sequence [--profile strict|lenient] [--format text|json] PATH...`` replays
the messages in the order given (a directory stands for its ``*.xml`` and ``*.mime`` files in
name order) and reports every broken ordering rule with the message's 0-based index and the
party that broke it; a message that fails validation is a violation. The HTTP head a message
travelled in, kept beside it in a ``.http`` sidecar (see :mod:`dsm_messages.transcripts`), is
judged too. Exit status: 0 when there is no violation (warnings allowed), 1 when there is one,
2 for a usage error, a path or sidecar that cannot be read, or an internal error.

``dsm-messages show [--format text|json] PATH...`` prints the type, action and key fields of
each message (the inputs ``validate`` reads), read as the lenient profile reads it; a message
that is not one says why in one line on standard error (its rule code first). Exit status 0,
1 when one cannot be read as a DSM message, 2 for a usage error, a path that cannot be read, or
an internal error.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, TextIO

from . import __version__
from .described import ShowError, describe
from .errors import DsmError
from .report import Report
from .rules import PROFILES, RULES, DsmRule, Profile
from .validator import (
    check_stored_package,
    validate_file,
    validate_stored,
)

if TYPE_CHECKING:  # imported by the commands that use them: `validate` needs neither
    from concurrent.futures import Future, ProcessPoolExecutor

    from .transcripts import HttpHead, Recorded

__all__ = [
    "build_parser",
    "main",
]


_STDIN = "-"
_PATTERNS = ("*.xml", "*.mime")
#: Whether a file name found below a directory is one of :data:`_PATTERNS` (as
#: :func:`fnmatch.fnmatch` matches: regardless of case where the platform's names are).
_MATCHED = re.compile(
    "|".join(fnmatch.translate(pattern) for pattern in _PATTERNS),
    re.IGNORECASE if os.path.normcase("A") == "a" else 0,
).match

#: Inputs a worker process is given at a time, and how many such batches may be out at once
#: per worker: what ``validate --jobs N`` holds is bounded by these, whatever the file count.
#: A batch also ends once its files hold ``_BATCH_BYTES``, so that large files are shared out
#: a few at a time and no worker is left with a long last batch while the others wait. (Each
#: batch is a round trip to a worker: on two cores, batches of 16 small files made the command
#: 15-20 % slower than batches of 64; batches of 64 files of 450 KB, 15 % slower than of 16.)
_BATCH = 64
_BATCH_BYTES = 512 * 1024
_AHEAD = 2


class _UnreadableError(Exception):
    pass


def _cannot_read(path: object, exc: OSError) -> _UnreadableError:
    return _UnreadableError(f"{path}: cannot read: {exc.strerror or exc}")


def _expand(paths: Sequence[str]) -> Iterator[str]:
    """Every file the paths name, one at a time, directories expanded in path order; raises
    ``_UnreadableError`` for a path, or a directory below one, that cannot be read."""
    for name in paths:
        if name == _STDIN:
            yield name
            continue
        path = Path(name)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            raise _cannot_read(path, exc) from None
        if is_dir:
            yield from _walk(str(path))
        else:
            yield str(path)


def _walk(folder: str) -> Iterator[str]:
    """The matching files below ``folder`` in path order (as ``sorted`` orders paths, part by
    part), found directory by directory: what is held is one directory's listing per level,
    never the whole tree. Like :func:`os.walk`, links to directories are not followed."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        raise _cannot_read(exc.filename, exc) from None
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                yield from _walk(entry.path)
        elif _MATCHED(entry.name):
            yield entry.path


def _check_named(paths: Sequence[str]) -> None:
    """Fail before any output when a path named on the command line cannot be read: a run
    stopped by one (status 2) then prints no verdict at all. Files found below a directory are
    read, and can fail, only when their turn comes."""
    for name in paths:
        if name == _STDIN:
            continue
        path = Path(name)
        try:
            if path.is_dir():
                os.scandir(path).close()
            else:
                with path.open("rb"):
                    pass
        except OSError as exc:
            raise _cannot_read(path, exc) from None


class _Input(NamedTuple):
    """One message to check: its display path, and its bytes when they are already read
    (standard input); a file is read by whoever checks it."""

    path: str
    data: bytes | None = None


def _inputs(paths: Sequence[str], stdin: BinaryIO) -> Iterator[_Input]:
    for path in _expand(paths):
        yield _Input(_STDIN, stdin.read()) if path == _STDIN else _Input(path)


def _read(item: _Input) -> bytes:
    if item.data is not None:
        return item.data
    try:
        return Path(item.path).read_bytes()
    except OSError as exc:
        raise _cannot_read(item.path, exc) from None


class _Unreadable(NamedTuple):
    """A file that could not be read when its turn came: the line to print."""

    reason: str


def _verdict(item: _Input, profile: Profile) -> Report | _Unreadable:
    """One input's report, exactly as :func:`dsm_messages.validate_file` gives it."""
    if item.data is not None:
        return validate_stored(item.data, name=item.path, profile=profile)
    try:
        return validate_file(item.path, profile=profile)
    except OSError as exc:
        return _Unreadable(str(_cannot_read(item.path, exc)))


def _verdicts_of(batch: list[_Input], profile: Profile) -> list[Report | _Unreadable]:
    """What a worker process does with one batch."""
    return [_verdict(item, profile) for item in batch]


def _batches(items: Iterable[_Input], size: int, most_bytes: int) -> Iterator[list[_Input]]:
    """``items`` in batches of ``size``, or fewer once their files hold ``most_bytes``."""
    batch: list[_Input] = []
    held = 0
    for item in items:
        batch.append(item)
        held += _size(item)
        if len(batch) == size or held >= most_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _size(item: _Input) -> int:
    """The bytes ``item`` holds, as far as they are known before it is read (a file that
    cannot be read counts none: it is reported when its turn comes)."""
    if item.data is not None:
        return len(item.data)
    try:
        return os.stat(item.path).st_size
    except OSError:
        return 0


def _in_order(
    items: Iterable[_Input], profile: Profile, jobs: int
) -> Generator[tuple[str, Report | _Unreadable], None, None]:
    """Each input's verdict, in input order, as soon as it and every one before it are known.

    The first input is checked in this process, which loads what checking needs (the models
    of its namespace, the compiled schema) before any worker is forked to share it. With one
    job, so is every other, one at a time; with more, batches go to that many processes and at
    most ``_AHEAD`` batches per process are out at once, so that the inputs held (paths, and
    the bytes of standard input) and the reports waiting for their turn stay bounded."""
    items = iter(items)
    first = next(items, None)
    if first is None:
        return
    yield first.path, _verdict(first, profile)
    if jobs == 1:
        for item in items:
            yield item.path, _verdict(item, profile)
        return
    executor = _executor(jobs)
    try:
        pending: deque[tuple[list[_Input], Future[list[Report | _Unreadable]]]] = deque()
        for batch in _batches(items, _BATCH, _BATCH_BYTES):
            pending.append((batch, executor.submit(_verdicts_of, batch, profile)))
            if len(pending) == _AHEAD * jobs:
                yield from _done(*pending.popleft())
        while pending:
            yield from _done(*pending.popleft())
    finally:  # also when the reader stops early: what is not started never will be
        executor.shutdown(cancel_futures=True)


def _done(
    batch: list[_Input], future: Future[list[Report | _Unreadable]]
) -> Iterator[tuple[str, Report | _Unreadable]]:
    for item, verdict in zip(batch, future.result(), strict=True):
        yield item.path, verdict


def _default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of processes, 1 or more: {value!r}"
        )
    return jobs


def _executor(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares what this process has imported; elsewhere the platform's own start method
    method = "fork" if sys.platform == "linux" else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))


class _Tally:
    """What the summary counts, added up file by file."""

    def __init__(self) -> None:
        self.files = self.invalid = self.errors = self.warnings = 0

    def add(self, report: Report) -> None:
        self.files += 1
        self.invalid += not report.valid
        self.errors += len(report.errors)
        self.warnings += len(report.warnings)


class _TextOutput:
    def __init__(self, out: TextIO, profile: Profile) -> None:
        self.out, self.profile, self.tally = out, profile, _Tally()

    def add(self, path: str, report: Report) -> None:
        self.tally.add(report)
        for p in report.problems:
            self.out.write(
                f"{path}:{p.line or 0}:{p.column or 0}: {p.severity} {p.rule} {p.message}\n"
            )

    def finish(self) -> None:
        t = self.tally
        self.out.write(
            f"{_counted(t.files, 'file')} checked ({self.profile}): {t.files - t.invalid} "
            f"valid, {t.invalid} invalid; {_counted(t.errors, 'error')}, "
            f"{_counted(t.warnings, 'warning')}\n"
        )


def _counted(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``: a count and its noun."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class _JsonOutput:
    """One JSON document, ``{"files": [...], "summary": {...}}``, written as the files are
    checked, byte for byte as ``json.dump(document, indent=2)`` writes it. A run stopped by a
    file that cannot be read leaves it unterminated: never taken for a whole verdict."""

    def __init__(self, out: TextIO, profile: Profile) -> None:
        self.out, self.profile, self.tally = out, profile, _Tally()

    def add(self, path: str, report: Report) -> None:
        self.out.write('{\n  "files": [\n' if self.tally.files == 0 else ",\n")
        self.tally.add(report)
        self.out.write("    " + _indented(report.to_json(path=path), 2))

    def finish(self) -> None:
        t = self.tally
        summary = {
            "profile": self.profile,
            "files": t.files,
            "valid": t.files - t.invalid,
            "invalid": t.invalid,
            "errors": t.errors,
            "warnings": t.warnings,
        }
        self.out.write('{\n  "files": [],\n' if t.files == 0 else "\n  ],\n")
        # the summary as the tail of the document: everything after its opening brace
        tail = json.dumps({"summary": summary}, indent=2).partition("{\n")[2]
        self.out.write(tail + "\n")


def _indented(value: Any, depth: int) -> str:
    """``json.dumps(value, indent=2)`` for plain dictionaries, lists and values, every line but
    the first indented ``depth`` levels more: the same text, each value encoded by the json
    module's C encoder (given an indent, the json module encodes it all in Python)."""
    if isinstance(value, dict | list | tuple) and value:
        inner = "\n" + "  " * (depth + 1)
        if isinstance(value, dict):
            opening, closing = "{", "}"
            items = [
                f"{_encoded(key)}: {_indented(item, depth + 1)}" for key, item in value.items()
            ]
        else:
            opening, closing = "[", "]"
            items = [_indented(item, depth + 1) for item in value]
        return opening + inner + ("," + inner).join(items) + "\n" + "  " * depth + closing
    if isinstance(value, dict):
        return "{}"
    return "[]" if isinstance(value, list | tuple) else _encoded(value)


_encoded = json.JSONEncoder().encode


def _cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        _check_named(args.paths)
        return _show(args, out, err)
    except _UnreadableError as exc:
        out.flush()
        err.write(f"dsm-messages show: {exc}\n")
        return 2


def _show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = 0
    shown: list[dict[str, Any]] = []
    for item in _inputs(args.paths, sys.stdin.buffer):
        path, data = item.path, _read(item)
        try:
            entry = describe(path, data)
        except ShowError as exc:
            status = max(status, 2 if exc.internal else 1)
            code = f"{exc.code}: " if exc.code else ""
            err.write(f"{path}: {code}{' '.join(exc.message.split())}\n")
            shown.append({"path": path, "error": {"code": exc.code, "message": exc.message}})
            continue
        shown.append(entry)
        if args.format == "text":
            out.write(
                f"{path}: {entry['message']} ({entry['protocol']} {entry['operation']} "
                f"{entry['kind']})\n"
            )
            if entry["action"]:
                out.write(f"  action: {entry['action']}\n")
            for field in entry["fields"]:
                out.write(f"  {field['name']}={field['value']}\n")
    if args.format == "json":
        json.dump({"files": shown}, out, indent=2)
        out.write("\n")
    return status


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        _check_named(args.paths)
    except _UnreadableError as exc:
        err.write(f"dsm-messages validate: {exc}\n")
        return 2
    output = (_JsonOutput if args.format == "json" else _TextOutput)(out, args.profile)
    # a known handful of inputs is not worth a process each
    named_files = all(name != _STDIN and not Path(name).is_dir() for name in args.paths)
    jobs = args.jobs or _default_jobs()
    if named_files:
        jobs = min(jobs, len(args.paths))
    verdicts = _in_order(_inputs(args.paths, sys.stdin.buffer), args.profile, jobs)
    try:
        with closing(verdicts):  # stopped early, it stops its workers at once
            for path, verdict in verdicts:
                if isinstance(verdict, _Unreadable):
                    raise _UnreadableError(verdict.reason)
                output.add(path, verdict)
                out.flush()
    except _UnreadableError as exc:
        out.flush()
        err.write(f"dsm-messages validate: {exc}\n")
        return 2
    output.finish()
    return 1 if output.tally.invalid else 0


def _http_head(path: str) -> HttpHead | None:
    """The HTTP head the sidecar beside ``path`` holds (see :mod:`dsm_messages.transcripts`),
    if it has one; ``_UnreadableError`` when it cannot be read or is no head."""
    from .transcripts import HttpHead, sidecar_of

    if path == _STDIN:
        return None
    sidecar = sidecar_of(Path(path))
    try:
        if not sidecar.is_file():
            return None
        return HttpHead.parse(sidecar.read_bytes().decode("latin-1"))
    except OSError as exc:
        raise _cannot_read(sidecar, exc) from None
    except ValueError as exc:
        raise _UnreadableError(f"{sidecar}: not an HTTP head: {exc}") from None


def _read_message_file(item: _Input, profile: Profile) -> Recorded:
    """One command-line input as a transcript entry (see
    :func:`~dsm_messages.transcripts.read_recorded`), with the HTTP head its sidecar holds; a
    stored MTOM package is read from disk in chunks (its image is checked as it passes and
    dropped, never held)."""
    from .transcripts import Recorded, read_recorded

    http = _http_head(item.path)
    if item.data is None:
        try:
            checked = check_stored_package(item.path, profile=profile)
        except OSError as exc:
            raise _cannot_read(item.path, exc) from None
        if checked is not None and checked.tree is not None:
            from .envelope import read_envelope

            try:  # bound from the tree the checks read, its image taken out
                envelope = read_envelope(checked.tree)
            except DsmError as exc:  # valid, yet not a message
                if not checked.report.valid:
                    return Recorded(message=checked.report, http=http)
                problem = RULES[DsmRule.BODY_UNKNOWN].problem(profile, str(exc))
                return Recorded(message=Report(profile=profile, problems=(problem,)), http=http)
            if not checked.report.valid:  # what could be read pairs it with its fault
                return Recorded(message=checked.report, headers=envelope, http=http)
            return Recorded(message=envelope, http=http)
        if checked is not None:
            return Recorded(message=checked.report, http=http)
    return read_recorded(_read(item), name=item.path, profile=profile, http=http)


def _cmd_check_sequence(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .sequence import check_sequence

    paths: list[str] = []

    def messages() -> Iterator[Recorded]:
        """Each input in turn, read when its turn comes: one message is held at a time."""
        for item in _inputs(args.paths, sys.stdin.buffer):
            paths.append(item.path)
            yield _read_message_file(item, args.profile)

    try:
        _check_named(args.paths)
        report = check_sequence(messages(), profile=args.profile)
    except _UnreadableError as exc:
        err.write(f"dsm-messages check-sequence: {exc}\n")
        return 2
    unconfirmed = set(report.unconfirmed)

    def where(index: int | None) -> str | None:
        return None if index is None else paths[index]

    if args.format == "json":
        problems = {
            kind: [
                {
                    "index": p.index,
                    "path": where(p.index),
                    "rule": p.rule,
                    "party": p.party,
                    "message": p.message,
                }
                for p in found
            ]
            for kind, found in (("violations", report.violations), ("warnings", report.warnings))
        }
        document = {
            "ok": report.ok,
            "messages": report.messages,
            **problems,
            "jobs": [
                {
                    "protocol": job.protocol,
                    "id": job.job,
                    "state": job.state,
                    "phase": job.phase,
                    "unconfirmed": (job.protocol, job.job) in unconfirmed,
                }
                for job in report.jobs
            ],
        }
        json.dump(document, out, indent=2)
        out.write("\n")
    else:
        for severity, found in (("violation", report.violations), ("warning", report.warnings)):
            for p in found:
                by = f" ({p.party})" if p.party else ""
                out.write(f"{where(p.index)}: [{p.index}] {severity} {p.rule}{by} {p.message}\n")
        for job in report.jobs:
            unsure = " (unconfirmed)" if (job.protocol, job.job) in unconfirmed else ""
            out.write(f"job {job.protocol} {job.job}: {job.state or job.phase}{unsure}\n")
        verdict = "ok" if report.ok else "NOT ok"
        out.write(
            f"{_counted(report.messages, 'message')} checked ({args.profile}): {verdict}; "
            f"{_counted(len(report.violations), 'violation')}, "
            f"{_counted(len(report.warnings), 'warning')}\n"
        )
    return 0 if report.ok else 1


def _add_profile_and_format(command: argparse.ArgumentParser, format_help: str) -> None:
    command.add_argument(
        "--profile",
        choices=PROFILES,
        default="strict",
        help="strict: the specification as written (default); lenient: also accept the "
        "defects of the published examples and what real devices and clients send, reported "
        "as warnings",
    )
    command.add_argument("--format", choices=("text", "json"), default="text", help=format_help)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dsm-messages", description="Read and check Distributed Scan Management messages."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print the type and key fields of each message")
    show.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): one line naming each message, then its action and key fields; "
        'json: one JSON document, {"files": [...]}, an entry per input',
    )
    show.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="message file (.xml envelope or document, .mime MTOM package), directory, or -",
    )
    show.set_defaults(handler=_cmd_show)
    check = commands.add_parser(
        "validate", help="check each message against the schemas and the protocol rules"
    )
    _add_profile_and_format(
        check,
        "text (default): one line per problem, path:line:column: severity rule message, then a "
        'summary; json: one JSON document, {"files": [...], "summary": {...}}',
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="check files in N processes (default: one per core); the output is the same, in "
        "the order of the inputs; 1 checks them in this process",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="message file (.xml envelope or document, .mime MTOM package), directory, or -",
    )
    check.set_defaults(handler=_cmd_validate)
    sequence = commands.add_parser(
        "check-sequence", help="check the order of a conversation, message after message"
    )
    _add_profile_and_format(
        sequence,
        "text (default): one line per problem, path: [index] violation|warning rule message, "
        'then each job and a summary; json: one JSON document, {"ok": ..., "violations": '
        '[...], "warnings": [...], "jobs": [...]}',
    )
    sequence.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="messages in order (.xml, .mime), directories (their files in name order), or -",
    )
    sequence.set_defaults(handler=_cmd_check_sequence)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dsm-messages`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args, sys.stdout, sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`dsm-messages show ... | head`): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # a defect of dsm-messages, not of the input
        # never 1, which a pipeline reads as "violations found"; never a traceback
        sys.stdout.flush()
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        sys.stderr.write(f"dsm-messages {args.command}: internal error: {reason}\n")
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main())
