from .dsc import (
    CancelPostScanJobRequest as dscCancelPostScanJobRequest,
)
from .dsc import (
    CancelPostScanJobRequestType as dscCancelPostScanJobRequestType,
)
from .dsc import (
    CancelPostScanJobResponse as dscCancelPostScanJobResponse,
)
from .dsc import (
    CancelPostScanJobResponseType as dscCancelPostScanJobResponseType,
)
from .dsc import (
    DateTimeExtType as dscDateTimeExtType,
)
from .dsc import (
    DocumentDescriptionType as dscDocumentDescriptionType,
)
from .dsc import (
    DocumentFormatExtType as dscDocumentFormatExtType,
)
from .dsc import (
    DocumentFormatWKVType as dscDocumentFormatWKVType,
)
from .dsc import (
    DocumentsType as dscDocumentsType,
)
from .dsc import (
    DocumentType as dscDocumentType,
)
from .dsc import (
    ElementChangesType as dscElementChangesType,
)
from .dsc import (
    FilterConfigType,
    FilterStateReasonType,
    FilterStateType,
    FiltersType,
    GetRepositoryElementsRequest,
    GetRepositoryElementsRequestType,
    GetRepositoryElementsResponse,
    GetRepositoryElementsResponseType,
    RepositoryConfigurationType,
    RepositoryElementDataType,
    RepositoryElementsChangeEvent,
    RepositoryElementsChangeEventType,
    RepositoryElementsType,
    RepositoryStateReasonsType,
    RepositoryStateReasonType,
    RepositoryStateReasonWKVType,
    RepositoryStateType,
    RepositoryStateWKVType,
    RepositoryStatusSummaryEvent,
    RepositoryStatusSummaryEventType,
    RepositoryStatusType,
    RequestedRepositoryElementsType,
)
from .dsc import (
    FilterStateReasonsType as dscFilterStateReasonsType,
)
from .dsc import (
    FilterStateReasonWKVType as dscFilterStateReasonWKVType,
)
from .dsc import (
    FilterStateWKVType as dscFilterStateWKVType,
)
from .dsc import (
    FilterStatusesType as dscFilterStatusesType,
)
from .dsc import (
    FilterStatusType as dscFilterStatusType,
)
from .dsc import (
    FilterType as dscFilterType,
)
from .dsc import (
    GetActiveJobsRequest as dscGetActiveJobsRequest,
)
from .dsc import (
    GetActiveJobsRequestType as dscGetActiveJobsRequestType,
)
from .dsc import (
    GetActiveJobsResponse as dscGetActiveJobsResponse,
)
from .dsc import (
    GetActiveJobsResponseType as dscGetActiveJobsResponseType,
)
from .dsc import (
    GetJobHistoryRequest as dscGetJobHistoryRequest,
)
from .dsc import (
    GetJobHistoryRequestType as dscGetJobHistoryRequestType,
)
from .dsc import (
    GetJobHistoryResponse as dscGetJobHistoryResponse,
)
from .dsc import (
    GetJobHistoryResponseType as dscGetJobHistoryResponseType,
)
from .dsc import (
    GetPostScanJobElementsRequest as dscGetPostScanJobElementsRequest,
)
from .dsc import (
    GetPostScanJobElementsRequestType as dscGetPostScanJobElementsRequestType,
)
from .dsc import (
    GetPostScanJobElementsResponse as dscGetPostScanJobElementsResponse,
)
from .dsc import (
    GetPostScanJobElementsResponseType as dscGetPostScanJobElementsResponseType,
)
from .dsc import (
    IntOneExtType as dscIntOneExtType,
)
from .dsc import (
    IntZeroExtType as dscIntZeroExtType,
)
from .dsc import (
    JobDescriptionType as dscJobDescriptionType,
)
from .dsc import (
    JobElementDataType as dscJobElementDataType,
)
from .dsc import (
    JobElementsType as dscJobElementsType,
)
from .dsc import (
    JobStateReasonsType as dscJobStateReasonsType,
)
from .dsc import (
    JobStateReasonType as dscJobStateReasonType,
)
from .dsc import (
    JobStateReasonWKVType as dscJobStateReasonWKVType,
)
from .dsc import (
    JobStateType as dscJobStateType,
)
from .dsc import (
    JobStateWKVType as dscJobStateWKVType,
)
from .dsc import (
    JobStatusType as dscJobStatusType,
)
from .dsc import (
    JobSummaryType as dscJobSummaryType,
)
from .dsc import (
    ListOfSummarysType as dscListOfSummarysType,
)
from .dsc import (
    PostScanJobEndStateEvent as dscPostScanJobEndStateEvent,
)
from .dsc import (
    PostScanJobEndStateEventType as dscPostScanJobEndStateEventType,
)
from .dsc import (
    PostScanJobEndStateType as dscPostScanJobEndStateType,
)
from .dsc import (
    PostScanJobStatusEvent as dscPostScanJobStatusEvent,
)
from .dsc import (
    PostScanJobStatusEventType as dscPostScanJobStatusEventType,
)
from .dsc import (
    RequestedJobElementsType as dscRequestedJobElementsType,
)
from .dsc import (
    StatusSummaryType as dscStatusSummaryType,
)
from .dsc import (
    String255ExtType as dscString255ExtType,
)
from .dsd import (
    GetActiveJobsRequest as dsdGetActiveJobsRequest,
)
from .dsd import (
    GetActiveJobsRequestType as dsdGetActiveJobsRequestType,
)
from .dsd import (
    GetActiveJobsResponse as dsdGetActiveJobsResponse,
)
from .dsd import (
    GetActiveJobsResponseType as dsdGetActiveJobsResponseType,
)
from .dsd import (
    GetJobElementsRequest,
    GetJobElementsRequestType,
    GetJobElementsResponse,
    GetJobElementsResponseType,
    GetScannerElementsRequest,
    GetScannerElementsRequestType,
    GetScannerElementsResponse,
    GetScannerElementsResponseType,
    JobEndStateEvent,
    JobEndStateEventType,
    JobStatusEvent,
    JobStatusEventType,
    ScannerElementsChangeEvent,
    ScannerElementsChangeEventType,
    ScannerStatusConditionClearedEvent,
    ScannerStatusConditionClearedEventType,
    ScannerStatusConditionEvent,
    ScannerStatusConditionEventType,
    ScannerStatusSummaryEvent,
    ScannerStatusSummaryEventType,
)
from .dsd import (
    GetJobHistoryRequest as dsdGetJobHistoryRequest,
)
from .dsd import (
    GetJobHistoryRequestType as dsdGetJobHistoryRequestType,
)
from .dsd import (
    GetJobHistoryResponse as dsdGetJobHistoryResponse,
)
from .dsd import (
    GetJobHistoryResponseType as dsdGetJobHistoryResponseType,
)
from .dsp import (
    AnyURIExtType as dspAnyURIExtType,
)
from .dsp import (
    CancelPostScanJobRequest as dspCancelPostScanJobRequest,
)
from .dsp import (
    CancelPostScanJobRequestType as dspCancelPostScanJobRequestType,
)
from .dsp import (
    CancelPostScanJobResponse as dspCancelPostScanJobResponse,
)
from .dsp import (
    CancelPostScanJobResponseType as dspCancelPostScanJobResponseType,
)
from .dsp import (
    CreatePostScanJobRequest,
    CreatePostScanJobRequestType,
    CreatePostScanJobResponse,
    CreatePostScanJobResponseType,
    ElementDataType,
    EndPostScanJobRequest,
    EndPostScanJobRequestType,
    EndPostScanJobResponse,
    EndPostScanJobResponseType,
    FilterCompletedStatusesType,
    FilterStateExtType,
    FilterStateReasonExtType,
    JobCompletedStateExtType,
    JobCompletedStateReasonsType,
    JobCompletedStateWKVType,
    JobStateExtType,
    JobStateReasonExtType,
    RequestedElementsType,
    SendImageRequest,
    SendImageRequestType,
    SendImageResponse,
    SendImageResponseType,
)
from .dsp import (
    DateTimeExtType as dspDateTimeExtType,
)
from .dsp import (
    DocumentDescriptionType as dspDocumentDescriptionType,
)
from .dsp import (
    DocumentFormatExtType as dspDocumentFormatExtType,
)
from .dsp import (
    DocumentFormatWKVType as dspDocumentFormatWKVType,
)
from .dsp import (
    DocumentsType as dspDocumentsType,
)
from .dsp import (
    DocumentType as dspDocumentType,
)
from .dsp import (
    FilterStateReasonsType as dspFilterStateReasonsType,
)
from .dsp import (
    FilterStateReasonWKVType as dspFilterStateReasonWKVType,
)
from .dsp import (
    FilterStateWKVType as dspFilterStateWKVType,
)
from .dsp import (
    FilterStatusesType as dspFilterStatusesType,
)
from .dsp import (
    FilterStatusType as dspFilterStatusType,
)
from .dsp import (
    GetPostScanJobElementsRequest as dspGetPostScanJobElementsRequest,
)
from .dsp import (
    GetPostScanJobElementsRequestType as dspGetPostScanJobElementsRequestType,
)
from .dsp import (
    GetPostScanJobElementsResponse as dspGetPostScanJobElementsResponse,
)
from .dsp import (
    GetPostScanJobElementsResponseType as dspGetPostScanJobElementsResponseType,
)
from .dsp import (
    IntOneExtType as dspIntOneExtType,
)
from .dsp import (
    IntZeroExtType as dspIntZeroExtType,
)
from .dsp import (
    JobDescriptionType as dspJobDescriptionType,
)
from .dsp import (
    JobElementsType as dspJobElementsType,
)
from .dsp import (
    JobStateReasonsType as dspJobStateReasonsType,
)
from .dsp import (
    JobStateReasonWKVType as dspJobStateReasonWKVType,
)
from .dsp import (
    JobStateWKVType as dspJobStateWKVType,
)
from .dsp import (
    JobStatusType as dspJobStatusType,
)
from .dsp import (
    PostScanJobEndStateEvent as dspPostScanJobEndStateEvent,
)
from .dsp import (
    PostScanJobEndStateEventType as dspPostScanJobEndStateEventType,
)
from .dsp import (
    PostScanJobEndStateType as dspPostScanJobEndStateType,
)
from .dsp import (
    PostScanJobStatusEvent as dspPostScanJobStatusEvent,
)
from .dsp import (
    PostScanJobStatusEventType as dspPostScanJobStatusEventType,
)
from .dsp import (
    String255ExtType as dspString255ExtType,
)
from .emlf import (
    BoolExtType as emlfBoolExtType,
)
from .emlf import (
    EmailConfig,
    EmailConfigType,
    SendToAddressesType,
)
from .emlf import (
    String255ExtType as emlfString255ExtType,
)
from .fsf import (
    FileShareConfig,
    FileShareConfigType,
    FileShareType,
)
from .fsf import (
    String255ExtType as fsfString255ExtType,
)
from .psp import (
    BoolExtType as pspBoolExtType,
)
from .psp import (
    FilterInstructionType,
    FilterToProcessListType,
    FilterToProcessType,
    PostScanInstructionsType,
    PostScanProcess,
    PostScanProcessType,
)
from .psp import (
    String255ExtType as pspString255ExtType,
)
from .psp import (
    anyURIExtType as pspanyURIExtType,
)
from .soap import (
    Body,
    BodyType,
    DetailType,
    Envelope,
    EnvelopeType,
    Fault,
    FaultCodeEnum,
    FaultCodeType,
    FaultReasonType,
    FaultType,
    Header,
    HeaderType,
    ReasonTextType,
    SubcodeType,
)
from .spf import (
    BoolExtType as spfBoolExtType,
)
from .spf import (
    SharePointConfig,
    SharePointConfigType,
    SharePointSitesType,
    String2048ExtType,
)
from .spx import (
    AllowDeviceFileNameChange,
    AllowDeviceFilePathChange,
)
from .wsa import (
    Action,
    AttributedQName,
    AttributedURI,
    EndpointReference,
    EndpointReferenceType,
    FaultTo,
    From,
    MessageID,
    ReferenceParametersType,
    ReferencePropertiesType,
    RelatesTo,
    Relationship,
    ReplyAfter,
    ReplyAfterType,
    ReplyTo,
    ServiceNameType,
    To,
)
from .wscn import (
    ActiveConditionsType,
    ADFSideType,
    ADFType,
    Adjustment100Type,
    Adjustment1000Type,
    ColorConfigType,
    ColorJobType,
    ColorListType,
    ColorWKVType,
    ComponentType,
    ComponentWKVType,
    CompressionQualityFactorExtType,
    CompressionQualityFactorSupportedType,
    CompressionQualityFactorType,
    ConditionHistoryEntryType,
    ConditionHistoryType,
    ContentTypeExtType,
    ContentTypesSupportedType,
    ContentTypeTicketType,
    ContentTypeWKVType,
    DeviceConditionClearedType,
    DeviceConditionNameType,
    DeviceConditionNameWKVType,
    DeviceConditionType,
    DeviceSettingsType,
    DimensionExtType,
    DimensionsType,
    DocumentFinalParametersType,
    DocumentFormatType,
    DocumentInputSizeType,
    DocumentInputSourceExtType,
    DocumentInputSourceType,
    DocumentInputSourceWKVType,
    DocumentParametersType,
    ExposureSettingsType,
    FilmScanModeExtType,
    FilmScanModesSupportedType,
    FilmScanModeType,
    FilmScanModeWKVType,
    FilmType,
    FormatsSupportedType,
    HeightsType,
    ImageInformationType,
    ImagesToTransferType,
    JobEndStateType,
    LocalizedStringType,
    MediaSideImageInfoType,
    MediaSidesType,
    MediaSideType,
    OffsetExtType,
    PlatenType,
    RangeType,
    RequestedScannerElementsType,
    ResolutionPairExtType,
    ResolutionPairType,
    ResolutionsType,
    RotationExtType,
    RotationsSupportedType,
    RotationType,
    RotationWKVType,
    ScalingRangeSupportedType,
    ScalingRangeType,
    ScalingType,
    ScanExposureType,
    ScannerConfigurationType,
    ScannerDescriptionType,
    ScannerElementDataType,
    ScannerElementsType,
    ScannerStateReasonsType,
    ScannerStateReasonType,
    ScannerStateReasonWKVType,
    ScannerStateType,
    ScannerStateWKVType,
    ScannerStatusType,
    ScanRegionType,
    ScanTicketType,
    SeverityType,
    SeverityWKVType,
    ValidateScanTicketRequest,
    ValidateScanTicketRequestType,
    ValidateScanTicketResponse,
    ValidateScanTicketResponseType,
    ValidationInfoType,
    WidthsType,
)
from .wscn import (
    BoolExtType as wscnBoolExtType,
)
from .wscn import (
    DateTimeExtType as wscnDateTimeExtType,
)
from .wscn import (
    DocumentDescriptionType as wscnDocumentDescriptionType,
)
from .wscn import (
    DocumentFormatExtType as wscnDocumentFormatExtType,
)
from .wscn import (
    DocumentFormatWKVType as wscnDocumentFormatWKVType,
)
from .wscn import (
    DocumentsType as wscnDocumentsType,
)
from .wscn import (
    DocumentType as wscnDocumentType,
)
from .wscn import (
    ElementChangesType as wscnElementChangesType,
)
from .wscn import (
    IntOneExtType as wscnIntOneExtType,
)
from .wscn import (
    IntZeroExtType as wscnIntZeroExtType,
)
from .wscn import (
    JobDescriptionType as wscnJobDescriptionType,
)
from .wscn import (
    JobElementDataType as wscnJobElementDataType,
)
from .wscn import (
    JobElementsType as wscnJobElementsType,
)
from .wscn import (
    JobStateReasonsType as wscnJobStateReasonsType,
)
from .wscn import (
    JobStateReasonType as wscnJobStateReasonType,
)
from .wscn import (
    JobStateReasonWKVType as wscnJobStateReasonWKVType,
)
from .wscn import (
    JobStateType as wscnJobStateType,
)
from .wscn import (
    JobStateWKVType as wscnJobStateWKVType,
)
from .wscn import (
    JobStatusType as wscnJobStatusType,
)
from .wscn import (
    JobSummaryType as wscnJobSummaryType,
)
from .wscn import (
    ListOfSummarysType as wscnListOfSummarysType,
)
from .wscn import (
    RequestedJobElementsType as wscnRequestedJobElementsType,
)
from .wscn import (
    StatusSummaryType as wscnStatusSummaryType,
)
from .wscn import (
    String255ExtType as wscnString255ExtType,
)
from .wse import (
    DeliveryType,
    EmptyRequestType,
    ExpirationType,
    ExpiresResultType,
    GetStatus,
    GetStatusResponse,
    Identifier,
    LanguageSpecificStringType,
    NotifyTo,
    Renew,
    RenewResponse,
    RenewType,
    Subscribe,
    SubscribeResponse,
    SubscribeResponseType,
    SubscribeType,
    SubscriptionEnd,
    SubscriptionEndCodeType,
    SubscriptionEndType,
    Unsubscribe,
)
from .wse import (
    FilterType as wseFilterType,
)
from .xop import (
    Include,
    IncludeType,
)

