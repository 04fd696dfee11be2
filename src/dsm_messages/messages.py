"""Every message body and stand-alone document dsm-messages knows, with its protocol and model.

This table is the one place that says which generated class is the body of which DSM message.
It is data, not code: later layers (envelopes, actions, ordering rules) key on it.

>>> from dsm_messages.models import dsp
>>> spec = message_type(dsp.CreatePostScanJobRequest)
>>> spec.protocol, spec.operation, spec.kind
('dsp', 'CreatePostScanJob', 'request')
>>> by_qname("{http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing}"
...          "PostScanJobEndStateEvent").kind
'event'
>>> spec.action
'http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/CreatePostScanJob'
>>> by_action("http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device/"
...           "GetActiveJobs").action
'http://schemas.microsoft.com/windows/2006/08/wdp/scan/GetActiveJobs'
"""

from __future__ import annotations

import importlib
from typing import Literal

import attrs

from . import namespaces as ns

__all__ = [
    "ANSWERED_TO_SENDER",
    "DISCOVERY_TO",
    "EMPTY_BODY_ACTIONS",
    "FAULT_ACTION",
    "MESSAGE_TYPES",
    "MULTICAST",
    "SEQUENCED",
    "Kind",
    "MessageType",
    "Protocol",
    "all_by_action",
    "by_action",
    "by_qname",
    "message_type",
]

Protocol = Literal[
    "dsp", "dsd", "dsc", "wscn", "wse", "wsd", "transfer", "soap", "psp", "emlf", "fsf", "spf"
]
Kind = Literal["request", "response", "event", "fault", "document"]


#: WS-Addressing 2004/08 action of every SOAP fault.
FAULT_ACTION = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault"

# Action URIs are <namespace>/<Operation>[Response] or <namespace>/<Event>. WS-DSD's are
# inferred (no WS-DSD page shows an operation message): the WS-Scan namespace is primary, as in
# every WS-DSD event example, and the WS-DSD namespace is accepted on input (decision 3).
_ACTION_BASE: dict[str, tuple[str, ...]] = {
    "dsp": (ns.DSP,),
    "dsd": (ns.WSCN, ns.DSD),
    "dsc": (ns.DSC,),
    "wscn": (ns.WSCN,),
    "wse": (ns.WSE,),
    "wsd": (ns.WSD,),
    "transfer": (ns.WXF,),
}


@attrs.frozen(kw_only=True)
class MessageType:
    """One message body: its protocol, the operation or event it belongs to, its model, and the
    ``wsa:Action`` it travels with (``None`` for stand-alone documents).

    ``model_name`` says where the model lives, ``prefix.Class`` in :mod:`dsm_messages.models`;
    ``model`` imports that namespace's module the first time it is asked for, so that reading
    the table, or validating a message, loads no model a run does not use.

    :param protocol: the protocol: ``"dsp"``, ``"dsd"``, ``"dsc"``, ``"wscn"``, ``"wse"``,
        ``"wsd"``, ``"transfer"``, ``"soap"``, or a document's (``"psp"``, ``"emlf"``,
        ``"fsf"``, ``"spf"``).
    :param operation: the operation or event (``"CreatePostScanJob"``).
    :param kind: ``"request"``, ``"response"``, ``"event"``, ``"fault"`` or ``"document"``.
    :param model_name: where the model class lives, ``prefix.Class``
        (``"dsp.CreatePostScanJobRequest"``).
    :param action: the ``wsa:Action`` URI it travels with; ``None`` for a document.
    :param alternative_actions: other action URIs recorded in the sources, accepted on input
        and never written.
    """

    protocol: Protocol
    operation: str
    kind: Kind
    model_name: str
    action: str | None = None
    #: Other action URIs recorded in the sources; accepted on input, never emitted.
    alternative_actions: tuple[str, ...] = ()

    @property
    def model(self) -> type:
        """The generated class of the body (``models.dsp.CreatePostScanJobRequest``)."""
        try:
            return _MODELS[self.model_name]
        except KeyError:
            module, _, name = self.model_name.partition(".")
            model: type = getattr(importlib.import_module(f"{_MODELS_PACKAGE}.{module}"), name)
            _MODELS[self.model_name] = model
            return model

    @property
    def qname(self) -> str:
        """The body element's name in Clark notation, ``{namespace}LocalName``: each model
        module holds one namespace, named by its prefix, and each body class is named after
        its element."""
        module, _, name = self.model_name.partition(".")
        return f"{{{ns.PREFIXES[module]}}}{name}"


_MODELS_PACKAGE = "dsm_messages.models"
_MODELS: dict[str, type] = {}


