"""Every rule the validator checks within one message: its id, what it means, how severe a
breach is in each profile, and which SOAP fault a receiver answers with.

The table is the one place where a rule's severity and fault are decided; code that finds a
breach names the rule (a member of :class:`DsmRule`) and asks its row for the rest. ``strict``
is the specification as written plus the decisions of this project; ``lenient`` additionally
accepts the defects found in Microsoft's published examples and what real devices and clients
are known to send (the errata guide lists both), and still reports each one as a warning. The
ordering rules (:mod:`dsm_messages.ordering_rules`) are rows of the same :class:`Rule` type.

>>> whitespace = RULES[DsmRule.URI_WHITESPACE]
>>> whitespace.severity("strict"), whitespace.severity("lenient")
('error', 'warning')
>>> RULES["DSM-URI-WHITESPACE"] is whitespace  # a member is its text
True
>>> RULES[DsmRule.ACTION_UNKNOWN].fault
'wsa:ActionNotSupported'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .report import PROFILES, Problem, Profile, Severity
from .rule_ids import DsmRule, RuleId

if TYPE_CHECKING:
    from .faults import Fault

__all__ = [
    "PROFILES",
    "RULES",
    "DsmRule",
    "Profile",
    "Rule",
    "RuleId",
    "Severity",
    "rule_row",
    "rule_table",
]


@attrs.frozen(kw_only=True)
class Rule:
    """One rule: ``id``, what it means (``summary``), its severity in each profile, the fault a
    receiver answers a breach with, and where it comes from (``source``).

    ``fault`` is a :class:`~dsm_messages.faults.Fault`, or a hint :func:`fault_for` resolves
    (``InvalidArgs`` is the protocol's own: dsp:, dsc: or wscn:InvalidArgs), or ``None`` when
    no fault fits (a warning, a reply, an event).

    :param id: the rule id (``"DSP-5"``, ``"DSM-CHILD-ORDER"``).
    :param summary: what the rule says, in one line.
    :param strict: its severity in the strict profile, ``"error"`` or ``"warning"``.
    :param lenient: its severity in the lenient profile.
    :param fault: the fault a receiver answers a breach with: a fault, a hint naming one
        (``"dsp:ClientErrorJobTokenNotFound"``, ``"InvalidArgs"``), or ``None``.
    :param source: where it comes from (a section of [MS-BDSRR], a schema, a real peer).
    """

    id: RuleId
    summary: str
    strict: Severity
    lenient: Severity
    fault: str | Fault | None = None
    source: str = "dsm-messages"

    @property
    def code(self) -> RuleId:
        """The rule's id (the validator's older name for it)."""
        return self.id

    def severity(self, profile: Profile) -> Severity:
        """How severe a breach is in ``profile``.

        :param profile: ``"strict"`` or ``"lenient"``.
        :returns: ``"error"`` or ``"warning"``.
        """
        return self.strict if profile == "strict" else self.lenient

    def fault_for(self, protocol: str | None) -> Fault | None:
        """The fault that answers a breach in a message of ``protocol`` (dsp, dsd, dsc...).

        :param protocol: the protocol of the message that breaks the rule, which decides whose
            ``InvalidArgs`` it is; ``None`` when unknown.
        :returns: the fault, or ``None`` when no fault fits.
        """
        # (the fault table is read once a fault is asked for: a validation never asks)
        from .faults import Fault, fault_for

        if self.fault is None or isinstance(self.fault, Fault):
            return self.fault
        return fault_for(self.fault, protocol)

    def problem(self, profile: Profile, message: str, **where: Any) -> Problem:
        """A breach of this rule, as severe as the profile makes it; ``where`` is the
        problem's ``line``, ``column``, ``location`` or ``index``.

        :param profile: the profile that decides the problem's severity.
        :param message: what is wrong, in words.
        :param where: the problem's place: ``line``, ``column``, ``location``, ``index``.
        :returns: the problem, for a report.
        """
        return Problem(rule=self.id, severity=self.severity(profile), message=message, **where)


def rule_row(
    rule: RuleId,
    summary: str,
    strict: Severity = "error",
    lenient: Severity | None = None,
    fault: str | Fault | None = "InvalidArgs",
    source: str = "dsm-messages",
) -> Rule:
    """One table row; ``lenient`` is as severe as ``strict`` unless it is given."""
    return Rule(
        id=rule,
        summary=summary,
        strict=strict,
        lenient=strict if lenient is None else lenient,
        fault=fault,
        source=source,
    )


def rule_table(*rows: Rule) -> dict[str, Rule]:
    """The rows keyed by their ids (a row given twice is a defect of the table). The keys are
    the enum members; a lookup by a member or by its text finds the same row."""
    table: dict[str, Rule] = {}
    for row in rows:
        if row.id in table:
            raise ValueError(f"rule {row.id} has two rows")
        table[row.id] = row
    return table


#: a defect of a published example, or a deviation real devices and clients are known to send,
#: that the lenient profile accepts
_TOLERATED: Severity = "warning"

RULES: dict[str, Rule] = rule_table(
    # XML and MIME framing
    rule_row(DsmRule.XML_MALFORMED, "the bytes are not well-formed XML", fault="soap:Sender"),
    rule_row(
        DsmRule.XML_FORBIDDEN,
        "a construct refused in untrusted input: DTD, entity, XInclude, size or depth cap",
        fault="soap:Sender",
    ),
    rule_row(DsmRule.MIME_MALFORMED, "the MTOM package cannot be read", fault="soap:Sender"),
    rule_row(
        DsmRule.MIME_DEFECT,
        "a MIME framing defect a tolerant reader can recover from",
        lenient=_TOLERATED,
        fault="soap:Sender",
    ),
    rule_row(DsmRule.MIME_DUPLICATE_ID, "two MIME parts share a Content-ID", fault="soap:Sender"),
    rule_row(
        DsmRule.XOP_REFERENCE,
        "an xop:Include that is not a cid: reference to a part of the package",
        fault="soap:Sender",
    ),
    # wsdp.md 8.7: one attachment per SendImage, the one ImageData refers to; a part nothing
    # refers to is never taken for the image (the lenient reader drops it unread)
    rule_row(
        DsmRule.XOP_UNREFERENCED,
        "a package part no xop:Include refers to",
        lenient=_TOLERATED,
        fault="soap:Sender",
        source="wsdp.md 8.7",
    ),
    # SOAP envelope and WS-Addressing headers
    rule_row(
        DsmRule.SOAP_VERSION,
        "the root is not a SOAP 1.2 Envelope",
        fault="soap:VersionMismatch",
    ),
    rule_row(DsmRule.SOAP_STRUCTURE, "the envelope is not shaped as SOAP 1.2 and DSM require"),
    rule_row(
        DsmRule.ADDRESSING_VERSION,
        "a WS-Addressing header of another version than 2004/08",
        fault="wsa:MessageInformationHeaderRequired",
    ),
    rule_row(
        DsmRule.HEADER_MISSING,
        "a required WS-Addressing header (To, MessageID) is absent",
        lenient=_TOLERATED,
        fault="wsa:MessageInformationHeaderRequired",
    ),
    rule_row(
        DsmRule.ACTION_MISSING,
        "the envelope has no wsa:Action",
        fault="wsa:MessageInformationHeaderRequired",
    ),
    rule_row(
        DsmRule.HEADER_DUPLICATE,
        "a WS-Addressing header appears more than once",
        fault="wsa:InvalidMessageInformationHeader",
    ),
    rule_row(
        DsmRule.ACTION_UNKNOWN, "the action is no DSM action", fault="wsa:ActionNotSupported"
    ),
    rule_row(
        DsmRule.ACTION_MISMATCH,
        "the action does not announce the body element",
        fault="wsa:ActionNotSupported",
    ),
    rule_row(
        # sane-airscan finds a fault by its action with the scheme left out, "as some devices
        # use http://, another may use https://" (airscan-wsd.c, wsd_fault_check)
        DsmRule.ACTION_HTTPS,
        "the WS-Addressing fault action written https://schemas.xmlsoap.org/...; the "
        "namespace is http://",
        lenient=_TOLERATED,
        fault=None,
        source="WS-Addressing (August 2004); sane-airscan's fault detection",
    ),
    rule_row(
        DsmRule.ACTION_REPEATS_REQUEST,
        "a response travels with its request's action",
        lenient=_TOLERATED,
        fault=None,
    ),
    rule_row(
        DsmRule.RELATES_TO_MISSING,
        "a response without wsa:RelatesTo",
        lenient=_TOLERATED,
        fault=None,
    ),
    rule_row(
        # WS-Addressing 2004/08 section 3.2: a reply relates to the MessageID of the message it
        # answers "if present"; the fault to a message whose MessageID could not be read
        # relates to nothing, rightly, and which one this is the fault alone cannot tell
        DsmRule.FAULT_UNRELATED,
        "a fault without wsa:RelatesTo: right only when the message it answers had no "
        "MessageID that could be read",
        strict="warning",
        fault=None,
    ),
    rule_row(
        DsmRule.REPLY_TO_MISSING,
        "a request without wsa:ReplyTo (WS-Addressing 2004/08 wants it when a reply is due)",
        lenient=_TOLERATED,
        fault="wsa:MessageInformationHeaderRequired",
    ),
    rule_row(
        DsmRule.URI_NOT_ABSOLUTE,
        "a URI-typed value (address, MessageID, RelatesTo, Dialect, ...) that is not an "
        "absolute URI: a placeholder, no scheme, whitespace inside it",
        lenient=_TOLERATED,
        fault="wsa:InvalidMessageInformationHeader",
    ),
    rule_row(
        DsmRule.URI_WHITESPACE,
        "a URI value padded with whitespace or line breaks around it",
        lenient=_TOLERATED,
        fault="wsa:InvalidMessageInformationHeader",
    ),
    rule_row(
        DsmRule.MESSAGE_ID_FORM,
        "a MessageID that is not a urn:uuid: URI, as every DSM message uses",
        strict="warning",
        fault=None,
    ),
    # WS-Discovery (April 2005) sections 2.4, 4 to 6: where the messages go, and the header
    # that orders a device's messages
    rule_row(
        DsmRule.DISCOVERY_TO,
        "a Hello, Bye, Probe or Resolve not addressed to "
        "urn:schemas-xmlsoap-org:ws:2005:04:discovery",
        lenient=_TOLERATED,
        fault=None,
    ),
    rule_row(
        DsmRule.APP_SEQUENCE_MISSING,
        "a Hello, Bye, ProbeMatches or ResolveMatches without the wsd:AppSequence header",
        lenient=_TOLERATED,
        fault=None,
    ),
    # Body
    rule_row(DsmRule.BODY_UNKNOWN, "the body element is no DSM message or document"),
    rule_row(DsmRule.XSD, "the message breaks the DSM schemas"),
    rule_row(
        # the WS-Scan element pages list children alphabetically and state no order; real
        # clients write them in other orders (tests/real-traffic/NOTE.md, the errata guide)
        DsmRule.CHILD_ORDER,
        "a child of a DSM or WS-Scan element out of the order its schema sequence declares",
        lenient=_TOLERATED,
        source="[MS-BDSRR] 2.2.4 schemas; sane-airscan's CreateScanJob and RetrieveImage",
    ),
    rule_row(
        DsmRule.VALUE_WHITESPACE,
        "a value the schema types would accept without its padding whitespace",
        lenient=_TOLERATED,
    ),
    rule_row(
        DsmRule.STALE_NAMESPACE,
        "a namespace URI of a pre-release or misprinted version of a DSM vocabulary",
    ),
    rule_row(
        DsmRule.STALE_NAMESPACE_TOLERATED,
        "the pre-release WS-Scan namespace .../2006/01/wdp/scan",
        lenient=_TOLERATED,
    ),
    rule_row(DsmRule.QNAME_UNBOUND, "QName text whose prefix is not declared in scope"),
    rule_row(
        DsmRule.QNAME_UNKNOWN,
        "QName text naming nothing DSM defines in a DSM namespace (vendor namespaces pass)",
    ),
    rule_row(DsmRule.FAULT_CODE, "a fault Code Value that is not one of the five SOAP 1.2 codes"),
    rule_row(
        DsmRule.FAULT_SUBCODE_CODE,
        "a documented subcode under the other fault code",
        strict="warning",
        fault=None,
    ),
    rule_row(
        # SOAP 1.2 Part 1 5.4.5 and its schema: Detail holds elements only; Microsoft's fault
        # pages (WS-DSP, WS-Scan and WS-DSD error reporting) write the detail as bare text
        DsmRule.FAULT_DETAIL_TEXT,
        "text directly inside soap:Detail, which holds detail entries (elements) only",
        lenient=_TOLERATED,
        fault=None,
    ),
    rule_row(
        DsmRule.FILTER_DIALECT,
        "a filter whose Dialect is not the namespace of its Instructions",
    ),
    rule_row(
        DsmRule.ELEMENT_DATA,
        "ElementData content disagrees with its Name and Valid attributes",
    ),
    rule_row(
        DsmRule.ATTRIBUTE_FORM,
        "an attribute written in the form the DSM examples do not use (qualified or not)",
        lenient=_TOLERATED,
    ),
    rule_row(
        DsmRule.ATTRIBUTE_COUNT,
        "a dual-form attribute (Id, Name, Valid) absent, or written in both forms",
    ),
    rule_row(
        DsmRule.LEAF_ATTRIBUTE,
        "an attribute on an element whose value the models hold as a plain value; the "
        "schemas allow vendor attributes there, but dsm-messages cannot keep one, so it "
        "refuses the message rather than drop it",
        fault="soap:Receiver",
    ),
    rule_row(DsmRule.VALID_TICKET, "ValidTicket false without a ValidScanTicket"),
    rule_row(
        DsmRule.VALID_TICKET_EXTRA,
        "ValidTicket true with a ValidScanTicket",
        strict="warning",
        fault=None,
    ),
    rule_row(
        DsmRule.VENDOR_KEYWORD,
        "a value that is neither well-known nor a vendor keyword prefix:Keyword",
    ),
    rule_row(
        DsmRule.VALUE_ALIAS,
        "a value spelled as one source spells it; another spelling is canonical",
        strict="warning",
        fault=None,
    ),
    rule_row(
        # xs:dateTime allows it and Windows writes server-local times without a zone
        # (decision 8), so it is worth a warning, not a rejection
        DsmRule.TIME_ZONE,
        "a date and time without a time zone",
        strict="warning",
        fault=None,
    ),
    rule_row(
        # XML Schema allows any year but 0000, and 24:00:00; Python's datetime holds the years
        # 1 to 9999, and no DSM party writes another
        DsmRule.TIME_RANGE,
        "a date and time whose year is outside 0001 to 9999: the schema allows it, but no DSM "
        "party writes one and dsm-messages cannot hold it, so it refuses the message rather "
        "than misread it",
    ),
    rule_row(
        DsmRule.END_STATE,
        "an end state that is not final (Completed, Canceled or Aborted)",
        strict="warning",
        fault=None,
    ),
    rule_row(
        DsmRule.TIMES,
        "JobCompletedTime before JobCreatedTime, or on a job that has not finished",
        strict="warning",
        fault=None,
    ),
    rule_row(
        DsmRule.REASON_STATE,
        "a job state reason that does not go with the job state",
        strict="warning",
        fault=None,
    ),
    rule_row(
        DsmRule.FILTER_NOT_FINAL,
        "a filter in a job's end state that has not finished",
        strict="warning",
        fault=None,
    ),
)
