"""WS-DSC (dsc): the building blocks and a sample of every body."""

from xml.etree.ElementTree import QName

from dsm_messages.models import dsc

from .common import (
    COMPLETED_LOCAL,
    CREATED_LOCAL,
    DSC_NS,
    EMAIL_DIALECT,
    FILESHARE_DIALECT,
    JOB_TOKEN,
    OTHER_JOB_TOKEN,
    OTHER_PSP_DISPLAY_NAME,
    OTHER_PSP_ID,
    OTHER_USER_NAME,
    PSP_DISPLAY_NAME,
    PSP_ID,
    SHAREPOINT_DIALECT,
    USER_NAME,
    dt,
)
from .filters import (
    email_config,
    file_share_config,
    share_point_config,
)

__all__ = [
    "FILTER_NS",
    "SAMPLES",
    "dsc_filter",
    "dsc_filter_status",
    "dsc_finished_filters",
    "dsc_job_status",
    "dsc_job_summaries",
    "dsc_reasons",
    "dsc_running_filters",
    "repository_configuration",
    "repository_state_reasons",
]

# --------------------------------------------------------------------------------------------
# WS-DSC (dsc) building blocks
# --------------------------------------------------------------------------------------------


def dsc_filter_status(
    dialect: str,
    state: dsc.FilterStateWKVType | str,
    *reasons: dsc.FilterStateReasonWKVType | str,
) -> dsc.FilterStatusType:
    return dsc.FilterStatusType(
        dialect=dialect,
        filter_state=state,
        filter_state_reasons=(
            dsc.FilterStateReasonsType(filter_state_reason=[r for r in reasons])
            if reasons
            else None
        ),
    )


def dsc_running_filters() -> dsc.FilterStatusesType:
    return dsc.FilterStatusesType(
        filter_status=[
            dsc_filter_status(FILESHARE_DIALECT, dsc.FilterStateWKVType.COMPLETED_SUCCESSFULLY),
            dsc_filter_status(
                EMAIL_DIALECT, dsc.FilterStateWKVType.PROCESSING, "acme:SmtpRetryScheduled"
            ),
        ],
    )


def dsc_finished_filters() -> dsc.FilterStatusesType:
    return dsc.FilterStatusesType(
        filter_status=[
            dsc_filter_status(FILESHARE_DIALECT, dsc.FilterStateWKVType.COMPLETED_SUCCESSFULLY),
            dsc_filter_status(
                SHAREPOINT_DIALECT,
                dsc.FilterStateWKVType.COMPLETED_WITH_ERRORS,
                dsc.FilterStateReasonWKVType.SHARE_POINT_OUT_OF_DISK_SPACE,
                "acme:QuotaExceeded",
            ),
        ],
    )


def dsc_reasons(*reasons: dsc.JobStateReasonWKVType | str) -> dsc.JobStateReasonsType:
    return dsc.JobStateReasonsType(job_state_reason=[r for r in reasons])


def dsc_job_status(*, completed: bool) -> dsc.JobStatusType:
    """Status of the sample job, either still running or finished with errors."""
    if completed:
        return dsc.JobStatusType(
            job_token=JOB_TOKEN,
            job_state=dsc.JobStateWKVType.COMPLETED,
            job_state_reasons=dsc_reasons(
                dsc.JobStateReasonWKVType.POST_SCAN_JOB_COMPLETED_WITH_ERRORS
            ),
            filter_statuses=dsc_finished_filters(),
            images_received=2,
            job_created_time=dt(CREATED_LOCAL),
            job_completed_time=dt(COMPLETED_LOCAL),
        )
    return dsc.JobStatusType(
        job_token=JOB_TOKEN,
        job_state=dsc.JobStateWKVType.PROCESSING,
        job_state_reasons=dsc_reasons(dsc.JobStateReasonWKVType.NONE),
        filter_statuses=dsc_running_filters(),
        images_received=1,
        job_created_time=dt(CREATED_LOCAL),
    )


