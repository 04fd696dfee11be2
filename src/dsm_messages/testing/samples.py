"""Hand-written, realistic instances of every DSM and WS-Scan message body the models know.

``SAMPLES`` maps the body element's ``"prefix:LocalName"`` (prefixes dsp, dsd, wscn, dsc, psp,
wse, wsd, wsx, soap) to one fully populated instance of its model class. The samples fill in
the optional children the schemas allow (so a serialize/validate/parse round trip exercises
them), repeat children whose maxOccurs is greater than one, mix time stamps with and without
a time zone (the Windows scan server writes server local time without one) and carry vendor
keyword values (``acme:...``) where a value set is vendor-extensible.

Everything is built at import time with plain constructors; the module has no side effects.
"""

from datetime import datetime
from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement
from xsdata.models.datatype import XmlDuration

from dsm_messages.models import (
    dsc,
    dsd,
    dsp,
    emlf,
    fsf,
    psp,
    soap,
    spf,
    spx,
    wsa,
    wscn,
    wsd,
    wsdp,
    wse,
    wsx,
)
from dsm_messages.timestamps import Timestamp

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
# Post-scan instructions (psp) and the three filter configurations
# --------------------------------------------------------------------------------------------


def file_share_config() -> fsf.FileShareConfig:
    """Instructions of the file-share filter: two UNC targets."""
    return fsf.FileShareConfig(
        file_shares=fsf.FileShareType(
            share_unc=[
                "\\\\fs01.contoso.com\\Scans\\Finance",
                "\\\\fs02.contoso.com\\Archive\\Finance\\2026",
            ],
        ),
        other_element=[spx.AllowDeviceFilePathChange(value=False)],
    )


def share_point_config() -> spf.SharePointConfig:
    """Instructions of the SharePoint filter: My Site plus two document libraries."""
    return spf.SharePointConfig(
        save_to_my_site=False,
        save_to_share_point_sites=spf.SharePointSitesType(
            save_to_share_point_site_url=[
                "https://sharepoint.contoso.com/sites/finance/Shared%20Documents/Scans",
                "https://sharepoint.contoso.com/sites/audit/Invoices",
            ],
        ),
    )


def email_config() -> emlf.EmailConfig:
    """Instructions of the e-mail filter: copy to the scan user and two mailboxes."""
    return emlf.EmailConfig(
        send_to_scan_user=True,
        send_to_addresses=emlf.SendToAddressesType(
            email_address=[
                "ap-invoices@contoso.com",
                "finance-archive@contoso.com",
            ],
            can_add_addresses=True,
        ),
    )


def filter_to_process(
    dialect: str, instructions: psp.FilterInstructionType
) -> psp.FilterToProcessType:
    """One psp:Filter: its dialect URI and the dialect's configuration element."""
    return psp.FilterToProcessType(
        dialect=dialect,
        instructions=instructions,
    )


def post_scan_instructions() -> psp.PostScanInstructionsType:
    """Post-scan instructions delivering to a file share, SharePoint and e-mail."""
    return psp.PostScanInstructionsType(
        continue_on_error=True,
        document_root_name="Invoice",
        filters_to_process=psp.FilterToProcessListType(
            filter=[
                filter_to_process(
                    FILESHARE_DIALECT,
                    psp.FilterInstructionType(file_share_config=file_share_config()),
                ),
                filter_to_process(
                    SHAREPOINT_DIALECT,
                    psp.FilterInstructionType(share_point_config=share_point_config()),
                ),
                filter_to_process(
                    EMAIL_DIALECT, psp.FilterInstructionType(email_config=email_config())
                ),
            ],
        ),
        other_element=[spx.AllowDeviceFileNameChange(value=True)],
    )


# --------------------------------------------------------------------------------------------
# WS-Scan (wscn) building blocks, shared by dsd, wscn and psp
# --------------------------------------------------------------------------------------------