def _entry(
    protocol: Protocol, operation: str, kind: Kind, model_name: str, name: str
) -> MessageType:
    primary, *others = (f"{base}/{name}" for base in _ACTION_BASE[protocol])
    return MessageType(
        protocol=protocol,
        operation=operation,
        kind=kind,
        model_name=model_name,
        action=primary,
        alternative_actions=tuple(others),
    )


def _operation(
    protocol: Protocol, name: str, request: str, response: str | None
) -> list[MessageType]:
    out = [_entry(protocol, name, "request", request, name)]
    if response is not None:
        out.append(_entry(protocol, name, "response", response, name + "Response"))
    return out


def _event(protocol: Protocol, name: str, model_name: str) -> MessageType:
    return _entry(protocol, name, "event", model_name, name)


MESSAGE_TYPES: tuple[MessageType, ...] = (
    # WS-DSP: scan device -> scan server
    *_operation(
        "dsp", "CreatePostScanJob", "dsp.CreatePostScanJobRequest", "dsp.CreatePostScanJobResponse"
    ),
    *_operation("dsp", "SendImage", "dsp.SendImageRequest", "dsp.SendImageResponse"),
    *_operation(
        "dsp", "EndPostScanJob", "dsp.EndPostScanJobRequest", "dsp.EndPostScanJobResponse"
    ),
    *_operation(
        "dsp", "CancelPostScanJob", "dsp.CancelPostScanJobRequest", "dsp.CancelPostScanJobResponse"
    ),
    *_operation(
        "dsp",
        "GetPostScanJobElements",
        "dsp.GetPostScanJobElementsRequest",
        "dsp.GetPostScanJobElementsResponse",
    ),
    _event("dsp", "PostScanJobStatusEvent", "dsp.PostScanJobStatusEvent"),
    _event("dsp", "PostScanJobEndStateEvent", "dsp.PostScanJobEndStateEvent"),
    # WS-DSD: management console -> scan device (ValidateScanTicket bodies are WS-Scan elements)
    *_operation("dsd", "GetActiveJobs", "dsd.GetActiveJobsRequest", "dsd.GetActiveJobsResponse"),
    *_operation(
        "dsd", "GetJobElements", "dsd.GetJobElementsRequest", "dsd.GetJobElementsResponse"
    ),
    *_operation("dsd", "GetJobHistory", "dsd.GetJobHistoryRequest", "dsd.GetJobHistoryResponse"),
    *_operation(
        "dsd",
        "GetScannerElements",
        "dsd.GetScannerElementsRequest",
        "dsd.GetScannerElementsResponse",
    ),
    *_operation(
        "dsd",
        "ValidateScanTicket",
        "wscn.ValidateScanTicketRequest",
        "wscn.ValidateScanTicketResponse",
    ),
    _event("dsd", "JobStatusEvent", "dsd.JobStatusEvent"),
    _event("dsd", "JobEndStateEvent", "dsd.JobEndStateEvent"),
    _event("dsd", "ScannerElementsChangeEvent", "dsd.ScannerElementsChangeEvent"),
    _event("dsd", "ScannerStatusConditionEvent", "dsd.ScannerStatusConditionEvent"),
    _event("dsd", "ScannerStatusConditionClearedEvent", "dsd.ScannerStatusConditionClearedEvent"),
    _event("dsd", "ScannerStatusSummaryEvent", "dsd.ScannerStatusSummaryEvent"),
    # WS-Scan: scan client -> scan device, the same operations and events in plain wscn: bodies.
    # WS-DSD's primary actions are WS-Scan's, so one action can announce a dsd: or a wscn: body:
    # both are recognised, each is its own protocol. ValidateScanTicket has one body for both
    # (a wscn: element) and is registered once, above.
    *_operation(
        "wscn", "CreateScanJob", "wscn.CreateScanJobRequest", "wscn.CreateScanJobResponse"
    ),
    *_operation(
        "wscn", "RetrieveImage", "wscn.RetrieveImageRequest", "wscn.RetrieveImageResponse"
    ),
    *_operation("wscn", "CancelJob", "wscn.CancelJobRequest", "wscn.CancelJobResponse"),
    *_operation(
        "wscn", "GetActiveJobs", "wscn.GetActiveJobsRequest", "wscn.GetActiveJobsResponse"
    ),
    *_operation(
        "wscn", "GetJobElements", "wscn.GetJobElementsRequest", "wscn.GetJobElementsResponse"
    ),
    *_operation(
        "wscn", "GetJobHistory", "wscn.GetJobHistoryRequest", "wscn.GetJobHistoryResponse"
    ),
    *_operation(
        "wscn",
        "GetScannerElements",
        "wscn.GetScannerElementsRequest",
        "wscn.GetScannerElementsResponse",
    ),
    _event("wscn", "ScanAvailableEvent", "wscn.ScanAvailableEvent"),
    _event("wscn", "JobStatusEvent", "wscn.JobStatusEvent"),
    _event("wscn", "JobEndStateEvent", "wscn.JobEndStateEvent"),
    _event("wscn", "ScannerElementsChangeEvent", "wscn.ScannerElementsChangeEvent"),
    _event("wscn", "ScannerStatusConditionEvent", "wscn.ScannerStatusConditionEvent"),
    _event(
        "wscn", "ScannerStatusConditionClearedEvent", "wscn.ScannerStatusConditionClearedEvent"
    ),
    _event("wscn", "ScannerStatusSummaryEvent", "wscn.ScannerStatusSummaryEvent"),
    # WS-DSC: management console -> scan server
    *_operation(
        "dsc",
        "GetRepositoryElements",
        "dsc.GetRepositoryElementsRequest",
        "dsc.GetRepositoryElementsResponse",
    ),
    *_operation(
        "dsc", "CancelPostScanJob", "dsc.CancelPostScanJobRequest", "dsc.CancelPostScanJobResponse"
    ),
    *_operation(
        "dsc",
        "GetPostScanJobElements",
        "dsc.GetPostScanJobElementsRequest",
        "dsc.GetPostScanJobElementsResponse",
    ),
    *_operation("dsc", "GetActiveJobs", "dsc.GetActiveJobsRequest", "dsc.GetActiveJobsResponse"),
    *_operation("dsc", "GetJobHistory", "dsc.GetJobHistoryRequest", "dsc.GetJobHistoryResponse"),
    _event("dsc", "RepositoryElementsChangeEvent", "dsc.RepositoryElementsChangeEvent"),
    _event("dsc", "RepositoryStatusSummaryEvent", "dsc.RepositoryStatusSummaryEvent"),
    _event("dsc", "PostScanJobStatusEvent", "dsc.PostScanJobStatusEvent"),
    _event("dsc", "PostScanJobEndStateEvent", "dsc.PostScanJobEndStateEvent"),
    # WS-Eventing: DSM events flow only through subscriptions. Unsubscribe's answer is empty.
    *_operation("wse", "Subscribe", "wse.Subscribe", "wse.SubscribeResponse"),
    *_operation("wse", "Renew", "wse.Renew", "wse.RenewResponse"),
    *_operation("wse", "GetStatus", "wse.GetStatus", "wse.GetStatusResponse"),
    *_operation("wse", "Unsubscribe", "wse.Unsubscribe", None),
    _event("wse", "SubscriptionEnd", "wse.SubscriptionEnd"),
    # WS-Discovery (April 2005), how a client finds devices. Hello and Bye are a device's one-way
    # announcements to every client (events without a subscription); Probe and Resolve are
    _event("wsd", "Hello", "wsd.Hello"),
    _event("wsd", "Bye", "wsd.Bye"),
    # requests, usually multicast, that each matching device answers; an answer's action is
    # named after its body (ProbeMatches), not after the request.
    _entry("wsd", "Probe", "request", "wsd.Probe", "Probe"),
    _entry("wsd", "Probe", "response", "wsd.ProbeMatches", "ProbeMatches"),
    _entry("wsd", "Resolve", "request", "wsd.Resolve", "Resolve"),
    _entry("wsd", "Resolve", "response", "wsd.ResolveMatches", "ResolveMatches"),
    # WS-Transfer Get of a DPWS device's metadata: the request's body is empty (see
    # EMPTY_BODY_ACTIONS), the answer's is a WS-MetadataExchange wsx:Metadata.
    _entry("transfer", "Get", "response", "wsx.Metadata", "GetResponse"),
    # SOAP 1.2 fault, the answer to any request that failed
    MessageType(
        protocol="soap",
        operation="Fault",
        kind="fault",
        model_name="soap.Fault",
        action=FAULT_ACTION,
    ),
    # Stand-alone documents: a scan process as stored in the directory, and the three filter
    # configurations that its instructions carry
    MessageType(
        protocol="psp",
        operation="PostScanProcess",
        kind="document",
        model_name="psp.PostScanProcess",
    ),
    MessageType(
        protocol="emlf", operation="EmailConfig", kind="document", model_name="emlf.EmailConfig"
    ),
    MessageType(
        protocol="fsf",
        operation="FileShareConfig",
        kind="document",
        model_name="fsf.FileShareConfig",
    ),
    MessageType(
        protocol="spf",
        operation="SharePointConfig",
        kind="document",
        model_name="spf.SharePointConfig",
    ),
)

