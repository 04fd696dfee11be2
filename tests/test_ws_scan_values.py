"""A WS-Scan device's answers from plain values, and a ticket's meaning as plain values
(``dsm_messages.ws_scan``): what the builders make is valid in the strict profile, what the
reader returns is what the ticket (or, where it is silent, the device's defaults) says."""

from __future__ import annotations

import copy
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import QName

import pytest
from commands import mypy_strict

from dsm_messages import ANONYMOUS, parse, serialize, validate
from dsm_messages.models import wscn
from dsm_messages.namespaces import WSCN
from dsm_messages.testing.samples import SAMPLES
from dsm_messages.ws_scan import (
    LETTER,
    Region,
    Source,
    TicketSettings,
    default_scan_ticket,
    final_parameters,
    job_elements,
    scanner_configuration,
    scanner_description,
    scanner_elements,
    scanner_status,
    ticket_settings,
)

REQUEST_ID = "urn:uuid:4e7b1c2a-9d3f-4a6e-8b05-2c7f1e9a3d64"
DEVICE = "http://10.0.4.27:5357/scan"


def answered(body: object) -> bytes:
    return serialize(body, to=ANONYMOUS, relates_to=REQUEST_ID)


def names(*locals_: str) -> list[str]:
    return [f"{{{WSCN}}}{local}" for local in locals_]


def test_every_scanner_element_from_plain_values_is_valid_and_mirrors_the_request() -> None:
    requested = names(
        "ScannerConfiguration", "ScannerDescription", "DefaultScanTicket", "ScannerStatus"
    )
    requested.append("{http://vendor.example/scan}Toner")  # nobody's: Valid="false"
    answer = scanner_elements(
        requested,
        description=scanner_description("Reference scanner", info="Flatbed and feeder"),
        configuration=scanner_configuration(formats=("jfif", "png"), adf=Source(), duplex=True),
        status=scanner_status(now=datetime(2026, 3, 2, 9, 15, tzinfo=UTC)),
        default_ticket=default_scan_ticket(),
    )
    data = answered(answer)
    report = validate(data)
    assert report.valid, report.problems
    read = parse(data).body_as(wscn.GetScannerElementsResponse)
    elements = read.scanner_elements.element_data
    assert [(str(element.name), element.valid) for element in elements] == [
        (name, name.startswith(f"{{{WSCN}}}")) for name in requested
    ]
    assert elements[4].scanner_status is None
    assert elements[4].default_scan_ticket is None
    configuration = elements[0].scanner_configuration
    assert configuration is not None
    settings = configuration.device_settings
    # DeviceSettings needs all nine children; the defaults fill what was not given
    assert settings.compression_quality_factor_supported.max_value == 100
    assert [str(c) for c in settings.content_types_supported.content_type_value] == ["Auto"]
    assert settings.auto_exposure_supported is False
    assert configuration.adf is not None
    assert configuration.adf.adfsupports_duplex is True
    assert configuration.adf.adffront.adfmaximum_size.width == LETTER[0]
    assert configuration.platen is not None
    assert list(configuration.platen.platen_resolutions.widths.width) == [75, 150, 300, 600]
    assert configuration.platen.platen_optical_resolution.width == 600


def test_an_element_asked_for_but_not_given_is_not_valid() -> None:
    answer = scanner_elements(names("ScannerStatus"))
    assert validate(answered(answer)).valid
    (element,) = answer.scanner_elements.element_data
    assert (element.valid, element.scanner_status) == (False, None)


def test_a_scanner_without_a_platen_and_a_status_with_reasons() -> None:
    configuration = scanner_configuration(
        platen=None, adf=Source(colors=("Grayscale8",)), adf_back=Source(resolutions=(300,))
    )
    status = scanner_status("Stopped", ("MediaJam", "AttentionRequired"))
    answer = scanner_elements(
        [QName(name) for name in names("ScannerConfiguration", "ScannerStatus")],
        configuration=configuration,
        status=status,
    )
    assert validate(answered(answer)).valid
    assert configuration.platen is None
    assert configuration.adf is not None
    assert configuration.adf.adfback is not None
    assert str(status.scanner_state) == "Stopped"
    assert status.scanner_current_time.tzinfo is not None  # the device's clock, now


def ticket(**parameters: object) -> wscn.ScanTicketType:
    """A client's ticket holding only the DocumentParameters given (model objects)."""
    return wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(
            job_name="sane-airscan request", job_originating_user_name="sane-airscan"
        ),
        document_parameters=wscn.DocumentParametersType(**parameters),  # type: ignore[arg-type]
    )


