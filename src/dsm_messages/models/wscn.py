from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from xml.etree.ElementTree import QName

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class Adjustment1000Type:
    """
    Adjustment1000 value (from wscn:Adjustment1000BaseType); foreign-namespace attributes
    allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": -1000,
            "max_inclusive": 1000,
        }
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class Adjustment100Type:
    """
    Adjustment100 value (from wscn:Adjustment100BaseType); foreign-namespace attributes
    allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": -100,
            "max_inclusive": 100,
        }
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class CancelJobRequestType:
    """
    Body of CancelJob request: the job to cancel.

    :ivar job_id: Id of the job to cancel; unknown ids yield ClientErrorJobIdNotFound.
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )


@dataclass(slots=True, kw_only=True)
class CancelJobResponseType:
    """
    Body of CancelJob response: empty.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


class ColorWKVType(StrEnum):
    """
    Well-known color wkv values (8).
    """

    BLACK_AND_WHITE1 = "BlackAndWhite1"
    GRAYSCALE4 = "Grayscale4"
    GRAYSCALE8 = "Grayscale8"
    GRAYSCALE16 = "Grayscale16"
    RGB24 = "RGB24"
    RGB48 = "RGB48"
    RGBA32 = "RGBa32"
    RGBA64 = "RGBa64"


class ComponentWKVType(StrEnum):
    """
    Well-known component values (4).
    """

    ADF = "ADF"
    FILM = "Film"
    MEDIA_PATH = "MediaPath"
    PLATEN = "Platen"


