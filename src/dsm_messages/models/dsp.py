from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from xml.etree.ElementTree import QName

from .psp import PostScanInstructionsType

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class CancelPostScanJobRequestType:
    """
    Content of CancelPostScanJobRequest: JobToken.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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


@dataclass(slots=True, kw_only=True)
class CreatePostScanJobResponseType:
    """
    Content of CreatePostScanJobResponse: JobToken.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows; the device echoes it in every later
        request for the job.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )


class DocumentFormatWKVType(StrEnum):
    """
    Well-known document format values (16).
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
class EndPostScanJobRequestType:
    """
    Content of EndPostScanJobRequest: JobToken.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )


@dataclass(slots=True, kw_only=True)
class EndPostScanJobResponseType:
    """
    End post scan job response: no defined content, open to vendor elements.
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
    Well-known filter state reason values (10).
    """

    INVALID_ARGS = "InvalidArgs"
    OUT_OF_DISK_SPACE = "OutOfDiskSpace"
    SERVER_OUT_OF_MEMORY = "ServerOutOfMemory"
    FILE_SHARE_ACCESS_DENIED = "FileShareAccessDenied"
    FILE_SHARE_OUT_OF_DISK_SPACE = "FileShareOutOfDiskSpace"
    SHAREPOINT_ACCESS_DENIED = "SharepointAccessDenied"
    SHAREPOINT_OUT_OF_DISK_SPACE = "SharepointOutOfDiskSpace"
    INVALID_SMTPSERVER = "InvalidSMTPServer"
    UNABLE_TO_SEND_EMAIL = "UnableToSendEmail"
    UNKNOWN_ERROR = "UnknownError"
    SHARE_POINT_ACCESS_DENIED_1 = "SharePointAccessDenied"
    SHARE_POINT_OUT_OF_DISK_SPACE_1 = "SharePointOutOfDiskSpace"


class FilterStateWKVType(StrEnum):
    """
    Well-known filter state values (6).
    """

    PENDING = "Pending"
    PROCESSING = "Processing"
    CANCELED = "Canceled"
    COMPLETED_SUCCESSFULLY = "CompletedSuccessfully"
    COMPLETED_WITH_ERRORS = "CompletedWithErrors"
    COMPLETED_WITH_WARNINGS = "CompletedWithWarnings"


class JobCompletedStateWKVType(StrEnum):
    """
    Well-known job completed state values (3).
    """

    ABORTED = "Aborted"
    CANCELED = "Canceled"
    COMPLETED = "Completed"


