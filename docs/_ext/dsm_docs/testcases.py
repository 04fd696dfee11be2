"""The test suite's own cases, as the reference pages show them.

For every validator rule, ``tests/test_validator.py`` holds a conforming message and a minimal
edit of it that breaks exactly that rule (``CASES``); for every ordering rule,
``tests/stories_*.py`` tell a conversation and the one message that breaks it (``STORIES``),
and ``tests/judged_stories.py`` a transcript whose answer to a refusal, or whose HTTP, breaks
one of the rules judged on those (``JUDGED``).
The tests prove each of them breaks its rule and nothing else; the rules page shows them as
the rule's violating example, and the message pages learn from them which rules a message can
break. A rule added with its test case appears on the pages with nothing else to do.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dsm_messages
from dsm_messages import (
    Envelope,
    Fault,
    Recorded,
    Report,
    about,
    check_sequence,
    parse,
    validate,
)
from dsm_messages.models import soap
from dsm_messages.rules import PROFILES

from .words import PARTIES

#: Longest line an example shows; longer ones are cut with an ellipsis.
_WIDTH = 96
#: Control characters a page cannot show (an image part's bytes).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ValidatorExample:
    rule: str
    #: What the edit does, in a few words.
    description: str
    #: The edit as a unified diff of the conforming message and the broken one.
    diff: str
    #: ``line:column: severity rule message`` per profile, as the command prints them.
    reported: dict[str, list[str]]
    #: The message the case edits: its body element (Clark notation) and kind.
    qname: str
    kind: str


@dataclass(frozen=True)
class OrderingExample:
    rule: str
    description: str
    #: One line per message of the conversation, the offending one marked.
    conversation: str
    #: What ``check_sequence`` reports about the offending message ("" when the story is
    #: told from one endpoint's side, with a clock, and cannot be replayed as a transcript).
    reported: str
    #: Body elements (Clark notation) of the offending message.
    qname: str


@dataclass
class Examples:
    validator: dict[str, list[ValidatorExample]] = field(default_factory=dict)
    ordering: dict[str, list[OrderingExample]] = field(default_factory=dict)

    def offending(self) -> dict[str, set[str]]:
        """Rule id -> the body elements a test case breaks it with."""
        found: dict[str, set[str]] = {}
        for table in (self.validator, self.ordering):
            for rule, examples in table.items():
                found.setdefault(rule, set()).update(e.qname for e in examples if e.qname)
        return found

    def validator_kinds(self) -> dict[str, set[str]]:
        """Validator rule id -> the kinds of message (request, event...) its cases edit."""
        return {rule: {e.kind for e in found} for rule, found in self.validator.items()}


def _shown(line: str) -> str:
    line = _CONTROL.sub("\ufffd", line.rstrip())
    return line if len(line) <= _WIDTH else line[: _WIDTH - 1] + "…"


def _text(data: bytes, content_type: str | None) -> list[str]:
    lines = data.decode("utf-8", "replace").splitlines()
    return ([f"(Content-Type: {content_type})"] if content_type else []) + lines


def _diff(before: list[str], after: list[str]) -> str:
    lines = difflib.unified_diff(before, after, lineterm="", n=1)
    return "\n".join(_shown(line) for line in lines if not line.startswith(("---", "+++")))


def _body_of(data: bytes, content_type: str | None) -> tuple[str, str]:
    """(body element, kind) of a test message."""
    try:
        body = parse(data, content_type=content_type).body
    except dsm_messages.DsmError:
        body = dsm_messages.from_xml(data)
    spec = dsm_messages.message_type(type(body))
    return spec.qname, spec.kind


def _validator_examples(cases: Iterable[Any]) -> dict[str, list[ValidatorExample]]:
    found: dict[str, list[ValidatorExample]] = {}
    for case in cases:
        good = case.build()
        bad = case.edit(good)
        reported: dict[str, list[str]] = {}
        for profile in PROFILES:
            report = validate(bad.data, profile=profile, content_type=bad.content_type)
            reported[profile] = [
                f"{p.line or 0}:{p.column or 0}: {p.severity} {p.rule} {p.message}"
                for p in report.problems
                if p.rule == case.code
            ]
        qname, kind = _body_of(good.data, good.content_type)
        found.setdefault(case.code, []).append(
            ValidatorExample(
                rule=case.code,
                description=case.name,
                diff=_diff(_text(good.data, good.content_type), _text(bad.data, bad.content_type)),
                reported=reported,
                qname=qname,
                kind=kind,
            )
        )
    return found


def _message_line(
    index: int, item: object, marked: bool, asked: dict[str, str]
) -> tuple[str, str]:
    """(line, body element) of one item of a story. ``asked`` maps the MessageID of each
    request so far to its protocol: a fault is drawn between the parties of the request it
    answers, and named. A message recorded with the HTTP head it travelled in says its status
    or its Content-Type."""
    note = ""
    if isinstance(item, Recorded):
        head = item.http
        if head is not None and head.status is not None:
            note = f" in HTTP {head.status}"
        elif head is not None and head.content_type:
            note = f" as {head.content_type.partition(';')[0]}"
        item = item.message
    mark = "▶" if marked else " "
    if isinstance(item, Report):
        return f"{mark}{index:>3}  (a message that fails validation){note}", ""
    if not isinstance(item, Envelope):  # the clock moves
        return f"{mark}     (the clock moves to {getattr(item, 'now', '?')})", ""
    try:
        facts = about(item)
    except ValueError:  # not a DSM action at all
        return _shown(f"{mark}{index:>3}  a message with the action {item.action}"), ""
    protocol = facts.protocol
    if facts.kind == "request" and item.message_id:
        asked[item.message_id] = protocol
    name = item.action.rpartition("/")[2] if item.action else "?"
    if facts.kind == "fault" and isinstance(item.body, soap.Fault):
        protocol = asked.get(item.relates_to or "", protocol)
        with contextlib.suppress(ValueError):  # a fault code SOAP 1.2 does not define
            name = f"Fault {str(Fault.from_model(item.body)).partition(' (')[0]}"
    client, host = PARTIES.get(protocol or "", ("client", "host"))
    sender, receiver = (client, host) if facts.kind == "request" else (host, client)
    details = [f"JobToken {facts.job}" if facts.job else "", f"DocumentId {facts.document_id}"]
    detail = ", ".join(d for d in details if d and not d.endswith("None"))
    qname = ""
    if item.body is not None:
        with contextlib.suppress(KeyError):
            qname = dsm_messages.message_type(type(item.body)).qname
    line = f"{mark}{index:>3}  {sender} → {receiver}: {name}{note}"
    return _shown(line + (f" ({detail})" if detail else "")), qname


def _ordering_examples(stories: dict[str, dict[str, Any]]) -> dict[str, list[OrderingExample]]:
    found: dict[str, list[OrderingExample]] = {}
    for rule, variants in stories.items():
        for variant, build in variants.items():
            story = build()
            lines, qname, number = [], "", 0
            asked: dict[str, str] = {}
            for position, item in enumerate(story.violating):
                marked = position == story.index
                line, body = _message_line(number, item, marked, asked)
                lines.append(line)
                number += isinstance(item, Envelope | Report | Recorded)  # a tick is none
                if marked and not getattr(story, "any_message", False):
                    qname = body
            reported = ""
            if story.transcript:
                report = check_sequence(list(story.violating))
                reported = "\n".join(
                    f"[{p.index}] {'violation' if p.severity == 'error' else 'warning'} "
                    f"{p.rule} {p.message}"
                    for p in (*report.violations, *report.warnings)
                    if p.rule == rule
                )
            found.setdefault(rule, []).append(
                OrderingExample(
                    rule=rule,
                    description=variant.replace("-", " "),
                    conversation="\n".join(lines),
                    reported=reported,
                    qname=qname,
                )
            )
    return found


_LOADED: dict[Path, Examples] = {}


def load(tests: Path) -> Examples:
    """Every case of the test suite in ``tests``, read once per process."""
    if tests in _LOADED:
        return _LOADED[tests]
    sys.path.insert(0, str(tests))
    try:
        validator = importlib.import_module("test_validator")
        stories = importlib.import_module("ordering_stories")
        for path in sorted(tests.glob("stories_*.py")):
            importlib.import_module(path.stem)
        judged = importlib.import_module("judged_stories")
    finally:
        sys.path.remove(str(tests))
    examples = Examples(
        validator=_validator_examples(validator.CASES),
        ordering=_ordering_examples({**stories.STORIES, **judged.JUDGED}),
    )
    _LOADED[tests] = examples
    return examples
