"""Every rule the validator checks within one message: its code, what it means, how severe a
breach is in each profile, and which SOAP fault a receiver answers with.

The table is the one place where a rule's severity is decided. ``strict`` is the specification
as written plus the decisions of this project; ``lenient`` additionally accepts the defects
found in Microsoft's published examples, and still reports each one as a warning.

>>> RULES["DSM-URI-WHITESPACE"].severity("strict"), RULES["DSM-URI-WHITESPACE"].severity("lenient")
('error', 'warning')
>>> RULES["DSM-ACTION-UNKNOWN"].fault
'wsa:ActionNotSupported'
"""

from __future__ import annotations

from typing import Literal

import attrs

Severity = Literal["error", "warning"]
Profile = Literal["strict", "lenient"]
PROFILES: tuple[Profile, ...] = ("strict", "lenient")


@attrs.frozen(kw_only=True)
class Rule:
    """One checkable rule."""

    code: str
    summary: str
    strict: Severity
    lenient: Severity
    #: The fault a receiver answers a breach with (``InvalidArgs`` is the protocol's own:
    #: dsp:, dsc: or wscn:InvalidArgs), or ``None`` when no fault fits (a warning, a reply).
    fault: str | None = None

    def severity(self, profile: Profile) -> Severity:
        return self.strict if profile == "strict" else self.lenient


def _rule(
    code: str,
    summary: str,
    strict: Severity = "error",
    lenient: Severity | None = None,
    fault: str | None = "InvalidArgs",
) -> Rule:
    return Rule(
        code=code,
        summary=summary,
        strict=strict,
        lenient=strict if lenient is None else lenient,
        fault=fault,
    )


