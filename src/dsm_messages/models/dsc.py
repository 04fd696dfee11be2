from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from xml.etree.ElementTree import QName

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"


@dataclass(slots=True, kw_only=True)
class CancelPostScanJobRequestType:
    """
    Cancel post scan job request: JobToken.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )


@dataclass(slots=True, kw_only=True)
class CancelPostScanJobResponseType:
    """
    Cancel post scan job response: no defined content, open to vendor elements.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


class DocumentFormatWKVType(StrEnum):
    """
    Well-known document format wkv values (16).
    """

    DIB = "dib"
    EXIF = "exif"
    JBIG = "jbig"
    JFIF = "jfif"
    JPEG2K = "jpeg2k"
    PDF_A = "pdf-a"
    PNG = "png"
    TIFF_SINGLE_UNCOMPRESSED = "tiff-single-uncompressed"
    TIFF_SINGLE_G4 = "tiff-single-g4"
    TIFF_SINGLE_G3MH = "tiff-single-g3mh"
    TIFF_SINGLE_JPEG_TN2 = "tiff-single-jpeg-tn2"
    TIFF_MULTI_UNCOMPRESSED = "tiff-multi-uncompressed"
    TIFF_MULTI_G4 = "tiff-multi-g4"
    TIFF_MULTI_G3MH = "tiff-multi-g3mh"
    TIFF_MULTI_JPEG_TN2 = "tiff-multi-jpeg-tn2"
    XPS = "xps"


