from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.etree.ElementTree import QName

__NAMESPACE__ = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class AttributedQName:
    """
    QName that may carry foreign-namespace attributes.
    """

    value: QName = field()
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class AttributedURI:
    """
    URI that may carry foreign-namespace attributes.
    """

    value: str = field(default="")
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ReferenceParametersType:
    """
    Any elements, kept as given.
    """

    any_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ReferencePropertiesType:
    """
    Any elements, kept as given.
    """

    any_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class Relationship:
    """
    MessageID of the message this one relates to, with the kind of relation.

    :ivar value:
    :ivar relationship_type: Kind of relation; absent means wsa:Reply.
    :ivar other_attributes:
    """

    value: str = field(default="")
    relationship_type: None | QName = field(
        default=None,
        metadata={
            "name": "RelationshipType",
            "type": "Attribute",
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
class ReplyAfterType:
    """
    Milliseconds the sender should wait before retrying.
    """

    value: int = field()
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ServiceNameType:
    """
    QName of a WSDL service with an optional port name.
    """

    value: QName = field()
    port_name: None | str = field(
        default=None,
        metadata={
            "name": "PortName",
            "type": "Attribute",
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
class Action(AttributedURI):
    """
    Header: URI that identifies the meaning of the message.
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class EndpointReferenceType:
    """
    Where to send messages: an address plus optional properties and parameters to echo as
    headers.

    :ivar address: Endpoint address; the anonymous role URI means the back channel of the
        request.
    :ivar reference_properties: Opaque elements that identify the endpoint; echoed as header
        blocks.
    :ivar reference_parameters: Opaque elements to echo as header blocks when addressing the
        endpoint.
    :ivar port_type: WSDL port type of the endpoint.
    :ivar service_name: WSDL service (and port) of the endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    address: AttributedURI = field(
        metadata={
            "name": "Address",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        }
    )
    reference_properties: None | ReferencePropertiesType = field(
        default=None,
        metadata={
            "name": "ReferenceProperties",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        },
    )
    reference_parameters: None | ReferenceParametersType = field(
        default=None,
        metadata={
            "name": "ReferenceParameters",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        },
    )
    port_type: None | AttributedQName = field(
        default=None,
        metadata={
            "name": "PortType",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        },
    )
    service_name: None | ServiceNameType = field(
        default=None,
        metadata={
            "name": "ServiceName",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        },
    )
    other_element: Sequence[object] = field(
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
class MessageID(AttributedURI):
    """
    Header: unique identifier of this message (urn:uuid: in DSM).
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class RelatesTo(Relationship):
    """
    Header: MessageID of the request a response or fault answers.

    :ivar value:
    :ivar relationship_type: Kind of relation; absent means wsa:Reply.
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class ReplyAfter(ReplyAfterType):
    """
    Header: retry hint, in milliseconds.
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class To(AttributedURI):
    """
    Header: address of the intended receiver.
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class EndpointReference(EndpointReferenceType):
    """
    A stand-alone endpoint reference.

    :ivar address: Endpoint address; the anonymous role URI means the back channel of the
        request.
    :ivar reference_properties: Opaque elements that identify the endpoint; echoed as header
        blocks.
    :ivar reference_parameters: Opaque elements to echo as header blocks when addressing the
        endpoint.
    :ivar port_type: WSDL port type of the endpoint.
    :ivar service_name: WSDL service (and port) of the endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class FaultTo(EndpointReferenceType):
    """
    Header: where faults go (preferred over ReplyTo for faults).

    :ivar address: Endpoint address; the anonymous role URI means the back channel of the
        request.
    :ivar reference_properties: Opaque elements that identify the endpoint; echoed as header
        blocks.
    :ivar reference_parameters: Opaque elements to echo as header blocks when addressing the
        endpoint.
    :ivar port_type: WSDL port type of the endpoint.
    :ivar service_name: WSDL service (and port) of the endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class From(EndpointReferenceType):
    """
    Header: the endpoint that sent the message.

    :ivar address: Endpoint address; the anonymous role URI means the back channel of the
        request.
    :ivar reference_properties: Opaque elements that identify the endpoint; echoed as header
        blocks.
    :ivar reference_parameters: Opaque elements to echo as header blocks when addressing the
        endpoint.
    :ivar port_type: WSDL port type of the endpoint.
    :ivar service_name: WSDL service (and port) of the endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


@dataclass(slots=True, kw_only=True)
class ReplyTo(EndpointReferenceType):
    """
    Header: where replies go.

    :ivar address: Endpoint address; the anonymous role URI means the back channel of the
        request.
    :ivar reference_properties: Opaque elements that identify the endpoint; echoed as header
        blocks.
    :ivar reference_parameters: Opaque elements to echo as header blocks when addressing the
        endpoint.
    :ivar port_type: WSDL port type of the endpoint.
    :ivar service_name: WSDL service (and port) of the endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
