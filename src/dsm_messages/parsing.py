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
from ._mime import is_package
from .envelope import Envelope
from .errors import ValidationError
from .report import Profile
from .safexml import DEFAULT_MAX_BYTES, parse_xml
from .validator import check_tree

__all__ = [
    "parse",
]


def parse(
    data: bytes,
    *,
    content_type: str | None = None,
    validate: bool = False,
    profile: Profile = "strict",
    max_bytes: int = DEFAULT_MAX_BYTES,
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
    ``max_bytes`` is the hardened parser's cap on the envelope the validation reads (larger:
    ``DSM-XML-FORBIDDEN``).

    :param data: the message as received: an envelope's XML, or an MTOM package's bytes.
    :param content_type: the transport's Content-Type value, when known; a
        ``multipart/related`` one makes ``data`` an MTOM package.
    :param validate: whether to check the message with :func:`dsm_messages.validate` first.
    :param profile: the profile of that check, ``"strict"`` or ``"lenient"``.
    :param max_bytes: the most bytes of XML the check reads (16 MiB unless given).
    :returns: the envelope, its body bound to the message's model class.
    :raises ValidationError: with ``validate=True``, when the check finds an error (bad
        bytes of every kind below included).
    :raises EnvelopeError: when the XML is no SOAP 1.2 envelope the library reads.
    :raises MtomError: when a package's MIME framing or parts cannot be read.
    :raises XmlSyntaxError: when the bytes are not well-formed XML, or unsafe XML.
    """
    if not validate:
        return envelope.parse(data, content_type=content_type)
    checked = check_tree(data, profile=profile, content_type=content_type, max_bytes=max_bytes)
    if not checked.report.valid:
        raise ValidationError(checked.report)
    lenient = profile == "lenient"
    tree = checked.tree
    assert tree is not None  # bytes that are not XML are not valid
    if content_type is not None and is_package(content_type):
        # lenient: the root part as the checks repaired it (its xop:Include taken out as the
        # package reader takes them), as a plain envelope is; strict: as written
        return envelope.parse(
            data, content_type=content_type, tolerant=lenient, root=tree if lenient else None
        )
    if checked.repaired and not lenient:
        # (every repair answers a problem the strict profile calls an error, so this is not
        # reached while that holds; were it ever, strict reads the message as written)
        tree = parse_xml(data)
    # bound from the very tree the checks read: as parsed, or as the lenient checks repaired it
    return envelope.read_envelope(tree)