@dataclass(slots=True, kw_only=True)
class CompressionQualityFactorSupportedType:
    """
    Supported quality-factor range (1..100).

    :ivar min_value: Lowest supported quality factor (1..100).
    :ivar max_value: Highest supported quality factor (1..100).
    :ivar other_attributes:
    """

    min_value: int = field(
        metadata={
            "name": "MinValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    max_value: int = field(
        metadata={
            "name": "MaxValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
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
class CompressionQualityFactorType:
    """
    Compression quality factor value (from wscn:CompressionQualityFactorExtType) with the
    optional wscn:MustHonor attribute; foreign-namespace attributes allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": 0,
            "max_inclusive": 100,
        }
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


class ContentTypeWKVType(StrEnum):
    """
    Well-known content type wkv values (5).
    """

    AUTO = "Auto"
    TEXT = "Text"
    PHOTO = "Photo"
    HALFTONE = "Halftone"
    MIXED = "Mixed"


@dataclass(slots=True, kw_only=True)
class DestinationResponseType:
    """
    The device's answer for one registered destination.

    :ivar client_context: Copy of the ClientContext of the matching ScanDestination.
    :ivar destination_token: Token for every CreateScanJobRequest from this destination.
    :ivar other_element:
    """

    client_context: str = field(
        metadata={
            "name": "ClientContext",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    destination_token: str = field(
        metadata={
            "name": "DestinationToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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


@dataclass(slots=True, kw_only=True)
class DeviceConditionClearedType:
    """
    Id and clear time of a previously reported condition.

    :ivar condition_id: Id of the previously reported DeviceCondition that cleared.
    :ivar condition_clear_time: Device-clock time the condition cleared.
    :ivar other_element:
    :ivar other_attributes:
    """

    condition_id: int = field(
        metadata={
            "name": "ConditionId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    condition_clear_time: datetime = field(
        metadata={
            "name": "ConditionClearTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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


class DeviceConditionNameWKVType(StrEnum):
    """
    Well-known device condition name values (9).
    """

    CALIBRATING = "Calibrating"
    COVER_OPEN = "CoverOpen"
    INPUT_TRAY_EMPTY = "InputTrayEmpty"
    INTERLOCK_OPEN = "InterlockOpen"
    INTERNAL_STORAGE_FULL = "InternalStorageFull"
    LAMP_ERROR = "LampError"
    LAMP_WARMING = "LampWarming"
    MEDIA_JAM = "MediaJam"
    MULTIPLE_FEED_ERROR = "MultipleFeedError"


@dataclass(slots=True, kw_only=True)
class DimensionExtType:
    """
    Dimension value (from wscn:IntOneExtType) with the optional wscn:MustHonor attribute;
    foreign-namespace attributes allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": 1,
        }
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DimensionsType:
    """
    Dimensions: Width, Height.

    :ivar width: child of wscn:DimensionsType (media size) and of wscn:ResolutionPairExtType
        (capture resolution); required in both.
    :ivar height: child of wscn:DimensionsType (media size, min 1) and of
        wscn:ResolutionPairExtType (capture resolution, minOccurs=0 there).
    :ivar other_attributes:
    """

    width: int = field(
        metadata={
            "name": "Width",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    height: int = field(
        metadata={
            "name": "Height",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
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
class DocumentDescriptionType:
    """
    Descriptive data of a document.

    :ivar document_name: Name of the document.
    :ivar other_element:
    :ivar other_attributes:
    """

    document_name: str = field(
        metadata={
            "name": "DocumentName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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


class DocumentInputSourceWKVType(StrEnum):
    """
    Well-known document input source wkv values (4).
    """

    ADF = "ADF"
    ADFDUPLEX = "ADFDuplex"
    FILM = "Film"
    PLATEN = "Platen"


class FilmScanModeWKVType(StrEnum):
    """
    Well-known film scan mode wkv values (4).
    """

    NOT_APPLICABLE = "NotApplicable"
    COLOR_SLIDE_FILM = "ColorSlideFilm"
    COLOR_NEGATIVE_FILM = "ColorNegativeFilm"
    BLACKAND_WHITE_NEGATIVE_FILM = "BlackandWhiteNegativeFilm"


@dataclass(slots=True, kw_only=True)
class GetActiveJobsRequestType:
    """
    Body of GetActiveJobs request: empty.
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
    Body of GetJobHistory request: empty.
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class HeightsType:
    """
    Supported vertical resolutions (ppi).

    :ivar height: One supported vertical resolution (ppi).
    :ivar other_attributes:
    """

    height: Sequence[int] = field(
        default_factory=list,
        metadata={
            "name": "Height",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_occurs": 1,
            "min_inclusive": 1,
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
class ImagesToTransferType:
    """
    Images to transfer value (from wscn:IntZeroExtType) with the optional wscn:MustHonor
    attribute; foreign-namespace attributes allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": 0,
        }
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class JobDescriptionType:
    """
    Job description: JobName, JobOriginatingUserName, JobInformation.

    :ivar job_name: Job name (wscn:String255ExtType).
    :ivar job_originating_user_name: Job originating user name (wscn:String255ExtType).
    :ivar job_information: Job information (wscn:String255ExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_name: str = field(
        metadata={
            "name": "JobName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_information: None | str = field(
        default=None,
        metadata={
            "name": "JobInformation",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
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


class JobStateReasonWKVType(StrEnum):
    """
    Well-known job state reason values (12).
    """

    INVALID_SCAN_TICKET = "InvalidScanTicket"
    DOCUMENT_FORMAT_ERROR = "DocumentFormatError"
    IMAGE_TRANSFER_ERROR = "ImageTransferError"
    JOB_CANCELED_AT_DEVICE = "JobCanceledAtDevice"
    JOB_COMPLETED_WITH_ERRORS = "JobCompletedWithErrors"
    JOB_COMPLETED_WITH_WARNINGS = "JobCompletedWithWarnings"
    JOB_SCANNING = "JobScanning"
    JOB_SCANNING_AND_TRANSFERRING = "JobScanningAndTransferring"
    JOB_TIMED_OUT = "JobTimedOut"
    JOB_TRANSFERRING = "JobTransferring"
    NONE = "None"
    SCANNER_STOPPED = "ScannerStopped"


class JobStateWKVType(StrEnum):
    """
    Well-known job state values (9).
    """

    ABORTED = "Aborted"
    CANCELED = "Canceled"
    COMPLETED = "Completed"
    CREATING = "Creating"
    HELD = "Held"
    PENDING = "Pending"
    PROCESSING = "Processing"
    STARTED = "Started"
    TERMINATING = "Terminating"
    PENDING_HELD = "Pending-Held"


@dataclass(slots=True, kw_only=True)
class LocalizedStringType:
    """
    Administratively set string, optionally tagged with xml:lang; may repeat per language.
    """

    value: str = field(default="")
    lang: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
            "namespace": "http://www.w3.org/XML/1998/namespace",
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
class MediaSideImageInfoType:
    """
    Pixels per line, line count and bytes per line of one output image.

    :ivar pixels_per_line: Exact output image width in pixels, after rotation/adjustment.
    :ivar number_of_lines: Exact output image height in pixels (line count), after
        rotation/adjustment.
    :ivar bytes_per_line: Bytes per output line including padding; 0 for compressed formats.
    :ivar other_attributes:
    """

    pixels_per_line: int = field(
        metadata={
            "name": "PixelsPerLine",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    number_of_lines: int = field(
        metadata={
            "name": "NumberOfLines",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    bytes_per_line: int = field(
        metadata={
            "name": "BytesPerLine",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 0,
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
class OffsetExtType:
    """
    Offset value (from wscn:IntZeroExtType) with the optional wscn:MustHonor attribute;
    foreign-namespace attributes allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": 0,
        }
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class RangeType:
    """
    Inclusive MinValue..MaxValue pair (1..1000 for scaling, must include 100).

    :ivar min_value: Lowest supported scaling percent (1..1000).
    :ivar max_value: Highest supported scaling percent (1..1000).
    :ivar other_attributes:
    """

    min_value: int = field(
        metadata={
            "name": "MinValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    max_value: int = field(
        metadata={
            "name": "MaxValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
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
class RequestedJobElementsType:
    """
    List of QNames of job sections the client wants.

    :ivar name: QName of one requested top-level section (well-known or vendor).
    :ivar other_attributes:
    """

    name: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class RequestedScannerElementsType:
    """
    List of QNames of scanner sections the client wants.

    :ivar name: QName of one requested top-level section (well-known or vendor).
    :ivar other_attributes:
    """

    name: Sequence[QName] = field(
        default_factory=list,
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ResolutionPairExtType:
    """
    Resolution pair: Width, Height.

    :ivar width: child of wscn:DimensionsType (media size) and of wscn:ResolutionPairExtType
        (capture resolution); required in both.
    :ivar height: child of wscn:DimensionsType (media size, min 1) and of
        wscn:ResolutionPairExtType (capture resolution, minOccurs=0 there).
    :ivar must_honor:
    :ivar other_attributes:
    """

    width: int = field(
        metadata={
            "name": "Width",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    height: None | int = field(
        default=None,
        metadata={
            "name": "Height",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ResolutionPairType:
    """
    Optical resolution Width (+optional Height, square if absent), pixels per inch.

    :ivar width: Maximum horizontal optical resolution (ppi).
    :ivar height: Maximum vertical optical resolution (ppi); square if absent.
    :ivar other_attributes:
    """

    width: int = field(
        metadata={
            "name": "Width",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    height: None | int = field(
        default=None,
        metadata={
            "name": "Height",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
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
class RetrieveImageResponseType:
    """
    Body of RetrieveImage response: the image.

    :ivar scan_data: The image bytes, carried as an MTOM/XOP attachment.
    """

    scan_data: bytes = field(
        metadata={
            "name": "ScanData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "format": "base64",
        }
    )


class RotationWKVType(StrEnum):
    """
    Well-known rotation wkv values (4).
    """

    VALUE_0 = "0"
    VALUE_90 = "90"
    VALUE_180 = "180"
    VALUE_270 = "270"


@dataclass(slots=True, kw_only=True)
class ScalingRangeType:
    """
    Scaling range value (from wscn:ScalingRangeBaseType); foreign-namespace attributes allowed.
    """

    value: int = field(
        metadata={
            "min_inclusive": 1,
            "max_inclusive": 1000,
        }
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScanDestinationType:
    """
    One scan destination on the client.

    :ivar client_display_name: What the device shows its user for this destination.
    :ivar client_context: Client string the device returns in DestinationResponse and
        ScanAvailableEvent.
    :ivar other_element:
    :ivar other_attributes:
    """

    client_display_name: str = field(
        metadata={
            "name": "ClientDisplayName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 127,
            "white_space": "preserve",
        }
    )
    client_context: str = field(
        metadata={
            "name": "ClientContext",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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


class ScannerStateReasonWKVType(StrEnum):
    """
    Well-known scanner state reason values (11).
    """

    ATTENTION_REQUIRED = "AttentionRequired"
    CALIBRATING = "Calibrating"
    COVER_OPEN = "CoverOpen"
    INTERLOCK_OPEN = "InterlockOpen"
    INTERNAL_STORAGE_FULL = "InternalStorageFull"
    LAMP_ERROR = "LampError"
    LAMP_WARMING = "LampWarming"
    MEDIA_JAM = "MediaJam"
    MULTIPLE_FEED_ERROR = "MultipleFeedError"
    NONE = "None"
    PAUSED = "Paused"


class ScannerStateWKVType(StrEnum):
    """
    Well-known scanner state values (3).
    """

    IDLE = "Idle"
    PROCESSING = "Processing"
    STOPPED = "Stopped"


class SeverityWKVType(StrEnum):
    """
    Well-known severity values (3).
    """

    INFORMATIONAL = "Informational"
    WARNING = "Warning"
    CRITICAL = "Critical"


@dataclass(slots=True, kw_only=True)
class WidthsType:
    """
    Supported horizontal resolutions (ppi).

    :ivar width: One supported horizontal resolution (ppi).
    :ivar other_attributes:
    """

    width: Sequence[int] = field(
        default_factory=list,
        metadata={
            "name": "Width",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_occurs": 1,
            "min_inclusive": 1,
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
class CancelJobRequest(CancelJobRequestType):
    """
    Request body cancelling a job.

    :ivar job_id: Id of the job to cancel; unknown ids yield ClientErrorJobIdNotFound.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class CancelJobResponse(CancelJobResponseType):
    """
    Response body: the job is cancelled.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ColorJobType:
    """
    Color job value (from wscn:ColorConfigType) with the optional wscn:MustHonor attribute;
    foreign-namespace attributes allowed.
    """

    value: ColorWKVType | str = field(
        default="",
        metadata={
            "pattern": r"\w+:[\w_\-\.]+",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ColorListType:
    """
    Supported color modes of one input source.

    :ivar color_entry: One supported color mode.
    :ivar other_attributes:
    """

    color_entry: Sequence[ColorWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "ColorEntry",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ConditionHistoryEntryType:
    """
    A past condition with its clear time.

    :ivar time: Device-clock time the condition occurred.
    :ivar name: Keyword naming the past condition.
    :ivar component: Device component the condition concerns.
    :ivar severity: Severity of the condition.
    :ivar clear_time: Device-clock time the past condition cleared.
    :ivar other_element:
    :ivar qualified_id:
    :ivar id:
    :ivar other_attributes:
    """

    time: datetime = field(
        metadata={
            "name": "Time",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    name: DeviceConditionNameWKVType | str = field(
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    component: ComponentWKVType | str = field(
        metadata={
            "name": "Component",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    severity: SeverityWKVType | str = field(
        metadata={
            "name": "Severity",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    clear_time: datetime = field(
        metadata={
            "name": "ClearTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    qualified_id: None | int = field(
        default=None,
        metadata={
            "name": "Id",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    id: None | int = field(
        default=None,
        metadata={
            "name": "Id",
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
class ContentTypeTicketType:
    """
    Content type ticket value (from wscn:ContentTypeExtType) with the optional wscn:MustHonor
    attribute; foreign-namespace attributes allowed.
    """

    value: ContentTypeWKVType | str = field(
        default="",
        metadata={
            "pattern": r"\w+:[\w_\-\.]+",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ContentTypesSupportedType:
    """
    Supported content types.

    :ivar content_type_value: One supported content type.
    :ivar other_attributes:
    """

    content_type_value: Sequence[ContentTypeWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "ContentTypeValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DestinationResponsesType:
    """
    SubscribeResponse extension: one DestinationResponse per ScanDestination subscribed.

    :ivar destination_response: The device's answer for one destination.
    :ivar other_attributes:
    """

    destination_response: Sequence[DestinationResponseType] = field(
        default_factory=list,
        metadata={
            "name": "DestinationResponse",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DeviceConditionType:
    """
    One active device condition with a device-unique Id.

    :ivar time: Device-clock time the condition occurred.
    :ivar name: Keyword naming the condition.
    :ivar component: Device component the condition concerns.
    :ivar severity: Severity of the condition.
    :ivar other_element:
    :ivar qualified_id:
    :ivar id:
    :ivar other_attributes:
    """

    time: datetime = field(
        metadata={
            "name": "Time",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    name: DeviceConditionNameWKVType | str = field(
        metadata={
            "name": "Name",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    component: ComponentWKVType | str = field(
        metadata={
            "name": "Component",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    severity: SeverityWKVType | str = field(
        metadata={
            "name": "Severity",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    qualified_id: None | int = field(
        default=None,
        metadata={
            "name": "Id",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    id: None | int = field(
        default=None,
        metadata={
            "name": "Id",
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
class DocumentFormatType:
    """
    Document format value (from wscn:DocumentFormatExtType) with the optional wscn:MustHonor
    attribute; foreign-namespace attributes allowed.
    """

    value: DocumentFormatWKVType | str = field(
        default="",
        metadata={
            "pattern": r"\w+[\w:/;_\-\\\+\.]*",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DocumentInputSizeType:
    """
    Document input size: DocumentSizeAutoDetect or InputMediaSize (one of them, or none).

    :ivar document_size_auto_detect: Document size auto detect (wscn:BoolExtType).
    :ivar input_media_size: Input media size (wscn:DimensionsType).
    :ivar must_honor:
    :ivar other_attributes:
    """

    document_size_auto_detect: None | bool = field(
        default=None,
        metadata={
            "name": "DocumentSizeAutoDetect",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    input_media_size: None | DimensionsType = field(
        default=None,
        metadata={
            "name": "InputMediaSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DocumentInputSourceType:
    """
    Document input source value (from wscn:DocumentInputSourceExtType) with the optional
    wscn:MustHonor attribute; foreign-namespace attributes allowed.
    """

    value: DocumentInputSourceWKVType | str = field(
        default="",
        metadata={
            "pattern": r"\w+:[\w_\-\.]+",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
    One scanned document of a job.

    :ivar document_description: Descriptive data of one document.
    :ivar other_element:
    :ivar other_attributes:
    """

    document_description: DocumentDescriptionType = field(
        metadata={
            "name": "DocumentDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ExposureSettingsType:
    """
    Exposure settings: Contrast, Brightness, Sharpness.

    :ivar contrast: Contrast (wscn:Adjustment1000Type).
    :ivar brightness: Brightness (wscn:Adjustment1000Type).
    :ivar sharpness: Sharpness (wscn:Adjustment100Type).
    :ivar other_element:
    :ivar other_attributes:
    """

    contrast: None | Adjustment1000Type = field(
        default=None,
        metadata={
            "name": "Contrast",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    brightness: None | Adjustment1000Type = field(
        default=None,
        metadata={
            "name": "Brightness",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    sharpness: None | Adjustment100Type = field(
        default=None,
        metadata={
            "name": "Sharpness",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class FilmScanModeType:
    """
    Film scan mode value (from wscn:FilmScanModeExtType) with the optional wscn:MustHonor
    attribute; foreign-namespace attributes allowed.
    """

    value: FilmScanModeWKVType | str = field(
        default="",
        metadata={
            "pattern": r"\w+:[\w_\-\.]+",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class FilmScanModesSupportedType:
    """
    Supported film exposure types.

    :ivar film_scan_mode_value: One supported film exposure type.
    :ivar other_attributes:
    """

    film_scan_mode_value: Sequence[FilmScanModeWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "FilmScanModeValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class FormatsSupportedType:
    """
    Supported file formats.

    :ivar format_value: One supported output format.
    :ivar other_attributes:
    """

    format_value: Sequence[DocumentFormatWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "FormatValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_occurs": 1,
            "pattern": r"\w+[\w:/;_\-\\\+\.]*",
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
class GetActiveJobsRequest(GetActiveJobsRequestType):
    """
    Request body asking for summaries of all unfinished jobs.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class GetJobElementsRequestType:
    """
    Body of GetJobElements request: job id plus requested job sections.

    :ivar job_id: Id of the job whose sections are requested.
    :ivar requested_elements: List of QNames naming the sections the client wants returned.
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    requested_elements: RequestedJobElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryRequest(GetJobHistoryRequestType):
    """
    Request body asking for summaries of recently finished jobs.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class GetScannerElementsRequestType:
    """
    Body of GetScannerElements request: requested scanner sections.

    :ivar requested_elements: List of QNames naming the sections the client wants returned.
    """

    requested_elements: RequestedScannerElementsType = field(
        metadata={
            "name": "RequestedElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class ImageInformationType:
    """
    Predicted output image geometry per side.

    :ivar media_front_image_info: Predicted geometry for simplex output or the front side.
    :ivar media_back_image_info: Predicted geometry for the back side of a duplex scan.
    :ivar other_attributes:
    """

    media_front_image_info: MediaSideImageInfoType = field(
        metadata={
            "name": "MediaFrontImageInfo",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    media_back_image_info: None | MediaSideImageInfoType = field(
        default=None,
        metadata={
            "name": "MediaBackImageInfo",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
    Collection of JobStateReason keywords.

    :ivar job_state_reason: One keyword explaining the job state.
    :ivar other_attributes:
    """

    job_state_reason: Sequence[JobStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "JobStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ResolutionsType:
    """
    Independent lists of supported horizontal and vertical resolutions.

    :ivar widths: List of supported horizontal resolutions (ppi).
    :ivar heights: List of supported vertical resolutions (ppi).
    :ivar other_attributes:
    """

    widths: WidthsType = field(
        metadata={
            "name": "Widths",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    heights: HeightsType = field(
        metadata={
            "name": "Heights",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class RetrieveImageRequestType:
    """
    Body of RetrieveImage request: which job, its token, and which document.

    :ivar job_id: Id of the job whose next image is wanted.
    :ivar job_token: Token CreateScanJobResponse returned for this job.
    :ivar document_description: Name of the document the client asks for.
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    document_description: DocumentDescriptionType = field(
        metadata={
            "name": "DocumentDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class RetrieveImageResponse(RetrieveImageResponseType):
    """
    Response body carrying one image as MTOM.

    :ivar scan_data: The image bytes, carried as an MTOM/XOP attachment.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class RotationType:
    """
    Rotation value (from wscn:RotationExtType) with the optional wscn:MustHonor attribute;
    foreign-namespace attributes allowed.
    """

    value: RotationWKVType | str = field(
        default="",
        metadata={
            "pattern": r"\w+:[\w_\-\.]+",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    override: None | bool = field(
        default=None,
        metadata={
            "name": "Override",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    used_default: None | bool = field(
        default=None,
        metadata={
            "name": "UsedDefault",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class RotationsSupportedType:
    """
    Supported rotations (0 always).

    :ivar rotation_value: One supported clockwise rotation.
    :ivar other_attributes:
    """

    rotation_value: Sequence[RotationWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "RotationValue",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScalingRangeSupportedType:
    """
    Supported scaling ranges per axis.

    :ivar scaling_width: Supported scaling range in the fast-scan direction.
    :ivar scaling_height: Supported scaling range in the slow-scan direction.
    :ivar other_attributes:
    """

    scaling_width: RangeType = field(
        metadata={
            "name": "ScalingWidth",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scaling_height: RangeType = field(
        metadata={
            "name": "ScalingHeight",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScalingType:
    """
    Scaling: ScalingWidth, ScalingHeight.

    :ivar scaling_width: Scaling width (wscn:ScalingRangeType).
    :ivar scaling_height: Scaling height (wscn:ScalingRangeType).
    :ivar must_honor:
    :ivar other_attributes:
    """

    scaling_width: ScalingRangeType = field(
        metadata={
            "name": "ScalingWidth",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scaling_height: ScalingRangeType = field(
        metadata={
            "name": "ScalingHeight",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScanAvailableEventType:
    """
    Event body: a user chose this client's destination at the device and started a scan.

    :ivar client_context: The ClientContext of the chosen ScanDestination, as the client
        subscribed it.
    :ivar scan_identifier: Unique per event; the client repeats it in CreateScanJobRequest.
    :ivar input_source: Where the user placed the document (WDPScan.xsd only; the page does
        not list it).
    :ivar other_element:
    """

    client_context: str = field(
        metadata={
            "name": "ClientContext",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    scan_identifier: str = field(
        metadata={
            "name": "ScanIdentifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    input_source: None | DocumentInputSourceWKVType | str = field(
        default=None,
        metadata={
            "name": "InputSource",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
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
class ScanDestinationsType:
    """
    ScanAvailableEvent subscription extension: the destinations a client registers in
    wse:Subscribe.

    :ivar scan_destination: One destination the device may offer its user.
    :ivar other_attributes:
    """

    scan_destination: Sequence[ScanDestinationType] = field(
        default_factory=list,
        metadata={
            "name": "ScanDestination",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScanRegionType:
    """
    Scan region: ScanRegionXOffset, ScanRegionYOffset, ScanRegionWidth, ScanRegionHeight.

    :ivar scan_region_xoffset: Scan region xoffset (wscn:OffsetExtType).
    :ivar scan_region_yoffset: Scan region yoffset (wscn:OffsetExtType).
    :ivar scan_region_width: Scan region width (wscn:DimensionExtType).
    :ivar scan_region_height: Scan region height (wscn:DimensionExtType).
    :ivar other_attributes:
    """

    scan_region_xoffset: None | OffsetExtType = field(
        default=None,
        metadata={
            "name": "ScanRegionXOffset",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scan_region_yoffset: None | OffsetExtType = field(
        default=None,
        metadata={
            "name": "ScanRegionYOffset",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scan_region_width: DimensionExtType = field(
        metadata={
            "name": "ScanRegionWidth",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scan_region_height: DimensionExtType = field(
        metadata={
            "name": "ScanRegionHeight",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerDescriptionType:
    """
    Rarely-changing administrative description of the scanner.

    :ivar scanner_name: Administratively assigned friendly name (per xml:lang).
    :ivar scanner_info: Administratively assigned descriptive text (per xml:lang).
    :ivar scanner_location: Administratively assigned location (per xml:lang).
    :ivar other_element:
    :ivar other_attributes:
    """

    scanner_name: Sequence[LocalizedStringType] = field(
        default_factory=list,
        metadata={
            "name": "ScannerName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_occurs": 1,
        },
    )
    scanner_info: Sequence[LocalizedStringType] = field(
        default_factory=list,
        metadata={
            "name": "ScannerInfo",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scanner_location: Sequence[LocalizedStringType] = field(
        default_factory=list,
        metadata={
            "name": "ScannerLocation",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerStateReasonsType:
    """
    Collection of ScannerStateReason keywords.

    :ivar scanner_state_reason: One keyword explaining the scanner state.
    :ivar other_attributes:
    """

    scanner_state_reason: Sequence[ScannerStateReasonWKVType | str] = field(
        default_factory=list,
        metadata={
            "name": "ScannerStateReason",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ADFSideType:
    """
    Capabilities of one feeder side.

    :ivar adfoptical_resolution: Maximum optical resolution of this feeder side (ppi).
    :ivar adfresolutions: Supported resolutions of this feeder side.
    :ivar adfcolor: Color modes supported by this feeder side.
    :ivar adfminimum_size: Smallest original this feeder side accepts (1/1000 inch).
    :ivar adfmaximum_size: Largest original this feeder side accepts (1/1000 inch).
    :ivar other_element:
    :ivar other_attributes:
    """

    adfoptical_resolution: ResolutionPairType = field(
        metadata={
            "name": "ADFOpticalResolution",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    adfresolutions: ResolutionsType = field(
        metadata={
            "name": "ADFResolutions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    adfcolor: ColorListType = field(
        metadata={
            "name": "ADFColor",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    adfminimum_size: DimensionsType = field(
        metadata={
            "name": "ADFMinimumSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    adfmaximum_size: DimensionsType = field(
        metadata={
            "name": "ADFMaximumSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ActiveConditionsType:
    """
    Currently active device conditions (may be empty).

    :ivar device_condition: One active condition; Id is unique and not reused for as long as
        possible.
    :ivar other_attributes:
    """

    device_condition: Sequence[DeviceConditionType] = field(
        default_factory=list,
        metadata={
            "name": "DeviceCondition",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ConditionHistoryType:
    """
    Recently cleared conditions.

    :ivar condition_history_entry: One past condition with its clear time.
    :ivar other_attributes:
    """

    condition_history_entry: Sequence[ConditionHistoryEntryType] = field(
        default_factory=list,
        metadata={
            "name": "ConditionHistoryEntry",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DestinationResponses(DestinationResponsesType):
    """
    Extension element of wse:SubscribeResponse: a DestinationToken per destination.

    :ivar destination_response: The device's answer for one destination.
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class DeviceSettingsType:
    """
    Source-independent supported ticket values.

    :ivar formats_supported: Supported output formats.
    :ivar compression_quality_factor_supported: Supported compression-quality range.
    :ivar content_types_supported: Supported content types.
    :ivar document_size_auto_detect_supported: Whether the device can detect original size.
    :ivar auto_exposure_supported: Whether automatic exposure is supported.
    :ivar brightness_supported: Whether brightness adjustment is supported.
    :ivar contrast_supported: Whether contrast adjustment is supported.
    :ivar scaling_range_supported: Supported scaling ranges per direction.
    :ivar rotations_supported: Supported rotation values.
    :ivar other_element:
    :ivar other_attributes:
    """

    formats_supported: FormatsSupportedType = field(
        metadata={
            "name": "FormatsSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    compression_quality_factor_supported: CompressionQualityFactorSupportedType = field(
        metadata={
            "name": "CompressionQualityFactorSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    content_types_supported: ContentTypesSupportedType = field(
        metadata={
            "name": "ContentTypesSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    document_size_auto_detect_supported: bool = field(
        metadata={
            "name": "DocumentSizeAutoDetectSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    auto_exposure_supported: bool = field(
        metadata={
            "name": "AutoExposureSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    brightness_supported: bool = field(
        metadata={
            "name": "BrightnessSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    contrast_supported: bool = field(
        metadata={
            "name": "ContrastSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scaling_range_supported: ScalingRangeSupportedType = field(
        metadata={
            "name": "ScalingRangeSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    rotations_supported: RotationsSupportedType = field(
        metadata={
            "name": "RotationsSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class FilmType:
    """
    Film-scanning option capabilities.

    :ivar film_scan_modes_supported: Supported film exposure types.
    :ivar film_optical_resolution: Maximum optical resolution of the film option (ppi).
    :ivar film_resolutions: Supported film resolutions.
    :ivar film_color: Color modes supported by the film option.
    :ivar film_minimum_size: Smallest film original accepted (1/1000 inch).
    :ivar film_maximum_size: Largest film original accepted (1/1000 inch).
    :ivar other_element:
    :ivar other_attributes:
    """

    film_scan_modes_supported: FilmScanModesSupportedType = field(
        metadata={
            "name": "FilmScanModesSupported",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    film_optical_resolution: ResolutionPairType = field(
        metadata={
            "name": "FilmOpticalResolution",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    film_resolutions: ResolutionsType = field(
        metadata={
            "name": "FilmResolutions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    film_color: ColorListType = field(
        metadata={
            "name": "FilmColor",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    film_minimum_size: DimensionsType = field(
        metadata={
            "name": "FilmMinimumSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    film_maximum_size: DimensionsType = field(
        metadata={
            "name": "FilmMaximumSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class GetJobElementsRequest(GetJobElementsRequestType):
    """
    Request body asking for selected sections of one job.

    :ivar job_id: Id of the job whose sections are requested.
    :ivar requested_elements: List of QNames naming the sections the client wants returned.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class GetScannerElementsRequest(GetScannerElementsRequestType):
    """
    Request body asking for selected scanner sections.

    :ivar requested_elements: List of QNames naming the sections the client wants returned.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class JobEndStateType:
    """
    Final state record of a finished scan job.

    :ivar job_id: Device-assigned job number, unique within the device and not reused soon.
    :ivar job_completed_state: Final job state (Completed, Canceled, Aborted; Terminating
        also listed).
    :ivar job_completed_state_reasons: Zero or more reasons explaining how the job ended.
    :ivar job_name: User-friendly job name supplied by the client (default may come from
        DefaultScanTicket).
    :ivar job_originating_user_name: Name of the user who submitted the job.
    :ivar scans_completed: Number of images scanned so far (each duplex side counts).
    :ivar job_completed_time: Device-clock time the job finished (successfully or not).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    job_completed_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobCompletedState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_completed_state_reasons: JobStateReasonsType = field(
        metadata={
            "name": "JobCompletedStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    job_name: str = field(
        metadata={
            "name": "JobName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    scans_completed: int = field(
        metadata={
            "name": "ScansCompleted",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 0,
        }
    )
    job_completed_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCompletedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class JobStatusType:
    """
    Current status snapshot of one scan job.

    :ivar job_id: Device-assigned job number, unique within the device and not reused soon.
    :ivar job_state: Current (or, in history, final) state of the job.
    :ivar job_state_reasons: List of keywords explaining the job state.
    :ivar scans_completed: Number of images scanned so far (each duplex side counts).
    :ivar job_created_time: Device-clock time the job was created.
    :ivar job_completed_time: Device-clock time the job finished (successfully or not).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    job_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_state_reasons: JobStateReasonsType = field(
        metadata={
            "name": "JobStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scans_completed: int = field(
        metadata={
            "name": "ScansCompleted",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 0,
        }
    )
    job_created_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCreatedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    job_completed_time: None | datetime = field(
        default=None,
        metadata={
            "name": "JobCompletedTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
    Compact per-job summary used in active-job and history lists.

    :ivar job_id: Device-assigned job number, unique within the device and not reused soon.
    :ivar job_name: User-friendly job name supplied by the client (default may come from
        DefaultScanTicket).
    :ivar job_originating_user_name: Name of the user who submitted the job.
    :ivar job_state: Current (or, in history, final) state of the job.
    :ivar job_state_reasons: List of keywords explaining the job state.
    :ivar scans_completed: Number of images scanned so far (each duplex side counts).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    job_name: str = field(
        metadata={
            "name": "JobName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_originating_user_name: str = field(
        metadata={
            "name": "JobOriginatingUserName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    job_state: JobStateWKVType | str = field(
        metadata={
            "name": "JobState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    job_state_reasons: JobStateReasonsType = field(
        metadata={
            "name": "JobStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scans_completed: int = field(
        metadata={
            "name": "ScansCompleted",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class MediaSideType:
    """
    Media side: ScanRegion, ColorProcessing, Resolution.

    :ivar scan_region: Scan region (wscn:ScanRegionType).
    :ivar color_processing: Color processing (wscn:ColorJobType).
    :ivar resolution: Resolution (wscn:ResolutionPairExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    scan_region: None | ScanRegionType = field(
        default=None,
        metadata={
            "name": "ScanRegion",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    color_processing: None | ColorJobType = field(
        default=None,
        metadata={
            "name": "ColorProcessing",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    resolution: None | ResolutionPairExtType = field(
        default=None,
        metadata={
            "name": "Resolution",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class PlatenType:
    """
    Flatbed capabilities.

    :ivar platen_optical_resolution: Maximum optical resolution of the platen (ppi).
    :ivar platen_resolutions: Supported platen resolutions (independent width/height lists).
    :ivar platen_color: Color modes supported by the platen.
    :ivar platen_minimum_size: Smallest original the platen accepts (1/1000 inch).
    :ivar platen_maximum_size: Largest original the platen accepts (1/1000 inch).
    :ivar other_element:
    :ivar other_attributes:
    """

    platen_optical_resolution: ResolutionPairType = field(
        metadata={
            "name": "PlatenOpticalResolution",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    platen_resolutions: ResolutionsType = field(
        metadata={
            "name": "PlatenResolutions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    platen_color: ColorListType = field(
        metadata={
            "name": "PlatenColor",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    platen_minimum_size: DimensionsType = field(
        metadata={
            "name": "PlatenMinimumSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    platen_maximum_size: DimensionsType = field(
        metadata={
            "name": "PlatenMaximumSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class RetrieveImageRequest(RetrieveImageRequestType):
    """
    Request body asking for the next image of a job.

    :ivar job_id: Id of the job whose next image is wanted.
    :ivar job_token: Token CreateScanJobResponse returned for this job.
    :ivar document_description: Name of the document the client asks for.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ScanAvailableEvent(ScanAvailableEventType):
    """
    Event body: a scan is waiting for this client at the device.

    :ivar client_context: The ClientContext of the chosen ScanDestination, as the client
        subscribed it.
    :ivar scan_identifier: Unique per event; the client repeats it in CreateScanJobRequest.
    :ivar input_source: Where the user placed the document (WDPScan.xsd only; the page does
        not list it).
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ScanDestinations(ScanDestinationsType):
    """
    Extension element of wse:Subscribe for ScanAvailableEvent: the client's destinations.

    :ivar scan_destination: One destination the device may offer its user.
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ScanExposureType:
    """
    Scan exposure: AutoExposure or ExposureSettings (one of them, or none).

    :ivar auto_exposure: Auto exposure (wscn:BoolExtType).
    :ivar exposure_settings: Exposure settings (wscn:ExposureSettingsType).
    :ivar must_honor:
    :ivar other_attributes:
    """

    auto_exposure: None | bool = field(
        default=None,
        metadata={
            "name": "AutoExposure",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    exposure_settings: None | ExposureSettingsType = field(
        default=None,
        metadata={
            "name": "ExposureSettings",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerStatusConditionClearedEvent(ScannerStatusConditionClearedEventType):
    """
    Event body: a previously reported condition has cleared.

    :ivar device_condition_cleared: Id and clear time of the cleared condition.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ScannerStatusConditionEventType:
    """
    Event body: a condition was added or changed.

    :ivar device_condition: One active condition.
    :ivar other_element:
    """

    device_condition: DeviceConditionType = field(
        metadata={
            "name": "DeviceCondition",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class StatusSummaryType:
    """
    Scanner state plus reasons (summary form of ScannerStatus).

    :ivar scanner_state: Overall scanner state (Idle, Processing, Stopped).
    :ivar scanner_state_reasons: List of keywords explaining the scanner state.
    :ivar other_element:
    :ivar other_attributes:
    """

    scanner_state: ScannerStateWKVType | str = field(
        metadata={
            "name": "ScannerState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    scanner_state_reasons: ScannerStateReasonsType = field(
        metadata={
            "name": "ScannerStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ADFType:
    """
    Document feeder capabilities.

    :ivar adfsupports_duplex: Whether the feeder scans both sides.
    :ivar adffront: Capabilities of the feeder front side (always present with ADF).
    :ivar adfback: Capabilities of the feeder back side (duplex feeders only).
    :ivar other_element:
    :ivar other_attributes:
    """

    adfsupports_duplex: bool = field(
        metadata={
            "name": "ADFSupportsDuplex",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    adffront: ADFSideType = field(
        metadata={
            "name": "ADFFront",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    adfback: None | ADFSideType = field(
        default=None,
        metadata={
            "name": "ADFBack",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class JobEndStateEventType:
    """
    Event body: a job finished.

    :ivar job_end_state: Final state record of the job.
    :ivar other_element:
    """

    job_end_state: JobEndStateType = field(
        metadata={
            "name": "JobEndState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
    Event body: a job's status changed.

    :ivar job_status: Status snapshot of one job.
    :ivar other_element:
    """

    job_status: JobStatusType = field(
        metadata={
            "name": "JobStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ListOfSummarysType:
    """
    List of job summaries (may be empty).

    :ivar job_summary: Compact description of one job (id, names, state, reasons, scan
        count).
    :ivar other_attributes:
    """

    job_summary: Sequence[JobSummaryType] = field(
        default_factory=list,
        metadata={
            "name": "JobSummary",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class MediaSidesType:
    """
    Media sides: MediaFront, MediaBack.

    :ivar media_front: Media front (wscn:MediaSideType).
    :ivar media_back: Media back (wscn:MediaSideType).
    :ivar must_honor:
    :ivar other_attributes:
    """

    media_front: MediaSideType = field(
        metadata={
            "name": "MediaFront",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    media_back: None | MediaSideType = field(
        default=None,
        metadata={
            "name": "MediaBack",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    must_honor: None | bool = field(
        default=None,
        metadata={
            "name": "MustHonor",
            "type": "Attribute",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerStatusConditionEvent(ScannerStatusConditionEventType):
    """
    Event body: a condition was added to or changed in ActiveConditions.

    :ivar device_condition: One active condition.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerStatusType:
    """
    Full scanner status: clock, state, reasons, active conditions, history.

    :ivar scanner_current_time: Current time of the device clock (may start at 0001-01-01 at
        power-on).
    :ivar scanner_state: Overall scanner state (Idle, Processing, Stopped).
    :ivar scanner_state_reasons: List of keywords explaining the scanner state.
    :ivar active_conditions: All currently active device conditions.
    :ivar condition_history: Recently cleared device conditions.
    :ivar other_element:
    :ivar other_attributes:
    """

    scanner_current_time: datetime = field(
        metadata={
            "name": "ScannerCurrentTime",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    scanner_state: ScannerStateWKVType | str = field(
        metadata={
            "name": "ScannerState",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "pattern": r"\w+:[\w_\-\.]+",
        }
    )
    scanner_state_reasons: ScannerStateReasonsType = field(
        metadata={
            "name": "ScannerStateReasons",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    active_conditions: ActiveConditionsType = field(
        metadata={
            "name": "ActiveConditions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    condition_history: None | ConditionHistoryType = field(
        default=None,
        metadata={
            "name": "ConditionHistory",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DocumentFinalParametersType:
    """
    Settings the device actually used (same model as DocumentParameters; leaves may carry
    Override/UsedDefault).

    :ivar format: File format of the scanned document (well-known token or vendor MIME-like
        token).
    :ivar compression_quality_factor: Compression quality, 0 (smallest file) to 100 (best
        quality).
    :ivar images_to_transfer: Number of images the device should scan and transfer (0 or
        more).
    :ivar input_source: Where the paper is taken from: Platen, ADF, ADFDuplex or Film.
    :ivar film_scan_mode: Film type to scan; only meaningful when InputSource is Film.
    :ivar content_type: Kind of content on the page (Auto, Text, Photo, Halftone, Mixed),
        used to tune processing.
    :ivar input_size: Size of the input media, or a request to detect it automatically.
    :ivar exposure: Automatic exposure, or explicit contrast, brightness and sharpness
        settings.
    :ivar scaling: Width and height scaling, each 1 to 1000 percent.
    :ivar rotation: Clockwise rotation applied to the scanned image (0, 90, 180 or 270).
    :ivar media_sides: Per-side settings: MediaFront, and MediaBack for duplex scans.
    :ivar other_element:
    :ivar other_attributes:
    """

    format: None | DocumentFormatType = field(
        default=None,
        metadata={
            "name": "Format",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    compression_quality_factor: None | CompressionQualityFactorType = field(
        default=None,
        metadata={
            "name": "CompressionQualityFactor",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    images_to_transfer: None | ImagesToTransferType = field(
        default=None,
        metadata={
            "name": "ImagesToTransfer",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    input_source: None | DocumentInputSourceType = field(
        default=None,
        metadata={
            "name": "InputSource",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    film_scan_mode: None | FilmScanModeType = field(
        default=None,
        metadata={
            "name": "FilmScanMode",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    content_type: None | ContentTypeTicketType = field(
        default=None,
        metadata={
            "name": "ContentType",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    input_size: None | DocumentInputSizeType = field(
        default=None,
        metadata={
            "name": "InputSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    exposure: None | ScanExposureType = field(
        default=None,
        metadata={
            "name": "Exposure",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scaling: None | ScalingType = field(
        default=None,
        metadata={
            "name": "Scaling",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    rotation: None | RotationType = field(
        default=None,
        metadata={
            "name": "Rotation",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    media_sides: None | MediaSidesType = field(
        default=None,
        metadata={
            "name": "MediaSides",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class DocumentParametersType:
    """
    Document parameters: Format, CompressionQualityFactor, ImagesToTransfer, InputSource,
    FilmScanMode, ContentType, InputSize, Exposure, Scaling, Rotation, MediaSides.

    :ivar format: File format of the scanned document (well-known token or vendor MIME-like
        token).
    :ivar compression_quality_factor: Compression quality, 0 (smallest file) to 100 (best
        quality).
    :ivar images_to_transfer: Number of images the device should scan and transfer (0 or
        more).
    :ivar input_source: Where the paper is taken from: Platen, ADF, ADFDuplex or Film.
    :ivar film_scan_mode: Film type to scan; only meaningful when InputSource is Film.
    :ivar content_type: Kind of content on the page (Auto, Text, Photo, Halftone, Mixed),
        used to tune processing.
    :ivar input_size: Size of the input media, or a request to detect it automatically.
    :ivar exposure: Automatic exposure, or explicit contrast, brightness and sharpness
        settings.
    :ivar scaling: Width and height scaling, each 1 to 1000 percent.
    :ivar rotation: Clockwise rotation applied to the scanned image (0, 90, 180 or 270).
    :ivar media_sides: Per-side settings: MediaFront, and MediaBack for duplex scans.
    :ivar other_element:
    :ivar other_attributes:
    """

    format: None | DocumentFormatType = field(
        default=None,
        metadata={
            "name": "Format",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    compression_quality_factor: None | CompressionQualityFactorType = field(
        default=None,
        metadata={
            "name": "CompressionQualityFactor",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    images_to_transfer: None | ImagesToTransferType = field(
        default=None,
        metadata={
            "name": "ImagesToTransfer",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    input_source: None | DocumentInputSourceType = field(
        default=None,
        metadata={
            "name": "InputSource",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    film_scan_mode: None | FilmScanModeType = field(
        default=None,
        metadata={
            "name": "FilmScanMode",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    content_type: None | ContentTypeTicketType = field(
        default=None,
        metadata={
            "name": "ContentType",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    input_size: None | DocumentInputSizeType = field(
        default=None,
        metadata={
            "name": "InputSize",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    exposure: None | ScanExposureType = field(
        default=None,
        metadata={
            "name": "Exposure",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scaling: None | ScalingType = field(
        default=None,
        metadata={
            "name": "Scaling",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    rotation: None | RotationType = field(
        default=None,
        metadata={
            "name": "Rotation",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    media_sides: None | MediaSidesType = field(
        default=None,
        metadata={
            "name": "MediaSides",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class GetActiveJobsResponseType:
    """
    Body of GetActiveJobs response.

    :ivar active_jobs: Summaries of the jobs not yet finished; empty when none are active.
    """

    active_jobs: ListOfSummarysType = field(
        metadata={
            "name": "ActiveJobs",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetJobHistoryResponseType:
    """
    Body of GetJobHistory response.

    :ivar job_history: Summaries of recently finished jobs; empty when the device keeps
        none.
    """

    job_history: ListOfSummarysType = field(
        metadata={
            "name": "JobHistory",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class JobEndStateEvent(JobEndStateEventType):
    """
    Event body: a job has finished.

    :ivar job_end_state: Final state record of the job.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class JobStatusEvent(JobStatusEventType):
    """
    Event body: some JobStatus value of a job changed.

    :ivar job_status: Status snapshot of one job.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ScannerConfigurationType:
    """
    Capabilities of the scanner and its input sources.

    :ivar device_settings: Source-independent supported values for ticket settings.
    :ivar platen: Flatbed capabilities (present only if the device has a platen).
    :ivar adf: Document feeder capabilities (present only if a feeder is installed).
    :ivar film: Film-scanning option capabilities (present only if installed).
    :ivar other_element:
    :ivar other_attributes:
    """

    device_settings: DeviceSettingsType = field(
        metadata={
            "name": "DeviceSettings",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    platen: None | PlatenType = field(
        default=None,
        metadata={
            "name": "Platen",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    adf: None | ADFType = field(
        default=None,
        metadata={
            "name": "ADF",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    film: None | FilmType = field(
        default=None,
        metadata={
            "name": "Film",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerStatusSummaryEvent(ScannerStatusSummaryEventType):
    """
    Event body: the scanner state or its reasons changed.

    :ivar status_summary: Current scanner state and reasons.
    :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class CreateScanJobResponseType:
    """
    Body of CreateScanJob response: the new job's id and token, predicted images, and the
    parameters the device will use.

    :ivar job_id: Id of the new job; not reused soon.
    :ivar job_token: Opaque token paired with JobId; the client presents it in every
        RetrieveImageRequest.
    :ivar image_information: Predicted geometry of the images this job produces.
    :ivar document_final_parameters: Document parameters the device actually applies to this
        job.
    """

    job_id: int = field(
        metadata={
            "name": "JobId",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "min_inclusive": 1,
        }
    )
    job_token: str = field(
        metadata={
            "name": "JobToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    image_information: ImageInformationType = field(
        metadata={
            "name": "ImageInformation",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    document_final_parameters: DocumentFinalParametersType = field(
        metadata={
            "name": "DocumentFinalParameters",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class DocumentsType:
    """
    Final parameters used plus per-document descriptions of a job.

    :ivar document_final_parameters: Settings the device actually applied; leaves may be
        flagged Override/UsedDefault.
    :ivar document: One document produced by the job.
    :ivar other_element:
    :ivar other_attributes:
    """

    document_final_parameters: DocumentFinalParametersType = field(
        metadata={
            "name": "DocumentFinalParameters",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    document: Sequence[DocumentType] = field(
        default_factory=list,
        metadata={
            "name": "Document",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class GetActiveJobsResponse(GetActiveJobsResponseType):
    """
    Response body carrying the active-job summaries.

    :ivar active_jobs: Summaries of the jobs not yet finished; empty when none are active.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class GetJobHistoryResponse(GetJobHistoryResponseType):
    """
    Response body carrying the job-history summaries.

    :ivar job_history: Summaries of recently finished jobs; empty when the device keeps
        none.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ScanTicketType:
    """
    Scan ticket: JobDescription, DocumentParameters.

    :ivar job_description: Job description (wscn:JobDescriptionType).
    :ivar document_parameters: Document parameters (wscn:DocumentParametersType).
    :ivar other_element:
    :ivar other_attributes:
    """

    job_description: JobDescriptionType = field(
        metadata={
            "name": "JobDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    document_parameters: None | DocumentParametersType = field(
        default=None,
        metadata={
            "name": "DocumentParameters",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class CreateScanJobRequestType:
    """
    Body of CreateScanJob request: ScanIdentifier and DestinationToken (device-initiated scan
    only) and the ticket.

    :ivar scan_identifier: Identifier of the ScanAvailableEvent this job answers; present
        when the user started the scan at the device.
    :ivar destination_token: Token the device gave this destination in its
        SubscribeResponse; present with ScanIdentifier.
    :ivar scan_ticket: Job description and processing parameters of the scan job.
    """

    scan_identifier: None | str = field(
        default=None,
        metadata={
            "name": "ScanIdentifier",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        },
    )
    destination_token: None | str = field(
        default=None,
        metadata={
            "name": "DestinationToken",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
            "max_length": 255,
            "white_space": "preserve",
        },
    )
    scan_ticket: ScanTicketType = field(
        metadata={
            "name": "ScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class CreateScanJobResponse(CreateScanJobResponseType):
    """
    Response body: the created job.

    :ivar job_id: Id of the new job; not reused soon.
    :ivar job_token: Opaque token paired with JobId; the client presents it in every
        RetrieveImageRequest.
    :ivar image_information: Predicted geometry of the images this job produces.
    :ivar document_final_parameters: Document parameters the device actually applies to this
        job.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ElementChangesType:
    """
    Complete new copies of the changed scanner sections.

    :ivar scanner_description: Administrative, rarely changing description of the scanner.
    :ivar scanner_configuration: Capabilities of the scanner and each installed input
        source.
    :ivar default_scan_ticket: Ticket holding the device defaults applied when a job omits
        settings.
    :ivar other_element:
    :ivar other_attributes:
    """

    scanner_description: None | ScannerDescriptionType = field(
        default=None,
        metadata={
            "name": "ScannerDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scanner_configuration: None | ScannerConfigurationType = field(
        default=None,
        metadata={
            "name": "ScannerConfiguration",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    default_scan_ticket: None | ScanTicketType = field(
        default=None,
        metadata={
            "name": "DefaultScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class JobElementDataType:
    """
    Data for one requested job section (choice; empty when Valid=false).

    :ivar job_status: Status snapshot of one job.
    :ivar scan_ticket: Job description and processing parameters of a (future or existing)
        scan job.
    :ivar documents: Final parameters used and the list of documents of a job.
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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scan_ticket: None | ScanTicketType = field(
        default=None,
        metadata={
            "name": "ScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    documents: None | DocumentsType = field(
        default=None,
        metadata={
            "name": "Documents",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerElementDataType:
    """
    Data for one requested scanner section (choice; empty when Valid=false).

    :ivar scanner_description: Administrative, rarely changing description of the scanner.
    :ivar scanner_configuration: Capabilities of the scanner and each installed input
        source.
    :ivar scanner_status: Full scanner status: clock, state, reasons, active and past
        conditions.
    :ivar default_scan_ticket: Ticket holding the device defaults applied when a job omits
        settings.
    :ivar other_element:
    :ivar qualified_name:
    :ivar name:
    :ivar qualified_valid:
    :ivar valid:
    :ivar other_attributes:
    """

    scanner_description: None | ScannerDescriptionType = field(
        default=None,
        metadata={
            "name": "ScannerDescription",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scanner_configuration: None | ScannerConfigurationType = field(
        default=None,
        metadata={
            "name": "ScannerConfiguration",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    scanner_status: None | ScannerStatusType = field(
        default=None,
        metadata={
            "name": "ScannerStatus",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        },
    )
    default_scan_ticket: None | ScanTicketType = field(
        default=None,
        metadata={
            "name": "DefaultScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ValidateScanTicketRequestType:
    """
    Body of ValidateScanTicket request: the ticket to check.

    :ivar scan_ticket: Job description and processing parameters of a (future or existing)
        scan job.
    :ivar other_element:
    :ivar other_attributes:
    """

    scan_ticket: ScanTicketType = field(
        metadata={
            "name": "ScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ValidationInfoType:
    """
    Validation verdict, predicted image geometry and (if invalid) a corrected ticket.

    :ivar valid_ticket: True when the submitted ticket is usable unchanged.
    :ivar image_information: Predicted geometry of the images the ticket would produce.
    :ivar valid_scan_ticket: Device-corrected version of an invalid submitted ticket.
    :ivar other_element:
    :ivar other_attributes:
    """

    valid_ticket: bool = field(
        metadata={
            "name": "ValidTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    image_information: ImageInformationType = field(
        metadata={
            "name": "ImageInformation",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )
    valid_scan_ticket: None | ScanTicketType = field(
        default=None,
        metadata={
            "name": "ValidScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class CreateScanJobRequest(CreateScanJobRequestType):
    """
    Request body preparing the device to scan one job.

    :ivar scan_identifier: Identifier of the ScanAvailableEvent this job answers; present
        when the user started the scan at the device.
    :ivar destination_token: Token the device gave this destination in its
        SubscribeResponse; present with ScanIdentifier.
    :ivar scan_ticket: Job description and processing parameters of the scan job.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class JobElementsType:
    """
    One ElementData per requested job section.

    :ivar element_data: Returned data for one requested QName; Name echoes the request,
        Valid says whether it was recognised.
    :ivar other_attributes:
    """

    element_data: Sequence[JobElementDataType] = field(
        default_factory=list,
        metadata={
            "name": "ElementData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerElementsChangeEventType:
    """
    Event body: scanner sections changed.

    :ivar element_changes: Complete new copy of each changed scanner section.
    :ivar other_element:
    """

    element_changes: ElementChangesType = field(
        metadata={
            "name": "ElementChanges",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ScannerElementsType:
    """
    One ElementData per requested scanner section.

    :ivar element_data: Returned data for one requested QName; Name echoes the request,
        Valid says whether it was recognised.
    :ivar other_attributes:
    """

    element_data: Sequence[ScannerElementDataType] = field(
        default_factory=list,
        metadata={
            "name": "ElementData",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class ValidateScanTicketRequest(ValidateScanTicketRequestType):
    """
    Request body submitting a scan ticket for validation without starting a job.

    :ivar scan_ticket: Job description and processing parameters of a (future or existing)
        scan job.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ValidateScanTicketResponseType:
    """
    Body of ValidateScanTicket response.

    :ivar validation_info: Validation verdict, predicted image geometry and, when invalid, a
        corrected ticket.
    :ivar other_element:
    :ivar other_attributes:
    """

    validation_info: ValidationInfoType = field(
        metadata={
            "name": "ValidationInfo",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
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
class GetJobElementsResponseType:
    """
    Body of GetJobElements response.

    :ivar job_elements: One ElementData per requested job section.
    """

    job_elements: JobElementsType = field(
        metadata={
            "name": "JobElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class GetScannerElementsResponseType:
    """
    Body of GetScannerElements response.

    :ivar scanner_elements: One ElementData per requested scanner section.
    """

    scanner_elements: ScannerElementsType = field(
        metadata={
            "name": "ScannerElements",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2006/08/wdp/scan",
        }
    )


@dataclass(slots=True, kw_only=True)
class ScannerElementsChangeEvent(ScannerElementsChangeEventType):
    """
        Event body: ScannerDescription, ScannerConfiguration, DefaultScanTicket or a vendor section
    changed.

        :ivar element_changes: Complete new copy of each changed scanner section.
        :ivar other_element:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class ValidateScanTicketResponse(ValidateScanTicketResponseType):
    """
    Response body carrying the validation result.

    :ivar validation_info: Validation verdict, predicted image geometry and, when invalid, a
        corrected ticket.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class GetJobElementsResponse(GetJobElementsResponseType):
    """
    Response body carrying the requested job sections.

    :ivar job_elements: One ElementData per requested job section.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"


@dataclass(slots=True, kw_only=True)
class GetScannerElementsResponse(GetScannerElementsResponseType):
    """
    Response body carrying the requested scanner sections.

    :ivar scanner_elements: One ElementData per requested scanner section.
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"
