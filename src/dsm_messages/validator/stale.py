"""Stale and misprinted namespaces, in one place: which URIs are stale forms of ours
(:data:`STALE_NAMESPACES`), naming them where they are declared, and renaming them (in the
bytes, and in a ``wsa:Action``) so that the rest of the checks read the current ones."""

from __future__ import annotations

import re

from lxml import etree

from .. import namespaces as ns
from ..messages import (
    FAULT_ACTION,
    by_action,
)
from ..rule_ids import DsmRule
from ..xml_types import XmlElement
from .context import Context

__all__ = [
    "ASCII_COMPATIBLE",
    "STALE_NAMESPACES",
    "may_declare_stale",
    "stale_action",
    "stale_namespaces",
]

#: Namespace URIs seen in published material for an older or misprinted version of one of ours:
#: stale URI -> (current URI, whether the lenient profile accepts it).
STALE_NAMESPACES: dict[str, tuple[str, bool]] = {
    "http://schemas.microsoft.com/windows/2006/01/wdp/scan": (ns.WSCN, True),
    "https://schemas.microsoft.com/windows/2006/01/wdp/scan": (ns.WSCN, False),
    "https://schemas.microsoft.com/windows/2006/08/wdp/scan": (ns.WSCN, False),
    "http://schemas.microsoft.com/windows/2008/02/wdp/repository/processing": (ns.DSP, False),
    # Microsoft's WSDAPI message samples print every namespace with https://; devices use http://
    "https://schemas.xmlsoap.org/ws/2005/04/discovery": (ns.WSD, False),
    "https://schemas.xmlsoap.org/ws/2006/02/devprof": (ns.WSDP, False),
    "https://schemas.xmlsoap.org/ws/2004/09/mex": (ns.WSX, False),
}


# ... and so is every namespace of ours printed with https:// (the SOAP envelope's is named as
# the wrong SOAP version instead)
STALE_NAMESPACES.update(
    {
        "https" + uri[4:]: (uri, False)
        for uri in ns.PREFIXES.values()
        if uri != ns.SOAP
        and uri.startswith("http://")
        and "https" + uri[4:] not in STALE_NAMESPACES
    }
)


_SOAP_ENVELOPE = f"{{{ns.SOAP}}}Envelope"


_HTTPS_FAULT_ACTION = "https" + FAULT_ACTION.removeprefix("http")
#: how an action in a stale namespace begins: one of these
_STALE_ACTION_STARTS = tuple(stale + "/" for stale in STALE_NAMESPACES)


def stale_namespaces(context: Context, root: XmlElement) -> dict[str, str]:
    """Report a misprinted SOAP namespace and stale DSM namespaces; the renames to apply."""
    renames: dict[str, str] = {}
    name = None if root.tag == _SOAP_ENVELOPE else etree.QName(root)  # (most: read no further)
    if name is not None and name.localname == "Envelope":
        # A SOAP node answers VersionMismatch; the rest is still checked, reading the
        # envelope by local names, so that every defect is named.
        envelope_ns = name.namespace
        context.add(
            DsmRule.SOAP_VERSION,
            f"root element is {{{envelope_ns}}}Envelope, not a SOAP 1.2 soap:Envelope",
            root,
        )
        renames[envelope_ns or ""] = ns.SOAP
    assert context.source is not None
    if not may_declare_stale(context.source.data, context.ascii_bytes):
        return renames
    declared = context.source.first_declarations()
    for stale, (current, tolerated) in STALE_NAMESPACES.items():
        if stale in declared:
            prefixes = sorted(
                prefix or "(default)"
                for prefix, uri in context.source.declarations(declared[stale]).items()
                if uri == stale
            )
            context.add(
                DsmRule.STALE_NAMESPACE_TOLERATED if tolerated else DsmRule.STALE_NAMESPACE,
                f"namespace {stale} (prefix {', '.join(prefixes)}) is a stale or misprinted "
                f"form of {current}",
                context.source.element(declared[stale]),
            )
            renames[stale] = current
    return renames


def stale_action(context: Context, element: XmlElement, action: str) -> str:
    """The action with a stale namespace replaced by the current one, reported as the same
    stale namespace is in element names (tolerated in lenient for the pre-release WS-Scan
    namespace); the tree then holds the current action, as it holds the current names."""
    if action == _HTTPS_FAULT_ACTION:
        message = f"action {action} is written https://; it is http://"
        context.add(DsmRule.ACTION_HTTPS, message, element)
        context.repair.text(element, FAULT_ACTION)
        return FAULT_ACTION
    if not action.startswith(_STALE_ACTION_STARTS):
        return action  # (almost every action: one test instead of one per stale namespace)
    for stale, (current, tolerated) in STALE_NAMESPACES.items():
        if not action.startswith(stale + "/"):
            continue
        renamed = current + action[len(stale) :]
        if by_action(renamed) is None:
            return action  # not ours under any namespace: DSM-ACTION-UNKNOWN
        context.add(
            DsmRule.STALE_NAMESPACE_TOLERATED if tolerated else DsmRule.STALE_NAMESPACE,
            f"action {action} is in {stale}, a stale or misprinted form of {current}",
            element,
        )
        context.repair.text(element, renamed)
        return renamed
    return action


_STALE_BYTES = tuple(stale.encode("ascii") for stale in STALE_NAMESPACES)


# a few strings one of which every stale URI holds: searched for first, as a message without
# any of them (almost every one) holds no stale URI either
_STALE_PROBES = tuple(
    sorted({b"https://schemas." if s.startswith(b"https://schemas.") else s for s in _STALE_BYTES})
)


# ... all of them in one search, which reads the message once (a pattern of every stale URI
# would take as long to search, and several times longer to compile)
_STALE_PROBE = re.compile(b"|".join(re.escape(probe) for probe in _STALE_PROBES))


ASCII_COMPATIBLE = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1"})


def may_declare_stale(data: bytes | None, ascii_bytes: bool) -> bool:
    """Whether the document may declare a stale namespace URI: always, unless its bytes are
    in an ASCII-compatible encoding (``ascii_bytes``) with no character reference (which
    could spell a URI differently) and none of the stale URIs occurs in them."""
    if data is None:
        return True
    # (b"&" first: a one-byte search is several times faster than a two-byte one, and most
    # messages hold no "&" at all)
    if not ascii_bytes or (b"&" in data and b"&#" in data):
        return True
    if _STALE_PROBE.search(data) is None:
        return False
    return any(stale in data for stale in _STALE_BYTES)
