"""Every ordering rule the conversation checker enforces: one table, one entry per rule.

An id names its source: ``DSP-10`` is rule 10 of WS-DSP's ordering rules, ``DSD-14`` rule 14 of
WS-DSD's; ``DSC-…`` rules come from the WS-DSC post-scan job model, which has no numbered list;
``WSCN-n`` rules from the WS-Scan element pages (windows-driver-docs, ``image/<element>.md``)
their source names, in our own numbering.
A ``violation`` breaks a MUST (the message is refused); a ``warning`` a SHOULD (the message is
accepted and the breach reported). ``fault`` is what a receiver answers a refused request
with; ``None`` where the message is not a request (nobody answers a response or an event).

>>> ORDERING_RULES["DSP-10"].severity, ORDERING_RULES["DSP-10"].fault
('violation', 'dsp:InvalidArgs')
"""

from __future__ import annotations

from typing import Literal

import attrs

OrderingSeverity = Literal["violation", "warning"]


@attrs.frozen(kw_only=True)
class OrderingRule:
    id: str
    severity: OrderingSeverity
    summary: str
    source: str
    fault: str | None = None


def _rules(*rows: tuple[str, OrderingSeverity, str, str, str | None]) -> dict[str, OrderingRule]:
    return {
        rule_id: OrderingRule(
            id=rule_id, severity=severity, summary=summary, source=source, fault=fault
        )
        for rule_id, severity, summary, source, fault in rows
    }


_DSP_ARGS = "dsp:InvalidArgs"
_DSC_NOT_FOUND = "dsc:ClientErrorJobTokenNotFound"
_WSCN_NOT_FOUND = "wscn:ClientErrorJobIdNotFound"