def test_a_ticket_is_read_as_plain_values() -> None:
    side = wscn.MediaSideType(
        scan_region=wscn.ScanRegionType(
            scan_region_xoffset=wscn.OffsetExtType(value=100),
            scan_region_yoffset=wscn.OffsetExtType(value=200),
            scan_region_width=wscn.DimensionExtType(value=4000, must_honor=True),
            scan_region_height=wscn.DimensionExtType(value=5000),
        ),
        color_processing=wscn.ColorJobType(value=wscn.ColorWKVType.GRAYSCALE8),
        resolution=wscn.ResolutionPairExtType(width=300, height=600),
    )
    settings = ticket_settings(
        ticket(
            format=wscn.DocumentFormatType(value="png", must_honor=True),
            images_to_transfer=wscn.ImagesToTransferType(value=0),
            input_source=wscn.DocumentInputSourceType(value=wscn.DocumentInputSourceWKVType.ADF),
            media_sides=wscn.MediaSidesType(media_front=side),
        )
    )
    assert settings == TicketSettings(
        input_source="ADF",
        format="png",
        color="Grayscale8",
        resolution=(300, 600),
        region=Region(x_offset=100, y_offset=200, width=4000, height=5000),
        images_to_transfer=0,
        job_name="sane-airscan request",
        user="sane-airscan",
    )
    assert type(settings.input_source) is str
    assert type(settings.color) is str
    assert settings.pixels == (1200, 3000)


def test_what_a_ticket_leaves_out_comes_from_the_device_defaults() -> None:
    defaults = default_scan_ticket(
        input_source="ADF", format="png", color="Grayscale8", resolution=(150, 200)
    )
    settings = ticket_settings(ticket(format=wscn.DocumentFormatType(value="jfif")), defaults)
    assert (settings.format, settings.input_source, settings.color) == (
        "jfif",
        "ADF",
        "Grayscale8",
    )
    assert settings.resolution == (150, 200)
    assert settings.region == Region(0, 0, *LETTER)
    # without defaults given, default_scan_ticket()'s documented ones
    plain = ticket_settings(ticket())
    assert (plain.input_source, plain.format, plain.color, plain.resolution) == (
        "Platen",
        "jfif",
        "RGB24",
        (300, 300),
    )
    assert plain.images_to_transfer == 0


def test_a_value_neither_gives_is_a_value_error() -> None:
    silent = wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(job_name="j", job_originating_user_name="u")
    )
    with pytest.raises(ValueError, match="give InputSource"):
        ticket_settings(silent, silent)


def test_a_ticket_without_a_region_has_none() -> None:
    side = wscn.MediaSideType(color_processing=wscn.ColorJobType(value="RGB24"))
    defaults = copy.deepcopy(default_scan_ticket())
    assert defaults.document_parameters is not None
    assert defaults.document_parameters.media_sides is not None
    defaults.document_parameters.media_sides.media_front.scan_region = None
    settings = ticket_settings(ticket(media_sides=wscn.MediaSidesType(media_front=side)), defaults)
    assert settings.region is None
    assert settings.pixels == (0, 0)


def test_the_final_parameters_answer_a_create_scan_job_validly() -> None:
    settings = ticket_settings(default_scan_ticket(input_source="ADF", resolution=200))
    response = wscn.CreateScanJobResponse(
        job_id=1,
        job_token="job-1",
        image_information=wscn.ImageInformationType(
            media_front_image_info=wscn.MediaSideImageInfoType(
                pixels_per_line=settings.pixels[0],
                number_of_lines=settings.pixels[1],
                bytes_per_line=settings.pixels[0] * 3,
            )
        ),
        document_final_parameters=final_parameters(settings),
    )
    data = answered(response)
    assert validate(data).valid
    read = parse(data).body_as(wscn.CreateScanJobResponse).document_final_parameters
    assert read.images_to_transfer is not None
    assert read.input_source is not None
    assert read.media_sides is not None
    assert (read.images_to_transfer.value, str(read.input_source.value)) == (0, "ADF")
    resolution = read.media_sides.media_front.resolution
    assert resolution == wscn.ResolutionPairExtType(width=200, height=200)


def test_job_elements_from_what_the_device_knows() -> None:
    status = SAMPLES["wscn:GetJobElementsResponse"]
    assert isinstance(status, wscn.GetJobElementsResponse)
    job_status = next(e.job_status for e in status.job_elements.element_data if e.job_status)
    answer = job_elements(
        names("JobStatus", "ScanTicket", "Documents"),
        status=job_status,
        ticket=default_scan_ticket(),
    )
    assert validate(answered(answer)).valid
    assert [e.valid for e in answer.job_elements.element_data] == [True, True, False]


USER_SNIPPET = textwrap.dedent(
    """
    from dsm_messages.models import wscn
    from dsm_messages.ws_scan import default_scan_ticket, scanner_configuration, ticket_settings

    def describe(ticket: wscn.ScanTicketType) -> str:
        settings = ticket_settings(ticket)
        dpi: int = settings.resolution[0]
        images: int = settings.images_to_transfer
        source: str = settings.input_source
        width: int = settings.region.width if settings.region else 0
        return f"{source} {settings.format} {settings.color} {dpi} {images} {width}"

    print(describe(default_scan_ticket(color="Grayscale8")))
    config: wscn.ScannerConfigurationType = scanner_configuration(formats=("png",))
    """
)


def test_the_plain_values_pass_mypy_strict(tmp_path: Path) -> None:
    result = mypy_strict(USER_SNIPPET, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    exec(compile(USER_SNIPPET, "<snippet>", "exec"), {})