@dataclass(slots=True, kw_only=True)
class FilterConfigType:
    """
    Filter config: no defined content, open to vendor elements.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


class FilterStateReasonWKVType(StrEnum):
    """
    Well-known filter state reason wkv values (10).
    """

    INVALID_ARGS = "InvalidArgs"
    OUT_OF_DISK_SPACE = "OutOfDiskSpace"
    SERVER_OUT_OF_MEMORY = "ServerOutOfMemory"
    UNKNOWN_ERROR = "UnknownError"
    FILE_SHARE_ACCESS_DENIED = "FileShareAccessDenied"
    FILE_SHARE_OUT_OF_DISK_SPACE = "FileShareOutOfDiskSpace"
    SHARE_POINT_ACCESS_DENIED = "SharePointAccessDenied"
    SHARE_POINT_OUT_OF_DISK_SPACE = "SharePointOutOfDiskSpace"
    INVALID_SMTPSERVER = "InvalidSMTPServer"
    UNABLE_TO_SEND_EMAIL = "UnableToSendEmail"
    SHAREPOINT_ACCESS_DENIED_1 = "SharepointAccessDenied"
    SHAREPOINT_OUT_OF_DISK_SPACE_1 = "SharepointOutOfDiskSpace"


class FilterStateWKVType(StrEnum):
    """
    Well-known filter state wkv values (6).
    """

    PENDING = "Pending"
    PROCESSING = "Processing"
    CANCELED = "Canceled"
    COMPLETED_SUCCESSFULLY = "CompletedSuccessfully"
    COMPLETED_WITH_ERRORS = "CompletedWithErrors"
    COMPLETED_WITH_WARNINGS = "CompletedWithWarnings"


@dataclass(slots=True, kw_only=True)
class GetActiveJobsRequestType:
    """
    Get active jobs request: no defined content, open to vendor elements.
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
    Get job history request: no defined content, open to vendor elements.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class JobDescriptionType:
    """
    Job description: PSP_Identifier, PSP_DisplayName, JobOriginatingUserName.

    :ivar psp_identifier: Psp identifier (dsc:String255ExtType).
    :ivar psp_display_name: Psp display name (dsc:String255ExtType).
    :ivar job_originating_user_name: Job originating user name (dsc:String255ExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    psp_identifier: str = field(
        metadata={
            "name": "PSP_Identifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_display_name: str = field(
        metadata={
            "name": "PSP_DisplayName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
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


class JobStateReasonWKVType(StrEnum):
    """
    Well-known job state reason wkv values (10).
    """

    NONE = "None"
    POST_SCAN_JOB_TIMED_OUT = "PostScanJobTimedOut"
    NO_VALID_POST_SCAN_INSTRUCTIONS_FOUND = "NoValidPostScanInstructionsFound"
    CREATE_POST_SCAN_JOB_FAILED = "CreatePostScanJobFailed"
    SEND_IMAGE_FAILED = "SendImageFailed"
    POST_SCAN_JOB_CANCELED = "PostScanJobCanceled"
    POST_SCAN_JOB_PROCESSING_FAILED = "PostScanJobProcessingFailed"
    POST_SCAN_JOB_COMPLETED_SUCCESSFULLY = "PostScanJobCompletedSuccessfully"
    POST_SCAN_JOB_COMPLETED_WITH_ERRORS = "PostScanJobCompletedWithErrors"
    POST_SCAN_JOB_COMPLETED_WITH_WARNINGS = "PostScanJobCompletedWithWarnings"
    SEND_IMANGE_FAILED = "SendImangeFailed"


class JobStateWKVType(StrEnum):
    """
    Well-known job state wkv values (9).
    """

    ABORTED = "Aborted"
    CANCELED = "Canceled"
    COMPLETED = "Completed"
    CREATING = "Creating"
    PENDING = "Pending"
    PENDING_HELD = "Pending-Held"
    PROCESSING = "Processing"
    STARTED = "Started"
    TERMINATING = "Terminating"
    HELD = "Held"


class RepositoryStateReasonWKVType(StrEnum):
    """
    Well-known repository state reason wkv values (1).
    """

    NONE = "None"


class RepositoryStateWKVType(StrEnum):
    """
    Well-known repository state wkv values (3).
    """

    IDLE = "Idle"
    PROCESSING = "Processing"
    STOPPED = "Stopped"


@dataclass(slots=True, kw_only=True)
class RequestedJobElementsType:
    """
    Requested job elements: Name.

    :ivar name: Same local name as the dsc:Name attribute (2.2.6.1); element and attribute
        are distinct schema components.
    :ivar other_attributes:
    """

    name: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
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
class RequestedRepositoryElementsType:
    """
    Requested repository elements: Name.

    :ivar name: Same local name as the dsc:Name attribute (2.2.6.1); element and attribute
        are distinct schema components.
    :ivar other_attributes:
    """

    name: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
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
class CancelPostScanJobRequest(CancelPostScanJobRequestType):
    """
    SOAP Body of the WS-DSC CancelPostScanJob request.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class CancelPostScanJobResponse(CancelPostScanJobResponseType):
    """
    SOAP Body of the WS-DSC CancelPostScanJob response.
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class DocumentDescriptionType:
    """
    Document description: DocumentId, Format.

    :ivar document_id: Numeric id, unique only within one PostScan job.
    :ivar format: Format (dsc:DocumentFormatExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    document_id: int = field(
        metadata={
            "name": "DocumentId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_inclusive": 1,
        }
    )
    format: DocumentFormatWKVType | str = field(
        metadata={
            "name": "Format",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+[\w:/;_\-\\\+\.]*",
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
class FilterStateReasonsType:
    """
    Filter state reasons: FilterStateReason.

    :ivar filter_state_reason: Filter state reason (dsc:FilterStateReasonType).
    :ivar other_attributes:
    """

    filter_state_reason: Sequence[FilterStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "FilterStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
            "pattern": r"\w+:[\w_\-\.]+",
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
class FilterType:
    """
    Filter: Dialect, FilterConfig.

    :ivar dialect: 2.2.3.1 gives xs:QName as the general type; 2.2.3.1.1 gives
        psp:anyURIExtType when the parent is dsc:FilterStatusType.
    :ivar filter_config: Filter config (dsc:FilterConfigType).
    :ivar other_element:
    """

    dialect: QName = field(
        metadata={
            "name": "Dialect",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    filter_config: FilterConfigType = field(
        metadata={
            "name": "FilterConfig",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class GetActiveJobsRequest(GetActiveJobsRequestType):
    """
    SOAP Body of the WS-DSC GetActiveJobs request.
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryRequest(GetJobHistoryRequestType):
    """
    SOAP Body of the WS-DSC GetJobHistory request.
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetPostScanJobElementsRequestType:
    """
    Get post scan job elements request: JobToken, RequestedElements.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    :ivar requested_elements: child of dsc:GetPostScanJobElementsRequestType.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    requested_elements: RequestedJobElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetRepositoryElementsRequestType:
    """
    Get repository elements request: RequestedElements.

    :ivar requested_elements: child of dsc:GetRepositoryElementsRequestType.
    """

    requested_elements: RequestedRepositoryElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )


@dataclass(slots=True, kw_only=True)
class JobStateReasonsType:
    """
    Job state reasons: JobStateReason.

    :ivar job_state_reason: Job state reason (dsc:JobStateReasonType).
    :ivar other_attributes:
    """

    job_state_reason: Sequence[JobStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "JobStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
            "pattern": r"\w+:[\w_\-\.]+",
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
class RepositoryStateReasonsType:
    """
    Repository state reasons: RepositoryStateReason.

    :ivar repository_state_reason: Repository state reason (dsc:RepositoryStateReasonType).
    :ivar other_attributes:
    """

    repository_state_reason: Sequence[RepositoryStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "RepositoryStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
            "pattern": r"\w+:[\w_\-\.]+",
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
class DocumentType:
    """
    Document: DocumentDescription.

    :ivar document_description: Document description (dsc:DocumentDescriptionType).
    :ivar other_element:
    :ivar other_attributes:
    """

    document_description: DocumentDescriptionType = field(
        metadata={
            "name": "DocumentDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class FilterStatusType:
    """
    Filter status: Dialect, FilterState, FilterStateReasons.

    :ivar dialect: child of dsc:FilterStatusType (per-job filter status).
    :ivar filter_state: Filter state (dsc:FilterStateType).
    :ivar filter_state_reasons: Filter state reasons (dsc:FilterStateReasonsType).
    :ivar other_attributes:
    """

    dialect: str = field(
        metadata={
            "name": "Dialect",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    filter_state: FilterStateWKVType | str = field(
        metadata={
            "name": "FilterState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    filter_state_reasons: None | FilterStateReasonsType = field(
        default=None,
        metadata={
            "name": "FilterStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class FiltersType:
    """
    Filters: Filter.

    :ivar filter: Filter (dsc:FilterType).
    :ivar other_attributes:
    """

    filter: Sequence[FilterType] = field(
        default_factory=list,
        metadata={
            "name": "Filter",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
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
class GetPostScanJobElementsRequest(GetPostScanJobElementsRequestType):
    """
    SOAP Body of the WS-DSC GetPostScanJobElements request.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    :ivar requested_elements: child of dsc:GetPostScanJobElementsRequestType.
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetRepositoryElementsRequest(GetRepositoryElementsRequestType):
    """
    SOAP Body of the WS-DSC GetRepositoryElements request.

    :ivar requested_elements: child of dsc:GetRepositoryElementsRequestType.
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class RepositoryStatusType:
    """
    Repository status: RepositoryState, RepositoryStateReasons.

    :ivar repository_state: Repository state (dsc:RepositoryStateType).
    :ivar repository_state_reasons: Repository state reasons
        (dsc:RepositoryStateReasonsType).
    :ivar other_element:
    :ivar other_attributes:
    """

    repository_state: RepositoryStateWKVType | str = field(
        metadata={
            "name": "RepositoryState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    repository_state_reasons: None | RepositoryStateReasonsType = field(
        default=None,
        metadata={
            "name": "RepositoryStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class StatusSummaryType:
    """
    Status summary: RepositoryState, RepositoryStateReasons.

    :ivar repository_state: Repository state (dsc:RepositoryStateType).
    :ivar repository_state_reasons: Repository state reasons
        (dsc:RepositoryStateReasonsType).
    :ivar other_element:
    """

    repository_state: RepositoryStateWKVType | str = field(
        metadata={
            "name": "RepositoryState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    repository_state_reasons: None | RepositoryStateReasonsType = field(
        default=None,
        metadata={
            "name": "RepositoryStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class DocumentsType:
    """
    Documents: Document.

    :ivar document: Document (dsc:DocumentType).
    :ivar other_element:
    :ivar other_attributes:
    """

    document: Sequence[DocumentType] = field(
        default_factory=list,
        metadata={
            "name": "Document",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class FilterStatusesType:
    """
    Filter statuses: FilterStatus.

    :ivar filter_status: Filter status (dsc:FilterStatusType).
    :ivar other_attributes:
    """

    filter_status: Sequence[FilterStatusType] = field(
        default_factory=list,
        metadata={
            "name": "FilterStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
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
class RepositoryConfigurationType:
    """
    Repository configuration: Filters.

    :ivar filters: Filters (dsc:FiltersType).
    :ivar other_element:
    :ivar other_attributes:
    """

    filters: None | FiltersType = field(
        default=None,
        metadata={
            "name": "Filters",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class RepositoryStatusSummaryEventType:
    """
    Repository status summary event: StatusSummary.

    :ivar status_summary: Status summary (dsc:StatusSummaryType).
    :ivar other_element:
    """

    status_summary: StatusSummaryType = field(
        metadata={
            "name": "StatusSummary",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class ElementChangesType:
    """
    Element changes: RepositoryConfiguration.

    :ivar repository_configuration: Repository configuration
        (dsc:RepositoryConfigurationType).
    :ivar other_element:
    """

    repository_configuration: None | RepositoryConfigurationType = field(
        default=None,
        metadata={
            "name": "RepositoryConfiguration",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class JobStatusType:
    """
    Job status: JobToken, JobState, JobStateReasons, FilterStatuses, ImagesReceived,
    JobCreatedTime, JobCompletedTime.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    :ivar job_state: Job state (dsc:JobStateType).
    :ivar job_state_reasons: Job state reasons (dsc:JobStateReasonsType).
    :ivar filter_statuses: Filter statuses (dsc:FilterStatusesType).
    :ivar images_received: Images received (dsc:IntZeroExtType).
    :ivar job_created_time: Prose calls it an amount of time, but the type is xs:dateTime (a
        point in time).
    :ivar job_completed_time: Prose calls it an amount of time, but the type is xs:dateTime
        (a point in time).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_state_reasons: None | JobStateReasonsType = field(
        default=None,
        metadata={
            "name": "JobStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    filter_statuses: FilterStatusesType = field(
        metadata={
            "name": "FilterStatuses",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    images_received: int = field(
        metadata={
            "name": "ImagesReceived",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_inclusive": 0,
        }
    )
    job_created_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCreatedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    job_completed_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCompletedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class JobSummaryType:
    """
    Job summary: JobToken, PSP_Identifier, PSP_DisplayName, JobOriginatingUserName, JobState,
    JobStateReasons, FilterStatuses, ImagesReceived.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    :ivar psp_identifier: Psp identifier (dsc:String255ExtType).
    :ivar psp_display_name: Psp display name (dsc:String255ExtType).
    :ivar job_originating_user_name: Job originating user name (dsc:String255ExtType).
    :ivar job_state: Job state (dsc:JobStateType).
    :ivar job_state_reasons: Job state reasons (dsc:JobStateReasonsType).
    :ivar filter_statuses: Filter statuses (dsc:FilterStatusesType).
    :ivar images_received: Images received (dsc:IntZeroExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_identifier: str = field(
        metadata={
            "name": "PSP_Identifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_display_name: str = field(
        metadata={
            "name": "PSP_DisplayName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_state_reasons: None | JobStateReasonsType = field(
        default=None,
        metadata={
            "name": "JobStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    filter_statuses: FilterStatusesType = field(
        metadata={
            "name": "FilterStatuses",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    images_received: int = field(
        metadata={
            "name": "ImagesReceived",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_inclusive": 0,
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
class PostScanJobEndStateType:
    """
    Post scan job end state: JobToken, PSP_Identifier, PSP_DisplayName, JobOriginatingUserName,
    JobCompletedState, JobCompletedStateReasons, FilterCompletedStatuses, ImagesReceived,
    JobCompletedTime.

    :ivar job_token: Opaque to clients; unique only within one scan repository.
    :ivar psp_identifier: Psp identifier (dsc:String255ExtType).
    :ivar psp_display_name: Psp display name (dsc:String255ExtType).
    :ivar job_originating_user_name: Job originating user name (dsc:String255ExtType).
    :ivar job_completed_state: Job completed state (dsc:JobStateType).
    :ivar job_completed_state_reasons: Job completed state reasons
        (dsc:JobStateReasonsType).
    :ivar filter_completed_statuses: Filter completed statuses (dsc:FilterStatusesType).
    :ivar images_received: Images received (dsc:IntZeroExtType).
    :ivar job_completed_time: Prose calls it an amount of time, but the type is xs:dateTime
        (a point in time).
    :ivar other_element:
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_identifier: str = field(
        metadata={
            "name": "PSP_Identifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_display_name: str = field(
        metadata={
            "name": "PSP_DisplayName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_completed_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobCompletedState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_completed_state_reasons: JobStateReasonsType = field(
        metadata={
            "name": "JobCompletedStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    filter_completed_statuses: FilterStatusesType = field(
        metadata={
            "name": "FilterCompletedStatuses",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    images_received: int = field(
        metadata={
            "name": "ImagesReceived",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_inclusive": 0,
        }
    )
    job_completed_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCompletedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class RepositoryElementDataType:
    """
    Repository element data: RepositoryConfiguration or RepositoryStatus (one of them, or
    none).

    :ivar repository_configuration: Repository configuration
        (dsc:RepositoryConfigurationType).
    :ivar repository_status: Repository status (dsc:RepositoryStatusType).
    :ivar other_element:
    :ivar name:
    :ivar valid:
    :ivar other_attributes:
    """

    repository_configuration: None | RepositoryConfigurationType = field(
        default=None,
        metadata={
            "name": "RepositoryConfiguration",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    repository_status: None | RepositoryStatusType = field(
        default=None,
        metadata={
            "name": "RepositoryStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    name: QName = field(
        metadata={
            "name": "Name",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    valid: bool = field(
        metadata={
            "name": "Valid",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class RepositoryStatusSummaryEvent(RepositoryStatusSummaryEventType):
    """
    SOAP Body of the WS-DSC RepositoryStatusSummaryEvent notification.

    :ivar status_summary: Status summary (dsc:StatusSummaryType).
    :ivar other_element:
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class JobElementDataType:
    """
    Job element data: JobStatus or JobDescription or Documents (one of them, or none).

    :ivar job_status: Job status (dsc:JobStatusType).
    :ivar job_description: Job description (dsc:JobDescriptionType).
    :ivar documents: Documents (dsc:DocumentsType).
    :ivar other_element:
    :ivar name:
    :ivar valid:
    :ivar other_attributes:
    """

    job_status: None | JobStatusType = field(
        default=None,
        metadata={
            "name": "JobStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    job_description: None | JobDescriptionType = field(
        default=None,
        metadata={
            "name": "JobDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    documents: None | DocumentsType = field(
        default=None,
        metadata={
            "name": "Documents",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    name: QName = field(
        metadata={
            "name": "Name",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )
    valid: bool = field(
        metadata={
            "name": "Valid",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class ListOfSummarysType:
    """
    List of summarys: JobSummary.

    :ivar job_summary: Job summary (dsc:JobSummaryType).
    :ivar other_attributes:
    """

    job_summary: Sequence[JobSummaryType] = field(
        default_factory=list,
        metadata={
            "name": "JobSummary",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class PostScanJobEndStateEventType:
    """
    Post scan job end state event: PostScanJobEndState.

    :ivar post_scan_job_end_state: Sent only inside dsc:PostScanJobEndStateEvent.
    :ivar other_element:
    """

    post_scan_job_end_state: PostScanJobEndStateType = field(
        metadata={
            "name": "PostScanJobEndState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class PostScanJobStatusEventType:
    """
    Post scan job status event: JobStatus.

    :ivar job_status: Job status (dsc:JobStatusType).
    :ivar other_element:
    """

    job_status: JobStatusType = field(
        metadata={
            "name": "JobStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class RepositoryElementsChangeEventType:
    """
    Repository elements change event: ElementChanges.

    :ivar element_changes: Element changes (dsc:ElementChangesType).
    :ivar other_element:
    """

    element_changes: ElementChangesType = field(
        metadata={
            "name": "ElementChanges",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
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
class RepositoryElementsType:
    """
    Repository elements: ElementData.

    :ivar element_data: child of dsc:RepositoryElementsType (GetRepositoryElements
        response).
    :ivar other_attributes:
    """

    element_data: Sequence[RepositoryElementDataType] = field(
        default_factory=list,
        metadata={
            "name": "ElementData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
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
class GetActiveJobsResponseType:
    """
    Get active jobs response: ActiveJobs.

    :ivar active_jobs: Active jobs (dsc:ListOfSummarysType).
    """

    active_jobs: ListOfSummarysType = field(
        metadata={
            "name": "ActiveJobs",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryResponseType:
    """
    Get job history response: JobHistory.

    :ivar job_history: Job history (dsc:ListOfSummarysType).
    """

    job_history: ListOfSummarysType = field(
        metadata={
            "name": "JobHistory",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetRepositoryElementsResponseType:
    """
    Get repository elements response: RepositoryElements.

    :ivar repository_elements: Repository elements (dsc:RepositoryElementsType).
    """

    repository_elements: RepositoryElementsType = field(
        metadata={
            "name": "RepositoryElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )


@dataclass(slots=True, kw_only=True)
class JobElementsType:
    """
    Job elements: ElementData.

    :ivar element_data: child of dsc:JobElementsType (GetPostScanJobElements response).
    :ivar other_attributes:
    """

    element_data: Sequence[JobElementDataType] = field(
        default_factory=list,
        metadata={
            "name": "ElementData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
            "min_occurs": 1,
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
class PostScanJobEndStateEvent(PostScanJobEndStateEventType):
    """
    SOAP Body of the WS-DSC PostScanJobEndStateEvent notification.

    :ivar post_scan_job_end_state: Sent only inside dsc:PostScanJobEndStateEvent.
    :ivar other_element:
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class PostScanJobStatusEvent(PostScanJobStatusEventType):
    """
    SOAP Body of the WS-DSC PostScanJobStatusEvent notification.

    :ivar job_status: Job status (dsc:JobStatusType).
    :ivar other_element:
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class RepositoryElementsChangeEvent(RepositoryElementsChangeEventType):
    """
    SOAP Body of the WS-DSC RepositoryElementsChangeEvent notification.

    :ivar element_changes: Element changes (dsc:ElementChangesType).
    :ivar other_element:
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetActiveJobsResponse(GetActiveJobsResponseType):
    """
    SOAP Body of the WS-DSC GetActiveJobs response.

    :ivar active_jobs: Active jobs (dsc:ListOfSummarysType).
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryResponse(GetJobHistoryResponseType):
    """
    SOAP Body of the WS-DSC GetJobHistory response.

    :ivar job_history: Job history (dsc:ListOfSummarysType).
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetPostScanJobElementsResponseType:
    """
    Get post scan job elements response: JobElements.

    :ivar job_elements: Job elements (dsc:JobElementsType).
    """

    job_elements: JobElementsType = field(
        metadata={
            "name": "JobElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetRepositoryElementsResponse(GetRepositoryElementsResponseType):
    """
    SOAP Body of the WS-DSC GetRepositoryElements response.

    :ivar repository_elements: Repository elements (dsc:RepositoryElementsType).
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )


@dataclass(slots=True, kw_only=True)
class GetPostScanJobElementsResponse(GetPostScanJobElementsResponseType):
    """
    SOAP Body of the WS-DSC GetPostScanJobElements response.

    :ivar job_elements: Job elements (dsc:JobElementsType).
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
        )
