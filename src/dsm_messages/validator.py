"""Is this a correct DSM message, and if not, exactly what is wrong and where?

:func:`validate` reads untrusted bytes (a SOAP envelope, a bare DSM document such as a
``psp:PostScanProcess``, or an MTOM package given its Content-Type) and never raises on bad
input: it returns a :class:`~dsm_messages.report.Report` listing every problem with its rule
code (see :mod:`dsm_messages.rules`), severity, line, column and location.

>>> from dsm_messages import serialize
>>> from dsm_messages.models import dsp
>>> request = dsp.EndPostScanJobRequest(job_token="264a19bf")
>>> data = serialize(request, to="https://scansrv01.example:5362/ScanServer/1",
...                  reply_to="http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous")
>>> report = validate(data)
>>> report.valid, report.message
(True, 'dsp:EndPostScanJobRequest')
>>> placeholder = data.replace(b"https://scansrv01.example:5362/ScanServer/1",
...                            b"DestinationAddress")
>>> bad = validate(placeholder)
>>> bad.valid, [(p.code, p.location) for p in bad.problems]
(False, [('DSM-URI-NOT-ABSOLUTE', '/soap:Envelope/soap:Header/wsa:To')])
>>> lenient = validate(placeholder, profile="lenient")
>>> lenient.valid, [p.severity for p in lenient.problems]
(True, ['warning'])
"""

from __future__ import annotations

import base64
import binascii
import functools
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from xml.parsers import expat

import attrs
from lxml import etree

from . import namespaces as ns
from ._mime import is_package
from .aliases import PLACEHOLDERS, VALUE_ALIASES, canonical_value, find_alias
from .child_order import out_of_order
from .declarations import declarations
from .element_text import XML_WHITESPACE, set_text, strip_xml, text_of
from .errors import XmlSyntaxError
from .faults import ALL_FAULTS
from .job_vocabulary import (
    FINAL_FILTER_STATES,
    FINAL_JOB_STATES,
    REASONS_FOR_FINAL_STATE,
    completion_problem,
    is_vendor,
    reasons_fit,
)
from .messages import (
    ANSWERED_TO_SENDER,
    DISCOVERY_TO,
    EMPTY_BODY_ACTIONS,
    FAULT_ACTION,
    SEQUENCED,
    MessageType,
    all_by_action,
    by_action,
    by_qname,
)
from .mtom import CHUNK_SIZE, MtomError, resolve_includes, split_message, split_parts
from .report import Problem, Report
from .rule_ids import DsmRule
from .rules import RULES, Profile
from .safexml import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, parse_xml
from .schema import load_schema
from .timestamps import FIRST_YEAR, LAST_YEAR, Timestamp

