"""The generated reference pages, as reStructuredText, from the library's own tables.

Every function takes its inputs as arguments (the message table, the rule tables, a schema set
read from a directory, the test suite's cases), so a test can hand in a modified copy and see
the page change.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence, Set

from dsm_messages import RULES
from dsm_messages import faults as fault_table
from dsm_messages.messages import MULTICAST, MessageType
from dsm_messages.namespaces import PREFIXES, prefixed
from dsm_messages.rules import Rule

from .applies import answered_with_faults, next_step, operation_faults, rules_for
from .elements import describe_simple, occurs, tree_lines
from .models_page import type_text
from .rules_page import one_severity, rules_text
from .samples import Sample
from .schema_tree import SchemaSet
from .words import (
    GUIDES,
    PARTIES,
    PROTOCOL_NAMES,
    direction,
    esc,
    heading,
    label,
    lit,
    model_link,
    page_name,
    rule_label,
    rule_link,
    title_of,
)

__all__ = [
    "PARTIES",
    "PROTOCOL_NAMES",
    "aliases_table",
    "describe_simple",
    "direction",
    "esc",
    "faults_table",
    "label",
    "lit",
    "message_page",
    "messages_index",
    "namespaces_table",
    "occurs",
    "page_name",
    "rule_label",
    "rules_text",
    "title_of",
]

#: A Python example longer than this many lines is folded under the XML.
_SHOWN_LINES = 30

#: What happens after a fault, for the operations where it is not obvious.
AFTER_A_FAULT = {
    ("dsp", "CreatePostScanJob"): "No job exists: the attempt is over, and a request about it "
    "breaks :ref:`DSP-4 <rule-DSP-4>`. A new CreatePostScanJob starts a new job.",
    ("dsp", "SendImage"): "The image was not received and the job stays open: the device may "
    "send the image again (the same DocumentId is then no repeat) or cancel the job; "
    "EndPostScanJob must wait until every SendImage was answered. A scan server may instead "
    "give up on the job itself: it ends it as ``Aborted`` with the reason ``SendImageFailed``, "
    "which the device learns from the end-state event or from GetPostScanJobElements. A "
    "faulted SendImage never ends the job by itself.",
    ("dsp", "EndPostScanJob"): "The job is not ended: the device may send EndPostScanJob again, "
    "or cancel the job. The scan server ends it on its own after 10 minutes without "
    "EndPostScanJob (``PostScanJobTimedOut``).",
    ("dsp", "CancelPostScanJob"): "The job goes on as if the cancel had not been sent. A fault "
    "for a job that has finished is the right answer (:ref:`DSP-12 <rule-DSP-12>`).",
    ("wscn", "RetrieveImage"): "``ClientErrorNoImagesAvailable`` ends the transfer: every image "
    "of the job was given. ``ClientErrorJobCancelled`` means the job was cancelled; stop "
    "asking.",
    ("wscn", "CreateScanJob"): "No job exists: nothing was scanned.",
}


def _fault_section(
    spec: MessageType,
    ordering_rules: Mapping[str, Rule],
    offending: Mapping[str, Set[str]],
    validator_kinds: Mapping[str, Set[str]],
    validator_rules: Mapping[str, Rule],
) -> list[str]:
    if spec.kind == "document":
        return ["A document travels inside other messages or is stored; it is never answered.", ""]
    if (spec.protocol, spec.operation) in MULTICAST:
        return [
            f"A multicast {spec.operation} goes to every device at once: each device that "
            "matches it answers, any other stays silent. It never gets a fault.",
            "",
        ]
    if not answered_with_faults(spec):
        what = {"event": "An event", "fault": "A fault"}.get(spec.kind, "A response")
        return [
            f"{what} is never answered, with a fault or otherwise: a receiver that finds it "
            "broken reports the rule (:doc:`/reference/rules`) and sends nothing back.",
            "",
        ]
    rows = operation_faults(spec, validator_rules, ordering_rules, offending, validator_kinds)
    out = [
        "A request that cannot be carried out is answered with a SOAP fault instead of the "
        "response (:doc:`/guides/faults`). What this request can get, and why:",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :class: dsm-faults",
        "",
        "   * - Fault",
        "     - When",
        "     - What the sender does next",
    ]
    for row in rows:
        reasons = [esc(condition[0].upper() + condition[1:]) for condition in row.conditions]
        ordering = [r for r in row.rules if r in ordering_rules]
        validation = [r for r in row.rules if r not in ordering_rules]
        reasons += [f"{rule_link(r)}: {esc(ordering_rules[r].summary)}" for r in ordering]
        if validation:
            reasons.append("The request is not valid: " + ", ".join(map(rule_link, validation)))
        out.append(f"   * - {lit(row.label)}")
        out.append(f"     - - {reasons[0]}")
        out += [f"       - {reason}" for reason in reasons[1:]]
        out.append(f"     - {esc(next_step(row.fault)[0].upper() + next_step(row.fault)[1:])}.")
    out.append("")
    after = AFTER_A_FAULT.get((spec.protocol, spec.operation))
    if after:
        out += [f"After a fault: {after}", ""]
    return out


def _ordering_section(
    spec: MessageType, ordering_rules: Mapping[str, Rule], offending: Mapping[str, Set[str]]
) -> list[str]:
    about = rules_for(spec, ordering_rules, offending)
    if not about:
        return ["No ordering rule is about this message.", ""]
    out = [
        "The conversation checker (:class:`dsm_messages.Session`, "
        ":func:`dsm_messages.check_sequence`) holds this message to these rules:",
        "",
    ]
    out += [f"- {rule_link(r.id)} ({one_severity(r)}): {esc(r.summary)}" for r in about]
    return [*out, ""]


def _annotation_parts(annotation: object) -> list[tuple[str, type | None]]:
    """An annotation as pieces of text and the generated classes among them."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        parts: list[tuple[str, type | None]] = []
        for index, arg in enumerate(typing.get_args(annotation)):
            parts += ([(" | ", None)] if index else []) + _annotation_parts(arg)
        return parts
    if origin is not None:
        parts = [(f"{getattr(origin, '__name__', str(origin))}[", None)]
        for index, arg in enumerate(typing.get_args(annotation)):
            parts += ([(", ", None)] if index else []) + _annotation_parts(arg)
        return [*parts, ("]", None)]
    if annotation is type(None):
        return [("None", None)]
    if isinstance(annotation, type):
        if annotation.__module__.startswith("dsm_messages.models."):
            return [("", annotation)]
        return [(type_text(annotation).rpartition(".")[2], None)]
    return [(str(annotation), None)]


