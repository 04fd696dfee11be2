"""The generated reference pages, as reStructuredText, from the library's own tables.

Every function takes its inputs as arguments (the message table, the rule tables, a schema set
read from a directory), so a test can hand in a modified copy and see the page change.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence

from dsm_messages import faults as fault_table
from dsm_messages.aliases import find_alias
from dsm_messages.messages import MessageType
from dsm_messages.namespaces import DSC, DSP, PREFIXES, SOAP, WSA, WSCN, prefixed
from dsm_messages.rules import PROFILES, Rule

from .samples import Sample
from .schema_tree import XML_NS, XS, Attribute, Node, SchemaSet, SimpleType

PROTOCOL_NAMES = {
    "dsp": "WS-DSP",
    "dsd": "WS-DSD",
    "dsc": "WS-DSC",
    "wscn": "WS-Scan",
    "wse": "WS-Eventing",
    "soap": "SOAP 1.2",
    "psp": "Scan process",
    "emlf": "E-mail filter",
    "fsf": "File-share filter",
    "spf": "SharePoint filter",
}

# Who plays which part in each protocol (client -> host), the events going the other way.
PARTIES = {
    "dsp": ("scan device", "scan server"),
    "dsd": ("management console", "scan device"),
    "dsc": ("management console", "scan server"),
    "wscn": ("scan client", "scan device"),
    "wse": ("event subscriber", "event source"),
}
_DOCUMENTS = {
    "psp": "a stand-alone document: a scan process as stored in the directory; the scan device "
    "reads it and copies its post-scan instructions into CreatePostScanJob",
    "emlf": "a stand-alone document: the instructions of a filter whose dialect is the e-mail "
    "filter namespace, carried in a scan process's filter list",
    "fsf": "a stand-alone document: the instructions of a filter whose dialect is the file-share "
    "filter namespace, carried in a scan process's filter list",
    "spf": "a stand-alone document: the instructions of a filter whose dialect is the SharePoint "
    "filter namespace, carried in a scan process's filter list",
}
# The guide that explains a protocol's messages and the meaning of their values.
GUIDES = {
    "dsp": "/guides/dsp",
    "dsc": "/guides/dsc",
    "dsd": "/guides/dsd",
    "wse": "/guides/eventing",
    "soap": "/guides/faults",
}
# The fault subcode namespaces a protocol answers requests with, besides WS-Addressing's.
_FAULT_NAMESPACES = {"dsp": DSP, "dsc": DSC, "dsd": WSCN, "wscn": WSCN}
# Sources in the rule tables name the project's protocol notes, which readers do not have: say
# what each stands for. Numbered rules keep their number; any other place is a section of the
# notes that only a reader of them could use.
_SOURCE_NAMES = {"wsdp.md": "WS-DSP ordering rule {}", "wsdsd.md": "WS-DSD ordering rule {}"}
_SOURCE_SECTIONS = {
    "wsdp.md": "the WS-DSP reference pages",
    "wsdsd.md": "the WS-DSD reference pages",
    "wsdsc-and-schemas.md": "the post-scan job and filter model of [MS-BDSRR]",
}


def esc(text: str) -> str:
    """Text safe to put in reStructuredText as plain prose (no markup, no automatic links)."""
    return re.sub(r"([\\`*_|\[\]<>@:])", r"\\\1", text)


def lit(text: str) -> str:
    """Inline literal; backquotes cannot occur in our names and values."""
    return f"``{text}``" if text else "(empty)"


def label(clark: str) -> str:
    """A name in Clark notation as a reader writes it: ``dsp:JobToken``, ``xs:QName``."""
    namespace, _, local = clark[1:].partition("}")
    if namespace == XS:
        return f"xs:{local}"
    if namespace == XML_NS:
        return f"xml:{local}"
    return prefixed(clark)


def page_name(spec: MessageType) -> str:
    """The page of a message, relative to the message directory."""
    return f"{spec.protocol}-{spec.qname.rpartition('}')[2].lower()}"


def title_of(spec: MessageType) -> str:
    return prefixed(spec.qname)


def direction(spec: MessageType) -> str:
    if spec.kind == "document":
        return _DOCUMENTS[spec.protocol]
    if spec.kind == "fault":
        return (
            "the receiver of a request that failed → the request's sender, instead of the response"
        )
    client, host = PARTIES[spec.protocol]
    if spec.kind == "request":
        return f"{client} → {host}"
    if spec.kind == "response":
        return f"{host} → {client}"
    if spec.protocol == "wse":
        return f"{host} → {client} (to the subscription's end address)"
    return f"{host} → subscribed {client}"


def rule_label(rule_id: str) -> str:
    return f"rule-{rule_id}"


def source_text(source: str) -> str:
    """A rule source in words a reader without the project's notes understands."""
    document, _, place = source.partition(" ")
    numbered = re.fullmatch(r"\d+\.(\d+)", place)
    if document in _SOURCE_NAMES and numbered:
        return esc(_SOURCE_NAMES[document].format(numbered.group(1)))
    if document in _SOURCE_SECTIONS:
        return esc(_SOURCE_SECTIONS[document])
    return esc(source)


