"""WS-Scan (wscn): a sample of every body, the scan-available events and destinations."""

from xml.etree.ElementTree import QName

from xsdata.models.datatype import XmlDuration

from dsm_messages.models import (
    wsa,
    wscn,
    wse,
)

from .common import (
    ACTION_DIALECT,
    CONDITION_CLEARED,
    DEVICE_SCAN_DONE,
    PSP_DISPLAY_NAME,
    PUSH_DELIVERY_MODE,
    SCAN_SERVER_EVENT_SINK,
    USER_NAME,
    WSCN_NS,
    dt,
    subscription_manager,
)
from .scan_parts import (
    default_scan_ticket,
    lamp_warming_condition,
    page_image_info,
    scan_ticket,
    scanner_status,
    wscn_documents,
    wscn_job_status,
    wscn_job_summary,
)

__all__ = [
    "CLIENT_CONTEXT",
    "DESTINATION_RESPONSES",
    "DESTINATION_TOKEN",
    "JPEG_BYTES",
    "SAMPLES",
    "SCAN_AVAILABLE_SUBSCRIBE",
    "SCAN_AVAILABLE_SUBSCRIBE_RESPONSE",
    "SCAN_DESTINATIONS",
    "SCAN_IDENTIFIER",
    "WSCN_JOB_TOKEN",
]

_WSCN: dict[str, object] = {
    "wscn:ValidateScanTicketRequest": wscn.ValidateScanTicketRequest(scan_ticket=scan_ticket()),
    "wscn:ValidateScanTicketResponse": wscn.ValidateScanTicketResponse(
        validation_info=wscn.ValidationInfoType(
            valid_ticket=False,
            image_information=wscn.ImageInformationType(
                media_front_image_info=page_image_info(),
                media_back_image_info=page_image_info(),
            ),
            valid_scan_ticket=wscn.ScanTicketType(
                job_description=wscn.JobDescriptionType(
                    job_name=PSP_DISPLAY_NAME,
                    job_originating_user_name=USER_NAME,
                ),
                document_parameters=wscn.DocumentParametersType(
                    format=wscn.DocumentFormatType(value=wscn.DocumentFormatWKVType.PDF_A),
                    compression_quality_factor=wscn.CompressionQualityFactorType(
                        value=80, override=True
                    ),
                    input_source=wscn.DocumentInputSourceType(
                        value=wscn.DocumentInputSourceWKVType.ADFDUPLEX
                    ),
                    rotation=wscn.RotationType(
                        value=wscn.RotationWKVType.VALUE_0, used_default=True
                    ),
                ),
            ),
        ),
    ),
}

# WS-Scan: a push scan the user started at the device for the destination a client registered,
# then the same enquiries a WS-DSD console makes, in plain wscn: bodies.
SCAN_IDENTIFIER = "uuid:4f1c9e27-8a3b-4d6e-b512-7c0a9d3e6f81"
DESTINATION_TOKEN = "dest-7731-finance"
CLIENT_CONTEXT = "finance-desk-3"
WSCN_JOB_TOKEN = "job-41-a9c2e6"
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x01,\x01,\x00\x00\xff\xd9"

