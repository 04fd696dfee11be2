"""WS-DSD (dsd): a sample of every body."""

from xml.etree.ElementTree import QName

from dsm_messages.models import (
    dsd,
    wscn,
)

from .common import (
    ACME_NS,
    CONDITION_CLEARED,
    DEVICE_SCAN_DONE,
    OTHER_PSP_DISPLAY_NAME,
    OTHER_USER_NAME,
    PSP_DISPLAY_NAME,
    USER_NAME,
    WSCN_NS,
    dt,
)
from .scan_parts import (
    default_scan_ticket,
    lamp_warming_condition,
    scan_ticket,
    scanner_configuration,
    scanner_description,
    scanner_status,
    wscn_documents,
    wscn_job_status,
    wscn_job_summary,
)

__all__ = ["SAMPLES"]

_DSD: dict[str, object] = {
    "dsd:GetActiveJobsRequest": dsd.GetActiveJobsRequest(),
    "dsd:GetActiveJobsResponse": dsd.GetActiveJobsResponse(
        active_jobs=wscn.ListOfSummarysType(
            job_summary=[
                wscn_job_summary(
                    41,
                    PSP_DISPLAY_NAME,
                    USER_NAME,
                    wscn.JobStateWKVType.PROCESSING,
                    [wscn.JobStateReasonWKVType.JOB_SCANNING_AND_TRANSFERRING],
                    1,
                ),
                wscn_job_summary(
                    42,
                    OTHER_PSP_DISPLAY_NAME,
                    OTHER_USER_NAME,
                    wscn.JobStateWKVType.PENDING,
                    ["acme:Warming"],
                    0,
                ),
            ],
        ),
    ),
    "dsd:GetJobElementsRequest": dsd.GetJobElementsRequest(
        job_id=41,
        requested_elements=wscn.RequestedJobElementsType(
            name=[
                QName(WSCN_NS, "JobStatus"),
                QName(WSCN_NS, "ScanTicket"),
                QName(WSCN_NS, "Documents"),
            ],
        ),
    ),
    "dsd:GetJobElementsResponse": dsd.GetJobElementsResponse(
        job_elements=wscn.JobElementsType(
            element_data=[
                wscn.JobElementDataType(
                    job_status=wscn_job_status(
                        41,
                        wscn.JobStateWKVType.COMPLETED,
                        [wscn.JobStateReasonWKVType.NONE],
                        2,
                        completed=DEVICE_SCAN_DONE,
                    ),
                    qualified_name=QName(WSCN_NS, "JobStatus"),
                    qualified_valid=True,
                ),
                wscn.JobElementDataType(
                    scan_ticket=scan_ticket(),
                    qualified_name=QName(WSCN_NS, "ScanTicket"),
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
    "dsd:GetJobHistoryRequest": dsd.GetJobHistoryRequest(),
    "dsd:GetJobHistoryResponse": dsd.GetJobHistoryResponse(
        job_history=wscn.ListOfSummarysType(
            job_summary=[
                wscn_job_summary(
                    39,
                    OTHER_PSP_DISPLAY_NAME,
                    OTHER_USER_NAME,
                    wscn.JobStateWKVType.COMPLETED,
                    [wscn.JobStateReasonWKVType.NONE],
                    5,
                ),
                wscn_job_summary(
                    40,
                    PSP_DISPLAY_NAME,
                    USER_NAME,
                    wscn.JobStateWKVType.ABORTED,
                    [
                        wscn.JobStateReasonWKVType.JOB_CANCELED_AT_DEVICE,
                        "acme:UserPressedStop",
                    ],
                    1,
                ),
            ],
        ),
    ),
    "dsd:GetScannerElementsRequest": dsd.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(
            name=[
                QName(WSCN_NS, "ScannerDescription"),
                QName(WSCN_NS, "ScannerConfiguration"),
                QName(WSCN_NS, "ScannerStatus"),
                QName(WSCN_NS, "DefaultScanTicket"),
                QName(ACME_NS, "MaintenanceCounters"),
            ],
        ),
    ),
    "dsd:GetScannerElementsResponse": dsd.GetScannerElementsResponse(
        scanner_elements=wscn.ScannerElementsType(
            element_data=[
                wscn.ScannerElementDataType(
                    scanner_description=scanner_description(),
                    qualified_name=QName(WSCN_NS, "ScannerDescription"),
                    qualified_valid=True,
                ),
                wscn.ScannerElementDataType(
                    scanner_configuration=scanner_configuration(),
                    qualified_name=QName(WSCN_NS, "ScannerConfiguration"),
                    qualified_valid=True,
                ),
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
                wscn.ScannerElementDataType(
                    qualified_name=QName(ACME_NS, "MaintenanceCounters"),
                    qualified_valid=False,
                ),
            ],
        ),
    ),
    "dsd:JobStatusEvent": dsd.JobStatusEvent(
        job_status=wscn_job_status(
            41,
            wscn.JobStateWKVType.PROCESSING,
            [wscn.JobStateReasonWKVType.JOB_SCANNING_AND_TRANSFERRING, "acme:Warming"],
            1,
        ),
    ),
    "dsd:JobEndStateEvent": dsd.JobEndStateEvent(
        job_end_state=wscn.JobEndStateType(
            job_id=41,
            job_completed_state=wscn.JobStateWKVType.COMPLETED,
            job_completed_state_reasons=wscn.JobStateReasonsType(
                job_state_reason=[
                    wscn.JobStateReasonWKVType.JOB_COMPLETED_WITH_WARNINGS,
                    "acme:BlankPagesRemoved",
                ],
            ),
            job_name=PSP_DISPLAY_NAME,
            job_originating_user_name=USER_NAME,
            scans_completed=2,
            job_completed_time=dt(DEVICE_SCAN_DONE),
        ),
    ),
    "dsd:ScannerElementsChangeEvent": dsd.ScannerElementsChangeEvent(
        element_changes=wscn.ElementChangesType(
            scanner_description=scanner_description(),
            scanner_configuration=scanner_configuration(),
            default_scan_ticket=default_scan_ticket(),
        ),
    ),
    "dsd:ScannerStatusConditionEvent": dsd.ScannerStatusConditionEvent(
        device_condition=lamp_warming_condition(),
    ),
    "dsd:ScannerStatusConditionClearedEvent": dsd.ScannerStatusConditionClearedEvent(
        device_condition_cleared=wscn.DeviceConditionClearedType(
            condition_id=12,
            condition_clear_time=dt(CONDITION_CLEARED),
        ),
    ),
    "dsd:ScannerStatusSummaryEvent": dsd.ScannerStatusSummaryEvent(
        status_summary=wscn.StatusSummaryType(
            scanner_state=wscn.ScannerStateWKVType.STOPPED,
            scanner_state_reasons=wscn.ScannerStateReasonsType(
                scanner_state_reason=[
                    wscn.ScannerStateReasonWKVType.MEDIA_JAM,
                    wscn.ScannerStateReasonWKVType.ATTENTION_REQUIRED,
                ],
            ),
        ),
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_DSD}