def dimensions(width: int, height: int) -> wscn.DimensionsType:
    return wscn.DimensionsType(width=width, height=height)


def resolution_pair(width: int, height: int) -> wscn.ResolutionPairType:
    return wscn.ResolutionPairType(width=width, height=height)


def resolutions(*dpis: int) -> wscn.ResolutionsType:
    return wscn.ResolutionsType(
        widths=wscn.WidthsType(width=[dpi for dpi in dpis]),
        heights=wscn.HeightsType(height=[dpi for dpi in dpis]),
    )


def color_list(*colors: wscn.ColorWKVType | str) -> wscn.ColorListType:
    return wscn.ColorListType(color_entry=[c for c in colors])


def media_side(color: wscn.ColorWKVType, dpi: int, *, final: bool = False) -> wscn.MediaSideType:
    """Settings for one side of a letter-size sheet.

    In a ticket (``final=False``) the client marks what the device must honor; in
    DocumentFinalParameters (``final=True``) the device reports defaults and overrides.
    """
    if final:
        return wscn.MediaSideType(
            scan_region=wscn.ScanRegionType(
                scan_region_xoffset=wscn.OffsetExtType(value=0, override=False, used_default=True),
                scan_region_yoffset=wscn.OffsetExtType(value=0, used_default=True),
                scan_region_width=wscn.DimensionExtType(
                    value=LETTER_WIDTH, override=False, used_default=False
                ),
                scan_region_height=wscn.DimensionExtType(value=LETTER_HEIGHT, override=False),
            ),
            color_processing=wscn.ColorJobType(value=color, override=False, used_default=False),
            resolution=wscn.ResolutionPairExtType(width=dpi, height=dpi),
        )
    return wscn.MediaSideType(
        scan_region=wscn.ScanRegionType(
            scan_region_xoffset=wscn.OffsetExtType(value=0, must_honor=False),
            scan_region_yoffset=wscn.OffsetExtType(value=0, must_honor=False),
            scan_region_width=wscn.DimensionExtType(value=LETTER_WIDTH, must_honor=True),
            scan_region_height=wscn.DimensionExtType(value=LETTER_HEIGHT, must_honor=True),
        ),
        color_processing=wscn.ColorJobType(value=color, must_honor=True),
        resolution=wscn.ResolutionPairExtType(width=dpi, height=dpi, must_honor=True),
    )


def document_parameters() -> wscn.DocumentParametersType:
    """Every DocumentParameters child: duplex ADF, colour PDF/A at 300 dpi."""
    return wscn.DocumentParametersType(
        format=wscn.DocumentFormatType(value=wscn.DocumentFormatWKVType.PDF_A, must_honor=True),
        compression_quality_factor=wscn.CompressionQualityFactorType(value=85, must_honor=False),
        images_to_transfer=wscn.ImagesToTransferType(value=0, must_honor=False),
        input_source=wscn.DocumentInputSourceType(
            value=wscn.DocumentInputSourceWKVType.ADFDUPLEX, must_honor=True
        ),
        film_scan_mode=wscn.FilmScanModeType(
            value=wscn.FilmScanModeWKVType.NOT_APPLICABLE, must_honor=False
        ),
        content_type=wscn.ContentTypeTicketType(
            value=wscn.ContentTypeWKVType.MIXED, must_honor=False
        ),
        input_size=wscn.DocumentInputSizeType(
            input_media_size=dimensions(LETTER_WIDTH, LETTER_HEIGHT), must_honor=False
        ),
        exposure=wscn.ScanExposureType(
            exposure_settings=wscn.ExposureSettingsType(
                contrast=wscn.Adjustment1000Type(value=0),
                brightness=wscn.Adjustment1000Type(value=-50),
                sharpness=wscn.Adjustment100Type(value=10),
            ),
            must_honor=False,
        ),
        scaling=wscn.ScalingType(
            scaling_width=wscn.ScalingRangeType(value=100),
            scaling_height=wscn.ScalingRangeType(value=100),
            must_honor=False,
        ),
        rotation=wscn.RotationType(value=wscn.RotationWKVType.VALUE_0, must_honor=False),
        media_sides=wscn.MediaSidesType(
            media_front=media_side(wscn.ColorWKVType.RGB24, 300),
            media_back=media_side(wscn.ColorWKVType.RGB24, 300),
            must_honor=True,
        ),
    )