ORDERING_RULES: dict[str, OrderingRule] = _rules(
    # -- WS-DSP (wsdp.md section 10) ------------------------------------------------------
    (
        "DSP-1",
        "violation",
        "a job request names a JobToken no CreatePostScanJobResponse minted",
        "wsdp.md 10.1",
        _DSP_ARGS,
    ),
    (
        "DSP-2",
        "violation",
        "a JobToken differs from the minted one other than byte for byte",
        "wsdp.md 10.2",
        _DSP_ARGS,
    ),
    (
        "DSP-3",
        "violation",
        "an event names a JobToken that never appears in the conversation",
        "wsdp.md 10.3",
        None,
    ),
    (
        "DSP-4",
        "violation",
        "a job request follows a CreatePostScanJob that ended in a fault",
        "wsdp.md 10.4",
        _DSP_ARGS,
    ),
    (
        "DSP-5",
        "violation",
        "SendImage for a job that has already finished",
        "wsdp.md 10.5",
        _DSP_ARGS,
    ),
    ("DSP-6", "warning", "a job ended with no image sent", "wsdp.md 10.6", None),
    ("DSP-7", "violation", "a DocumentId used twice in one job", "wsdp.md 10.7", _DSP_ARGS),
    (
        "DSP-8",
        "warning",
        "SendImage sent before the previous one was answered",
        "wsdp.md 10.8",
        None,
    ),
    (
        "DSP-9",
        "violation",
        "EndPostScanJob sent twice, or before every SendImage was answered",
        "wsdp.md 10.9",
        _DSP_ARGS,
    ),
    ("DSP-10", "violation", "SendImage after EndPostScanJob", "wsdp.md 10.10", _DSP_ARGS),
    (
        "DSP-11",
        "warning",
        "a message for a job the scan server timed out (10 minutes without EndPostScanJob)",
        "wsdp.md 10.11",
        None,
    ),
    (
        "DSP-12",
        "violation",
        "CancelPostScanJob for a job that has finished",
        "wsdp.md 10.12",
        _DSP_ARGS,
    ),
    (
        "DSP-13",
        "violation",
        "SendImage or EndPostScanJob after CancelPostScanJob",
        "wsdp.md 10.13",
        _DSP_ARGS,
    ),
    (
        "DSP-16",
        "warning",
        "GetPostScanJobElementsResponse does not mirror the requested names",
        "wsdp.md 10.16",
        None,
    ),
    ("DSP-17", "violation", "a second reply to one request", "wsdp.md 10.17", None),
    (
        "DSP-11-OPEN",
        "warning",
        "a job neither ended, canceled nor finished when the transcript ends",
        "wsdp.md 10.11",
        None,
    ),
    (
        "DSP-17-UNANSWERED",
        "warning",
        "a request still unanswered when the transcript ends",
        "wsdp.md 10.17",
        None,
    ),
    (
        "DSP-18",
        "violation",
        "a reply whose RelatesTo names no request, or the wrong operation",
        "wsdp.md 10.18",
        None,
    ),
    (
        "DSP-19",
        "violation",
        "a MessageID used twice",
        "wsdp.md 10.19",
        "wsa:InvalidMessageInformationHeader",
    ),
    ("DSP-20", "warning", "an event although no subscription was seen", "wsdp.md 10.20", None),
    (
        "DSP-25",
        "violation",
        "a second end-state event, or Completed before EndPostScanJob was answered",
        "wsdp.md 10.25",
        None,
    ),
    (
        "DSP-26",
        "violation",
        "a status event after the job's end-state event",
        "wsdp.md 10.26",
        None,
    ),
    ("DSP-28", "violation", "a job state reported after a final state", "wsdp.md 10.28", None),
    ("DSP-28-BACKWARD", "warning", "a job state that moves backwards", "wsdp.md 10.28", None),
    (
        "DSP-30",
        "violation",
        "an end state that is not Aborted, Canceled, Completed or a vendor value",
        "wsdp.md 10.30",
        None,
    ),
    (
        "DSP-31",
        "warning",
        "a job state reason that does not go with the final state",
        "wsdp.md 10.31",
        None,
    ),
    (
        "DSP-32",
        "warning",
        "a filter state that moves backwards, or is not final in the end state",
        "wsdp.md 10.32",
        None,
    ),
    (
        "DSP-33",
        "warning",
        "filter dialects that differ from the job's instructions",
        "wsdp.md 10.33",
        None,
    ),
    (
        "DSP-34",
        "warning",
        "ImagesReceived decreases, or the end state's count differs from the images accepted",
        "wsdp.md 10.34",
        None,
    ),
    (
        "DSP-35",
        "warning",
        "JobCompletedTime before the job finished, or before JobCreatedTime",
        "wsdp.md 10.35",
        None,
    ),
    (
        "DSP-37",
        "warning",
        "PSP_Identifier differs from the one the job was created with",
        "wsdp.md 10.37",
        None,
    ),
    (
        "DSP-39",
        "violation",
        "the scan server sent a request (it only answers and sends events)",
        "wsdp.md 10.39",
        None,
    ),
    # -- WS-DSD (wsdsd.md section 8) ------------------------------------------------------
    ("DSD-1", "violation", "a JobId outside 1..2147483647", "wsdsd.md 8.1", None),
    (
        "DSD-2",
        "warning",
        "the first status of a job is not Creating, Pending or Started",
        "wsdsd.md 8.2",
        None,
    ),
    (
        "DSD-3",
        "violation",
        "a job state change the WS-DSD job model does not allow",
        "wsdsd.md 8.3",
        None,
    ),
    (
        "DSD-4",
        "violation",
        "Terminating followed by a state other than Canceled or Aborted",
        "wsdsd.md 8.4",
        None,
    ),
    ("DSD-5", "violation", "another state after a terminal one", "wsdsd.md 8.5", None),
    (
        "DSD-6",
        "violation",
        "a second end event, or a status event after the end event",
        "wsdsd.md 8.6",
        None,
    ),
    (
        "DSD-7",
        "violation",
        "the end state differs from the terminal state reported before",
        "wsdsd.md 8.7",
        None,
    ),
    ("DSD-7-TERMINATING", "warning", "an end state of Terminating", "wsdsd.md 8.7", None),
    (
        "DSD-8",
        "warning",
        "a status event that repeats the previous one unchanged",
        "wsdsd.md 8.8",
        None,
    ),
    ("DSD-9", "warning", "ScansCompleted decreases", "wsdsd.md 8.9", None),
    (
        "DSD-10",
        "warning",
        "JobCompletedTime on an unfinished job, or before JobCreatedTime",
        "wsdsd.md 8.10",
        None,
    ),
    ("DSD-11", "warning", "a finished JobId starts a new job", "wsdsd.md 8.11", None),
    (
        "DSD-12",
        "violation",
        "a terminal job among active jobs, or an unfinished one in the history",
        "wsdsd.md 8.12",
        None,
    ),
    ("DSD-12-REPEAT", "warning", "a JobId listed twice in one list", "wsdsd.md 8.12", None),
    (
        "DSD-13",
        "violation",
        "an unfinished JobStatus reported for a job whose end event was sent",
        "wsdsd.md 8.13",
        None,
    ),
    ("DSD-14", "violation", "a condition cleared that is not active", "wsdsd.md 8.14", None),
    ("DSD-15", "violation", "a condition cleared twice", "wsdsd.md 8.15", None),
    ("DSD-16", "warning", "a cleared condition Id used again", "wsdsd.md 8.16", None),
    ("DSD-18", "warning", "a condition cleared before it was raised", "wsdsd.md 8.18", None),
    ("DSD-19", "warning", "a cleared condition still listed as active", "wsdsd.md 8.19", None),
    (
        "DSD-20",
        "warning",
        "a status summary event that repeats the previous one",
        "wsdsd.md 8.20",
        None,
    ),
    ("DSD-22", "warning", "an event although no subscription was seen", "wsdsd.md 8.22", None),
    (
        "DSD-23",
        "violation",
        "a reply that names no request, a second reply, or a MessageID used twice",
        "wsdsd.md 8.23",
        None,
    ),
    (
        "DSD-23-UNANSWERED",
        "warning",
        "a request still unanswered when the transcript ends",
        "wsdsd.md 8.23",
        None,
    ),
    (
        "DSD-24",
        "violation",
        "ElementData that does not mirror the requested names",
        "wsdsd.md 8.24",
        None,
    ),
    (
        "DSD-24-ORDER",
        "warning",
        "ElementData in another order than the requested names",
        "wsdsd.md 8.24",
        None,
    ),
    (
        "DSD-ROLE",
        "violation",
        "the device sent a request, or the control point a response or event",
        "wsdsd.md 1",
        None,
    ),
    # -- WS-DSC (wsdsc-and-schemas.md section 9) ------------------------------------------
    (
        "DSC-CANCEL",
        "violation",
        "a cancel acknowledged for a job that had finished",
        "MS-BDSRR 3.2.4.2",
        _DSC_NOT_FOUND,
    ),
    (
        "DSC-END-STATE",
        "violation",
        "a second end-state event, or a status event after it",
        "MS-BDSRR 3.2.4.9",
        None,
    ),
    (
        "DSC-FINAL",
        "violation",
        "a job state reported after a final state",
        "wsdsc-and-schemas.md 9.2",
        None,
    ),
    ("DSC-ORDER", "warning", "a job state that moves backwards", "wsdsc-and-schemas.md 9.2", None),
    (
        "DSC-FILTER",
        "warning",
        "a filter state that moves backwards",
        "wsdsc-and-schemas.md 9.1",
        None,
    ),
    (
        "DSC-PAIRING",
        "violation",
        "a reply that names no request, a second reply, or a MessageID used twice",
        "MS-BDSRR 2.2.2.1",
        None,
    ),
    (
        "DSC-PAIRING-UNANSWERED",
        "warning",
        "a request still unanswered when the transcript ends",
        "MS-BDSRR 2.2.2.1",
        None,
    ),
    (
        "DSC-ROLE",
        "violation",
        "the scan server sent a request, or the console a response or event",
        "MS-BDSRR 1.3",
        None,
    ),
    # -- WS-Scan (the WS-Scan element pages of windows-driver-docs, image/<element>.md) ----
    (
        "WSCN-1",
        "violation",
        "RetrieveImage names a JobId no CreateScanJobResponse of the conversation gave",
        "WS-Scan RetrieveImageRequest",
        "wscn:ClientErrorJobIdNotFound",
    ),
    (
        "WSCN-2",
        "violation",
        "RetrieveImage quotes a JobToken other than the one its job was created with",
        "WS-Scan RetrieveImageRequest, JobToken",
        "wscn:ClientErrorInvalidJobToken",
    ),
    (
        "WSCN-3",
        "violation",
        "CreateScanJob quotes a DestinationToken no SubscribeResponse gave",
        "WS-Scan CreateScanJobRequest, DestinationToken, DestinationResponse",
        "wscn:ClientErrorInvalidDestinationToken",
    ),
    (
        "WSCN-4",
        "violation",
        "CreateScanJob quotes a ScanIdentifier no ScanAvailableEvent carried",
        "WS-Scan CreateScanJobRequest, ScanIdentifier",
        "wscn:ClientErrorInvalidScanIdentifier",
    ),
    (
        "WSCN-5",
        "violation",
        "a ScanAvailableEvent repeats the ScanIdentifier of an earlier one",
        "WS-Scan ScanIdentifier",
        None,
    ),
    (
        "WSCN-6",
        "violation",
        "a ScanAvailableEvent names a ClientContext no subscribed ScanDestination has",
        "WS-Scan ClientContext, ScanAvailableEvent",
        None,
    ),
    (
        "WSCN-7",
        "warning",
        "a ScanAvailableEvent although no subscription with ScanDestinations was seen",
        "WS-Scan ScanAvailableEvent",
        None,
    ),
    (
        "WSCN-8",
        "violation",
        "a SubscribeResponse without one DestinationResponse per ScanDestination, "
        "each with its ClientContext",
        "WS-Scan DestinationResponses, DestinationResponse",
        None,
    ),
    (
        "WSCN-9",
        "violation",
        "RetrieveImage for a job that was canceled or aborted",
        "WS-Scan RetrieveImageRequest",
        "wscn:ClientErrorJobCancelled",
    ),
    (
        "WSCN-10",
        "violation",
        "RetrieveImage for a job that has completed: no images are left",
        "WS-Scan RetrieveImageRequest, RetrieveImageResponse",
        "wscn:ClientErrorNoImagesAvailable",
    ),
    (
        "WSCN-11",
        "violation",
        "a CancelJobResponse for a job that had already finished (the cancel must fault)",
        "WS-Scan CancelJobRequest",
        None,
    ),
    (
        "WSCN-12",
        "violation",
        "a CreateScanJobResponse reuses a JobId the conversation saw assigned",
        "WS-Scan CreateScanJobResponse",
        None,
    ),
    (
        "WSCN-13",
        "violation",
        "a job status or end state after the job's end state",
        "WS-Scan JobEndStateEvent, JobState",
        None,
    ),
    (
        "WSCN-14",
        "warning",
        "an image sent for a RetrieveImage that came over 60 seconds after the job's last "
        "image exchange (the device should abort the job: JobTimedOut)",
        "WS-Scan CreateScanJobResponse",
        None,
    ),
    (
        "WSCN-ROLE",
        "violation",
        "the device sent a WS-Scan request, or the client a response or event",
        "WS-Scan Scan Service (WS-Scan) operations and events",
        None,
    ),
    # -- any protocol ---------------------------------------------------------------------
    (
        "WSA-PAIRING",
        "violation",
        "a fault or WS-Eventing reply that names no request, or a MessageID used twice",
        "WS-Addressing 2004/08",
        None,
    ),
    ("DSM-INVALID", "violation", "a message that fails validation", "dsm-messages validate", None),
)
# Rules about a job the remote side refers to by a JobId unknown to it answer with these faults
JOB_NOT_FOUND_FAULTS = {"dsp": _DSP_ARGS, "dsc": _DSC_NOT_FOUND, "dsd": _WSCN_NOT_FOUND}
