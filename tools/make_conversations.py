"""Write the example conversations in ``examples/conversations/`` (run from the repository root).

Each conversation is a folder of messages named in the order they travel; SendImage requests
are MTOM packages stored with their MIME headers (``.mime``). The bodies are the hand-built
samples of :mod:`dsm_messages.testing.samples`.
"""

from __future__ import annotations

import copy
from pathlib import Path

from dsm_messages import ANONYMOUS, build_retrieve_image_response, build_send_image, serialize
from dsm_messages.models import dsd, dsp, wscn, wse
from dsm_messages.testing import samples as s
from dsm_messages.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent

SERVER = "https://scansrv01.contoso.com:5362/ScanServer/4d15d73c-bbcd-4cba-beae-07e1f8ea9475"
DEVICE = "http://10.0.4.27:5357/1f0e8a6b-3c52-4d7e-9a61-58b2c0d4e937"
DEVICE_SINK = s.SCAN_SERVER_EVENT_SINK
CONSOLE_SINK = "http://10.0.9.12:5357/6c2a9e41-7d08-4b3f-a5c6-e1f9047b2d83"
SCAN_CLIENT_SINK = "http://10.0.9.40:5357/2b7d0f5c-91e3-4a68-bc14-7e5a3d9c0f26"
OUT = ROOT / "examples" / "conversations"


class Conversation:
    def __init__(self, name: str) -> None:
        self.folder = OUT / name
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.iterdir():
            old.unlink()
        self.count = 0
        self.prefix = name[:3]

    def write(self, name: str, data: bytes) -> None:
        self.count += 1
        (self.folder / f"{self.count:02d}-{name}").write_bytes(data)

    def request(self, name: str, body: object, to: str) -> str:
        message_id = self._id_next()
        self.write(
            name, serialize(body, to=to, message_id=message_id, reply_to=ANONYMOUS, pretty=True)
        )
        return message_id

    def answer(self, name: str, body: object, request_id: str) -> None:
        message_id = self._id_next()
        data = serialize(
            body, to=ANONYMOUS, message_id=message_id, relates_to=request_id, pretty=True
        )
        self.write(name, data)

    def event(self, name: str, body: object, to: str) -> None:
        self.write(name, serialize(body, to=to, message_id=self._id_next(), pretty=True))

    def send_image(self, name: str, request: dsp.SendImageRequest, image: bytes) -> str:
        message_id = self._id_next()
        content_type, chunks = build_send_image(
            request,
            image,
            to=SERVER,
            message_id=message_id,
            reply_to=ANONYMOUS,
            boundary="dsm-messages-example-boundary",
        )
        head = f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode()
        self.write(name, head + b"".join(chunks))
        return message_id

    def image_answer(
        self, name: str, response: wscn.RetrieveImageResponse, image: bytes, request_id: str
    ) -> None:
        content_type, chunks = build_retrieve_image_response(
            response,
            image,
            relates_to=request_id,
            message_id=self._id_next(),
            content_type="image/jpeg",
            boundary="dsm-messages-example-boundary",
        )
        head = f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode()
        self.write(name, head + b"".join(chunks))

    def _id_next(self) -> str:
        return f"urn:uuid:{self.prefix.encode().hex()[:6]}00-0000-4000-8000-{self.count + 1:012d}"


def subscribe(conversation: Conversation, to: str, sink: str, actions: list[str]) -> None:
    request = SAMPLES["wse:Subscribe"]
    assert isinstance(request, wse.Subscribe)
    request.delivery.notify_to.address.value = sink  # type: ignore[union-attr]
    request.end_to = None
    request.filter.value = " ".join(actions)  # type: ignore[union-attr]
    sent = conversation.request("subscribe-request.xml", request, to)
    conversation.answer("subscribe-response.xml", SAMPLES["wse:SubscribeResponse"], sent)


def dsp_status(
    token: str,
    state: str,
    reasons: list[str],
    filter_state: str,
    images: int,
    completed: str | None = None,
) -> dsp.PostScanJobStatusEvent:
    filters = [
        s.dsp_filter_status(dialect, filter_state)
        for dialect in (s.FILESHARE_DIALECT, s.SHAREPOINT_DIALECT, s.EMAIL_DIALECT)
    ]
    status = s.dsp_job_status(token, state, list(reasons), filters, images, completed=completed)
    status.job_created_time = s.dt("2026-03-02T09:15:27.519Z")
    return dsp.PostScanJobStatusEvent(job_status=status)


def dsp_end(
    token: str, state: str, reason: str, filter_state: str, images: int
) -> dsp.PostScanJobEndStateEvent:
    end = s.dsp_end_state()
    end.job_token = token
    end.job_completed_state = state
    end.job_completed_state_reasons = dsp.JobCompletedStateReasonsType(job_state_reason=[reason])
    end.filter_completed_statuses = dsp.FilterCompletedStatusesType(
        filter_status=[
            s.dsp_filter_status(dialect, filter_state)
            for dialect in (s.FILESHARE_DIALECT, s.SHAREPOINT_DIALECT, s.EMAIL_DIALECT)
        ]
    )
    end.images_received = images
    end.job_completed_time = s.dt("2026-03-02T09:16:04.882Z")
    return dsp.PostScanJobEndStateEvent(post_scan_job_end_state=end)


def send_image_request(token: str, document_id: int) -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token=token,
        document_description=dsp.DocumentDescriptionType(
            document_id=document_id,
            format=dsp.DocumentFormatWKVType.PDF_A,
        ),
        image_data=b"",
    )