def scan_ticket() -> wscn.ScanTicketType:
    """The scan ticket of the 'Scan to Finance' scan process."""
    return wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(
            job_name=PSP_DISPLAY_NAME,
            job_originating_user_name=USER_NAME,
            job_information="Supplier invoices, March 2026",
        ),
        document_parameters=document_parameters(),
    )


def default_scan_ticket() -> wscn.ScanTicketType:
    """The device's default ticket: platen, auto exposure and auto size, grayscale."""
    return wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(
            job_name="Scan",
            job_originating_user_name="Walk-up user",
        ),
        document_parameters=wscn.DocumentParametersType(
            format=wscn.DocumentFormatType(value=wscn.DocumentFormatWKVType.JFIF),
            compression_quality_factor=wscn.CompressionQualityFactorType(value=75),
            images_to_transfer=wscn.ImagesToTransferType(value=1),
            input_source=wscn.DocumentInputSourceType(
                value=wscn.DocumentInputSourceWKVType.PLATEN
            ),
            content_type=wscn.ContentTypeTicketType(value=wscn.ContentTypeWKVType.AUTO),
            input_size=wscn.DocumentInputSizeType(document_size_auto_detect=True),
            exposure=wscn.ScanExposureType(auto_exposure=True),
            media_sides=wscn.MediaSidesType(
                media_front=media_side(wscn.ColorWKVType.GRAYSCALE8, 200),
            ),
        ),
    )


def scanner_description() -> wscn.ScannerDescriptionType:
    return wscn.ScannerDescriptionType(
        scanner_name=[
            wscn.LocalizedStringType(value="Contoso ScanStation 5200", lang="en"),
            wscn.LocalizedStringType(value="Contoso ScanStation 5200 (Buchhaltung)", lang="de"),
        ],
        scanner_info=[
            wscn.LocalizedStringType(value="Duplex ADF, 60 ppm, film adapter", lang="en"),
        ],
        scanner_location=[
            wscn.LocalizedStringType(value="Building 4, 2nd floor, copy room 4.212", lang="en"),
            wscn.LocalizedStringType(value="Geb\u00e4ude 4, 2. OG, Kopierraum 4.212", lang="de"),
        ],
    )


def adf_side() -> wscn.ADFSideType:
    return wscn.ADFSideType(
        adfoptical_resolution=resolution_pair(600, 600),
        adfresolutions=resolutions(150, 200, 300, 600),
        adfcolor=color_list(
            wscn.ColorWKVType.BLACK_AND_WHITE1,
            wscn.ColorWKVType.GRAYSCALE8,
            wscn.ColorWKVType.RGB24,
        ),
        adfminimum_size=dimensions(2000, 2800),
        adfmaximum_size=dimensions(LETTER_WIDTH, 14000),
    )