_TOLERATED: Severity = "warning"  # a published-example defect the lenient profile accepts

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        # XML and MIME framing
        _rule("DSM-XML-MALFORMED", "the bytes are not well-formed XML", fault="soap:Sender"),
        _rule(
            "DSM-XML-FORBIDDEN",
            "a construct refused in untrusted input: DTD, entity, XInclude, size or depth cap",
            fault="soap:Sender",
        ),
        _rule("DSM-MIME-MALFORMED", "the MTOM package cannot be read", fault="soap:Sender"),
        _rule(
            "DSM-MIME-DEFECT",
            "a MIME framing defect a tolerant reader can recover from",
            lenient=_TOLERATED,
            fault="soap:Sender",
        ),
        _rule("DSM-MIME-DUPLICATE-ID", "two MIME parts share a Content-ID", fault="soap:Sender"),
        _rule(
            "DSM-XOP-REFERENCE",
            "an xop:Include that is not a cid: reference to a part of the package",
            fault="soap:Sender",
        ),
        # SOAP envelope and WS-Addressing headers
        _rule(
            "DSM-SOAP-VERSION",
            "the root is not a SOAP 1.2 Envelope",
            fault="soap:VersionMismatch",
        ),
        _rule("DSM-SOAP-STRUCTURE", "the envelope is not shaped as SOAP 1.2 and DSM require"),
        _rule(
            "DSM-ADDRESSING-VERSION",
            "a WS-Addressing header of another version than 2004/08",
            fault="wsa:MessageInformationHeaderRequired",
        ),
        _rule(
            "DSM-HEADER-MISSING",
            "a required WS-Addressing header (To, MessageID) is absent",
            lenient=_TOLERATED,
            fault="wsa:MessageInformationHeaderRequired",
        ),
        _rule(
            "DSM-ACTION-MISSING",
            "the envelope has no wsa:Action",
            fault="wsa:MessageInformationHeaderRequired",
        ),
        _rule(
            "DSM-HEADER-DUPLICATE",
            "a WS-Addressing header appears more than once",
            fault="wsa:InvalidMessageInformationHeader",
        ),
        _rule("DSM-ACTION-UNKNOWN", "the action is no DSM action", fault="wsa:ActionNotSupported"),
        _rule(
            "DSM-ACTION-MISMATCH",
            "the action does not announce the body element",
            fault="wsa:ActionNotSupported",
        ),
        _rule(
            "DSM-ACTION-REPEATS-REQUEST",
            "a response travels with its request's action",
            lenient=_TOLERATED,
            fault=None,
        ),
        _rule(
            "DSM-RELATES-TO-MISSING",
            "a response or fault without wsa:RelatesTo",
            lenient=_TOLERATED,
            fault=None,
        ),
        _rule(
            "DSM-REPLY-TO-MISSING",
            "a request without wsa:ReplyTo (WS-Addressing 2004/08 wants it when a reply is due)",
            lenient=_TOLERATED,
            fault="wsa:MessageInformationHeaderRequired",
        ),
        _rule(
            "DSM-URI-NOT-ABSOLUTE",
            "a URI-typed value (address, MessageID, RelatesTo, Dialect, ...) that is not an "
            "absolute URI: a placeholder, no scheme, whitespace inside it",
            lenient=_TOLERATED,
            fault="wsa:InvalidMessageInformationHeader",
        ),
        _rule(
            "DSM-URI-WHITESPACE",
            "a URI value padded with whitespace or line breaks around it",
            lenient=_TOLERATED,
            fault="wsa:InvalidMessageInformationHeader",
        ),
        _rule(
            "DSM-MESSAGE-ID-FORM",
            "a MessageID that is not a urn:uuid: URI, as every DSM message uses",
            strict="warning",
            fault=None,
        ),
        # WS-Discovery (April 2005) sections 2.4, 4 to 6: where the messages go, and the header
        # that orders a device's messages
        _rule(
            "DSM-DISCOVERY-TO",
            "a Hello, Bye, Probe or Resolve not addressed to "
            "urn:schemas-xmlsoap-org:ws:2005:04:discovery",
            lenient=_TOLERATED,
            fault=None,
        ),
        _rule(
            "DSM-APP-SEQUENCE-MISSING",
            "a Hello, Bye, ProbeMatches or ResolveMatches without the wsd:AppSequence header",
            lenient=_TOLERATED,
            fault=None,
        ),
        # Body
        _rule("DSM-BODY-UNKNOWN", "the body element is no DSM message or document"),
        _rule("DSM-XSD", "the message breaks the DSM schemas"),
        _rule(
            "DSM-VALUE-WHITESPACE",
            "a value the schema types would accept without its padding whitespace",
            lenient=_TOLERATED,
        ),
        _rule(
            "DSM-STALE-NAMESPACE",
            "a namespace URI of a pre-release or misprinted version of a DSM vocabulary",
        ),
        _rule(
            "DSM-STALE-NAMESPACE-TOLERATED",
            "the pre-release WS-Scan namespace .../2006/01/wdp/scan",
            lenient=_TOLERATED,
        ),
        _rule("DSM-QNAME-UNBOUND", "QName text whose prefix is not declared in scope"),
        _rule(
            "DSM-QNAME-UNKNOWN",
            "QName text naming nothing DSM defines in a DSM namespace (vendor namespaces pass)",
        ),
        _rule("DSM-FAULT-CODE", "a fault Code Value that is not one of the five SOAP 1.2 codes"),
        _rule(
            "DSM-FAULT-SUBCODE-CODE",
            "a documented subcode under the other fault code",
            strict="warning",
            fault=None,
        ),
        _rule(
            "DSM-FILTER-DIALECT",
            "a filter whose Dialect is not the namespace of its Instructions",
        ),
        _rule(
            "DSM-ELEMENT-DATA",
            "ElementData content disagrees with its Name and Valid attributes",
        ),
        _rule(
            "DSM-ATTRIBUTE-FORM",
            "an attribute written in the form the DSM examples do not use (qualified or not)",
            lenient=_TOLERATED,
        ),
        _rule(
            "DSM-ATTRIBUTE-COUNT",
            "a dual-form attribute (Id, Name, Valid) absent, or written in both forms",
        ),
        _rule(
            "DSM-LEAF-ATTRIBUTE",
            "an attribute on an element whose value the models hold as a plain value; the "
            "schemas allow vendor attributes there, but dsm-messages cannot keep one, so it "
            "refuses the message rather than drop it",
            fault="soap:Receiver",
        ),
        _rule("DSM-VALID-TICKET", "ValidTicket false without a ValidScanTicket"),
        _rule(
            "DSM-VALID-TICKET-EXTRA",
            "ValidTicket true with a ValidScanTicket",
            strict="warning",
            fault=None,
        ),
        _rule(
            "DSM-VENDOR-KEYWORD",
            "a value that is neither well-known nor a vendor keyword prefix:Keyword",
        ),
        _rule(
            "DSM-VALUE-ALIAS",
            "a value spelled as one source spells it; another spelling is canonical",
            strict="warning",
            fault=None,
        ),
        _rule(
            # xs:dateTime allows it and Windows writes server-local times without a zone
            # (decision 8), so it is worth a warning, not a rejection
            "DSM-TIME-ZONE",
            "a date and time without a time zone",
            strict="warning",
            fault=None,
        ),
        _rule(
            "DSM-END-STATE",
            "an end state that is not final (Completed, Canceled or Aborted)",
            strict="warning",
            fault=None,
        ),
        _rule(
            "DSM-TIMES",
            "JobCompletedTime before JobCreatedTime, or on a job that has not finished",
            strict="warning",
            fault=None,
        ),
        _rule(
            "DSM-REASON-STATE",
            "a job state reason that does not go with the job state",
            strict="warning",
            fault=None,
        ),
        _rule(
            "DSM-FILTER-NOT-FINAL",
            "a filter in a job's end state that has not finished",
            strict="warning",
            fault=None,
        ),
    )
}