# -- type descriptions ------------------------------------------------------------------------


def describe_simple(text: SimpleType) -> str:
    parts = [" or ".join(text.alternatives) or text.builtin or "text"]
    facets = dict(text.facets)
    if "length" in facets:
        parts.append(f"exactly {facets['length']} characters")
    if "minLength" in facets:
        parts.append(f"at least {facets['minLength']} characters")
    if "maxLength" in facets:
        parts.append(f"at most {facets['maxLength']} characters")
    if "minInclusive" in facets:
        parts.append(f"≥ {facets['minInclusive']}")
    if "maxInclusive" in facets:
        parts.append(f"≤ {facets['maxInclusive']}")
    if "pattern" in facets and not text.values:
        parts.append(f"matching {lit(facets['pattern'])}")
    return ", ".join(parts)


def occurs(low: int, high: int | None) -> str:
    if (low, high) == (1, 1):
        return "required"
    if (low, high) == (0, 1):
        return "optional"
    if high is None:
        return "one or more" if low == 1 else ("any number" if low == 0 else f"{low} or more")
    return f"{low} to {high}"


def _values_text(text: SimpleType, element: str = "") -> list[str]:
    """The value set of an element (Clark name) or attribute, aliases marked (decision 5)."""
    namespace, _, local = element[1:].partition("}")
    lines = []
    if text.values:
        shown = []
        for value in text.values:
            alias = find_alias(namespace, local, value) if element else None
            shown.append(
                f"{lit(value)} (another spelling of {lit(alias.canonical)}; accepted, "
                "never written)"
                if alias
                else lit(value)
            )
        lines.append("Well-known values: " + ", ".join(shown) + ".")
    if text.vendor == "keyword":
        lines.append(
            "Extensible: a vendor keyword written ``prefix:Keyword`` is valid too "
            "(``acme:Throttled``, not ``Throttled``)."
        )
    elif text.vendor == "token":
        lines.append("Extensible: a vendor format token is valid too.")
    return lines


def _attribute_line(attribute: Attribute) -> str:
    name = label(attribute.name) if attribute.name.startswith("{") else attribute.name
    bits = [
        f"{lit(name)}: {describe_simple(attribute.type)}",
        "required" if attribute.required else "optional",
    ]
    if attribute.default is not None:
        bits.append(f"default {lit(attribute.default)} (documented, not applied)")
    line = ", ".join(bits)
    if attribute.doc:
        line += f". {esc(attribute.doc.rstrip('.'))}"
    extra = _values_text(attribute.type)
    return " ".join([line, *extra])


