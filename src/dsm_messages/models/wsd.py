from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.etree.ElementTree import QName

from .wsa import EndpointReference

__NAMESPACE__ = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class AppSequenceType:
    """
    Lets a receiver order a device's messages and notice a restart: the instance changes when
    the device restarts, the message number grows with every message of one instance.

    :ivar instance_id: Grows each time the device restarts (devices often use the boot time
        in seconds).
    :ivar sequence_id: Which sequence the message number counts in, when a device keeps more
        than one; absent means the single one.
    :ivar message_number: Grows with each message the device sends in this instance and
        sequence.
    :ivar other_attributes:
    """

    instance_id: int = field(
        metadata={
            "name": "InstanceId",
            "type": "Attribute",
        }
    )
    sequence_id: None | str = field(
        default=None,
        metadata={
            "name": "SequenceId",
            "type": "Attribute",
        },
    )
    message_number: int = field(
        metadata={
            "name": "MessageNumber",
            "type": "Attribute",
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
class ScopesType:
    """
    Scopes an endpoint belongs to, or that a Probe asks for, with the rule to match them by.

    :ivar value:
    :ivar match_by: How scopes are compared; absent means RFC 2396 prefix matching.
    :ivar other_attributes:
    """

    value: Sequence[str] = field(
        default_factory=list,
        metadata={
            "tokens": True,
        },
    )
    match_by: None | str = field(
        default=None,
        metadata={
            "name": "MatchBy",
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
class AppSequence(AppSequenceType):
    """
        Header block of Hello, Bye, ProbeMatches and ResolveMatches: the sender's instance and
    message number.

        :ivar instance_id: Grows each time the device restarts (devices often use the boot time
            in seconds).
        :ivar sequence_id: Which sequence the message number counts in, when a device keeps more
            than one; absent means the single one.
        :ivar message_number: Grows with each message the device sends in this instance and
            sequence.
        :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class ByeType:
    """
    A device leaving the network.

    :ivar endpoint_reference: The identity of the device that leaves.
    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar xaddrs: Transport addresses of the endpoint: for a DPWS device, the HTTP addresses
        to send WS-Transfer Get to.
    :ivar metadata_version: Incremented whenever the endpoint's metadata changes: a client
        holding an older version fetches it again.
    :ivar other_element:
    :ivar other_attributes:
    """

    endpoint_reference: EndpointReference = field(
        metadata={
            "name": "EndpointReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        }
    )
    types: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Types",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    scopes: None | ScopesType = field(
        default=None,
        metadata={
            "name": "Scopes",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        },
    )
    xaddrs: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "XAddrs",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    metadata_version: None | int = field(
        default=None,
        metadata={
            "name": "MetadataVersion",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
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
class HelloType:
    """
    A device joining the network, or whose metadata changed.

    :ivar endpoint_reference: The device's stable identity (its Address is a urn:uuid: in
        DPWS), not a transport address.
    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar xaddrs: Transport addresses of the endpoint: for a DPWS device, the HTTP addresses
        to send WS-Transfer Get to.
    :ivar metadata_version: Incremented whenever the endpoint's metadata changes: a client
        holding an older version fetches it again.
    :ivar other_element:
    :ivar other_attributes:
    """

    endpoint_reference: EndpointReference = field(
        metadata={
            "name": "EndpointReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        }
    )
    types: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Types",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    scopes: None | ScopesType = field(
        default=None,
        metadata={
            "name": "Scopes",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        },
    )
    xaddrs: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "XAddrs",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    metadata_version: int = field(
        metadata={
            "name": "MetadataVersion",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        }
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
class ProbeMatchType:
    """
    One endpoint that matches a Probe.

    :ivar endpoint_reference: The matching endpoint's identity.
    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar xaddrs: Transport addresses of the endpoint: for a DPWS device, the HTTP addresses
        to send WS-Transfer Get to.
    :ivar metadata_version: Incremented whenever the endpoint's metadata changes: a client
        holding an older version fetches it again.
    :ivar other_element:
    :ivar other_attributes:
    """

    endpoint_reference: EndpointReference = field(
        metadata={
            "name": "EndpointReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        }
    )
    types: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Types",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    scopes: None | ScopesType = field(
        default=None,
        metadata={
            "name": "Scopes",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        },
    )
    xaddrs: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "XAddrs",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    metadata_version: int = field(
        metadata={
            "name": "MetadataVersion",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        }
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
class ProbeType:
    """
    What a client looks for: endpoints of all the given types in all the given scopes (nothing
    given: every endpoint).

    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar other_element:
    :ivar other_attributes:
    """

    types: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Types",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    scopes: None | ScopesType = field(
        default=None,
        metadata={
            "name": "Scopes",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
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
class ResolveMatchType:
    """
    The resolved endpoint.

    In the April 2005 version its XAddrs are required (answering a Resolve is giving them);
    WS-Discovery 1.1 made them optional.

    :ivar endpoint_reference: The resolved endpoint's identity.
    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar xaddrs: Transport addresses of the endpoint: for a DPWS device, the HTTP addresses
        to send WS-Transfer Get to.
    :ivar metadata_version: Incremented whenever the endpoint's metadata changes: a client
        holding an older version fetches it again.
    :ivar other_element:
    :ivar other_attributes:
    """

    endpoint_reference: EndpointReference = field(
        metadata={
            "name": "EndpointReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        }
    )
    types: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Types",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    scopes: None | ScopesType = field(
        default=None,
        metadata={
            "name": "Scopes",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        },
    )
    xaddrs: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "XAddrs",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
            "tokens": True,
        },
    )
    metadata_version: int = field(
        metadata={
            "name": "MetadataVersion",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
        }
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
class ResolveType:
    """
    Which endpoint a client wants the transport addresses of.

    :ivar endpoint_reference: The identity of the endpoint to locate.
    :ivar other_element:
    :ivar other_attributes:
    """

    endpoint_reference: EndpointReference = field(
        metadata={
            "name": "EndpointReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        }
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
class Bye(ByeType):
    """
    Body of the multicast announcement a device sends when it leaves the network.

    :ivar endpoint_reference: The identity of the device that leaves.
    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar xaddrs: Transport addresses of the endpoint: for a DPWS device, the HTTP addresses
        to send WS-Transfer Get to.
    :ivar metadata_version: Incremented whenever the endpoint's metadata changes: a client
        holding an older version fetches it again.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class Hello(HelloType):
    """
    Body of the multicast announcement a device sends when it joins the network.

    :ivar endpoint_reference: The device's stable identity (its Address is a urn:uuid: in
        DPWS), not a transport address.
    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar xaddrs: Transport addresses of the endpoint: for a DPWS device, the HTTP addresses
        to send WS-Transfer Get to.
    :ivar metadata_version: Incremented whenever the endpoint's metadata changes: a client
        holding an older version fetches it again.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class Probe(ProbeType):
    """
    Body of a search for devices, multicast (or sent to one device's discovery address).

    :ivar types: The types an endpoint implements (in a Probe: the types looked for). DPWS
        devices list wsdp:Device.
    :ivar scopes: The scopes an endpoint belongs to (in a Probe: the scopes looked for).
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class ProbeMatchesType:
    """
    The endpoints of one responder that match a Probe.

    :ivar probe_match: One matching endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    probe_match: Sequence[ProbeMatchType] = field(
        default_factory=list,
        metadata={
            "name": "ProbeMatch",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
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
class Resolve(ResolveType):
    """
    Body of a multicast request for a known endpoint's transport addresses.

    :ivar endpoint_reference: The identity of the endpoint to locate.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class ResolveMatchesType:
    """
    The answer to a Resolve: the endpoint, or nothing.

    :ivar resolve_match: The resolved endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    resolve_match: None | ResolveMatchType = field(
        default=None,
        metadata={
            "name": "ResolveMatch",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2005/04/discovery",
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
class ProbeMatches(ProbeMatchesType):
    """
    Body of the unicast answer to a Probe.

    :ivar probe_match: One matching endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"


@dataclass(slots=True, kw_only=True)
class ResolveMatches(ResolveMatchesType):
    """
    Body of the unicast answer to a Resolve.

    :ivar resolve_match: The resolved endpoint.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