_WSCN_SCAN: dict[str, object] = {
    "wscn:CreateScanJobRequest": wscn.CreateScanJobRequest(
        scan_identifier=SCAN_IDENTIFIER,
        destination_token=DESTINATION_TOKEN,
        scan_ticket=scan_ticket(),
    ),
    "wscn:CreateScanJobResponse": wscn.CreateScanJobResponse(
        job_id=41,
        job_token=WSCN_JOB_TOKEN,
        image_information=wscn.ImageInformationType(
            media_front_image_info=page_image_info(),
            media_back_image_info=page_image_info(),
        ),
        document_final_parameters=wscn_documents().document_final_parameters,
    ),
    "wscn:RetrieveImageRequest": wscn.RetrieveImageRequest(
        job_id=41,
        job_token=WSCN_JOB_TOKEN,
        document_description=wscn.DocumentDescriptionType(document_name="Invoice_0001.jpg"),
    ),
    "wscn:RetrieveImageResponse": wscn.RetrieveImageResponse(scan_data=JPEG_BYTES),
    "wscn:CancelJobRequest": wscn.CancelJobRequest(job_id=41),
    "wscn:CancelJobResponse": wscn.CancelJobResponse(),
    "wscn:GetActiveJobsRequest": wscn.GetActiveJobsRequest(),
    "wscn:GetActiveJobsResponse": wscn.GetActiveJobsResponse(
        active_jobs=wscn.ListOfSummarysType(
            job_summary=[
                wscn_job_summary(
                    41,
                    "Scan to finance-desk-3",
                    USER_NAME,
                    wscn.JobStateWKVType.PROCESSING,
                    [wscn.JobStateReasonWKVType.JOB_SCANNING],
                    0,
                ),
            ],
        ),
    ),
    "wscn:GetJobElementsRequest": wscn.GetJobElementsRequest(
        job_id=41,
        requested_elements=wscn.RequestedJobElementsType(
            name=[QName(WSCN_NS, "JobStatus"), QName(WSCN_NS, "Documents")],
        ),
    ),
    "wscn:GetJobElementsResponse": wscn.GetJobElementsResponse(
        job_elements=wscn.JobElementsType(
            element_data=[
                wscn.JobElementDataType(
                    job_status=wscn_job_status(
                        41,
                        wscn.JobStateWKVType.PROCESSING,
                        [wscn.JobStateReasonWKVType.JOB_TRANSFERRING],
                        1,
                    ),
                    qualified_name=QName(WSCN_NS, "JobStatus"),
                    qualified_valid=True,
                ),
                wscn.JobElementDataType(
                    documents=wscn_documents(),
                    qualified_name=QName(WSCN_NS, "Documents"),
                    qualified_valid=True,
                ),
            ],
        ),
    ),
    "wscn:GetJobHistoryRequest": wscn.GetJobHistoryRequest(),
    "wscn:GetJobHistoryResponse": wscn.GetJobHistoryResponse(
        job_history=wscn.ListOfSummarysType(job_summary=[]),
    ),
    "wscn:GetScannerElementsRequest": wscn.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(
            name=[QName(WSCN_NS, "ScannerStatus"), QName(WSCN_NS, "DefaultScanTicket")],
        ),
    ),
    "wscn:GetScannerElementsResponse": wscn.GetScannerElementsResponse(
        scanner_elements=wscn.ScannerElementsType(
            element_data=[
                wscn.ScannerElementDataType(
                    scanner_status=scanner_status(),
                    qualified_name=QName(WSCN_NS, "ScannerStatus"),
                    qualified_valid=True,
                ),
                wscn.ScannerElementDataType(
                    default_scan_ticket=default_scan_ticket(),
                    qualified_name=QName(WSCN_NS, "DefaultScanTicket"),
                    qualified_valid=True,
                ),
            ],
        ),
    ),
    "wscn:ScanAvailableEvent": wscn.ScanAvailableEvent(
        client_context=CLIENT_CONTEXT,
        scan_identifier=SCAN_IDENTIFIER,
        input_source=wscn.DocumentInputSourceWKVType.ADFDUPLEX,
    ),
    "wscn:JobStatusEvent": wscn.JobStatusEvent(
        job_status=wscn_job_status(
            41,
            wscn.JobStateWKVType.PROCESSING,
            [wscn.JobStateReasonWKVType.JOB_SCANNING_AND_TRANSFERRING],
            1,
        ),
    ),
    "wscn:JobEndStateEvent": wscn.JobEndStateEvent(
        job_end_state=wscn.JobEndStateType(
            job_id=41,
            job_completed_state=wscn.JobStateWKVType.COMPLETED,
            job_completed_state_reasons=wscn.JobStateReasonsType(
                job_state_reason=[wscn.JobStateReasonWKVType.NONE],
            ),
            job_name="Scan to finance-desk-3",
            job_originating_user_name=USER_NAME,
            scans_completed=2,
            job_completed_time=dt(DEVICE_SCAN_DONE),
        ),
    ),
    "wscn:ScannerElementsChangeEvent": wscn.ScannerElementsChangeEvent(
        element_changes=wscn.ElementChangesType(default_scan_ticket=default_scan_ticket()),
    ),
    "wscn:ScannerStatusConditionEvent": wscn.ScannerStatusConditionEvent(
        device_condition=lamp_warming_condition(),
    ),
    "wscn:ScannerStatusConditionClearedEvent": wscn.ScannerStatusConditionClearedEvent(
        device_condition_cleared=wscn.DeviceConditionClearedType(
            condition_id=12,
            condition_clear_time=dt(CONDITION_CLEARED),
        ),
    ),
    "wscn:ScannerStatusSummaryEvent": wscn.ScannerStatusSummaryEvent(
        status_summary=wscn.StatusSummaryType(
            scanner_state=wscn.ScannerStateWKVType.IDLE,
            scanner_state_reasons=wscn.ScannerStateReasonsType(
                scanner_state_reason=[wscn.ScannerStateReasonWKVType.NONE],
            ),
        ),
    ),
}

#: The ScanAvailableEvent subscription: wse:Subscribe carrying wscn:ScanDestinations, and the
#: device's answer carrying a DestinationToken per destination.
SCAN_DESTINATIONS = wscn.ScanDestinations(
    scan_destination=[
        wscn.ScanDestinationType(
            client_display_name="Finance desk 3", client_context=CLIENT_CONTEXT
        ),
        wscn.ScanDestinationType(client_display_name="Scan to me", client_context="me-jsmith"),
    ],
)
DESTINATION_RESPONSES = wscn.DestinationResponses(
    destination_response=[
        wscn.DestinationResponseType(
            client_context=CLIENT_CONTEXT, destination_token=DESTINATION_TOKEN
        ),
        wscn.DestinationResponseType(client_context="me-jsmith", destination_token="dest-7732"),
    ],
)
SCAN_AVAILABLE_SUBSCRIBE = wse.Subscribe(
    delivery=wse.DeliveryType(
        notify_to=wse.NotifyTo(address=wsa.AttributedURI(value=SCAN_SERVER_EVENT_SINK)),
        mode=PUSH_DELIVERY_MODE,
    ),
    expires=wse.ExpirationType(value=XmlDuration("PT1H")),
    filter=wse.FilterType(value=f"{WSCN_NS}/ScanAvailableEvent", dialect=ACTION_DIALECT),
    other_element=[SCAN_DESTINATIONS],
)
SCAN_AVAILABLE_SUBSCRIBE_RESPONSE = wse.SubscribeResponse(
    subscription_manager=subscription_manager(),
    expires=wse.ExpirationType(value=XmlDuration("PT1H")),
    other_element=[DESTINATION_RESPONSES],
)


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_WSCN, **_WSCN_SCAN}
