from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .wsa import EndpointReferenceType

__NAMESPACE__ = "http://schemas.xmlsoap.org/ws/2004/09/mex"


@dataclass(slots=True, kw_only=True)
class MetadataSectionType:
    """
    One unit of metadata, of the kind its Dialect names: the metadata itself, a reference to
    where it can be fetched, or its location.

    :ivar other_element:
    :ivar metadata_reference: An endpoint that returns this metadata to a WS-Transfer Get.
    :ivar location: A URL that returns this metadata.
    :ivar dialect: The kind of metadata: for DPWS
        http://schemas.xmlsoap.org/ws/2006/02/devprof/ThisModel, .../ThisDevice or
        .../Relationship.
    :ivar identifier: Which one of several sections of one dialect this is (a target
        namespace, for a schema).
    :ivar other_attributes:
    """

    other_element: None | object = field(
        default=None,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    metadata_reference: None | EndpointReferenceType = field(
        default=None,
        metadata={
            "name": "MetadataReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/09/mex",
        },
    )
    location: None | str = field(
        default=None,
        metadata={
            "name": "Location",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/09/mex",
        },
    )
    dialect: str = field(
        metadata={
            "name": "Dialect",
            "type": "Attribute",
        }
    )
    identifier: None | str = field(
        default=None,
        metadata={
            "name": "Identifier",
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
class MetadataType:
    """
    A set of metadata sections.

    :ivar metadata_section: One section of metadata.
    :ivar other_element:
    :ivar other_attributes:
    """

    metadata_section: Sequence[MetadataSectionType] = field(
        default_factory=list,
        metadata={
            "name": "MetadataSection",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/09/mex",
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
class Metadata(MetadataType):
    """
        Body of a DPWS device's answer to a WS-Transfer Get: its model, its identity and the
    services it hosts.

        :ivar metadata_section: One section of metadata.
        :ivar other_element:
        :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/09/mex"
