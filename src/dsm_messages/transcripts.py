"""A transcript: the messages of a conversation as they went over the wire, each with the HTTP
head it travelled with when the transcript recorded it.

Stored, a transcript is a directory of message files read in name order: ``NNN-<what>.xml``
for a SOAP envelope, ``NNN-<what>.mime`` for an MTOM package with its MIME headers. Beside a
message file, a *sidecar* with the same name and the suffix ``.http`` (``007-Fault.xml`` and
``007-Fault.http``) holds the head of the HTTP message that carried it, as HTTP/1.1 writes one:
its start line, then header fields, one per line, up to an empty line or the end of the file.
A message carried by an HTTP response has the response's status line::

    HTTP/1.1 400 Bad Request
    Content-Type: application/soap+xml; charset=utf-8

one carried by an HTTP request, the request line::

    POST /ScanServer HTTP/1.1
    Content-Type: application/soap+xml; charset=utf-8

Lines end with CRLF or LF; field names are case-insensitive; fields not named here are kept
and not judged. A message without a sidecar is judged without HTTP, as before sidecars
existed.

With the heads, :func:`~dsm_messages.sequence.check_sequence` judges the HTTP too
(:func:`http_problems`: a fault sent with a success status, a fault's status that is not its
code's, a Content-Type SOAP 1.2 does not use) and knows which messages came back as the reply
to a request, so that it follows a broken answer as its receiver took it
(:meth:`~dsm_messages.session.Session.observe`).

>>> head = HttpHead.parse("HTTP/1.1 200 OK\\r\\nContent-Type: application/soap+xml\\r\\n")
>>> head.status, head.content_type, head.is_response
(200, 'application/soap+xml', True)
>>> print(HttpHead.request("/ScanServer").to_text(), end="")
POST /ScanServer HTTP/1.1
Content-Type: application/soap+xml; charset=utf-8
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from . import parsing
from .envelope import Envelope, salvage_headers
from .errors import DsmError, ValidationError
from .messages import EMPTY_BODY_ACTIONS, FAULT_ACTION
from .mtom import MtomError
from .ordering.following import fault_of
from .ordering_rules import ORDERING_RULES, DsmRule
from .report import Problem, Report
from .rules import RULES, Profile
from .validator import split_stored, validate_stored

__all__ = [
    "SIDECAR_SUFFIX",
    "SOAP_CONTENT_TYPE",
    "HttpHead",
    "Recorded",
    "http_problems",
    "read_recorded",
    "read_stored",
    "sidecar_of",
]

#: The suffix of the file that holds the HTTP head of a stored message (beside it, same stem).
SIDECAR_SUFFIX = ".http"
#: The Content-Type of a SOAP 1.2 envelope over HTTP (SOAP 1.2 Part 2, 7.1.4; RFC 3902).
SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8"
#: The media types a DSM message travels as: an envelope, or an MTOM package.
_MEDIA_TYPES = ("application/soap+xml", "multipart/related")
_STATUS_LINE = re.compile(r"^(HTTP/\d\.\d) (\d{3})(?: (.*))?$")
_REQUEST_LINE = re.compile(r"^([A-Z]+) (\S+) (HTTP/\d\.\d)$")
_FIELD = re.compile(r"^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$")
_REASONS = {200: "OK", 202: "Accepted", 400: "Bad Request", 500: "Internal Server Error"}


@attrs.frozen(kw_only=True)
class HttpHead:
    """The head of the HTTP message a DSM message travelled in: the status of a response, or
    the method and target of a request, and the header fields (name, value) in order.

    :param status: a response's status code (``400``); ``None`` for a request.
    :param reason: a response's reason phrase (``Bad Request``).
    :param method: a request's method (``POST``); ``None`` for a response.
    :param target: a request's target: a path, or an absolute URL.
    :param version: the HTTP version of the start line.
    :param fields: the header fields as ``(name, value)``, in the order they came.
    """

    status: int | None = None
    reason: str = ""
    method: str | None = None
    target: str | None = None
    version: str = "HTTP/1.1"
    fields: tuple[tuple[str, str], ...] = ()

    @property
    def is_response(self) -> bool:
        """Whether an HTTP response carried the message (the reply to a request)."""
        return self.status is not None

    def field(self, name: str) -> str | None:
        """The value of the first header field called ``name`` (any case), if any.

        :param name: the field's name, in any case (``content-type``).
        """
        wanted = name.lower()
        return next((value for key, value in self.fields if key.lower() == wanted), None)

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` field, if the head has one."""
        return self.field("Content-Type")

    @classmethod
    def response(cls, status: int, content_type: str | None = SOAP_CONTENT_TYPE) -> HttpHead:
        """The head of a response with ``status`` (and ``content_type``, unless ``None``).

        :param status: the status code; its usual reason phrase is added.
        :param content_type: the ``Content-Type`` field, or ``None`` for none.
        """
        fields = () if content_type is None else (("Content-Type", content_type),)
        return cls(status=status, reason=_REASONS.get(status, ""), fields=fields)

    @classmethod
    def request(
        cls, target: str, content_type: str | None = SOAP_CONTENT_TYPE, method: str = "POST"
    ) -> HttpHead:
        """The head of a request to ``target`` (a path, or an absolute URL).

        :param target: the request target: a path, or an absolute URL.
        :param content_type: the ``Content-Type`` field, or ``None`` for none.
        :param method: the request method.
        """
        fields = () if content_type is None else (("Content-Type", content_type),)
        return cls(method=method, target=target, fields=fields)

    @classmethod
    def parse(cls, text: str) -> HttpHead:
        """Read a head as a sidecar holds it; ``ValueError`` names the line that is not one.

        :param text: the sidecar's text: a start line, then header fields, up to an empty
            line or the end (CRLF or LF line ends).
        :raises ValueError: naming the line that is neither a start line nor a header field.
        """
        lines = text.replace("\r\n", "\n").split("\n")
        start = lines[0].strip() if lines else ""
        fields: list[tuple[str, str]] = []
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                break
            found = _FIELD.match(line)
            if found is None:
                raise ValueError(f"line {number} is no header field (Name: value): {line!r}")
            fields.append((found.group(1), found.group(2)))
        status = _STATUS_LINE.match(start)
        if status is not None:
            version, code, reason = status.groups()
            return cls(
                status=int(code), reason=reason or "", version=version, fields=tuple(fields)
            )
        request = _REQUEST_LINE.match(start)
        if request is not None:
            method, target, version = request.groups()
            return cls(method=method, target=target, version=version, fields=tuple(fields))
        raise ValueError(
            f"line 1 is neither a status line (HTTP/1.1 200 OK) nor a request line "
            f"(POST /path HTTP/1.1): {start!r}"
        )

    def to_text(self) -> str:
        """The head as a sidecar holds it (LF line ends)."""
        if self.status is not None:
            start = f"{self.version} {self.status} {self.reason}".rstrip()
        else:
            start = f"{self.method} {self.target} {self.version}"
        return "".join(f"{line}\n" for line in [start, *(f"{k}: {v}" for k, v in self.fields)])


