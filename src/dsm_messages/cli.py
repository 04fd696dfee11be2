"""The ``dsm-messages`` command.

``dsm-messages show PATH...`` reads DSM messages (SOAP envelopes or bare documents such as a
``psp:PostScanProcess``) and prints, for each, the message type and its key fields. A directory
stands for every ``*.xml`` file below it, in name order. Exit status: 0 when every file was
read, 1 when at least one could not be read as a DSM message, 2 for a usage error or a path
that cannot be opened.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from lxml import etree

from . import __version__
from .binding import from_xml
from .errors import DsmError
from .messages import by_qname
from .namespaces import SOAP, WSA, prefixed
from .safexml import clark_name, parse_xml

_MAX_FIELDS = 8


def _expand(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path


def _body_and_action(root: etree._Element) -> tuple[etree._Element, str | None]:
    if root.tag != f"{{{SOAP}}}Envelope":
        return root, None
    action = root.findtext(f"{{{SOAP}}}Header/{{{WSA}}}Action")
    body = root.find(f"{{{SOAP}}}Body")
    children = [] if body is None else [c for c in body if isinstance(c.tag, str)]
    if not children:
        raise DsmError("the SOAP Body holds no element")
    return children[0], action.strip() if action else None


def _key_fields(body: etree._Element) -> list[str]:
    fields = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element is body or len(element):
            continue
        text = " ".join((element.text or "").split())
        if text:
            local = etree.QName(element).localname
            fields.append(f"{local}={text if len(text) <= 60 else text[:57] + '...'}")
        if len(fields) == _MAX_FIELDS:
            break
    return fields


def _show(path: Path, data: bytes, out: TextIO) -> None:
    root = parse_xml(data)
    body, action = _body_and_action(root)
    name = prefixed(clark_name(body))
    spec = by_qname(clark_name(body))
    if spec is None:
        raise DsmError(f"{name} is not a known DSM message body or document")
    from_xml(body, spec.model)  # proves the body binds to its model
    out.write(f"{path}: {name} ({spec.protocol.upper()} {spec.operation} {spec.kind})\n")
    if action:
        out.write(f"  action: {action}\n")
    for field in _key_fields(body):
        out.write(f"  {field}\n")


def _cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = 0
    for path in _expand(args.paths):
        try:
            data = path.read_bytes()
        except OSError as exc:
            err.write(f"{path}: cannot read: {exc.strerror or exc}\n")
            return 2
        try:
            _show(path, data, out)
        except DsmError as exc:
            err.write(f"{path}: {exc}\n")
            status = 1
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dsm-messages", description="Read and check Distributed Scan Management messages."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="print the type and key fields of each message")
    show.add_argument("paths", nargs="+", metavar="PATH", help="message file or directory")
    show.set_defaults(handler=_cmd_show)
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
    return status


if __name__ == "__main__":
    sys.exit(main())