def scanner_configuration() -> wscn.ScannerConfigurationType:
    """A flatbed with duplex ADF and a film adapter."""
    return wscn.ScannerConfigurationType(
        device_settings=wscn.DeviceSettingsType(
            formats_supported=wscn.FormatsSupportedType(
                format_value=[
                    wscn.DocumentFormatWKVType.PDF_A,
                    wscn.DocumentFormatWKVType.JFIF,
                    wscn.DocumentFormatWKVType.TIFF_MULTI_G4,
                    wscn.DocumentFormatWKVType.XPS,
                    "acme:pdf-searchable",
                ],
            ),
            compression_quality_factor_supported=wscn.CompressionQualityFactorSupportedType(
                min_value=1, max_value=100
            ),
            content_types_supported=wscn.ContentTypesSupportedType(
                content_type_value=[
                    wscn.ContentTypeWKVType.AUTO,
                    wscn.ContentTypeWKVType.TEXT,
                    wscn.ContentTypeWKVType.PHOTO,
                    wscn.ContentTypeWKVType.MIXED,
                ],
            ),
            document_size_auto_detect_supported=True,
            auto_exposure_supported=True,
            brightness_supported=True,
            contrast_supported=True,
            scaling_range_supported=wscn.ScalingRangeSupportedType(
                scaling_width=wscn.RangeType(min_value=25, max_value=400),
                scaling_height=wscn.RangeType(min_value=25, max_value=400),
            ),
            rotations_supported=wscn.RotationsSupportedType(
                rotation_value=[
                    wscn.RotationWKVType.VALUE_0,
                    wscn.RotationWKVType.VALUE_90,
                    wscn.RotationWKVType.VALUE_180,
                    wscn.RotationWKVType.VALUE_270,
                ],
            ),
        ),
        platen=wscn.PlatenType(
            platen_optical_resolution=resolution_pair(1200, 1200),
            platen_resolutions=resolutions(75, 150, 300, 600, 1200),
            platen_color=color_list(
                wscn.ColorWKVType.BLACK_AND_WHITE1,
                wscn.ColorWKVType.GRAYSCALE8,
                wscn.ColorWKVType.GRAYSCALE16,
                wscn.ColorWKVType.RGB24,
                wscn.ColorWKVType.RGB48,
            ),
            platen_minimum_size=dimensions(1, 1),
            platen_maximum_size=dimensions(LETTER_WIDTH, A4_HEIGHT),
        ),
        adf=wscn.ADFType(
            adfsupports_duplex=True,
            adffront=adf_side(),
            adfback=adf_side(),
        ),
        film=wscn.FilmType(
            film_scan_modes_supported=wscn.FilmScanModesSupportedType(
                film_scan_mode_value=[
                    wscn.FilmScanModeWKVType.COLOR_SLIDE_FILM,
                    wscn.FilmScanModeWKVType.COLOR_NEGATIVE_FILM,
                ],
            ),
            film_optical_resolution=resolution_pair(4800, 4800),
            film_resolutions=resolutions(1200, 2400, 4800),
            film_color=color_list(wscn.ColorWKVType.RGB24, wscn.ColorWKVType.RGB48),
            film_minimum_size=dimensions(500, 500),
            film_maximum_size=dimensions(1417, 945),  # 35 mm frame
        ),
    )


def lamp_warming_condition() -> wscn.DeviceConditionType:
    """Active condition: the platen lamp is warming up (unqualified Id attribute)."""
    return wscn.DeviceConditionType(
        time=dt(CONDITION_RAISED),
        name=wscn.DeviceConditionNameWKVType.LAMP_WARMING,
        component=wscn.ComponentWKVType.PLATEN,
        severity=wscn.SeverityWKVType.INFORMATIONAL,
        id=12,
    )