@attrs.frozen(kw_only=True)
class Recorded:
    """One message of a transcript as it went over the wire.

    ``message`` is the envelope, or the report of a message that failed validation; for the
    latter ``headers`` is what could still be read of it (the envelope read without
    validation, else its addressing headers, :func:`~dsm_messages.envelope.salvage_headers`):
    what pairs it with its request or its fault. ``http`` is the head it travelled with, when
    the transcript recorded it.

    :param message: the envelope, or the validator's report on a message that failed.
    :param headers: for a message that failed validation, what could still be read of it.
    :param http: the HTTP head it travelled in, if recorded.
    """

    message: Envelope | Report
    headers: Envelope | None = None
    http: HttpHead | None = None


def read_recorded(
    data: bytes, *, name: str = "", profile: Profile = "strict", http: HttpHead | None = None
) -> Recorded:
    """A stored message (an envelope, or an MTOM package with its MIME headers) as a
    transcript entry, validated in ``profile``.

    :param data: the stored bytes: an envelope, or a package with its MIME headers first.
    :param name: the file's name, for the reports.
    :param profile: the profile it is validated in.
    :param http: the HTTP head it travelled in, if recorded.
    """
    split = split_stored(data, name=name)
    if isinstance(split, MtomError):
        report = validate_stored(data, name=name, profile=profile)
        return Recorded(message=report, headers=salvage_headers(data), http=http)
    content_type, body = split
    try:  # validates once, and in lenient reads the message as the validator did
        envelope = parsing.parse(body, content_type=content_type, validate=True, profile=profile)
    except ValidationError as exc:
        report = exc.report
    except DsmError as exc:  # valid, yet not a message (a bare document, say)
        problem = RULES[DsmRule.BODY_UNKNOWN].problem(profile, str(exc))
        report = Report(profile=profile, problems=(problem,))
    else:
        return Recorded(message=envelope, http=http)
    return Recorded(message=report, headers=_read_anyway(body, content_type), http=http)


