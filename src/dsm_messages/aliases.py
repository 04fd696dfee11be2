"""Value spellings that differ between the DSM sources, and the one to write.

The schemas accept every spelling (a device or server written against either source must be
read). When dsm-messages itself chooses a value it writes the canonical one: the spelling of
[MS-BDSRR] section 2 for the processing and configuration vocabularies (``dsp``, ``dsc``), and
WS-Scan's own for ``wscn``. The validator reports an alias it meets as a warning naming the
canonical spelling; the state machine compares values through :func:`canonical_value`.

>>> canonical_value(PROCESSING, "FilterStateReason", "SharepointAccessDenied")
'SharePointAccessDenied'
>>> canonical_value(SCAN, "JobState", "Pending-Held")
'Held'
>>> canonical_value(PROCESSING, "JobState", "Processing")
'Processing'
"""

from __future__ import annotations

import attrs

from .namespaces import DSC, DSP, WSCN

__all__ = [
    "ALIASES_BY_ELEMENT",
    "PLACEHOLDERS",
    "PROCESSING",
    "SCAN",
    "VALUE_ALIASES",
    "ValueAlias",
    "canonical_value",
    "find_alias",
]

PROCESSING = DSP
SCAN = WSCN

#: Values the DSM documentation uses where a real address or identifier belongs: the lenient
#: profile reads them as such placeholders rather than as identifiers.
PLACEHOLDERS = frozenset(
    {"DestinationAddress", "Destination Address", "AddressofEventSink", "uuid:UniqueMsgId"}
)


@attrs.frozen(kw_only=True)
class ValueAlias:
    """One alternative spelling: where it is found, and what is written instead."""

    namespace: str
    #: Local names of the elements whose text holds a value of this set.
    elements: tuple[str, ...]
    alias: str
    canonical: str
    source: str


_JOB_STATE = ("JobState", "JobCompletedState")
_SHAREPOINT = "WDK WS-DSP pages; MS-BDSRR 2.2.5.5 writes SharePoint"
_SEND_IMAGE = "MS-BDSRR 6.2.1 typo; its 2.2.5.11 writes SendImageFailed"
_PENDING_HELD = "WS-Scan spelling; MS-BDSRR 2.2.5.12 writes Pending-Held"

VALUE_ALIASES: tuple[ValueAlias, ...] = tuple(
    ValueAlias(
        namespace=namespace, elements=elements, alias=alias, canonical=canonical, source=src
    )
    for namespace, elements, alias, canonical, src in (
        (
            DSP,
            ("FilterStateReason",),
            "SharepointAccessDenied",
            "SharePointAccessDenied",
            _SHAREPOINT,
        ),
        (
            DSP,
            ("FilterStateReason",),
            "SharepointOutOfDiskSpace",
            "SharePointOutOfDiskSpace",
            _SHAREPOINT,
        ),
        (DSP, ("JobStateReason",), "SendImangeFailed", "SendImageFailed", _SEND_IMAGE),
        # dsp's JobCompletedState has only Aborted, Canceled and Completed
        (DSP, ("JobState",), "Held", "Pending-Held", _PENDING_HELD),
        (
            DSC,
            ("FilterStateReason",),
            "SharepointAccessDenied",
            "SharePointAccessDenied",
            _SHAREPOINT,
        ),
        (
            DSC,
            ("FilterStateReason",),
            "SharepointOutOfDiskSpace",
            "SharePointOutOfDiskSpace",
            _SHAREPOINT,
        ),
        (DSC, ("JobStateReason",), "SendImangeFailed", "SendImageFailed", _SEND_IMAGE),
        (DSC, _JOB_STATE, "Held", "Pending-Held", _PENDING_HELD),
        (WSCN, _JOB_STATE, "Pending-Held", "Held", "MS-BDSRR dsc spelling; WS-Scan writes Held"),
    )
)

_BY_KEY = {
    (alias.namespace, element, alias.alias): alias
    for alias in VALUE_ALIASES
    for element in alias.elements
}


def _aliases_by_element() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for alias in VALUE_ALIASES:
        for element in alias.elements:
            found.setdefault(f"{{{alias.namespace}}}{element}", set()).add(alias.alias)
    return {name: frozenset(aliases) for name, aliases in found.items()}


#: Per element (Clark name), every alias its value may be written as: a value outside its
#: set is none (what a reader with many values to look up asks first).
ALIASES_BY_ELEMENT = _aliases_by_element()


def find_alias(namespace: str, element: str, value: str) -> ValueAlias | None:
    """The alias entry for ``value`` written in element ``{namespace}element``, if it is one."""
    return _BY_KEY.get((namespace, element, value))


def canonical_value(namespace: str, element: str, value: str) -> str:
    """The spelling dsm-messages writes for ``value`` in element ``{namespace}element``."""
    alias = _BY_KEY.get((namespace, element, value))  # (find_alias, read for every value)
    return value if alias is None else alias.canonical
