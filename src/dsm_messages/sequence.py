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
from .transcripts import Recorded, http_problems

__all__ = [
    "SequenceReport",
    "check_sequence",
]


@attrs.frozen(kw_only=True)
class SequenceReport:
    """``ok`` is true when no violation was found (warnings allowed). Problems carry the
    0-based index of the message they are about and, where the conversation tells, the
    ``party`` that broke the rule; a violation is a problem whose severity is ``error``.

    :param messages: how many messages were replayed.
    :param violations: the problems that break a MUST rule (severity ``error``), in message
        order.
    :param warnings: the problems that break a SHOULD rule, in message order.
    :param jobs: every job seen, with its last reported state and its phase.
    :param unconfirmed: ``(protocol, job)`` of each job taken on trust from a request whose
        answer could not be read.
    """

    messages: int
    violations: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: Every job open at the end or finished within the session's window (all of them in a
    #: transcript shorter than the window), with its last reported state and its phase.
    jobs: tuple[JobSummary, ...] = ()
    #: (protocol, job) of the jobs whose existence or end rests on an answer that could not
    #: be read: the request was taken as it said.
    unconfirmed: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether no rule was violated (warnings allowed)."""
        return not self.violations


def check_sequence(
    messages: Iterable[Envelope | Report | Recorded],
    *,
    profile: Profile = "strict",
    window: int | None = DEFAULT_WINDOW,
) -> SequenceReport:
    """Check the ordering of a transcript, message after message, as an observer.

    A violation does not stop the replay: the offending message is skipped (it changed
    nothing) and the rest is checked, except that a broken answer is still taken as the
    answer its receiver gave (see :meth:`~dsm_messages.session.Session.observe`): one broken
    answer is one problem. A :class:`~dsm_messages.report.Report` in place of an envelope
    stands for a message that failed validation; it is a violation, and pairs with the fault
    that answers it when its :class:`~dsm_messages.transcripts.Recorded` entry carries what
    could be read of it. A :class:`~dsm_messages.transcripts.Recorded` entry may carry the
    HTTP head the message travelled with: its HTTP is judged too, and a message that came
    back in an HTTP response is known as the reply it is.

    Each problem names the ``party`` that broke the rule where the conversation tells: the
    sender of the message (a receiver that accepts a request it had to refuse breaks the
    request's rule with its response), or the receiver that never answered a request.
    ``window`` is the observer's (see :class:`~dsm_messages.session.Session`): memory stays
    flat over a transcript of any length; ``None`` remembers every job to report it.

    :param messages: the transcript in wire order: envelopes, reports of messages that failed
        validation, or :class:`~dsm_messages.transcripts.Recorded` entries; read one at a
        time, so a generator keeps one message in memory.
    :param profile: decides the severity of the few rules that differ between profiles, and
        how tolerant the observer is (a placeholder MessageID identifies nothing in lenient).
    :param window: for how many messages what closed stays known (``None``: forever).
    :returns: the verdict, every problem found and every job seen.
    """
    observer = Session("observer", profile=profile, window=window)
    invalid = ORDERING_RULES[DsmRule.INVALID]
    violations: list[Problem] = []
    parties: dict[int, str | None] = {}
    count = 0
    for index, item in enumerate(messages):
        count += 1
        recorded = item if isinstance(item, Recorded) else Recorded(message=item)
        message = recorded.message
        in_reply = None if recorded.http is None else recorded.http.is_response
        seen = message if isinstance(message, Envelope) else recorded.headers
        if seen is None:
            seen = Envelope(action="", body=None)
        party = parties[index] = observer.party(seen, in_reply=bool(in_reply))
        violations.extend(http_problems(recorded, profile=profile, index=index))
        try:
            if isinstance(message, Report):
                observer.observe_invalid(message, recorded.headers, index=index, in_reply=in_reply)
            else:
                observer.observe(message, index=index, in_reply=bool(in_reply))
        except ProtocolError as error:
            row = ORDERING_RULES[error.rule]
            violations.append(row.problem(profile, error.reason, index=index, party=party))
        except ValueError as error:
            violations.append(invalid.problem(profile, str(error), index=index, party=party))
    warnings = list(observer.warnings)
    violations.extend(observer.deferred)
    for problem in observer.finish():
        (violations if problem.severity == "error" else warnings).append(problem)
    warnings.extend(problem for problem in violations if problem.severity == "warning")
    violations = [problem for problem in violations if problem.severity == "error"]
    return SequenceReport(
        messages=count,
        violations=_in_order(violations, parties),
        warnings=_in_order(warnings, parties),
        jobs=tuple(observer.jobs()),
        unconfirmed=tuple(observer.unconfirmed()),
    )


def _in_order(problems: list[Problem], parties: dict[int, str | None]) -> tuple[Problem, ...]:
    """Sorted by message, each naming its party (the sender of its message, unless the
    session named another)."""
    named = [
        problem
        if problem.party is not None or problem.index is None
        else attrs.evolve(problem, party=parties.get(problem.index))
        for problem in problems
    ]
    return tuple(sorted(named, key=_order))


def _order(problem: Problem) -> tuple[int, str]:
    return (-1 if problem.index is None else problem.index, problem.rule)
