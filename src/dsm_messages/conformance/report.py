"""What a run found: one :class:`ProbeResult` per probe, gathered in a
:class:`ConformanceReport` that reads as JSON, as text and as an HTML page (:mod:`.html`).

The JSON shape (``ConformanceReport.to_json()``, written by the HTTP driver as
``conformance.json``)::

    {
      "format": "dsm-messages conformance report 1",
      "library": "<dsm-messages version>",
      "target": {"name", "addresses": {protocol: URL}, "profile", "operator": bool},
      "started": "<ISO 8601, UTC>", "seconds": float, "time_limit": float,
      "summary": {"passed": int, "failed": int, "not_applicable": int},
      "results": [{
        "probe": {"id", "protocol", "summary", "rule", "rules", "source", "needs",
                  "generated"},
        "verdict": "passed" | "failed" | "not_applicable",
        "reason": str,              # why it failed, why it does not apply, or a note
        "seconds": float,
        "findings": [finding],      # breaches of the rules the probe checks
        "observations": [finding],  # breaches of other rules seen on the way
        "exchanges": [{"direction": "sent" | "answer" | "event", "summary", "status",
                       "content_type", "phase": "probe" | "cleanup", "bytes", "text"}]
      }],
      "observations": [finding],    # in events that came after their probe ended
      "late": [exchange],           # those events (a finding's "exchange" indexes them)
      "cleanup": [exchange]         # the run's own cleanup (unsubscribing)
    }

where a finding is ``{"rule", "severity", "message", "expected", "got", "exchange"}``
(``exchange``: the index, in its result's exchanges, of the message that shows it). A
message's ``text`` is the message as sent, an MTOM package with each binary part replaced by
a line saying its type and size, cut at 64 KiB.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs
from lxml import etree

from ..errors import DsmError
from ..safexml import parse_xml
from .model import Exchange, Finding, Probe, Target, Verdict, rule_row, source_text

__all__ = ["FORMAT", "ConformanceReport", "ProbeResult", "shown"]

FORMAT = "dsm-messages conformance report 1"
_SHOWN_BYTES = 64 << 10
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
_VERDICT_WORD = {"passed": "PASS", "failed": "FAIL", "not_applicable": "N/A "}
PROTOCOL_NAMES = {"dsp": "WS-DSP", "dsc": "WS-DSC", "dsd": "WS-DSD", "wscn": "WS-Scan"}


@attrs.frozen(kw_only=True)
class ProbeResult:
    """What one probe found: its ``verdict``; ``reason`` (why it failed, why it does not
    apply, or a note on a pass); ``findings``, the breaches of the rules it checks;
    ``observations``, breaches of other rules seen on the way; every message exchanged.

    :param probe: the probe.
    :param verdict: ``"passed"``, ``"failed"`` or ``"not_applicable"``.
    :param reason: why it failed or does not apply, or a note on a pass.
    :param findings: the breaches of the rules it checks.
    :param observations: the breaches of other rules seen on the way.
    :param exchanges: every message exchanged, in order.
    :param seconds: how long it took.
    """

    probe: Probe
    verdict: Verdict
    reason: str
    findings: tuple[Finding, ...] = ()
    observations: tuple[Finding, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The result as the report's JSON shows it."""
        return {
            "probe": self.probe.to_json(),
            "verdict": self.verdict,
            "reason": self.reason,
            "seconds": self.seconds,
            "findings": [finding.to_json() for finding in self.findings],
            "observations": [finding.to_json() for finding in self.observations],
            "exchanges": [exchange.to_json(shown(exchange)) for exchange in self.exchanges],
        }