def _read_anyway(body: bytes, content_type: str | None) -> Envelope:
    """What can be read of a message that failed validation: its envelope unvalidated, else
    its addressing headers."""
    try:
        return parsing.parse(body, content_type=content_type)
    except DsmError:
        return salvage_headers(body, content_type)


def sidecar_of(path: Path) -> Path:
    """Where the HTTP head of the message stored at ``path`` is kept.

    :param path: the message file (``007-Fault.xml``); its sidecar is ``007-Fault.http``.
    """
    return path.with_suffix(SIDECAR_SUFFIX)


def read_stored(path: Path, *, profile: Profile = "strict") -> Recorded:
    """The message stored at ``path`` with the head its sidecar holds, if it has one.

    :param path: the message file.
    :param profile: the profile it is validated in.
    :raises OSError: when a file cannot be read.
    :raises ValueError: when the sidecar is no HTTP head.
    """
    sidecar = sidecar_of(path)
    http = None
    if sidecar.is_file():
        try:
            http = HttpHead.parse(sidecar.read_bytes().decode("latin-1"))
        except ValueError as exc:
            raise ValueError(f"{sidecar}: {exc}") from None
    return read_recorded(path.read_bytes(), name=str(path), profile=profile, http=http)


def http_problems(
    recorded: Recorded, *, profile: Profile, index: int | None = None
) -> list[Problem]:
    """What the HTTP head of ``recorded`` breaks: a fault with a success status, or with an
    error status other than its code's, a response with an error status (DSM-HTTP-STATUS,
    DSM-HTTP-FAULT-STATUS), a Content-Type no DSM message travels as (DSM-HTTP-CONTENT-TYPE).

    :param recorded: the message and its head (none: nothing to judge).
    :param profile: the profile whose severities the problems take.
    :param index: the message's position in its transcript, given to each problem.
    """
    head = recorded.http
    if head is None:
        return []
    found: list[tuple[DsmRule, str]] = []
    message = recorded.message
    envelope = message if isinstance(message, Envelope) else recorded.headers
    status = head.status
    if status is not None:
        if _is_fault(recorded):
            fault = fault_of(envelope)
            if 200 <= status < 300:
                found.append((DsmRule.HTTP_STATUS, f"a fault sent with HTTP status {status}"))
            elif fault is not None and status != fault.http_status:
                found.append(
                    (
                        DsmRule.HTTP_FAULT_STATUS,
                        f"a soap:{fault.code} fault sent with HTTP status {status}; SOAP 1.2 "
                        f"sends it with {fault.http_status}",
                    )
                )
        elif _is_response(message) and not 200 <= status < 300:
            found.append((DsmRule.HTTP_STATUS, f"a response sent with HTTP status {status}"))
    content_type = head.content_type
    media = (content_type or "").partition(";")[0].strip().lower()
    if content_type is not None and media not in _MEDIA_TYPES:
        found.append(
            (
                DsmRule.HTTP_CONTENT_TYPE,
                f"sent as {media or 'an empty Content-Type'}, not " + " or ".join(_MEDIA_TYPES),
            )
        )
    return [ORDERING_RULES[rule].problem(profile, text, index=index) for rule, text in found]


def _is_response(message: Envelope | Report) -> bool:
    if not isinstance(message, Envelope):
        return False
    spec = message.message_type
    if spec is not None:
        return spec.kind == "response"
    empty = EMPTY_BODY_ACTIONS.get(message.action.strip())
    return empty is not None and empty[2] == "response"


def _is_fault(recorded: Recorded) -> bool:
    message = recorded.message
    if isinstance(message, Envelope):
        return message.action.strip() == FAULT_ACTION or fault_of(message) is not None
    headers = recorded.headers
    action = (headers.action if headers is not None else "") or message.action or ""
    return action.strip() == FAULT_ACTION or message.message == "soap:Fault"