def scanner_status() -> wscn.ScannerStatusType:
    return wscn.ScannerStatusType(
        scanner_current_time=dt(DEVICE_NOW),
        scanner_state=wscn.ScannerStateWKVType.PROCESSING,
        scanner_state_reasons=wscn.ScannerStateReasonsType(
            scanner_state_reason=[
                wscn.ScannerStateReasonWKVType.LAMP_WARMING,
                "acme:Warming",
            ],
        ),
        active_conditions=wscn.ActiveConditionsType(
            device_condition=[
                lamp_warming_condition(),
                wscn.DeviceConditionType(
                    time=dt(DEVICE_SCAN_STARTED),
                    name="acme:FeedRollerWorn",
                    component=wscn.ComponentWKVType.ADF,
                    severity=wscn.SeverityWKVType.WARNING,
                    id=13,
                ),
            ],
        ),
        condition_history=wscn.ConditionHistoryType(
            condition_history_entry=[
                wscn.ConditionHistoryEntryType(
                    time=dt(JAM_RAISED),
                    name=wscn.DeviceConditionNameWKVType.MEDIA_JAM,
                    component=wscn.ComponentWKVType.MEDIA_PATH,
                    severity=wscn.SeverityWKVType.CRITICAL,
                    clear_time=dt(JAM_CLEARED),
                    id=9,
                ),
                wscn.ConditionHistoryEntryType(
                    time=dt(CONDITION_RAISED),
                    name=wscn.DeviceConditionNameWKVType.COVER_OPEN,
                    component=wscn.ComponentWKVType.ADF,
                    severity=wscn.SeverityWKVType.WARNING,
                    clear_time=dt(CONDITION_CLEARED),
                    id=11,
                ),
            ],
        ),
    )


def wscn_job_status(
    job_id: int,
    state: wscn.JobStateWKVType | str,
    reasons: list[wscn.JobStateReasonWKVType | str],
    scans_completed: int,
    *,
    completed: str | None = None,
) -> wscn.JobStatusType:
    """Status of a WS-Scan job on the device."""
    return wscn.JobStatusType(
        job_id=job_id,
        job_state=state,
        job_state_reasons=wscn.JobStateReasonsType(job_state_reason=[r for r in reasons]),
        scans_completed=scans_completed,
        job_created_time=dt(DEVICE_SCAN_STARTED),
        job_completed_time=None if completed is None else dt(completed),
    )


def wscn_job_summary(
    job_id: int,
    name: str,
    user: str,
    state: wscn.JobStateWKVType | str,
    reasons: list[wscn.JobStateReasonWKVType | str],
    scans_completed: int,
) -> wscn.JobSummaryType:
    return wscn.JobSummaryType(
        job_id=job_id,
        job_name=name,
        job_originating_user_name=user,
        job_state=state,
        job_state_reasons=wscn.JobStateReasonsType(job_state_reason=[r for r in reasons]),
        scans_completed=scans_completed,
    )


def wscn_documents() -> wscn.DocumentsType:
    """Final parameters the device used (with Override/UsedDefault) and two documents."""
    return wscn.DocumentsType(
        document_final_parameters=wscn.DocumentFinalParametersType(
            format=wscn.DocumentFormatType(
                value=wscn.DocumentFormatWKVType.PDF_A, override=False, used_default=False
            ),
            compression_quality_factor=wscn.CompressionQualityFactorType(
                value=80, override=True, used_default=False
            ),
            images_to_transfer=wscn.ImagesToTransferType(
                value=2, override=False, used_default=False
            ),
            input_source=wscn.DocumentInputSourceType(
                value=wscn.DocumentInputSourceWKVType.ADFDUPLEX, override=False, used_default=False
            ),
            film_scan_mode=wscn.FilmScanModeType(
                value=wscn.FilmScanModeWKVType.NOT_APPLICABLE, override=False, used_default=True
            ),
            content_type=wscn.ContentTypeTicketType(
                value=wscn.ContentTypeWKVType.MIXED, override=False, used_default=False
            ),
            input_size=wscn.DocumentInputSizeType(
                input_media_size=dimensions(LETTER_WIDTH, LETTER_HEIGHT)
            ),
            exposure=wscn.ScanExposureType(
                exposure_settings=wscn.ExposureSettingsType(
                    contrast=wscn.Adjustment1000Type(value=0, override=False, used_default=True),
                    brightness=wscn.Adjustment1000Type(value=-50),
                    sharpness=wscn.Adjustment100Type(value=0, override=True, used_default=False),
                ),
            ),
            scaling=wscn.ScalingType(
                scaling_width=wscn.ScalingRangeType(value=100, used_default=True),
                scaling_height=wscn.ScalingRangeType(value=100, override=False),
            ),
            rotation=wscn.RotationType(
                value=wscn.RotationWKVType.VALUE_0, override=False, used_default=True
            ),
            media_sides=wscn.MediaSidesType(
                media_front=media_side(wscn.ColorWKVType.RGB24, 300, final=True),
                media_back=media_side(wscn.ColorWKVType.RGB24, 300, final=True),
            ),
        ),
        document=[
            wscn.DocumentType(
                document_description=wscn.DocumentDescriptionType(
                    document_name="Invoice_0001.pdf"
                ),
            ),
            wscn.DocumentType(
                document_description=wscn.DocumentDescriptionType(
                    document_name="Invoice_0002.pdf"
                ),
            ),
        ],
    )


