"""A conformance kit: every MUST rule of WS-DSP, WS-DSC, WS-DSD and WS-Scan as a scripted
probe, played against someone's scan server, scan device or WS-Scan device.

Sans-I/O like the rest of the library: the caller provides the transport (``send(data,
content_type, address) -> (status, content_type, data)``, blocking or asyncio) and, for the
probes that need events, serves a :class:`Listener` at an address the target can reach. The
runner plays each probe with a time limit, cancels what it created, and returns a
:class:`ConformanceReport` (JSON, text and a self-contained HTML page).

>>> from dsm_messages.conformance import PROBES, missing_probes
>>> missing_probes()
[]
>>> sorted({probe.protocol for probe in PROBES})
['dsc', 'dsd', 'dsp', 'wscn']
"""

from __future__ import annotations

from .catalog import NOT_PROBED, PROBES, missing_probes, refused_rules
from .html import to_html
from .listener import Listener
from .model import Answer, Exchange, Finding, Operate, Probe, Send, Target, Verdict, Wait
from .play import Play
from .report import ConformanceReport, ProbeResult
from .runner import AsyncTransport, Transport, run, run_async, select
from .state import NotApplicable, Stop

__all__ = [
    "NOT_PROBED",
    "PROBES",
    "Answer",
    "AsyncTransport",
    "ConformanceReport",
    "Exchange",
    "Finding",
    "Listener",
    "NotApplicable",
    "Operate",
    "Play",
    "Probe",
    "ProbeResult",
    "Send",
    "Stop",
    "Target",
    "Transport",
    "Verdict",
    "Wait",
    "missing_probes",
    "refused_rules",
    "run",
    "run_async",
    "select",
    "to_html",
]
