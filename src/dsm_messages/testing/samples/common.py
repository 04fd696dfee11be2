"""Namespaces, dialects, identifiers, times and bytes the samples share, and the
WS-Addressing endpoint of the subscription manager."""

from datetime import datetime

from dsm_messages.models import (
    wsa,
    wse,
)
from dsm_messages.timestamps import Timestamp

__all__ = [
    "A4_HEIGHT",
    "ACME_NS",
    "ACTION_DIALECT",
    "COMPLETED_LOCAL",
    "CONDITION_CLEARED",
    "CONDITION_RAISED",
    "CREATED_LOCAL",
    "DEVICE_NOW",
    "DEVICE_SCAN_DONE",
    "DEVICE_SCAN_STARTED",
    "DSC_NS",
    "DSP_NS",
    "EMAIL_DIALECT",
    "EMLF_NS",
    "FILESHARE_DIALECT",
    "FSF_NS",
    "JAM_CLEARED",
    "JAM_RAISED",
    "JOB_TOKEN",
    "LETTER_HEIGHT",
    "LETTER_WIDTH",
    "NOTIFY_ID",
    "OTHER_JOB_TOKEN",
    "OTHER_PSP_DISPLAY_NAME",
    "OTHER_PSP_ID",
    "OTHER_USER_NAME",
    "PDF_BYTES",
    "POST_SCAN_JOB_END_STATE_EVENT",
    "POST_SCAN_JOB_STATUS_EVENT",
    "PSP_DISPLAY_NAME",
    "PSP_ID",
    "PUSH_DELIVERY_MODE",
    "RENEW_UNTIL",
    "SCAN_SERVER",
    "SCAN_SERVER_EVENT_SINK",
    "SHAREPOINT_DIALECT",
    "SPF_NS",
    "SUBSCRIPTION_ID",
    "SUBSCRIPTION_MANAGER",
    "USER_NAME",
    "USER_SID",
    "WSCN_NS",
    "dt",
    "subscription_manager",
    "vendor_attrs",
]

# --------------------------------------------------------------------------------------------
# Namespaces, dialects and identifiers shared by the samples
# --------------------------------------------------------------------------------------------

DSP_NS = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"
DSC_NS = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
WSCN_NS = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"
FSF_NS = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare"
SPF_NS = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint"
EMLF_NS = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email"
ACME_NS = "http://schemas.acme.example/scan/2026/02"

FILESHARE_DIALECT = FSF_NS
SHAREPOINT_DIALECT = SPF_NS
EMAIL_DIALECT = EMLF_NS
ACTION_DIALECT = "http://schemas.xmlsoap.org/ws/2006/02/devprof/Action"
PUSH_DELIVERY_MODE = "http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push"

JOB_TOKEN = "7d9c3b1e-5a2f-4c8d-9e61-0b3f4a2d8c57"
OTHER_JOB_TOKEN = "c41f0a96-2b7e-4f35-8d1a-93e6b5027f4d"
PSP_ID = "e1f7a3c2-94b6-4d1e-8f05-6a2b9c4d7e13"
PSP_DISPLAY_NAME = "Scan to Finance (PDF/A)"
OTHER_PSP_ID = "5b3e8d21-07c4-4a9f-b6e2-d18f4c73a905"
OTHER_PSP_DISPLAY_NAME = "Scan to My Documents"
USER_SID = "S-1-5-21-3623811015-3361044348-30300820-1104"
USER_NAME = "jsmith@contoso.com"
OTHER_USER_NAME = "mgarcia@contoso.com"
SCAN_SERVER = "scansrv01.contoso.com"

SCAN_SERVER_EVENT_SINK = "http://10.0.4.27:5358/3a1d6c0e-8b7f-4e52-9d34-c2f1a6b08e71"
SUBSCRIPTION_MANAGER = "https://scansrv01.contoso.com:5358/DistributedScan/Processing"
SUBSCRIPTION_ID = "urn:uuid:9b2e4f71-6c3a-4d08-a5e1-7f0d3c96b842"
NOTIFY_ID = "urn:uuid:0f6a8c2d-1e47-4b93-8d5c-a2e9b71f3064"

POST_SCAN_JOB_STATUS_EVENT = f"{DSP_NS}/PostScanJobStatusEvent"
POST_SCAN_JOB_END_STATE_EVENT = f"{DSP_NS}/PostScanJobEndStateEvent"

# Time stamps: Windows writes the scan server's local time without a zone; devices and
# WS-Eventing use UTC.
CREATED_LOCAL = "2026-03-02T09:15:27.519"
COMPLETED_LOCAL = "2026-03-02T09:16:04.882"
DEVICE_NOW = "2026-03-02T09:15:27.5242689Z"
DEVICE_SCAN_STARTED = "2026-03-02T09:15:21.0871Z"
DEVICE_SCAN_DONE = "2026-03-02T09:15:59.3127Z"
CONDITION_RAISED = "2026-03-02T09:14:58.25Z"
CONDITION_CLEARED = "2026-03-02T09:15:41.903Z"
JAM_RAISED = "2026-03-01T16:02:13Z"
JAM_CLEARED = "2026-03-01T16:04:40.5Z"
RENEW_UNTIL = "2026-03-02T10:15:27Z"

# 1/1000 inch, as WS-Scan measures media
LETTER_WIDTH = 8500
LETTER_HEIGHT = 11000
A4_HEIGHT = 11693

# A tiny but genuine PDF header and trailer standing in for the scanned document
PDF_BYTES = (
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def dt(text: str) -> datetime:
    """Parse an xs:dateTime literal, keeping its text (seven digits, missing zone) exactly."""
    return Timestamp.from_xml(text)


def vendor_attrs(**values: str) -> dict[str, str]:
    """Foreign-namespace (acme) attributes for an ``other_attributes`` field."""
    return {f"{{{ACME_NS}}}{name}": value for name, value in values.items()}


# --------------------------------------------------------------------------------------------
# WS-Eventing / WS-Addressing building blocks
# --------------------------------------------------------------------------------------------


def subscription_manager() -> wsa.EndpointReferenceType:
    """The subscription manager EPR, identifying the subscription by wse:Identifier."""
    return wsa.EndpointReferenceType(
        address=wsa.AttributedURI(value=SUBSCRIPTION_MANAGER),
        reference_parameters=wsa.ReferenceParametersType(
            any_element=[wse.Identifier(value=SUBSCRIPTION_ID)]
        ),
    )