def page_image_info() -> wscn.MediaSideImageInfoType:
    """Letter page at 300 dpi, RGB24."""
    return wscn.MediaSideImageInfoType(
        pixels_per_line=2550,
        number_of_lines=3300,
        bytes_per_line=7650,
    )


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


# --------------------------------------------------------------------------------------------
# The samples
# --------------------------------------------------------------------------------------------

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

_PSP: dict[str, object] = {
    "psp:PostScanProcess": psp.PostScanProcess(
        scan_repository=SCAN_SERVER,
        scan_ticket=scan_ticket(),
        post_scan_instructions=post_scan_instructions(),
    ),
}

_WSE: dict[str, object] = {
    "wse:Subscribe": wse.Subscribe(
        end_to=wsa.EndpointReferenceType(
            address=wsa.AttributedURI(value=SCAN_SERVER_EVENT_SINK),
            reference_properties=wsa.ReferencePropertiesType(
                any_element=[
                    AnyElement(qname=f"{{{ACME_NS}}}DeviceSerial", text="CNB7K42190"),
                ],
            ),
            reference_parameters=wsa.ReferenceParametersType(
                any_element=[wse.Identifier(value=NOTIFY_ID)]
            ),
            port_type=wsa.AttributedQName(value=QName(ACME_NS, "ScanDeviceEventSinkPortType")),
            service_name=wsa.ServiceNameType(
                value=QName(ACME_NS, "ScanDeviceEventSink"), port_name="SoapHttp"
            ),
        ),
        delivery=wse.DeliveryType(
            notify_to=wse.NotifyTo(
                address=wsa.AttributedURI(value=SCAN_SERVER_EVENT_SINK),
                reference_parameters=wsa.ReferenceParametersType(
                    any_element=[wse.Identifier(value=NOTIFY_ID)]
                ),
            ),
            mode=PUSH_DELIVERY_MODE,
        ),
        expires=wse.ExpirationType(value=XmlDuration("PT1H")),
        filter=wse.FilterType(
            value=f"{POST_SCAN_JOB_STATUS_EVENT} {POST_SCAN_JOB_END_STATE_EVENT}",
            dialect=ACTION_DIALECT,
        ),
    ),
    "wse:SubscribeResponse": wse.SubscribeResponse(
        subscription_manager=subscription_manager(),
        expires=wse.ExpirationType(value=XmlDuration("PT1H")),
    ),
    "wse:Renew": wse.Renew(expires=wse.ExpirationType(value=dt(RENEW_UNTIL))),
    "wse:RenewResponse": wse.RenewResponse(expires=wse.ExpirationType(value=dt(RENEW_UNTIL))),
    "wse:GetStatus": wse.GetStatus(),
    "wse:GetStatusResponse": wse.GetStatusResponse(
        expires=wse.ExpirationType(value=XmlDuration("PT42M17S")),
    ),
    "wse:Unsubscribe": wse.Unsubscribe(),
    "wse:SubscriptionEnd": wse.SubscriptionEnd(
        subscription_manager=subscription_manager(),
        status=wse.SubscriptionEndCodeType.WSE_SOURCE_SHUTTING_DOWN,
        reason=[
            wse.LanguageSpecificStringType(
                value="The Distributed Scan Server service is stopping.", lang="en"
            ),
            wse.LanguageSpecificStringType(
                value="Der Dienst Verteilter Scanserver wird beendet.", lang="de"
            ),
        ],
    ),
}

