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

import contextlib
import re
from collections.abc import Iterator

from lxml import etree

from . import namespaces as ns
from .aliases import canonical_value, find_alias
from .declarations import declarations
from .errors import XmlSyntaxError
from .faults import ALL_FAULTS
from .job_states import (
    FINAL_FILTER_STATES,
    FINAL_JOB_STATES,
    REASONS_FOR_FINAL_STATE,
    completion_problem,
    is_vendor,
    reasons_fit,
)
from .messages import EMPTY_BODY_ACTIONS, FAULT_ACTION, MessageType, by_action, by_qname
from .mtom import MtomError, resolve_includes, split_parts
from .report import Problem, Report
from .rules import RULES, Profile
from .safexml import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, parse_xml
from .schema import load_schema

#: Namespace URIs seen in published material for an older or misprinted version of one of ours:
#: stale URI -> (current URI, whether the lenient profile accepts it).
STALE_NAMESPACES: dict[str, tuple[str, bool]] = {
    "http://schemas.microsoft.com/windows/2006/01/wdp/scan": (ns.WSCN, True),
    "https://schemas.microsoft.com/windows/2006/01/wdp/scan": (ns.WSCN, False),
    "https://schemas.microsoft.com/windows/2006/08/wdp/scan": (ns.WSCN, False),
    "http://schemas.microsoft.com/windows/2008/02/wdp/repository/processing": (ns.DSP, False),
}
_OTHER_ADDRESSING = (
    "http://schemas.xmlsoap.org/ws/2003/03/addressing",
    "https://schemas.xmlsoap.org/ws/2003/03/addressing",
    "http://www.w3.org/2005/08/addressing",
    "http://schemas.xmlsoap.org/ws/2004/03/addressing",
)
#: Values the DSM documentation uses where a real address or identifier belongs.
PLACEHOLDERS = frozenset(
    {"DestinationAddress", "Destination Address", "AddressofEventSink", "uuid:UniqueMsgId"}
)
_DSM_NAMESPACES = frozenset({ns.DSP, ns.DSD, ns.DSC, ns.WSCN, ns.PSP, ns.EMLF, ns.FSF, ns.SPF})
_FILTER_DIALECTS = frozenset({ns.EMLF, ns.FSF, ns.SPF})
_SOAP_CODES = ("Sender", "Receiver", "MustUnderstand", "VersionMismatch", "DataEncodingUnknown")
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_URN_UUID = re.compile(r"^urn:uuid:[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_KEYWORD = re.compile(r"^(\w+):[\w\-.]+$")
_ZONE = re.compile(r"(Z|[+\-]\d\d:\d\d)$")
_CLARK = re.compile(r"\{([^}]*)\}([\w.\-]+)")
# Dual-form attributes (decision 4): element -> {attribute: canonical form is qualified}.
# Canonical is the form the WS-DSP and WS-DSD examples write (dsp:Name/dsp:Valid qualified,
# DeviceCondition Id unqualified), which is also the form the serializer emits; WS-Scan's own
# examples write wscn:Id, accepted in the lenient profile.
_DUAL_FORM = {
    f"{{{ns.DSP}}}ElementData": {"Name": True, "Valid": True},
    f"{{{ns.WSCN}}}ElementData": {"Name": True, "Valid": True},
    f"{{{ns.DSD}}}DeviceCondition": {"Id": False},  # as the WS-DSD event example writes it
    f"{{{ns.WSCN}}}DeviceCondition": {"Id": False},
    f"{{{ns.WSCN}}}ConditionHistoryEntry": {"Id": False},
}
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
    """
    return check(
        data, profile=profile, content_type=content_type, max_bytes=max_bytes, max_depth=max_depth
    )[0]


def check(
    data: bytes,
    *,
    profile: Profile = "strict",
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> tuple[Report, bytes | None]:
    """:func:`validate`, also returning the message as the checks read it: stale namespaces
    renamed, URIs and padded values trimmed, ``xop:Include`` removed. ``None`` when the bytes
    could not be read as XML."""
    if profile not in ("strict", "lenient"):
        raise ValueError(f"profile must be 'strict' or 'lenient', not {profile!r}")
    if not isinstance(data, bytes):
        raise TypeError(f"validate() takes bytes, not {type(data).__name__}")
    checker = _Checker(profile)
    root = checker.read(data, content_type, max_bytes, max_depth)
    if root is None:
        return checker.report(), None
    checker.run(root)
    return checker.report(), etree.tostring(root)


class _Checker:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.problems: list[Problem] = []
        self.message: str | None = None
        self.action: str | None = None
        self.keyword_lines: set[int | None] = set()  # schema errors there are already named
        self.line_offset = 0

    def report(self) -> Report:
        return Report(
            profile=self.profile,
            message=self.message,
            action=self.action,
            problems=tuple(self.problems),
        )

    def add(
        self,
        code: str,
        message: str,
        element: etree._Element | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
        location: str | None = None,
    ) -> None:
        if element is not None:
            line = element.sourceline if line is None else line
            location = _location(element) if location is None else location
        if line is not None:
            line += self.line_offset
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
        self, data: bytes, content_type: str | None, max_bytes: int, max_depth: int
    ) -> etree._Element | None:
        part_ids: set[str] | None = None
        root_id: str | None = None
        if content_type is not None and content_type.strip().lower().startswith("multipart/"):
            try:
                parts = split_parts(data, content_type, sink=lambda _id: _Discard(), tolerant=True)
            except MtomError as exc:
                self.add(exc.code, str(exc))
                return None
            for defect in parts.defects:
                self.add("DSM-MIME-DEFECT", f"MIME defect: {defect}")
            # lines are counted from the start of the package, not of its root part
            at = data.find(parts.root) if parts.root else -1
            self.line_offset = data[:at].count(b"\n") if at > 0 else 0
            data = parts.root
            part_ids = set(parts.content_types)
            root_id = parts.root_id
        try:
            root = parse_xml(data, max_bytes=max_bytes, max_depth=max_depth)
        except XmlSyntaxError as exc:
            code = "DSM-XML-FORBIDDEN" if exc.forbidden else "DSM-XML-MALFORMED"
            self.add(code, exc.reason, line=exc.line, column=_column(exc.column))
            return None
        renames = self._stale_namespaces(root)
        if renames:
            # Renaming in the bytes keeps line numbers and makes QName text (fault codes,
            # requested names) resolve to the current namespace, for the schema too.
            renamed = data
            for old, new in renames.items():
                for quote in (b'"', b"'"):
                    renamed = renamed.replace(
                        quote + old.encode() + quote, quote + new.encode() + quote
                    )
            # (an encoding that is not ASCII-compatible fails here: check the bytes as written)
            with contextlib.suppress(XmlSyntaxError):
                root = parse_xml(renamed, max_bytes=max_bytes, max_depth=max_depth)
        if part_ids is not None:
            try:
                resolve_includes(root, part_ids, root_id=root_id)
            except MtomError as exc:
                self.add(exc.code, str(exc), exc.element)
                return None
        else:
            for include in root.iter(f"{{{ns.XOP}}}Include"):
                self.add(
                    "DSM-XOP-REFERENCE",
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
                "DSM-SOAP-VERSION",
                f"root element is {{{envelope_ns}}}Envelope, not a SOAP 1.2 soap:Envelope",
                root,
            )
            renames[envelope_ns or ""] = ns.SOAP
        declared: dict[str, etree._Element] = {}
        for element in root.iter():
            if isinstance(element.tag, str):
                for uri in element.nsmap.values():
                    declared.setdefault(uri, element)
        for stale, (current, tolerated) in STALE_NAMESPACES.items():
            if stale in declared:
                prefixes = sorted(
                    prefix or "(default)"
                    for prefix, uri in declared[stale].nsmap.items()
                    if uri == stale
                )
                self.add(
                    "DSM-STALE-NAMESPACE-TOLERATED" if tolerated else "DSM-STALE-NAMESPACE",
                    f"namespace {stale} (prefix {', '.join(prefixes)}) is a stale or misprinted "
                    f"form of {current}",
                    declared[stale],
                )
                renames[stale] = current
        return renames

    # -- the checks, in order --------------------------------------------------------------
    def run(self, root: etree._Element) -> None:
        if root.tag == f"{{{ns.SOAP}}}Envelope":
            body = self._envelope(root)
        else:
            body = root
            spec = by_qname(root.tag) if isinstance(root.tag, str) else None
            if spec is None or spec.kind != "document":
                self.add(
                    "DSM-BODY-UNKNOWN",
                    f"root element {_name(root)} is neither a SOAP envelope nor a DSM document",
                    root,
                )
                return
            self.message = _name(root)
        if body is not None:
            self._body(body)
        self._schema(root)

    def _envelope(self, root: etree._Element) -> etree._Element | None:
        if root.get(f"{{{ns.SOAP}}}encodingStyle") is not None:
            self.add(
                "DSM-SOAP-STRUCTURE",
                "soap:encodingStyle is not allowed on the SOAP 1.2 Envelope",
                root,
            )
        headers: dict[str, etree._Element] = {}
        header = root.find(f"{{{ns.SOAP}}}Header")
        other_addressing = False
        for block in _children(header):
            namespace = etree.QName(block).namespace
            if namespace in _OTHER_ADDRESSING:
                if not other_addressing:
                    self.add(
                        "DSM-ADDRESSING-VERSION",
                        f"header {_name(block)} uses WS-Addressing {namespace}; DSM uses {ns.WSA}",
                        block,
                    )
                other_addressing = True
            if namespace != ns.WSA:
                continue
            local = etree.QName(block).localname
            if local in headers:
                self.add("DSM-HEADER-DUPLICATE", f"wsa:{local} appears more than once", block)
                continue
            headers[local] = block
        body_element = root.find(f"{{{ns.SOAP}}}Body")
        if body_element is None:
            self.add("DSM-SOAP-STRUCTURE", "the envelope has no soap:Body", root)
            return None
        children = list(_children(body_element))
        if len(children) > 1:
            self.add(
                "DSM-SOAP-STRUCTURE",
                f"the soap:Body holds {len(children)} elements; a DSM body holds one",
                children[1],
            )
        body = children[0] if children else None
        spec = by_qname(str(body.tag)) if body is not None else None
        if body is not None:
            self.message = _name(body)
            if spec is None or spec.kind == "document":
                self.add("DSM-BODY-UNKNOWN", f"{_name(body)} is not a DSM message body", body)
        self._action(headers.get("Action"), root, body, spec)
        self._addressing(headers, root, spec)
        return body

    def _action(
        self,
        element: etree._Element | None,
        root: etree._Element,
        body: etree._Element | None,
        spec: MessageType | None,
    ) -> None:
        if element is None:
            self.add("DSM-ACTION-MISSING", "the envelope has no wsa:Action header", root)
            return
        action = self._uri_text(element)
        self.action = action
        announced = by_action(action)
        if announced is None and action != FAULT_ACTION and action not in EMPTY_BODY_ACTIONS:
            self.add("DSM-ACTION-UNKNOWN", f"action {action} is not a DSM action", element)
            return
        if body is None:
            if action not in EMPTY_BODY_ACTIONS:
                self.add("DSM-SOAP-STRUCTURE", f"action {action} needs a body element", root)
            return
        if spec is None or spec.kind == "document":
            return  # reported as DSM-BODY-UNKNOWN
        if action in EMPTY_BODY_ACTIONS:
            self.add("DSM-ACTION-MISMATCH", f"action {action} announces an empty body", element)
        elif spec.kind == "fault":
            if action != FAULT_ACTION:
                self.add(
                    "DSM-ACTION-MISMATCH", f"a fault travels with action {FAULT_ACTION}", element
                )
        elif announced is not spec:
            if (
                announced is not None
                and spec.kind == "response"
                and announced.kind == "request"
                and (announced.protocol, announced.operation) == (spec.protocol, spec.operation)
            ):
                self.add(
                    "DSM-ACTION-REPEATS-REQUEST",
                    f"{_name(body)} travels with its request's action; its own is {spec.action}",
                    element,
                )
            else:
                self.add(
                    "DSM-ACTION-MISMATCH",
                    f"action {action} does not announce {_name(body)} (expected {spec.action})",
                    element,
                )

    def _addressing(
        self, headers: dict[str, etree._Element], root: etree._Element, spec: MessageType | None
    ) -> None:
        kind = spec.kind if spec is not None else None
        if kind is None and self.action in EMPTY_BODY_ACTIONS:
            kind = EMPTY_BODY_ACTIONS[self.action][2]
        if "To" not in headers:
            self.add("DSM-HEADER-MISSING", "the envelope has no wsa:To header", root)
        if kind == "request":
            if "MessageID" not in headers:
                self.add(
                    "DSM-HEADER-MISSING", "a request needs a wsa:MessageID to be answered", root
                )
            if "ReplyTo" not in headers:
                self.add("DSM-REPLY-TO-MISSING", "the request has no wsa:ReplyTo", root)
        if kind in ("response", "fault") and "RelatesTo" not in headers:
            self.add(
                "DSM-RELATES-TO-MISSING",
                f"a {kind} needs wsa:RelatesTo naming the request it answers",
                root,
            )
        for local in ("To", "MessageID", "RelatesTo"):
            if local in headers:
                self._absolute_uri(headers[local])
        for local in ("ReplyTo", "FaultTo", "From"):
            if local in headers:
                address = headers[local].find(f"{{{ns.WSA}}}Address")
                if address is not None:
                    self._absolute_uri(address)
        message_id = headers.get("MessageID")
        if message_id is not None:
            value = (message_id.text or "").strip()
            if _ABSOLUTE_URI.match(value) and not _URN_UUID.match(value):
                self.add(
                    "DSM-MESSAGE-ID-FORM",
                    f"MessageID {value!r} is not urn:uuid: followed by a UUID",
                    message_id,
                )

    def _uri_text(self, element: etree._Element) -> str:
        """The URI an element holds, trimmed; padding is reported and trimmed in the tree."""
        raw = element.text or ""
        value = raw.strip()
        if raw != value:
            self.add(
                "DSM-URI-WHITESPACE",
                f"{_name(element)} {value!r} is padded with whitespace",
                element,
            )
            element.text = value
        return value

    def _absolute_uri(self, element: etree._Element) -> None:
        value = self._uri_text(element)
        if not _ABSOLUTE_URI.match(value):
            what = (
                "a documentation placeholder" if value in PLACEHOLDERS else "not an absolute URI"
            )
            self.add("DSM-URI-NOT-ABSOLUTE", f"{_name(element)} {value!r} is {what}", element)

    # -- schema ----------------------------------------------------------------------------
    def _schema(self, root: etree._Element) -> None:
        schema = load_schema()
        if schema.validate(root):
            return
        first = list(schema.error_log)
        padded = [
            element
            for element in root.iter()
            if isinstance(element.tag, str)
            and len(element) == 0
            and element.text
            and element.text != element.text.strip()
            and element.text.strip()
        ]
        if padded:
            trimmed_lines = set()
            for element in padded:
                element.text = (element.text or "").strip()
                trimmed_lines.add(element.sourceline)
            remaining = [] if schema.validate(root) else list(schema.error_log)
            still = {entry.line for entry in remaining}
            for entry in first:
                if entry.line in trimmed_lines and entry.line not in still:
                    self.add(
                        "DSM-VALUE-WHITESPACE",
                        _schema_message(entry.message) + " (valid once the padding is removed)",
                        line=entry.line,
                        column=_column(entry.column),
                        location=_schema_path(entry.path),
                    )
            first = remaining
        for entry in first:
            if entry.line in self.keyword_lines and "union" in entry.message:
                continue
            self.add(
                "DSM-XSD",
                _schema_message(entry.message),
                line=entry.line,
                column=_column(entry.column),
                location=_schema_path(entry.path),
            )

    # -- body rules ------------------------------------------------------------------------
    def _body(self, body: etree._Element) -> None:
        facts = declarations()
        for element in body.iter():
            if not isinstance(element.tag, str):
                continue
            name = element.tag
            namespace, local = etree.QName(element).namespace, etree.QName(element).localname
            parent = element.getparent()
            parent_local = etree.QName(parent).localname if parent is not None else None
            if local == "Name" and parent_local == "RequestedElements":
                self._requested_name(element)
            elif name in facts.keyword_elements and len(element) == 0:
                self._keyword(element, facts.keyword_elements[name])
            elif local == "Dialect" and namespace in (ns.DSP, ns.DSC, ns.PSP):
                self._uri_text(element)
            if namespace in (ns.DSP, ns.DSC, ns.WSCN) and len(element) == 0:
                alias = find_alias(namespace, local, (element.text or "").strip())
                if alias is not None:
                    self.add(
                        "DSM-VALUE-ALIAS",
                        f"{_name(element)} {alias.alias!r} is written {alias.canonical!r} "
                        f"by dsm-messages ({alias.source})",
                        element,
                    )
            if name in facts.datetime_elements and namespace in _DSM_NAMESPACES:
                value = (element.text or "").strip()
                if value and not _ZONE.search(value):
                    self.add(
                        "DSM-TIME-ZONE", f"{_name(element)} {value!r} has no time zone", element
                    )
            if name in _DUAL_FORM:
                self._dual_form(element)
            if local == "ElementData" and namespace in (ns.DSP, ns.DSC, ns.WSCN):
                self._element_data(element)
            elif name == f"{{{ns.PSP}}}Filter":
                self._filter(element)
            elif name == f"{{{ns.WSCN}}}ValidationInfo":
                self._valid_ticket(element)
            elif local == "JobStatus" and namespace in (ns.DSP, ns.DSC, ns.DSD, ns.WSCN):
                self._job_status(element)
            elif local in ("PostScanJobEndState", "JobEndState"):
                self._end_state(element)
            elif name == f"{{{ns.SOAP}}}Code":
                self._fault_code(element)

    def _keyword(self, element: etree._Element, well_known: frozenset[str]) -> None:
        value = (element.text or "").strip()
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
            "DSM-VENDOR-KEYWORD",
            f"{_name(element)} {value!r} is neither a well-known value nor a vendor keyword "
            "written prefix:Keyword",
            element,
        )

    def _qname(self, element: etree._Element, text: str) -> tuple[str, str] | None:
        """Resolve QName text against the element's in-scope namespaces (stale URIs mapped)."""
        prefix, _, local = text.strip().rpartition(":")
        namespace = element.nsmap.get(prefix or None)
        if namespace is None and prefix:
            self.add(
                "DSM-QNAME-UNBOUND",
                f"{_name(element)} {text.strip()!r}: prefix {prefix!r} is not declared",
                element,
            )
            return None
        namespace = namespace or ""
        if namespace in STALE_NAMESPACES:
            current = STALE_NAMESPACES[namespace][0]
            self.add(
                "DSM-STALE-NAMESPACE",
                f"{_name(element)} {text.strip()!r} resolves to stale namespace {namespace} "
                f"(current: {current})",
                element,
            )
            namespace = current
        return namespace, local

    def _requested_name(self, element: etree._Element) -> None:
        resolved = self._qname(element, element.text or "")
        if resolved is None:
            return
        namespace, local = resolved
        if not namespace:
            self.add(
                "DSM-QNAME-UNKNOWN",
                f"requested name {local!r} has no namespace; write it as prefix:{local}",
                element,
            )
        elif namespace in _DSM_NAMESPACES and local not in declarations().element_names.get(
            namespace, frozenset()
        ):
            self.add(
                "DSM-QNAME-UNKNOWN",
                f"requested name {{{namespace}}}{local} is declared by no DSM schema",
                element,
            )

    def _fault_code(self, code: etree._Element) -> None:
        value = code.find(f"{{{ns.SOAP}}}Value")
        if value is None:
            return  # the schema reports it
        resolved = self._qname(value, value.text or "")
        code_local = None
        if resolved is not None:
            namespace, local = resolved
            if namespace != ns.SOAP or local not in _SOAP_CODES:
                self.add(
                    "DSM-FAULT-CODE",
                    f"fault code {(value.text or '').strip()!r} is not one of soap:"
                    + ", soap:".join(_SOAP_CODES),
                    value,
                )
            else:
                code_local = local
        subcode = code.find(f"{{{ns.SOAP}}}Subcode/{{{ns.SOAP}}}Value")
        if subcode is None:
            return
        resolved = self._qname(subcode, subcode.text or "")
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
                "DSM-QNAME-UNKNOWN",
                f"fault subcode {{{namespace}}}{local} is not a documented subcode",
                subcode,
            )
        elif documented and code_local and code_local not in {f.code for f in documented}:
            self.add(
                "DSM-FAULT-SUBCODE-CODE",
                f"subcode {local} is documented under soap:{documented[0].code}, "
                f"not soap:{code_local}",
                subcode,
            )

    def _dual_form(self, element: etree._Element) -> None:
        namespace = _ATTRIBUTE_NAMESPACE[etree.QName(element).namespace or ""]
        for attribute, canonical_qualified in _DUAL_FORM[str(element.tag)].items():
            qualified = element.get(f"{{{namespace}}}{attribute}")
            plain = element.get(attribute)
            prefix = ns.prefixed(f"{{{namespace}}}{attribute}")
            if qualified is not None and plain is not None:
                self.add(
                    "DSM-ATTRIBUTE-COUNT",
                    f"{_name(element)} has both {attribute} and {prefix}",
                    element,
                )
            elif qualified is None and plain is None:
                self.add(
                    "DSM-ATTRIBUTE-COUNT",
                    f"{_name(element)} has no {prefix if canonical_qualified else attribute}",
                    element,
                )
            elif (qualified is not None) != canonical_qualified:
                written, wanted = (
                    (prefix, attribute) if qualified is not None else (attribute, prefix)
                )
                self.add(
                    "DSM-ATTRIBUTE-FORM",
                    f"{_name(element)} writes {written}; the DSM examples write {wanted}",
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
        if valid_text.strip() in ("false", "0"):
            if content:
                self.add(
                    "DSM-ELEMENT-DATA",
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
                "DSM-ELEMENT-DATA",
                f"ElementData {name_text!r} is Valid=true and must hold {ns.prefixed(wanted)}; "
                f"it holds {holds}",
                element,
            )

    def _filter(self, element: etree._Element) -> None:
        dialect = element.find(f"{{{ns.PSP}}}Dialect")
        instructions = element.find(f"{{{ns.PSP}}}Instructions")
        if dialect is None or instructions is None:
            return  # the schema reports it
        uri = self._uri_text(dialect)
        content = list(_children(instructions))
        if not content:
            return
        namespace = etree.QName(content[0]).namespace
        if namespace != uri:
            self.add(
                "DSM-FILTER-DIALECT",
                f"filter Dialect {uri} but its Instructions hold {_name(content[0])}",
                dialect,
            )
        elif uri in _FILTER_DIALECTS and by_qname(str(content[0].tag)) is None:
            self.add(
                "DSM-FILTER-DIALECT",
                f"{_name(content[0])} is not the configuration element of dialect {uri}",
                content[0],
            )

    def _valid_ticket(self, element: etree._Element) -> None:
        valid = element.find(f"{{{ns.WSCN}}}ValidTicket")
        if valid is None:
            return
        fix = element.find(f"{{{ns.WSCN}}}ValidScanTicket")
        if (valid.text or "").strip() in ("false", "0") and fix is None:
            self.add(
                "DSM-VALID-TICKET",
                "ValidTicket is false but no ValidScanTicket says what the device would use",
                valid,
            )
        elif (valid.text or "").strip() in ("true", "1") and fix is not None:
            self.add(
                "DSM-VALID-TICKET-EXTRA", "ValidTicket is true yet a ValidScanTicket follows", fix
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
            self.add("DSM-TIMES", problem, completed)
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
                    "DSM-END-STATE",
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
                    "DSM-FILTER-NOT-FINAL",
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
                "DSM-REASON-STATE",
                f"job state {state} with reasons {', '.join(values)}; expected one of "
                + ", ".join(sorted(REASONS_FOR_FINAL_STATE[state])),
                reasons,
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
    return "" if element is None else (element.text or "").strip()


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


def _column(column: int | None) -> int | None:
    return column if column else None  # libxml2 reports 0 when it does not know


def _schema_message(message: str) -> str:
    return _CLARK.sub(lambda m: ns.prefixed(m.group(0)), message)


def _schema_path(path: str | None) -> str | None:
    return path or None
