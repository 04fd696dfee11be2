"""Every exception dsm-messages raises on purpose, in one module at the bottom of the layers.

Each carries what its catcher needs to answer: a rule id, a report, a fault. At run time
this module imports only the rule ids (the names below ``TYPE_CHECKING`` are for the
annotations only), so every layer can raise these without importing upward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rule_ids import DsmRule
from .xml_types import XmlElement

if TYPE_CHECKING:
    from .envelope import Envelope
    from .faults import Fault
    from .report import Report

__all__ = [
    "BindingError",
    "DsmError",
    "EnvelopeError",
    "FaultError",
    "LocalProtocolError",
    "MtomError",
    "MtomLimitError",
    "ProtocolError",
    "RemoteProtocolError",
    "SchemaCompileError",
    "ValidationError",
    "XmlSyntaxError",
]


class DsmError(Exception):
    """Base class of every error dsm-messages raises on purpose."""


class XmlSyntaxError(DsmError):
    """Input is not well-formed XML, or uses a construct we refuse (DTD, entities, oversize).

    ``line`` and ``column`` point at the problem when the parser could tell. ``forbidden`` is
    true for well-formed constructs refused on purpose (DTD, XInclude, size and depth caps).

    :param message: what is wrong, without the position.
    :param line: the line of the problem, when known.
    :param column: the column of the problem, when known.
    :param forbidden: whether the XML is refused on purpose rather than malformed (the
        validator's ``DSM-XML-FORBIDDEN``, not ``DSM-XML-MALFORMED``).
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        forbidden: bool = False,
    ) -> None:
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(message + where)
        self.reason = message
        self.line = line
        self.column = column
        self.forbidden = forbidden

    @property
    def code(self) -> DsmRule:
        """The validator's rule for it: a construct refused on purpose, or bytes that are not
        XML (the same rule wherever the bytes are read: a message, a package's root part)."""
        return DsmRule.XML_FORBIDDEN if self.forbidden else DsmRule.XML_MALFORMED


class SchemaCompileError(DsmError):
    """The schema set did not compile cleanly: any libxml2 error *or warning* is fatal.

    An unresolved ``xs:import`` is only a warning in libxml2 and silently weakens validation,
    which is why warnings count here.

    :param problems: every error and warning libxml2 reported, one line each.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("schema compilation reported problems:\n" + "\n".join(problems))
        self.problems = problems

    def __reduce__(self) -> tuple[type[SchemaCompileError], tuple[list[str]]]:
        return type(self), (self.problems,)  # rebuilt from its problems, not its message


class BindingError(DsmError):
    """An XML document could not be turned into a model object, or a model into XML."""


class EnvelopeError(DsmError):
    """Bytes that are not a DSM SOAP envelope, or a message that cannot be put in one."""


class MtomError(DsmError):
    """A package that is not a well-formed MTOM/XOP package, or a reference that cannot be
    resolved inside it. ``code`` is the validator's rule code for it; ``offset`` the byte of
    the package where the reader found it (``None``: not in the bytes, such as a Content-Type
    value, or not known).

    :param message: what is wrong.
    :param code: the validator's rule id for it (``DSM-MIME-MALFORMED`` unless given).
    :param element: the element of the root part at fault, when there is one (an
        ``xop:Include`` that refers to no part).
    :param offset: the byte of the package where the reader found it, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        code: DsmRule = DsmRule.MIME_MALFORMED,
        element: XmlElement | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = DsmRule(code)
        #: The element of the root part at fault, when there is one.
        self.element = element
        self.offset = offset
        #: The root part's bytes, when it was read whole before the defect was met, and the
        #: defects tolerated before it (with the byte where each was found).
        self.root_part: bytes | None = None
        #: How many line feeds come before the root part's body (with ``root_part``).
        self.root_line = 0
        #: The root part's Content-ID, when its headers were read.
        self.root_id: str | None = None
        self.defects: tuple[tuple[str, int | None], ...] = ()

    def __reduce__(self) -> tuple[object, ...]:
        # the element belongs to a tree that does not travel; the message names its line
        return (_rebuild_mtom, (type(self), str(self), self.code, self.offset))


class MtomLimitError(MtomError):
    """A package over one of the reader's caps. ``limit`` is the keyword that sets the cap
    (``max_parts``, ``max_package_bytes`` or ``max_root_bytes``), ``value`` its value. Its
    rule id is ``DSM-XML-FORBIDDEN``.

    :param message: what went over the cap.
    :param limit: the keyword that sets the cap.
    :param value: the cap's value.
    """

    def __init__(self, message: str, *, limit: str, value: int) -> None:
        super().__init__(f"{message} ({limit}={value})", code=DsmRule.XML_FORBIDDEN)
        self.limit = limit
        self.value = value

    def __reduce__(self) -> tuple[object, ...]:
        text = str(self).rsplit(" (", 1)[0]
        return (_rebuild_mtom_limit, (text, self.limit, self.value))


def _rebuild_mtom(
    cls: type[MtomError], message: str, code: DsmRule, offset: int | None = None
) -> MtomError:
    return cls(message, code=code, offset=offset)


def _rebuild_mtom_limit(message: str, limit: str, value: int) -> MtomLimitError:
    return MtomLimitError(message, limit=limit, value=value)


class FaultError(DsmError):
    """Raise to answer a request with a fault; ``fault`` is what to send.

    :param fault: the fault to answer with (one of :mod:`dsm_messages.faults`' constants, or
        one made with :class:`~dsm_messages.Fault`).
    """

    def __init__(self, fault: Fault) -> None:
        super().__init__(str(fault))
        self.fault = fault


class ValidationError(DsmError):
    """A message that failed validation; ``report`` says everything that is wrong.

    :param report: the validator's report, with at least one error.
    """

    def __init__(self, report: Report) -> None:
        first = report.errors[0] if report.errors else None
        summary = f"{first.rule}: {first.message}" if first else "invalid"
        more = len(report.errors) - 1
        counted = f" (and {more} more error{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(summary + counted)
        self.report = report

    def __reduce__(self) -> tuple[type[ValidationError], tuple[Report]]:
        return type(self), (self.report,)  # rebuilt from its report, not its message


class ProtocolError(DsmError):
    """A message that breaks a MUST rule: ``rule`` (an ordering rule id, or a validator rule
    id when the message could not be read), ``reason``, the ``envelope`` (for a message that
    could not be read, the addressing headers that could be), ``index`` (its place in a
    transcript, when known) and ``fault``: the :class:`~dsm_messages.faults.Fault` to answer a
    refused request with (``None`` when the message is no request or no fault fits), as the
    rule's table row names it.

    :param rule: the rule id the message breaks.
    :param message: why, in words.
    :param envelope: the message (or, for one that could not be read, its addressing headers).
    :param index: its place in a transcript, when known.
    :param fault: the fault to answer a refused request with, when one fits.
    """

    def __init__(
        self,
        rule: str,
        message: str,
        envelope: Envelope,
        index: int | None = None,
        fault: Fault | None = None,
    ) -> None:
        super().__init__(f"{rule}: {message}")
        self.rule = rule
        self.reason = message
        self.envelope = envelope
        self.index = index
        self.fault = fault

    def __reduce__(
        self,
    ) -> tuple[type[ProtocolError], tuple[str, str, Envelope, int | None, Fault | None]]:
        # rebuilt from what it was made of: the default passes only the message
        return type(self), (self.rule, self.reason, self.envelope, self.index, self.fault)


class LocalProtocolError(ProtocolError):
    """This endpoint was about to break the protocol."""


class RemoteProtocolError(ProtocolError):
    """The peer broke the protocol."""
