"""Faults as values and exceptions, and on the wire."""

from __future__ import annotations

from xml.etree.ElementTree import QName

import pytest
from lxml import etree

from dsm_messages import load_schema, parse, reply, serialize
from dsm_messages.envelope import ANONYMOUS
from dsm_messages.faults import (
    ACTION_NOT_SUPPORTED,
    ALL_FAULTS,
    DSC_JOB_TOKEN_NOT_FOUND,
    DSP_INVALID_ARGS,
    VERSION_MISMATCH,
    WSCN_JOB_ID_NOT_FOUND,
    Fault,
    FaultError,
)
from dsm_messages.models import dsp, soap
from dsm_messages.namespaces import DSC, DSP, WSA, WSCN


def test_documented_subcodes_are_named_constants() -> None:
    subcodes = {fault.subcodes[0] for fault in ALL_FAULTS if fault.subcodes}
    for namespace, local in [
        (WSA, "ActionNotSupported"),
        (WSA, "EndpointUnavailable"),
        (DSP, "InvalidArgs"),
        (DSP, "OperationFailed"),
        (DSP, "ServerErrorTemporaryError"),
        (DSP, "ServerErrorInternalError"),
        (DSP, "ClientErrorJobTokenNotFound"),
        (DSC, "InvalidArgs"),
        (DSC, "OperationFailed"),
        (DSC, "ClientErrorCurrentUserNotScanAdmin"),
        (DSC, "ClientErrorJobTokenNotFound"),
        (DSC, "ServerErrorInternalError"),
        (DSC, "ServerErrorTemporaryError"),
        (DSC, "ServerErrorPostScanJobCanceled"),
        (WSCN, "InvalidArgs"),
        (WSCN, "ClientErrorJobIdNotFound"),
        (WSCN, "ClientErrorConflictingRequiredParameters"),
    ]:
        assert QName(namespace, local) in subcodes, local
    assert DSP_INVALID_ARGS.code == "Sender"
    assert ACTION_NOT_SUPPORTED.code == "Sender"
    assert DSC_JOB_TOKEN_NOT_FOUND.code == "Sender"


@pytest.mark.parametrize("fault", ALL_FAULTS, ids=str)
def test_every_named_fault_is_a_valid_envelope_and_reads_back(fault: Fault) -> None:
    data = serialize(fault.with_detail("264a19bf").to_model(), to=ANONYMOUS)
    schema = load_schema()
    assert schema.validate(etree.fromstring(data)), [str(e) for e in schema.error_log]
    envelope = parse(data)
    assert isinstance(envelope.body, soap.Fault)
    assert Fault.from_model(envelope.body) == fault.with_detail("264a19bf")


def test_subcode_prefix_is_declared_on_the_wire() -> None:
    data = serialize(WSCN_JOB_ID_NOT_FOUND.to_model(), to=ANONYMOUS)
    root = etree.fromstring(data)
    value = root.find(
        f".//{{{soap.Fault.Meta.namespace}}}Subcode/{{{soap.Fault.Meta.namespace}}}Value"
    )
    assert value is not None
    assert value.text == "wscn:ClientErrorJobIdNotFound"
    assert value.nsmap["wscn"] == WSCN


def test_a_server_raises_and_answers_with_the_fault() -> None:
    request = parse(
        serialize(
            dsp.EndPostScanJobRequest(job_token="x"),
            to="https://scansrv01/ScanServer",
            message_id="urn:uuid:1",
        )
    )
    try:
        raise FaultError(DSP_INVALID_ARGS.with_detail("JobToken"))
    except FaultError as error:
        answer = parse(reply(request, error.fault.to_model()))
    assert isinstance(answer.body, soap.Fault)
    assert Fault.from_model(answer.body).detail == "JobToken"
    assert answer.relates_to == "urn:uuid:1"
    assert str(DSP_INVALID_ARGS) == "dsp:InvalidArgs (soap:Sender): an input argument is invalid"


def test_fault_without_subcode() -> None:
    assert VERSION_MISMATCH.subcodes == ()
    assert Fault.from_model(VERSION_MISMATCH.to_model()) == VERSION_MISMATCH
    assert str(VERSION_MISMATCH).startswith("soap:VersionMismatch (soap:VersionMismatch)")


def test_every_fault_hint_of_a_rule_can_be_built_from_a_named_constant() -> None:
    """A server that refuses a message on a rule's advice finds the fault to send here."""
    from dsm_messages import RULES
    from dsm_messages.faults import ALL_FAULTS
    from dsm_messages.namespaces import prefixed
    from dsm_messages.ordering_rules import ORDERING_RULES

    named = {prefixed(fault.subcodes[0].text) for fault in ALL_FAULTS if fault.subcodes}
    named |= {f"soap:{fault.code}" for fault in ALL_FAULTS}
    hints = {rule.fault for rule in RULES.values()} | {
        rule.fault for rule in ORDERING_RULES.values()
    }
    hints.discard(None)
    hints.discard("InvalidArgs")  # the protocol's own: dsp:, dsc: or wscn:InvalidArgs
    assert {"dsp:InvalidArgs", "dsc:InvalidArgs", "wscn:InvalidArgs"} <= named
    assert hints - named == set()
