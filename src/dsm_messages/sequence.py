"""Replay a transcript as an observer and report every broken ordering rule.

>>> from pathlib import Path
>>> from dsm_messages import parse
>>> from dsm_messages.mtom import split_message
>>> def read(path):
...     if path.suffix == ".mime":
...         content_type, body = split_message(path.read_bytes())
...         return parse(body, content_type=content_type)
...     return parse(path.read_bytes())
>>> job = sorted(Path("examples/conversations/dsp-job-two-images").iterdir())
>>> report = check_sequence(read(path) for path in job)
>>> report.ok, report.messages, [(job.job, job.state, job.phase) for job in report.jobs]
(True, 13, [('6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8', 'Completed', 'finished')])
>>> swapped = job[:9] + [job[10], job[9]] + job[11:]  # EndPostScanJob answered before asked
>>> [(p.index, p.rule) for p in check_sequence(read(path) for path in swapped).violations]
[(9, 'DSP-18'), (12, 'DSP-25')]
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .envelope import Envelope
from .errors import ProtocolError
from .ordering_rules import ORDERING_RULES, DsmRule
from .report import Problem, Report
from .rules import Profile
from .session import DEFAULT_WINDOW, JobSummary, Session


@attrs.frozen(kw_only=True)
class SequenceReport:
    """``ok`` is true when no violation was found (warnings allowed). Problems carry the
    0-based index of the message they are about; a violation is a problem whose severity is
    ``error``."""

    messages: int
    violations: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: Every job open at the end or finished within the session's window (all of them in a
    #: transcript shorter than the window), with its last reported state and its phase.
    jobs: tuple[JobSummary, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.violations


def check_sequence(
    messages: Iterable[Envelope | Report],
    *,
    profile: Profile = "strict",
    window: int | None = DEFAULT_WINDOW,
) -> SequenceReport:
    """Check the ordering of a transcript, message after message, as an observer.

    A violation does not stop the replay: the offending message is skipped (it changed
    nothing) and the rest is checked. A :class:`~dsm_messages.report.Report` in place of an
    envelope stands for a message that failed validation; it is a violation and is skipped.
    ``window`` is the observer's (see :class:`~dsm_messages.session.Session`): memory stays
    flat over a transcript of any length; ``None`` remembers every job to report it.
    """
    observer = Session("observer", profile=profile, window=window)
    invalid = ORDERING_RULES[DsmRule.INVALID]
    violations: list[Problem] = []
    count = 0
    for index, message in enumerate(messages):
        count += 1
        if isinstance(message, Report):
            codes = ", ".join(sorted({problem.rule for problem in message.errors}))
            found = f"the message fails validation: {codes}"
            violations.append(invalid.problem(profile, found, index=index))
            continue
        try:
            observer.observe(message, index=index)
        except ProtocolError as error:
            row = ORDERING_RULES[error.rule]
            violations.append(row.problem(profile, error.reason, index=index))
        except ValueError as error:
            violations.append(invalid.problem(profile, str(error), index=index))
    warnings = list(observer.warnings)
    violations.extend(observer.deferred)
    for problem in observer.finish():
        (violations if problem.severity == "error" else warnings).append(problem)
    return SequenceReport(
        messages=count,
        violations=tuple(sorted(violations, key=_order)),
        warnings=tuple(sorted(warnings, key=_order)),
        jobs=tuple(observer.jobs()),
    )


def _order(problem: Problem) -> tuple[int, str]:
    return (-1 if problem.index is None else problem.index, problem.rule)
