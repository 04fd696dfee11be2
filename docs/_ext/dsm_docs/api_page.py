"""The API reference page: every name ``from dsm_messages import ...`` offers, in sections, and
the discovery helpers."""

from __future__ import annotations

import dsm_messages

# Sections of the API page; a public name missing here is still documented, under "Other".
_API_SECTIONS = {
    "Messages and XML": (
        "from_xml",
        "to_xml",
        "parse_xml",
        "MESSAGE_TYPES",
        "MessageType",
        "message_type",
        "by_qname",
        "by_action",
    ),
    "Envelopes": ("parse", "serialize", "reply", "Envelope", "ANONYMOUS"),
    "MTOM packages (SendImage)": ("build_send_image", "parse_package", "Package"),
    "Faults": ("Fault", "FaultError", "fault_for", "faults"),
    "Validation": (
        "validate",
        "validate_stored",
        "validate_file",
        "Report",
        "Problem",
        "ValidationError",
    ),
    "Rules": (
        "RULES",
        "ORDERING_RULES",
        "Rule",
        "RuleId",
        "DsmRule",
        "DspRule",
        "DsdRule",
        "DscRule",
        "WscnRule",
        "WsaRule",
    ),
    "Conversations": (
        "Session",
        "check_sequence",
        "SequenceReport",
        "Recorded",
        "HttpHead",
        "ProtocolError",
        "LocalProtocolError",
        "RemoteProtocolError",
    ),
    "Schemas": ("load_schema", "schema_dir"),
    "Errors": (
        "DsmError",
        "BindingError",
        "XmlSyntaxError",
        "SchemaCompileError",
        "EnvelopeError",
        "MtomError",
        "MtomLimitError",
    ),
}
_DATA_TEXT = {
    "MESSAGE_TYPES": "Every message body and stand-alone document, as :class:`MessageType` "
    "entries; each has its page under :doc:`messages/index`.",
    "RULES": "Every validator rule, ``{rule id: Rule}``; listed on :doc:`rules`.",
    "ORDERING_RULES": "Every ordering rule, ``{rule id: Rule}``; listed on :doc:`rules`.",
    "faults": "The module :mod:`dsm_messages.faults`: every documented fault as a named "
    ":class:`Fault` constant (``DSP_INVALID_ARGS``...), and :func:`fault_for`.",
    "namespaces": "The module :mod:`dsm_messages.namespaces`: every namespace URI the "
    "protocols use, as constants (``DSP``, ``WSCN``...), with their conventional prefixes.",
    "ANONYMOUS": "The WS-Addressing 2004/08 anonymous address: a reply travels back on the "
    "connection the request came in on.",
    "__version__": "The version of this package.",
}


#: The data names of dsm_messages.conformance, which autodoc cannot describe.
_CONFORMANCE_DATA = {
    "PROBES": "Every probe of the kit (:class:`Probe`), in the order a run plays them.",
    "NOT_PROBED": "The rules a receiver refuses that no probe breaks, each with the reason, "
    "``{rule id: why}``; listed in :doc:`/tutorials/test-your-implementation`.",
    "Transport": "``send(data, content_type, address) -> (HTTP status, Content-Type, data)``: "
    "one request and its answer (a fault's status says so); it raises when nothing came back.",
    "AsyncTransport": "A :data:`Transport` as a coroutine function, for :func:`run_async`.",
    "Verdict": 'How a probe ended: ``"passed"``, ``"failed"`` or ``"not_applicable"``.',
}


def api_page() -> str:
    """Every name in ``dsm_messages.__all__``, documented once from its docstring."""
    out = ["API reference", "=============", ""]
    out += [
        "Everything ``from dsm_messages import ...`` offers (``dsm_messages.__all__``). The "
        "generated message classes live in ``dsm_messages.models``, one module per namespace, "
        "each documented on :doc:`models/index`; each message page links its class. "
        "``lxml.etree.Element`` in a signature is lxml's element class (what "
        "``lxml.etree.fromstring`` returns).",
        "",
        ".. module:: dsm_messages",
        "",
    ]
    public = list(dsm_messages.__all__)
    placed = {name for names in _API_SECTIONS.values() for name in names}
    sections = {title: [n for n in names if n in public] for title, names in _API_SECTIONS.items()}
    sections["Other"] = [name for name in public if name not in placed]
    for title, names in sections.items():
        if not names:
            continue
        out += [title, "-" * len(title), ""]
        for name in names:
            value = getattr(dsm_messages, name)
            if isinstance(value, type):
                out += [f".. autoclass:: dsm_messages.{name}", "   :members:", ""]
            elif callable(value):
                out += [f".. autofunction:: dsm_messages.{name}", ""]
            else:
                out += [f".. py:data:: {name}", ""]  # in the module declared above
                out += [f"   {_DATA_TEXT.get(name, '')}", ""]
    title = "Finding a device: dsm_messages.discovery"
    out += [title, "-" * len(title), ""]
    out += [".. automodule:: dsm_messages.discovery", "   :members:", ""]
    title = "A WS-Scan device's answers from plain values: dsm_messages.ws_scan"
    out += [title, "-" * len(title), ""]
    out += [".. automodule:: dsm_messages.ws_scan", "   :members:", ""]
    title = "Transcripts on disk: dsm_messages.transcripts"
    out += [title, "-" * len(title), ""]
    out += [
        ".. automodule:: dsm_messages.transcripts",
        "   :members:",
        # documented above, as dsm_messages offers them
        "   :exclude-members: HttpHead, Recorded",
        "",
    ]
    title = "The conformance kit: dsm_messages.conformance"
    out += [title, "-" * len(title), ""]
    out += [
        "How to run it and read its report: :doc:`/tutorials/test-your-implementation`.",
        "",
        ".. automodule:: dsm_messages.conformance",
        "   :members:",
        "",
    ]
    for name, text in _CONFORMANCE_DATA.items():  # imported names: no doc comment to read
        out += [f".. py:data:: {name}", "", f"   {text}", ""]
    return "\n".join(out)
