"""SOAP faults as values: code, subcodes, reason, detail; named constants for every documented
subcode; and an exception that carries one, so a server can ``raise`` it and answer with it.

>>> fault = DSP_INVALID_ARGS.with_detail("PSP_Identifier")
>>> fault.subcodes[0] == DSP_INVALID_ARGS.subcodes[0]
True
>>> Fault.from_model(fault.to_model()) == fault
True
>>> fault_for("InvalidArgs", "dsp") == DSP_INVALID_ARGS  # a rule's hint, as a value
True
>>> try:
...     raise FaultError(DSP_JOB_TOKEN_NOT_FOUND)
... except FaultError as error:
...     print(error)
dsp:ClientErrorJobTokenNotFound (soap:Sender): no job matches the job token
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast, get_args
from xml.etree.ElementTree import QName

import attrs

from .errors import FaultError as FaultError  # raised with a fault; defined with the others
from .namespaces import DSC, DSP, SOAP, WSA, WSCN, prefixed

if TYPE_CHECKING:  # the models are imported where a fault becomes one or is read from one:
    from .models import soap  # the validator reads the table of faults without them

__all__ = [
    "ACTION_NOT_SUPPORTED",
    "ALL_FAULTS",
    "DSC_INTERNAL_ERROR",
    "DSC_INVALID_ARGS",
    "DSC_JOB_TOKEN_NOT_FOUND",
    "DSC_NOT_SCAN_ADMIN",
    "DSC_OPERATION_FAILED",
    "DSC_POST_SCAN_JOB_CANCELED",
    "DSC_TEMPORARY_ERROR",
    "DSP_INTERNAL_ERROR",
    "DSP_INVALID_ARGS",
    "DSP_JOB_TOKEN_NOT_FOUND",
    "DSP_OPERATION_FAILED",
    "DSP_POST_SCAN_JOB_CANCELED",
    "DSP_TEMPORARY_ERROR",
    "ENDPOINT_UNAVAILABLE",
    "INVALID_MESSAGE_INFORMATION_HEADER",
    "MESSAGE_INFORMATION_HEADER_REQUIRED",
    "MUST_UNDERSTAND",
    "VERSION_MISMATCH",
    "WSCN_CONFLICTING_REQUIRED_PARAMETERS",
    "WSCN_FORMAT_NOT_SUPPORTED",
    "WSCN_INTERNAL_ERROR",
    "WSCN_INVALID_ARGS",
    "WSCN_INVALID_DESTINATION_TOKEN",
    "WSCN_INVALID_JOB_TOKEN",
    "WSCN_INVALID_SCAN_IDENTIFIER",
    "WSCN_JOB_CANCELLED",
    "WSCN_JOB_ID_NOT_FOUND",
    "WSCN_NOT_ACCEPTING_JOBS",
    "WSCN_NO_IMAGES_AVAILABLE",
    "WSCN_OPERATION_FAILED",
    "WSCN_TEMPORARY_ERROR",
    "Code",
    "Fault",
    "FaultError",
    "fault_for",
]

Code = Literal["Sender", "Receiver", "MustUnderstand", "VersionMismatch", "DataEncodingUnknown"]


@attrs.frozen(kw_only=True)
class Fault:
    """A SOAP 1.2 fault. ``subcodes`` go from the outermost to the innermost.

    :param code: the SOAP 1.2 fault code: ``"Sender"``, ``"Receiver"``, ``"MustUnderstand"``,
        ``"VersionMismatch"`` or ``"DataEncodingUnknown"``.
    :param subcodes: the subcodes, outermost first, each an ``xml.etree.ElementTree.QName``
        (``QName(WSCN, "ClientErrorJobIdNotFound")``, ``WSCN`` from
        :mod:`dsm_messages.namespaces`).
    :param reason: the reason text, for people.
    :param lang: the reason text's language (``xml:lang``).
    :param detail: detail text (a job token, the invalid argument), if any.
    """

    code: Code
    subcodes: tuple[QName, ...] = ()
    reason: str
    lang: str = "en"
    #: Detail text (a job token, the invalid argument), if any. SOAP 1.2 allows only elements
    #: in ``soap:Detail``: the text is written as the text of one detail entry named by the
    #: fault's innermost subcode (its code when it has none), ``<dsp:InvalidArgs>JobToken
    #: </dsp:InvalidArgs>``, and read back from such a lone entry, or from text written
    #: directly in ``soap:Detail`` as Microsoft's fault pages show it (which only the lenient
    #: profile accepts).
    detail: str | None = None

    @property
    def http_status(self) -> int:
        """The HTTP status a SOAP 1.2 fault travels with (SOAP 1.2 part 2, HTTP binding): 400
        when the sender is at fault, 500 otherwise."""
        return 400 if self.code == "Sender" else 500

    def with_detail(self, detail: str) -> Fault:
        """The same fault carrying ``detail``.

        :param detail: the detail text (the invalid argument's name, say).
        :returns: a copy of this fault with that detail.
        """
        return attrs.evolve(self, detail=detail)

    def to_model(self) -> soap.Fault:
        """The ``soap:Fault`` body element."""
        from .models import soap

        subcode: soap.SubcodeType | None = None
        for value in reversed(self.subcodes):
            subcode = soap.SubcodeType(value=value, subcode=subcode)
        return soap.Fault(
            code=soap.FaultCodeType(
                value=soap.FaultCodeEnum(QName(SOAP, self.code)), subcode=subcode
            ),
            reason=soap.FaultReasonType(
                text=[soap.ReasonTextType(value=self.reason, lang=self.lang)]
            ),
            detail=None if self.detail is None else self._detail_entry(self.detail),
        )

    def _detail_entry(self, text: str) -> soap.DetailType:
        from xsdata.formats.dataclass.models.generics import AnyElement

        from .models import soap

        name = self.subcodes[-1] if self.subcodes else QName(SOAP, self.code)
        return soap.DetailType(any_element=[AnyElement(qname=name.text, text=text)])

    @classmethod
    def from_model(cls, model: soap.Fault) -> Fault:
        """Read a bound ``soap:Fault``; the first reason text is kept.

        :param model: the fault body, as :func:`~dsm_messages.parse` binds it
            (``envelope.body`` of a fault).
        :returns: the fault as a value.
        :raises ValueError: when its code is no SOAP 1.2 fault code, or it has no reason text
            (a fault read without validation).
        """
        from .models import soap

        code_value = model.code.value
        qname = code_value.value if isinstance(code_value, soap.FaultCodeEnum) else code_value
        code_text = qname.text if isinstance(qname, QName) else str(qname)
        subcodes = []
        node = model.code.subcode
        while node is not None:
            subcodes.append(node.value)
            node = node.subcode
        if model.reason is None or not model.reason.text:
            raise ValueError("the fault has no soap:Reason text")
        first = model.reason.text[0]
        detail = None if model.detail is None else _detail_text(model.detail)
        code = code_text.rpartition("}")[2]
        if code not in get_args(Code):
            raise ValueError(f"{code_text} is not a SOAP 1.2 fault code")
        return cls(
            code=cast(Code, code),
            subcodes=tuple(subcodes),
            reason=first.value,
            lang=first.lang or "en",
            detail=detail,
        )

    def __str__(self) -> str:
        where = prefixed(self.subcodes[0].text) if self.subcodes else f"soap:{self.code}"
        return f"{where} (soap:{self.code}): {self.reason}"


def _detail_text(detail: soap.DetailType) -> str | None:
    """The text a ``soap:Detail`` carries: text written directly in it, else the text of its
    one detail entry when that entry holds text only."""
    from xsdata.formats.dataclass.models.generics import AnyElement

    texts = "".join(part for part in detail.any_element if isinstance(part, str)).strip()
    if texts:
        return texts
    entries = [part for part in detail.any_element if not isinstance(part, str)]
    if len(entries) == 1 and isinstance(entries[0], AnyElement) and not entries[0].children:
        return (entries[0].text or "").strip() or None
    return None


def _fault(code: Code, namespace: str, subcode: str, reason: str) -> Fault:
    return Fault(code=code, subcodes=(QName(namespace, subcode),), reason=reason)


# Every operation of every protocol (WS-Addressing)
ACTION_NOT_SUPPORTED = _fault(
    "Sender", WSA, "ActionNotSupported", "the action is not supported here"
)
#: A MessageID reused, an address that is no URI: the addressing headers are at fault.
INVALID_MESSAGE_INFORMATION_HEADER = _fault(
    "Sender", WSA, "InvalidMessageInformationHeader", "an addressing header is invalid"
)
#: A required addressing header (To, MessageID, ReplyTo) is missing.
MESSAGE_INFORMATION_HEADER_REQUIRED = _fault(
    "Sender", WSA, "MessageInformationHeaderRequired", "an addressing header is missing"
)
#: Windows answers a JobToken that is not a GUID with this one.
ENDPOINT_UNAVAILABLE = _fault(
    "Receiver", WSA, "EndpointUnavailable", "the endpoint is unavailable"
)

# WS-DSP (scan server to device)
DSP_INVALID_ARGS = _fault("Sender", DSP, "InvalidArgs", "an input argument is invalid")
DSP_OPERATION_FAILED = _fault(
    "Receiver", DSP, "OperationFailed", "the operation cannot be done now"
)
DSP_TEMPORARY_ERROR = _fault(
    "Receiver", DSP, "ServerErrorTemporaryError", "temporary server error; retry later"
)
DSP_INTERNAL_ERROR = _fault("Receiver", DSP, "ServerErrorInternalError", "internal server error")
#: Not in the WS-DSP pages; from the sister protocol (accepted, not emitted in strict mode).
DSP_JOB_TOKEN_NOT_FOUND = _fault(
    "Sender", DSP, "ClientErrorJobTokenNotFound", "no job matches the job token"
)
DSP_POST_SCAN_JOB_CANCELED = _fault(
    "Receiver", DSP, "ServerErrorPostScanJobCanceled", "the post-scan job was canceled"
)

# WS-DSC (scan server to management console)
DSC_INVALID_ARGS = _fault("Sender", DSC, "InvalidArgs", "an input argument is invalid")
DSC_OPERATION_FAILED = _fault(
    "Receiver", DSC, "OperationFailed", "the operation cannot be done now"
)
DSC_TEMPORARY_ERROR = _fault(
    "Receiver", DSC, "ServerErrorTemporaryError", "temporary server error; retry later"
)
DSC_INTERNAL_ERROR = _fault("Receiver", DSC, "ServerErrorInternalError", "internal server error")
DSC_JOB_TOKEN_NOT_FOUND = _fault(
    "Sender", DSC, "ClientErrorJobTokenNotFound", "no job matches the job token"
)
DSC_NOT_SCAN_ADMIN = _fault(
    "Sender", DSC, "ClientErrorCurrentUserNotScanAdmin", "the caller is not a scan administrator"
)
DSC_POST_SCAN_JOB_CANCELED = _fault(
    "Receiver", DSC, "ServerErrorPostScanJobCanceled", "the post-scan job was canceled"
)

# WS-Scan and WS-DSD (a scan device answering): WS-Scan subcodes. Codes and subcodes from the
# WS-Scan pages (common operation error codes; CreateScanJobRequest, RetrieveImageRequest).
WSCN_INVALID_ARGS = _fault("Sender", WSCN, "InvalidArgs", "an input argument is invalid")
WSCN_OPERATION_FAILED = _fault(
    "Receiver", WSCN, "OperationFailed", "the operation cannot be done now"
)
WSCN_TEMPORARY_ERROR = _fault(
    "Receiver", WSCN, "ServerErrorTemporaryError", "temporary device error; retry later"
)
WSCN_INTERNAL_ERROR = _fault("Receiver", WSCN, "ServerErrorInternalError", "internal device error")
WSCN_JOB_ID_NOT_FOUND = _fault("Sender", WSCN, "ClientErrorJobIdNotFound", "no job has that JobId")
#: CreateScanJob while the device cannot take jobs (service mode, buffers full); retry later.
WSCN_NOT_ACCEPTING_JOBS = _fault(
    "Receiver", WSCN, "ServerErrorNotAcceptingJobs", "the device is not accepting jobs now"
)
#: CreateScanJob asked for a Format the device does not produce.
WSCN_FORMAT_NOT_SUPPORTED = _fault(
    "Sender", WSCN, "ClientErrorFormatNotSupported", "the document format is not supported"
)
#: CreateScanJob with a ScanIdentifier no current ScanAvailableEvent carried.
WSCN_INVALID_SCAN_IDENTIFIER = _fault(
    "Sender", WSCN, "ClientErrorInvalidScanIdentifier", "the ScanIdentifier is not valid now"
)
#: CreateScanJob with a DestinationToken the device did not give.
WSCN_INVALID_DESTINATION_TOKEN = _fault(
    "Sender", WSCN, "ClientErrorInvalidDestinationToken", "the DestinationToken is not valid"
)
#: CreateScanJob with nothing to scan, or RetrieveImage after the job's last image.
WSCN_NO_IMAGES_AVAILABLE = _fault(
    "Sender", WSCN, "ClientErrorNoImagesAvailable", "no images are available"
)
#: RetrieveImage with a JobToken that does not belong to the JobId.
WSCN_INVALID_JOB_TOKEN = _fault(
    "Sender", WSCN, "ClientErrorInvalidJobToken", "the JobToken does not match the JobId"
)
#: RetrieveImage for a job that was cancelled.
WSCN_JOB_CANCELLED = _fault(
    "Sender", WSCN, "ClientErrorJobCancelled", "the scan job was cancelled"
)
WSCN_CONFLICTING_REQUIRED_PARAMETERS = _fault(
    "Sender",
    WSCN,
    "ClientErrorConflictingRequiredParameters",
    "settings marked MustHonor cannot all be honoured together",
)

# SOAP 1.2 itself
VERSION_MISMATCH = Fault(code="VersionMismatch", reason="not a SOAP 1.2 envelope")
MUST_UNDERSTAND = Fault(code="MustUnderstand", reason="a mandatory header block is not understood")

#: Every named fault above, for lookups and tests.
ALL_FAULTS: tuple[Fault, ...] = tuple(
    value
    for name, value in sorted(globals().items())
    if isinstance(value, Fault) and name.isupper()
)

_BY_SUBCODE = {prefixed(fault.subcodes[0].text): fault for fault in ALL_FAULTS if fault.subcodes}
_INVALID_ARGS = {
    "dsp": DSP_INVALID_ARGS,
    "dsc": DSC_INVALID_ARGS,
    "dsd": WSCN_INVALID_ARGS,
    "wscn": WSCN_INVALID_ARGS,
}
_BY_CODE: dict[str, Fault] = {
    "soap:VersionMismatch": VERSION_MISMATCH,
    "soap:MustUnderstand": MUST_UNDERSTAND,
    "soap:Sender": Fault(code="Sender", reason="the message is invalid"),
    "soap:Receiver": Fault(code="Receiver", reason="the receiver could not process the message"),
}


def fault_for(hint: str | None, protocol: str | None = None) -> Fault | None:
    """The fault a rule's ``hint`` names, for a message of ``protocol`` (dsp, dsd, dsc...).

    Hints are written as in the rule tables: a subcode with its conventional prefix
    (``dsp:InvalidArgs``, ``wsa:ActionNotSupported``), a bare SOAP code (``soap:Sender``), or
    ``InvalidArgs``, which is each protocol's own (dsp:, dsc:, or wscn: for WS-DSD and
    WS-Scan); without a protocol that tells which, it is a plain ``soap:Sender`` fault.

    :param hint: the fault as a rule's table row names it (a :class:`~dsm_messages.Rule`'s
        ``fault``), or ``None``.
    :param protocol: the protocol of the message answered (``"dsp"``, ``"dsd"``, ``"dsc"``,
        ``"wscn"``), which decides whose ``InvalidArgs`` it is.
    :returns: the fault, or ``None`` when ``hint`` is ``None``.
    :raises KeyError: when no fault has that name.

    >>> print(fault_for("InvalidArgs", "dsc"))
    dsc:InvalidArgs (soap:Sender): an input argument is invalid
    >>> fault_for("dsp:InvalidArgs") == DSP_INVALID_ARGS
    True
    """
    if hint is None:
        return None
    if hint == "InvalidArgs":
        return _INVALID_ARGS.get(protocol or "", _BY_CODE["soap:Sender"])
    found = _BY_SUBCODE.get(hint) or _BY_CODE.get(hint)
    if found is None:
        raise KeyError(f"no fault is named {hint!r}")
    return found