_SOAP: dict[str, object] = {
    "soap:Fault": soap.Fault(
        code=soap.FaultCodeType(
            value=soap.FaultCodeEnum.SOAP_RECEIVER,
            subcode=soap.SubcodeType(
                value=QName(DSP_NS, "OperationFailed"),
                subcode=soap.SubcodeType(value=QName(ACME_NS, "ScanProcessAccessDenied")),
            ),
        ),
        reason=soap.FaultReasonType(
            text=[
                soap.ReasonTextType(
                    value="The post-scan job could not be created: access to the scan "
                    "process was denied.",
                    lang="en",
                ),
            ],
        ),
        node=f"https://{SCAN_SERVER}:5358/DistributedScan/Processing",
        role="http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
        detail=soap.DetailType(
            any_element=[
                # text="" (not the default None): xsdata parses a wildcard element that has
                # no text of its own to an AnyElement with text "", so that is its canonical,
                # round-trippable form.
                AnyElement(
                    qname=f"{{{ACME_NS}}}ErrorInfo",
                    text="",
                    children=[
                        AnyElement(qname=f"{{{ACME_NS}}}HResult", text="0x80070005"),
                        AnyElement(qname=f"{{{ACME_NS}}}JobToken", text=JOB_TOKEN),
                    ],
                ),
            ],
        ),
    ),
}

# --------------------------------------------------------------------------------------------
# WS-Discovery and the DPWS metadata a scan client reads to find the scan service
# --------------------------------------------------------------------------------------------

WSDP_NS = "http://schemas.xmlsoap.org/ws/2006/02/devprof"
PRINT_NS = "http://schemas.microsoft.com/windows/2006/08/wdp/print"
PNPX_NS = "http://schemas.microsoft.com/windows/pnpx/2005/10"
DEVICE_ID = "urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946"
DEVICE_XADDR = "http://10.0.4.51:5357/6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/"
SCANNER_SERVICE = "http://10.0.4.51:5358/WSDScanner"
SCANNER_SERVICE_V6 = "http://[fe80::2a0:c9ff:fe14:2b3a]:5358/WSDScanner"
PRINTER_SERVICE = "http://10.0.4.51:5358/WSDPrinter"
DEVICE_TYPES = [QName(WSDP_NS, "Device"), QName(WSCN_NS, "ScanDeviceType")]
SCOPE = "ldap:///ou=floor3,ou=finance,o=contoso"
MATCH_BY_PREFIX = "http://schemas.xmlsoap.org/ws/2005/04/discovery/rfc2396"


def device_reference() -> wsa.EndpointReference:
    return wsa.EndpointReference(address=wsa.AttributedURI(value=DEVICE_ID))


def scopes() -> wsd.ScopesType:
    return wsd.ScopesType(value=[SCOPE], match_by=MATCH_BY_PREFIX)


def metadata_section(dialect: str, content: object) -> wsx.MetadataSectionType:
    return wsx.MetadataSectionType(other_element=content, dialect=f"{WSDP_NS}/{dialect}")