def tree_lines(node: Node, depth: int = 0) -> list[str]:
    """A nested bullet list of the element tree below ``node`` (``node`` included)."""
    pad = "  " * depth
    out: list[str] = []
    if node.kind == "choice":
        out.append(f"{pad}- *one of the following* ({occurs(node.min, node.max)})")
        out.append("")
        for option in node.children:
            out.extend(tree_lines(option, depth + 1))
        return out
    if node.kind == "any":
        namespace, process = node.wildcard
        where = {
            "##other": "any other namespace",
            "##any": "any namespace",
            "##local": "no namespace",
            "##targetNamespace": "this namespace",
        }.get(namespace, namespace)
        out.append(
            f"{pad}- *extension point*: elements from {where} ({occurs(node.min, node.max)}; "
            f"{process} validation)"
        )
        out.append("")
        return out
    name = label(node.name) if node.name.startswith("{") else node.name
    head = f"{pad}- {lit(name)} — *{occurs(node.min, node.max)}*"
    if node.text is not None and not node.children:
        head += f"; {describe_simple(node.text)}"
    if node.type_name:
        head += f" (type {lit(label(node.type_name))})"
    if node.any_attribute:
        head += "; foreign attributes allowed"
    out.append(head)
    body = []
    if node.doc:
        body.append(esc(node.doc))
    elif node.type_doc:
        body.append(esc(node.type_doc))
    if node.text is not None:
        body.extend(_values_text(node.text, node.name))
    if node.attributes:
        described = (_attribute_line(a).rstrip(".") for a in node.attributes)
        body.append("Attributes: " + "; ".join(described) + ".")
    if node.recursive:
        body.append("Same content as above (the type contains itself).")
    for paragraph in body:
        out.append("")
        out.append(f"{pad}  {paragraph}")
    out.append("")
    for child in node.children:
        out.extend(tree_lines(child, depth + 1))
    return out


# -- Python classes ---------------------------------------------------------------------------


def type_text(annotation: object) -> str:
    """A type annotation as a reader writes it: ``list[dsp.FilterStatusType] | None``."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(arg) for arg in typing.get_args(annotation))
    if origin is not None:
        args = ", ".join(type_text(arg) for arg in typing.get_args(annotation))
        return f"{getattr(origin, '__name__', str(origin))}[{args}]"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, type):
        module = annotation.__module__
        if module.startswith("dsm_messages.models."):
            return f"{module.rpartition('.')[2]}.{annotation.__qualname__}"
        if module == "builtins":
            return annotation.__qualname__
        return f"{module}.{annotation.__qualname__}"
    return str(annotation)


def _dataclasses_in(annotation: object) -> Iterable[type]:
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _dataclasses_in(arg)


def field_lines(model: type, depth: int = 0, seen: frozenset[type] = frozenset()) -> list[str]:
    """A nested bullet list of the dataclass fields of ``model`` and of the classes they hold."""
    pad = "  " * depth
    out: list[str] = []
    try:
        hints = typing.get_type_hints(model)
    except Exception:  # a forward reference the module cannot resolve: show it as written
        hints = {}
    for item in dataclasses.fields(model):
        annotation = hints.get(item.name, item.type)
        xml = item.metadata.get("name")
        kind = item.metadata.get("type", "Element")
        required = (
            item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        )
        where = {
            "Attribute": "attribute",
            "Wildcard": "extension elements",
            "Attributes": "other attributes",
        }.get(kind, "element")
        line = f"{pad}- {lit(item.name)}: {lit(type_text(annotation))}"
        described = [where + (f" {lit(xml)}" if xml else "")]
        if required:
            described.append("required argument")
        out.append(f"{line} — {', '.join(described)}")
        nested = [
            cls for cls in _dataclasses_in(annotation) if cls not in seen and cls is not model
        ]
        if nested and depth < 8:
            out.append("")
            for cls in nested:
                out.extend(field_lines(cls, depth + 1, seen | {model, cls}))
    out.append("")
    return out


# -- faults and ordering rules ----------------------------------------------------------------


def faults_for(spec: MessageType) -> list[tuple[str, fault_table.Fault]]:
    """The named faults a request of this protocol can be answered with: its own subcodes,
    WS-Addressing's and SOAP's own codes."""
    if spec.kind != "request":
        return []
    wanted = {WSA, _FAULT_NAMESPACES.get(spec.protocol, WSA)}
    found = []
    for name, value in sorted(vars(fault_table).items()):
        if not (isinstance(value, fault_table.Fault) and name.isupper()):
            continue
        namespace = value.subcodes[0].text[1:].partition("}")[0] if value.subcodes else SOAP
        if namespace in wanted or namespace == SOAP:
            found.append((name, value))
    return found


def rules_mentioning(spec: MessageType, ordering_rules: Mapping[str, Rule]) -> list[Rule]:
    """The ordering rules of the message's protocol whose summary names the message."""
    local = spec.qname.rpartition("}")[2]
    names = {local}
    if spec.kind in ("request", "event"):
        names.add(spec.operation)
    elif spec.kind == "response":
        names.add(spec.operation + "Response")
    prefix = {"dsp": "DSP-", "dsd": "DSD-", "dsc": "DSC-", "wscn": "WSCN-"}.get(spec.protocol)
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names))) + r")\b")
    return [
        rule
        for rule in ordering_rules.values()
        if (prefix is None or rule.id.startswith(prefix)) and pattern.search(rule.summary)
    ]


