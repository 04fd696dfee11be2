"""What the validator says about one message: a list of problems and the verdict."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from .errors import ValidationError

__all__ = ["PROFILES", "Problem", "Profile", "Report", "Severity", "ValidationError"]

#: ``error``: the message is invalid, or (an ordering violation) refused; ``warning``: it is
#: accepted and the breach reported.
Severity = Literal["error", "warning"]
#: ``strict``: the specification as written; ``lenient``: also the published examples' defects.
Profile = Literal["strict", "lenient"]
PROFILES: tuple[Profile, ...] = ("strict", "lenient")


@attrs.frozen(init=False)
class Problem:
    """One breach of one rule, where it happened: what the validator reports about a message
    and what a conversation checker reports about its order, in one vocabulary.

    ``rule`` is the rule's id (a member of one of the rule enums, so it compares equal to its
    text: ``"DSM-XSD"``, ``"DSP-10"``). ``severity`` is ``"error"`` (the message is invalid, or
    refused: an ordering *violation*) or ``"warning"``, as the rule's table row decides for the
    profile. ``location`` is an XPath-like path with the conventional prefixes
    (``/soap:Envelope/soap:Header/wsa:To``); ``line`` and ``column`` count from 1; ``index`` is
    the 0-based position of the message in a transcript; ``party`` the role that broke the rule
    (a conversation checker's: ``device``, ``scan_server`` or ``control_point``; the sender of
    the message at ``index``, or the receiver that never answered it). Each is ``None`` when
    unknown or irrelevant. ``code`` is the older name of ``rule``, accepted when building one
    too.

    :param severity: ``"error"`` or ``"warning"``.
    :param message: what is wrong, in words.
    :param rule: the rule's id; give it or ``code``, not both.
    :param code: the older name of ``rule``.
    :param line: the line of the offending place, from 1.
    :param column: its column, from 1.
    :param location: its path in the message (``/soap:Envelope/soap:Header/wsa:To``).
    :param index: the 0-based position of the message in a transcript.
    :param party: the role that broke the rule.
    :raises TypeError: when the rule is named twice (``rule`` and ``code``) or not at all.

    >>> problem = Problem(rule="DSP-10", severity="error", message="SendImage after the end")
    >>> problem.code == problem.rule == "DSP-10"
    True
    """

    rule: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    location: str | None = None
    index: int | None = None
    party: str | None = None

    def __init__(
        self,
        *,
        severity: Severity,
        message: str,
        rule: str | None = None,
        code: str | None = None,
        line: int | None = None,
        column: int | None = None,
        location: str | None = None,
        index: int | None = None,
        party: str | None = None,
    ) -> None:
        named = rule if rule is not None else code
        if named is None or (rule is not None and code is not None):
            raise TypeError("a Problem names its rule once: rule=... (or its older name, code)")
        self.__attrs_init__(
            rule=named,
            severity=severity,
            message=message,
            line=line,
            column=column,
            location=location,
            index=index,
            party=party,
        )

    @property
    def code(self) -> str:
        """The rule's id (the validator's older name for it)."""
        return self.rule

    def to_json(self) -> dict[str, Any]:
        """The problem as ``dsm-messages validate --format json`` prints it: ``severity``,
        ``code`` (the rule id, under the key that output has always used), ``message``,
        ``line``, ``column`` and ``location``."""
        return {
            "severity": self.severity,
            "code": str(self.rule),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "location": self.location,
        }


@attrs.frozen(kw_only=True)
class Report:
    """The validator's verdict on one message. ``valid`` is true when no problem is an error
    (warnings allowed). ``message`` is the body element (``dsp:SendImageRequest``) or the root of
    a bare document, when one could be found.

    :param profile: the profile the message was checked in, ``"strict"`` or ``"lenient"``.
    :param message: the body element's prefixed name, or the bare document's root's, when one
        could be found.
    :param action: the envelope's ``wsa:Action``, when one could be read.
    :param problems: every problem found, errors and warnings, in the order found.
    """

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
        """Every rule id this report names."""
        return {problem.rule for problem in self.problems}

    def to_json(self, *, path: str | None = None) -> dict[str, Any]:
        """The report as ``dsm-messages validate --format json`` prints one file's: ``path``
        (when given), ``valid``, ``message``, ``action`` and ``problems``, each problem as
        :meth:`Problem.to_json` writes it. Plain values only (``json.dumps`` takes it as it
        is); the command prints exactly this.

        :param path: the file the message was read from, written first when given.
        :returns: a dictionary of plain values.

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
