"""dsm-messages: Microsoft Distributed Scan Management messages as typed Python objects.

The generated models live in :mod:`dsm_messages.models` (one module per namespace). This
package adds the layers around them: the compiled schema set, binding to and from XML, and the
table of message bodies with their actions, SOAP 1.2 envelopes, MTOM packages, the validator
and the conversation checker.

Importing the package is cheap: each name below is imported from its module the first time it
is used (``dsm_messages.validate`` loads the validator, not the session layer), and the
generated models of a namespace are loaded when a message of that namespace is first bound.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, for type checkers; at run time they load on first use
    from xsdata.models.datatype import XmlDuration

    from . import faults, namespaces
    from .binding import from_xml, to_xml
    from .endpoint import Attachment, Endpoint, ImageChunk, IncomingPackage, Subscriber
    from .envelope import ANONYMOUS, Envelope, reply, serialize
    from .errors import (
        BindingError,
        DsmError,
        EnvelopeError,
        FaultError,
        LocalProtocolError,
        MtomError,
        MtomLimitError,
        ProtocolError,
        RemoteProtocolError,
        SchemaCompileError,
        ValidationError,
        XmlSyntaxError,
    )
    from .faults import Fault, fault_for
    from .messages import MESSAGE_TYPES, MessageType, by_action, by_qname, message_type
    from .mtom import (
        Package,
        PackageReader,
        build_retrieve_image_response,
        build_send_image,
        parse_package,
        parse_package_async,
    )
    from .ordering_rules import ORDERING_RULES, DscRule, DsdRule, DspRule, WsaRule, WscnRule
    from .parsing import parse
    from .report import Problem, Report
    from .rules import RULES, DsmRule, Rule, RuleId
    from .safexml import parse_xml
    from .schema import load_schema, schema_dir
    from .sequence import SequenceReport, check_sequence
    from .session import About, JobSummary, Session, about
    from .transcripts import HttpHead, Recorded
    from .validator import validate, validate_file, validate_stored

__version__ = "0.2.0"

#: Where each public name lives, imported on first use (a module's own name: the module).
_HOMES: dict[str, str] = {
    "XmlDuration": "xsdata.models.datatype",
    "faults": ".faults",
    "namespaces": ".namespaces",
    "from_xml": ".binding",
    "to_xml": ".binding",
    "Attachment": ".endpoint",
    "Endpoint": ".endpoint",
    "ImageChunk": ".endpoint",
    "IncomingPackage": ".endpoint",
    "Subscriber": ".endpoint",
    "ANONYMOUS": ".envelope",
    "Envelope": ".envelope",
    "reply": ".envelope",
    "serialize": ".envelope",
    "BindingError": ".errors",
    "DsmError": ".errors",
    "EnvelopeError": ".errors",
    "FaultError": ".errors",
    "LocalProtocolError": ".errors",
    "MtomError": ".errors",
    "MtomLimitError": ".errors",
    "ProtocolError": ".errors",
    "RemoteProtocolError": ".errors",
    "SchemaCompileError": ".errors",
    "ValidationError": ".errors",
    "XmlSyntaxError": ".errors",
    "Fault": ".faults",
    "fault_for": ".faults",
    "MESSAGE_TYPES": ".messages",
    "MessageType": ".messages",
    "by_action": ".messages",
    "by_qname": ".messages",
    "message_type": ".messages",
    "Package": ".mtom",
    "PackageReader": ".mtom",
    "build_retrieve_image_response": ".mtom",
    "build_send_image": ".mtom",
    "parse_package": ".mtom",
    "parse_package_async": ".mtom",
    "ORDERING_RULES": ".ordering_rules",
    "DscRule": ".ordering_rules",
    "DsdRule": ".ordering_rules",
    "DspRule": ".ordering_rules",
    "WsaRule": ".ordering_rules",
    "WscnRule": ".ordering_rules",
    "parse": ".parsing",
    "Problem": ".report",
    "Report": ".report",
    "RULES": ".rules",
    "DsmRule": ".rules",
    "Rule": ".rules",
    "RuleId": ".rules",
    "parse_xml": ".safexml",
    "load_schema": ".schema",
    "schema_dir": ".schema",
    "SequenceReport": ".sequence",
    "check_sequence": ".sequence",
    "About": ".session",
    "JobSummary": ".session",
    "Session": ".session",
    "about": ".session",
    "HttpHead": ".transcripts",
    "Recorded": ".transcripts",
    "validate": ".validator",
    "validate_file": ".validator",
    "validate_stored": ".validator",
}

__all__ = [
    "ANONYMOUS",
    "MESSAGE_TYPES",
    "ORDERING_RULES",
    "RULES",
    "About",
    "Attachment",
    "BindingError",
    "DscRule",
    "DsdRule",
    "DsmError",
    "DsmRule",
    "DspRule",
    "Endpoint",
    "Envelope",
    "EnvelopeError",
    "Fault",
    "FaultError",
    "HttpHead",
    "ImageChunk",
    "IncomingPackage",
    "JobSummary",
    "LocalProtocolError",
    "MessageType",
    "MtomError",
    "MtomLimitError",
    "Package",
    "PackageReader",
    "Problem",
    "ProtocolError",
    "Recorded",
    "RemoteProtocolError",
    "Report",
    "Rule",
    "RuleId",
    "SchemaCompileError",
    "SequenceReport",
    "Session",
    "Subscriber",
    "ValidationError",
    "WsaRule",
    "WscnRule",
    "XmlDuration",
    "XmlSyntaxError",
    "__version__",
    "about",
    "build_retrieve_image_response",
    "build_send_image",
    "by_action",
    "by_qname",
    "check_sequence",
    "fault_for",
    "faults",
    "from_xml",
    "load_schema",
    "message_type",
    "namespaces",
    "parse",
    "parse_package",
    "parse_package_async",
    "parse_xml",
    "reply",
    "schema_dir",
    "serialize",
    "to_xml",
    "validate",
    "validate_file",
    "validate_stored",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(home, __name__)
    value = module if home == f".{name}" else getattr(module, name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
