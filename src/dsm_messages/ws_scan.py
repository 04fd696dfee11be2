"""A WS-Scan device's answers built from a few plain values, and a scan ticket's meaning read as
plain values.

The WS-Scan models mirror the schema: a ``ScannerConfiguration`` needs all nine
``DeviceSettings`` children, a ticket's values sit in wrappers that carry ``MustHonor`` and its
kin. The builders here take plain values with documented defaults (sizes in thousandths of an
inch, resolutions in dots per inch, value sets as their schema keywords, such as ``"jfif"``,
``"RGB24"``, ``"ADF"``); :func:`ticket_settings` reads what a ticket asks for, each value the
ticket leaves out taken from the device's default ticket.

>>> config = scanner_configuration(formats=("jfif", "png"), adf=Source())
>>> [str(name) for name in config.device_settings.formats_supported.format_value]
['jfif', 'png']
>>> ticket = default_scan_ticket(input_source="ADF", color="Grayscale8", resolution=200)
>>> settings = ticket_settings(ticket)
>>> settings.input_source, settings.format, settings.color, settings.resolution
('ADF', 'jfif', 'Grayscale8', (200, 200))
>>> settings.region, settings.pixels
(Region(x_offset=0, y_offset=0, width=8500, height=11000), (1700, 2200))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TypeVar
from xml.etree.ElementTree import QName

import attrs

from .models import wscn
from .namespaces import WSCN

__all__ = [
    "LETTER",
    "Region",
    "Source",
    "TicketSettings",
    "default_scan_ticket",
    "final_parameters",
    "job_elements",
    "scanner_configuration",
    "scanner_description",
    "scanner_elements",
    "scanner_status",
    "ticket_settings",
]

#: A US Letter sheet, (width, height) in thousandths of an inch.
LETTER = (8500, 11000)


@attrs.frozen(kw_only=True)
class Source:
    """What one input source (the platen, or each side of the feeder) can scan: resolutions
    in dpi (the same across and down), colour modes, the smallest and largest area (width,
    height in thousandths of an inch) and its optical resolution (the highest one listed
    unless given).

    :param resolutions: the resolutions it scans at, in dots per inch.
    :param colors: its colour modes, as the schema spells them (``"RGB24"``).
    :param minimum_size: the smallest area it scans, (width, height) in thousandths of an
        inch.
    :param maximum_size: the largest area it scans, likewise.
    :param optical_resolution: its optical resolution in dpi; the highest of
        ``resolutions`` unless given.
    """

    resolutions: tuple[int, ...] = (75, 150, 300, 600)
    colors: tuple[str, ...] = ("BlackAndWhite1", "Grayscale8", "RGB24")
    minimum_size: tuple[int, int] = (1, 1)
    maximum_size: tuple[int, int] = LETTER
    optical_resolution: int | None = None


@attrs.frozen
class Region:
    """A scan region: offsets and size in thousandths of an inch.

    :param x_offset: from the left edge.
    :param y_offset: from the top edge.
    :param width: across.
    :param height: down.
    """

    x_offset: int
    y_offset: int
    width: int
    height: int


def scanner_configuration(
    *,
    formats: Sequence[str] = ("jfif",),
    platen: Source | None = Source(),
    adf: Source | None = None,
    adf_back: Source | None = None,
    duplex: bool = False,
    content_types: Sequence[str] = ("Auto",),
    compression_quality: tuple[int, int] = (1, 100),
    document_size_auto_detect: bool = False,
    auto_exposure: bool = False,
    brightness: bool = False,
    contrast: bool = False,
    scaling: tuple[int, int] = (100, 100),
    rotations: Sequence[int] = (0,),
) -> wscn.ScannerConfigurationType:
    """A ``ScannerConfiguration``: the device settings (``formats`` it writes, ``content_types``
    it tells apart, the ``compression_quality`` and ``scaling`` percent ranges it takes, the
    ``rotations`` in degrees, and whether it detects the document size, sets the exposure
    itself and adjusts brightness and contrast), a ``platen`` (``None``: none) and an ``adf``
    (its front side; ``adf_back``, the back side when it differs; ``duplex``: it scans both).

    :param formats: the file formats it writes, as the schema spells them (``"jfif"``).
    :param platen: what its platen scans; ``None`` when it has none.
    :param adf: what its document feeder scans (the front side); ``None`` when it has none.
    :param adf_back: what the feeder scans on the back side, when it differs from the front.
    :param duplex: whether the feeder scans both sides.
    :param content_types: the kinds of original it tells apart (``"Auto"``, ``"Text"``...).
    :param compression_quality: the range of compression quality factors it takes.
    :param document_size_auto_detect: whether it detects the size of the original.
    :param auto_exposure: whether it sets the exposure itself.
    :param brightness: whether it adjusts brightness.
    :param contrast: whether it adjusts contrast.
    :param scaling: the range of scaling it takes, in percent (across and down alike).
    :param rotations: the rotations it takes, in degrees.
    """
    settings = wscn.DeviceSettingsType(
        formats_supported=wscn.FormatsSupportedType(format_value=list(formats)),
        compression_quality_factor_supported=wscn.CompressionQualityFactorSupportedType(
            min_value=compression_quality[0], max_value=compression_quality[1]
        ),
        content_types_supported=wscn.ContentTypesSupportedType(
            content_type_value=list(content_types)
        ),
        document_size_auto_detect_supported=document_size_auto_detect,
        auto_exposure_supported=auto_exposure,
        brightness_supported=brightness,
        contrast_supported=contrast,
        scaling_range_supported=wscn.ScalingRangeSupportedType(
            scaling_width=wscn.RangeType(min_value=scaling[0], max_value=scaling[1]),
            scaling_height=wscn.RangeType(min_value=scaling[0], max_value=scaling[1]),
        ),
        rotations_supported=wscn.RotationsSupportedType(
            rotation_value=[str(rotation) for rotation in rotations]
        ),
    )
    return wscn.ScannerConfigurationType(
        device_settings=settings,
        platen=None if platen is None else _platen(platen),
        adf=None
        if adf is None
        else wscn.ADFType(
            adfsupports_duplex=duplex,
            adffront=_adf_side(adf),
            adfback=None if adf_back is None else _adf_side(adf_back),
        ),
    )


def _platen(source: Source) -> wscn.PlatenType:
    optical, resolutions, colors, smallest, largest = _capabilities(source)
    return wscn.PlatenType(
        platen_optical_resolution=optical,
        platen_resolutions=resolutions,
        platen_color=colors,
        platen_minimum_size=smallest,
        platen_maximum_size=largest,
    )


def _adf_side(source: Source) -> wscn.ADFSideType:
    optical, resolutions, colors, smallest, largest = _capabilities(source)
    return wscn.ADFSideType(
        adfoptical_resolution=optical,
        adfresolutions=resolutions,
        adfcolor=colors,
        adfminimum_size=smallest,
        adfmaximum_size=largest,
    )


def _capabilities(
    source: Source,
) -> tuple[
    wscn.ResolutionPairType,
    wscn.ResolutionsType,
    wscn.ColorListType,
    wscn.DimensionsType,
    wscn.DimensionsType,
]:
    """The five values a platen and an ADF side both give."""
    optical = source.optical_resolution or max(source.resolutions)
    return (
        wscn.ResolutionPairType(width=optical, height=optical),
        wscn.ResolutionsType(
            widths=wscn.WidthsType(width=list(source.resolutions)),
            heights=wscn.HeightsType(height=list(source.resolutions)),
        ),
        wscn.ColorListType(color_entry=list(source.colors)),
        wscn.DimensionsType(width=source.minimum_size[0], height=source.minimum_size[1]),
        wscn.DimensionsType(width=source.maximum_size[0], height=source.maximum_size[1]),
    )


def scanner_description(
    name: str, *, info: str | None = None, location: str | None = None, lang: str = "en"
) -> wscn.ScannerDescriptionType:
    """A ``ScannerDescription``: the scanner's name, and what and where it is, in ``lang``.

    :param name: the scanner's name.
    :param info: what it is, in words.
    :param location: where it is.
    :param lang: the language of the three texts.
    """

    def localized(text: str | None) -> list[wscn.LocalizedStringType]:
        return [] if text is None else [wscn.LocalizedStringType(value=text, lang=lang)]

    return wscn.ScannerDescriptionType(
        scanner_name=localized(name),
        scanner_info=localized(info),
        scanner_location=localized(location),
    )


def scanner_status(
    state: str = "Idle",
    reasons: Sequence[str] = ("None",),
    *,
    now: datetime | None = None,
    conditions: Sequence[wscn.DeviceConditionType] = (),
) -> wscn.ScannerStatusType:
    """A ``ScannerStatus``: the scanner's ``state`` (Idle, Processing or Stopped) and its
    ``reasons``, the device's clock (``now``, the current UTC time unless given) and its
    active ``conditions``.

    :param state: ``"Idle"``, ``"Processing"`` or ``"Stopped"``.
    :param reasons: why it is in that state, as the schema spells them.
    :param now: the device's current time; the current UTC time unless given.
    :param conditions: its active conditions (a paper jam, an open cover).
    """
    return wscn.ScannerStatusType(
        scanner_current_time=datetime.now(UTC) if now is None else now,
        scanner_state=state,
        scanner_state_reasons=wscn.ScannerStateReasonsType(scanner_state_reason=list(reasons)),
        active_conditions=wscn.ActiveConditionsType(device_condition=list(conditions)),
    )


def default_scan_ticket(
    *,
    input_source: str = "Platen",
    format: str = "jfif",
    color: str = "RGB24",
    resolution: int | tuple[int, int] = 300,
    region: Region = Region(0, 0, *LETTER),
    images_to_transfer: int = 0,
    job_name: str = "Scan",
    user: str = "Walk-up user",
) -> wscn.ScanTicketType:
    """A ``ScanTicket`` (a device's ``DefaultScanTicket``, or a client's): what to scan from,
    the ``format`` to write, the colour mode, the resolution in dpi (one number, or across
    and down), the region of the front side and how many images (0: one from the platen,
    every sheet in the feeder from an ADF).

    :param input_source: ``"Platen"``, ``"ADF"``, ``"ADFDuplex"`` or ``"Film"``.
    :param format: the file format to write, as the schema spells it (``"jfif"``).
    :param color: the colour mode (``"RGB24"``, ``"Grayscale8"``, ``"BlackAndWhite1"``).
    :param resolution: dots per inch, one number for both directions or (across, down).
    :param region: the area of the front side to scan.
    :param images_to_transfer: how many images; 0 for the source's own count.
    :param job_name: the job's name.
    :param user: who asks for the scan.
    """
    across, down = (resolution, resolution) if isinstance(resolution, int) else resolution
    side = wscn.MediaSideType(
        scan_region=wscn.ScanRegionType(
            scan_region_xoffset=wscn.OffsetExtType(value=region.x_offset),
            scan_region_yoffset=wscn.OffsetExtType(value=region.y_offset),
            scan_region_width=wscn.DimensionExtType(value=region.width),
            scan_region_height=wscn.DimensionExtType(value=region.height),
        ),
        color_processing=wscn.ColorJobType(value=color),
        resolution=wscn.ResolutionPairExtType(width=across, height=down),
    )
    return wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(job_name=job_name, job_originating_user_name=user),
        document_parameters=wscn.DocumentParametersType(
            format=wscn.DocumentFormatType(value=format),
            images_to_transfer=wscn.ImagesToTransferType(value=images_to_transfer),
            input_source=wscn.DocumentInputSourceType(value=input_source),
            media_sides=wscn.MediaSidesType(media_front=side),
        ),
    )


@attrs.frozen(kw_only=True)
class TicketSettings:
    """What a ticket asks for, as plain values (see :func:`ticket_settings`).

    :param input_source: where to scan from (``"Platen"``, ``"ADF"``...).
    :param format: the file format to write.
    :param color: the colour mode.
    :param resolution: dots per inch, (across, down).
    :param region: the front side's region; ``None`` when neither the ticket nor the
        defaults give one.
    :param images_to_transfer: how many images; 0 for the source's own count.
    :param job_name: the job's name.
    :param user: who asks for the scan.
    """

    input_source: str
    format: str
    color: str
    #: dots per inch, across and down
    resolution: tuple[int, int]
    #: the front side's region; ``None`` when neither the ticket nor the defaults give one
    region: Region | None
    images_to_transfer: int
    job_name: str
    user: str

    @property
    def pixels(self) -> tuple[int, int]:
        """The region in pixels at the resolution: (pixels per line, lines); (0, 0) with no
        region."""
        if self.region is None:
            return 0, 0
        return (
            self.region.width * self.resolution[0] // 1000,
            self.region.height * self.resolution[1] // 1000,
        )


def ticket_settings(
    ticket: wscn.ScanTicketType, defaults: wscn.ScanTicketType | None = None
) -> TicketSettings:
    """What ``ticket`` asks for, each value it leaves out taken from ``defaults`` (the
    device's ``DefaultScanTicket``; :func:`default_scan_ticket` with its own defaults unless
    given). Raises ``ValueError`` for a value neither gives.

    :param ticket: the ticket a client sent (``CreateScanJobRequest``'s ``ScanTicket``).
    :param defaults: the device's ``DefaultScanTicket``.
    :raises ValueError: for a value neither the ticket nor the defaults give.
    """
    fallback = default_scan_ticket() if defaults is None else defaults
    given = (ticket.document_parameters, fallback.document_parameters)
    sides = (_front(ticket), _front(fallback))
    source = _first("InputSource", *(None if p is None else p.input_source for p in given))
    format = _first("Format", *(None if p is None else p.format for p in given))
    images = _first(
        "ImagesToTransfer", *(None if p is None else p.images_to_transfer for p in given)
    )
    color = _first(
        "ColorProcessing", *(None if side is None else side.color_processing for side in sides)
    )
    resolution = _first(
        "Resolution", *(None if side is None else side.resolution for side in sides)
    )
    regions = [side.scan_region for side in sides if side is not None and side.scan_region]
    return TicketSettings(
        input_source=str(source.value),
        format=str(format.value),
        color=str(color.value),
        resolution=(
            resolution.width,
            resolution.width if resolution.height is None else resolution.height,
        ),
        region=_region(regions[0]) if regions else None,
        images_to_transfer=images.value,
        job_name=ticket.job_description.job_name,
        user=ticket.job_description.job_originating_user_name,
    )


_Value = TypeVar("_Value")


def _first(name: str, *candidates: _Value | None) -> _Value:
    for candidate in candidates:
        if candidate is not None:
            return candidate
    raise ValueError(f"neither the ticket nor its defaults give {name}")


def _front(ticket: wscn.ScanTicketType) -> wscn.MediaSideType | None:
    parameters = ticket.document_parameters
    if parameters is None or parameters.media_sides is None:
        return None
    return parameters.media_sides.media_front


def _region(region: wscn.ScanRegionType) -> Region:
    x = region.scan_region_xoffset
    y = region.scan_region_yoffset
    return Region(
        x_offset=0 if x is None else x.value,
        y_offset=0 if y is None else y.value,
        width=region.scan_region_width.value,
        height=region.scan_region_height.value,
    )


def final_parameters(settings: TicketSettings) -> wscn.DocumentFinalParametersType:
    """The ``DocumentFinalParameters`` a device answers a ``CreateScanJobRequest`` with: the
    values it will scan with, ``settings`` (``images_to_transfer`` as the device counts
    them).

    :param settings: what the device will scan with, as :func:`ticket_settings` read it
        from the ticket (and changed where the device differs).
    """
    region = settings.region
    side = wscn.MediaSideType(
        scan_region=None
        if region is None
        else wscn.ScanRegionType(
            scan_region_xoffset=wscn.OffsetExtType(value=region.x_offset),
            scan_region_yoffset=wscn.OffsetExtType(value=region.y_offset),
            scan_region_width=wscn.DimensionExtType(value=region.width),
            scan_region_height=wscn.DimensionExtType(value=region.height),
        ),
        color_processing=wscn.ColorJobType(value=settings.color),
        resolution=wscn.ResolutionPairExtType(
            width=settings.resolution[0], height=settings.resolution[1]
        ),
    )
    return wscn.DocumentFinalParametersType(
        format=wscn.DocumentFormatType(value=settings.format),
        images_to_transfer=wscn.ImagesToTransferType(value=settings.images_to_transfer),
        input_source=wscn.DocumentInputSourceType(value=settings.input_source),
        media_sides=wscn.MediaSidesType(media_front=side),
    )


def scanner_elements(
    requested: Iterable[QName | str],
    *,
    description: wscn.ScannerDescriptionType | None = None,
    configuration: wscn.ScannerConfigurationType | None = None,
    status: wscn.ScannerStatusType | None = None,
    default_ticket: wscn.ScanTicketType | None = None,
) -> wscn.GetScannerElementsResponse:
    """The answer to a ``GetScannerElementsRequest`` asking for ``requested`` (its names, in
    order, Clark notation or QNames): one ``ElementData`` per name, holding what was given
    for it, ``Valid="false"`` and empty for a name not given or unknown.

    :param requested: the names the request asks for, in its order.
    :param description: the scanner's description (:func:`scanner_description`).
    :param configuration: its configuration (:func:`scanner_configuration`).
    :param status: its status (:func:`scanner_status`).
    :param default_ticket: its default ticket (:func:`default_scan_ticket`).
    """
    data = []
    for name in _names(requested):
        data.append(
            wscn.ScannerElementDataType(
                name=QName(name),
                valid=name in (_DESCRIPTION, _CONFIGURATION, _STATUS, _DEFAULT_TICKET)
                and {
                    _DESCRIPTION: description,
                    _CONFIGURATION: configuration,
                    _STATUS: status,
                    _DEFAULT_TICKET: default_ticket,
                }[name]
                is not None,
                scanner_description=description if name == _DESCRIPTION else None,
                scanner_configuration=configuration if name == _CONFIGURATION else None,
                scanner_status=status if name == _STATUS else None,
                default_scan_ticket=default_ticket if name == _DEFAULT_TICKET else None,
            )
        )
    return wscn.GetScannerElementsResponse(
        scanner_elements=wscn.ScannerElementsType(element_data=data)
    )


def job_elements(
    requested: Iterable[QName | str],
    *,
    status: wscn.JobStatusType | None = None,
    ticket: wscn.ScanTicketType | None = None,
    documents: wscn.DocumentsType | None = None,
) -> wscn.GetJobElementsResponse:
    """The answer to a ``GetJobElementsRequest`` asking for ``requested``: one
    ``ElementData`` per name, holding the job's ``status``, ``ticket`` or ``documents``,
    ``Valid="false"`` and empty for a name not given or unknown.

    :param requested: the names the request asks for, in its order.
    :param status: the job's status.
    :param ticket: the job's scan ticket.
    :param documents: the job's documents (their final parameters).
    """
    data = []
    for name in _names(requested):
        given = {_JOB_STATUS: status, _SCAN_TICKET: ticket, _DOCUMENTS: documents}
        data.append(
            wscn.JobElementDataType(
                name=QName(name),
                valid=given.get(name) is not None,
                job_status=status if name == _JOB_STATUS else None,
                scan_ticket=ticket if name == _SCAN_TICKET else None,
                documents=documents if name == _DOCUMENTS else None,
            )
        )
    return wscn.GetJobElementsResponse(job_elements=wscn.JobElementsType(element_data=data))


_DESCRIPTION = f"{{{WSCN}}}ScannerDescription"
_CONFIGURATION = f"{{{WSCN}}}ScannerConfiguration"
_STATUS = f"{{{WSCN}}}ScannerStatus"
_DEFAULT_TICKET = f"{{{WSCN}}}DefaultScanTicket"
_JOB_STATUS = f"{{{WSCN}}}JobStatus"
_SCAN_TICKET = f"{{{WSCN}}}ScanTicket"
_DOCUMENTS = f"{{{WSCN}}}Documents"


def _names(requested: Iterable[QName | str]) -> list[str]:
    return [name.text if isinstance(name, QName) else name for name in requested]
