"""One action registry: every body's wsa:Action, and every recorded alternative, maps back."""

from __future__ import annotations

import pytest

from dsm_messages import MESSAGE_TYPES, MessageType
from dsm_messages.messages import FAULT_ACTION, all_by_action, by_action
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


def test_every_message_has_an_action_and_only_ws_dsd_and_ws_scan_share_one() -> None:
    seen: dict[str, MessageType] = {}
    shared = set()
    for entry in MESSAGE_TYPES:
        if entry.kind == "document":
            assert entry.action is None
            continue
        assert entry.action is not None
        for action in (entry.action, *entry.alternative_actions):
            if action in seen:
                # WS-DSD's primary action is WS-Scan's own: the same operation, in dsd: or wscn:
                first = seen[action]
                assert (first.protocol, entry.protocol) == ("dsd", "wscn"), action
                assert (first.operation, first.kind) == (entry.operation, entry.kind), action
                assert action == entry.action == first.action
                shared.add(action)
                continue
            seen[action] = entry
    # 42 dsp/dsd/dsc bodies, 8 WS-Eventing bodies and the fault; WS-DSD's 16 have alternatives;
    # WS-Scan's CreateScanJob, RetrieveImage, CancelJob and ScanAvailableEvent are its alone;
    # WS-Discovery's six bodies and the metadata GetResponse (its Get has an empty body)
    assert len(seen) == 42 + 8 + 1 + 16 + 7 + 6 + 1
    # GetActiveJobs, GetJobElements, GetJobHistory, GetScannerElements and the six events
    assert len(shared) == 4 * 2 + 6


@pytest.mark.parametrize(
    ("operation", "kind"),
    [("GetScannerElements", "response"), ("JobEndStateEvent", "event")],
)
def test_a_shared_action_announces_both_bodies_ws_dsd_first(operation: str, kind: str) -> None:
    suffix = "Response" if kind == "response" else ""
    both = all_by_action(WSCN + operation + suffix)
    assert [(e.protocol, e.operation, e.kind) for e in both] == [
        ("dsd", operation, kind),
        ("wscn", operation, kind),
    ]
    assert [e.model.Meta.namespace for e in both] == [DSD[:-1], WSCN[:-1]]  # type: ignore[attr-defined]
    assert by_action(WSCN + operation + suffix) is both[0]
    # the WS-DSD namespace form stays WS-DSD's alone
    assert all_by_action(DSD + operation + suffix) == both[:1]


def test_ws_scan_operations_of_its_own() -> None:
    for name, model in [
        ("CreateScanJob", wscn.CreateScanJobRequest),
        ("RetrieveImageResponse", wscn.RetrieveImageResponse),
        ("CancelJob", wscn.CancelJobRequest),
        ("ScanAvailableEvent", wscn.ScanAvailableEvent),
    ]:
        (entry,) = all_by_action(WSCN + name)
        assert entry.model is model
        assert entry.protocol == "wscn"
        assert entry.alternative_actions == ()
    assert all_by_action(DSD + "CreateScanJob") == ()


def test_unknown_action_is_none() -> None:
    assert by_action(DSP + "FrobnicateJob") is None
    assert by_action(" " + DSP + "SendImage") is None  # callers trim; the registry does not guess
