"""Every rule's id, as the members of one enum per protocol: the vocabulary every layer
shares (the wire layer names the validator rule an MTOM defect breaks, the validator and the
conversation checker report them). What a rule means, how severe a breach is and which fault
answers it is decided by its row in :data:`dsm_messages.rules.RULES` or
:data:`dsm_messages.ordering_rules.ORDERING_RULES`, nowhere else.

>>> DspRule.R10 == "DSP-10", DsmRule.XSD
(True, 'DSM-XSD')
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["DscRule", "DsdRule", "DsmRule", "DspRule", "RuleId", "WsaRule", "WscnRule"]


class RuleId(StrEnum):
    """A rule's id: each protocol's rules are the members of one subclass, so that a typo is a
    type error and every place that detects a rule names its member. A member is its text
    (``DsmRule.XSD == "DSM-XSD"``), so reports, JSON and lookups by text work unchanged; it
    is shown as its text too, as rule ids always were."""

    def __repr__(self) -> str:
        return repr(self.value)


class DsmRule(RuleId):
    """The validator's rules (``DSM-…``), and the conversation checker's rules of any protocol
    (:mod:`dsm_messages.ordering_rules`): DSM-INVALID, a message that failed validation;
    DSM-FAULT-MISMATCH, a refusal answered with another fault than its rule names; and the
    DSM-HTTP-… rules of the HTTP a transcript records."""

    XML_MALFORMED = "DSM-XML-MALFORMED"
    XML_FORBIDDEN = "DSM-XML-FORBIDDEN"
    MIME_MALFORMED = "DSM-MIME-MALFORMED"
    MIME_DEFECT = "DSM-MIME-DEFECT"
    MIME_DUPLICATE_ID = "DSM-MIME-DUPLICATE-ID"
    XOP_REFERENCE = "DSM-XOP-REFERENCE"
    XOP_UNREFERENCED = "DSM-XOP-UNREFERENCED"
    SOAP_VERSION = "DSM-SOAP-VERSION"
    SOAP_STRUCTURE = "DSM-SOAP-STRUCTURE"
    ADDRESSING_VERSION = "DSM-ADDRESSING-VERSION"
    HEADER_MISSING = "DSM-HEADER-MISSING"
    ACTION_MISSING = "DSM-ACTION-MISSING"
    HEADER_DUPLICATE = "DSM-HEADER-DUPLICATE"
    ACTION_UNKNOWN = "DSM-ACTION-UNKNOWN"
    ACTION_MISMATCH = "DSM-ACTION-MISMATCH"
    ACTION_HTTPS = "DSM-ACTION-HTTPS"
    ACTION_REPEATS_REQUEST = "DSM-ACTION-REPEATS-REQUEST"
    RELATES_TO_MISSING = "DSM-RELATES-TO-MISSING"
    REPLY_TO_MISSING = "DSM-REPLY-TO-MISSING"
    URI_NOT_ABSOLUTE = "DSM-URI-NOT-ABSOLUTE"
    URI_WHITESPACE = "DSM-URI-WHITESPACE"
    MESSAGE_ID_FORM = "DSM-MESSAGE-ID-FORM"
    DISCOVERY_TO = "DSM-DISCOVERY-TO"
    APP_SEQUENCE_MISSING = "DSM-APP-SEQUENCE-MISSING"
    BODY_UNKNOWN = "DSM-BODY-UNKNOWN"
    XSD = "DSM-XSD"
    CHILD_ORDER = "DSM-CHILD-ORDER"
    VALUE_WHITESPACE = "DSM-VALUE-WHITESPACE"
    STALE_NAMESPACE = "DSM-STALE-NAMESPACE"
    STALE_NAMESPACE_TOLERATED = "DSM-STALE-NAMESPACE-TOLERATED"
    QNAME_UNBOUND = "DSM-QNAME-UNBOUND"
    QNAME_UNKNOWN = "DSM-QNAME-UNKNOWN"
    FAULT_CODE = "DSM-FAULT-CODE"
    FAULT_SUBCODE_CODE = "DSM-FAULT-SUBCODE-CODE"
    FAULT_DETAIL_TEXT = "DSM-FAULT-DETAIL-TEXT"
    FILTER_DIALECT = "DSM-FILTER-DIALECT"
    ELEMENT_DATA = "DSM-ELEMENT-DATA"
    ATTRIBUTE_FORM = "DSM-ATTRIBUTE-FORM"
    ATTRIBUTE_COUNT = "DSM-ATTRIBUTE-COUNT"
    LEAF_ATTRIBUTE = "DSM-LEAF-ATTRIBUTE"
    VALID_TICKET = "DSM-VALID-TICKET"
    VALID_TICKET_EXTRA = "DSM-VALID-TICKET-EXTRA"
    VENDOR_KEYWORD = "DSM-VENDOR-KEYWORD"
    VALUE_ALIAS = "DSM-VALUE-ALIAS"
    TIME_ZONE = "DSM-TIME-ZONE"
    END_STATE = "DSM-END-STATE"
    TIMES = "DSM-TIMES"
    REASON_STATE = "DSM-REASON-STATE"
    FILTER_NOT_FINAL = "DSM-FILTER-NOT-FINAL"
    INVALID = "DSM-INVALID"
    FAULT_MISMATCH = "DSM-FAULT-MISMATCH"
    HTTP_STATUS = "DSM-HTTP-STATUS"
    HTTP_FAULT_STATUS = "DSM-HTTP-FAULT-STATUS"
    HTTP_CONTENT_TYPE = "DSM-HTTP-CONTENT-TYPE"


class DspRule(RuleId):
    """WS-DSP's ordering rules: ``DSP-n`` is rule n of wsdp.md section 10."""

    R1 = "DSP-1"
    R2 = "DSP-2"
    R3 = "DSP-3"
    R4 = "DSP-4"
    R5 = "DSP-5"
    R6 = "DSP-6"
    R7 = "DSP-7"
    R8 = "DSP-8"
    R9 = "DSP-9"
    R10 = "DSP-10"
    R11 = "DSP-11"
    R12 = "DSP-12"
    R13 = "DSP-13"
    R16 = "DSP-16"
    R17 = "DSP-17"
    R11_OPEN = "DSP-11-OPEN"
    R17_UNANSWERED = "DSP-17-UNANSWERED"
    R18 = "DSP-18"
    R19 = "DSP-19"
    R20 = "DSP-20"
    R25 = "DSP-25"
    R26 = "DSP-26"
    R28 = "DSP-28"
    R28_BACKWARD = "DSP-28-BACKWARD"
    R30 = "DSP-30"
    R31 = "DSP-31"
    R32 = "DSP-32"
    R33 = "DSP-33"
    R34 = "DSP-34"
    R35 = "DSP-35"
    R37 = "DSP-37"
    R39 = "DSP-39"


