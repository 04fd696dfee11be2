"""The tables the validator reads instead of the schemas and the models
(``dsm_messages.schema_tables``, written by ``tools/generate_tables.py``) are what the
schemas and models they were generated from say, and the leaf-value walk over them answers,
element for element, what the binder's walk over the models answers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

from dsm_messages import binding, leaf_values
from dsm_messages.declarations import declarations, read_declarations
from dsm_messages.messages import by_qname
from dsm_messages.models import dsp
from dsm_messages.schema_tables import CHILDREN
from dsm_messages.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import generate_tables  # noqa: E402


def test_the_committed_tables_are_the_generated_ones() -> None:
    committed = generate_tables.TABLES.read_text(encoding="utf-8")
    assert committed == generate_tables.tables_text()


def test_the_declarations_are_those_the_schemas_hold() -> None:
    assert declarations() == read_declarations()
    assert declarations().keyword_elements  # (read, not empty)


def _model_name(model: type) -> str:
    return f"{model.__module__.rpartition('.')[2]}.{model.__name__}"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_element_binds_as_the_binder_binds_it(name: str) -> None:
    sample = SAMPLES[name]
    root = etree.fromstring(binding.to_xml(sample))
    spec = by_qname(str(root.tag))
    model = type(sample) if spec is None else spec.model
    assert _model_name(model) in CHILDREN
    compared = 0
    for element in root.iter():
        if element is root or not isinstance(element.tag, str):
            continue
        expected = binding._bound_as(root, element, model)
        found = leaf_values.bound_as(root, element, _model_name(model))
        if expected is binding._VALUE:
            assert found == "", element.tag
        elif isinstance(expected, type):
            assert found == _model_name(expected), element.tag
        else:
            assert found is None, element.tag
        compared += 1
    assert compared > 0 or len(root) == 0


def test_an_attribute_on_a_plain_value_is_found() -> None:
    data = binding.to_xml(dsp.EndPostScanJobRequest(job_token="t"))
    root = etree.fromstring(
        data.replace(b"<dsp:JobToken>", b'<dsp:JobToken xmlns:acme="urn:acme" acme:queue="2">')
    )
    found = leaf_values.leaf_attributes(root, "dsp.EndPostScanJobRequest")
    assert [(etree.QName(e).localname, a) for e, a in found] == [("JobToken", "{urn:acme}queue")]


def test_the_check_finds_a_hand_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "schema_tables.py"
    copy.write_text(generate_tables.TABLES.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(generate_tables, "TABLES", copy)
    monkeypatch.setattr(generate_tables, "ROOT", tmp_path)
    assert generate_tables.main(["--check"]) == 0
    copy.write_text(copy.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    assert generate_tables.main(["--check"]) == 1


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_an_attribute_on_every_element_is_found_where_the_binder_holds_a_value(
    name: str,
) -> None:
    """The leaf-attribute search skips the elements no class holds as a plain value before
    following their path: with an attribute on every element, it finds exactly the elements
    the binder's walk over the models binds as values."""
    sample = SAMPLES[name]
    root = etree.fromstring(binding.to_xml(sample))
    spec = by_qname(str(root.tag))
    model = type(sample) if spec is None else spec.model
    below = [element for element in root.iter() if element is not root]
    below = [element for element in below if isinstance(element.tag, str)]
    for element in below:
        element.set("{urn:acme}queue", "2")
        element.set("{http://www.w3.org/2001/XMLSchema-instance}nil", "false")

    found = leaf_values.leaf_attributes(root, _model_name(model))

    expected = [
        (element, "{urn:acme}queue")
        for element in below
        if binding._bound_as(root, element, model) is binding._VALUE
    ]
    assert found == expected
