"""The addresses and message bodies the conversations of
:mod:`dsm_messages.testing.conversations` are made of: fresh model instances of every WS-DSP,
WS-DSD and WS-DSC body a conversation sends (``*_body`` functions and their parts).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from xml.etree.ElementTree import QName

from dsm_messages.models import dsc, dsd, dsp, wscn

from . import samples as s
from .samples import SAMPLES

__all__ = [
    "CONSOLE_SINK",
    "DEVICE",
    "DEVICE_SINK",
    "DIALECTS",
    "DSP_JOB_DESCRIPTION",
    "DSP_JOB_STATUS",
    "FINAL_FILTER_STATE",
    "FINAL_REASON",
    "REPOSITORY",
    "SCAN_CLIENT_SINK",
    "SCAN_SERVER",
    "WSCN_JOB_STATUS",
    "WSCN_SCANNER_DESCRIPTION",
    "WSCN_SCANNER_STATUS",
    "cancel_body",
    "cleared_body",
    "condition_body",
    "create_body",
    "created_body",
    "dsc_end_state_body",
    "dsc_status_body",
    "dsc_summaries",
    "dsd_end_body",
    "dsd_job_elements_body",
    "dsd_status_body",
    "elements_body",
    "end_body",
    "end_state_body",
    "get_elements_body",
    "job_status",
    "job_summaries",
    "scanner_elements_body",
    "send_image_body",
    "status_body",
    "summary_body",
]

#: The scan server's WS-DSP service (device -> scan server) and WS-DSC service (console ->
#: scan server), the device's WS-DSD service (console -> device), and the event sinks.
SCAN_SERVER = "https://scansrv01.contoso.com:5362/ScanServer/4d15d73c-bbcd-4cba-beae-07e1f8ea9475"
REPOSITORY = (
    "https://scansrv01.contoso.com:5362/ScanRepository/9a0c41d2-7b5e-4f83-a6d1-2e8b90c4f357"
)
DEVICE = "http://10.0.4.27:5357/1f0e8a6b-3c52-4d7e-9a61-58b2c0d4e937"
DEVICE_SINK = s.SCAN_SERVER_EVENT_SINK
CONSOLE_SINK = "http://10.0.9.12:5357/6c2a9e41-7d08-4b3f-a5c6-e1f9047b2d83"
#: A WS-Scan client's event sink (it subscribes to the device's ScanAvailableEvent).
SCAN_CLIENT_SINK = "http://10.0.9.40:5357/2b7d0f5c-91e3-4a68-bc14-7e5a3d9c0f26"

#: The filters of the sample CreatePostScanJobRequest (its PostScanInstructions).
DIALECTS = (s.FILESHARE_DIALECT, s.SHAREPOINT_DIALECT, s.EMAIL_DIALECT)
DSP_JOB_STATUS = QName(s.DSP_NS, "JobStatus")
DSP_JOB_DESCRIPTION = QName(s.DSP_NS, "JobDescription")
WSCN_JOB_STATUS = QName(s.WSCN_NS, "JobStatus")
WSCN_SCANNER_STATUS = QName(s.WSCN_NS, "ScannerStatus")
WSCN_SCANNER_DESCRIPTION = QName(s.WSCN_NS, "ScannerDescription")

# The reason a job's final state goes with (wsdp.md rule 31) and the final filter state.
FINAL_REASON = {
    "Completed": "PostScanJobCompletedSuccessfully",
    "Canceled": "PostScanJobCanceled",
    "Aborted": "PostScanJobProcessingFailed",
}
FINAL_FILTER_STATE = {
    "Completed": "CompletedSuccessfully",
    "Canceled": "Canceled",
    "Aborted": "Canceled",
}


# -- WS-DSP bodies -------------------------------------------------------------------------


def create_body(psp_identifier: str = s.PSP_ID) -> dsp.CreatePostScanJobRequest:
    body = copy.deepcopy(SAMPLES["dsp:CreatePostScanJobRequest"])
    assert isinstance(body, dsp.CreatePostScanJobRequest)
    body.psp_identifier = psp_identifier
    return body


def created_body(token: str) -> dsp.CreatePostScanJobResponse:
    return dsp.CreatePostScanJobResponse(job_token=token)


def send_image_body(token: str, document_id: int) -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token=token,
        document_description=dsp.DocumentDescriptionType(
            document_id=document_id,
            format=dsp.DocumentFormatWKVType.PDF_A,
        ),
        image_data=s.PDF_BYTES,
    )


def end_body(token: str) -> dsp.EndPostScanJobRequest:
    return dsp.EndPostScanJobRequest(job_token=token)


def cancel_body(token: str) -> dsp.CancelPostScanJobRequest:
    return dsp.CancelPostScanJobRequest(job_token=token)


def get_elements_body(
    token: str, names: Sequence[QName] = (DSP_JOB_STATUS,)
) -> dsp.GetPostScanJobElementsRequest:
    return dsp.GetPostScanJobElementsRequest(
        job_token=token,
        requested_elements=dsp.RequestedElementsType(name=list(names)),
    )


def job_status(
    token: str,
    state: str,
    *,
    images: int = 0,
    filter_state: str | None = None,
    reasons: Sequence[str] = ("None",),
    dialects: Sequence[str] = DIALECTS,
    completed: str | None = None,
    created: str = s.CREATED_LOCAL,
) -> dsp.JobStatusType:
    """A JobStatus; its filters are ``filter_state`` (by default Pending, or the final filter
    state that goes with a final job state)."""
    filter_state = filter_state or FINAL_FILTER_STATE.get(state, "Pending")
    status = s.dsp_job_status(
        token,
        state,
        list(reasons),
        [s.dsp_filter_status(dialect, filter_state) for dialect in dialects],
        images,
        completed=completed,
    )
    status.job_created_time = s.dt(created)
    return status


def elements_body(
    names: Sequence[QName], status: dsp.JobStatusType | None = None
) -> dsp.GetPostScanJobElementsResponse:
    """One ElementData per name: the JobStatus given, or a JobDescription."""
    data = []
    for name in names:
        if name == DSP_JOB_STATUS and status is not None:
            item = dsp.ElementDataType(
                job_status=status, qualified_name=name, qualified_valid=True
            )
        else:
            item = dsp.ElementDataType(
                job_description=dsp.JobDescriptionType(
                    psp_identifier=s.PSP_ID,
                    psp_display_name=s.PSP_DISPLAY_NAME,
                    job_originating_user_name=s.USER_NAME,
                ),
                qualified_name=name,
                qualified_valid=True,
            )
        data.append(item)
    return dsp.GetPostScanJobElementsResponse(job_elements=dsp.JobElementsType(element_data=data))


def status_body(token: str, state: str, **details: object) -> dsp.PostScanJobStatusEvent:
    return dsp.PostScanJobStatusEvent(job_status=job_status(token, state, **details))  # type: ignore[arg-type]


def end_state_body(
    token: str,
    state: str = "Completed",
    *,
    reason: str | None = None,
    filter_state: str | None = None,
    images: int = 0,
    psp_identifier: str = s.PSP_ID,
    completed: str | None = s.COMPLETED_LOCAL,
) -> dsp.PostScanJobEndStateEvent:
    end = s.dsp_end_state()
    end.job_token = token
    end.psp_identifier = psp_identifier
    end.job_completed_state = state
    end.job_completed_state_reasons = dsp.JobCompletedStateReasonsType(
        job_state_reason=[reason or FINAL_REASON.get(state, "None")]
    )
    final_filter = filter_state or FINAL_FILTER_STATE.get(state, "Canceled")
    end.filter_completed_statuses = dsp.FilterCompletedStatusesType(
        filter_status=[s.dsp_filter_status(dialect, final_filter) for dialect in DIALECTS]
    )
    end.images_received = images
    end.job_completed_time = None if completed is None else s.dt(completed)
    return dsp.PostScanJobEndStateEvent(post_scan_job_end_state=end)


# -- WS-DSD bodies -------------------------------------------------------------------------


def dsd_status_body(
    job_id: int,
    state: str,
    *,
    scans: int = 0,
    reason: str = "JobScanning",
    completed: str | None = None,
) -> dsd.JobStatusEvent:
    return dsd.JobStatusEvent(
        job_status=s.wscn_job_status(job_id, state, [reason], scans, completed=completed)
    )


def dsd_end_body(job_id: int, state: str = "Completed", *, scans: int = 0) -> dsd.JobEndStateEvent:
    end = copy.deepcopy(SAMPLES["dsd:JobEndStateEvent"])
    assert isinstance(end, dsd.JobEndStateEvent)
    end.job_end_state.job_id = job_id
    end.job_end_state.job_completed_state = state
    end.job_end_state.job_completed_state_reasons = wscn.JobStateReasonsType(
        job_state_reason=["None"]
    )
    end.job_end_state.scans_completed = scans
    return end


def condition_body(
    condition_id: int, time: str = s.CONDITION_RAISED
) -> dsd.ScannerStatusConditionEvent:
    condition = s.lamp_warming_condition()
    condition.id = condition_id
    condition.time = s.dt(time)
    return dsd.ScannerStatusConditionEvent(device_condition=condition)


def cleared_body(
    condition_id: int, time: str = s.CONDITION_CLEARED
) -> dsd.ScannerStatusConditionClearedEvent:
    return dsd.ScannerStatusConditionClearedEvent(
        device_condition_cleared=wscn.DeviceConditionClearedType(
            condition_id=condition_id, condition_clear_time=s.dt(time)
        )
    )


def summary_body(state: str, *reasons: str) -> dsd.ScannerStatusSummaryEvent:
    return dsd.ScannerStatusSummaryEvent(
        status_summary=wscn.StatusSummaryType(
            scanner_state=state,
            scanner_state_reasons=wscn.ScannerStateReasonsType(
                scanner_state_reason=[r for r in reasons]
            ),
        )
    )


def job_summaries(*jobs: tuple[int, str]) -> wscn.ListOfSummarysType:
    return wscn.ListOfSummarysType(
        job_summary=[
            s.wscn_job_summary(job_id, s.PSP_DISPLAY_NAME, s.USER_NAME, state, ["None"], 0)
            for job_id, state in jobs
        ]
    )


def scanner_elements_body(
    names: Sequence[QName], *, active_conditions: Sequence[int] = ()
) -> dsd.GetScannerElementsResponse:
    """ElementData for the names given: ScannerStatus lists ``active_conditions``, every other
    name gets the scanner description."""
    data = []
    for name in names:
        if name == WSCN_SCANNER_STATUS:
            status = s.scanner_status()
            status.active_conditions = wscn.ActiveConditionsType(
                device_condition=[
                    condition_body(condition_id).device_condition
                    for condition_id in active_conditions
                ]
            )
            status.condition_history = None
            item = wscn.ScannerElementDataType(
                scanner_status=status, qualified_name=name, qualified_valid=True
            )
        else:
            item = wscn.ScannerElementDataType(
                scanner_description=s.scanner_description(),
                qualified_name=name,
                qualified_valid=True,
            )
        data.append(item)
    return dsd.GetScannerElementsResponse(
        scanner_elements=wscn.ScannerElementsType(element_data=data)
    )


def dsd_job_elements_body(
    job_id: int, state: str, *, scans: int = 0
) -> dsd.GetJobElementsResponse:
    completed = s.DEVICE_SCAN_DONE if state in ("Completed", "Canceled", "Aborted") else None
    return dsd.GetJobElementsResponse(
        job_elements=wscn.JobElementsType(
            element_data=[
                wscn.JobElementDataType(
                    job_status=s.wscn_job_status(
                        job_id, state, ["None"], scans, completed=completed
                    ),
                    qualified_name=WSCN_JOB_STATUS,
                    qualified_valid=True,
                )
            ]
        )
    )


# -- WS-DSC bodies -------------------------------------------------------------------------


def dsc_status_body(
    token: str, state: str, *, filter_state: str = "Processing"
) -> dsc.PostScanJobStatusEvent:
    status = s.dsc_job_status(completed=False)
    status.job_token = token
    status.job_state = state
    status.filter_statuses = dsc.FilterStatusesType(
        filter_status=[s.dsc_filter_status(dialect, filter_state) for dialect in DIALECTS]
    )
    return dsc.PostScanJobStatusEvent(job_status=status)


def dsc_end_state_body(token: str, state: str = "Completed") -> dsc.PostScanJobEndStateEvent:
    end = copy.deepcopy(SAMPLES["dsc:PostScanJobEndStateEvent"])
    assert isinstance(end, dsc.PostScanJobEndStateEvent)
    end.post_scan_job_end_state.job_token = token
    end.post_scan_job_end_state.job_completed_state = state
    end.post_scan_job_end_state.job_completed_state_reasons = s.dsc_reasons(FINAL_REASON[state])
    return end


def dsc_summaries(*jobs: tuple[str, str]) -> dsc.ListOfSummarysType:
    summaries = []
    for token, state in jobs:
        summary = copy.deepcopy(s.dsc_job_summaries(history=False).job_summary[0])
        summary.job_token = token
        summary.job_state = state
        summaries.append(summary)
    return dsc.ListOfSummarysType(job_summary=summaries)
