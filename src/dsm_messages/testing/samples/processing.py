"""WS-DSP (dsp): the building blocks and a sample of every body."""

from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement

from dsm_messages.models import dsp

from .common import (
    ACME_NS,
    COMPLETED_LOCAL,
    CREATED_LOCAL,
    DSP_NS,
    EMAIL_DIALECT,
    FILESHARE_DIALECT,
    JOB_TOKEN,
    PDF_BYTES,
    PSP_DISPLAY_NAME,
    PSP_ID,
    SHAREPOINT_DIALECT,
    USER_NAME,
    USER_SID,
    dt,
)
from .filters import post_scan_instructions

__all__ = [
    "SAMPLES",
    "dsp_document",
    "dsp_end_state",
    "dsp_filter_status",
    "dsp_finished_filters",
    "dsp_job_status",
    "dsp_running_filters",
]

# --------------------------------------------------------------------------------------------
# WS-DSP (dsp) building blocks
# --------------------------------------------------------------------------------------------


def dsp_filter_status(
    dialect: str,
    state: dsp.FilterStateWKVType | str,
    *reasons: dsp.FilterStateReasonWKVType | str,
) -> dsp.FilterStatusType:
    """Status of one filter; FilterStateReasons only when reasons are given."""
    return dsp.FilterStatusType(
        dialect=dialect,
        filter_state=state,
        filter_state_reasons=(
            dsp.FilterStateReasonsType(filter_state_reason=[r for r in reasons])
            if reasons
            else None
        ),
    )


def dsp_running_filters() -> list[dsp.FilterStatusType]:
    """Filter statuses of a job still being delivered."""
    return [
        dsp_filter_status(FILESHARE_DIALECT, dsp.FilterStateWKVType.COMPLETED_SUCCESSFULLY),
        dsp_filter_status(SHAREPOINT_DIALECT, dsp.FilterStateWKVType.PROCESSING),
        dsp_filter_status(
            EMAIL_DIALECT, dsp.FilterStateWKVType.PENDING, "acme:SmtpRetryScheduled"
        ),
    ]


def dsp_finished_filters() -> list[dsp.FilterStatusType]:
    """Filter statuses of a job that finished with one failed filter."""
    return [
        dsp_filter_status(FILESHARE_DIALECT, dsp.FilterStateWKVType.COMPLETED_SUCCESSFULLY),
        dsp_filter_status(
            SHAREPOINT_DIALECT,
            dsp.FilterStateWKVType.COMPLETED_WITH_ERRORS,
            dsp.FilterStateReasonWKVType.SHAREPOINT_ACCESS_DENIED,
            "acme:RetryLimitReached",
        ),
        dsp_filter_status(EMAIL_DIALECT, dsp.FilterStateWKVType.COMPLETED_SUCCESSFULLY),
    ]


def dsp_job_status(
    token: str,
    state: dsp.JobStateWKVType | str,
    reasons: list[dsp.JobStateReasonWKVType | str],
    filters: list[dsp.FilterStatusType],
    images_received: int,
    *,
    completed: str | None = None,
) -> dsp.JobStatusType:
    """Status of a post-scan job on the scan server (local times without a zone)."""
    return dsp.JobStatusType(
        job_token=token,
        job_state=state,
        job_state_reasons=dsp.JobStateReasonsType(job_state_reason=[r for r in reasons]),
        filter_statuses=dsp.FilterStatusesType(filter_status=filters),
        images_received=images_received,
        job_created_time=dt(CREATED_LOCAL),
        job_completed_time=None if completed is None else dt(completed),
    )


def dsp_document(document_id: int, fmt: dsp.DocumentFormatWKVType | str) -> dsp.DocumentType:
    return dsp.DocumentType(
        document_description=dsp.DocumentDescriptionType(
            document_id=document_id,
            format=fmt,
        ),
    )


