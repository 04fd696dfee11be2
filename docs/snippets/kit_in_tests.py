"""A scan server's own tests run the conformance kit against it in process: the transport hands
each message to the server's handler, no socket in between."""

from __future__ import annotations

import uuid

from dsm_messages import Endpoint, Envelope, RemoteProtocolError
from dsm_messages.faults import ACTION_NOT_SUPPORTED
from dsm_messages.models import dsp

SOAP = "application/soap+xml; charset=utf-8"
ANSWERS = {
    dsp.SendImageRequest: dsp.SendImageResponse,
    dsp.EndPostScanJobRequest: dsp.EndPostScanJobResponse,
    dsp.CancelPostScanJobRequest: dsp.CancelPostScanJobResponse,
}


class TinyScanServer:
    """The WS-DSP part of a scan server: jobs, images (dropped here), end and cancel."""

    def __init__(self) -> None:
        self.endpoint = Endpoint("scan_server")

    def send(self, data: bytes, content_type: str, address: str) -> tuple[int, str, bytes]:
        """The conformance kit's transport: one request in, the HTTP status and answer out."""
        package = content_type.startswith("multipart/")
        try:
            request = self.endpoint.receive(data, content_type=content_type if package else None)
        except RemoteProtocolError as error:
            if error.fault is None:  # no request: nobody answers it
                return 202, "", b""
            return error.fault.http_status, SOAP, self.endpoint.refuse(error)
        status, answer = self._answer(request)
        return status, SOAP, answer

    def _answer(self, request: Envelope) -> tuple[int, bytes]:
        body = request.body
        if isinstance(body, dsp.CreatePostScanJobRequest):
            created = dsp.CreatePostScanJobResponse(job_token=str(uuid.uuid4()))
            return 200, self.endpoint.reply(request, created)
        answer = ANSWERS.get(type(body))
        if answer is None:  # GetPostScanJobElements, subscriptions: not offered here
            refusal = self.endpoint.reply(request, ACTION_NOT_SUPPORTED)
            return ACTION_NOT_SUPPORTED.http_status, refusal
        return 200, self.endpoint.reply(request, answer())
