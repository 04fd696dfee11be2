"""The validator visits only the elements its checks look at, found by name: in Python for a
small document, through libxml2's name matching for a large one. Both ways give the same
report, problem for problem, as a walk over every element (what visiting by name stands in
for): on every rule's broken message (test_validator's cases), every example and doc
example, and the fuzz test's mutations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import fuzz_targets
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from test_fuzz import fuzzing, mutated
from test_validator import CASES, Case, case_id

from dsm_messages import leaf_values, validator
from dsm_messages.envelope import serialize
from dsm_messages.report import Report
from dsm_messages.testing.samples import SAMPLES
from dsm_messages.validator import table, walk


def reports(
    data: bytes, monkeypatch: pytest.MonkeyPatch, content_type: str | None = None
) -> Iterator[Report]:
    """The report of ``data`` as the validator walks small documents, large ones, and as a
    walk over every element would."""
    if content_type is None:
        content_type, body = fuzz_targets.split(data)
    else:
        body = data
    for profile in ("strict", "lenient"):
        with monkeypatch.context() as patch:
            patch.setattr(walk, "LARGE", 1 << 40)
            yield validator.validate(body, profile=profile, content_type=content_type)
        with monkeypatch.context() as patch:
            patch.setattr(walk, "LARGE", -1)
            yield validator.validate(body, profile=profile, content_type=content_type)
        with monkeypatch.context() as patch:
            patch.setattr(walk, "named", _every_element)
            yield validator.validate(body, profile=profile, content_type=content_type)


def _every_element(
    root: etree._Element, names: tuple[str, ...], large: bool, read: walk.Elements | None = None
) -> list[etree._Element]:
    """Every element, whatever its name (what the checks did before they went by name)."""
    return [element for element in root.iter() if isinstance(element.tag, str)]


def assert_alike(
    data: bytes, monkeypatch: pytest.MonkeyPatch, content_type: str | None = None
) -> None:
    found = list(reports(data, monkeypatch, content_type))
    for profile_reports in (found[:3], found[3:]):
        first = profile_reports[0]
        for other in profile_reports[1:]:
            assert other.problems == first.problems


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_every_walk_reports_alike_on_each_rules_broken_message(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = case.build()
    for shown in (message, case.edit(message)):
        assert_alike(shown.data, monkeypatch, shown.content_type)


@pytest.mark.parametrize(
    ("name", "data"), fuzz_targets.seeds(), ids=[name for name, _ in fuzz_targets.seeds()]
)
def test_every_walk_reports_alike_on_stored_messages(
    name: str, data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_alike(data, monkeypatch)


@fuzzing(150)
@given(mutated())
def test_every_walk_reports_alike_on_mutated_messages(data: bytes) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_alike(data, monkeypatch)


def test_what_the_body_checks_keep_of_the_names_they_meet_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The checks an element name gets are worked out once and kept; a name matched in any
    namespace (``{*}Name``) comes from untrusted messages, so a stream of them in ever new
    namespaces must not grow what a long-running validator holds. Once the table is full,
    every name is still checked as it was while it had room."""
    monkeypatch.setattr(table, "_REMEMBER_AT_MOST", 20)
    table._BODY_STEPS.clear()
    request = serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to="https://scan.example/1")
    end = b"</dsp:CreatePostScanJobRequest>"
    assert request.count(end) == 1
    vendor = [
        request.replace(end, b'<v:Name xmlns:v="urn:v:%d">x</v:Name>' % number + end)
        for number in range(60)
    ]

    late = [validator.validate(data).problems for data in vendor][-20:]

    assert len(table._BODY_STEPS) <= 20
    table._BODY_STEPS.clear()
    assert [validator.validate(data).problems for data in vendor[-20:]] == late


