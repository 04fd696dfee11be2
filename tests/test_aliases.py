"""The alias table agrees with the schemas: both spellings of every pair are accepted where the
table says they occur, and the table is the only place that maps one to the other."""

from __future__ import annotations

import pytest
from lxml import etree

from dsm_messages import load_schema, to_xml
from dsm_messages.aliases import VALUE_ALIASES, ValueAlias, canonical_value, find_alias
from dsm_messages.namespaces import DSC, DSP, WSCN
from dsm_messages.testing.samples import SAMPLES

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
