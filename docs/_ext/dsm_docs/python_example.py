"""The Python that builds a message, shown beside its XML on the message's page.

The code is written from the message the page shows (read back from its XML): one constructor
call per generated class, values as a program writes them (``dsp.DocumentFormatWKVType.PDF_A``,
``datetime(...)``, ``QName(...)``). Vendor extensions (wildcard content) are left out. The build
runs the code and checks that it gives the message shown, minus those extensions, and that the
message it writes is valid in the strict profile; the doctest builder runs it again.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from xml.etree.ElementTree import QName

from dsm_messages import XmlDuration
from dsm_messages.messages import MULTICAST, SEQUENCED, MessageType

_WIDTH = 88
TO = "https://scansrv01.example:5362/ScanServer/7"
REQUEST_ID = "urn:uuid:5eb4f990-8f4b-4b55-b4e0-08e1d8e0c5d3"
IMAGE = b"%PDF-1.7 ..."


class ExampleError(Exception):
    """The code cannot be written, or does not give the message shown: the build stops."""


def _generated(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and type(value).__module__.startswith(
        "dsm_messages.models."
    )


def _empty(item: dataclasses.Field[Any]) -> Any:
    if item.default_factory is not dataclasses.MISSING:
        return item.default_factory()
    return None if item.default is dataclasses.MISSING else item.default


def without_extensions(value: Any) -> Any:
    """A copy of a body without vendor extensions: what a wildcard field holds stays only
    where it is one of the generated classes (a DPWS ``ThisModel`` in a metadata section)."""
    if _generated(value):
        changes = {}
        for item in dataclasses.fields(value):
            current = getattr(value, item.name)
            if item.metadata.get("type") == "Attributes":
                current = _empty(item)
            elif item.metadata.get("type") == "Wildcard":
                if isinstance(current, list):
                    current = [part for part in current if _generated(part)]
                elif not _generated(current):
                    current = _empty(item)
            changes[item.name] = without_extensions(current)
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [without_extensions(item) for item in value]
    return value


class _Writer:
    def __init__(self) -> None:
        self.modules: set[str] = set()
        self.imports: set[str] = set()

    def leaf(self, value: Any) -> str:
        """A value that is no generated class and no list, as code."""
        if value is None or isinstance(value, bool | int | float):
            return repr(value)
        if isinstance(value, bytes):
            return _string_bytes(value)
        if isinstance(value, enum.Enum):
            return f"{self.class_name(type(value))}.{value.name}"
        if isinstance(value, str):
            return _string(value)
        if isinstance(value, datetime):
            return self._datetime(value)
        if isinstance(value, XmlDuration):
            self.imports.add("from dsm_messages import XmlDuration")
            return f"XmlDuration({_string(str(value))})"
        if isinstance(value, QName):
            self.imports.add("from xml.etree.ElementTree import QName")
            return f"QName({_string(value.text)})"
        raise ExampleError(f"no way to write a {type(value).__name__} value: {value!r}")

    def class_name(self, cls: type) -> str:
        module = cls.__module__
        if not module.startswith("dsm_messages.models."):
            raise ExampleError(f"{cls.__qualname__} is not a generated class")
        prefix = module.rpartition(".")[2]
        self.modules.add(prefix)
        return f"{prefix}.{cls.__qualname__}"

    def _datetime(self, value: datetime) -> str:
        self.imports.add("from datetime import datetime")
        parts = [value.year, value.month, value.day, value.hour, value.minute, value.second]
        if value.microsecond:
            parts.append(value.microsecond)
        text = ", ".join(map(str, parts))
        if value.tzinfo is None:
            return f"datetime({text})"
        offset = value.utcoffset() or timedelta()
        if not offset:
            self.imports.add("from datetime import UTC")
            return f"datetime({text}, tzinfo=UTC)"
        self.imports.add("from datetime import timedelta, timezone")
        minutes = int(offset.total_seconds() // 60)
        return f"datetime({text}, tzinfo=timezone(timedelta(minutes={minutes})))"


def _is_default(item: dataclasses.Field[Any], value: Any) -> bool:
    if item.default is not dataclasses.MISSING:
        return bool(value == item.default)
    if item.default_factory is not dataclasses.MISSING:
        return bool(value == item.default_factory())
    return False


def _nested(writer: _Writer, value: Any, indent: int, used: int = 0) -> str:
    """``value`` as code on a line indented by ``indent`` after ``used`` characters: a call
    on one line when it fits, else one argument per line."""
    if isinstance(value, list):
        items = [_nested(writer, item, indent + 4) for item in value]
        return _join("[", items, "]", indent, used)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        arguments = []
        for item in dataclasses.fields(value):
            current = getattr(value, item.name)
            if not _is_default(item, current):
                given = _nested(writer, current, indent + 4, len(item.name) + 1)
                arguments.append(f"{item.name}={given}")
        return _join(f"{writer.class_name(type(value))}(", arguments, ")", indent, used)
    return writer.leaf(value)


def _join(opening: str, items: Sequence[str], closing: str, indent: int, used: int) -> str:
    flat = opening + ", ".join(items) + closing
    if indent + used + len(flat) + 1 <= _WIDTH and "\n" not in flat:
        return flat
    pad = " " * (indent + 4)
    return opening + "\n" + "".join(f"{pad}{item},\n" for item in items) + " " * indent + closing


def _string_bytes(data: bytes) -> str:
    written = repr(data)
    if written.startswith("b'") and b'"' not in data:
        written = 'b"' + written[2:-1].replace("\\'", "'") + '"'
    return written


def _string(text: str) -> str:
    """A string literal as the formatter writes it: in double quotes where it can."""
    written = repr(text)
    if written.startswith("'") and '"' not in text:
        written = '"' + written[1:-1].replace("\\'", "'") + '"'
    return written


def constructor(body: Any) -> tuple[str, list[str]]:
    """The code that builds ``body`` (its vendor extensions left out), and the imports it
    needs."""
    writer = _Writer()
    code = _nested(writer, without_extensions(body), 0, len("body = "))
    imports = sorted(writer.imports)
    if writer.modules:
        imports.append(f"from dsm_messages.models import {', '.join(sorted(writer.modules))}")
    return code, imports


def _send(spec: MessageType) -> tuple[list[str], list[str], str]:
    """(imports, statements, what validates) that put a built ``body`` into its message."""
    local = spec.qname.rpartition("}")[2]
    if spec.kind == "document":
        return ["from dsm_messages import to_xml, validate"], [], "validate(to_xml(body)).valid"
    if local == "SendImageRequest":
        imports = ["from dsm_messages import build_send_image, validate"]
        statements = [
            "content_type, chunks = build_send_image(\n"
            f"    body, {_string_bytes(IMAGE)}, to={_string(TO)})",
            'data = b"".join(chunks)',
        ]
        return imports, statements, "validate(data, content_type=content_type).valid"
    if local == "RetrieveImageResponse":
        imports = ["from dsm_messages import build_retrieve_image_response, validate"]
        statements = [
            "content_type, chunks = build_retrieve_image_response(\n"
            f"    body, {_string_bytes(IMAGE)}, relates_to={_string(REQUEST_ID)})",
            'data = b"".join(chunks)',
        ]
        return imports, statements, "validate(data, content_type=content_type).valid"
    imports = ["from dsm_messages import serialize, validate"]
    arguments = []
    multicast = spec.kind == "request" and (spec.protocol, spec.operation) in MULTICAST
    if spec.protocol == "wsd" and (spec.kind == "event" or multicast):
        imports.append("from dsm_messages.discovery import DISCOVERY_TO")
        arguments.append("to=DISCOVERY_TO")
    elif spec.kind in ("response", "fault"):
        imports[0] = "from dsm_messages import ANONYMOUS, serialize, validate"
        arguments += ["to=ANONYMOUS", f"relates_to={_string(REQUEST_ID)}"]
    else:
        arguments.append(f"to={_string(TO)}")
    if spec.qname in SEQUENCED:
        imports.append("from dsm_messages.discovery import app_sequence_header")
        arguments.append("headers=[app_sequence_header(instance_id=1, message_number=1)]")
    call = f"data = serialize(body, {', '.join(arguments)})"
    if len(call) > _WIDTH:
        call = "data = serialize(\n    body,\n" + "".join(f"    {a},\n" for a in arguments) + ")"
    return imports, [call], "validate(data).valid"


#: Where a message's image travels apart from its body (in an MTOM part of its own).
_IMAGE_FIELDS = {"SendImageRequest": "image_data", "RetrieveImageResponse": "scan_data"}


def example(spec: MessageType, body: Any) -> list[str]:
    """The doctest lines that build ``body`` and write it as ``spec``'s message, checked now.
    An image is given to the function that packages it, not written in the body."""
    image_field = _IMAGE_FIELDS.get(spec.qname.rpartition("}")[2])
    if image_field is not None:
        body = dataclasses.replace(body, **{image_field: b""})
    code, imports = constructor(body)
    send_imports, statements, check = _send(spec)
    source = [*send_imports, *imports, f"body = {code}", *statements]
    namespace: dict[str, Any] = {}
    try:
        exec("\n".join(source), namespace)  # the page's own code, as the doctest runs it
        built = namespace["body"]
        valid = eval(check, namespace)
    except Exception as error:
        raise ExampleError(f"the example of {spec.qname} does not run: {error}") from error
    if built != without_extensions(body):
        raise ExampleError(f"the example of {spec.qname} builds another message")
    if valid is not True:
        raise ExampleError(f"the example of {spec.qname} writes an invalid message")
    lines = []
    for statement in source:
        statement_lines = statement.splitlines()
        lines.append(">>> " + statement_lines[0])
        lines += ["... " + line for line in statement_lines[1:]]
    return [*lines, f">>> {check}", "True"]


__all__ = ["IMAGE", "REQUEST_ID", "TO", "ExampleError", "constructor", "example"]
