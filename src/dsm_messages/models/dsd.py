from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .wscn import (
    DeviceConditionClearedType,
    DeviceConditionType,
    ElementChangesType,
    JobElementsType,
    JobEndStateType,
    JobStatusType,
    ListOfSummarysType,
    RequestedJobElementsType,
    RequestedScannerElementsType,
    ScannerElementsType,
    StatusSummaryType,
)

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetActiveJobsRequestType:
    """
    Empty request body.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryRequestType:
    """
    Empty request body.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class GetActiveJobsRequest(GetActiveJobsRequestType):
    """
    Request body asking the device for summaries of all jobs not yet finished.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetActiveJobsResponseType:
    """
    Wraps the active-job list.

    :ivar active_jobs: List of summaries of jobs that have not finished; empty when none are
        active.
    """

    active_jobs: ListOfSummarysType = field(
        metadata={
            "name": "ActiveJobs",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetJobElementsRequestType:
    """
    Job id plus requested job sections.

    :ivar job_id: Id of the job whose sections are requested; unknown or out-of-range ids
        yield ClientErrorJobIdNotFound.
    :ivar requested_elements: List of QNames naming the sections the control point wants
        returned.
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
            "min_inclusive": 1,
        }
    )
    requested_elements: RequestedJobElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetJobElementsResponseType:
    """
    Wraps the job element data.

    :ivar job_elements: Container with one ElementData per requested job section.
    """

    job_elements: JobElementsType = field(
        metadata={
            "name": "JobElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryRequest(GetJobHistoryRequestType):
    """
    Request body asking for summaries of recently completed jobs.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetJobHistoryResponseType:
    """
    Wraps the completed-job list.

    :ivar job_history: List of summaries of recently finished jobs; empty when the device
        keeps no history.
    """

    job_history: ListOfSummarysType = field(
        metadata={
            "name": "JobHistory",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetScannerElementsRequestType:
    """
    Requested scanner sections.

    :ivar requested_elements: List of QNames naming the sections the control point wants
        returned.
    """

    requested_elements: RequestedScannerElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetScannerElementsResponseType:
    """
    Wraps the scanner element data.

    :ivar scanner_elements: Container with one ElementData per requested scanner section.
    """

    scanner_elements: ScannerElementsType = field(
        metadata={
            "name": "ScannerElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )


@dataclass(slots=True, kw_only=True)
class JobEndStateEventType:
    """
    Event body: final job state.

    :ivar job_end_state: Final state record of a finished job.
    :ivar other_element:
    """

    job_end_state: JobEndStateType = field(
        metadata={
            "name": "JobEndState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class JobStatusEventType:
    """
    Event body: changed job status.

    :ivar job_status: Status snapshot of one job.
    :ivar other_element:
    """

    job_status: JobStatusType = field(
        metadata={
            "name": "JobStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ScannerElementsChangeEventType:
    """
    Event body: changed scanner sections.

    :ivar element_changes: Complete new copy of each changed scanner section (omitted
        optional parts mean no longer supported).
    :ivar other_element:
    """

    element_changes: ElementChangesType = field(
        metadata={
            "name": "ElementChanges",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ScannerStatusConditionClearedEventType:
    """
    Event body: a condition was cleared.

    :ivar device_condition_cleared: Id and clear time of the cleared condition.
    :ivar other_element:
    """

    device_condition_cleared: DeviceConditionClearedType = field(
        metadata={
            "name": "DeviceConditionCleared",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ScannerStatusConditionEventType:
    """
    Event body: a condition was added or changed.

    :ivar device_condition: One active condition; Id is unique and not reused for as long as
        possible.
    :ivar other_element:
    """

    device_condition: DeviceConditionType = field(
        metadata={
            "name": "DeviceCondition",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class ScannerStatusSummaryEventType:
    """
    Event body: scanner state summary changed.

    :ivar status_summary: Current scanner state and reasons.
    :ivar other_element:
    """

    status_summary: StatusSummaryType = field(
        metadata={
            "name": "StatusSummary",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class GetActiveJobsResponse(GetActiveJobsResponseType):
    """
    Response body carrying the active-job summary list.

    :ivar active_jobs: List of summaries of jobs that have not finished; empty when none are
        active.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetJobElementsRequest(GetJobElementsRequestType):
    """
    Request body asking for selected sections of one job.

    :ivar job_id: Id of the job whose sections are requested; unknown or out-of-range ids
        yield ClientErrorJobIdNotFound.
    :ivar requested_elements: List of QNames naming the sections the control point wants
        returned.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetJobElementsResponse(GetJobElementsResponseType):
    """
    Response body carrying the requested job sections.

    :ivar job_elements: Container with one ElementData per requested job section.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetJobHistoryResponse(GetJobHistoryResponseType):
    """
    Response body carrying the job-history summary list.

    :ivar job_history: List of summaries of recently finished jobs; empty when the device
        keeps no history.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetScannerElementsRequest(GetScannerElementsRequestType):
    """
    Request body asking for selected top-level scanner sections.

    :ivar requested_elements: List of QNames naming the sections the control point wants
        returned.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class GetScannerElementsResponse(GetScannerElementsResponseType):
    """
    Response body carrying the requested scanner sections.

    :ivar scanner_elements: Container with one ElementData per requested scanner section.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class JobEndStateEvent(JobEndStateEventType):
    """
    Event body: a job has finished processing.

    :ivar job_end_state: Final state record of a finished job.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class JobStatusEvent(JobStatusEventType):
    """
    Event body: some JobStatus value of a job changed.

    :ivar job_status: Status snapshot of one job.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class ScannerElementsChangeEvent(ScannerElementsChangeEventType):
    """
        Event body: ScannerDescription, ScannerConfiguration, DefaultScanTicket or a vendor section
    changed.

        :ivar element_changes: Complete new copy of each changed scanner section (omitted
            optional parts mean no longer supported).
        :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class ScannerStatusConditionClearedEvent(ScannerStatusConditionClearedEventType):
    """
    Event body: a previously reported condition has cleared.

    :ivar device_condition_cleared: Id and clear time of the cleared condition.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class ScannerStatusConditionEvent(ScannerStatusConditionEventType):
    """
    Event body: a condition was added to or changed in ActiveConditions.

    :ivar device_condition: One active condition; Id is unique and not reused for as long as
        possible.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"


@dataclass(slots=True, kw_only=True)
class ScannerStatusSummaryEvent(ScannerStatusSummaryEventType):
    """
    Event body: the scanner state or its reasons changed.

    :ivar status_summary: Current scanner state and reasons.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"
