"""Run the dsm-messages conformance kit against a live implementation over HTTP.

Usage::

    python examples/http/conformance.py --server URL [--dsc URL]
    python examples/http/conformance.py --device URL
    python examples/http/conformance.py --ws-scan-device URL [--operator]

``--server`` is a scan server's WS-DSP address, ``--dsc`` its WS-DSC one; ``--device`` a
scan device's WS-DSD address; ``--ws-scan-device`` a WS-Scan device's scan service. The kit
listens for the target's events on ``--listen`` (127.0.0.1, a free port, by default: give an
address the target can reach when it is on another machine). It writes ``conformance.html``
and ``conformance.json`` to ``--out`` and prints the results; the exit status is 0 when no
probe failed. ``--create-request FILE`` gives the CreatePostScanJob the kit sends a scan server
(one of a scan process it knows; by default the kit's own, to a file share).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from dsm_messages import parse
from dsm_messages.conformance import ConformanceReport, Listener, Target, Transport, run, to_html
from dsm_messages.models import dsp


def http_transport(timeout: float) -> Transport:
    """POST each message with ``urllib``; a fault's 4xx or 5xx answer is an answer too."""

    def send(data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        request = urllib.request.Request(
            address, data=data, headers={"Content-Type": content_type}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return answer.status, answer.headers.get("Content-Type", ""), answer.read()
        except urllib.error.HTTPError as fault:
            return fault.code, fault.headers.get("Content-Type", ""), fault.read()

    return send


class EventServer:
    """The kit's :class:`Listener` served over HTTP at ``http://HOST:PORT/events``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, public: str | None = None) -> None:
        self._http = ThreadingHTTPServer((host, port), _handler(self))
        self._http.daemon_threads = True
        bound_host, bound_port = self._http.server_address[:2]
        self.listener = Listener(public or f"http://{bound_host!s}:{bound_port}/events")
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    def __enter__(self) -> EventServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._http.shutdown()
        self._http.server_close()


def _handler(server: EventServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            content_type = self.headers.get("Content-Type", "")
            status, answer_type, answer = server.listener.deliver(data, content_type)
            self.send_response(status)
            if answer:
                self.send_header("Content-Type", answer_type)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the report is the log

    return Handler


def probe(
    target: Target,
    *,
    time_limit: float = 30.0,
    selection: Sequence[str] = (),
    listen: tuple[str, int] = ("127.0.0.1", 0),
    events_url: str | None = None,
) -> ConformanceReport:
    """Run the kit against ``target`` over HTTP, with an event listener on ``listen``."""
    with EventServer(*listen, public=events_url) as events:
        return run(
            target,
            http_transport(time_limit),
            listener=events.listener,
            selection=selection,
            time_limit=time_limit,
        )


def write(report: ConformanceReport, out: Path) -> tuple[Path, Path]:
    """Write ``conformance.html`` and ``conformance.json`` to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    page, data = out / "conformance.html", out / "conformance.json"
    page.write_text(to_html(report), encoding="utf-8")
    data.write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
    return page, data


def _operator(destination: str) -> None:
    print(
        f"conformance: at the device, choose the scan destination {destination!r} and press "
        "Scan (the probe waits for the announcement)",
        file=sys.stderr,
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", metavar="URL", help="a scan server's WS-DSP address")
    parser.add_argument("--dsc", metavar="URL", help="a scan server's WS-DSC address")
    parser.add_argument("--device", metavar="URL", help="a scan device's WS-DSD address")
    parser.add_argument("--ws-scan-device", metavar="URL", help="a WS-Scan device's scan service")
    parser.add_argument(
        "--operator",
        action="store_true",
        help="someone is at the WS-Scan device to press Scan (push-scan probes)",
    )
    parser.add_argument(
        "--create-request",
        type=Path,
        metavar="FILE",
        help="a CreatePostScanJob request (a scan process the server knows) for the kit to send",
    )
    parser.add_argument("--name", help="the target's name in the report")
    parser.add_argument("--profile", choices=("strict", "lenient"), default="strict")
    parser.add_argument("--time-limit", type=float, default=30.0, metavar="SECONDS")
    parser.add_argument("--select", action="append", default=[], metavar="PATTERN")
    parser.add_argument("--listen", default="127.0.0.1:0", metavar="HOST:PORT")
    parser.add_argument("--events-url", metavar="URL", help="the listener as the target sees it")
    parser.add_argument("--out", type=Path, default=Path("."), help="where the reports go")
    args = parser.parse_args(argv)
    addresses = {}
    if args.server:
        addresses["dsp"] = args.server
    if args.dsc:
        addresses["dsc"] = args.dsc
    if args.device:
        addresses["dsd"] = args.device
    if args.ws_scan_device:
        addresses["wscn"] = args.ws_scan_device
    if not addresses:
        parser.error("give at least one of --server, --dsc, --device, --ws-scan-device")
    host, _, port = args.listen.rpartition(":")
    create: dsp.CreatePostScanJobRequest | None = None
    if args.create_request is not None:
        body = parse(args.create_request.read_bytes(), validate=True).body
        if not isinstance(body, dsp.CreatePostScanJobRequest):
            parser.error(f"{args.create_request} holds no CreatePostScanJob request")
        create = body
    target = Target(
        name=args.name or ", ".join(addresses.values()),
        addresses=addresses,
        profile=args.profile,
        press_scan=_operator if args.operator else None,
        scan_process=create,
    )
    report = probe(
        target,
        time_limit=args.time_limit,
        selection=args.select,
        listen=(host or "127.0.0.1", int(port or 0)),
        events_url=args.events_url,
    )
    page, data = write(report, args.out)
    print(report.to_text(), end="")
    print(f"conformance: wrote {page} and {data}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