__all__ = [
    "dscCancelPostScanJobRequest",
    "dscCancelPostScanJobRequestType",
    "dscCancelPostScanJobResponse",
    "dscCancelPostScanJobResponseType",
    "dscDateTimeExtType",
    "dscDocumentDescriptionType",
    "dscDocumentFormatExtType",
    "dscDocumentFormatWKVType",
    "dscDocumentType",
    "dscDocumentsType",
    "dscElementChangesType",
    "FilterConfigType",
    "FilterStateReasonType",
    "dscFilterStateReasonWKVType",
    "dscFilterStateReasonsType",
    "FilterStateType",
    "dscFilterStateWKVType",
    "dscFilterStatusType",
    "dscFilterStatusesType",
    "dscFilterType",
    "FiltersType",
    "dscGetActiveJobsRequest",
    "dscGetActiveJobsRequestType",
    "dscGetActiveJobsResponse",
    "dscGetActiveJobsResponseType",
    "dscGetJobHistoryRequest",
    "dscGetJobHistoryRequestType",
    "dscGetJobHistoryResponse",
    "dscGetJobHistoryResponseType",
    "dscGetPostScanJobElementsRequest",
    "dscGetPostScanJobElementsRequestType",
    "dscGetPostScanJobElementsResponse",
    "dscGetPostScanJobElementsResponseType",
    "GetRepositoryElementsRequest",
    "GetRepositoryElementsRequestType",
    "GetRepositoryElementsResponse",
    "GetRepositoryElementsResponseType",
    "dscIntOneExtType",
    "dscIntZeroExtType",
    "dscJobDescriptionType",
    "dscJobElementDataType",
    "dscJobElementsType",
    "dscJobStateReasonType",
    "dscJobStateReasonWKVType",
    "dscJobStateReasonsType",
    "dscJobStateType",
    "dscJobStateWKVType",
    "dscJobStatusType",
    "dscJobSummaryType",
    "dscListOfSummarysType",
    "dscPostScanJobEndStateEvent",
    "dscPostScanJobEndStateEventType",
    "dscPostScanJobEndStateType",
    "dscPostScanJobStatusEvent",
    "dscPostScanJobStatusEventType",
    "RepositoryConfigurationType",
    "RepositoryElementDataType",
    "RepositoryElementsChangeEvent",
    "RepositoryElementsChangeEventType",
    "RepositoryElementsType",
    "RepositoryStateReasonType",
    "RepositoryStateReasonWKVType",
    "RepositoryStateReasonsType",
    "RepositoryStateType",
    "RepositoryStateWKVType",
    "RepositoryStatusSummaryEvent",
    "RepositoryStatusSummaryEventType",
    "RepositoryStatusType",
    "dscRequestedJobElementsType",
    "RequestedRepositoryElementsType",
    "dscStatusSummaryType",
    "dscString255ExtType",
    "dsdGetActiveJobsRequest",
    "dsdGetActiveJobsRequestType",
    "dsdGetActiveJobsResponse",
    "dsdGetActiveJobsResponseType",
    "GetJobElementsRequest",
    "GetJobElementsRequestType",
    "GetJobElementsResponse",
    "GetJobElementsResponseType",
    "dsdGetJobHistoryRequest",
    "dsdGetJobHistoryRequestType",
    "dsdGetJobHistoryResponse",
    "dsdGetJobHistoryResponseType",
    "GetScannerElementsRequest",
    "GetScannerElementsRequestType",
    "GetScannerElementsResponse",
    "GetScannerElementsResponseType",
    "JobEndStateEvent",
    "JobEndStateEventType",
    "JobStatusEvent",
    "JobStatusEventType",
    "ScannerElementsChangeEvent",
    "ScannerElementsChangeEventType",
    "ScannerStatusConditionClearedEvent",
    "ScannerStatusConditionClearedEventType",
    "ScannerStatusConditionEvent",
    "ScannerStatusConditionEventType",
    "ScannerStatusSummaryEvent",
    "ScannerStatusSummaryEventType",
    "dspAnyURIExtType",
    "dspCancelPostScanJobRequest",
    "dspCancelPostScanJobRequestType",
    "dspCancelPostScanJobResponse",
    "dspCancelPostScanJobResponseType",
    "CreatePostScanJobRequest",
    "CreatePostScanJobRequestType",
    "CreatePostScanJobResponse",
    "CreatePostScanJobResponseType",
    "dspDateTimeExtType",
    "dspDocumentDescriptionType",
    "dspDocumentFormatExtType",
    "dspDocumentFormatWKVType",
    "dspDocumentType",
    "dspDocumentsType",
    "ElementDataType",
    "EndPostScanJobRequest",
    "EndPostScanJobRequestType",
    "EndPostScanJobResponse",
    "EndPostScanJobResponseType",
    "FilterCompletedStatusesType",
    "FilterStateExtType",
    "FilterStateReasonExtType",
    "dspFilterStateReasonWKVType",
    "dspFilterStateReasonsType",
    "dspFilterStateWKVType",
    "dspFilterStatusType",
    "dspFilterStatusesType",
    "dspGetPostScanJobElementsRequest",
    "dspGetPostScanJobElementsRequestType",
    "dspGetPostScanJobElementsResponse",
    "dspGetPostScanJobElementsResponseType",
    "dspIntOneExtType",
    "dspIntZeroExtType",
    "JobCompletedStateExtType",
    "JobCompletedStateReasonsType",
    "JobCompletedStateWKVType",
    "dspJobDescriptionType",
    "dspJobElementsType",
    "JobStateExtType",
    "JobStateReasonExtType",
    "dspJobStateReasonWKVType",
    "dspJobStateReasonsType",
    "dspJobStateWKVType",
    "dspJobStatusType",
    "dspPostScanJobEndStateEvent",
    "dspPostScanJobEndStateEventType",
    "dspPostScanJobEndStateType",
    "dspPostScanJobStatusEvent",
    "dspPostScanJobStatusEventType",
    "RequestedElementsType",
    "SendImageRequest",
    "SendImageRequestType",
    "SendImageResponse",
    "SendImageResponseType",
    "dspString255ExtType",
    "emlfBoolExtType",
    "EmailConfig",
    "EmailConfigType",
    "SendToAddressesType",
    "emlfString255ExtType",
    "FileShareConfig",
    "FileShareConfigType",
    "FileShareType",
    "fsfString255ExtType",
    "pspBoolExtType",
    "FilterInstructionType",
    "FilterToProcessListType",
    "FilterToProcessType",
    "PostScanInstructionsType",
    "PostScanProcess",
    "PostScanProcessType",
    "pspString255ExtType",
    "pspanyURIExtType",
    "Body",
    "BodyType",
    "DetailType",
    "Envelope",
    "EnvelopeType",
    "Fault",
    "FaultCodeEnum",
    "FaultCodeType",
    "FaultReasonType",
    "FaultType",
    "Header",
    "HeaderType",
    "ReasonTextType",
    "SubcodeType",
    "spfBoolExtType",
    "SharePointConfig",
    "SharePointConfigType",
    "SharePointSitesType",
    "String2048ExtType",
    "AllowDeviceFileNameChange",
    "AllowDeviceFilePathChange",
    "Action",
    "AttributedQName",
    "AttributedURI",
    "EndpointReference",
    "EndpointReferenceType",
    "FaultTo",
    "From",
    "MessageID",
    "ReferenceParametersType",
    "ReferencePropertiesType",
    "RelatesTo",
    "Relationship",
    "ReplyAfter",
    "ReplyAfterType",
    "ReplyTo",
    "ServiceNameType",
    "To",
    "ADFSideType",
    "ADFType",
    "ActiveConditionsType",
    "Adjustment1000Type",
    "Adjustment100Type",
    "wscnBoolExtType",
    "ColorConfigType",
    "ColorJobType",
    "ColorListType",
    "ColorWKVType",
    "ComponentType",
    "ComponentWKVType",
    "CompressionQualityFactorExtType",
    "CompressionQualityFactorSupportedType",
    "CompressionQualityFactorType",
    "ConditionHistoryEntryType",
    "ConditionHistoryType",
    "ContentTypeExtType",
    "ContentTypeTicketType",
    "ContentTypeWKVType",
    "ContentTypesSupportedType",
    "wscnDateTimeExtType",
    "DeviceConditionClearedType",
    "DeviceConditionNameType",
    "DeviceConditionNameWKVType",
    "DeviceConditionType",
    "DeviceSettingsType",
    "DimensionExtType",
    "DimensionsType",
    "wscnDocumentDescriptionType",
    "DocumentFinalParametersType",
    "wscnDocumentFormatExtType",
    "DocumentFormatType",
    "wscnDocumentFormatWKVType",
    "DocumentInputSizeType",
    "DocumentInputSourceExtType",
    "DocumentInputSourceType",
    "DocumentInputSourceWKVType",
    "DocumentParametersType",
    "wscnDocumentType",
    "wscnDocumentsType",
    "wscnElementChangesType",
    "ExposureSettingsType",
    "FilmScanModeExtType",
    "FilmScanModeType",
    "FilmScanModeWKVType",
    "FilmScanModesSupportedType",
    "FilmType",
    "FormatsSupportedType",
    "HeightsType",
    "ImageInformationType",
    "ImagesToTransferType",
    "wscnIntOneExtType",
    "wscnIntZeroExtType",
    "wscnJobDescriptionType",
    "wscnJobElementDataType",
    "wscnJobElementsType",
    "JobEndStateType",
    "wscnJobStateReasonType",
    "wscnJobStateReasonWKVType",
    "wscnJobStateReasonsType",
    "wscnJobStateType",
    "wscnJobStateWKVType",
    "wscnJobStatusType",
    "wscnJobSummaryType",
    "wscnListOfSummarysType",
    "LocalizedStringType",
    "MediaSideImageInfoType",
    "MediaSideType",
    "MediaSidesType",
    "OffsetExtType",
    "PlatenType",
    "RangeType",
    "wscnRequestedJobElementsType",
    "RequestedScannerElementsType",
    "ResolutionPairExtType",
    "ResolutionPairType",
    "ResolutionsType",
    "RotationExtType",
    "RotationType",
    "RotationWKVType",
    "RotationsSupportedType",
    "ScalingRangeSupportedType",
    "ScalingRangeType",
    "ScalingType",
    "ScanExposureType",
    "ScanRegionType",
    "ScanTicketType",
    "ScannerConfigurationType",
    "ScannerDescriptionType",
    "ScannerElementDataType",
    "ScannerElementsType",
    "ScannerStateReasonType",
    "ScannerStateReasonWKVType",
    "ScannerStateReasonsType",
    "ScannerStateType",
    "ScannerStateWKVType",
    "ScannerStatusType",
    "SeverityType",
    "SeverityWKVType",
    "wscnStatusSummaryType",
    "wscnString255ExtType",
    "ValidateScanTicketRequest",
    "ValidateScanTicketRequestType",
    "ValidateScanTicketResponse",
    "ValidateScanTicketResponseType",
    "ValidationInfoType",
    "WidthsType",
    "DeliveryType",
    "EmptyRequestType",
    "ExpirationType",
    "ExpiresResultType",
    "wseFilterType",
    "GetStatus",
    "GetStatusResponse",
    "Identifier",
    "LanguageSpecificStringType",
    "NotifyTo",
    "Renew",
    "RenewResponse",
    "RenewType",
    "Subscribe",
    "SubscribeResponse",
    "SubscribeResponseType",
    "SubscribeType",
    "SubscriptionEnd",
    "SubscriptionEndCodeType",
    "SubscriptionEndType",
    "Unsubscribe",
    "Include",
    "IncludeType",
]
