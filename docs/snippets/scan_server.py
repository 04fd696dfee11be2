"""The WS-DSP side of a scan server, without any I/O: request bytes in, answer bytes out.

:func:`create_response` and :func:`job_token` are the one place in the documentation that
depends on the fields of the generated classes; every other answer is an empty element.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from dsm_messages import (
    Envelope,
    Fault,
    RemoteProtocolError,
    Session,
    parse,
    parse_package,
    reply,
)
from dsm_messages.faults import ALL_FAULTS, DSP_INVALID_ARGS
from dsm_messages.models import dsp
from dsm_messages.namespaces import prefixed


def create_response(token: str) -> dsp.CreatePostScanJobResponse:
    """The answer to CreatePostScanJob, carrying the new job's token."""
    return dsp.CreatePostScanJobResponse(job_token=dsp.String255ExtType(value=token))


def job_token(request: dsp.SendImageRequest) -> str:
    """The token of the job a SendImage request is for."""
    return request.job_token.value


def fault_named(name: str | None) -> Fault:
    """The fault a rule's hint names (``dsp:InvalidArgs``), InvalidArgs when it names none."""
    for fault in ALL_FAULTS:
        if fault.subcodes and prefixed(fault.subcodes[0].text) == name:
            return fault
    return DSP_INVALID_ARGS


class ScanServer:
    """Answers WS-DSP requests and keeps the images each job received."""

    def __init__(self, new_token: Callable[[], str] = lambda: str(uuid.uuid4())) -> None:
        self.session = Session("scan_server")
        self.new_token = new_token
        self.images: dict[str, list[bytes]] = {}

    def handle(self, data: bytes, content_type: str | None = None) -> bytes:
        """One request as it arrived; returns the response or fault to send back."""
        if content_type is None:
            request = parse(data)
        else:
            request = parse_package(data, content_type).envelope
        try:
            self.session.receive(request)
        except RemoteProtocolError as error:  # the device broke an ordering rule
            return reply(request, fault_named(error.fault).with_detail(error.rule).to_model())
        answer = reply(request, self._answer(request))
        self.session.send(parse(answer))  # a mistake of ours raises LocalProtocolError here
        return answer

    def _answer(self, request: Envelope) -> object:
        body = request.body
        if isinstance(body, dsp.CreatePostScanJobRequest):
            token = self.new_token()
            self.images[token] = []
            return create_response(token)
        if isinstance(body, dsp.SendImageRequest):
            self.images[job_token(body)].append(body.image_data)
            return dsp.SendImageResponse()
        if isinstance(body, dsp.EndPostScanJobRequest):
            return dsp.EndPostScanJobResponse()  # now run the filters, then send the events
        if isinstance(body, dsp.CancelPostScanJobRequest):
            return dsp.CancelPostScanJobResponse()
        return DSP_INVALID_ARGS.with_detail("unsupported request").to_model()