@pytest.mark.parametrize(
    ("find", "replace", "codes"),
    [
        (  # a global URI attribute on a header block no URI rule names
            b"</soap:Header>",
            b'<v:Ext xmlns:v="urn:v" soap:role=" relative ">x</v:Ext></soap:Header>',
            ["DSM-URI-WHITESPACE", "DSM-URI-NOT-ABSOLUTE"],
        ),
        (  # one on a plain value in the body: a URI defect, and an attribute no model keeps
            b"<dsp:PSP_Identifier>",
            b'<dsp:PSP_Identifier soap:encodingStyle="x y">',
            ["DSM-URI-NOT-ABSOLUTE", "DSM-LEAF-ATTRIBUTE"],
        ),
    ],
)
def test_an_attribute_where_no_walk_looks_for_one_is_found_by_every_walk(
    find: bytes, replace: bytes, codes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A URI attribute that may stand on any element, and an attribute on a plain value (read
    from the elements already read in a small message, found by libxml2 in a large one), are
    found in a small message and a large one alike."""
    request = serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to="https://scan.example/1")
    assert request.count(find) == 1
    data = request.replace(find, replace)
    assert_alike(data, monkeypatch)
    assert [problem.code for problem in validator.validate(data).problems] == codes


@pytest.mark.parametrize(
    "attribute",
    [b'soap:role=" relative "', b'soap:role =" relative "', b'soap:role\n= " relative "'],
)
@pytest.mark.parametrize("mentions", [0, 3, 40])
def test_a_global_uri_attribute_is_found_however_it_is_written(
    attribute: bytes, mentions: int
) -> None:
    """A global URI attribute on an element no URI rule names is found however it is
    written, with whitespace around the ``=`` as XML allows, after any number of mentions
    of its name in values (the anonymous address holds ``/role/``)."""
    request = serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to="https://scan.example/1")
    note = b'<v:Note xmlns:v="urn:v">' + b"see /role/ and role:x " * mentions + b"</v:Note>"
    block = b'<v:Ext xmlns:v="urn:v" ' + attribute + b">x</v:Ext>"
    data = request.replace(b"</soap:Header>", note + block + b"</soap:Header>")
    assert data != request

    codes = [problem.code for problem in validator.validate(data).problems]

    assert codes == ["DSM-URI-WHITESPACE", "DSM-URI-NOT-ABSOLUTE"]


_NODE = st.recursive(
    st.tuples(
        st.sampled_from(["a", "{urn:x}b", "{urn:y}a"]),
        st.lists(st.sampled_from(["k", "{urn:x}k", "{http://www.w3.org/XML/1998/namespace}lang"])),
        st.booleans(),  # a namespace declaration of its own (which is no attribute)
        st.just(()),
    ),
    lambda inner: st.tuples(
        st.sampled_from(["a", "{urn:x}b"]),
        st.lists(st.sampled_from(["k", "{urn:y}k"])),
        st.booleans(),
        st.lists(st.one_of(inner, st.sampled_from(["comment", "pi"])), max_size=4),
    ),
    max_leaves=30,
)


def _build(node: Any, parent: etree._Element | None = None) -> etree._Element:
    """The tree a generated node stands for: (name, attributes, declares, children)."""
    name, attributes, declares, children = node
    nsmap = {"d": "urn:declared"} if declares else None
    element = (
        etree.Element(name, nsmap=nsmap)
        if parent is None
        else etree.SubElement(parent, name, nsmap=nsmap)
    )
    for attribute in attributes:
        element.set(attribute, "v")
    for child in children:
        if child == "comment":
            element.append(etree.Comment("c"))
        elif child == "pi":
            element.append(etree.ProcessingInstruction("p", "x"))
        else:
            _build(child, element)
    return element


@given(_NODE)
def test_libxml2_finds_every_element_with_attributes_below_once_in_order(node: Any) -> None:
    """A large message's elements with attributes (the leaf-attribute rule's candidates) are
    found by libxml2 as the parents of the attributes below: each element below that carries
    one, once, in document order; a namespace declaration is no attribute."""
    root = _build(node)

    found = leaf_values._ATTRIBUTED_BELOW(root)

    assert found == [element for element in root.iterdescendants(etree.Element) if element.attrib]
