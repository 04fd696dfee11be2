"""The models hold plain Python values: what a user writes and reads, and what mypy accepts."""

from __future__ import annotations

import pickle
import pydoc
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from commands import mypy_strict

from dsm_messages import BindingError, from_xml, to_xml
from dsm_messages import models as models_package
from dsm_messages.models import dsc, dsp, emlf, fsf, psp, spf, wscn
from dsm_messages.timestamps import Timestamp

ROOT = Path(__file__).resolve().parent.parent

# What a user of the models writes: no wrapper class, plain values in and out.
USER_SNIPPET = textwrap.dedent(
    """
    from datetime import UTC, datetime

    from dsm_messages import from_xml, to_xml
    from dsm_messages.models import dsp, fsf, psp

    req = dsp.EndPostScanJobRequest(job_token="264a19bf")
    assert from_xml(to_xml(req)) == req

    def job_status(state: dsp.JobStateWKVType | str) -> dsp.JobStatusType:
        return dsp.JobStatusType(
            job_token="264a19bf",
            job_state=state,
            filter_statuses=dsp.FilterStatusesType(
                filter_status=[
                    dsp.FilterStatusType(
                        dialect=psp.__NAMESPACE__,
                        filter_state=dsp.FilterStateWKVType.PROCESSING,
                    )
                ]
            ),
            images_received=2,
            job_created_time=datetime(2026, 3, 2, 9, 15, 27, tzinfo=UTC),
        )

    event = dsp.PostScanJobStatusEvent(job_status=job_status(dsp.JobStateWKVType.PROCESSING))
    read = from_xml(to_xml(event), dsp.PostScanJobStatusEvent)
    status = read.job_status
    assert status.job_state == "Processing"
    assert f"{status.job_state}" == "Processing"
    assert status.images_received == 2
    assert status.job_created_time is not None
    assert status.job_created_time <= datetime.now(UTC)
    vendor = job_status("vnd:Throttled")
    assert from_xml(to_xml(dsp.PostScanJobStatusEvent(job_status=vendor))).job_status == vendor

    share = psp.FilterInstructionType(
        file_share_config=fsf.FileShareConfig(
            file_shares=fsf.FileShareType(share_unc=["\\\\\\\\files01\\\\scans"])
        )
    )
    config = share.file_share_config
    assert config is not None and config.file_shares is not None
    unc: str = config.file_shares.share_unc[0]
    assert unc.startswith("\\\\\\\\")
    """
)


def test_the_user_snippet_runs() -> None:
    exec(compile(USER_SNIPPET, "<snippet>", "exec"), {})


def test_the_user_snippet_passes_mypy_strict(tmp_path: Path) -> None:
    result = mypy_strict(USER_SNIPPET, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_misspelt_field_type_fails_mypy(tmp_path: Path) -> None:
    """The check above can fail: a wrapper where a plain value belongs is a type error."""
    wrong = "from dsm_messages.models import dsp\ndsp.EndPostScanJobRequest(job_token=2)\n"
    result = mypy_strict(wrong, tmp_path)
    assert result.returncode == 1
    assert 'incompatible type "int"; expected "str"' in result.stdout


def test_value_sets_are_strings() -> None:
    state = dsp.JobStateWKVType.PENDING_HELD
    assert state == "Pending-Held"
    assert f"{state}" == "Pending-Held"
    assert str(state) == "Pending-Held"
    assert isinstance(state, str)


def test_the_same_shape_is_the_same_python_type_in_every_namespace() -> None:
    # Every namespace's String255ExtType was its own wrapper class; mixing them failed.
    token = "264a19bf"
    assert dsp.EndPostScanJobRequest(job_token=token).job_token == token
    assert dsc.CancelPostScanJobRequest(job_token=token).job_token == token
    assert (
        psp.PostScanInstructionsType(
            document_root_name="x", filters_to_process=psp.FilterToProcessListType()
        ).document_root_name
        == "x"
    )
    assert emlf.SendToAddressesType(email_address=["a@b.example"]).email_address == ["a@b.example"]
    for module in (dsp, dsc, psp, emlf, fsf, spf, wscn):
        assert not hasattr(module, "String255ExtType"), module.__name__


def test_a_datetime_is_written_in_iso_form_and_read_back_equal() -> None:
    when = datetime(2026, 3, 2, 9, 15, 27, 519000, tzinfo=UTC)
    status = _status(when - timedelta(seconds=30))
    status.job_completed_time = when
    event = dsp.PostScanJobStatusEvent(job_status=status)
    data = to_xml(event)
    assert b"<dsp:JobCreatedTime>2026-03-02T09:14:57.519000Z</dsp:JobCreatedTime>" in data
    assert b"<dsp:JobCompletedTime>2026-03-02T09:15:27.519000Z</dsp:JobCompletedTime>" in data
    assert from_xml(data) == event


@pytest.mark.parametrize(
    "text",
    ["2026-03-02T09:15:27.5242689Z", "2026-03-02T09:15:27.519", "2026-03-02T09:15:27+01:00"],
)
def test_timestamps_read_from_xml_are_written_back_exactly(text: str) -> None:
    data = to_xml(dsp.PostScanJobStatusEvent(job_status=_status(Timestamp.from_xml(text))))
    assert f"<dsp:JobCreatedTime>{text}</dsp:JobCreatedTime>".encode() in data
    again = from_xml(data, dsp.PostScanJobStatusEvent)
    created = again.job_status.job_created_time
    assert isinstance(created, datetime)
    assert str(created) == text
    assert to_xml(again) == data
    assert str(pickle.loads(pickle.dumps(created))) == text


def test_a_timestamp_without_a_zone_is_a_naive_datetime() -> None:
    stamp = Timestamp.from_xml("2026-03-02T09:15:27.519")
    assert stamp.tzinfo is None
    assert stamp == datetime(2026, 3, 2, 9, 15, 27, 519000)


def test_text_that_is_no_datetime_is_refused_by_name() -> None:
    data = to_xml(dsp.PostScanJobStatusEvent(job_status=_status(None))).replace(
        b"</dsp:ImagesReceived>",
        b"</dsp:ImagesReceived><dsp:JobCreatedTime>yesterday</dsp:JobCreatedTime>",
    )
    with pytest.raises(BindingError, match=r"yesterday"):
        from_xml(data)


def test_every_model_class_documents_its_fields_in_help() -> None:
    text = pydoc.render_doc(dsp.PostScanJobStatusEvent)
    assert ":ivar job_status:" in text
    text = pydoc.render_doc(dsp.CreatePostScanJobRequest)
    assert ":ivar post_scan_instructions:" in text


def test_the_models_package_has_one_name_per_class() -> None:
    assert models_package.__all__ == sorted(models_package.__all__)
    assert all(name.islower() for name in models_package.__all__)
    assert not hasattr(models_package, "dspPostScanJobStatusEvent")
    assert not hasattr(models_package, "CreatePostScanJobRequest")


def _status(created: datetime | None) -> dsp.JobStatusType:
    return dsp.JobStatusType(
        job_token="264a19bf",
        job_state=dsp.JobStateWKVType.PROCESSING,
        filter_statuses=dsp.FilterStatusesType(),
        images_received=0,
        job_created_time=created,
    )
