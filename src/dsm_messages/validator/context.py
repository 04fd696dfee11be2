"""The context every check is given: the profile, the problems found so far, and the one
verb checks call, :meth:`Context.add`. A rule's row (:data:`~dsm_messages.rules.RULES`)
decides its severity; a check only says which rule, what and where."""

from __future__ import annotations

from collections.abc import Callable

from ..report import Problem, Profile, Report
from ..rule_ids import DsmRule
from ..xml_types import XmlElement
from .repairs import Repair
from .source import Source, unknown_position
from .walk import Elements, path_of

__all__ = [
    "Context",
]


class Context:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.repair = Repair()
        self.problems: list[Problem] = []
        self.message: str | None = None
        self.action: str | None = None
        self.keyword_lines: set[int | None] = set()  # schema errors there are already named
        self.detail_text_lines: set[int | None] = set()  # (likewise: text in a soap:Detail)
        self.uri_lines: set[int | None] = set()  # anyURI schema errors there are already named
        #: (line, words): a schema error on that line with those words is already named
        self.named: set[tuple[int | None, str]] = set()
        #: declared children the schema takes as vendor content, which the models would move:
        #: named once the schema pass shows no child out of order (that rule names them then)
        self.moved: list[tuple[str, XmlElement]] = []
        self.on_line: dict[int | None, list[XmlElement]] | None = None
        self.line_offset = 0
        #: the line and column of a byte of the package read (unknown unless told)
        self.position: Callable[[int | None], tuple[int | None, int | None]] = unknown_position
        self.source: Source | None = None
        self.large = False  # walks over a large document let libxml2 match the names
        #: a small message's elements, read once for the walks that look for some of them
        self.elements: Elements | None = None
        self.package = False  # the message is the root part of an MTOM package
        #: the bytes the source holds are in an encoding that writes ASCII as ASCII, so that
        #: a name absent from them is absent from the document
        self.ascii_bytes = False

    def report(self) -> Report:
        return Report(
            profile=self.profile,
            message=self.message,
            action=self.action,
            problems=tuple(self.problems),
        )

    def add(
        self,
        code: DsmRule,
        message: str,
        element: XmlElement | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
        location: str | None = None,
    ) -> None:
        if element is not None:
            line = element.sourceline if line is None else line
            if self.source is not None:
                column = self.source.column(element) if column is None else column
                location = self.source.location(element) if location is None else location
            location = path_of(element) if location is None else location
        if line is not None:
            line += self.line_offset
            column = column or 1  # (unknown: the start of the line)
        from ..rules import RULES  # (the rule table: read when a first problem is found)

        self.problems.append(
            Problem(
                severity=RULES[code].severity(self.profile),
                code=code,
                # one line per problem, whatever the values quoted in it hold
                message=message.replace("\r", "\\r").replace("\n", "\\n"),
                line=line,
                column=column,
                location=location,
            )
        )
