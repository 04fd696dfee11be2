"""A protocol monitor: follows a capture of DSM traffic message after message and reports each
broken rule as soon as the message that breaks it goes by."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dsm_snippets import split_stored_package

from dsm_messages import ProtocolError, Session, parse, parse_package, validate
from dsm_messages.envelope import salvage_headers
from dsm_messages.rules import Profile


class Monitor:
    """One capture (both directions of one or more conversations), seen from the outside."""

    def __init__(self, report: Callable[[str], None] = print, profile: Profile = "strict"):
        self.session = Session("observer", profile=profile)
        self.report = report
        self.profile: Profile = profile
        self.count = 0
        self._warnings_seen = 0

    def feed(self, data: bytes, content_type: str | None = None) -> None:
        """One message as it went by: an envelope, or an MTOM package with its Content-Type."""
        index = self.count
        self.count += 1
        checked = validate(data, profile=self.profile, content_type=content_type)
        if not checked.valid:
            codes = sorted({problem.rule for problem in checked.errors})
            self.report(f"message {index}: invalid ({', '.join(codes)})")
            try:  # still part of the conversation: the fault refusing it relates to it
                headers = salvage_headers(data, content_type)
                self.session.observe_invalid(checked, headers, index=index)
            except ProtocolError as error:
                if error.rule != "DSM-INVALID":  # (that one is the line above)
                    self.report(f"message {index}: {error.rule} (violation)")
            return
        if content_type is None:
            envelope = parse(data)
        else:
            envelope = parse_package(data, content_type).envelope
        try:
            self.session.observe(envelope, index=index)
        except ProtocolError as error:  # a MUST broken: the message changed nothing
            self.report(f"message {index}: {error.rule} (violation)")
        for problem in self.session.warnings[self._warnings_seen :]:
            self.report(f"message {problem.index}: {problem.rule} (warning)")
        self._warnings_seen = len(self.session.warnings)

    def close(self) -> None:
        """The capture ended: report what is still open (unanswered requests...)."""
        for problem in self.session.finish():
            self.report(f"message {problem.index}: {problem.rule} ({problem.severity})")


def watch(files: list[Path], report: Callable[[str], None] = print) -> Monitor:
    """Feed stored messages (``.xml`` envelopes, ``.mime`` packages) in the order given."""
    monitor = Monitor(report)
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".mime":
            content_type, body = split_stored_package(data)
            monitor.feed(body, content_type)
        else:
            monitor.feed(data)
    monitor.close()
    return monitor
