"""Every ordering rule the conversation checker enforces: one table, one row per rule.

An id names its source: ``DSP-10`` is rule 10 of WS-DSP's ordering rules, ``DSD-14`` rule 14 of
WS-DSD's; ``DSC-…`` rules come from the WS-DSC post-scan job model, which has no numbered list,
``WSCN-n`` rules from the WS-Scan element pages their source names
(windows-driver-docs, ``image/<element>.md``), in our own numbering, and ``WSA-…`` rules hold for
any protocol. Each id is a member of one enum per protocol, and
each member has exactly one row here: its severity in each profile, the fault a receiver
answers a refused request with (``None`` where the message is not a request: nobody answers a
response or an event) and its source. An ``error`` breaks a MUST (the message is refused: a
violation); a ``warning`` a SHOULD (the message is accepted and the breach reported). Rows are
:class:`~dsm_messages.rules.Rule` objects, like the validator's.

>>> rule = ORDERING_RULES[DspRule.R10]
>>> rule.severity("strict"), rule.fault
('error', 'dsp:InvalidArgs')
"""

from __future__ import annotations

from .faults import Fault
from .report import Severity
from .rule_ids import DscRule, DsdRule, DsmRule, DspRule, RuleId, WsaRule, WscnRule
from .rules import Rule, rule_row, rule_table

__all__ = [
    "ACCEPTED_AS",
    "ORDERING_RULES",
    "DscRule",
    "DsdRule",
    "DsmRule",
    "DspRule",
    "WsaRule",
    "WscnRule",
]


_DSP_ARGS = "dsp:InvalidArgs"
_DSC_NOT_FOUND = "dsc:ClientErrorJobTokenNotFound"


def _row(
    rule: RuleId,
    severity: Severity,
    summary: str,
    source: str,
    fault: str | Fault | None = None,
) -> Rule:
    # an ordering rule is as severe in both profiles (lenient differs only in what it reads)
    return rule_row(rule, summary, severity, fault=fault, source=source)