def dsc_job_summaries(*, history: bool) -> dsc.ListOfSummarysType:
    """Two job summaries: active jobs, or finished jobs for the history."""
    if history:
        first = dsc.JobSummaryType(
            job_token=OTHER_JOB_TOKEN,
            psp_identifier=OTHER_PSP_ID,
            psp_display_name=OTHER_PSP_DISPLAY_NAME,
            job_originating_user_name=OTHER_USER_NAME,
            job_state=dsc.JobStateWKVType.COMPLETED,
            job_state_reasons=dsc_reasons(
                dsc.JobStateReasonWKVType.POST_SCAN_JOB_COMPLETED_SUCCESSFULLY
            ),
            filter_statuses=dsc.FilterStatusesType(
                filter_status=[
                    dsc_filter_status(
                        FILESHARE_DIALECT, dsc.FilterStateWKVType.COMPLETED_SUCCESSFULLY
                    ),
                    dsc_filter_status(
                        EMAIL_DIALECT, dsc.FilterStateWKVType.COMPLETED_SUCCESSFULLY
                    ),
                ],
            ),
            images_received=5,
        )
        second = dsc.JobSummaryType(
            job_token=JOB_TOKEN,
            psp_identifier=PSP_ID,
            psp_display_name=PSP_DISPLAY_NAME,
            job_originating_user_name=USER_NAME,
            job_state=dsc.JobStateWKVType.ABORTED,
            job_state_reasons=dsc_reasons(
                dsc.JobStateReasonWKVType.POST_SCAN_JOB_TIMED_OUT, "acme:DeviceOffline"
            ),
            filter_statuses=dsc_finished_filters(),
            images_received=0,
        )
    else:
        first = dsc.JobSummaryType(
            job_token=JOB_TOKEN,
            psp_identifier=PSP_ID,
            psp_display_name=PSP_DISPLAY_NAME,
            job_originating_user_name=USER_NAME,
            job_state=dsc.JobStateWKVType.PROCESSING,
            job_state_reasons=dsc_reasons(dsc.JobStateReasonWKVType.NONE),
            filter_statuses=dsc_running_filters(),
            images_received=1,
        )
        second = dsc.JobSummaryType(
            job_token=OTHER_JOB_TOKEN,
            psp_identifier=OTHER_PSP_ID,
            psp_display_name=OTHER_PSP_DISPLAY_NAME,
            job_originating_user_name=OTHER_USER_NAME,
            job_state="acme:AwaitingOcr",
            filter_statuses=dsc.FilterStatusesType(
                filter_status=[
                    dsc_filter_status(FILESHARE_DIALECT, dsc.FilterStateWKVType.PENDING),
                    dsc_filter_status(EMAIL_DIALECT, dsc.FilterStateWKVType.PENDING),
                ],
            ),
            images_received=3,
        )
    return dsc.ListOfSummarysType(job_summary=[first, second])


FILTER_NS = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter"


def dsc_filter(dialect: QName, config: object) -> dsc.FilterType:
    """A filter the repository supports; its Dialect is an xs:QName (MS-BDSRR 4.1 writes
    ftr:fileshare, ftr:sharepoint and ftr:email with ftr = .../postscan/filter)."""
    return dsc.FilterType(
        dialect=dialect,
        filter_config=dsc.FilterConfigType(other_element=[config]),
    )


def repository_configuration() -> dsc.RepositoryConfigurationType:
    return dsc.RepositoryConfigurationType(
        filters=dsc.FiltersType(
            filter=[
                dsc_filter(QName(FILTER_NS, "fileshare"), file_share_config()),
                dsc_filter(QName(FILTER_NS, "sharepoint"), share_point_config()),
                dsc_filter(QName(FILTER_NS, "email"), email_config()),
            ],
        ),
    )


def repository_state_reasons() -> dsc.RepositoryStateReasonsType:
    return dsc.RepositoryStateReasonsType(
        repository_state_reason=[
            dsc.RepositoryStateReasonWKVType.NONE,
            "acme:IndexRebuildScheduled",
        ],
    )