class DsdRule(RuleId):
    """WS-DSD's ordering rules: ``DSD-n`` is rule n of wsdsd.md section 8."""

    R1 = "DSD-1"
    R2 = "DSD-2"
    R3 = "DSD-3"
    R4 = "DSD-4"
    R5 = "DSD-5"
    R6 = "DSD-6"
    R7 = "DSD-7"
    R7_TERMINATING = "DSD-7-TERMINATING"
    R8 = "DSD-8"
    R9 = "DSD-9"
    R10 = "DSD-10"
    R11 = "DSD-11"
    R12 = "DSD-12"
    R12_REPEAT = "DSD-12-REPEAT"
    R13 = "DSD-13"
    R14 = "DSD-14"
    R15 = "DSD-15"
    R16 = "DSD-16"
    R18 = "DSD-18"
    R19 = "DSD-19"
    R20 = "DSD-20"
    R22 = "DSD-22"
    R23 = "DSD-23"
    R23_UNANSWERED = "DSD-23-UNANSWERED"
    R24 = "DSD-24"
    R24_ORDER = "DSD-24-ORDER"
    ROLE = "DSD-ROLE"


class DscRule(RuleId):
    """WS-DSC's ordering rules, from its post-scan job model (no numbered list)."""

    CANCEL = "DSC-CANCEL"
    END_STATE = "DSC-END-STATE"
    FINAL = "DSC-FINAL"
    ORDER = "DSC-ORDER"
    FILTER = "DSC-FILTER"
    PAIRING = "DSC-PAIRING"
    PAIRING_UNANSWERED = "DSC-PAIRING-UNANSWERED"
    ROLE = "DSC-ROLE"
    SUBSCRIPTION = "DSC-SUBSCRIPTION"
    REASON = "DSC-REASON"


class WscnRule(RuleId):
    """WS-Scan's ordering rules, from the WS-Scan element pages (our own numbering)."""

    R1 = "WSCN-1"
    R2 = "WSCN-2"
    R3 = "WSCN-3"
    R4 = "WSCN-4"
    R5 = "WSCN-5"
    R6 = "WSCN-6"
    R7 = "WSCN-7"
    R8 = "WSCN-8"
    R9 = "WSCN-9"
    R10 = "WSCN-10"
    R11 = "WSCN-11"
    R12 = "WSCN-12"
    R13 = "WSCN-13"
    R14 = "WSCN-14"
    R15 = "WSCN-15"
    ROLE = "WSCN-ROLE"


class WsaRule(RuleId):
    """Rules of any protocol: request and reply pairing (WS-Addressing)."""

    PAIRING = "WSA-PAIRING"
    UNANSWERED = "WSA-UNANSWERED"