def dsp_end_state() -> dsp.PostScanJobEndStateType:
    return dsp.PostScanJobEndStateType(
        job_token=JOB_TOKEN,
        psp_identifier=PSP_ID,
        psp_display_name=PSP_DISPLAY_NAME,
        job_originating_user_name=USER_NAME,
        job_completed_state=dsp.JobCompletedStateWKVType.COMPLETED,
        job_completed_state_reasons=dsp.JobCompletedStateReasonsType(
            job_state_reason=[
                dsp.JobStateReasonWKVType.POST_SCAN_JOB_COMPLETED_WITH_ERRORS,
                "acme:PartialDelivery",
            ],
        ),
        filter_completed_statuses=dsp.FilterCompletedStatusesType(
            filter_status=dsp_finished_filters()
        ),
        images_received=2,
        job_completed_time=dt(COMPLETED_LOCAL),
    )


_DSP: dict[str, object] = {
    "dsp:CreatePostScanJobRequest": dsp.CreatePostScanJobRequest(
        user_identifier=USER_SID,
        psp_identifier=PSP_ID,
        post_scan_instructions=post_scan_instructions(),
    ),
    "dsp:CreatePostScanJobResponse": dsp.CreatePostScanJobResponse(
        job_token=JOB_TOKEN,
    ),
    "dsp:SendImageRequest": dsp.SendImageRequest(
        job_token=JOB_TOKEN,
        document_description=dsp.DocumentDescriptionType(
            document_id=1,
            format=dsp.DocumentFormatWKVType.PDF_A,
        ),
        image_data=PDF_BYTES,
    ),
    "dsp:SendImageResponse": dsp.SendImageResponse(),
    "dsp:EndPostScanJobRequest": dsp.EndPostScanJobRequest(job_token=JOB_TOKEN),
    "dsp:EndPostScanJobResponse": dsp.EndPostScanJobResponse(),
    "dsp:CancelPostScanJobRequest": dsp.CancelPostScanJobRequest(job_token=JOB_TOKEN),
    "dsp:CancelPostScanJobResponse": dsp.CancelPostScanJobResponse(),
    "dsp:GetPostScanJobElementsRequest": dsp.GetPostScanJobElementsRequest(
        job_token=JOB_TOKEN,
        requested_elements=dsp.RequestedElementsType(
            name=[
                QName(DSP_NS, "JobStatus"),
                QName(DSP_NS, "JobDescription"),
                QName(DSP_NS, "Documents"),
            ],
        ),
    ),
    "dsp:GetPostScanJobElementsResponse": dsp.GetPostScanJobElementsResponse(
        job_elements=dsp.JobElementsType(
            element_data=[
                dsp.ElementDataType(
                    job_status=dsp_job_status(
                        JOB_TOKEN,
                        dsp.JobStateWKVType.PROCESSING,
                        [dsp.JobStateReasonWKVType.NONE],
                        dsp_running_filters(),
                        1,
                    ),
                    qualified_name=QName(DSP_NS, "JobStatus"),
                    qualified_valid=True,
                ),
                dsp.ElementDataType(
                    job_description=dsp.JobDescriptionType(
                        psp_identifier=PSP_ID,
                        psp_display_name=PSP_DISPLAY_NAME,
                        job_originating_user_name=USER_NAME,
                    ),
                    qualified_name=QName(DSP_NS, "JobDescription"),
                    qualified_valid=True,
                ),
                dsp.ElementDataType(
                    documents=dsp.DocumentsType(
                        document=[
                            dsp_document(1, dsp.DocumentFormatWKVType.PDF_A),
                            dsp_document(2, "acme:pdf-searchable"),
                        ],
                    ),
                    qualified_name=QName(DSP_NS, "Documents"),
                    qualified_valid=True,
                ),
            ],
        ),
    ),
    "dsp:PostScanJobStatusEvent": dsp.PostScanJobStatusEvent(
        job_status=dsp_job_status(
            JOB_TOKEN,
            dsp.JobStateWKVType.COMPLETED,
            [
                dsp.JobStateReasonWKVType.POST_SCAN_JOB_COMPLETED_WITH_ERRORS,
                "acme:PartialDelivery",
            ],
            dsp_finished_filters(),
            2,
            completed=COMPLETED_LOCAL,
        ),
        other_element=[AnyElement(qname=f"{{{ACME_NS}}}ProcessingSeconds", text="37")],
    ),
    "dsp:PostScanJobEndStateEvent": dsp.PostScanJobEndStateEvent(
        post_scan_job_end_state=dsp_end_state(),
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_DSP}