@dataclass(slots=True, kw_only=True)
class JobDescriptionType:
    """
    Content of JobDescription: PSP_Identifier, PSP_DisplayName, JobOriginatingUserName.

    :ivar psp_identifier: GUID of the scan process the job was created from.
    :ivar psp_display_name: Display name of that scan process.
    :ivar job_originating_user_name: Account name of the user who created the job (e.g.
        user@domain)
    :ivar other_element:
    :ivar other_attributes:
    """

    psp_identifier: str = field(
        metadata={
            "name": "PSP_Identifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_display_name: str = field(
        metadata={
            "name": "PSP_DisplayName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
    Well-known job state reason values (10).
    """

    NONE = "None"
    NO_VALID_POST_SCAN_INSTRUCTIONS_FOUND = "NoValidPostScanInstructionsFound"
    CREATE_POST_SCAN_JOB_FAILED = "CreatePostScanJobFailed"
    SEND_IMAGE_FAILED = "SendImageFailed"
    POST_SCAN_JOB_CANCELED = "PostScanJobCanceled"
    POST_SCAN_JOB_PROCESSING_FAILED = "PostScanJobProcessingFailed"
    POST_SCAN_JOB_COMPLETED_SUCCESSFULLY = "PostScanJobCompletedSuccessfully"
    POST_SCAN_JOB_COMPLETED_WITH_ERRORS = "PostScanJobCompletedWithErrors"
    POST_SCAN_JOB_COMPLETED_WITH_WARNINGS = "PostScanJobCompletedWithWarnings"
    POST_SCAN_JOB_TIMED_OUT = "PostScanJobTimedOut"
    SEND_IMANGE_FAILED = "SendImangeFailed"


class JobStateWKVType(StrEnum):
    """
    Well-known job state values (9).
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


@dataclass(slots=True, kw_only=True)
class RequestedElementsType:
    """
    Content of RequestedElements: Name.

    :ivar name: QName of a requested job element (prefix must be bound in scope, e.g.
        dsp:JobStatus)
    :ivar other_attributes:
    """

    name: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class SendImageResponseType:
    """
    Send image response: no defined content, open to vendor elements.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class CancelPostScanJobRequest(CancelPostScanJobRequestType):
    """
        Device asks the scan server to cancel a post-scan job (best effort; same user as the
    creator).

        :ivar job_token: Opaque post-scan job identifier minted by the scan server in
            CreatePostScanJobResponse; GUID text in Windows.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class CancelPostScanJobResponse(CancelPostScanJobResponseType):
    """
    Scan server acknowledges (accepts) the cancel request; empty body element.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class CreatePostScanJobRequestType:
    """
    Content of CreatePostScanJobRequest: UserIdentifier, PSP_Identifier, PostScanInstructions.

    :ivar user_identifier: Security identifier (SID string form, e.g. S-1-5-21-...) of the
        user submitting the job.
    :ivar psp_identifier: GUID of the scan process (assigned by the scan-management console)
        whose instructions the job uses.
    :ivar post_scan_instructions: Post-scan processing instructions copied from the selected
        scan process; children are psp-namespace elements.
    """

    user_identifier: str = field(
        metadata={
            "name": "UserIdentifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_identifier: str = field(
        metadata={
            "name": "PSP_Identifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    post_scan_instructions: PostScanInstructionsType = field(
        metadata={
            "name": "PostScanInstructions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )


@dataclass(slots=True, kw_only=True)
class CreatePostScanJobResponse(CreatePostScanJobResponseType):
    """
    Scan server acknowledges job creation and returns the new job token.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows; the device echoes it in every later
        request for the job.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class DocumentDescriptionType:
    """
    Content of DocumentDescription: DocumentId, Format.

    :ivar document_id: [MS-BDSRR only] Document id within the job (1 or more)
    :ivar format: [MS-BDSRR only] Document file format token.
    :ivar other_element:
    :ivar other_attributes:
    """

    document_id: int = field(
        metadata={
            "name": "DocumentId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "min_inclusive": 1,
        }
    )
    format: DocumentFormatWKVType | str = field(
        metadata={
            "name": "Format",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class EndPostScanJobRequest(EndPostScanJobRequestType):
    """
        Device tells the scan server that every image of the job has been sent and processing may
    start.

        :ivar job_token: Opaque post-scan job identifier minted by the scan server in
            CreatePostScanJobResponse; GUID text in Windows.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class EndPostScanJobResponse(EndPostScanJobResponseType):
    """
    Scan server acknowledges the end-of-images notice; empty body element.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class FilterStateReasonsType:
    """
    Content of FilterStateReasons: FilterStateReason.

    :ivar filter_state_reason: Token giving one reason for the filter's error/warning state.
    :ivar other_attributes:
    """

    filter_state_reason: Sequence[FilterStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "FilterStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class GetPostScanJobElementsRequestType:
    """
    Content of GetPostScanJobElementsRequest: JobToken, RequestedElements.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    :ivar requested_elements: List of one or more element names being requested.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    requested_elements: RequestedElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )


@dataclass(slots=True, kw_only=True)
class JobCompletedStateReasonsType:
    """
    Content of JobCompletedStateReasons: JobStateReason.

    :ivar job_state_reason: Token giving one reason for the final job state.
    :ivar other_attributes:
    """

    job_state_reason: Sequence[JobStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "JobStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class JobStateReasonsType:
    """
    Content of JobStateReasons: JobStateReason.

    :ivar job_state_reason: Token giving one reason for the current job state.
    :ivar other_attributes:
    """

    job_state_reason: Sequence[JobStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "JobStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class SendImageResponse(SendImageResponseType):
    """
    Scan server acknowledges that the job received the image; empty body element.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class CreatePostScanJobRequest(CreatePostScanJobRequestType):
    """
        Device asks the scan server to create a post-scan job for a user and a scan process,
    carrying that process's post-scan instructions.

        :ivar user_identifier: Security identifier (SID string form, e.g. S-1-5-21-...) of the
            user submitting the job.
        :ivar psp_identifier: GUID of the scan process (assigned by the scan-management console)
            whose instructions the job uses.
        :ivar post_scan_instructions: Post-scan processing instructions copied from the selected
            scan process; children are psp-namespace elements.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class DocumentType:
    """
    Content of Document: DocumentDescription.

    :ivar document_description: [MS-BDSRR only] Id and format of the document, same shape as
        in SendImageRequest.
    :ivar other_element:
    :ivar other_attributes:
    """

    document_description: DocumentDescriptionType = field(
        metadata={
            "name": "DocumentDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
    Content of FilterStatus: Dialect, FilterState, FilterStateReasons.

    :ivar dialect: URI naming the filter (its instructions namespace); matches a
        psp:Filter/psp:Dialect of the job's instructions.
    :ivar filter_state: Token for the processing state of this filter.
    :ivar filter_state_reasons: Optional collection of reasons explaining an error/warning
        state of the filter.
    :ivar other_attributes:
    """

    dialect: str = field(
        metadata={
            "name": "Dialect",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )
    filter_state: FilterStateWKVType | str = field(
        metadata={
            "name": "FilterState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    filter_state_reasons: None | FilterStateReasonsType = field(
        default=None,
        metadata={
            "name": "FilterStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
        Device asks the scan server for named data elements (status, description) of one post-scan
    job.

        :ivar job_token: Opaque post-scan job identifier minted by the scan server in
            CreatePostScanJobResponse; GUID text in Windows.
        :ivar requested_elements: List of one or more element names being requested.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class SendImageRequestType:
    """
    Content of SendImageRequest: JobToken, DocumentDescription, ImageData.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    :ivar document_description: Identifier and file format of the document carried in this
        request.
    :ivar image_data: The document's image bytes, transmitted as an MTOM/XOP attachment.
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    document_description: DocumentDescriptionType = field(
        metadata={
            "name": "DocumentDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )
    image_data: bytes = field(
        metadata={
            "name": "ImageData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "format": "base64",
        }
    )


@dataclass(slots=True, kw_only=True)
class DocumentsType:
    """
    Content of Documents: Document.

    :ivar document: [MS-BDSRR only] One document of the job.
    :ivar other_element:
    :ivar other_attributes:
    """

    document: Sequence[DocumentType] = field(
        default_factory=list,
        metadata={
            "name": "Document",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class FilterCompletedStatusesType:
    """
    Content of FilterCompletedStatuses: FilterStatus.

    :ivar filter_status: Status of one scan-processing filter (dialect, state, optional
        reasons)
    :ivar other_attributes:
    """

    filter_status: Sequence[FilterStatusType] = field(
        default_factory=list,
        metadata={
            "name": "FilterStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class FilterStatusesType:
    """
    Content of FilterStatuses: FilterStatus.

    :ivar filter_status: Status of one scan-processing filter (dialect, state, optional
        reasons)
    :ivar other_attributes:
    """

    filter_status: Sequence[FilterStatusType] = field(
        default_factory=list,
        metadata={
            "name": "FilterStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class SendImageRequest(SendImageRequestType):
    """
    Device sends one document image (MTOM attachment) for an existing post-scan job.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    :ivar document_description: Identifier and file format of the document carried in this
        request.
    :ivar image_data: The document's image bytes, transmitted as an MTOM/XOP attachment.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class JobStatusType:
    """
    Content of JobStatus: JobToken, JobState, JobStateReasons, FilterStatuses, ImagesReceived,
    JobCreatedTime, JobCompletedTime.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    :ivar job_state: Token for the current state of the post-scan job.
    :ivar job_state_reasons: Optional collection of reasons for the current job state.
    :ivar filter_statuses: Collection of per-filter status records for the job.
    :ivar images_received: Count of image files the job has received so far (0 or more)
    :ivar job_created_time: When the job was created (xs:dateTime; Windows uses server local
        time, example has no zone)
    :ivar job_completed_time: When the job finished; absent while the job is still active
        (inferred)
    :ivar other_element:
    :ivar other_attributes:
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_state_reasons: None | JobStateReasonsType = field(
        default=None,
        metadata={
            "name": "JobStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    filter_statuses: FilterStatusesType = field(
        metadata={
            "name": "FilterStatuses",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )
    images_received: int = field(
        metadata={
            "name": "ImagesReceived",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "min_inclusive": 0,
        }
    )
    job_created_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCreatedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    job_completed_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCompletedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class PostScanJobEndStateType:
    """
    Content of PostScanJobEndState: JobToken, PSP_Identifier, PSP_DisplayName,
    JobOriginatingUserName, JobCompletedState, JobCompletedStateReasons,
    FilterCompletedStatuses, ImagesReceived, JobCompletedTime.

    :ivar job_token: Opaque post-scan job identifier minted by the scan server in
        CreatePostScanJobResponse; GUID text in Windows.
    :ivar psp_identifier: GUID of the scan process the job was created from.
    :ivar psp_display_name: Display name of the scan process (as set by the administrator)
    :ivar job_originating_user_name: Account name of the user who created the job.
    :ivar job_completed_state: Final job state; documented values are a subset of JobState.
    :ivar job_completed_state_reasons: One or more reasons for the final job state.
    :ivar filter_completed_statuses: Collection of final per-filter status records of a
        finished job.
    :ivar images_received: Total count of image files the job received.
    :ivar job_completed_time: When the job finished (xs:dateTime)
    :ivar other_element:
    """

    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_identifier: str = field(
        metadata={
            "name": "PSP_Identifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    psp_display_name: str = field(
        metadata={
            "name": "PSP_DisplayName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_completed_state: JobCompletedStateWKVType | str = field(
        metadata={
            "name": "JobCompletedState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_completed_state_reasons: JobCompletedStateReasonsType = field(
        metadata={
            "name": "JobCompletedStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )
    filter_completed_statuses: FilterCompletedStatusesType = field(
        metadata={
            "name": "FilterCompletedStatuses",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )
    images_received: int = field(
        metadata={
            "name": "ImagesReceived",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
            "min_inclusive": 0,
        }
    )
    job_completed_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCompletedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class ElementDataType:
    """
    Element data: exactly one of JobStatus, JobDescription, Documents (none when Valid is
    false).

    :ivar job_status: Snapshot of a post-scan job's status: token, state, reasons, filter
        statuses, image count, timestamps.
    :ivar job_description: Descriptive data of the job: scan process id and display name,
        originating user.
    :ivar documents: [MS-BDSRR only] List of the job's documents; not documented in any WS-
        DSP page.
    :ivar other_element:
    :ivar qualified_name:
    :ivar name:
    :ivar qualified_valid:
    :ivar valid:
    :ivar other_attributes:
    """

    job_status: None | JobStatusType = field(
        default=None,
        metadata={
            "name": "JobStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    job_description: None | JobDescriptionType = field(
        default=None,
        metadata={
            "name": "JobDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    documents: None | DocumentsType = field(
        default=None,
        metadata={
            "name": "Documents",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    qualified_name: None | QName = field(
        default=None,
        metadata={
            "name": "Name",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    name: None | QName = field(
        default=None,
        metadata={
            "name": "Name",
            "type": "Attribute",
        },
    )
    qualified_valid: None | bool = field(
        default=None,
        metadata={
            "name": "Valid",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        },
    )
    valid: None | bool = field(
        default=None,
        metadata={
            "name": "Valid",
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
class PostScanJobEndStateEventType:
    """
    Content of PostScanJobEndStateEvent: PostScanJobEndState.

    :ivar post_scan_job_end_state: Final description and outcome of the finished job.
    :ivar other_element:
    """

    post_scan_job_end_state: PostScanJobEndStateType = field(
        metadata={
            "name": "PostScanJobEndState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
    Content of PostScanJobStatusEvent: JobStatus.

    :ivar job_status: Snapshot of a post-scan job's status: token, state, reasons, filter
        statuses, image count, timestamps.
    :ivar other_element:
    """

    job_status: JobStatusType = field(
        metadata={
            "name": "JobStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
class JobElementsType:
    """
    Content of JobElements: ElementData.

    :ivar element_data: Holds one requested job element, labelled with its QName and whether
        the name was recognised.
    :ivar other_attributes:
    """

    element_data: Sequence[ElementDataType] = field(
        default_factory=list,
        metadata={
            "name": "ElementData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
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
        Event from the scan server to a subscribed device: a post-scan job finished (completed,
    aborted or canceled).

        :ivar post_scan_job_end_state: Final description and outcome of the finished job.
        :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class PostScanJobStatusEvent(PostScanJobStatusEventType):
    """
    Event from the scan server to a subscribed device: the status of a post-scan job changed.

    :ivar job_status: Snapshot of a post-scan job's status: token, state, reasons, filter
        statuses, image count, timestamps.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


@dataclass(slots=True, kw_only=True)
class GetPostScanJobElementsResponseType:
    """
    Content of GetPostScanJobElementsResponse: JobElements.

    :ivar job_elements: One ElementData per requested Name, in request order.
    """

    job_elements: JobElementsType = field(
        metadata={
            "name": "JobElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetPostScanJobElementsResponse(GetPostScanJobElementsResponseType):
    """
    Scan server returns the requested job elements.

    :ivar job_elements: One ElementData per requested Name, in request order.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"
