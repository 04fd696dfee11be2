"""Every message body serializes to schema-valid XML and reads back equal.

The instances are hand-built in :mod:`dsm_messages.testing.samples` with optional children
present, vendor keyword values, repeated children and times with and without a zone.
"""

from __future__ import annotations

import pytest
from lxml import etree

from dsm_messages import MESSAGE_TYPES, MessageType, from_xml, load_schema, to_xml
from dsm_messages.models import dsp
from dsm_messages.namespaces import prefixed
from dsm_messages.testing.samples import SAMPLES

# The filter configurations are sampled inside CreatePostScanJobRequest's instructions.
FILTER_CONFIGS = {"emlf:EmailConfig", "fsf:FileShareConfig", "spf:SharePointConfig"}


def sample_key(entry: MessageType) -> str:
    return prefixed(entry.qname)


def test_there_is_a_sample_for_every_message_type() -> None:
    expected = {sample_key(entry) for entry in MESSAGE_TYPES}
    assert expected <= set(SAMPLES) | FILTER_CONFIGS


@pytest.mark.parametrize("entry", MESSAGE_TYPES, ids=sample_key)
def test_round_trip(entry: MessageType) -> None:
    sample = SAMPLES.get(sample_key(entry)) or _filter_config(entry.model)
    assert type(sample) is entry.model
    data = to_xml(sample)
    document = etree.fromstring(data)
    assert document.tag == entry.qname
    schema = load_schema()
    assert schema.validate(document), [str(e) for e in schema.error_log]
    back = from_xml(data)
    assert type(back) is entry.model
    assert back == sample
    assert to_xml(back) == data


@pytest.mark.parametrize("entry", MESSAGE_TYPES[:3], ids=sample_key)
def test_pretty_output_is_the_same_document(entry: MessageType) -> None:
    sample = SAMPLES[sample_key(entry)]
    pretty = to_xml(sample, pretty=True, xml_declaration=True)
    assert pretty.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    assert b"\n  <" in pretty
    assert from_xml(pretty) == sample


def _filter_config(model: type) -> object:
    request = SAMPLES["dsp:CreatePostScanJobRequest"]
    assert isinstance(request, dsp.CreatePostScanJobRequest)
    instructions = request.post_scan_instructions
    for filter_ in instructions.filters_to_process.filter:
        instructions_ = filter_.instructions
        for config in (
            instructions_.email_config,
            instructions_.file_share_config,
            instructions_.share_point_config,
        ):
            if type(config) is model:
                return config
    raise LookupError(model)