# -- pages ------------------------------------------------------------------------------------


def _heading(text: str, mark: str) -> list[str]:
    return [text, mark * len(text), ""]


def message_page(
    spec: MessageType,
    schemas: SchemaSet,
    ordering_rules: Mapping[str, Rule],
    sample: Sample,
) -> str:
    """The reference page of one message body or document."""
    tree = schemas.element(spec.qname)
    local = spec.qname.rpartition("}")[2]
    out = [f".. _message-{page_name(spec)}:", "", *_heading(title_of(spec), "=")]
    if tree.doc:
        out += [esc(tree.doc), ""]
    rows = [
        ("Protocol", f"{PROTOCOL_NAMES[spec.protocol]} ({spec.kind} of {lit(spec.operation)})"),
        ("Element", f"{lit(local)} in namespace {lit(spec.qname[1:].partition('}')[0])}"),
        ("Direction", esc(direction(spec))),
    ]
    if spec.action:
        rows.append(("Action", lit(spec.action)))
    if spec.alternative_actions:
        rows.append(
            (
                "Also accepted",
                ", ".join(lit(a) for a in spec.alternative_actions)
                + " (read on input, never written)",
            )
        )
    module = spec.model.__module__
    rows.append(("Python class", f":class:`{module}.{spec.model.__qualname__}`"))
    for label, value in rows:
        out.append(f":{label}: {value}")
    out.append("")

    out += _heading("Elements", "-")
    if not tree.children and tree.text is None:
        out += ["The element is empty: it carries no content.", ""]
    elif spec.protocol in GUIDES:
        out += [
            f"The protocol guide, :doc:`{GUIDES[spec.protocol]}`, explains what they are for.",
            "",
        ]
    out += tree_lines(tree)

    out += _heading("Faults", "-")
    answered = faults_for(spec)
    if answered:
        out += [
            "A request that cannot be carried out is answered with a SOAP fault instead of the "
            "response (:doc:`/guides/faults`). The named faults of this protocol, as "
            ":mod:`dsm_messages.faults` defines them:",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: auto",
            "",
            "   * - Subcode (code)",
            "     - Meaning",
            "     - Constant",
        ]
        for name, fault in answered:
            out += _fault_row(name, fault)
        out += [
            "",
            "A broken rule names the fault to answer with: see :doc:`/reference/rules`.",
            "",
        ]
    elif spec.kind == "document":
        out += ["A document travels inside other messages or is stored; it is never answered.", ""]
    else:
        out += [
            "Only requests are answered with a fault. A receiver that finds this message broken "
            "reports it (:doc:`/reference/rules`) but sends nothing back.",
            "",
        ]

    out += _heading("Ordering rules", "-")
    mentioned = rules_mentioning(spec, ordering_rules)
    if mentioned:
        out += [
            "The conversation checker (:class:`dsm_messages.Session`) applies these rules "
            "that name this message:",
            "",
        ]
        for rule in mentioned:
            out.append(
                f"- :ref:`{rule.id} <{rule_label(rule.id)}>` ({_one_severity(rule)}): "
                + esc(rule.summary)
            )
        out.append("")
    else:
        out += ["No ordering rule names this message.", ""]

    out += _heading("Example", "-")
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

    out += _heading("Python", "-")
    out += [
        f"Read one with :func:`dsm_messages.from_xml` or :func:`dsm_messages.parse`; the body is "
        f"a ``{module.rpartition('.')[2]}.{spec.model.__qualname__}`` with these fields "
        "(nested classes indented below the field that holds them):",
        "",
    ]
    out += field_lines(spec.model)
    return "\n".join(out).rstrip() + "\n"


