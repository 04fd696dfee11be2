from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from xml.etree.ElementTree import QName

__NAMESPACE__ = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(slots=True, kw_only=True)
class BodyType:
    """
    The payload: one DSM body element or one Fault (empty for some WS-Eventing replies).
    """

    any_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class DetailType:
    """
    Application elements describing the fault, its detail entries (SOAP 1.2 Part 1 5.4.5:
    elements only; the W3C soap-envelope schema's detail type is not mixed).

    Microsoft's fault pages write the detail as text directly inside Detail: the lenient
    profile reads that with a warning (DSM-FAULT-DETAIL-TEXT).
    """

    any_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


class FaultCodeEnum(Enum):
    """
    The five fault codes SOAP 1.2 defines.
    """

    SOAP_DATA_ENCODING_UNKNOWN = QName(
        "{http://www.w3.org/2003/05/soap-envelope}DataEncodingUnknown"
    )
    SOAP_MUST_UNDERSTAND = QName("{http://www.w3.org/2003/05/soap-envelope}MustUnderstand")
    SOAP_RECEIVER = QName("{http://www.w3.org/2003/05/soap-envelope}Receiver")
    SOAP_SENDER = QName("{http://www.w3.org/2003/05/soap-envelope}Sender")
    SOAP_VERSION_MISMATCH = QName("{http://www.w3.org/2003/05/soap-envelope}VersionMismatch")


@dataclass(slots=True, kw_only=True)
class HeaderType:
    """
    Header blocks: WS-Addressing, WS-Eventing and vendor blocks, each a namespace-qualified
    element.

    As in SOAP 1.2's own schema (the W3C soap-envelope schema, SOAP 1.2 Part 1 5.2) a block may
    be in any namespace, this one included: SOAP 1.2 defines two header blocks of its own,
    NotUnderstood (answering a MustUnderstand fault) and Upgrade (answering a VersionMismatch
    fault).
    """

    any_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class NotUnderstoodType:
    """
    Names a mandatory header block that was not understood (SOAP 1.2 Part 1 5.4.8): its
    qualified name, in the unqualified qname attribute.

    :ivar qname: The qualified name of the header block not understood.
    """

    qname: QName = field(
        metadata={
            "type": "Attribute",
        }
    )


@dataclass(slots=True, kw_only=True)
class ReasonTextType:
    """
    Reason text tagged with its language.
    """

    value: str = field(default="")
    lang: str = field(
        metadata={
            "type": "Attribute",
            "namespace": "http://www.w3.org/XML/1998/namespace",
        }
    )


@dataclass(slots=True, kw_only=True)
class SubcodeType:
    """
    A subcode QName, optionally refined again.

    :ivar value: Subcode QName; its prefix must be bound where it is written.
    :ivar subcode: A further refinement.
    """

    value: QName = field(
        metadata={
            "name": "Value",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        }
    )
    subcode: None | SubcodeType = field(
        default=None,
        metadata={
            "name": "Subcode",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        },
    )


@dataclass(slots=True, kw_only=True)
class SupportedEnvType:
    """
    One envelope version the faulting node supports, as the qualified name of its Envelope
    element.

    :ivar qname: The qualified name of a supported Envelope element.
    """

    qname: QName = field(
        metadata={
            "type": "Attribute",
        }
    )


@dataclass(slots=True, kw_only=True)
class Body(BodyType):
    """
    Container of the message payload.
    """

    class Meta:
        namespace = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(slots=True, kw_only=True)
class FaultCodeType:
    """
    Top-level fault code: one of the five SOAP 1.2 codes, refined by optional subcodes.

    :ivar value: The SOAP 1.2 fault code.
    :ivar subcode: Application-defined refinement, for example dsp:InvalidArgs.
    """

    value: FaultCodeEnum = field(
        metadata={
            "name": "Value",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        }
    )
    subcode: None | SubcodeType = field(
        default=None,
        metadata={
            "name": "Subcode",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        },
    )


@dataclass(slots=True, kw_only=True)
class FaultReasonType:
    """
    One or more reason texts.

    :ivar text: Reason in one language.
    """

    text: Sequence[ReasonTextType] = field(
        default_factory=list,
        metadata={
            "name": "Text",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class Header(HeaderType):
    """
    Container of the header blocks.
    """

    class Meta:
        namespace = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(slots=True, kw_only=True)
class NotUnderstood(NotUnderstoodType):
    """
    Header block of a MustUnderstand fault, one per block not understood.

    :ivar qname: The qualified name of the header block not understood.
    """

    class Meta:
        namespace = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(slots=True, kw_only=True)
class UpgradeType:
    """
    The envelope versions a node supports, most preferred first (SOAP 1.2 Part 1 5.4.7).

    :ivar supported_envelope: One supported envelope version.
    """

    supported_envelope: Sequence[SupportedEnvType] = field(
        default_factory=list,
        metadata={
            "name": "SupportedEnvelope",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
            "min_occurs": 1,
        },
    )


@dataclass(slots=True, kw_only=True)
class EnvelopeType:
    """
    A SOAP message: optional header blocks, then the body.
    """

    header: None | Header = field(
        default=None,
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        },
    )
    body: Body = field(
        metadata={
            "name": "Body",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        }
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class FaultType:
    """
    Error report sent instead of a response: code, human-readable reason, optional node, role
    and detail.

    :ivar code: Machine-readable fault code with optional subcodes.
    :ivar reason: Human-readable explanations, one per language.
    :ivar node: The SOAP node that generated the fault.
    :ivar role: The role the faulting node was acting in.
    :ivar detail: Application-specific detail, for example the invalid argument or the
        unknown job token.
    """

    code: FaultCodeType = field(
        metadata={
            "name": "Code",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        }
    )
    reason: FaultReasonType = field(
        metadata={
            "name": "Reason",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        }
    )
    node: None | str = field(
        default=None,
        metadata={
            "name": "Node",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        },
    )
    role: None | str = field(
        default=None,
        metadata={
            "name": "Role",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        },
    )
    detail: None | DetailType = field(
        default=None,
        metadata={
            "name": "Detail",
            "type": "Element",
            "namespace": "http://www.w3.org/2003/05/soap-envelope",
        },
    )


@dataclass(slots=True, kw_only=True)
class Upgrade(UpgradeType):
    """
    Header block of a VersionMismatch fault: the envelope versions the node supports.

    :ivar supported_envelope: One supported envelope version.
    """

    class Meta:
        namespace = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(slots=True, kw_only=True)
class Envelope(EnvelopeType):
    """
    Root of every SOAP 1.2 message.
    """

    class Meta:
        namespace = "http://www.w3.org/2003/05/soap-envelope"


@dataclass(slots=True, kw_only=True)
class Fault(FaultType):
    """
    The body element of a fault message.

    :ivar code: Machine-readable fault code with optional subcodes.
    :ivar reason: Human-readable explanations, one per language.
    :ivar node: The SOAP node that generated the fault.
    :ivar role: The role the faulting node was acting in.
    :ivar detail: Application-specific detail, for example the invalid argument or the
        unknown job token.
    """

    class Meta:
        namespace = "http://www.w3.org/2003/05/soap-envelope"
