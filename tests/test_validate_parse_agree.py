"""``validate`` and ``parse`` read the bytes the same way: what validate calls valid, parse binds
whole (nothing dropped, truncated or picked among) and writes back unchanged, and what it calls
invalid, parse refuses with the same codes (the property is ``fuzz_targets.target_agree``, and
``target_agree_lenient`` for the lenient profile).

It is checked on every seed set, the same inputs every run: on generated structures (each
sample body of ``dsm_messages.testing.samples`` varied in shape, then mutated), which need no
file; on the bundled examples alone, as a checkout without ``../shared`` beside it sees them;
and on every stored seed, Microsoft's doc examples included when they are there.
"""

from __future__ import annotations

import random

import fuzz_targets
from fuzz_surfaces import generated_message, generated_seeds
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import fuzzing, mutated

from dsm_messages import parse
from dsm_messages.models import dsd, wscn
from dsm_messages.testing.samples import SAMPLES

GENERATED = [data for _, data in generated_seeds()]
BUNDLED = [data for _, data in fuzz_targets.seeds(shared=False)]


def structures() -> st.SearchStrategy[bytes]:
    """A sample body varied in shape, in its envelope, then mutated 0 to 3 times."""
    return st.builds(
        lambda key, shape, state, count: fuzz_targets.mutate(
            generated_message(key, shape), random.Random(state), GENERATED, count
        ),
        st.sampled_from(sorted(SAMPLES)),
        st.integers(0, 2**32 - 1),
        st.integers(0, 2**32 - 1),
        st.integers(0, 3),
    )


@fuzzing(400)
@given(structures())
def test_validate_and_parse_agree_on_generated_structures(data: bytes) -> None:
    fuzz_targets.target_agree(data)


@fuzzing(250)
@given(mutated(BUNDLED))
def test_validate_and_parse_agree_on_the_bundled_examples_alone(data: bytes) -> None:
    fuzz_targets.target_agree(data)


@fuzzing(400)
@given(mutated())
def test_validate_says_valid_exactly_when_parse_binds_it_whole(data: bytes) -> None:
    fuzz_targets.target_agree(data)


@fuzzing(300)
@given(mutated())
def test_lenient_validate_and_parse_agree(data: bytes) -> None:
    fuzz_targets.target_agree_lenient(data)


@fuzzing(200)
@given(structures())
def test_lenient_validate_and_parse_agree_on_generated_structures(data: bytes) -> None:
    fuzz_targets.target_agree_lenient(data)


_HEAD = (
    '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"'
    ' xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"'
    ' xmlns:wscn="http://schemas.microsoft.com/windows/2006/08/wdp/scan"'
    ' xmlns:dsd="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device">'
    "<soap:Header>"
    "<wsa:To>https://scansrv01.example:5362/ScanServer/7</wsa:To>"
    "<wsa:Action>{action}</wsa:Action>"
    "<wsa:MessageID>urn:uuid:5eb4f990-0000-4000-8000-000000000001</wsa:MessageID>{reply}"
    '</soap:Header><soap:Body xmlns="urn:example:default">{body}</soap:Body></soap:Envelope>'
)
_WSCN = "http://schemas.microsoft.com/windows/2006/08/wdp/scan/"
_DSD = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device/"
_ANONYMOUS = (
    "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
    "</wsa:Address></wsa:ReplyTo>"
)


