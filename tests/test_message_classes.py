"""Every operation and event of WS-DSP, WS-DSD, WS-DSC and WS-Scan has a generated body class.

The expected names below are our own list, taken from the protocol references, not read from
any file: if a model disappears or is renamed, this fails.
"""

from __future__ import annotations

import importlib

import pytest

from dsm_messages import MESSAGE_TYPES, by_qname, message_type
from dsm_messages import namespaces as ns

DSP_OPERATIONS = [
    "CreatePostScanJob",
    "SendImage",
    "EndPostScanJob",
    "CancelPostScanJob",
    "GetPostScanJobElements",
]
DSP_EVENTS = ["PostScanJobStatusEvent", "PostScanJobEndStateEvent"]
DSD_OPERATIONS = ["GetActiveJobs", "GetJobElements", "GetJobHistory", "GetScannerElements"]
DSD_EVENTS = [
    "JobStatusEvent",
    "JobEndStateEvent",
    "ScannerElementsChangeEvent",
    "ScannerStatusConditionEvent",
    "ScannerStatusConditionClearedEvent",
    "ScannerStatusSummaryEvent",
]
# WS-Scan's own bodies (wscn:); ValidateScanTicket is the one body WS-DSD shares with it
WSCN_OPERATIONS = [
    "CreateScanJob",
    "RetrieveImage",
    "CancelJob",
    "GetScannerElements",
    "GetJobElements",
    "GetActiveJobs",
    "GetJobHistory",
]
WSCN_EVENTS = [
    "ScanAvailableEvent",
    "ScannerElementsChangeEvent",
    "ScannerStatusSummaryEvent",
    "ScannerStatusConditionEvent",
    "ScannerStatusConditionClearedEvent",
    "JobStatusEvent",
    "JobEndStateEvent",
]
DSC_OPERATIONS = [
    "GetRepositoryElements",
    "CancelPostScanJob",
    "GetPostScanJobElements",
    "GetActiveJobs",
    "GetJobHistory",
]
DSC_EVENTS = [
    "RepositoryElementsChangeEvent",
    "RepositoryStatusSummaryEvent",
    "PostScanJobStatusEvent",
    "PostScanJobEndStateEvent",
]


def _bodies() -> list[tuple[str, str, str, str]]:
    """(protocol, operation, kind, body element local name in its module)."""
    rows = []
    for protocol, operations, events in (
        ("dsp", DSP_OPERATIONS, DSP_EVENTS),
        ("dsd", DSD_OPERATIONS, DSD_EVENTS),
        ("dsc", DSC_OPERATIONS, DSC_EVENTS),
        ("wscn", WSCN_OPERATIONS, WSCN_EVENTS),
    ):
        for op in operations:
            rows.append((protocol, op, "request", f"{protocol}.{op}Request"))
            rows.append((protocol, op, "response", f"{protocol}.{op}Response"))
        rows.extend((protocol, event, "event", f"{protocol}.{event}") for event in events)
    # WS-DSD's ValidateScanTicket bodies are WS-Scan elements (decision 2 of the spec notes)
    rows.append(("dsd", "ValidateScanTicket", "request", "wscn.ValidateScanTicketRequest"))
    rows.append(("dsd", "ValidateScanTicket", "response", "wscn.ValidateScanTicketResponse"))
    return rows


BODIES = _bodies()
NAMESPACE_OF = {"dsp": ns.DSP, "dsd": ns.DSD, "dsc": ns.DSC, "wscn": ns.WSCN}


def test_the_expected_list_is_complete() -> None:
    assert len(BODIES) == 12 + 16 + 14 + 21


@pytest.mark.parametrize(
    ("protocol", "operation", "kind", "dotted"), BODIES, ids=[row[3] for row in BODIES]
)
def test_body_class_exists_with_its_element_name(
    protocol: str, operation: str, kind: str, dotted: str
) -> None:
    module_name, class_name = dotted.split(".")
    module = importlib.import_module(f"dsm_messages.models.{module_name}")
    model = getattr(module, class_name)
    meta = model.Meta
    assert getattr(meta, "name", model.__name__) == class_name
    assert meta.namespace == NAMESPACE_OF[module_name]
    entry = message_type(model)
    assert (entry.protocol, entry.operation, entry.kind) == (protocol, operation, kind)
    assert by_qname(f"{{{meta.namespace}}}{class_name}") is entry


def test_table_has_no_duplicates_and_every_entry_is_a_dataclass() -> None:
    models = [entry.model for entry in MESSAGE_TYPES]
    assert len(models) == len(set(models))
    assert len({entry.qname for entry in MESSAGE_TYPES}) == len(MESSAGE_TYPES)
    for model in models:
        assert hasattr(model, "__dataclass_fields__"), model


def test_unknown_class_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match=r"builtins\.int is not a DSM message body"):
        message_type(int)