def messages_index(specs: Sequence[MessageType], schemas: SchemaSet) -> str:
    out = [".. _messages:", "", *_heading("Messages", "=")]
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
        out += _heading(PROTOCOL_NAMES[protocol], "-")
        out += [
            ".. list-table::",
            "   :header-rows: 1",
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


def rules_text(
    rules: Mapping[str, Rule],
    ordering_rules: Mapping[str, Rule],
    specs: Sequence[MessageType] = (),
) -> str:
    """The rules page body: every validator code and every ordering rule, each a section with
    a stable anchor (``#dsm-xsd``, ``#dsp-10``) and a label (``rule-DSP-10``)."""
    out = _heading("Validator codes", "-")
    out += [
        ":func:`dsm_messages.validate` and ``dsm-messages validate`` report every problem with "
        "one of these codes. The severity depends on the profile: ``strict`` is the specification "
        "as written plus the project's decisions, ``lenient`` also accepts the defects of "
        "Microsoft's published examples and reports each as a warning. An error makes the "
        "message invalid; a warning does not.",
        "",
    ]
    for rule in rules.values():
        out += [f".. _{rule_label(rule.id)}:", "", *_heading(rule.id, "~")]
        out += [esc(rule.summary[0].upper() + rule.summary[1:]) + ".", ""]
        out += [f"Severity: {_severities(rule)}. Fault hint: {_fault_hint(rule.fault)}.", ""]
    out += _heading("Ordering rules", "-")
    out += [
        ":class:`dsm_messages.Session`, :func:`dsm_messages.check_sequence` and "
        "``dsm-messages check-sequence`` check the order of a conversation with these rules. "
        "An **error** (a violation) breaks a MUST: a session refuses the message (raising "
        ":class:`dsm_messages.LocalProtocolError` or :class:`dsm_messages.RemoteProtocolError`) "
        "and changes nothing. A **warning** breaks a SHOULD: the message is accepted and the "
        "breach recorded. ``DSP-n`` and ``DSD-n`` number the rules of WS-DSP and WS-DSD as "
        "the project collected them from the reference pages (the protocol guides explain "
        "them); ``DSC-…`` rules come from WS-DSC's job model, ``WSCN-n`` from the WS-Scan "
        "element pages each rule names (CreateScanJobRequest, RetrieveImageRequest, "
        "ScanIdentifier...), and ``WSA-…`` rules hold for any protocol.",
        "",
    ]
    named: dict[str, list[MessageType]] = {}
    for spec in specs:
        for mentioned in rules_mentioning(spec, ordering_rules):
            named.setdefault(mentioned.id, []).append(spec)
    for ordering in ordering_rules.values():
        out += [f".. _{rule_label(ordering.id)}:", "", *_heading(ordering.id, "~")]
        out += [esc(ordering.summary[0].upper() + ordering.summary[1:]) + ".", ""]
        out += [
            f"Severity: {_severities(ordering)}. Fault hint: {_fault_hint(ordering.fault)}. "
            f"Source: {source_text(ordering.source)}.",
            "",
        ]
        if ordering.id in named:
            links = ", ".join(
                f":doc:`{title_of(spec)} <messages/{page_name(spec)}>`"
                for spec in named[ordering.id]
            )
            out += [f"Messages it names: {links}.", ""]
    return "\n".join(out)


def _fault_row(name: str, fault: fault_table.Fault) -> list[str]:
    subcode = prefixed(fault.subcodes[0].text) if fault.subcodes else "(none)"
    return [
        f"   * - {lit(subcode)} ({lit('soap:' + fault.code)})",
        f"     - {esc(fault.reason)}",
        f"     - {lit(name)}",
    ]


def _severities(rule: Rule) -> str:
    return ", ".join(f"{profile} **{rule.severity(profile)}**" for profile in PROFILES)


def _one_severity(rule: Rule) -> str:
    """The severity of a rule, once when both profiles agree."""
    strict, lenient = rule.severity("strict"), rule.severity("lenient")
    return strict if strict == lenient else f"strict {strict}, lenient {lenient}"


def _fault_hint(fault: str | fault_table.Fault | None) -> str:
    if isinstance(fault, fault_table.Fault):
        return lit(str(fault))
    if fault is None:
        return "none (the message is not answered with a fault)"
    if fault == "InvalidArgs":
        return "``InvalidArgs`` of the message's protocol (``dsp:``, ``dsc:`` or ``wscn:``)"
    return lit(fault)


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
