"""One action registry: every body's wsa:Action, and every recorded alternative, maps back."""

from __future__ import annotations

import pytest

from dsm_messages import MESSAGE_TYPES
from dsm_messages.messages import FAULT_ACTION, by_action
from dsm_messages.models import dsc, dsd, dsp, soap, wscn, wse

DSP = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/"
WSCN = "http://schemas.microsoft.com/windows/2006/08/wdp/scan/"
DSD = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device/"
DSC = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration/"
WSE = "http://schemas.xmlsoap.org/ws/2004/08/eventing/"

# (model, primary action, alternatives) as the protocol references give them
EXPECTED = [
    (dsp.CreatePostScanJobRequest, DSP + "CreatePostScanJob", ()),
    (dsp.CreatePostScanJobResponse, DSP + "CreatePostScanJobResponse", ()),
    (dsp.SendImageRequest, DSP + "SendImage", ()),
    (dsp.SendImageResponse, DSP + "SendImageResponse", ()),
    (dsp.EndPostScanJobRequest, DSP + "EndPostScanJob", ()),
    (dsp.EndPostScanJobResponse, DSP + "EndPostScanJobResponse", ()),
    (dsp.CancelPostScanJobRequest, DSP + "CancelPostScanJob", ()),
    (dsp.CancelPostScanJobResponse, DSP + "CancelPostScanJobResponse", ()),
    (dsp.GetPostScanJobElementsRequest, DSP + "GetPostScanJobElements", ()),
    (dsp.GetPostScanJobElementsResponse, DSP + "GetPostScanJobElementsResponse", ()),
    (dsp.PostScanJobStatusEvent, DSP + "PostScanJobStatusEvent", ()),
    (dsp.PostScanJobEndStateEvent, DSP + "PostScanJobEndStateEvent", ()),
    (dsd.GetActiveJobsRequest, WSCN + "GetActiveJobs", (DSD + "GetActiveJobs",)),
    (
        dsd.GetScannerElementsResponse,
        WSCN + "GetScannerElementsResponse",
        (DSD + "GetScannerElementsResponse",),
    ),
    (wscn.ValidateScanTicketRequest, WSCN + "ValidateScanTicket", (DSD + "ValidateScanTicket",)),
    (dsd.JobEndStateEvent, WSCN + "JobEndStateEvent", (DSD + "JobEndStateEvent",)),
    (dsc.GetRepositoryElementsRequest, DSC + "GetRepositoryElements", ()),
    (dsc.PostScanJobEndStateEvent, DSC + "PostScanJobEndStateEvent", ()),
    (wse.Subscribe, WSE + "Subscribe", ()),
    (wse.SubscriptionEnd, WSE + "SubscriptionEnd", ()),
    (soap.Fault, FAULT_ACTION, ()),
]


@pytest.mark.parametrize(
    ("model", "action", "alternatives"), EXPECTED, ids=[row[0].__name__ for row in EXPECTED]
)
def test_action_of_body(model: type, action: str, alternatives: tuple[str, ...]) -> None:
    entry = next(e for e in MESSAGE_TYPES if e.model is model)
    assert entry.action == action
    assert entry.alternative_actions == alternatives
    assert by_action(action) is entry
    for alternative in alternatives:
        assert by_action(alternative) is entry


def test_every_message_has_an_action_and_no_action_is_shared() -> None:
    seen: dict[str, str] = {}
    for entry in MESSAGE_TYPES:
        if entry.kind == "document":
            assert entry.action is None
            continue
        assert entry.action is not None
        for action in (entry.action, *entry.alternative_actions):
            assert action not in seen, f"{action} used by {seen[action]} and {entry.qname}"
            seen[action] = entry.qname
    # 42 dsp/dsd/dsc bodies, 8 WS-Eventing bodies and the fault; WS-DSD's 16 have alternatives
    assert len(seen) == 42 + 8 + 1 + 16


def test_unknown_action_is_none() -> None:
    assert by_action(DSP + "FrobnicateJob") is None
    assert by_action(" " + DSP + "SendImage") is None  # callers trim; the registry does not guess