ORDERING_RULES: dict[str, Rule] = rule_table(
    # -- WS-DSP (wsdp.md section 10) ------------------------------------------------------
    _row(
        DspRule.R1,
        "error",
        "a job request names a JobToken no CreatePostScanJobResponse minted",
        "wsdp.md 10.1",
        _DSP_ARGS,
    ),
    _row(
        DspRule.R2,
        "error",
        "a JobToken differs from the minted one other than byte for byte",
        "wsdp.md 10.2",
        _DSP_ARGS,
    ),
    _row(
        DspRule.R3,
        "error",
        "an event names a JobToken that never appears in the conversation",
        "wsdp.md 10.3",
    ),
    _row(
        DspRule.R4,
        "error",
        "a job request follows a CreatePostScanJob that ended in a fault",
        "wsdp.md 10.4",
        _DSP_ARGS,
    ),
    _row(
        DspRule.R5,
        "error",
        "SendImage for a job that has already finished",
        "wsdp.md 10.5",
        _DSP_ARGS,
    ),
    _row(DspRule.R6, "warning", "a job ended with no image sent", "wsdp.md 10.6"),
    _row(DspRule.R7, "error", "a DocumentId used twice in one job", "wsdp.md 10.7", _DSP_ARGS),
    _row(
        DspRule.R8,
        "warning",
        "SendImage sent before the previous one was answered",
        "wsdp.md 10.8",
    ),
    _row(
        DspRule.R9,
        "error",
        "EndPostScanJob sent twice, or before every SendImage was answered",
        "wsdp.md 10.9",
        _DSP_ARGS,
    ),
    _row(DspRule.R10, "error", "SendImage after EndPostScanJob", "wsdp.md 10.10", _DSP_ARGS),
    _row(
        DspRule.R11,
        "warning",
        "a message for a job the scan server timed out (10 minutes without EndPostScanJob)",
        "wsdp.md 10.11",
    ),
    _row(
        DspRule.R12,
        "error",
        "CancelPostScanJob for a job that has finished",
        "wsdp.md 10.12",
        _DSP_ARGS,
    ),
    _row(
        DspRule.R13,
        "error",
        "SendImage or EndPostScanJob after CancelPostScanJob",
        "wsdp.md 10.13",
        _DSP_ARGS,
    ),
    _row(
        DspRule.R16,
        "warning",
        "GetPostScanJobElementsResponse does not mirror the requested names",
        "wsdp.md 10.16",
    ),
    _row(DspRule.R17, "error", "a second reply to one request", "wsdp.md 10.17"),
    _row(
        DspRule.R11_OPEN,
        "warning",
        "a job neither ended, canceled nor finished when the transcript ends",
        "wsdp.md 10.11",
    ),
    _row(
        DspRule.R17_UNANSWERED,
        "warning",
        "a request still unanswered when the transcript ends",
        "wsdp.md 10.17",
    ),
    _row(
        DspRule.R18,
        "error",
        "a reply whose RelatesTo names no request, or the wrong operation",
        "wsdp.md 10.18",
    ),
    _row(
        DspRule.R19,
        "error",
        "a MessageID used twice",
        "wsdp.md 10.19",
        "wsa:InvalidMessageInformationHeader",
    ),
    _row(DspRule.R20, "warning", "an event although no subscription was seen", "wsdp.md 10.20"),
    _row(
        DspRule.R25,
        "error",
        "a second end-state event, or Completed before EndPostScanJob was answered",
        "wsdp.md 10.25",
    ),
    _row(DspRule.R26, "error", "a status event after the job's end-state event", "wsdp.md 10.26"),
    _row(DspRule.R28, "error", "a job state reported after a final state", "wsdp.md 10.28"),
    _row(DspRule.R28_BACKWARD, "warning", "a job state that moves backwards", "wsdp.md 10.28"),
    _row(
        DspRule.R30,
        "error",
        "an end state that is not Aborted, Canceled, Completed or a vendor value",
        "wsdp.md 10.30",
    ),
    _row(
        DspRule.R31,
        "warning",
        "a job state reason that does not go with the final state",
        "wsdp.md 10.31",
    ),
    _row(
        DspRule.R32,
        "warning",
        "a filter state that moves backwards, or is not final in the end state",
        "wsdp.md 10.32",
    ),
    _row(
        DspRule.R33,
        "warning",
        "filter dialects that differ from the job's instructions",
        "wsdp.md 10.33",
    ),
    _row(
        DspRule.R34,
        "warning",
        "ImagesReceived decreases, or the end state's count differs from the images accepted",
        "wsdp.md 10.34",
    ),
    _row(
        DspRule.R35,
        "warning",
        "JobCompletedTime before the job finished, or before JobCreatedTime",
        "wsdp.md 10.35",
    ),
    _row(
        DspRule.R37,
        "warning",
        "PSP_Identifier differs from the one the job was created with",
        "wsdp.md 10.37",
    ),
    _row(
        DspRule.R39,
        "error",
        "the scan server sent a request (it only answers and sends events)",
        "wsdp.md 10.39",
    ),
    # -- WS-DSD (wsdsd.md section 8) ------------------------------------------------------
    _row(DsdRule.R1, "error", "a JobId outside 1..2147483647", "wsdsd.md 8.1"),
    _row(
        DsdRule.R2,
        "warning",
        "the first status of a job is not Creating, Pending or Started",
        "wsdsd.md 8.2",
    ),
    _row(
        DsdRule.R3,
        "error",
        "a job state change the WS-DSD job model does not allow",
        "wsdsd.md 8.3",
    ),
    _row(
        DsdRule.R4,
        "error",
        "Terminating followed by a state other than Canceled or Aborted",
        "wsdsd.md 8.4",
    ),
    _row(DsdRule.R5, "error", "another state after a terminal one", "wsdsd.md 8.5"),
    _row(
        DsdRule.R6,
        "error",
        "a second end event, or a status event after the end event",
        "wsdsd.md 8.6",
    ),
    _row(
        DsdRule.R7,
        "error",
        "the end state differs from the terminal state reported before",
        "wsdsd.md 8.7",
    ),
    _row(DsdRule.R7_TERMINATING, "warning", "an end state of Terminating", "wsdsd.md 8.7"),
    _row(
        DsdRule.R8,
        "warning",
        "a status event that repeats the previous one unchanged",
        "wsdsd.md 8.8",
    ),
    _row(DsdRule.R9, "warning", "ScansCompleted decreases", "wsdsd.md 8.9"),
    _row(
        DsdRule.R10,
        "warning",
        "JobCompletedTime on an unfinished job, or before JobCreatedTime",
        "wsdsd.md 8.10",
    ),
    _row(DsdRule.R11, "warning", "a finished JobId starts a new job", "wsdsd.md 8.11"),
    _row(
        DsdRule.R12,
        "error",
        "a terminal job among active jobs, or an unfinished one in the history",
        "wsdsd.md 8.12",
    ),
    _row(DsdRule.R12_REPEAT, "warning", "a JobId listed twice in one list", "wsdsd.md 8.12"),
    _row(
        DsdRule.R13,
        "error",
        "an unfinished JobStatus reported for a job whose end event was sent",
        "wsdsd.md 8.13",
    ),
    _row(DsdRule.R14, "error", "a condition cleared that is not active", "wsdsd.md 8.14"),
    _row(DsdRule.R15, "error", "a condition cleared twice", "wsdsd.md 8.15"),
    _row(DsdRule.R16, "warning", "a cleared condition Id used again", "wsdsd.md 8.16"),
    _row(DsdRule.R18, "warning", "a condition cleared before it was raised", "wsdsd.md 8.18"),
    _row(DsdRule.R19, "warning", "a cleared condition still listed as active", "wsdsd.md 8.19"),
    _row(
        DsdRule.R20,
        "warning",
        "a status summary event that repeats the previous one",
        "wsdsd.md 8.20",
    ),
    _row(DsdRule.R22, "warning", "an event although no subscription was seen", "wsdsd.md 8.22"),
    _row(
        DsdRule.R23,
        "error",
        "a reply that names no request, a second reply, or a MessageID used twice",
        "wsdsd.md 8.23",
    ),
    _row(
        DsdRule.R23_UNANSWERED,
        "warning",
        "a request still unanswered when the transcript ends",
        "wsdsd.md 8.23",
    ),
    _row(
        DsdRule.R24,
        "error",
        "ElementData that does not mirror the requested names",
        "wsdsd.md 8.24",
    ),
    _row(
        DsdRule.R24_ORDER,
        "warning",
        "ElementData in another order than the requested names",
        "wsdsd.md 8.24",
    ),
    _row(
        DsdRule.ROLE,
        "error",
        "the device sent a request, or the control point a response or event",
        "wsdsd.md 1",
    ),
    # -- WS-DSC (wsdsc-and-schemas.md section 9) ------------------------------------------
    _row(
        DscRule.CANCEL,
        "error",
        "a cancel acknowledged for a job that had finished",
        "MS-BDSRR 3.2.4.2",
        _DSC_NOT_FOUND,
    ),
    _row(
        DscRule.END_STATE,
        "error",
        "a second end-state event, or a status event after it",
        "MS-BDSRR 3.2.4.9",
    ),
    _row(
        DscRule.FINAL,
        "error",
        "a job state reported after a final state",
        "wsdsc-and-schemas.md 9.2",
    ),
    _row(DscRule.ORDER, "warning", "a job state that moves backwards", "wsdsc-and-schemas.md 9.2"),
    _row(
        DscRule.FILTER,
        "warning",
        "a filter state that moves backwards",
        "wsdsc-and-schemas.md 9.1",
    ),
    _row(
        DscRule.PAIRING,
        "error",
        "a reply that names no request, a second reply, or a MessageID used twice",
        "MS-BDSRR 2.2.2.1",
    ),
    _row(
        DscRule.PAIRING_UNANSWERED,
        "warning",
        "a request still unanswered when the transcript ends",
        "MS-BDSRR 2.2.2.1",
    ),
    _row(
        DscRule.ROLE,
        "error",
        "the scan server sent a request, or the console a response or event",
        "MS-BDSRR 1.3",
    ),
    _row(
        DscRule.SUBSCRIPTION,
        "warning",
        "an event although no subscription was seen",
        "MS-BDSRR 3.2.4",
    ),
    _row(
        DscRule.REASON,
        "warning",
        "a job state reason that does not go with the final state",
        "wsdsc-and-schemas.md 9.1",
    ),
    # -- WS-Scan (the WS-Scan element pages of windows-driver-docs, image/<element>.md) ----
    _row(
        WscnRule.R1,
        "error",
        "RetrieveImage names a JobId no CreateScanJobResponse of the conversation gave",
        "WS-Scan RetrieveImageRequest",
        "wscn:ClientErrorJobIdNotFound",
    ),
    _row(
        WscnRule.R2,
        "error",
        "RetrieveImage quotes a JobToken other than the one its job was created with",
        "WS-Scan RetrieveImageRequest, JobToken",
        "wscn:ClientErrorInvalidJobToken",
    ),
    _row(
        WscnRule.R3,
        "error",
        "CreateScanJob quotes a DestinationToken no SubscribeResponse gave",
        "WS-Scan CreateScanJobRequest, DestinationToken, DestinationResponse",
        "wscn:ClientErrorInvalidDestinationToken",
    ),
    _row(
        WscnRule.R4,
        "error",
        "CreateScanJob quotes a ScanIdentifier no ScanAvailableEvent carried",
        "WS-Scan CreateScanJobRequest, ScanIdentifier",
        "wscn:ClientErrorInvalidScanIdentifier",
    ),
    _row(
        WscnRule.R5,
        "error",
        "a ScanAvailableEvent repeats the ScanIdentifier of an earlier one",
        "WS-Scan ScanIdentifier",
    ),
    _row(
        WscnRule.R6,
        "error",
        "a ScanAvailableEvent names a ClientContext no subscribed ScanDestination has",
        "WS-Scan ClientContext, ScanAvailableEvent",
    ),
    _row(
        WscnRule.R7,
        "warning",
        "a ScanAvailableEvent although no subscription with ScanDestinations was seen",
        "WS-Scan ScanAvailableEvent",
    ),
    _row(
        WscnRule.R8,
        "error",
        "a SubscribeResponse without one DestinationResponse per ScanDestination, each "
        "with its ClientContext",
        "WS-Scan DestinationResponses, DestinationResponse",
    ),
    _row(
        WscnRule.R9,
        "error",
        "RetrieveImage for a job that was canceled or aborted",
        "WS-Scan RetrieveImageRequest",
        "wscn:ClientErrorJobCancelled",
    ),
    _row(
        WscnRule.R10,
        "error",
        "RetrieveImage for a job that has completed: no images are left",
        "WS-Scan RetrieveImageRequest, RetrieveImageResponse",
        "wscn:ClientErrorNoImagesAvailable",
    ),
    _row(
        WscnRule.R11,
        "error",
        "a CancelJobResponse for a job that had already finished (the cancel must fault)",
        "WS-Scan CancelJobRequest",
    ),
    _row(
        WscnRule.R12,
        "error",
        "a CreateScanJobResponse reuses a JobId the conversation saw assigned",
        "WS-Scan CreateScanJobResponse",
    ),
    _row(
        WscnRule.R13,
        "error",
        "a job status or end state after the job's end state",
        "WS-Scan JobEndStateEvent, JobState",
    ),
    _row(
        WscnRule.R14,
        "warning",
        "an image sent for a RetrieveImage that came over 60 seconds after the job's last "
        "image exchange (the device should abort the job: JobTimedOut)",
        "WS-Scan CreateScanJobResponse",
    ),
    _row(
        WscnRule.R15,
        "warning",
        "RetrieveImage answered ClientErrorJobIdNotFound for a job the conversation shows "
        "open (a RICOH Aficio MP 201 says its feeder is empty so): the job is taken as over",
        "WS-Scan RetrieveImageRequest; sane-airscan (RICOH Aficio MP 201)",
    ),
    _row(
        WscnRule.ROLE,
        "error",
        "the device sent a WS-Scan request, or the client a response or event",
        "WS-Scan Scan Service (WS-Scan) operations and events",
    ),
    # -- any protocol ---------------------------------------------------------------------
    _row(
        WsaRule.PAIRING,
        "error",
        "a fault or WS-Eventing reply that names no request, or a MessageID used twice",
        "WS-Addressing 2004/08",
    ),
    _row(
        WsaRule.UNANSWERED,
        "warning",
        "a request still unanswered when the transcript ends",
        "WS-Addressing 2004/08",
    ),
    _row(DsmRule.INVALID, "error", "a message that fails validation", "dsm-messages validate"),
    # -- what the receiver of a refused request answers, and the HTTP it travels in ---------
    rule_row(
        # the faults named in the rows above come from each protocol's fault tables; a
        # receiver that answers with another one is read leniently (Windows answers a
        # JobToken that is no GUID with wsa:EndpointUnavailable, MS-BDSRR notes 14 and 15)
        DsmRule.FAULT_MISMATCH,
        "a refused request answered with another fault (code or subcode) than the one the "
        "rule it breaks names",
        "error",
        "warning",
        fault=None,
        source="the fault tables of WS-DSP, WS-DSD, WS-DSC and WS-Scan",
    ),
    rule_row(
        # sane-airscan (airscan-wsd.c, wsd_fault_check) reads faults sent with status 200 by
        # some devices (Lexmark MB2236adw, Xerox WorkCentre 3225): tolerated in lenient
        DsmRule.HTTP_STATUS,
        "a fault sent with a success status (2xx), or a response with an error status",
        "error",
        "warning",
        fault=None,
        source="SOAP 1.2 Part 2, 7.5.2",
    ),
    rule_row(
        DsmRule.HTTP_FAULT_STATUS,
        "a fault sent with an error status other than its code's: 400 for soap:Sender, 500 "
        "for the other codes",
        "error",
        "warning",
        fault=None,
        source="SOAP 1.2 Part 2, 7.5.2.2",
    ),
    rule_row(
        DsmRule.HTTP_CONTENT_TYPE,
        "a message sent with a Content-Type other than application/soap+xml (an envelope) or "
        "multipart/related (an MTOM package)",
        "error",
        "warning",
        fault=None,
        source="SOAP 1.2 Part 2, 7.1.4; XOP 1.0, MTOM HTTP binding",
    ),
)

#: The rule a receiver breaks by accepting a request refused for the rule of the key (every
#: other rule: the same one). A device that sends a job request after a CreatePostScanJob that
#: failed breaks rule 4; the scan server that accepts it accepts a JobToken it never minted.
ACCEPTED_AS: dict[str, RuleId] = {DspRule.R4: DspRule.R1}
