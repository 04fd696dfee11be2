"""Every element path and type of the protocol catalogue is declared by our XSDs, as specified.

The catalogue (``../shared/spec/catalog``) is the collected protocol facts; ``xsd/`` is our
schema written from them. These tests walk each catalogue entry through the shipped schemas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from xsd_index import XS, XsdIndex

from dsm_messages import schema_dir

Entry = dict[str, Any]


def _catalog(shared: Path, name: str) -> Entry:
    data: Entry = json.loads((shared / "spec" / "catalog" / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def index() -> XsdIndex:
    return XsdIndex(schema_dir())


@pytest.fixture(scope="module")
def namespaces(shared: Path) -> dict[str, str]:
    ns: dict[str, str] = {}
    for name in ("types.json", "dsp.json", "dsd.json"):
        ns.update(_catalog(shared, name)["namespaces"])
    ns["xs"] = XS
    return ns


def clark(namespaces: dict[str, str], prefixed: str) -> str:
    prefix, _, local = prefixed.partition(":")
    return f"{{{namespaces[prefix]}}}{local}"


def _check_occurs(
    index: XsdIndex, type_name: str, children: list[Entry], ns: dict[str, str], where: str
) -> None:
    declared = [c for c in index.children(type_name)]
    expected = [(clark(ns, c["qname"]), c["min"], c["max"]) for c in children]
    got = [(c.qname, c.min, c.max) for c in declared]
    assert got == expected, f"{where}: children differ"


def _check_text(
    index: XsdIndex, type_name: str, text: Entry, ns: dict[str, str], where: str
) -> None:
    builtins = index.builtins(type_name)
    assert clark(ns, text["type"]) in builtins, f"{where}: {text['type']} not in {builtins}"
    if text.get("max_length") is not None:
        assert str(text["max_length"]) in index.facets(type_name, "maxLength"), where
    enumeration = index.facets(type_name, "enumeration")
    for value in text.get("values") or []:
        if text["type"] in ("xs:anyURI", "xs:QName"):
            continue  # well-known URIs and QNames are documented, any URI/QName is valid
        assert value in enumeration, f"{where}: well-known value {value!r} missing"
    if text.get("extensible") and text.get("values") and text["type"] == "xs:NMTOKEN":
        assert index.facets(type_name, "pattern"), f"{where}: extensible but no vendor pattern"
    if text.get("values") and not text.get("extensible"):
        assert not index.facets(type_name, "pattern"), f"{where}: closed set has a pattern"


def _walk(index: XsdIndex, path: str, ns: dict[str, str]) -> str:
    """Resolve a catalogue path ``a:X/b:Y/...`` to the named type of its last step."""
    steps = path.split("/")
    top = clark(ns, steps[0])
    assert top in index.elements, f"{steps[0]} is not a global element"
    decl = index.elements[top]
    current = index.resolve(decl, decl.get("type", ""))
    for step in steps[1:]:
        found = index.child(current, clark(ns, step))
        assert found is not None, f"{path}: no {step} in {current}"
        assert found.type is not None, f"{path}: {step} has no named type"
        current = found.type
    return current


def test_every_dsp_element_path_is_declared(
    index: XsdIndex, shared: Path, namespaces: dict[str, str]
) -> None:
    catalog = _catalog(shared, "dsp.json")
    assert len(catalog["elements"]) == 81
    for entry in catalog["elements"]:
        type_name = _walk(index, entry["path"], namespaces)
        if entry["children"]:
            _check_occurs(index, type_name, entry["children"], namespaces, entry["path"])
            if entry.get("compositor") == "choice":
                assert all(c.in_choice for c in index.children(type_name)), entry["path"]
        if entry["text"]:
            _check_text(index, type_name, entry["text"], namespaces, entry["path"])
        if entry["any"] and not entry["text"] and entry["qname"] != "dsp:PostScanInstructions":
            assert index.has_wildcard(type_name), f"{entry['path']}: open content missing"
        for attribute in entry["attributes"]:
            qualified = clark(namespaces, attribute["qname"])
            declared = index.attribute_names(type_name)
            # decision 4 of the spec notes: both forms are accepted on input
            assert {qualified, qualified.rpartition("}")[2]} <= declared, entry["path"]


def test_every_dsd_element_path_is_declared(
    index: XsdIndex, shared: Path, namespaces: dict[str, str]
) -> None:
    catalog = _catalog(shared, "dsd.json")
    assert len(catalog["elements"]) == 267
    for entry in catalog["elements"]:
        type_name = _walk(index, entry["path"], namespaces)
        assert type_name == clark(namespaces, entry["type_ref"]), entry["path"]
        if entry["children"]:
            _check_occurs(index, type_name, entry["children"], namespaces, entry["path"])
            if entry.get("content") == "choice":
                assert all(c.in_choice for c in index.children(type_name)), entry["path"]
        if entry["text"]:
            _check_text(index, type_name, entry["text"], namespaces, entry["path"])
        if entry.get("any_element"):
            assert index.has_wildcard(type_name), f"{entry['path']}: open content missing"


def test_every_dsd_type_attribute_is_declared(
    index: XsdIndex, shared: Path, namespaces: dict[str, str]
) -> None:
    for entry in _catalog(shared, "dsd.json")["types"]:
        name = clark(namespaces, entry["name"])
        assert name in index.types, entry["name"]
        for attribute in entry["attributes"]:
            assert clark(namespaces, attribute["qname"]) in index.attribute_names(name), (
                f"{entry['name']}: {attribute['qname']}"
            )


def test_every_types_json_type_is_declared(
    index: XsdIndex, shared: Path, namespaces: dict[str, str]
) -> None:
    catalog = _catalog(shared, "types.json")
    for entry in catalog["simple_types"]:
        name = clark(namespaces, entry["name"])
        assert name in index.types, entry["name"]
        for value in entry["enumeration"] or []:
            if entry["base"] != "xs:QName":
                assert value in index.facets(name, "enumeration"), f"{entry['name']}: {value}"
        if entry["max_length"] is not None:
            assert str(entry["max_length"]) in index.facets(name, "maxLength"), entry["name"]
        if entry["pattern"]:
            assert entry["pattern"] in index.facets(name, "pattern"), entry["name"]
    for entry in catalog["complex_types"]:
        name = clark(namespaces, entry["name"])
        assert name in index.types, entry["name"]
        if entry["content"] != "simple":
            _check_occurs(index, name, entry["children"], namespaces, entry["name"])
            for child, declared in zip(entry["children"], index.children(name), strict=True):
                assert declared.type == clark(namespaces, child["type"]), (
                    f"{entry['name']}/{child['qname']}"
                )
        if entry["any"]:
            assert index.has_wildcard(name), entry["name"]
        for attribute in entry["attributes"]:
            assert clark(namespaces, attribute["qname"]) in index.attribute_names(name)


def test_every_types_json_element_is_declared(
    index: XsdIndex, shared: Path, namespaces: dict[str, str]
) -> None:
    catalog = _catalog(shared, "types.json")
    for entry in catalog["global_elements"]:
        qname = clark(namespaces, entry["qname"])
        if entry["global_in_full_xsd"]:
            assert qname in index.elements, entry["qname"]
        for use in entry.get("used_in") or []:
            found = index.child(clark(namespaces, use["type"]), qname)
            assert found is not None, f"{entry['qname']} in {use['type']}"
            assert found.type == clark(namespaces, entry["type"])
            assert (found.min, found.max) == (use["min"], use["max"])
    for attribute in catalog["global_attributes"]:
        if attribute["global_in_full_xsd"]:
            assert clark(namespaces, attribute["qname"]) in index.attributes


def test_every_dsc_operation_and_event_body_is_declared(
    index: XsdIndex, shared: Path, namespaces: dict[str, str]
) -> None:
    catalog = _catalog(shared, "dsc-operations.json")
    bodies = []
    for operation in catalog["operations"]:
        bodies.append((operation["request"], operation["request_type"]))
        bodies.append((operation["response"], operation["response_type"]))
    bodies.extend((event["element"], event["element_type"]) for event in catalog["events"])
    assert len(bodies) == 14
    for element, type_ in bodies:
        decl = index.elements[clark(namespaces, element)]
        assert index.resolve(decl, decl.get("type", "")) == clark(namespaces, type_)


def test_extensible_value_accepts_vendor_keyword_only(
    index: XsdIndex, namespaces: dict[str, str]
) -> None:
    # The union with the vendor pattern is what lets "vnd:Throttled" in; spot-check the facet.
    patterns = index.facets(clark(namespaces, "dsp:JobStateBaseType"), "pattern")
    assert patterns == {r"\w+:[\w_\-\.]+"}
