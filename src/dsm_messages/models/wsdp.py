from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.etree.ElementTree import QName

from .wsa import EndpointReference

__NAMESPACE__ = "http://schemas.xmlsoap.org/ws/2006/02/devprof"


@dataclass(slots=True, kw_only=True)
class LocalizedStringType:
    """
    Text for people, in the language xml:lang names; one element per language.
    """

    value: str = field(default="")
    lang: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
            "namespace": "http://www.w3.org/XML/1998/namespace",
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
class HostServiceType:
    """
    The hosting device, as a service.

    :ivar endpoint_reference: The device's endpoint reference.
    :ivar types: The port types a service implements (wscn:ScannerServiceType for WS-Scan).
    :ivar service_id: The service's identifier, stable across restarts and address changes.
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
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
            "tokens": True,
        },
    )
    service_id: str = field(
        metadata={
            "name": "ServiceId",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
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
class HostedServiceType:
    """
    One service the device hosts: where to reach it and what it implements.

    :ivar endpoint_reference: An address of the service (one per network address: IPv4,
        IPv6, ...); requests such as CreateScanJob go there.
    :ivar types: The port types a service implements (wscn:ScannerServiceType for WS-Scan).
    :ivar service_id: The service's identifier, stable across restarts and address changes.
    :ivar other_element:
    :ivar other_attributes:
    """

    endpoint_reference: Sequence[EndpointReference] = field(
        default_factory=list,
        metadata={
            "name": "EndpointReference",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
            "min_occurs": 1,
        },
    )
    types: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Types",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
            "tokens": True,
        },
    )
    service_id: str = field(
        metadata={
            "name": "ServiceId",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
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
class ThisDeviceType:
    """
    Which unit this is: its name for people, firmware and serial number.

    :ivar friendly_name: The name people know this unit by, per language.
    :ivar firmware_version: The firmware's version.
    :ivar serial_number: The unit's serial number.
    :ivar other_element:
    :ivar other_attributes:
    """

    friendly_name: Sequence[LocalizedStringType] = field(
        default_factory=list,
        metadata={
            "name": "FriendlyName",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
            "min_occurs": 1,
        },
    )
    firmware_version: None | str = field(
        default=None,
        metadata={
            "name": "FirmwareVersion",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        },
    )
    serial_number: None | str = field(
        default=None,
        metadata={
            "name": "SerialNumber",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
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
class ThisModelType:
    """
    What the product is: maker and model, with their web pages.

    :ivar manufacturer: The maker's name, per language.
    :ivar manufacturer_url: The maker's web site.
    :ivar model_name: The model's name, per language.
    :ivar model_number: The model's number.
    :ivar model_url: The model's web page.
    :ivar presentation_url: A page about the model or this unit (devices often give their
        own web console).
    :ivar other_element:
    :ivar other_attributes:
    """

    manufacturer: Sequence[LocalizedStringType] = field(
        default_factory=list,
        metadata={
            "name": "Manufacturer",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
            "min_occurs": 1,
        },
    )
    manufacturer_url: None | str = field(
        default=None,
        metadata={
            "name": "ManufacturerUrl",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        },
    )
    model_name: Sequence[LocalizedStringType] = field(
        default_factory=list,
        metadata={
            "name": "ModelName",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
            "min_occurs": 1,
        },
    )
    model_number: None | str = field(
        default=None,
        metadata={
            "name": "ModelNumber",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        },
    )
    model_url: None | str = field(
        default=None,
        metadata={
            "name": "ModelUrl",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        },
    )
    presentation_url: None | str = field(
        default=None,
        metadata={
            "name": "PresentationUrl",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
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
class Host(HostServiceType):
    """
    The device that hosts the services.

    :ivar endpoint_reference: The device's endpoint reference.
    :ivar types: The port types a service implements (wscn:ScannerServiceType for WS-Scan).
    :ivar service_id: The service's identifier, stable across restarts and address changes.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2006/02/devprof"


@dataclass(slots=True, kw_only=True)
class Hosted(HostedServiceType):
    """
    A service the device hosts.

    :ivar endpoint_reference: An address of the service (one per network address: IPv4,
        IPv6, ...); requests such as CreateScanJob go there.
    :ivar types: The port types a service implements (wscn:ScannerServiceType for WS-Scan).
    :ivar service_id: The service's identifier, stable across restarts and address changes.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2006/02/devprof"


@dataclass(slots=True, kw_only=True)
class ThisDevice(ThisDeviceType):
    """
        Content of the metadata section of dialect
    http://schemas.xmlsoap.org/ws/2006/02/devprof/ThisDevice.

        :ivar friendly_name: The name people know this unit by, per language.
        :ivar firmware_version: The firmware's version.
        :ivar serial_number: The unit's serial number.
        :ivar other_element:
        :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2006/02/devprof"


@dataclass(slots=True, kw_only=True)
class ThisModel(ThisModelType):
    """
        Content of the metadata section of dialect
    http://schemas.xmlsoap.org/ws/2006/02/devprof/ThisModel.

        :ivar manufacturer: The maker's name, per language.
        :ivar manufacturer_url: The maker's web site.
        :ivar model_name: The model's name, per language.
        :ivar model_number: The model's number.
        :ivar model_url: The model's web page.
        :ivar presentation_url: A page about the model or this unit (devices often give their
            own web console).
        :ivar other_element:
        :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2006/02/devprof"


@dataclass(slots=True, kw_only=True)
class RelationshipType:
    """
    How the device and its services relate; DPWS defines the host relationship.

    :ivar host:
    :ivar hosted:
    :ivar other_element:
    :ivar type_value: The kind of relationship:
        http://schemas.xmlsoap.org/ws/2006/02/devprof/host for a device and its hosted
        services.
    :ivar other_attributes:
    """

    host: None | Host = field(
        default=None,
        metadata={
            "name": "Host",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        },
    )
    hosted: Sequence[Hosted] = field(
        default_factory=list,
        metadata={
            "name": "Hosted",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2006/02/devprof",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    type_value: str = field(
        metadata={
            "name": "Type",
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
class Relationship(RelationshipType):
    """
        Content of the metadata section of dialect
    http://schemas.xmlsoap.org/ws/2006/02/devprof/Relationship.

        :ivar host:
        :ivar hosted:
        :ivar other_element:
        :ivar type_value: The kind of relationship:
            http://schemas.xmlsoap.org/ws/2006/02/devprof/host for a device and its hosted
            services.
        :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2006/02/devprof"