def test_a_condition_keyword_is_no_name_in_the_default_namespace() -> None:
    # wscn:Name is a keyword in a DeviceCondition and an xs:QName in a RequestedElements: the
    # default namespace of the body applies to the second only
    event = _HEAD.format(
        action=_WSCN + "ScannerStatusConditionEvent",
        reply="",
        body='<wscn:ScannerStatusConditionEvent><wscn:DeviceCondition Id="12">'
        "<wscn:Time>2026-03-02T09:14:58Z</wscn:Time><wscn:Name>LampWarming</wscn:Name>"
        "<wscn:Component>Platen</wscn:Component><wscn:Severity>Informational</wscn:Severity>"
        "</wscn:DeviceCondition></wscn:ScannerStatusConditionEvent>",
    ).encode()
    request = _HEAD.format(
        action=_WSCN + "GetScannerElements",
        reply=_ANONYMOUS,
        body="<wscn:GetScannerElementsRequest><wscn:RequestedElements>"
        "<wscn:Name>LampWarming</wscn:Name></wscn:RequestedElements>"
        "</wscn:GetScannerElementsRequest>",
    ).encode()
    # (WS-DSD asks with the WS-Scan type: its RequestedElements holds wscn:Name QNames too)
    dsd_request = _HEAD.format(
        action=_DSD + "GetScannerElements",
        reply=_ANONYMOUS,
        body="<dsd:GetScannerElementsRequest><dsd:RequestedElements>"
        "<wscn:Name>LampWarming</wscn:Name></dsd:RequestedElements>"
        "</dsd:GetScannerElementsRequest>",
    ).encode()

    condition = parse(event, validate=True).body
    assert isinstance(condition, wscn.ScannerStatusConditionEvent)
    assert condition.device_condition.name == "LampWarming"
    asked = parse(request, validate=True).body
    assert isinstance(asked, wscn.GetScannerElementsRequest)
    assert [str(name) for name in asked.requested_elements.name] == [
        "{urn:example:default}LampWarming"
    ]
    dsd_asked = parse(dsd_request, validate=True).body
    assert isinstance(dsd_asked, dsd.GetScannerElementsRequest)
    assert [str(name) for name in dsd_asked.requested_elements.name] == [
        "{urn:example:default}LampWarming"
    ]
    for data in (event, request, dsd_request):
        fuzz_targets.target_agree(data)
        fuzz_targets.target_agree_lenient(data)


def test_requested_names_under_a_stale_namespace_are_read_as_names_leniently() -> None:
    # the pre-release WS-Scan namespace is read as the current one in lenient, a
    # RequestedElements written in it included: its Names are QNames there too
    request = _HEAD.format(
        action=_WSCN + "GetScannerElements",
        reply=_ANONYMOUS,
        body='<old:GetScannerElementsRequest xmlns:old="http://schemas.microsoft.com/windows/'
        '2006/01/wdp/scan"><old:RequestedElements><wscn:Name>wscn:ScannerConfiguration'
        "</wscn:Name></old:RequestedElements></old:GetScannerElementsRequest>",
    ).encode()
    asked = parse(request, validate=True, profile="lenient").body
    assert isinstance(asked, wscn.GetScannerElementsRequest)
    assert [str(name) for name in asked.requested_elements.name] == [
        "{http://schemas.microsoft.com/windows/2006/08/wdp/scan}ScannerConfiguration"
    ]
    fuzz_targets.target_agree_lenient(request)


def test_a_filter_status_dialect_is_read_as_a_uri_whatever_the_default_namespace() -> None:
    # dsc:Dialect is an xs:QName in a Filter and an xs:anyURI in a FilterStatus: its words are
    # no names in the default namespace (with a space in it, as in a mistyped URI)
    data = generated_message("dsc:GetPostScanJobElementsResponse", 0)
    assert b"<dsc:FilterStatus><dsc:Dialect>http://schemas." in data
    data = data.replace(b"<soap:Body>", b'<soap:Body xmlns="urn:example:default">', 1)
    data = data.replace(b"<dsc:Dialect>http://sche", b"<dsc:Dialect>http://sche ", 1)
    # (strict refuses the space, lenient reads it with a warning and writes it back)
    read = parse(data, validate=True, profile="lenient").to_bytes()
    dialects = [text for name, text in fuzz_targets.leaf_texts(read) if name.endswith("Dialect")]
    assert dialects[0].startswith("http://sche mas.")
    fuzz_targets.target_agree(data)
    fuzz_targets.target_agree_lenient(data)
