from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from xml.etree.ElementTree import QName

from xsdata.models.datatype import XmlDuration

from .wsa import EndpointReferenceType

__NAMESPACE__ = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class EmptyRequestType:
    """
    Request with no defined content, open to extensions.
    """

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
class ExpirationType:
    """
    Requested or granted expiry of a subscription.
    """

    value: datetime | XmlDuration = field()
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class FilterType:
    """
    Which notifications the subscriber wants; with the DPWS action dialect, a
    whitespace-separated list of event action URIs.

    :ivar value:
    :ivar dialect: Filter language URI (DPWS action filtering in DSM).
    :ivar other_attributes:
    """

    value: str = field(default="")
    dialect: None | str = field(
        default=None,
        metadata={
            "name": "Dialect",
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
class Identifier:
    """
    Header: which subscription a Renew, GetStatus or Unsubscribe is about (a reference
    parameter of the SubscriptionManager).
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class LanguageSpecificStringType:
    """
    Text tagged with its language.
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


class SubscriptionEndCodeType(Enum):
    """
    Why the source ended a subscription.
    """

    WSE_DELIVERY_FAILURE = QName("{http://schemas.xmlsoap.org/ws/2004/08/eventing}DeliveryFailure")
    WSE_SOURCE_SHUTTING_DOWN = QName(
        "{http://schemas.xmlsoap.org/ws/2004/08/eventing}SourceShuttingDown"
    )
    WSE_SOURCE_CANCELLING = QName(
        "{http://schemas.xmlsoap.org/ws/2004/08/eventing}SourceCancelling"
    )


@dataclass(slots=True, kw_only=True)
class ExpiresResultType:
    """
    Answer carrying the subscription's current expiry.

    :ivar expires: Current expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    expires: None | ExpirationType = field(
        default=None,
        metadata={
            "name": "Expires",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
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
class GetStatus(EmptyRequestType):
    """
    Body of a request for a subscription's expiry.
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class NotifyTo(EndpointReferenceType):
    """
    Endpoint that receives the notifications.
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class RenewType:
    """
    Renewal request with an optional new expiry.

    :ivar expires: Requested new expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    expires: None | ExpirationType = field(
        default=None,
        metadata={
            "name": "Expires",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
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
class SubscribeResponseType:
    """
    Granted subscription: its manager endpoint and expiry.

    :ivar subscription_manager: Endpoint for Renew, GetStatus and Unsubscribe; its reference
        parameters carry the Identifier.
    :ivar expires: Granted expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    subscription_manager: EndpointReferenceType = field(
        metadata={
            "name": "SubscriptionManager",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        }
    )
    expires: ExpirationType = field(
        metadata={
            "name": "Expires",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
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
class SubscriptionEndType:
    """
    Notice that the source ended a subscription, with status and reasons.

    :ivar subscription_manager: The manager of the subscription that ended.
    :ivar status: Why it ended.
    :ivar reason: Human-readable explanation, per language.
    :ivar other_element:
    :ivar other_attributes:
    """

    subscription_manager: EndpointReferenceType = field(
        metadata={
            "name": "SubscriptionManager",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        }
    )
    status: SubscriptionEndCodeType | QName = field(
        metadata={
            "name": "Status",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        }
    )
    reason: Sequence[LanguageSpecificStringType] = field(
        default_factory=list,
        metadata={
            "name": "Reason",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
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
class Unsubscribe(EmptyRequestType):
    """
    Body of a request to cancel a subscription (the answer has an empty body).
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class DeliveryType:
    """
    How notifications are delivered: in push mode (the default) to the NotifyTo endpoint.

    :ivar notify_to:
    :ivar other_element:
    :ivar mode: Delivery mode URI; absent means push.
    :ivar other_attributes:
    """

    notify_to: None | NotifyTo = field(
        default=None,
        metadata={
            "name": "NotifyTo",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    mode: None | str = field(
        default=None,
        metadata={
            "name": "Mode",
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
class GetStatusResponse(ExpiresResultType):
    """
    Body of the answer to GetStatus.

    :ivar expires: Current expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class Renew(RenewType):
    """
    Body of a subscription renewal request.

    :ivar expires: Requested new expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class RenewResponse(ExpiresResultType):
    """
    Body of the answer to Renew.

    :ivar expires: Current expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class SubscribeResponse(SubscribeResponseType):
    """
    Body of the answer to Subscribe.

    :ivar subscription_manager: Endpoint for Renew, GetStatus and Unsubscribe; its reference
        parameters carry the Identifier.
    :ivar expires: Granted expiry.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class SubscriptionEnd(SubscriptionEndType):
    """
    Body of the source's notice that a subscription ended.

    :ivar subscription_manager: The manager of the subscription that ended.
    :ivar status: Why it ended.
    :ivar reason: Human-readable explanation, per language.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"


@dataclass(slots=True, kw_only=True)
class SubscribeType:
    """
    Subscription request: end notice endpoint, delivery, expiry and filter.

    :ivar end_to: Where to send SubscriptionEnd if the source ends the subscription.
    :ivar delivery: Delivery mode and notification endpoint.
    :ivar expires: Requested expiry.
    :ivar filter: Notifications wanted; absent means all.
    :ivar other_element:
    :ivar other_attributes:
    """

    end_to: None | EndpointReferenceType = field(
        default=None,
        metadata={
            "name": "EndTo",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        },
    )
    delivery: DeliveryType = field(
        metadata={
            "name": "Delivery",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        }
    )
    expires: None | ExpirationType = field(
        default=None,
        metadata={
            "name": "Expires",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
        },
    )
    filter: None | FilterType = field(
        default=None,
        metadata={
            "name": "Filter",
            "type": "Element",
            "namespace": "http://schemas.xmlsoap.org/ws/2004/08/eventing",
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
class Subscribe(SubscribeType):
    """
    Body of a subscription request to an event source.

    :ivar end_to: Where to send SubscriptionEnd if the source ends the subscription.
    :ivar delivery: Delivery mode and notification endpoint.
    :ivar expires: Requested expiry.
    :ivar filter: Notifications wanted; absent means all.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.xmlsoap.org/ws/2004/08/eventing"