def dsp_job(name: str, token: str, *, cancel: bool) -> None:
    c = Conversation(name)
    subscribe(
        c, SERVER, DEVICE_SINK, [s.POST_SCAN_JOB_STATUS_EVENT, s.POST_SCAN_JOB_END_STATE_EVENT]
    )
    create = c.request("create-request.xml", SAMPLES["dsp:CreatePostScanJobRequest"], SERVER)
    c.answer("create-response.xml", dsp.CreatePostScanJobResponse(job_token=token), create)
    c.event("status-event.xml", dsp_status(token, "Creating", ["None"], "Pending", 0), DEVICE_SINK)
    images = 1 if cancel else 2
    for document_id in range(1, images + 1):
        sent = c.send_image(
            f"send-image-{document_id}-request.mime",
            send_image_request(token, document_id),
            s.PDF_BYTES,
        )
        c.answer(f"send-image-{document_id}-response.xml", dsp.SendImageResponse(), sent)
    if cancel:
        sent = c.request(
            "cancel-request.xml", dsp.CancelPostScanJobRequest(job_token=token), SERVER
        )
        c.answer("cancel-response.xml", dsp.CancelPostScanJobResponse(), sent)
        c.event(
            "status-event.xml",
            dsp_status(token, "Terminating", ["PostScanJobCanceled"], "Processing", 1),
            DEVICE_SINK,
        )
        c.event(
            "end-state-event.xml",
            dsp_end(token, "Canceled", "PostScanJobCanceled", "Canceled", 1),
            DEVICE_SINK,
        )
        return
    sent = c.request("end-request.xml", dsp.EndPostScanJobRequest(job_token=token), SERVER)
    c.answer("end-response.xml", dsp.EndPostScanJobResponse(), sent)
    c.event(
        "status-event.xml", dsp_status(token, "Processing", ["None"], "Processing", 2), DEVICE_SINK
    )
    c.event(
        "end-state-event.xml",
        dsp_end(
            token, "Completed", "PostScanJobCompletedSuccessfully", "CompletedSuccessfully", 2
        ),
        DEVICE_SINK,
    )


def dsd_job_events() -> None:
    c = Conversation("dsd-job-events")
    base = "http://schemas.microsoft.com/windows/2006/08/wdp/scan/"
    subscribe(
        c,
        DEVICE,
        CONSOLE_SINK,
        [
            base + name
            for name in (
                "JobStatusEvent",
                "JobEndStateEvent",
                "ScannerStatusConditionEvent",
                "ScannerStatusConditionClearedEvent",
            )
        ],
    )
    job = 77

    def status(
        state: str, reason: str, scans: int, completed: str | None = None
    ) -> dsd.JobStatusEvent:
        return dsd.JobStatusEvent(
            job_status=s.wscn_job_status(job, state, [reason], scans, completed=completed)
        )

    c.event("job-status-event.xml", status("Started", "JobScanning", 0), CONSOLE_SINK)
    condition = s.lamp_warming_condition()
    condition.id = 31
    c.event(
        "condition-event.xml",
        dsd.ScannerStatusConditionEvent(device_condition=condition),
        CONSOLE_SINK,
    )
    c.event("job-status-event.xml", status("Processing", "JobScanning", 1), CONSOLE_SINK)
    cleared = wscn.DeviceConditionClearedType(
        condition_id=31, condition_clear_time=s.dt(s.CONDITION_CLEARED)
    )
    c.event(
        "condition-cleared-event.xml",
        dsd.ScannerStatusConditionClearedEvent(device_condition_cleared=cleared),
        CONSOLE_SINK,
    )
    c.event(
        "job-status-event.xml", status("Completed", "None", 2, s.DEVICE_SCAN_DONE), CONSOLE_SINK
    )
    end = SAMPLES["dsd:JobEndStateEvent"]
    assert isinstance(end, dsd.JobEndStateEvent)
    end.job_end_state.job_id = job
    c.event("job-end-state-event.xml", end, CONSOLE_SINK)


def wscn_push_scan() -> None:
    """A WS-Scan push scan: the client subscribes to ScanAvailableEvent with two destinations,
    the user picks one at the device, the client creates the job and pulls two images."""
    c = Conversation("wscn-push-scan")
    subscribe = copy.deepcopy(s.SCAN_AVAILABLE_SUBSCRIBE)
    subscribe.delivery.notify_to.address.value = SCAN_CLIENT_SINK  # type: ignore[union-attr]
    sent = c.request("subscribe-request.xml", subscribe, DEVICE)
    c.answer("subscribe-response.xml", s.SCAN_AVAILABLE_SUBSCRIBE_RESPONSE, sent)
    c.event("scan-available-event.xml", SAMPLES["wscn:ScanAvailableEvent"], SCAN_CLIENT_SINK)
    create = c.request("create-scan-job-request.xml", SAMPLES["wscn:CreateScanJobRequest"], DEVICE)
    c.answer("create-scan-job-response.xml", SAMPLES["wscn:CreateScanJobResponse"], create)
    response = SAMPLES["wscn:RetrieveImageResponse"]
    assert isinstance(response, wscn.RetrieveImageResponse)
    for page in (1, 2):
        retrieve = c.request(
            f"retrieve-image-{page}-request.xml", SAMPLES["wscn:RetrieveImageRequest"], DEVICE
        )
        c.image_answer(f"retrieve-image-{page}-response.mime", response, s.JPEG_BYTES, retrieve)
    c.event("job-end-state-event.xml", SAMPLES["wscn:JobEndStateEvent"], SCAN_CLIENT_SINK)


if __name__ == "__main__":
    dsp_job("dsp-job-two-images", "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8", cancel=False)
    dsp_job("dsp-cancelled-job", "a3e91c07-52d4-4b8e-b6f1-0d7c28e45a19", cancel=True)
    dsd_job_events()
    wscn_push_scan()