@attrs.frozen(kw_only=True)
class ConformanceReport:
    """The results of one run against ``target``, in the order the probes ran.

    ``observations`` and ``late`` are what arrived after the probe it concerned had ended (an
    event for its job); ``cleanup`` is what the run sent to end its subscriptions.

    :param target: the target probed.
    :param results: each probe's result, in the order they ran.
    :param observations: breaches seen after the probe they concern had ended.
    :param late: the messages that arrived after the probe they concern had ended.
    :param cleanup: what the run sent to end its subscriptions.
    :param started: when the run started.
    :param seconds: how long it took.
    :param time_limit: the seconds each probe was given.
    """

    target: Target
    results: tuple[ProbeResult, ...]
    observations: tuple[Finding, ...] = ()
    late: tuple[Exchange, ...] = ()
    cleanup: tuple[Exchange, ...] = ()
    started: datetime
    seconds: float = 0.0
    time_limit: float = 0.0

    # -- reading it ------------------------------------------------------------------------
    def with_verdict(self, verdict: Verdict) -> tuple[ProbeResult, ...]:
        """The results with ``verdict``, in the order they ran.

        :param verdict: ``"passed"``, ``"failed"`` or ``"not_applicable"``.
        """
        return tuple(result for result in self.results if result.verdict == verdict)

    @property
    def passed(self) -> tuple[ProbeResult, ...]:
        """The probes that passed."""
        return self.with_verdict("passed")

    @property
    def failed(self) -> tuple[ProbeResult, ...]:
        """The probes that failed."""
        return self.with_verdict("failed")

    @property
    def not_applicable(self) -> tuple[ProbeResult, ...]:
        """The probes that did not apply to the target."""
        return self.with_verdict("not_applicable")

    @property
    def ok(self) -> bool:
        """No probe failed."""
        return not self.failed

    def result(self, probe_id: str) -> ProbeResult:
        """The result of the probe ``probe_id`` (``KeyError`` if it did not run).

        :param probe_id: the probe's id (``dsp.DSP-10``).
        :raises KeyError: when that probe did not run.
        """
        for result in self.results:
            if result.probe.id == probe_id:
                return result
        raise KeyError(probe_id)

    def by_protocol(self) -> dict[str, tuple[ProbeResult, ...]]:
        """The results per protocol, in the kit's protocol order."""
        out: dict[str, list[ProbeResult]] = {}
        for result in self.results:
            out.setdefault(result.probe.protocol, []).append(result)
        return {protocol: tuple(results) for protocol, results in out.items()}

    def by_rule(self, results: tuple[ProbeResult, ...]) -> dict[str, tuple[ProbeResult, ...]]:
        """``results`` grouped by their probe's subject rule, failures' rules first.

        :param results: some of the report's results (one protocol's, say).
        """
        out: dict[str, list[ProbeResult]] = {}
        for result in results:
            out.setdefault(str(result.probe.rule), []).append(result)
        order = sorted(out, key=lambda rule: not any(r.verdict == "failed" for r in out[rule]))
        return {rule: tuple(out[rule]) for rule in order}

    def summary(self) -> dict[str, int]:
        """How many probes ended with each verdict."""
        return {verdict: len(self.with_verdict(verdict)) for verdict in _VERDICT_WORD}  # type: ignore[arg-type]

    # -- writing it --------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The report as plain values (``json.dumps`` takes it as it is); the module's
        docstring documents the shape."""
        from .. import __version__

        return {
            "format": FORMAT,
            "library": __version__,
            "target": self.target.to_json(),
            "started": self.started.isoformat(),
            "seconds": self.seconds,
            "time_limit": self.time_limit,
            "summary": self.summary(),
            "results": [result.to_json() for result in self.results],
            "observations": [finding.to_json() for finding in self.observations],
            "late": [exchange.to_json(shown(exchange)) for exchange in self.late],
            "cleanup": [exchange.to_json(shown(exchange)) for exchange in self.cleanup],
        }

    def to_text(self, *, messages: bool = False) -> str:
        """The report for a terminal: a summary line, then per protocol and per rule each
        probe's verdict, with what failed and why (and the messages exchanged, if
        ``messages``).

        :param messages: whether each probe's messages are shown too.
        """
        lines = list(self._text(messages=messages))
        return "\n".join(lines) + "\n"

    def _text(self, *, messages: bool) -> Iterator[str]:
        counts = self.summary()
        yield (
            f"{self.target.name}: {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['not_applicable']} not applicable ({self.seconds:.1f} s)"
        )
        for protocol, results in self.by_protocol().items():
            address = self.target.addresses.get(protocol, "")
            name = PROTOCOL_NAMES.get(protocol, protocol)
            yield ""
            yield f"{name} ({self.target.side(protocol)} at {address})"
            conversations = tuple(r for r in results if r.probe.kind == "conversation")
            if conversations:
                yield "  Conversations: what the target sends, against every rule its side keeps"
                for result in conversations:
                    yield from _result_lines(result, messages=messages)
            refusals = tuple(r for r in results if r.probe.kind == "refusal")
            for rule, group in self.by_rule(refusals).items():
                row = rule_row(rule)
                yield f"  {rule}: {row.summary} [{source_text(row.source)}]"
                for result in group:
                    yield from _result_lines(result, messages=messages)
        observed = [f for r in self.results for f in r.observations if f.severity == "error"]
        observed += [f for f in self.observations if f.severity == "error"]
        if observed:
            yield ""
            yield "Observed on the way (rules no failing probe above was about):"
            for rule in sorted({str(f.rule) for f in observed}):
                count = sum(1 for f in observed if f.rule == rule)
                first = next(f for f in observed if f.rule == rule)
                yield f"  {rule} x{count}: {first.message}"


def _result_lines(result: ProbeResult, *, messages: bool) -> Iterator[str]:
    word = _VERDICT_WORD[result.verdict]
    yield f"    {word} {result.probe.id}: {result.probe.summary}"
    if result.verdict == "not_applicable" or (result.verdict == "failed" and not result.findings):
        yield f"         {result.reason}"
    for finding in result.findings:
        yield from _finding_lines(finding, "         ")
    if messages and result.verdict == "failed":
        for exchange in result.exchanges:
            yield f"         -- {exchange.direction}: {exchange.summary}"
            for line in shown(exchange, pretty=True).splitlines():
                yield f"            {line}"


def _finding_lines(finding: Finding, indent: str) -> Iterator[str]:
    text = f"{finding.rule}: {finding.message}"
    if finding.expected is not None or finding.got is not None:
        text += f" (expected {finding.expected or '-'}; got {finding.got or '-'})"
    yield indent + text


def shown(exchange: Exchange, *, pretty: bool = False) -> str:
    """A message as a person reads it: the XML as sent (``pretty``: indented, where it is
    well-formed); an MTOM package's binary parts replaced by a line naming their type and
    size; cut at 64 KiB."""
    data = exchange.data
    match = _BOUNDARY.search(exchange.content_type)
    if exchange.content_type.lower().lstrip().startswith("multipart/") and match:
        text = _package(data, match.group(1).encode("latin-1", "replace"), pretty)
    else:
        text = _xml(data[:_SHOWN_BYTES], pretty)
        if len(data) > _SHOWN_BYTES:
            text += f"\n[... {len(data) - _SHOWN_BYTES} more bytes]"
    return text


def _xml(data: bytes, pretty: bool) -> str:
    if pretty:
        try:
            root = parse_xml(data)
        except DsmError:
            pass
        else:
            etree.indent(root, space="  ")
            return etree.tostring(root, encoding="unicode")
    return data.decode("utf-8", "replace")


def _package(data: bytes, boundary: bytes, pretty: bool) -> str:
    delimiter = b"--" + boundary
    pieces = data.split(delimiter)
    out = [pieces[0].decode("utf-8", "replace")] if pieces[0].strip() else []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            out.append((delimiter + piece).decode("utf-8", "replace").rstrip())
            continue
        head, separator, body = piece.partition(b"\r\n\r\n")
        if not separator:
            head, separator, body = piece.partition(b"\n\n")
        header_text = head.decode("utf-8", "replace")
        kind = re.search(r"content-type:\s*([^;\r\n]+)", header_text, re.IGNORECASE)
        part_type = kind.group(1).strip().lower() if kind else ""
        out.append(delimiter.decode("latin-1") + header_text + separator.decode())
        if "xml" in part_type and body.strip():
            ending = "\r\n" if body.endswith(b"\r\n") else ""
            out.append(_xml(body[:_SHOWN_BYTES], pretty) + ending)
        elif not body.strip():
            out.append(body.decode("utf-8", "replace"))
        else:
            size = len(body.rstrip(b"\r\n"))
            out.append(f"[{size} bytes of {part_type or 'binary data'}]\n")
    return "".join(out)
