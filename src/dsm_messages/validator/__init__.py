"""Is this a correct DSM message, and if not, exactly what is wrong and where?

:func:`validate` reads untrusted bytes (a SOAP envelope, a bare DSM document such as a
``psp:PostScanProcess``, or an MTOM package given its Content-Type) and never raises on bad
input: it returns a :class:`~dsm_messages.report.Report` listing every problem with its rule
code (see :mod:`dsm_messages.rules`), severity, line, column and location.

>>> from dsm_messages import serialize
>>> from dsm_messages.models import dsp
>>> request = dsp.EndPostScanJobRequest(job_token="264a19bf")
>>> data = serialize(request, to="https://scansrv01.example:5362/ScanServer/1",
...                  reply_to="http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous")
>>> report = validate(data)
>>> report.valid, report.message
(True, 'dsp:EndPostScanJobRequest')
>>> placeholder = data.replace(b"https://scansrv01.example:5362/ScanServer/1",
...                            b"DestinationAddress")
>>> bad = validate(placeholder)
>>> bad.valid, [(p.code, p.location) for p in bad.problems]
(False, [('DSM-URI-NOT-ABSOLUTE', '/soap:Envelope/soap:Header/wsa:To')])
>>> lenient = validate(placeholder, profile="lenient")
>>> lenient.valid, [p.severity for p in lenient.problems]
(True, ['warning'])
"""

from __future__ import annotations

from .entry_points import (
    Checked,
    check_stored_package,
    check_tree,
    split_stored,
    validate,
    validate_file,
    validate_stored,
)
from .stale import STALE_NAMESPACES
from .uris import is_absolute_uri
from .values import canonical_form

__all__ = [
    "STALE_NAMESPACES",
    "Checked",
    "canonical_form",
    "check_stored_package",
    "check_tree",
    "is_absolute_uri",
    "split_stored",
    "validate",
    "validate_file",
    "validate_stored",
]
