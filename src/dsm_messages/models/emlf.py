from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email"


@dataclass(slots=True, kw_only=True)
class SendToAddressesType:
    """
    Send to addresses: EmailAddress.

    :ivar email_address: Email address (emlf:String255ExtType).
    :ivar other_element:
    :ivar can_add_addresses:
    :ivar other_attributes:
    """

    email_address: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "EmailAddress",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email",
            "min_occurs": 1,
            "max_length": 255,
            "white_space": "preserve",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    can_add_addresses: None | bool = field(
        default=None,
        metadata={
            "name": "CanAddAddresses",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email",
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
class EmailConfigType:
    """
    Email config: SendToScanUser, SendToAddresses.

    :ivar send_to_scan_user: Send to scan user (emlf:BoolExtType).
    :ivar send_to_addresses: Send to addresses (emlf:SendToAddressesType).
    :ivar other_element:
    :ivar other_attributes:
    """

    send_to_scan_user: None | bool = field(
        default=None,
        metadata={
            "name": "SendToScanUser",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email",
        },
    )
    send_to_addresses: None | SendToAddressesType = field(
        default=None,
        metadata={
            "name": "SendToAddresses",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email",
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
class EmailConfig(EmailConfigType):
    """
    Instructions for the e-mail filter (root of the email dialect).

    :ivar send_to_scan_user: Send to scan user (emlf:BoolExtType).
    :ivar send_to_addresses: Send to addresses (emlf:SendToAddressesType).
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email"
