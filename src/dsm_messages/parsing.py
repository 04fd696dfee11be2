"""Read a message, validating it first when asked: the validating entry point of
:func:`dsm_messages.parse`, which sits above both the wire layer (:mod:`dsm_messages.envelope`)
and the validator.

>>> from dsm_messages import serialize
>>> from dsm_messages.models import dsp
>>> data = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to="DestinationAddress")
>>> try:
...     parse(data, validate=True)
... except ValidationError as error:
...     print(error)
DSM-URI-NOT-ABSOLUTE: wsa:To 'DestinationAddress' is a documentation placeholder
>>> parse(data, validate=True, profile="lenient").body
EndPostScanJobRequest(job_token='264a19bf')
"""

from __future__ import annotations

from . import envelope
from .envelope import Envelope
from .errors import ValidationError
from .report import Profile
from .validator import check


def parse(
    data: bytes,
    *,
    content_type: str | None = None,
    validate: bool = False,
    profile: Profile = "strict",
) -> Envelope:
    """Read a SOAP 1.2 envelope and bind its body.

    With a ``multipart/related`` ``content_type`` the bytes are an MTOM package: the envelope
    is its root part, with ``xop:Include`` references resolved (see :mod:`dsm_messages.mtom`).
    Raises :class:`~dsm_messages.errors.EnvelopeError` (or
    :class:`~dsm_messages.errors.XmlSyntaxError` for bytes that are not well-formed XML)
    naming what is wrong.

    With ``validate=True`` the message is first checked by :func:`dsm_messages.validate` in
    ``profile``; any error raises :class:`~dsm_messages.errors.ValidationError` carrying the
    whole report. In the lenient profile the envelope is read as the validator normalised it
    (URIs and padded values trimmed, stale namespace URIs replaced by the current ones).
    """
    if not validate:
        return envelope.parse(data, content_type=content_type)
    is_package = content_type is not None and content_type.strip().lower().startswith("multipart/")
    report, checked = check(data, profile=profile, content_type=content_type)
    if not report.valid:
        raise ValidationError(report)
    lenient = profile == "lenient"
    if lenient and checked is not None and not is_package:
        data = checked
    return envelope.parse(data, content_type=content_type, tolerant=lenient)