#: Namespace URIs seen in published material for an older or misprinted version of one of ours:
#: stale URI -> (current URI, whether the lenient profile accepts it).
STALE_NAMESPACES: dict[str, tuple[str, bool]] = {
    "http://schemas.microsoft.com/windows/2006/01/wdp/scan": (ns.WSCN, True),
    "https://schemas.microsoft.com/windows/2006/01/wdp/scan": (ns.WSCN, False),
    "https://schemas.microsoft.com/windows/2006/08/wdp/scan": (ns.WSCN, False),
    "http://schemas.microsoft.com/windows/2008/02/wdp/repository/processing": (ns.DSP, False),
    # Microsoft's WSDAPI message samples print every namespace with https://; devices use http://
    "https://schemas.xmlsoap.org/ws/2005/04/discovery": (ns.WSD, False),
    "https://schemas.xmlsoap.org/ws/2006/02/devprof": (ns.WSDP, False),
    "https://schemas.xmlsoap.org/ws/2004/09/mex": (ns.WSX, False),
}
# ... and so is every namespace of ours printed with https:// (the SOAP envelope's is named as
# the wrong SOAP version instead)
STALE_NAMESPACES.update(
    {
        "https" + uri[4:]: (uri, False)
        for uri in ns.PREFIXES.values()
        if uri != ns.SOAP
        and uri.startswith("http://")
        and "https" + uri[4:] not in STALE_NAMESPACES
    }
)
_OTHER_ADDRESSING = (
    "http://schemas.xmlsoap.org/ws/2003/03/addressing",
    "https://schemas.xmlsoap.org/ws/2003/03/addressing",
    "http://www.w3.org/2005/08/addressing",
    "http://schemas.xmlsoap.org/ws/2004/03/addressing",
)
_DSM_NAMESPACES = frozenset({ns.DSP, ns.DSD, ns.DSC, ns.WSCN, ns.PSP, ns.EMLF, ns.FSF, ns.SPF})
_FILTER_DIALECTS = frozenset({ns.EMLF, ns.FSF, ns.SPF})
_SOAP_CODES = ("Sender", "Receiver", "MustUnderstand", "VersionMismatch", "DataEncodingUnknown")
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_NOT_IN_URIS = frozenset('<>"{}|\\^`')
_URI_SCHEMA_ERROR = re.compile(
    r"^Element '[^']*'(, attribute '[^']*')?: .* is not a valid value of the atomic type "
    r"'xs:anyURI'",
    re.DOTALL,
)
_URN_UUID = re.compile(r"^urn:uuid:[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_KEYWORD = re.compile(r"^(\w+):[\w\-.]+$")
_ZONE = re.compile(r"(Z|[+\-]\d\d:\d\d)$")
_YEAR = re.compile(r"^(-?[0-9]{4,})-")
_NO_XML_WHITESPACE = str.maketrans("", "", XML_WHITESPACE)
_CLARK = re.compile(r"\{([^}]*)\}([\w.\-]+)")
# Dual-form attributes (decision 4): element -> {attribute: (canonical form is qualified, or
# None when both forms are equally right; who writes the canonical form)}.
# - dsp:Name/dsp:Valid qualified: every WS-DSP example writes them so.
# - wscn:ElementData Name/Valid: the WS-Scan element reference declares them unqualified
#   (ElementData for ScannerElements / JobElements, "Usage"), real devices write them so, and
#   the WS-Scan examples write wscn:Name: both forms are right. dsm-messages emits the
#   unqualified form, the one the WS-Scan reference declares.
# - DeviceCondition Id unqualified, as the WS-DSD event example writes it; WS-Scan's own
#   examples write wscn:Id, accepted in the lenient profile.
_DUAL_FORM: dict[str, dict[str, tuple[bool | None, str]]] = {
    f"{{{ns.DSP}}}ElementData": {
        "Name": (True, "the WS-DSP examples"),
        "Valid": (True, "the WS-DSP examples"),
    },
    f"{{{ns.WSCN}}}ElementData": {"Name": (None, ""), "Valid": (None, "")},
    f"{{{ns.DSD}}}DeviceCondition": {"Id": (False, "the WS-DSD event example")},
    f"{{{ns.WSCN}}}DeviceCondition": {"Id": (False, "the WS-DSD event example")},
    f"{{{ns.WSCN}}}ConditionHistoryEntry": {"Id": (False, "the WS-DSD event example")},
}


def canonical_form(element: str, attribute: str) -> bool | None:
    """Whether the dual-form ``attribute`` (local name) of ``element`` (Clark name) is written
    qualified (``True``), unqualified (``False``), or either way (``None``, also for an
    attribute that has one form only).

    >>> from dsm_messages.namespaces import WSCN
    >>> canonical_form(f"{{{WSCN}}}DeviceCondition", "Id")
    False
    """
    return _DUAL_FORM.get(element, {}).get(attribute, (None, ""))[0]


# Where the dual-form attributes are declared (a dsd element uses the wscn type)
_ATTRIBUTE_NAMESPACE = {ns.DSP: ns.DSP, ns.WSCN: ns.WSCN, ns.DSD: ns.WSCN}


def validate(
    data: bytes,
    *,
    profile: Profile = "strict",
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Report:
    """Check one message; never raises on bad input (a ``TypeError`` for non-bytes aside).

    ``content_type`` is the transport's Content-Type value; a ``multipart/related`` one makes
    ``data`` an MTOM package. ``max_bytes`` and ``max_depth`` are the hardened parser's caps.

    :param data: the message: an envelope's XML, or an MTOM package's bytes.
    :param profile: ``"strict"`` (the specification as written) or ``"lenient"`` (also what
        Microsoft's examples and real devices send, reported as warnings).
    :param content_type: the transport's Content-Type value, when known.
    :param max_bytes: the most bytes of XML read; a larger envelope is ``DSM-XML-FORBIDDEN``
        (16 MiB unless given).
    :param max_depth: the deepest element nesting read (at most 256); deeper is
        ``DSM-XML-FORBIDDEN`` (128 unless given).
    :returns: the report: every problem found, each with its rule id, severity and place.
    :raises TypeError: when ``data`` is not bytes.
    """
    return check_tree(
        data, profile=profile, content_type=content_type, max_bytes=max_bytes, max_depth=max_depth
    ).report


def validate_stored(data: bytes, *, name: str = "", profile: Profile = "strict") -> Report:
    """Check a stored message exactly as ``dsm-messages validate`` checks a file: an MTOM
    package stored with its MIME headers (``name`` ends in ``.mime``, or the bytes start with
    ``MIME-Version:`` or ``Content-Type:``) has its headers read first, anything else is
    validated as it is; line numbers count from the start of ``data``. Never raises on bad
    input.

    :param data: the stored file's bytes.
    :param name: the file's name, when it has one; a name ending in ``.mime`` marks a package.
    :param profile: ``"strict"`` or ``"lenient"``, as for :func:`validate`.
    :returns: the report, its line numbers counted in ``data``.

    >>> [(p.code, p.line) for p in validate_stored(b"<?xml version='1.0'?>\\n<x/>").problems]
    [('DSM-BODY-UNKNOWN', 2)]
    >>> validate_stored(b"MIME-Version: 1.0\\r\\n\\r\\n").problems[0].code
    'DSM-MIME-MALFORMED'
    """
    split = split_stored(data, name=name)
    if isinstance(split, MtomError):
        problem = RULES[split.code].problem(profile, str(split), line=1, column=1)
        return Report(profile=profile, problems=(problem,))
    content_type, body = split
    report = validate(body, profile=profile, content_type=content_type)
    # lines count from the start of the file, as editors and CI annotations do
    return _lines_from(report, data[: len(data) - len(body)])


def validate_file(path: str | os.PathLike[str], *, profile: Profile = "strict") -> Report:
    """Check the message stored in the file at ``path`` exactly as ``dsm-messages validate``
    checks it: :func:`validate_stored` of its bytes, an ``.mime`` file read as an MTOM package
    stored with its MIME headers. Raises :class:`OSError` when the file cannot be read, and
    nothing for bad content. What it takes and returns pickles, so a distributed engine (a
    Dask bag, a Spark RDD) can map it over the paths of an archive, and
    :meth:`Report.to_json` gives each result as the command's JSON prints it.

    :param path: the stored message's file.
    :param profile: ``"strict"`` or ``"lenient"``, as for :func:`validate`.
    :returns: the report, its line numbers counted in the file.
    :raises OSError: when the file cannot be read.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     stored = pathlib.Path(folder, "broken.xml")
    ...     _ = stored.write_bytes(b"<a><b></a>")
    ...     report = validate_file(stored)
    >>> report.valid, report.problems[0].code
    (False, 'DSM-XML-MALFORMED')
    """
    checked = check_stored_package(path, profile=profile)
    if checked is not None:  # read in chunks, never whole
        return checked.report
    with open(path, "rb") as stored:
        data = stored.read()
    return validate_stored(data, name=os.fspath(path), profile=profile)


#: How much of a stored file is read to tell whether it is a package and read its headers.
_HEAD_BYTES = 64 * 1024


def check_stored_package(
    path: str | os.PathLike[str], *, profile: Profile = "strict"
) -> Checked | None:
    """The checks of a stored MTOM package (as :func:`validate_file` reads one), read from
    disk in chunks: what is held is the root part and one chunk, whatever the size of the
    image. Line numbers count from the start of the file. ``None`` when the file holds no
    stored package whose headers can be read (it is then read whole)."""
    name = os.fspath(path)
    with open(path, "rb") as stored:
        head = stored.read(_HEAD_BYTES)
        if not _looks_stored(head, name):
            return None
        try:
            content_type, rest = split_message(head)
        except MtomError:
            return None  # headers longer than the head, or unreadable: read whole, reported
        headers = head[: len(head) - len(rest)]
        chunks = itertools.chain((rest,), iter(lambda: stored.read(CHUNK_SIZE), b""))
        where = functools.partial(_file_position, path, len(headers))
        checked = _checked(chunks, profile, content_type, position=where)
    return attrs.evolve(checked, report=_lines_from(checked.report, headers))


def _lines_from(report: Report, headers: bytes) -> Report:
    """``report`` with its lines counted from the start of a file whose MIME ``headers`` come
    first; what is wrong with the Content-Type value is on the line of the Content-Type
    header."""
    header_lines = headers.count(b"\n")
    if not header_lines:
        return report
    found = re.search(rb"(?im)^content-type:", headers)
    content_type_line = 1 if found is None else headers.count(b"\n", 0, found.start()) + 1
    return attrs.evolve(
        report,
        problems=tuple(
            attrs.evolve(p, line=content_type_line, column=1)
            if p.line is None
            else attrs.evolve(p, line=p.line + header_lines)
            for p in report.problems
        ),
    )


def _looks_stored(head: bytes, name: str) -> bool:
    """Whether a stored message is an MTOM package stored with its MIME headers."""
    start = head.lstrip()[:200].lower()
    return name.endswith(".mime") or start.startswith((b"mime-version:", b"content-type:"))


def split_stored(data: bytes, *, name: str = "") -> tuple[str | None, bytes] | MtomError:
    """(Content-Type, body) of a stored message: a package loses its MIME headers, anything
    else is as stored (Content-Type ``None``); the error when the headers cannot be read."""
    if not _looks_stored(data, name):
        return None, data
    try:
        return split_message(data)
    except MtomError as exc:
        return exc


@attrs.frozen
class Checked:
    """A message as the checks read it."""

    report: Report
    #: The tree as the checks left it; ``None`` when the bytes could not be read as XML.
    tree: etree._Element | None
    #: Whether a repair changed the tree (a URI trimmed, a stale namespace renamed, ...): a
    #: tree no repair touched is the message as parsed.
    repaired: bool


def check_tree(
    data: bytes | Iterable[bytes],
    *,
    profile: Profile = "strict",
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Checked:
    """:func:`check` with the tree itself rather than its bytes, for binding it as it is. An
    MTOM package (``content_type``) may also be given as an iterable of chunks."""
    if profile not in ("strict", "lenient"):
        raise ValueError(f"profile must be 'strict' or 'lenient', not {profile!r}")
    chunked = content_type is not None and is_package(content_type) and not isinstance(data, str)
    if not isinstance(data, bytes) and not chunked:
        raise TypeError(f"validate() takes bytes, not {type(data).__name__}")
    return _checked(data, profile, content_type, max_bytes, max_depth)


def _checked(
    data: bytes | Iterable[bytes],
    profile: Profile,
    content_type: str | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    position: Callable[[int | None], tuple[int | None, int | None]] | None = None,
) -> Checked:
    """:func:`check_tree`'s work; ``position`` gives the line and column of a byte of a
    package read in chunks (unknown when not given)."""
    checker = _Checker(profile)
    if isinstance(data, bytes):
        checker.position = functools.partial(_position, data)
    elif position is not None:
        checker.position = position
    root = checker.read(data, content_type, max_bytes, max_depth)
    if root is not None:
        checker.run(root)
    return Checked(report=checker.report(), tree=root, repaired=checker.repair.count > 0)


class _Repair:
    """Everything the checks change in the tree, and only that: each change is the fix a
    reported problem names (a URI trimmed, a stale action or namespace renamed, a padded
    value trimmed, ``xop:Include`` resolved), so that the lenient profile reads the message
    as the problems describe it. The checker decides when; this says how, and keeps count
    (a tree no repair touched is the tree as parsed)."""

    def __init__(self) -> None:
        self.count = 0

    def text(self, element: etree._Element, value: str) -> None:
        set_text(element, value)
        self.count += 1

    def attribute(self, element: etree._Element, name: str, value: str) -> None:
        element.set(name, value)
        self.count += 1

    def trim_padded_values(
        self, root: etree._Element, at_fault: list[etree._Element | None]
    ) -> set[etree._Element]:
        """Trim the whitespace around the value of each element the schema found fault with
        (whitespace alone, in an element that holds nothing, goes too); those trimmed."""
        padded = {
            element
            for element in at_fault
            if element is not None
            and not any(isinstance(child.tag, str) for child in element)
            and (text := text_of(element))
            and text != strip_xml(text)
        }
        for element in padded:
            self.text(element, strip_xml(text_of(element)))
        return padded

    def rename_namespaces(
        self, data: bytes, renames: dict[str, str], max_bytes: int, max_depth: int
    ) -> tuple[etree._Element, bytes] | None:
        """The message parsed again with stale namespace URIs replaced by the current ones,
        in the bytes (which keeps line numbers and makes QName text resolve to the current
        namespace, for the schema too); ``None`` when the renamed bytes cannot be read (an
        encoding that is not ASCII-compatible: the bytes as written are checked)."""
        renamed = data
        for old, new in renames.items():
            for quote in (b'"', b"'"):
                renamed = renamed.replace(
                    quote + old.encode() + quote, quote + new.encode() + quote
                )
        try:
            root = parse_xml(renamed, max_bytes=max_bytes, max_depth=max_depth)
        except XmlSyntaxError:
            return None
        self.count += 1
        return root, renamed

    def reorder(self, parent: etree._Element, order: tuple[etree._Element, ...]) -> None:
        """Put the children of ``parent`` in the order the schema wants."""
        parent[:] = order
        self.count += 1

    def resolve_includes(
        self, root: etree._Element, part_ids: set[str], root_id: str | None
    ) -> set[str]:
        """Take the ``xop:Include`` elements out; the Content-IDs they referred to."""
        referenced = resolve_includes(root, part_ids, root_id=root_id)
        self.count += 1
        return set(referenced)


class _Checker:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.repair = _Repair()
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
        self.moved: list[tuple[str, etree._Element]] = []
        self._on_line: dict[int | None, list[etree._Element]] | None = None
        self.line_offset = 0
        #: the line and column of a byte of the package read (unknown unless told)
        self.position: Callable[[int | None], tuple[int | None, int | None]] = _unknown_position
        self.source: _Source | None = None
        self.large = False  # walks over a large document let libxml2 match the names
        self.package = False  # the message is the root part of an MTOM package

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
        element: etree._Element | None = None,
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
            location = _location(element) if location is None else location
        if line is not None:
            line += self.line_offset
            column = column or 1  # (unknown: the start of the line)
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

    # -- reading ---------------------------------------------------------------------------
    def read(
        self,
        data: bytes | Iterable[bytes],
        content_type: str | None,
        max_bytes: int,
        max_depth: int,
    ) -> etree._Element | None:
        part_ids: set[str] | None = None
        root_id: str | None = None
        framing_broken = False
        if content_type is not None and is_package(content_type):
            self.package = True
            try:
                parts = split_parts(data, content_type, sink=lambda _id: _Discard(), tolerant=True)
            except MtomError as exc:
                for defect, offset in exc.defects:
                    line, column = self.position(offset)
                    self.add(
                        DsmRule.MIME_DEFECT, f"MIME defect: {defect}", line=line, column=column
                    )
                line, column = self.position(exc.offset)
                self.add(exc.code, str(exc), line=line, column=column)
                if exc.root_part is None:
                    return None
                # the envelope was in whole before the defect: it is checked too, as a reader
                # that reads the envelope first (an Endpoint's) checks it
                root_part, framing_broken = exc.root_part, True
                root_line = exc.root_line
            else:
                for defect, offset in zip(parts.defects, parts.defect_offsets, strict=True):
                    line, column = self.position(offset)
                    self.add(
                        DsmRule.MIME_DEFECT, f"MIME defect: {defect}", line=line, column=column
                    )
                root_part, part_ids, root_id = parts.root, set(parts.content_types), parts.root_id
                root_line = parts.root_line
            # lines are counted from the start of the package, not of its root part
            if isinstance(data, bytes):
                at = data.find(root_part) if root_part else -1
                self.line_offset = data[:at].count(b"\n") if at > 0 else 0
            else:  # (read in chunks: the reader counted them)
                self.line_offset = root_line
            data = root_part
        assert isinstance(data, bytes)  # only a package may come in chunks
        try:
            root = parse_xml(data, max_bytes=max_bytes, max_depth=max_depth)
        except XmlSyntaxError as exc:
            code = DsmRule.XML_FORBIDDEN if exc.forbidden else DsmRule.XML_MALFORMED
            self.add(code, exc.reason, line=exc.line, column=_column(exc.column))
            return None
        self.source = _Source(root, data)
        self.large = len(data) > _LARGE
        renames = self._stale_namespaces(root)
        if renames:
            repaired = self.repair.rename_namespaces(data, renames, max_bytes, max_depth)
            if repaired is not None:
                root, renamed = repaired
                self.source = _Source(root, renamed)
        if framing_broken:  # which parts the package holds is not known: each is taken as there
            part_ids = {
                (include.get("href") or "").strip()[4:]
                for include in root.iter(f"{{{ns.XOP}}}Include")
            }
        if part_ids is not None:
            self.source.scan()  # columns are of the elements as written, xop:Include included
            try:
                referenced = self.repair.resolve_includes(root, part_ids, root_id)
            except MtomError as exc:
                self.add(exc.code, str(exc), exc.element)
                # the rest of the envelope is checked, as a reader that reads it first does
                for include in list(root.iter(f"{{{ns.XOP}}}Include")):
                    parent = include.getparent()
                    if parent is not None:
                        parent.remove(include)
            else:
                for part in sorted(part_ids - referenced - {root_id}):
                    self.add(
                        DsmRule.XOP_UNREFERENCED,
                        f"the package part <{part}> is referred to by no xop:Include",
                    )
        else:
            for include in root.iter(f"{{{ns.XOP}}}Include"):
                self.add(
                    DsmRule.XOP_REFERENCE,
                    "xop:Include outside an MTOM package refers to nothing",
                    include,
                )
                return None
        return root

    def _stale_namespaces(self, root: etree._Element) -> dict[str, str]:
        """Report a misprinted SOAP namespace and stale DSM namespaces; the renames to apply."""
        renames: dict[str, str] = {}
        envelope_ns = etree.QName(root).namespace
        if etree.QName(root).localname == "Envelope" and envelope_ns != ns.SOAP:
            # A SOAP node answers VersionMismatch; the rest is still checked, reading the
            # envelope by local names, so that every defect is named.
            self.add(
                DsmRule.SOAP_VERSION,
                f"root element is {{{envelope_ns}}}Envelope, not a SOAP 1.2 soap:Envelope",
                root,
            )
            renames[envelope_ns or ""] = ns.SOAP
        assert self.source is not None
        if not _may_declare_stale(root, self.source.data):
            return renames
        declared = self.source.first_declarations()
        for stale, (current, tolerated) in STALE_NAMESPACES.items():
            if stale in declared:
                prefixes = sorted(
                    prefix or "(default)"
                    for prefix, uri in self.source.declarations(declared[stale]).items()
                    if uri == stale
                )
                self.add(
                    DsmRule.STALE_NAMESPACE_TOLERATED if tolerated else DsmRule.STALE_NAMESPACE,
                    f"namespace {stale} (prefix {', '.join(prefixes)}) is a stale or misprinted "
                    f"form of {current}",
                    self.source.element(declared[stale]),
                )
                renames[stale] = current
        return renames

    # -- the checks, in order --------------------------------------------------------------
    def run(self, root: etree._Element) -> None:
        self._uris(root)
        if root.tag == f"{{{ns.SOAP}}}Envelope":
            body = self._envelope(root)
        else:
            body = root
            spec = by_qname(root.tag) if isinstance(root.tag, str) else None
            if spec is None or spec.kind != "document":
                self.add(
                    DsmRule.BODY_UNKNOWN,
                    f"root element {_name(root)} is neither a SOAP envelope nor a DSM document",
                    root,
                )
                return
            if self.package:
                self.add(
                    DsmRule.BODY_UNKNOWN,
                    f"the root part of an MTOM package holds {_name(root)}, a document, not a "
                    "SOAP envelope",
                    root,
                )
            self.message = _name(root)
        if body is not None:
            self._body(body)
        self._schema(root)

    def _envelope(self, root: etree._Element) -> etree._Element | None:
        if root.get(f"{{{ns.SOAP}}}encodingStyle") is not None:
            self.add(
                DsmRule.SOAP_STRUCTURE,
                "soap:encodingStyle is not allowed on the SOAP 1.2 Envelope",
                root,
            )
            self.named.add((root.sourceline, "encodingStyle"))  # the schema's word on it
        headers: dict[str, etree._Element] = {}
        header = root.find(f"{{{ns.SOAP}}}Header")
        other_addressing = False
        identified = False
        for block in _children(header):
            namespace, local = _split(str(block.tag))
            if namespace in _OTHER_ADDRESSING:
                if not other_addressing:
                    self.add(
                        DsmRule.ADDRESSING_VERSION,
                        f"header {_name(block)} uses WS-Addressing {namespace}; DSM uses {ns.WSA}",
                        block,
                    )
                other_addressing = True
            if block.tag == _IDENTIFIER:
                # one subscription per message: parse() refuses a second, so must validate()
                if identified:
                    self.add(
                        DsmRule.HEADER_DUPLICATE, "wse:Identifier appears more than once", block
                    )
                identified = True
            if namespace != ns.WSA and namespace not in _OTHER_ADDRESSING:
                continue
            # (a header of another WS-Addressing version is there: named once, as that version,
            # and read for the rest, never reported missing)
            if local in headers:
                self.add(DsmRule.HEADER_DUPLICATE, f"wsa:{local} appears more than once", block)
                continue
            headers[local] = block
        body_element = root.find(f"{{{ns.SOAP}}}Body")
        if body_element is None:
            self.add(DsmRule.SOAP_STRUCTURE, "the envelope has no soap:Body", root)
            return None
        children = list(_children(body_element))
        if len(children) > 1:
            self.add(
                DsmRule.SOAP_STRUCTURE,
                f"the soap:Body holds {len(children)} elements; a DSM body holds one",
                children[1],
            )
        body = children[0] if children else None
        spec = by_qname(str(body.tag)) if body is not None else None
        if body is not None:
            self.message = _name(body)
            if spec is None or spec.kind == "document":
                self.add(DsmRule.BODY_UNKNOWN, f"{_name(body)} is not a DSM message body", body)
        self._action(headers.get("Action"), root, body, spec)
        self._addressing(headers, root, spec)
        if spec is not None and spec.protocol == "wsd":
            self._discovery(headers, header, root, spec)
        return body

    def _discovery(
        self,
        headers: dict[str, etree._Element],
        header: etree._Element | None,
        root: etree._Element,
        spec: MessageType,
    ) -> None:
        """WS-Discovery's own addressing: multicast messages go to its URN, and a device's
        messages carry its AppSequence."""
        to = headers.get("To")
        if spec.kind in ("request", "event") and to is not None:
            value = strip_xml(text_of(to))
            if value != DISCOVERY_TO:
                self.add(
                    DsmRule.DISCOVERY_TO,
                    f"{ns.prefixed(spec.qname)} is addressed to {value!r}, not {DISCOVERY_TO}",
                    to,
                )
        if spec.qname in SEQUENCED and (
            header is None or header.find(f"{{{ns.WSD}}}AppSequence") is None
        ):
            self.add(
                DsmRule.APP_SEQUENCE_MISSING,
                f"{ns.prefixed(spec.qname)} has no wsd:AppSequence header",
                root if header is None else header,
            )

    def _action(
        self,
        element: etree._Element | None,
        root: etree._Element,
        body: etree._Element | None,
        spec: MessageType | None,
    ) -> None:
        if element is None:
            self.add(DsmRule.ACTION_MISSING, "the envelope has no wsa:Action header", root)
            return
        written = self._uri_text(element)
        self.action = written
        defect = _uri_defect(written)
        if defect is not None:  # one problem: no action can be recognised in it
            self.uri_lines.add(element.sourceline)
            self.add(DsmRule.ACTION_UNKNOWN, f"action {written!r} {defect}", element)
            return
        action = self._stale_action(element, written)
        announced = by_action(action)
        if announced is None and action != FAULT_ACTION and action not in EMPTY_BODY_ACTIONS:
            self.add(DsmRule.ACTION_UNKNOWN, f"action {action} is not a DSM action", element)
            return
        if body is None:
            if action not in EMPTY_BODY_ACTIONS:
                self.add(DsmRule.SOAP_STRUCTURE, f"action {action} needs a body element", root)
            return
        if spec is None or spec.kind == "document":
            return  # reported as DSM-BODY-UNKNOWN
        if action in EMPTY_BODY_ACTIONS:
            self.add(DsmRule.ACTION_MISMATCH, f"action {action} announces an empty body", element)
        elif spec.kind == "fault":
            if action != FAULT_ACTION:
                self.add(
                    DsmRule.ACTION_MISMATCH, f"a fault travels with action {FAULT_ACTION}", element
                )
        elif spec not in (candidates := all_by_action(action)):
            # an action WS-DSD and WS-Scan share announces a dsd: or a wscn: body
            if any(
                spec.kind == "response"
                and other.kind == "request"
                and (other.protocol, other.operation) == (spec.protocol, spec.operation)
                for other in candidates
            ):
                self.add(
                    DsmRule.ACTION_REPEATS_REQUEST,
                    f"{_name(body)} travels with its request's action; its own is {spec.action}",
                    element,
                )
            else:
                announces = " or ".join(
                    f"{ns.prefixed(other.qname)} ({other.protocol})" for other in candidates
                )
                self.add(
                    DsmRule.ACTION_MISMATCH,
                    f"action {action} announces {announces}, not {_name(body)} ({spec.protocol},"
                    f" expected {spec.action})",
                    element,
                )

    def _stale_action(self, element: etree._Element, action: str) -> str:
        """The action with a stale namespace replaced by the current one, reported as the same
        stale namespace is in element names (tolerated in lenient for the pre-release WS-Scan
        namespace); the tree then holds the current action, as it holds the current names."""
        if action == _HTTPS_FAULT_ACTION:
            message = f"action {action} is written https://; it is http://"
            self.add(DsmRule.ACTION_HTTPS, message, element)
            self.repair.text(element, FAULT_ACTION)
            return FAULT_ACTION
        for stale, (current, tolerated) in STALE_NAMESPACES.items():
            if not action.startswith(stale + "/"):
                continue
            renamed = current + action[len(stale) :]
            if by_action(renamed) is None:
                return action  # not ours under any namespace: DSM-ACTION-UNKNOWN
            self.add(
                DsmRule.STALE_NAMESPACE_TOLERATED if tolerated else DsmRule.STALE_NAMESPACE,
                f"action {action} is in {stale}, a stale or misprinted form of {current}",
                element,
            )
            self.repair.text(element, renamed)
            return renamed
        return action

    def _addressing(
        self, headers: dict[str, etree._Element], root: etree._Element, spec: MessageType | None
    ) -> None:
        kind = spec.kind if spec is not None else None
        if kind is None and self.action in EMPTY_BODY_ACTIONS:
            kind = EMPTY_BODY_ACTIONS[self.action][2]
        if "To" not in headers:
            self.add(DsmRule.HEADER_MISSING, "the envelope has no wsa:To header", root)
        if kind == "request":
            if "MessageID" not in headers:
                self.add(
                    DsmRule.HEADER_MISSING, "a request needs a wsa:MessageID to be answered", root
                )
            answered_to_sender = spec is not None and spec.protocol in ANSWERED_TO_SENDER
            if "ReplyTo" not in headers and not answered_to_sender:
                self.add(DsmRule.REPLY_TO_MISSING, "the request has no wsa:ReplyTo", root)
        if kind == "response" and "RelatesTo" not in headers:
            self.add(
                DsmRule.RELATES_TO_MISSING,
                "a response needs wsa:RelatesTo naming the request it answers",
                root,
            )
        elif kind == "fault" and "RelatesTo" not in headers:
            self.add(
                DsmRule.FAULT_UNRELATED,
                "a fault without wsa:RelatesTo answers a message whose MessageID could not be "
                "read; any other fault relates to the MessageID of what it answers",
                root,
            )
        message_id = headers.get("MessageID")
        if message_id is not None:
            value = strip_xml(text_of(message_id))
            if _ABSOLUTE_URI.match(value) and not _URN_UUID.match(value):
                self.add(
                    DsmRule.MESSAGE_ID_FORM,
                    f"MessageID {value!r} is not urn:uuid: followed by a UUID",
                    message_id,
                )

    def _uri_text(self, element: etree._Element) -> str:
        """The URI an element holds, trimmed; padding is reported and trimmed in the tree."""
        raw = text_of(element)
        value = strip_xml(raw)
        if raw != value:
            self.add(
                DsmRule.URI_WHITESPACE,
                f"{_name(element)} {value!r} is padded with whitespace {_padding(raw)} it",
                element,
            )
            self.repair.text(element, value)
        return value

    def _uris(self, root: etree._Element) -> None:
        """Every value the schemas type ``xs:anyURI`` is an absolute URI, the Action aside
        (an action that is not a URI is named once, as an unknown action). Only elements whose
        name can hold one are visited, unless a global URI attribute (``soap:role``) stands on
        another element: then every element is."""
        facts = declarations()
        holders = _uri_holders()
        visit = (
            root.iter() if holders.stray_global(root) else _named(root, holders.names, self.large)
        )
        for element in visit:
            if not isinstance(element.tag, str) or element.tag == _ACTION:
                continue
            parent = element.getparent()
            if facts.holds_uri(None if parent is None else str(parent.tag), element.tag):
                self._absolute_uri(element)
            if element.attrib:
                for attribute in holders.attributes.intersection(map(str, element.attrib)):
                    if {(element.tag, attribute), (None, attribute)} & facts.uri_attributes:
                        self._absolute_uri_attribute(element, attribute)

    def _absolute_uri_attribute(self, element: etree._Element, attribute: str) -> None:
        raw = element.get(attribute, "")
        value = strip_xml(raw)
        defect = _uri_defect(value)
        if raw == value and defect is None:
            return
        name = f"{_name(element)}/@{ns.prefixed(attribute) if '}' in attribute else attribute}"
        location = self.source.location(element) if self.source is not None else None
        if location is not None:
            location += name[name.index("/@") :]
        if raw != value:
            self.add(
                DsmRule.URI_WHITESPACE,
                f"{name} {value!r} is padded with whitespace {_padding(raw)} it",
                element,
                location=location,
            )
            self.repair.attribute(element, attribute, value)
        if defect is not None:
            self.uri_lines.add(element.sourceline)
            self.add(
                DsmRule.URI_NOT_ABSOLUTE, f"{name} {value!r} {defect}", element, location=location
            )

    def _absolute_uri(self, element: etree._Element) -> None:
        value = self._uri_text(element)
        defect = _uri_defect(value)
        if defect is not None:
            # one problem per defect: the schema's xs:anyURI complaint about it is not repeated
            self.uri_lines.add(element.sourceline)
            self.add(DsmRule.URI_NOT_ABSOLUTE, f"{_name(element)} {value!r} {defect}", element)

    # -- schema ----------------------------------------------------------------------------
    def _schema(self, root: etree._Element) -> None:
        schema = load_schema()
        if schema.validate(root):
            self._name_moved()
            return
        reordered = self._child_order(root)
        if not reordered:
            self._name_moved()
        if reordered and schema.validate(root):
            return
        first = _by_element(schema.error_log)
        at_fault = [self._schema_element(root, entries[0]) for entries in first]
        trimmed = self.repair.trim_padded_values(root, at_fault)
        if trimmed:
            remaining = [] if schema.validate(root) else _by_element(schema.error_log)
            still = {(entries[0].line, entries[0].path) for entries in remaining}
            for entries, element in zip(first, at_fault, strict=True):
                where = (entries[0].line, entries[0].path)
                if element is not None and element in trimmed and where not in still:
                    self._schema_problem(
                        DsmRule.VALUE_WHITESPACE,
                        entries,
                        element,
                        " (valid once the padding is removed)",
                    )
            first = remaining
            at_fault = [self._schema_element(root, entries[0]) for entries in first]
        for entries, element in zip(first, at_fault, strict=True):
            kept = [
                entry
                for entry in entries
                if not (entry.line in self.keyword_lines and "union" in entry.message)
                and not (entry.line in self.uri_lines and _URI_SCHEMA_ERROR.match(entry.message))
                and not (
                    entry.line in self.detail_text_lines and "Detail': Character" in entry.message
                )
                and not any(
                    entry.line == line and words in entry.message for line, words in self.named
                )
            ]
            if kept:
                self._schema_problem(DsmRule.XSD, kept, element)

    def _schema_problem(
        self,
        code: DsmRule,
        entries: list[etree._LogEntry],
        element: etree._Element | None,
        suffix: str = "",
    ) -> None:
        """One problem for what the schema says of one element, at the element."""
        messages = list(dict.fromkeys(_schema_message(entry.message) for entry in entries))
        message = "; ".join(messages) + suffix
        if element is None:
            entry = entries[0]
            self.add(
                code,
                message,
                line=entry.line,
                column=_column(entry.column),
                location=_schema_path(entry.path),
            )
        else:
            self.add(code, message, element, location=_schema_path(entries[0].path))

    def _schema_element(
        self, root: etree._Element, entry: etree._LogEntry
    ) -> etree._Element | None:
        """The element a schema error is about: on its line, at its path."""
        if self._on_line is None:
            self._on_line = {}
            for element in root.iter():
                if isinstance(element.tag, str):
                    self._on_line.setdefault(element.sourceline, []).append(element)
        candidates = self._on_line.get(entry.line, [])
        if len(candidates) == 1:
            return candidates[0]
        tree = root.getroottree()
        return next((found for found in candidates if tree.getpath(found) == entry.path), None)

    def _name_moved(self) -> None:
        for message, child in self.moved:
            self.add(DsmRule.XSD, message, child)

    def _child_order(self, root: etree._Element) -> bool:
        """Children out of their schema sequence's order: one problem each, then the tree put
        in schema order (the lenient profile reads them so; the schema check that follows
        names what else is wrong). Whether anything was out of order."""
        found = out_of_order(root)
        if found and self.source is not None:
            self.source.scan()  # positions and columns of the elements as written
        for reordering in found:
            for misplaced in reordering.misplaced:
                self.add(DsmRule.CHILD_ORDER, misplaced.message, misplaced.child)
        for reordering in found:
            self.repair.reorder(reordering.parent, reordering.order)
        return bool(found)

    # -- body rules ------------------------------------------------------------------------
    def _body(self, body: etree._Element) -> None:
        spec = by_qname(body.tag) if isinstance(body.tag, str) else None
        # only an attribute below the body can be one the models cannot keep: a body without
        # one needs no model loaded (nor the binding layer) to be checked
        if spec is not None and body.xpath("boolean(descendant::*[@*])"):
            from .binding import leaf_attributes

            for element, attribute in leaf_attributes(body, spec.model):
                self.add(
                    DsmRule.LEAF_ATTRIBUTE,
                    f"{_name(element)} carries the attribute {attribute}, which dsm-messages "
                    "cannot keep: its models hold this element as a plain value",
                    element,
                )
        steps = _BODY_STEPS
        for element in _named(body, _body_names(), self.large):
            name = str(element.tag)
            found = steps.get(name)
            if found is None:
                found = steps[name] = _body_steps(name)
            for step in found:
                step(self, element)

    def _name_or_keyword(self, element: etree._Element) -> None:
        parent = element.getparent()
        if parent is not None and etree.QName(parent).localname == "RequestedElements":
            self._requested_name(element)
        else:
            self._leaf_keyword(element)

    def _leaf_keyword(self, element: etree._Element) -> None:
        well_known = declarations().keyword_elements.get(str(element.tag))
        if well_known is not None and len(element) == 0:
            self._keyword(element, well_known)

    def _alias(self, element: etree._Element) -> None:
        if len(element):
            return
        namespace, local = _split(str(element.tag))
        alias = find_alias(namespace, local, _text(element))
        if alias is not None:
            self.add(
                DsmRule.VALUE_ALIAS,
                f"{_name(element)} {alias.alias!r} is written {alias.canonical!r} "
                f"by dsm-messages ({alias.source})",
                element,
            )

    def _time_zone(self, element: etree._Element) -> None:
        value = _text(element)
        if value and not _ZONE.search(value):
            self.add(DsmRule.TIME_ZONE, f"{_name(element)} {value!r} has no time zone", element)

    def _time_range(self, element: etree._Element) -> None:
        value = _text(element)
        year = _YEAR.match(value)
        if year is None or FIRST_YEAR <= int(year.group(1)) <= LAST_YEAR:
            return
        try:  # the rest of it as the schema reads it: any other defect is the schema's to name
            to_datetime_text = f"2000{value[year.end(1) :]}"
            Timestamp.from_xml(to_datetime_text)
        except ValueError:
            return
        self.add(
            DsmRule.TIME_RANGE,
            f"{_name(element)} {value!r}: the year {year.group(1)} is outside "
            f"{FIRST_YEAR:04} to {LAST_YEAR}, which dsm-messages can hold",
            element,
        )

    def _base64(self, element: etree._Element) -> None:
        """Binary data is base64 as XML Schema defines it: libxml2 lets through text that is
        not (a URI in dsp:ImageData), which no reader can decode."""
        text = text_of(element).translate(_NO_XML_WHITESPACE)
        if not text:
            return
        try:
            base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            self.named.add((element.sourceline, "base64Binary"))
            self.add(
                DsmRule.XSD,
                f"{_name(element)} {text[:40]!r} is not base64 data (xs:base64Binary)",
                element,
            )

    def _wildcard_order(self, element: etree._Element) -> None:
        """A declared child after a vendor element, or after a later declared sibling where
        the ``##other`` wildcard that follows takes it: libxml2 lets such children through
        (a lax wildcard interleaves with the declared ones), but the models keep every
        declared child in its place, so it would come back moved. Named once the schema pass
        shows no child out of order (see :meth:`_name_moved`)."""
        sequence = declarations().wildcard_sequences[str(element.tag)]
        namespace = _split(str(element.tag))[0]
        vendor: etree._Element | None = None  # the vendor element read last, if the last
        place = 0  # how far along the sequence the children so far have come
        for child in _children(element):
            name = str(child.tag)
            foreign = _split(name)[0] != namespace
            if name not in sequence:
                if not foreign or None not in sequence[place:]:
                    return  # the schema names what is wrong here
                place, vendor = sequence.index(None, place), child
                continue
            at = sequence.index(name)
            if at >= place:
                place, vendor = at, None
            elif vendor is not None:
                self.moved.append(
                    (
                        f"{_name(child)} is not expected after {_name(vendor)}: the schema "
                        f"puts every {_name(child)} of {_name(element)} before vendor "
                        "elements",
                        child,
                    )
                )
            elif foreign and None in sequence[place:]:
                # the wildcard that follows takes it as vendor content
                self.moved.append(
                    (
                        f"{_name(child)} after {_name(element)}'s later children is read as "
                        f"vendor content, which dsm-messages cannot keep in place: every "
                        f"{_name(child)} of {_name(element)} belongs before them",
                        child,
                    )
                )
            else:
                return  # out of order: the schema refuses it and names it

    def _keyword(self, element: etree._Element, well_known: frozenset[str]) -> None:
        value = _text(element)
        if (
            value in well_known
            or _KEYWORD.match(value)
            or find_alias(
                etree.QName(element).namespace or "", etree.QName(element).localname, value
            )
        ):
            return
        self.keyword_lines.add(element.sourceline)
        self.add(
            DsmRule.VENDOR_KEYWORD,
            f"{_name(element)} {value!r} is neither a well-known value nor a vendor keyword "
            "written prefix:Keyword",
            element,
        )

    def _qname(self, element: etree._Element, text: str) -> tuple[str, str] | None:
        """Resolve QName text against the element's in-scope namespaces (stale URIs mapped)."""
        prefix, _, local = strip_xml(text).rpartition(":")
        namespace = _Source.resolve(element, prefix or None)
        if namespace is None and prefix:
            self.add(
                DsmRule.QNAME_UNBOUND,
                f"{_name(element)} {strip_xml(text)!r}: prefix {prefix!r} is not declared",
                element,
            )
            return None
        namespace = namespace or ""
        if namespace in STALE_NAMESPACES:
            current = STALE_NAMESPACES[namespace][0]
            self.add(
                DsmRule.STALE_NAMESPACE,
                f"{_name(element)} {strip_xml(text)!r} resolves to stale namespace {namespace} "
                f"(current: {current})",
                element,
            )
            namespace = current
        return namespace, local

    def _requested_name(self, element: etree._Element) -> None:
        resolved = self._qname(element, text_of(element))
        if resolved is None:
            return
        namespace, local = resolved
        if not namespace:
            self.add(
                DsmRule.QNAME_UNKNOWN,
                f"requested name {local!r} has no namespace; write it as prefix:{local}",
                element,
            )
        elif namespace in _DSM_NAMESPACES and local not in declarations().element_names.get(
            namespace, frozenset()
        ):
            self.add(
                DsmRule.QNAME_UNKNOWN,
                f"requested name {{{namespace}}}{local} is declared by no DSM schema",
                element,
            )

    def _fault_code(self, code: etree._Element) -> None:
        value = code.find(f"{{{ns.SOAP}}}Value")
        if value is None:
            return  # the schema reports it
        resolved = self._qname(value, text_of(value))
        code_local = None
        if resolved is not None:
            namespace, local = resolved
            if namespace != ns.SOAP or local not in _SOAP_CODES:
                self.add(
                    DsmRule.FAULT_CODE,
                    f"fault code {_text(value)!r} is not one of soap:"
                    + ", soap:".join(_SOAP_CODES),
                    value,
                )
            else:
                code_local = local
        subcode = code.find(f"{{{ns.SOAP}}}Subcode/{{{ns.SOAP}}}Value")
        if subcode is None:
            return
        resolved = self._qname(subcode, text_of(subcode))
        if resolved is None:
            return
        namespace, local = resolved
        documented = [
            fault
            for fault in ALL_FAULTS
            if fault.subcodes and fault.subcodes[0].text == f"{{{namespace}}}{local}"
        ]
        if namespace in _DSM_NAMESPACES | {ns.WSA} and not documented:
            self.add(
                DsmRule.QNAME_UNKNOWN,
                f"fault subcode {{{namespace}}}{local} is not a documented subcode",
                subcode,
            )
        elif documented and code_local and code_local not in {f.code for f in documented}:
            self.add(
                DsmRule.FAULT_SUBCODE_CODE,
                f"subcode {local} is documented under soap:{documented[0].code}, "
                f"not soap:{code_local}",
                subcode,
            )

    def _fault_detail(self, detail: etree._Element) -> None:
        """Text written directly in soap:Detail, as Microsoft's fault pages show it: SOAP 1.2
        allows detail entries (elements) only."""
        texts = [detail.text, *(child.tail for child in detail)]
        written = " ".join(" ".join(text.split()) for text in texts if text and text.strip())
        if written:
            self.detail_text_lines.add(detail.sourceline)
            shown = written if len(written) <= 40 else written[:37] + "..."
            self.add(
                DsmRule.FAULT_DETAIL_TEXT,
                f"soap:Detail holds the text {shown!r}; SOAP 1.2 allows only detail entries "
                "(elements) there",
                detail,
            )

    def _dual_form(self, element: etree._Element) -> None:
        namespace = _ATTRIBUTE_NAMESPACE[etree.QName(element).namespace or ""]
        for attribute, (canonical_qualified, source) in _DUAL_FORM[str(element.tag)].items():
            qualified = element.get(f"{{{namespace}}}{attribute}")
            plain = element.get(attribute)
            prefix = ns.prefixed(f"{{{namespace}}}{attribute}")
            if qualified is not None and plain is not None:
                self.add(
                    DsmRule.ATTRIBUTE_COUNT,
                    f"{_name(element)} has both {attribute} and {prefix}",
                    element,
                )
            elif qualified is None and plain is None:
                self.add(
                    DsmRule.ATTRIBUTE_COUNT,
                    f"{_name(element)} has no {prefix if canonical_qualified else attribute}",
                    element,
                )
            elif (
                canonical_qualified is not None and (qualified is not None) != canonical_qualified
            ):
                written, wanted = (
                    (prefix, attribute) if qualified is not None else (attribute, prefix)
                )
                self.add(
                    DsmRule.ATTRIBUTE_FORM,
                    f"{_name(element)} writes {written}; {source} write {wanted}",
                    element,
                )

    def _element_data(self, element: etree._Element) -> None:
        namespace = etree.QName(element).namespace or ""
        attribute_ns = _ATTRIBUTE_NAMESPACE.get(namespace, namespace)
        valid_text = element.get(f"{{{attribute_ns}}}Valid", element.get("Valid"))
        name_text = element.get(f"{{{attribute_ns}}}Name", element.get("Name"))
        if valid_text is None or name_text is None:
            return  # reported as DSM-ATTRIBUTE-COUNT or by the schema
        content = list(_children(element))
        if strip_xml(valid_text) in ("false", "0"):
            if content:
                self.add(
                    DsmRule.ELEMENT_DATA,
                    f"ElementData {name_text!r} is Valid=false but holds {_name(content[0])}",
                    element,
                )
            return
        resolved = self._qname(element, name_text)
        if resolved is None:
            return
        wanted = f"{{{resolved[0]}}}{resolved[1]}"
        if len(content) != 1 or content[0].tag != wanted:
            holds = ", ".join(_name(child) for child in content) or "nothing"
            self.add(
                DsmRule.ELEMENT_DATA,
                f"ElementData {name_text!r} is Valid=true and must hold {ns.prefixed(wanted)}; "
                f"it holds {holds}",
                element,
            )

    def _filter(self, element: etree._Element) -> None:
        dialect = element.find(_PSP_DIALECT)
        instructions = element.find(_PSP_INSTRUCTIONS)
        if dialect is None or instructions is None:
            return  # the schema reports it
        uri = _text(dialect)  # trimmed, and reported when it is not a URI, by _uris
        content = list(_children(instructions))
        if not content:
            return
        namespace = _split(str(content[0].tag))[0]
        if namespace != uri:
            self.add(
                DsmRule.FILTER_DIALECT,
                f"filter Dialect {uri} but its Instructions hold {_name(content[0])}",
                dialect,
            )
        elif uri in _FILTER_DIALECTS and by_qname(str(content[0].tag)) is None:
            self.add(
                DsmRule.FILTER_DIALECT,
                f"{_name(content[0])} is not the configuration element of dialect {uri}",
                content[0],
            )

    def _valid_ticket(self, element: etree._Element) -> None:
        valid = element.find(f"{{{ns.WSCN}}}ValidTicket")
        if valid is None:
            return
        fix = element.find(f"{{{ns.WSCN}}}ValidScanTicket")
        if _text(valid) in ("false", "0") and fix is None:
            self.add(
                DsmRule.VALID_TICKET,
                "ValidTicket is false but no ValidScanTicket says what the device would use",
                valid,
            )
        elif _text(valid) in ("true", "1") and fix is not None:
            self.add(
                DsmRule.VALID_TICKET_EXTRA,
                "ValidTicket is true yet a ValidScanTicket follows",
                fix,
            )

    def _job_status(self, element: etree._Element) -> None:
        namespace = etree.QName(element).namespace or ""
        children = {etree.QName(child).localname: child for child in _children(element)}
        state = _text(children.get("JobState"))
        completed = children.get("JobCompletedTime")
        problem = completion_problem(
            state, _text(children.get("JobCreatedTime")), _text(completed)
        )
        if problem is not None:
            self.add(DsmRule.TIMES, problem, completed)
        if namespace in (ns.DSP, ns.DSC) and state in FINAL_JOB_STATES:
            self._reasons(state, children.get("JobStateReasons"))

    def _end_state(self, element: etree._Element) -> None:
        namespace = etree.QName(element).namespace or ""
        children = {etree.QName(child).localname: child for child in _children(element)}
        state_element = children.get("JobCompletedState")
        state = _text(state_element)
        if state_element is not None and state and not is_vendor(state):
            if state not in FINAL_JOB_STATES:
                self.add(
                    DsmRule.END_STATE,
                    f"JobCompletedState {state!r} is not final (Completed, Canceled or Aborted)",
                    state_element,
                )
            elif namespace in (ns.DSP, ns.DSC):
                self._reasons(state, children.get("JobCompletedStateReasons"))
        statuses = children.get("FilterCompletedStatuses")
        for filter_state in (
            [] if statuses is None else statuses.iter(f"{{{namespace}}}FilterState")
        ):
            value = _text(filter_state)
            if value and not is_vendor(value) and value not in FINAL_FILTER_STATES:
                self.add(
                    DsmRule.FILTER_NOT_FINAL,
                    f"filter state {value!r} in the job's end state has not finished",
                    filter_state,
                )

    def _reasons(self, state: str, reasons: etree._Element | None) -> None:
        values = [
            canonical_value(etree.QName(reason).namespace or "", "JobStateReason", _text(reason))
            for reason in _children(reasons)
        ]
        if not reasons_fit(state, values):
            self.add(
                DsmRule.REASON_STATE,
                f"job state {state} with reasons {', '.join(values)}; expected one of "
                + ", ".join(sorted(REASONS_FOR_FINAL_STATE[state])),
                reasons,
            )


_Step = Callable[[_Checker, etree._Element], None]
#: The body checks each element name gets, in the order they run (filled as names are met).
_BODY_STEPS: dict[str, tuple[_Step, ...]] = {}
_ALIASED = frozenset(
    f"{{{alias.namespace}}}{element}" for alias in VALUE_ALIASES for element in alias.elements
)
_VALUE_NAMESPACES = (ns.DSP, ns.DSC, ns.WSCN)
_JOB_STATUS = frozenset(f"{{{namespace}}}JobStatus" for namespace in (*_VALUE_NAMESPACES, ns.DSD))
_ELEMENT_DATA = frozenset(f"{{{namespace}}}ElementData" for namespace in _VALUE_NAMESPACES)
#: Local names checked in whatever namespace they are written.
_ANY_NAMESPACE = ("Name", "PostScanJobEndState", "JobEndState")
_ONE_OF: dict[str, _Step] = {
    f"{{{ns.PSP}}}Filter": _Checker._filter,
    f"{{{ns.WSCN}}}ValidationInfo": _Checker._valid_ticket,
    f"{{{ns.SOAP}}}Code": _Checker._fault_code,
    f"{{{ns.SOAP}}}Detail": _Checker._fault_detail,
    **dict.fromkeys(_ELEMENT_DATA, _Checker._element_data),
    **dict.fromkeys(_JOB_STATUS, _Checker._job_status),
}


@functools.cache
def _body_names() -> tuple[str, ...]:
    """Every element name some body check looks at (the rest of the body is not visited)."""
    facts = declarations()
    exact = set(facts.keyword_elements) | _ALIASED | set(_DUAL_FORM) | set(_ONE_OF)
    exact |= facts.datetime_elements | facts.base64_elements | set(facts.wildcard_sequences)
    return (*sorted(exact), *(f"{{*}}{local}" for local in _ANY_NAMESPACE))


def _body_steps(name: str) -> tuple[_Step, ...]:
    """The checks an element called ``name`` gets, in order: its value (requested name or
    keyword; alias; time zone), its dual-form attributes, then its content."""
    facts = declarations()
    namespace, local = _split(name)
    steps: list[_Step] = []
    if local == "Name":
        steps.append(_Checker._name_or_keyword)
    elif name in facts.keyword_elements:
        steps.append(_Checker._leaf_keyword)
    if namespace in _VALUE_NAMESPACES and name in _ALIASED:
        steps.append(_Checker._alias)
    if name in facts.datetime_elements:
        steps.append(_Checker._time_range)
        if namespace in _DSM_NAMESPACES:
            steps.append(_Checker._time_zone)
    if name in _DUAL_FORM:
        steps.append(_Checker._dual_form)
    if name in facts.wildcard_sequences:
        steps.append(_Checker._wildcard_order)
    if name in facts.base64_elements:
        steps.append(_Checker._base64)
    if name in _ONE_OF:
        steps.append(_ONE_OF[name])
    elif local in ("PostScanJobEndState", "JobEndState"):
        steps.append(_Checker._end_state)
    return tuple(steps)


#: Above this size (bytes), walks let libxml2 match the names they want: a set-up per name
#: and per document, then C speed per element; below it, Python's set lookup is cheaper.
_LARGE = 32 * 1024
_PSP_DIALECT = f"{{{ns.PSP}}}Dialect"
_PSP_INSTRUCTIONS = f"{{{ns.PSP}}}Instructions"
_IDENTIFIER = f"{{{ns.WSE}}}Identifier"


def _named(root: etree._Element, names: tuple[str, ...], large: bool) -> list[etree._Element]:
    """The elements of ``root`` (itself included) whose Clark name is in ``names``, in
    document order; ``{*}local`` stands for ``local`` in any namespace or none."""
    if large:
        return list(root.iter(*names))
    exact, locals_, suffixes = _name_sets(names)
    if not suffixes:
        return [element for element in root.iter() if element.tag in exact]
    return [
        element
        for element in root.iter()
        if element.tag in exact
        or (element.tag.__class__ is str and str(element.tag).endswith(suffixes))
        or element.tag in locals_
    ]


@functools.cache
def _name_sets(
    names: tuple[str, ...],
) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(exact Clark names, local names wanted in any namespace or none, ``}local`` endings)
    of a tuple of names."""
    wild = frozenset(name[3:] for name in names if name.startswith("{*}"))
    exact = frozenset(name for name in names if not name.startswith("{*}"))
    return exact, wild, tuple(sorted("}" + local for local in wild))


def _split(name: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark name (namespace ``""`` when it has none)."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


class _Source:
    """What lxml does not say cheaply about the parsed elements: the column each starts at and
    the namespaces each declares (``nsmap`` copies every in-scope declaration, per element).
    Read once from the bytes with expat, in document order; columns are unknown when expat
    cannot read the bytes as libxml2 did (an encoding it lacks), and then read from lxml's
    serialization. Locations are built once per element. The bytes are read only when a
    column or the declarations are first asked for (a problem to report, a stale namespace
    to name), so a message without problems is never read twice."""

    def __init__(self, root: etree._Element, data: bytes) -> None:
        self.root = root
        self.data: bytes | None = data
        self.elements: list[etree._Element] = []
        self.index: dict[etree._Element, int] = {}
        self.columns: list[int] | None = None
        self.declared: dict[int, dict[str | None, str]] = {}
        self._locations: dict[etree._Element, str] = {}
        self._positions: dict[etree._Element, dict[etree._Element, tuple[int, int]]] = {}

    def scan(self) -> None:
        """Read the bytes now (before the tree's elements change: xop:Include resolved)."""
        data, self.data = self.data, None
        if data is None:
            return
        root = self.root
        self.elements = [element for element in root.iter() if isinstance(element.tag, str)]
        self.index = {element: number for number, element in enumerate(self.elements)}
        if self._scan(data):
            return
        self.columns = None
        if not self._scan(etree.tostring(root, encoding="UTF-8")):
            self.declared = {}

    def _scan(self, data: bytes) -> bool:
        columns: list[int] = []
        declared: dict[int, dict[str | None, str]] = {}
        parser = expat.ParserCreate()

        def start(name: str, attributes: dict[str, str]) -> None:
            number = len(columns)
            columns.append(parser.CurrentColumnNumber + 1)
            here = {
                (key[6:] or None): value
                for key, value in attributes.items()
                if key == "xmlns" or key.startswith("xmlns:")
            }
            if here:
                declared[number] = here

        parser.StartElementHandler = start
        try:
            parser.Parse(data, True)
        except (expat.ExpatError, ValueError, LookupError):
            return False
        if len(columns) != len(self.elements):
            return False
        self.columns, self.declared = columns, declared
        return True

    def column(self, element: etree._Element) -> int | None:
        self.scan()
        number = self.index.get(element)
        return None if number is None or self.columns is None else self.columns[number]

    def declarations(self, number: int) -> dict[str | None, str]:
        self.scan()
        return self.declared.get(number, {})

    def first_declarations(self) -> dict[str, int]:
        """Each namespace URI declared in the document -> the first element declaring it."""
        self.scan()
        first: dict[str, int] = {}
        for number in sorted(self.declared):
            for uri in self.declared[number].values():
                first.setdefault(uri, number)
        return first

    def element(self, number: int) -> etree._Element:
        self.scan()
        return self.elements[number]

    @staticmethod
    def resolve(element: etree._Element, prefix: str | None) -> str | None:
        """The namespace ``prefix`` is bound to where ``element`` is (``None``: unbound; ``""``
        or ``None`` where ``xmlns=""`` undeclares the default namespace). Asked of a few
        elements only (QName values), so lxml's in-scope map serves."""
        if prefix == "xml":
            return "http://www.w3.org/XML/1998/namespace"
        return element.nsmap.get(prefix)

    def location(self, element: etree._Element) -> str:
        """An XPath-like path with conventional prefixes, ``[n]`` where siblings share a name."""
        found = self._locations.get(element)
        if found is not None:
            return found
        parent = element.getparent()
        step = _name(element)
        if parent is None:
            found = "/" + step
        else:
            position, count = self._siblings(parent)[element]
            if count > 1:
                step += f"[{position}]"
            found = self.location(parent) + "/" + step
        self._locations[element] = found
        return found

    def _siblings(self, parent: etree._Element) -> dict[etree._Element, tuple[int, int]]:
        found = self._positions.get(parent)
        if found is None:
            counts: dict[object, int] = {}
            positions: dict[etree._Element, int] = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
                positions[child] = counts[child.tag]
            found = {child: (at, counts[child.tag]) for child, at in positions.items()}
            self._positions[parent] = found
        return found


_STALE_BYTES = tuple(stale.encode("ascii") for stale in STALE_NAMESPACES)
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1"})


def _may_declare_stale(root: etree._Element, data: bytes | None) -> bool:
    """Whether the document may declare a stale namespace URI: always, unless its bytes are
    in an ASCII-compatible encoding with no character reference (which could spell a URI
    differently) and none of the stale URIs occurs in them."""
    if data is None:
        return True
    encoding = (root.getroottree().docinfo.encoding or "").lower()
    if encoding not in _ASCII_COMPATIBLE or b"&#" in data:
        return True
    return any(stale in data for stale in _STALE_BYTES)


_ACTION = f"{{{ns.WSA}}}Action"
_HTTPS_FAULT_ACTION = "https" + FAULT_ACTION.removeprefix("http")


@attrs.frozen
class _UriHolders:
    #: Names of the elements that hold a URI or carry a URI attribute of their own.
    names: tuple[str, ...]
    #: Every URI attribute name.
    attributes: frozenset[str]
    #: The global URI attributes (which may stand on any element), by Clark name.
    spread: frozenset[str]
    #: Attributes with a global URI attribute's local name, found by libxml2.
    candidates: etree.XPath

    def stray_global(self, root: etree._Element) -> bool:
        """Whether a global URI attribute stands on an element not named in ``names``."""
        found = self.candidates(root)
        assert isinstance(found, list)
        return any(
            getattr(attribute, "attrname", None) in self.spread
            and getattr(attribute.getparent(), "tag", None) not in self.names
            for attribute in found
        )


@functools.cache
def _uri_holders() -> _UriHolders:
    facts = declarations()
    names = set(facts.uri_elements) | {child for _, child in facts.uri_children}
    names |= {carrier for carrier, _ in facts.uri_attributes if carrier is not None}
    spread = {attribute for carrier, attribute in facts.uri_attributes if carrier is None}
    locals_ = sorted({_split(name)[1] for name in spread})
    condition = " or ".join(f"local-name()='{local}'" for local in locals_) or "false()"
    return _UriHolders(
        names=tuple(sorted(names)),
        attributes=frozenset(attribute for _, attribute in facts.uri_attributes),
        spread=frozenset(spread),
        candidates=etree.XPath(f"descendant-or-self::*/@*[{condition}]"),
    )


class _Discard:
    def write(self, data: memoryview, /) -> int:
        return len(data)


def _children(element: etree._Element | None) -> Iterator[etree._Element]:
    if element is None:
        return
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _text(element: etree._Element | None) -> str:
    return "" if element is None else strip_xml(text_of(element))


def _name(element: etree._Element) -> str:
    return ns.prefixed(element.tag) if isinstance(element.tag, str) else str(element.tag)


def _location(element: etree._Element) -> str:
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        step = _name(node)
        if parent is not None:
            same = [child for child in parent if child.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


def _padding(raw: str) -> str:
    """Where whitespace pads ``raw``: before, after, or before and after it."""
    before, after = raw[:1] in XML_WHITESPACE, raw[-1:] in XML_WHITESPACE
    return "before and after" if before and after else ("before" if before else "after")


@functools.lru_cache(maxsize=4096)  # the same few addresses and actions, message after message
def _uri_defect(value: str) -> str | None:
    """What keeps ``value`` (trimmed) from being an absolute URI, or ``None``."""
    if _ABSOLUTE_URI.match(value):
        return None  # uuid:UniqueMsgId too: a URI, whose form DSM-MESSAGE-ID-FORM names
    if value in PLACEHOLDERS:
        return "is a documentation placeholder"
    inside = next((c for c in value if c.isspace()), None)
    if inside is not None:
        what = "a line break" if inside in "\r\n" else "whitespace"
        return f"has {what} inside it; a URI holds none"
    if not _SCHEME.match(value):
        return "is not an absolute URI: it has no scheme"
    bad = next(c for c in value if c in _NOT_IN_URIS)
    return f"holds {bad!r}, which a URI does not allow"


def is_absolute_uri(value: str) -> bool:
    """Whether ``value`` (trimmed of XML whitespace) is an absolute URI, as the URI rules read
    it (a reply can relate to such a MessageID, and to no other).

    >>> is_absolute_uri("urn:uuid:5eb4f990-0000-4000-8000-000000000001"), is_absolute_uri("x y")
    (True, False)
    """
    return _uri_defect(strip_xml(value)) is None


def _unknown_position(_offset: int | None) -> tuple[int | None, int | None]:
    return None, None


def _file_position(
    path: str | os.PathLike[str], start: int, offset: int | None
) -> tuple[int | None, int | None]:
    """:func:`_position` of byte ``offset`` of what a file holds from byte ``start`` on, read
    again in chunks (only for a problem's place, so never more than a few times)."""
    if offset is None:
        return None, None
    lines, line_start, read = 1, 0, 0
    with open(path, "rb") as stored:
        stored.seek(start)
        while read < offset:
            chunk = stored.read(min(CHUNK_SIZE, offset - read))
            if not chunk:
                break
            found = chunk.rfind(b"\n")
            if found >= 0:
                lines += chunk.count(b"\n")
                line_start = read + found + 1
            read += len(chunk)
    return lines, min(offset, read) - line_start + 1


def _position(data: bytes, offset: int | None) -> tuple[int | None, int | None]:
    """The line and column of byte ``offset`` of ``data`` (``None``s when it is not known)."""
    if offset is None:
        return None, None
    offset = max(0, min(offset, len(data)))
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - start + 1


def _by_element(log: etree._ListErrorLog) -> list[list[etree._LogEntry]]:
    """The schema's errors grouped by the element they are about (line and path), in order."""
    groups: dict[tuple[int, str | None], list[etree._LogEntry]] = {}
    for entry in log:
        groups.setdefault((entry.line, entry.path), []).append(entry)
    return list(groups.values())


def _column(column: int | None) -> int | None:
    return column if column else None  # libxml2 reports 0 when it does not know


def _schema_message(message: str) -> str:
    return _CLARK.sub(lambda m: ns.prefixed(m.group(0)), message)


def _schema_path(path: str | None) -> str | None:
    return path or None
