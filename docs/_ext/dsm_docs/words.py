"""The vocabulary the generated pages share: how names, values, parties and links are written
in reStructuredText."""

from __future__ import annotations

import re

from dsm_messages.messages import MessageType
from dsm_messages.namespaces import prefixed

from .schema_tree import XML_NS, XS

PROTOCOL_NAMES = {
    "dsp": "WS-DSP",
    "dsd": "WS-DSD",
    "dsc": "WS-DSC",
    "wscn": "WS-Scan",
    "wse": "WS-Eventing",
    "wsd": "WS-Discovery",
    "transfer": "WS-Transfer (DPWS metadata)",
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
    "wsd": ("client", "device"),
    "transfer": ("client", "device"),
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
    "wscn": "/guides/ws-scan",
    "wse": "/guides/eventing",
    "wsd": "/guides/discovery",
    "transfer": "/guides/discovery",
    "soap": "/guides/faults",
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


def heading(text: str, mark: str) -> list[str]:
    return [text, mark * len(text), ""]


def page_name(spec: MessageType) -> str:
    """The page of a message, relative to the message directory."""
    return f"{spec.protocol}-{spec.qname.rpartition('}')[2].lower()}"


def title_of(spec: MessageType) -> str:
    return prefixed(spec.qname)


def message_link(spec: MessageType) -> str:
    """A link to a message's page, from any page."""
    return f":doc:`{title_of(spec)} </reference/messages/{page_name(spec)}>`"


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
    if spec.protocol == "wsd":  # an announcement: no subscription, every client hears it
        return f"{host} → every {client} (multicast)"
    return f"{host} → subscribed {client}"


def rule_label(rule_id: str) -> str:
    return f"rule-{rule_id}"


def rule_link(rule_id: str) -> str:
    return f":ref:`{rule_id} <{rule_label(rule_id)}>`"


def natural_key(rule_id: str) -> tuple[tuple[int, str], ...]:
    """Rule ids in reading order: ``DSP-2`` before ``DSP-10``, ``DSP-11-OPEN`` right after
    ``DSP-11``."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in rule_id.split("-"))


def model_path(model: type) -> str:
    """The public name of a generated class: ``dsm_messages.models.dsp.JobStatusType``."""
    return f"{model.__module__}.{model.__qualname__}"


def model_name(model: type) -> str:
    """How a reader writes a generated class: ``dsp.JobStatusType``."""
    return f"{model.__module__.rpartition('.')[2]}.{model.__qualname__}"


def model_link(model: type) -> str:
    return f":class:`{model_name(model)} <{model_path(model)}>`"
