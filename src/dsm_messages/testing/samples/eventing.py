"""WS-Eventing (wse): a sample of every body."""

from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement
from xsdata.models.datatype import XmlDuration

from dsm_messages.models import (
    wsa,
    wse,
)

from .common import (
    ACME_NS,
    ACTION_DIALECT,
    NOTIFY_ID,
    POST_SCAN_JOB_END_STATE_EVENT,
    POST_SCAN_JOB_STATUS_EVENT,
    PUSH_DELIVERY_MODE,
    RENEW_UNTIL,
    SCAN_SERVER_EVENT_SINK,
    dt,
    subscription_manager,
)

__all__ = ["SAMPLES"]

_WSE: dict[str, object] = {
    "wse:Subscribe": wse.Subscribe(
        end_to=wsa.EndpointReferenceType(
            address=wsa.AttributedURI(value=SCAN_SERVER_EVENT_SINK),
            reference_properties=wsa.ReferencePropertiesType(
                any_element=[
                    AnyElement(qname=f"{{{ACME_NS}}}DeviceSerial", text="CNB7K42190"),
                ],
            ),
            reference_parameters=wsa.ReferenceParametersType(
                any_element=[wse.Identifier(value=NOTIFY_ID)]
            ),
            port_type=wsa.AttributedQName(value=QName(ACME_NS, "ScanDeviceEventSinkPortType")),
            service_name=wsa.ServiceNameType(
                value=QName(ACME_NS, "ScanDeviceEventSink"), port_name="SoapHttp"
            ),
        ),
        delivery=wse.DeliveryType(
            notify_to=wse.NotifyTo(
                address=wsa.AttributedURI(value=SCAN_SERVER_EVENT_SINK),
                reference_parameters=wsa.ReferenceParametersType(
                    any_element=[wse.Identifier(value=NOTIFY_ID)]
                ),
            ),
            mode=PUSH_DELIVERY_MODE,
        ),
        expires=wse.ExpirationType(value=XmlDuration("PT1H")),
        filter=wse.FilterType(
            value=f"{POST_SCAN_JOB_STATUS_EVENT} {POST_SCAN_JOB_END_STATE_EVENT}",
            dialect=ACTION_DIALECT,
        ),
    ),
    "wse:SubscribeResponse": wse.SubscribeResponse(
        subscription_manager=subscription_manager(),
        expires=wse.ExpirationType(value=XmlDuration("PT1H")),
    ),
    "wse:Renew": wse.Renew(expires=wse.ExpirationType(value=dt(RENEW_UNTIL))),
    "wse:RenewResponse": wse.RenewResponse(expires=wse.ExpirationType(value=dt(RENEW_UNTIL))),
    "wse:GetStatus": wse.GetStatus(),
    "wse:GetStatusResponse": wse.GetStatusResponse(
        expires=wse.ExpirationType(value=XmlDuration("PT42M17S")),
    ),
    "wse:Unsubscribe": wse.Unsubscribe(),
    "wse:SubscriptionEnd": wse.SubscriptionEnd(
        subscription_manager=subscription_manager(),
        status=wse.SubscriptionEndCodeType.WSE_SOURCE_SHUTTING_DOWN,
        reason=[
            wse.LanguageSpecificStringType(
                value="The Distributed Scan Server service is stopping.", lang="en"
            ),
            wse.LanguageSpecificStringType(
                value="Der Dienst Verteilter Scanserver wird beendet.", lang="de"
            ),
        ],
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_WSE}
