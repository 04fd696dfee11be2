"""WS-Scan (wscn) building blocks, shared by the dsd, wscn and psp samples."""

from dsm_messages.models import wscn

from .common import (
    A4_HEIGHT,
    CONDITION_CLEARED,
    CONDITION_RAISED,
    DEVICE_NOW,
    DEVICE_SCAN_STARTED,
    JAM_CLEARED,
    JAM_RAISED,
    LETTER_HEIGHT,
    LETTER_WIDTH,
    PSP_DISPLAY_NAME,
    USER_NAME,
    dt,
)

__all__ = [
    "adf_side",
    "color_list",
    "default_scan_ticket",
    "dimensions",
    "document_parameters",
    "lamp_warming_condition",
    "media_side",
    "page_image_info",
    "resolution_pair",
    "resolutions",
    "scan_ticket",
    "scanner_configuration",
    "scanner_description",
    "scanner_status",
    "wscn_documents",
    "wscn_job_status",
    "wscn_job_summary",
]

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
