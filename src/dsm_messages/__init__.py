"""dsm-messages: Microsoft Distributed Scan Management messages as typed Python objects.

The generated models live in :mod:`dsm_messages.models` (one module per namespace). This
package adds the layers around them: the compiled schema set, binding to and from XML, and the
table of message bodies with their actions, SOAP 1.2 envelopes, MTOM packages, and the
validator.
"""

from __future__ import annotations

from xsdata.models.datatype import XmlDuration

from . import faults, namespaces
from .binding import from_xml, to_xml
from .endpoint import Endpoint, Subscriber
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
from .ordering_rules import ORDERING_RULES, DscRule, DsdRule, DspRule, WsaRule
from .parsing import parse
from .report import Problem, Report
from .rules import RULES, DsmRule, Rule, RuleId
from .safexml import parse_xml
from .schema import load_schema, schema_dir
from .sequence import SequenceReport, check_sequence
from .session import About, JobSummary, Session, about
from .validator import validate, validate_stored

__version__ = "0.1.0"

__all__ = [
    "ANONYMOUS",
    "MESSAGE_TYPES",
    "ORDERING_RULES",
    "RULES",
    "About",
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
    "JobSummary",
    "LocalProtocolError",
    "MessageType",
    "MtomError",
    "MtomLimitError",
    "Package",
    "PackageReader",
    "Problem",
    "ProtocolError",
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
    "validate_stored",
]
