"""dsm-messages: Microsoft Distributed Scan Management messages as typed Python objects.

The generated models live in :mod:`dsm_messages.models` (one module per namespace). This
package adds the layers around them: the compiled schema set, binding to and from XML, and the
table of message bodies.
"""

from __future__ import annotations

from .binding import from_xml, to_xml
from .errors import BindingError, DsmError, SchemaCompileError, XmlSyntaxError
from .messages import MESSAGE_TYPES, MessageType, by_qname, message_type
from .safexml import parse_xml
from .schema import load_schema, schema_dir

__version__ = "0.1.0"

__all__ = [
    "MESSAGE_TYPES",
    "BindingError",
    "DsmError",
    "MessageType",
    "SchemaCompileError",
    "XmlSyntaxError",
    "__version__",
    "by_qname",
    "from_xml",
    "load_schema",
    "message_type",
    "parse_xml",
    "schema_dir",
    "to_xml",
]
