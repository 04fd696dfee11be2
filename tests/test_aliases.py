"""The alias table agrees with the schemas: both spellings of every pair are accepted where the
table says they occur, and the table is the only place that maps one to the other. The
validator's keyword and alias checks, which answer the common values with one lookup, find
what reading every value in full finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from dsm_messages import load_schema, to_xml
from dsm_messages.aliases import VALUE_ALIASES, ValueAlias, canonical_value, find_alias
from dsm_messages.declarations import declarations
from dsm_messages.element_text import strip_xml
from dsm_messages.namespaces import DSC, DSP, WSCN
from dsm_messages.rule_ids import DsmRule
from dsm_messages.testing.samples import SAMPLES
from dsm_messages.validator import values
from dsm_messages.validator.context import Context
from dsm_messages.validator.walk import split_clark

# A sample body per namespace that holds every element the table names.
_CARRIERS = {
    DSP: ("dsp:PostScanJobStatusEvent", "dsp:PostScanJobEndStateEvent"),
    DSC: ("dsc:PostScanJobStatusEvent", "dsc:PostScanJobEndStateEvent"),
    WSCN: ("dsd:JobStatusEvent", "dsd:JobEndStateEvent"),
}


def _cases() -> list[tuple[ValueAlias, str]]:
    return [(alias, element) for alias in VALUE_ALIASES for element in alias.elements]


def _valid_with(namespace: str, element: str, value: str) -> bool:
    checked = 0
    for key in _CARRIERS[namespace]:
        root = etree.fromstring(to_xml(SAMPLES[key]))
        for node in root.iter(f"{{{namespace}}}{element}"):
            node.text = value
            checked += 1
        if checked:
            return bool(load_schema().validate(root))
    raise AssertionError(f"no sample holds {{{namespace}}}{element}")


@pytest.mark.parametrize(
    ("alias", "element"), _cases(), ids=lambda v: v if isinstance(v, str) else v.alias
)
def test_both_spellings_are_schema_valid(alias: ValueAlias, element: str) -> None:
    assert _valid_with(alias.namespace, element, alias.alias)
    assert _valid_with(alias.namespace, element, alias.canonical)
    assert not _valid_with(alias.namespace, element, alias.canonical + "X")


def test_canonical_value_maps_aliases_and_keeps_everything_else() -> None:
    assert canonical_value(DSP, "JobStateReason", "SendImangeFailed") == "SendImageFailed"
    assert canonical_value(DSC, "JobState", "Held") == "Pending-Held"
    assert canonical_value(WSCN, "JobCompletedState", "Pending-Held") == "Held"
    assert canonical_value(WSCN, "JobState", "Held") == "Held"
    assert canonical_value(DSP, "JobState", "vnd:Held") == "vnd:Held"
    # the same text in another element is not an alias
    assert find_alias(DSP, "FilterState", "SharepointAccessDenied") is None


def test_no_alias_is_also_a_canonical_spelling() -> None:
    for alias in VALUE_ALIASES:
        assert not any(
            other.namespace == alias.namespace
            and other.canonical == alias.alias
            and set(other.elements) & set(alias.elements)
            for other in VALUE_ALIASES
        )


def _values_of_note(name: str) -> list[str]:
    """The strings the checks' shortcuts look for in an element ``name``: its well-known
    values and its aliases."""
    namespace, local = split_clark(name)
    known = declarations().keyword_elements.get(name, frozenset())
    aliases = {a.alias for a in VALUE_ALIASES if a.namespace == namespace and local in a.elements}
    return sorted(known | aliases)


def _checked_names() -> list[str]:
    aliased = {f"{{{a.namespace}}}{element}" for a in VALUE_ALIASES for element in a.elements}
    return sorted(set(declarations().keyword_elements) | aliased)


_PADDINGS = ("", " ", "\t", "\r\n", "\u00a0", "\u2028")


def _found_and_expected(name: str, text: str) -> tuple[list[str], list[str]]:
    """The problems the keyword and alias checks find in an element ``name`` holding
    ``text``, and those reading the value in full finds (trimmed of XML whitespace, then
    looked up), with no shortcut for a value written bare."""
    element = etree.Element(name)
    element.text = text
    found = Context("strict")
    if name in declarations().keyword_elements:
        values.check_leaf_keyword(found, element)
    values.check_alias(found, element)

    expected = Context("strict")
    well_known = declarations().keyword_elements.get(name)
    if well_known is not None:
        values.check_keyword(expected, element, well_known)  # (reads the value in full)
    if find_alias(*split_clark(name), strip_xml(text)) is not None:
        expected.add(DsmRule.VALUE_ALIAS, "", element)
    return [p.code for p in found.problems], [p.code for p in expected.problems]


def test_a_value_of_note_is_checked_as_any_other_however_padded() -> None:
    """The keyword and alias checks answer a well-known value written bare, and a value that
    is no alias, without reading further: every well-known value and alias of every checked
    element, padded every way (XML whitespace or not), is found as reading it in full finds
    it."""
    checked = 0
    for name in _checked_names():
        for value in _values_of_note(name):
            for before in _PADDINGS:
                for after in _PADDINGS:
                    found, expected = _found_and_expected(name, before + value + after)
                    assert found == expected, (name, before + value + after)
                    checked += 1
    assert checked > 1000


@settings(max_examples=300, derandomize=True, database=None)
@given(st.sampled_from(_checked_names()), st.text(max_size=8))
def test_any_value_is_checked_as_reading_it_in_full_does(name: str, text: str) -> None:
    try:
        found, expected = _found_and_expected(name, text)
    except ValueError:  # a character XML cannot hold
        return
    assert found == expected
