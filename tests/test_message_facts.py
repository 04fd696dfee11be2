"""The facts the conversation checker reads from model objects are the facts the body's XML
holds: the reading from objects (:func:`dsm_messages.message_facts.facts_of`) agrees with the
former reading of the rendered XML (:mod:`xml_facts`) on every sample body, every message of
the ordering stories and conversation builders, every example and every Microsoft doc example.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from test_fuzz import DONORS, GENERATED, fuzzing, mutated
from xml_facts import xml_facts_of

import dsm_messages.models as models
from dsm_messages import ANONYMOUS, Envelope, body_nodes, parse, serialize
from dsm_messages.errors import DsmError
from dsm_messages.message_facts import facts_of
from dsm_messages.messages import MESSAGE_TYPES, by_qname
from dsm_messages.models import dsp
from dsm_messages.mtom import split_message
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import CONSOLE_SINK, DEVICE, SCAN_SERVER, Conversation
from dsm_messages.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
NAMESPACES = {
    "dsp": s.DSP_NS,
    "dsc": s.DSC_NS,
    "dsd": "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device",
    "wscn": s.WSCN_NS,
}


def sample_envelopes() -> Iterator[tuple[str, Envelope]]:
    """Every sample message body, as parsed from the wire and as built in code."""
    for key, body in SAMPLES.items():
        spec = by_qname(f"{{{NAMESPACES.get(key.split(':')[0], '')}}}{key.split(':')[1]}")
        if spec is None or spec.kind == "document":
            continue
        to = ANONYMOUS if spec.kind == "response" else SCAN_SERVER
        wire = parse(serialize(body, to=to, relates_to="urn:uuid:1", reply_to=ANONYMOUS))
        yield key, wire
        yield f"{key} (built)", attrs.evolve(wire, body=body)


def story_envelopes() -> Iterator[tuple[str, Envelope]]:
    import test_ordering  # noqa: F401  (registers every story)
    from ordering_stories import STORIES

    for rule, variants in sorted(STORIES.items()):
        for variant, build in sorted(variants.items()):
            story = build()
            for index, item in enumerate((*story.good, *story.violating)):
                if isinstance(item, Envelope):
                    yield f"{rule}{variant}[{index}]", item


def builder_envelopes() -> Iterator[tuple[str, Envelope]]:
    c = Conversation()
    c.subscribe()
    create = c.create()
    c.status(s.JOB_TOKEN, "Creating")
    c.created(create, s.JOB_TOKEN)
    c.image(s.JOB_TOKEN, 1)
    c.elements(c.get_elements(s.JOB_TOKEN))
    c.finish_job(s.JOB_TOKEN, 1)
    c.subscribe(DEVICE, CONSOLE_SINK)
    c.dsd_status(77, "Processing")
    c.dsd_end(77)
    c.condition(12)
    c.cleared(12)
    c.summary("Stopped", "MediaJam")
    c.answer(c.get_active_jobs(), SAMPLES["dsd:GetActiveJobsResponse"])
    c.answer(c.get_job_history(), SAMPLES["dsd:GetJobHistoryResponse"])
    c.dsc_status(s.OTHER_JOB_TOKEN, "Processing")
    c.dsc_end_state(s.OTHER_JOB_TOKEN)
    c.fault(c.dsc_cancel(s.OTHER_JOB_TOKEN))
    yield from ((f"builder[{i}]", m) for i, m in enumerate(c.messages))


def file_envelopes(paths: list[Path], **options: str) -> Iterator[tuple[str, Envelope]]:
    for path in paths:
        data = path.read_bytes()
        try:
            if path.suffix == ".mime":
                content_type, data = split_message(data)
                yield path.name, parse(data, content_type=content_type, **options)  # type: ignore[arg-type]
            else:
                yield path.name, parse(data, **options)  # type: ignore[arg-type]
        except DsmError:
            continue  # not an envelope, or an example that is not well-formed


def agree(messages: Iterator[tuple[str, Envelope]]) -> int:
    compared = 0
    for name, message in messages:
        try:
            expected = xml_facts_of(message)
        except ValueError:  # no DSM action: neither reading has facts to give
            with pytest.raises(ValueError, match="not a DSM action"):
                facts_of(message)
            continue
        assert facts_of(message) == expected, name
        compared += 1
    return compared


def test_facts_of_every_sample_body() -> None:
    assert agree(sample_envelopes()) >= 80


def test_facts_of_every_story_message() -> None:
    assert agree(story_envelopes()) >= 1000


def test_facts_of_the_conversation_builders() -> None:
    assert agree(builder_envelopes()) >= 25


def test_facts_of_the_examples() -> None:
    paths = sorted((ROOT / "examples").glob("*.xml"))
    paths += sorted((ROOT / "examples" / "conversations").glob("*/*"))
    assert agree(file_envelopes(paths)) >= 20


def test_facts_of_the_doc_examples(doc_examples: Path) -> None:
    paths = sorted(doc_examples.glob("*.xml"))
    assert agree(file_envelopes(paths, profile="lenient")) >= 10


def test_facts_of_a_send_image_leave_the_image_alone() -> None:
    # the image is never read: a SendImage's facts come from its description alone
    body = SAMPLES["dsp:SendImageRequest"]
    assert isinstance(body, dsp.SendImageRequest)
    wire = parse(serialize(body, to=SCAN_SERVER, reply_to=ANONYMOUS))

    class Untouchable(bytes):
        def __len__(self) -> int:
            raise AssertionError("the image was read")

    image = attrs.evolve(wire, body=dataclasses.replace(body, image_data=Untouchable(b"x")))
    assert facts_of(image).document_id == facts_of(wire).document_id is not None


@pytest.mark.parametrize("key", ["dsd:GetActiveJobsResponse", "dsc:GetJobHistoryResponse"])
def test_job_lists_are_read(key: str) -> None:
    # the differential tests above would pass on a reader that read nothing on both sides
    (_, wire), _ = sample_envelopes_for(key)
    facts = facts_of(wire)
    listed = facts.active_jobs if "Active" in key else facts.history_jobs
    assert listed
    assert all(report.job for report in listed)


def sample_envelopes_for(key: str) -> list[tuple[str, Envelope]]:
    return [(name, m) for name, m in sample_envelopes() if name.split(" ")[0] == key]


@fuzzing(300)
@given(mutated(DONORS + GENERATED))
def test_facts_of_mutated_messages(data: bytes) -> None:
    # vendor elements, moved and renamed children, values out of their vocabulary: whatever a
    # lenient reading binds, the facts read from the objects are the facts its XML holds
    try:
        message = parse(data, profile="lenient")
    except DsmError:
        return
    agree(iter([("mutated", message)]))


def test_the_search_skips_only_what_can_hold_nothing_searched() -> None:
    # the search for job statuses, filters and element data skips a child whose class can
    # hold neither a searched element nor a wildcard, judged by the class its field
    # declares: a value of a subclass (an element of that type, a derived type) must not
    # hold more, or a searched element below it would be missed
    classes = [
        value
        for info in pkgutil.iter_modules(models.__path__)
        if not info.name.startswith("_")
        for value in vars(importlib.import_module(f"{models.__name__}.{info.name}")).values()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    ]
    pairs = [(sub, base) for sub in classes for base in sub.__mro__[1:] if base in classes]
    assert pairs  # (element classes extend their types)
    for sub, base in pairs:
        assert body_nodes.may_hold(sub) == body_nodes.may_hold(base), (sub, base)
    assert body_nodes.may_hold(dsp.JobStatusType)  # (it has a wildcard)
    assert not body_nodes.may_hold(dsp.FilterStatusType)


def _childless(model: type) -> object:
    """A body of ``model`` with no child at all: every field absent or empty."""
    values: dict[str, object] = {
        field.name: field.default_factory() if field.default_factory in (list, dict) else None
        for field in dataclasses.fields(model)
        if field.init
    }
    return model(**values)


def test_facts_of_bodies_with_no_child() -> None:
    # most replies are an empty element; a listing with nothing in it still lists no job
    compared = []
    for spec in MESSAGE_TYPES:
        if spec.kind == "document" or spec.protocol == "soap":
            continue  # (a fault has a code, always)
        envelope = Envelope(
            action=spec.action or "",
            message_id="urn:uuid:1",
            relates_to="urn:uuid:2",
            body=_childless(spec.model),
        )
        assert facts_of(envelope) == xml_facts_of(envelope), spec.qname
        compared.append(spec.operation)
    assert {"GetActiveJobs", "GetJobHistory", "SendImage"} <= set(compared)