_BY_MODEL_NAME = {f"{_MODELS_PACKAGE}.{spec.model_name}": spec for spec in MESSAGE_TYPES}
#: The entries of the body classes met so far, by class (filled as each is first looked up,
#: so that the models are imported only when a body is)
_BY_MODEL: dict[type, MessageType] = {}
_BY_QNAME = {spec.qname: spec for spec in MESSAGE_TYPES}


def _index_actions() -> dict[str, tuple[MessageType, ...]]:
    index: dict[str, tuple[MessageType, ...]] = {}
    for spec in MESSAGE_TYPES:
        for action in (spec.action, *spec.alternative_actions):
            if action is not None:
                index[action] = (*index.get(action, ()), spec)
    return index


_ALL_BY_ACTION = _index_actions()


#: Actions whose message has an empty SOAP Body, so no table entry can be found from the body:
#: action -> (protocol, operation, kind).
EMPTY_BODY_ACTIONS: dict[str, tuple[Protocol, str, Kind]] = {
    f"{ns.WSE}/UnsubscribeResponse": ("wse", "Unsubscribe", "response"),
    # WS-Transfer (September 2004) section 3.1; DPWS 1.0 section 5.1: the Get of a device's
    # metadata names what it wants by its wsa:To alone.
    f"{ns.WXF}/Get": ("transfer", "Get", "request"),
}