_DSC: dict[str, object] = {
    "dsc:GetRepositoryElementsRequest": dsc.GetRepositoryElementsRequest(
        requested_elements=dsc.RequestedRepositoryElementsType(
            name=[QName(DSC_NS, "RepositoryConfiguration"), QName(DSC_NS, "RepositoryStatus")],
        ),
    ),
    "dsc:GetRepositoryElementsResponse": dsc.GetRepositoryElementsResponse(
        repository_elements=dsc.RepositoryElementsType(
            element_data=[
                dsc.RepositoryElementDataType(
                    repository_configuration=repository_configuration(),
                    name=QName(DSC_NS, "RepositoryConfiguration"),
                    valid=True,
                ),
                dsc.RepositoryElementDataType(
                    repository_status=dsc.RepositoryStatusType(
                        repository_state=dsc.RepositoryStateWKVType.PROCESSING,
                        repository_state_reasons=repository_state_reasons(),
                    ),
                    name=QName(DSC_NS, "RepositoryStatus"),
                    valid=True,
                ),
            ],
        ),
    ),
    "dsc:CancelPostScanJobRequest": dsc.CancelPostScanJobRequest(job_token=JOB_TOKEN),
    "dsc:CancelPostScanJobResponse": dsc.CancelPostScanJobResponse(),
    "dsc:GetPostScanJobElementsRequest": dsc.GetPostScanJobElementsRequest(
        job_token=JOB_TOKEN,
        requested_elements=dsc.RequestedJobElementsType(
            name=[
                QName(DSC_NS, "JobStatus"),
                QName(DSC_NS, "JobDescription"),
                QName(DSC_NS, "Documents"),
            ],
        ),
    ),
    "dsc:GetPostScanJobElementsResponse": dsc.GetPostScanJobElementsResponse(
        job_elements=dsc.JobElementsType(
            element_data=[
                dsc.JobElementDataType(
                    job_status=dsc_job_status(completed=True),
                    name=QName(DSC_NS, "JobStatus"),
                    valid=True,
                ),
                dsc.JobElementDataType(
                    job_description=dsc.JobDescriptionType(
                        psp_identifier=PSP_ID,
                        psp_display_name=PSP_DISPLAY_NAME,
                        job_originating_user_name=USER_NAME,
                    ),
                    name=QName(DSC_NS, "JobDescription"),
                    valid=True,
                ),
                dsc.JobElementDataType(
                    documents=dsc.DocumentsType(
                        document=[
                            dsc.DocumentType(
                                document_description=dsc.DocumentDescriptionType(
                                    document_id=1,
                                    format=dsc.DocumentFormatWKVType.PDF_A,
                                ),
                            ),
                            dsc.DocumentType(
                                document_description=dsc.DocumentDescriptionType(
                                    document_id=2,
                                    format=dsc.DocumentFormatWKVType.TIFF_MULTI_G4,
                                ),
                            ),
                        ],
                    ),
                    name=QName(DSC_NS, "Documents"),
                    valid=True,
                ),
            ],
        ),
    ),
    "dsc:GetActiveJobsRequest": dsc.GetActiveJobsRequest(),
    "dsc:GetActiveJobsResponse": dsc.GetActiveJobsResponse(
        active_jobs=dsc_job_summaries(history=False),
    ),
    "dsc:GetJobHistoryRequest": dsc.GetJobHistoryRequest(),
    "dsc:GetJobHistoryResponse": dsc.GetJobHistoryResponse(
        job_history=dsc_job_summaries(history=True),
    ),
    "dsc:RepositoryElementsChangeEvent": dsc.RepositoryElementsChangeEvent(
        element_changes=dsc.ElementChangesType(
            repository_configuration=repository_configuration(),
        ),
    ),
    "dsc:RepositoryStatusSummaryEvent": dsc.RepositoryStatusSummaryEvent(
        status_summary=dsc.StatusSummaryType(
            repository_state=dsc.RepositoryStateWKVType.IDLE,
            repository_state_reasons=repository_state_reasons(),
        ),
    ),
    "dsc:PostScanJobStatusEvent": dsc.PostScanJobStatusEvent(
        job_status=dsc_job_status(completed=False),
    ),
    "dsc:PostScanJobEndStateEvent": dsc.PostScanJobEndStateEvent(
        post_scan_job_end_state=dsc.PostScanJobEndStateType(
            job_token=JOB_TOKEN,
            psp_identifier=PSP_ID,
            psp_display_name=PSP_DISPLAY_NAME,
            job_originating_user_name=USER_NAME,
            job_completed_state=dsc.JobStateWKVType.COMPLETED,
            job_completed_state_reasons=dsc_reasons(
                dsc.JobStateReasonWKVType.POST_SCAN_JOB_COMPLETED_WITH_ERRORS,
                "acme:PartialDelivery",
            ),
            filter_completed_statuses=dsc_finished_filters(),
            images_received=2,
            job_completed_time=dt(COMPLETED_LOCAL),
        ),
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_DSC}