_DISCOVERY: dict[str, object] = {
    "wsd:Hello": wsd.Hello(
        endpoint_reference=device_reference(),
        types=DEVICE_TYPES,
        scopes=scopes(),
        xaddrs=[DEVICE_XADDR],
        metadata_version=3,
    ),
    "wsd:Bye": wsd.Bye(endpoint_reference=device_reference()),
    "wsd:Probe": wsd.Probe(types=[QName(WSCN_NS, "ScanDeviceType")], scopes=scopes()),
    "wsd:ProbeMatches": wsd.ProbeMatches(
        probe_match=[
            wsd.ProbeMatchType(
                endpoint_reference=device_reference(),
                types=DEVICE_TYPES,
                scopes=scopes(),
                xaddrs=[DEVICE_XADDR, "http://[fe80::2a0:c9ff:fe14:2b3a]:5357/6b1e2f4a/"],
                metadata_version=3,
            ),
            wsd.ProbeMatchType(
                endpoint_reference=wsa.EndpointReference(
                    address=wsa.AttributedURI(
                        value="urn:uuid:0c9d4e7b-2a61-4f38-b5d0-e3a71c82f965"
                    )
                ),
                types=[QName(WSDP_NS, "Device"), QName(PRINT_NS, "PrintDeviceType")],
                xaddrs=["http://10.0.4.52:5357/0c9d4e7b/"],
                metadata_version=1,
            ),
        ],
    ),
    "wsd:Resolve": wsd.Resolve(endpoint_reference=device_reference()),
    "wsd:ResolveMatches": wsd.ResolveMatches(
        resolve_match=wsd.ResolveMatchType(
            endpoint_reference=device_reference(),
            types=DEVICE_TYPES,
            xaddrs=[DEVICE_XADDR],
            metadata_version=3,
        ),
    ),
    "wsx:Metadata": wsx.Metadata(
        metadata_section=[
            metadata_section(
                "ThisModel",
                wsdp.ThisModel(
                    manufacturer=[
                        wsdp.LocalizedStringType(value="Contoso Imaging", lang="en"),
                        wsdp.LocalizedStringType(value="Contoso Bildverarbeitung", lang="de"),
                    ],
                    manufacturer_url="https://imaging.contoso.example/",
                    model_name=[wsdp.LocalizedStringType(value="ScanStation 4200")],
                    model_number="SS-4200",
                    model_url="https://imaging.contoso.example/ss4200",
                    presentation_url="http://10.0.4.51/",
                    other_element=[
                        AnyElement(qname=f"{{{PNPX_NS}}}DeviceCategory", text="Scanners"),
                    ],
                ),
            ),
            metadata_section(
                "ThisDevice",
                wsdp.ThisDevice(
                    friendly_name=[wsdp.LocalizedStringType(value="Finance scanner, floor 3")],
                    firmware_version="4.2.17",
                    serial_number="CNB7K42190",
                ),
            ),
            metadata_section(
                "Relationship",
                wsdp.Relationship(
                    type_value=f"{WSDP_NS}/host",
                    host=wsdp.Host(
                        endpoint_reference=device_reference(),
                        types=DEVICE_TYPES,
                        service_id=DEVICE_ID,
                    ),
                    hosted=[
                        wsdp.Hosted(
                            endpoint_reference=[
                                wsa.EndpointReference(
                                    address=wsa.AttributedURI(value=SCANNER_SERVICE)
                                ),
                                wsa.EndpointReference(
                                    address=wsa.AttributedURI(value=SCANNER_SERVICE_V6)
                                ),
                            ],
                            types=[QName(WSCN_NS, "ScannerServiceType")],
                            service_id="urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/scan",
                            other_element=[
                                AnyElement(
                                    qname=f"{{{PNPX_NS}}}CompatibleId",
                                    text=f"{WSCN_NS}/ScannerServiceType",
                                ),
                            ],
                        ),
                        wsdp.Hosted(
                            endpoint_reference=[
                                wsa.EndpointReference(
                                    address=wsa.AttributedURI(value=PRINTER_SERVICE)
                                ),
                            ],
                            types=[QName(PRINT_NS, "PrinterServiceType")],
                            service_id="urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/print",
                        ),
                    ],
                ),
            ),
        ],
    ),
}

SAMPLES: dict[str, object] = {
    **_DSP,
    **_DSD,
    **_WSCN,
    **_WSCN_SCAN,
    **_DSC,
    **_PSP,
    **_WSE,
    **_DISCOVERY,
    **_SOAP,
}