def annotation_rst(annotation: object) -> str:
    """An annotation in reStructuredText, each generated class a link."""
    pieces: list[str] = []
    text = ""
    for part, cls in _annotation_parts(annotation):
        if cls is None:
            text += part
            continue
        if text:
            pieces.append(esc(text))
            text = ""
        pieces.append(model_link(cls))
    if text:
        pieces.append(esc(text))
    return "\\ ".join(pieces)


def _field_lines(model: type) -> list[str]:
    """The fields of a body class, each type linked to the classes page."""
    try:
        hints = typing.get_type_hints(model)
    except Exception:  # a forward reference the module cannot resolve: shown as written
        hints = {}
    out = []
    extensions = []
    for item in dataclasses.fields(model):
        kind = item.metadata.get("type", "Element")
        if kind in ("Wildcard", "Attributes"):
            extensions.append(lit(item.name))
            continue
        xml = item.metadata.get("name")
        required = (
            item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        )
        where = "attribute" if kind == "Attribute" else "element"
        out.append(
            f"- {lit(item.name)}: {annotation_rst(hints.get(item.name, item.type))} — {where}"
            + (f" {lit(xml)}" if xml else "")
            + (", required" if required else "")
        )
    if extensions:
        out.append(f"- vendor extensions: {', '.join(extensions)}")
    return [*out, ""]


def message_page(
    spec: MessageType,
    schemas: SchemaSet,
    ordering_rules: Mapping[str, Rule],
    sample: Sample,
    *,
    validator_rules: Mapping[str, Rule] = RULES,
    offending: Mapping[str, Set[str]] | None = None,
    validator_kinds: Mapping[str, Set[str]] | None = None,
    python: Sequence[str] = (),
) -> str:
    """The reference page of one message body or document. ``offending`` and
    ``validator_kinds`` come from the test suite's cases (:mod:`.testcases`); ``python`` is
    the doctest that builds the example (:mod:`.python_example`)."""
    offending = offending or {}
    tree = schemas.element(spec.qname)
    local = spec.qname.rpartition("}")[2]
    out = [f".. _message-{page_name(spec)}:", "", *heading(title_of(spec), "=")]
    if tree.doc:
        out += [esc(tree.doc), ""]
    rows = [
        ("Protocol", f"{PROTOCOL_NAMES[spec.protocol]} ({spec.kind} of {lit(spec.operation)})"),
        ("Direction", esc(direction(spec))),
        ("Element", f"{lit(local)} in namespace {lit(spec.qname[1:].partition('}')[0])}"),
    ]
    if spec.action:
        rows.append(("Action", lit(spec.action)))
    if spec.alternative_actions:
        also = ", ".join(lit(a) for a in spec.alternative_actions)
        rows.append(("Also accepted", also + " (read on input, never written)"))
    rows.append(("Python class", model_link(spec.model)))
    out += [f":{name}: {value}" for name, value in rows]
    out.append("")

    out += heading("Example", "-")
    if sample.origin:
        out += [
            f"As shipped in {lit(sample.origin)}; it passes :func:`dsm_messages.validate` "
            "in the strict profile:",
            "",
        ]
    else:
        out += [
            "The smallest message the schema allows (required parts only), written by "
            ":func:`dsm_messages.serialize` from the parsed body; it passes "
            ":func:`dsm_messages.validate` in the strict profile:",
            "",
        ]
    language = "text" if sample.content_type else "xml"
    out += [f".. code-block:: {language}", ""]
    out += [f"   {line}" if line.strip() else "" for line in sample.text.rstrip().splitlines()]
    out.append("")
    if python:
        said = (
            "The same message built in Python (vendor extensions left out); the page's build "
            "runs it"
        )
        code = [".. doctest::", "", *[f"   {line}" for line in python], ""]
        if len(python) <= _SHOWN_LINES:
            out += [said + ":", "", *code]
        else:  # a long one is folded, so that the page's elements are not far below
            out += [
                ".. raw:: html",
                "",
                f'   <details class="dsm-example"><summary>{said}: {len(python)} lines</summary>',
                "",
                *code,
                ".. raw:: html",
                "",
                "   </details>",
                "",
            ]

    out += heading("Elements", "-")
    if not tree.children and tree.text is None:
        out += ["The element is empty: it carries no content.", ""]
    elif spec.protocol in GUIDES:
        out += [f"What they are for: :doc:`{GUIDES[spec.protocol]}`.", ""]
    out += tree_lines(tree)

    out += heading("Faults", "-")
    out += _fault_section(spec, ordering_rules, offending, validator_kinds or {}, validator_rules)
    out += heading("Ordering rules", "-")
    out += _ordering_section(spec, ordering_rules, offending)

    out += heading("Python fields", "-")
    out += [
        f"Read with :func:`dsm_messages.parse` (or :func:`dsm_messages.from_xml`), the body is "
        f"a {model_link(spec.model)}; the classes page describes every field and the classes "
        "inside. Its fields:",
        "",
    ]
    out += _field_lines(spec.model)
    return "\n".join(out).rstrip() + "\n"


