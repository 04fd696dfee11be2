"""The ``dsm-messages`` command.

``dsm-messages validate [--profile strict|lenient] [--format text|json] PATH...`` checks each
message (a SOAP envelope or bare DSM document in an ``.xml`` file, an MTOM package with its MIME
headers in a ``.mime`` file, every ``*.xml`` and ``*.mime`` below a directory in name order, or
``-`` for standard input). Text output is one line per problem,
``path:line:column: severity code message`` (0 when the line or column is unknown), then a
summary line; ``--format json`` prints one JSON object: ``files`` (each a path and its
report, see :meth:`dsm_messages.Report.to_json`) and a ``summary``. Exit status: 0 when every
message is valid (warnings allowed), 1 when at least one is not, 2 for a usage error, a path
that cannot be read, or an internal error (one line on standard error).

``dsm-messages check-sequence [--profile strict|lenient] [--format text|json] PATH...`` replays
the messages in the order given (a directory stands for its ``*.xml`` and ``*.mime`` files in
name order) and reports every broken ordering rule with the message's 0-based index; a message
that fails validation is a violation. Exit status: 0 when there is no violation (warnings
allowed), 1 when there is one, 2 for a usage error, a path that cannot be read, or an internal
error.

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
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from lxml import etree

from . import __version__
from .binding import from_xml
from .envelope import Envelope
from .errors import DsmError, ValidationError
from .messages import by_qname
from .mtom import MtomError
from .namespaces import SOAP, WSA, prefixed
from .parsing import parse
from .report import Report
from .rules import PROFILES, RULES, DsmRule, Profile
from .safexml import clark_name, parse_xml
from .sequence import check_sequence
from .validator import check, split_stored, validate_stored

_MAX_FIELDS = 8


_STDIN = "-"


class _UnreadableError(Exception):
    pass


def _refuse(exc: OSError) -> None:
    raise _UnreadableError(f"{exc.filename}: cannot read: {exc.strerror or exc}")


def _expand(paths: Sequence[str], patterns: tuple[str, ...] = ("*.xml",)) -> Iterator[Path]:
    """Every file the paths name, directories expanded in name order; raises
    ``_UnreadableError`` for a path, or a directory below one, that cannot be read."""
    for name in paths:
        path = Path(name)
        if name == _STDIN:
            yield path
            continue
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            raise _UnreadableError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if not is_dir:
            yield path
            continue

        found: list[Path] = []
        for folder, _, files in os.walk(path, onerror=_refuse):
            found.extend(
                Path(folder) / file
                for file in files
                if any(fnmatch.fnmatch(file, pattern) for pattern in patterns)
            )
        yield from sorted(found)


def read_inputs(paths: Sequence[str], stdin: BinaryIO) -> list[tuple[str, bytes]]:
    """Every message named on the command line, in order, as (display path, bytes); raises
    ``_UnreadableError`` naming the first path that cannot be read."""
    inputs: list[tuple[str, bytes]] = []
    for path in _expand(paths, ("*.xml", "*.mime")):
        if str(path) == _STDIN:
            inputs.append((_STDIN, stdin.read()))
            continue
        try:
            inputs.append((str(path), path.read_bytes()))
        except OSError as exc:
            raise _UnreadableError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return inputs


def validate_input(path: str, data: bytes, profile: Profile) -> Report:
    """Validate one command-line input (see :func:`dsm_messages.validator.validate_stored`)."""
    return validate_stored(data, name=path, profile=profile)


class _ShowError(Exception):
    """Why one input cannot be shown: a rule code (or None) and a one-line message."""

    def __init__(self, code: str | None, message: str, *, internal: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.internal = internal


def _body_and_action(root: etree._Element) -> tuple[etree._Element, str | None]:
    if root.tag != f"{{{SOAP}}}Envelope":
        return root, None
    action = root.findtext(f"{{{SOAP}}}Header/{{{WSA}}}Action")
    body = root.find(f"{{{SOAP}}}Body")
    children = [] if body is None else [c for c in body if isinstance(c.tag, str)]
    if not children:
        raise _ShowError(DsmRule.SOAP_STRUCTURE, "the SOAP Body holds no element")
    return children[0], action.strip() if action else None


def _key_fields(body: etree._Element) -> list[tuple[str, str]]:
    fields = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element is body or len(element):
            continue
        text = " ".join((element.text or "").split())
        if text:
            local = etree.QName(element).localname
            fields.append((local, text if len(text) <= 60 else text[:57] + "..."))
        if len(fields) == _MAX_FIELDS:
            break
    return fields


def _describe(path: str, data: bytes) -> dict[str, Any]:
    """What ``show`` says of one input: its body, action and key fields, read as the lenient
    profile reads it; raises ``_ShowError`` when it is not a DSM message or document."""
    split = split_stored(data, name=path)
    if isinstance(split, MtomError):
        raise _ShowError(split.code, str(split))
    content_type, body = split
    report, checked = check(body, profile="lenient", content_type=content_type)
    if not report.valid or checked is None:
        first = report.errors[0]
        where = f" (line {first.line})" if first.line is not None else ""
        raise _ShowError(first.rule, first.message + where)
    element, action = _body_and_action(parse_xml(checked))
    name = prefixed(clark_name(element))
    spec = by_qname(clark_name(element))
    if spec is None:
        raise _ShowError(DsmRule.BODY_UNKNOWN, f"{name} is not a DSM message body or document")
    try:
        from_xml(element, spec.model)  # proves the body binds to its model
    except DsmError:
        # the validator accepted what binding refuses: a defect of dsm-messages
        raise _ShowError(
            None, f"{name} is valid but dsm-messages cannot bind it", internal=True
        ) from None
    return {
        "path": path,
        "message": name,
        "protocol": spec.protocol.upper(),
        "operation": spec.operation,
        "kind": spec.kind,
        "action": action,
        "fields": [{"name": local, "value": value} for local, value in _key_fields(element)],
    }


def _cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        inputs = read_inputs(args.paths, sys.stdin.buffer)
    except _UnreadableError as exc:
        err.write(f"dsm-messages show: {exc}\n")
        return 2
    status = 0
    shown: list[dict[str, Any]] = []
    for path, data in inputs:
        try:
            entry = _describe(path, data)
        except _ShowError as exc:
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
        inputs = read_inputs(args.paths, sys.stdin.buffer)
    except _UnreadableError as exc:
        err.write(f"dsm-messages validate: {exc}\n")
        return 2
    reports = [(path, validate_input(path, data, args.profile)) for path, data in inputs]
    invalid = sum(not report.valid for _, report in reports)
    errors = sum(len(report.errors) for _, report in reports)
    warnings = sum(len(report.warnings) for _, report in reports)
    if args.format == "json":
        summary = {
            "profile": args.profile,
            "files": len(reports),
            "valid": len(reports) - invalid,
            "invalid": invalid,
            "errors": errors,
            "warnings": warnings,
        }
        files = [{"path": path, **report.to_json()} for path, report in reports]
        json.dump({"files": files, "summary": summary}, out, indent=2)
        out.write("\n")
    else:
        for path, report in reports:
            for p in report.problems:
                out.write(
                    f"{path}:{p.line or 0}:{p.column or 0}: {p.severity} {p.rule} {p.message}\n"
                )
        out.write(
            f"{len(reports)} files checked ({args.profile}): {len(reports) - invalid} valid, "
            f"{invalid} invalid; {errors} errors, {warnings} warnings\n"
        )
    return 1 if any(not report.valid for _, report in reports) else 0


def read_message(path: str, data: bytes, profile: Profile) -> Envelope | Report:
    """One command-line input as an envelope, or the report that says why it is not one."""
    split = split_stored(data, name=path)
    if isinstance(split, MtomError):
        return validate_stored(data, name=path, profile=profile)
    content_type, body = split
    try:  # validates once, and in lenient reads the message as the validator did
        return parse(body, content_type=content_type, validate=True, profile=profile)
    except ValidationError as exc:
        return exc.report
    except DsmError as exc:  # valid, yet not a message (a bare document, say)
        problem = RULES[DsmRule.BODY_UNKNOWN].problem(profile, str(exc))
        return Report(profile=profile, problems=(problem,))


def _cmd_check_sequence(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        inputs = read_inputs(args.paths, sys.stdin.buffer)
    except _UnreadableError as exc:
        err.write(f"dsm-messages check-sequence: {exc}\n")
        return 2
    messages = [read_message(path, data, args.profile) for path, data in inputs]
    report = check_sequence(messages, profile=args.profile)
    paths = [path for path, _ in inputs]

    def where(index: int | None) -> str | None:
        return None if index is None else paths[index]

    if args.format == "json":
        problems = {
            kind: [
                {"index": p.index, "path": where(p.index), "rule": p.rule, "message": p.message}
                for p in found
            ]
            for kind, found in (("violations", report.violations), ("warnings", report.warnings))
        }
        document = {
            "ok": report.ok,
            "messages": report.messages,
            **problems,
            "jobs": [
                {"protocol": job.protocol, "id": job.job, "state": job.state, "phase": job.phase}
                for job in report.jobs
            ],
        }
        json.dump(document, out, indent=2)
        out.write("\n")
    else:
        for severity, found in (("violation", report.violations), ("warning", report.warnings)):
            for p in found:
                out.write(f"{where(p.index)}: [{p.index}] {severity} {p.rule} {p.message}\n")
        for job in report.jobs:
            out.write(f"job {job.protocol} {job.job}: {job.state or job.phase}\n")
        verdict = "ok" if report.ok else "NOT ok"
        out.write(
            f"{report.messages} messages checked ({args.profile}): {verdict}; "
            f"{len(report.violations)} violations, {len(report.warnings)} warnings\n"
        )
    return 0 if report.ok else 1


def _add_profile_and_format(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--profile",
        choices=PROFILES,
        default="strict",
        help="strict: the specification as written (default); lenient: also accept the "
        "defects of the published examples, reported as warnings",
    )
    command.add_argument("--format", choices=("text", "json"), default="text")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dsm-messages", description="Read and check Distributed Scan Management messages."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print the type and key fields of each message")
    show.add_argument("--format", choices=("text", "json"), default="text")
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
    _add_profile_and_format(check)
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
    _add_profile_and_format(sequence)
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