#: Protocols whose requests are answered to the address they came from (WS-Discovery: the
#: sender's UDP address, or the HTTP back channel of a directed Probe), so they carry no
#: wsa:ReplyTo (WS-Discovery April 2005 sections 5 and 6; every sample shows none).
ANSWERED_TO_SENDER: frozenset[Protocol] = frozenset({"wsd"})

#: Requests sent to every device at once (WS-Discovery's multicast Probe and Resolve): each
#: device that matches answers, so any number of answers relate to one request, none included
#: (WS-Discovery April 2005 sections 5.2 and 6.1).
MULTICAST: frozenset[tuple[Protocol, str]] = frozenset({("wsd", "Probe"), ("wsd", "Resolve")})

#: The wsa:To of WS-Discovery's multicast messages (Hello, Bye, Probe, Resolve), also used for a
#: Probe sent to one device's discovery address (WS-Discovery April 2005 section 2.4).
DISCOVERY_TO = "urn:schemas-xmlsoap-org:ws:2005:04:discovery"
#: WS-Discovery bodies whose envelope carries the sender's wsd:AppSequence header block.
SEQUENCED: frozenset[str] = frozenset(
    f"{{{ns.WSD}}}{name}" for name in ("Hello", "Bye", "ProbeMatches", "ResolveMatches")
)


def message_type(model: type) -> MessageType:
    """The table entry of a body class; ``KeyError`` names the class if it is not a body.

    :param model: a model class (``dsp.SendImageRequest``).
    :returns: its entry of the message table.
    :raises KeyError: when the class is no message body or document.
    """
    spec = _BY_MODEL.get(model)
    if spec is not None:
        return spec
    spec = _BY_MODEL_NAME.get(f"{model.__module__}.{model.__qualname__}")
    if spec is None or spec.model is not model:
        raise KeyError(f"{model.__module__}.{model.__qualname__} is not a DSM message body")
    _BY_MODEL[model] = spec
    return spec


def by_qname(qname: str) -> MessageType | None:
    """The table entry for a body element name in Clark notation, or ``None`` if unknown.

    :param qname: the element's name, ``{namespace}LocalName``.
    :returns: its entry of the message table, or ``None``.
    """
    return _BY_QNAME.get(qname)


def by_action(action: str) -> MessageType | None:
    """The table entry a ``wsa:Action`` URI announces (recorded alternatives included).

    An action WS-DSD and WS-Scan share announces two bodies; this gives the first registered
    (WS-DSD's), :func:`all_by_action` both.

    :param action: the ``wsa:Action`` URI.
    :returns: the entry of the message table it announces, or ``None``.
    """
    found = _ALL_BY_ACTION.get(action)
    return found[0] if found else None


def all_by_action(action: str) -> tuple[MessageType, ...]:
    """Every table entry a ``wsa:Action`` URI announces, empty if none.

    >>> [spec.protocol for spec in all_by_action(
    ...     "http://schemas.microsoft.com/windows/2006/08/wdp/scan/GetActiveJobs")]
    ['dsd', 'wscn']
    >>> [spec.protocol for spec in all_by_action(
    ...     "http://schemas.microsoft.com/windows/2006/08/wdp/scan/CreateScanJob")]
    ['wscn']
    """
    return _ALL_BY_ACTION.get(action, ())