def messages_index(specs: Sequence[MessageType], schemas: SchemaSet) -> str:
    out = [".. _messages:", "", *heading("Messages", "=")]
    out += [
        "One page per message body and stand-alone document the library knows "
        "(:data:`dsm_messages.MESSAGE_TYPES`), generated from the schemas in ``xsd/`` and the "
        "library's tables.",
        "",
        ".. toctree::",
        "   :hidden:",
        "   :titlesonly:",
        "",
    ]
    out += [f"   {page_name(spec)}" for spec in specs]
    out.append("")
    protocols: dict[str, list[MessageType]] = {}
    for spec in specs:
        protocols.setdefault(spec.protocol, []).append(spec)
    for protocol, group in protocols.items():
        out += heading(PROTOCOL_NAMES[protocol], "-")
        out += [
            ".. list-table::",
            "   :header-rows: 1",
            "   :class: dsm-messages",
            "",
            "   * - Message",
            "     - Kind",
            "     - Direction",
            "     - What it is",
        ]
        for spec in group:
            doc = schemas.element(spec.qname).doc
            out += [
                f"   * - :doc:`{title_of(spec)} <{page_name(spec)}>`",
                f"     - {spec.kind}",
                f"     - {esc(direction(spec)) if spec.kind != 'document' else 'document'}",
                f"     - {esc(doc) if doc else ''}",
            ]
        out.append("")
    return "\n".join(out)


def _fault_row(name: str, fault: fault_table.Fault) -> list[str]:
    subcode = prefixed(fault.subcodes[0].text) if fault.subcodes else "(none)"
    return [
        f"   * - {lit(subcode)} ({lit('soap:' + fault.code)})",
        f"     - {esc(fault.reason)}",
        f"     - {lit(name)}",
    ]


def faults_table() -> str:
    """Every named fault in :mod:`dsm_messages.faults`: subcode, code, meaning, constant."""
    out = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: auto",
        "",
        "   * - Subcode (code)",
        "     - Meaning",
        "     - Constant in :mod:`dsm_messages.faults`",
    ]
    for name, value in sorted(vars(fault_table).items()):
        if isinstance(value, fault_table.Fault) and name.isupper():
            out += _fault_row(name, value)
    return "\n".join(out) + "\n"


def aliases_table() -> str:
    """Every alternative value spelling (:data:`dsm_messages.aliases.VALUE_ALIASES`)."""
    from dsm_messages.aliases import VALUE_ALIASES

    out = [
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - Elements",
        "     - Read",
        "     - Written",
        "     - Where each spelling comes from",
    ]
    for alias in VALUE_ALIASES:
        prefix = prefixed(f"{{{alias.namespace}}}x")[:-1]
        out += [
            "   * - " + ", ".join(lit(prefix + element) for element in alias.elements),
            f"     - {lit(alias.alias)}",
            f"     - {lit(alias.canonical)}",
            f"     - {esc(alias.source)}",
        ]
    return "\n".join(out) + "\n"


def namespaces_table(schemas: SchemaSet) -> str:
    """Every namespace with its conventional prefix and what its schema says it is."""
    out = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: auto",
        "",
        "   * - Prefix",
        "     - Namespace",
        "     - What it holds",
    ]
    for prefix, namespace in PREFIXES.items():
        out += [
            f"   * - {lit(prefix)}",
            f"     - {lit(namespace)}",
            f"     - {esc(schemas.descriptions.get(namespace, ''))}",
        ]
    return "\n".join(out) + "\n"
