"""What the validator says about one message: a list of problems and the verdict."""

from __future__ import annotations

from typing import Any

import attrs

from .errors import DsmError
from .rules import Profile, Severity


@attrs.frozen(kw_only=True)
class Problem:
    """One breach of one rule, where it happened.

    ``location`` is an XPath-like path with the conventional prefixes
    (``/soap:Envelope/soap:Header/wsa:To``); ``line`` and ``column`` count from 1 and are
    ``None`` when unknown.
    """

    severity: Severity
    code: str
    message: str
    line: int | None = None
    column: int | None = None
    location: str | None = None

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Report:
    """The validator's verdict on one message. ``valid`` is true when no problem is an error
    (warnings allowed). ``message`` is the body element (``dsp:SendImageRequest``) or the root of
    a bare document, when one could be found."""

    profile: Profile
    message: str | None = None
    action: str | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    def codes(self) -> set[str]:
        """Every rule code this report names."""
        return {problem.code for problem in self.problems}

    def to_json(self, *, path: str | None = None) -> dict[str, Any]:
        """The report as ``dsm-messages validate --format json`` prints one file's: ``path``
        (when given), ``valid``, ``message``, ``action`` and ``problems``, each problem with
        ``severity``, ``code``, ``message``, ``line``, ``column`` and ``location``. Plain
        values only (``json.dumps`` takes it as it is); the command prints exactly this.

        >>> Report(profile="strict").to_json()
        {'valid': True, 'message': None, 'action': None, 'problems': []}
        >>> Report(profile="strict").to_json(path="scans/0001.xml")["path"]
        'scans/0001.xml'
        """
        entry: dict[str, Any] = {} if path is None else {"path": path}
        return entry | {
            "valid": self.valid,
            "message": self.message,
            "action": self.action,
            "problems": [problem.to_json() for problem in self.problems],
        }


class ValidationError(DsmError):
    """A message that failed validation; ``report`` says everything that is wrong."""

    def __init__(self, report: Report) -> None:
        first = report.errors[0] if report.errors else None
        summary = f"{first.code}: {first.message}" if first else "invalid"
        more = len(report.errors) - 1
        super().__init__(summary + (f" (and {more} more errors)" if more > 0 else ""))
        self.report = report

    def __reduce__(self) -> tuple[type[ValidationError], tuple[Report]]:
        return type(self), (self.report,)  # rebuilt from its report, not its message
