"""The pages of the generated classes, one per namespace module of :mod:`dsm_messages.models`.

Every class is a ``py:class`` (so a message page, a signature or a search finds it) with what
its schema says about it, and each field a ``py:attribute`` with its type (linked), the XML it
holds and its description. Wildcard fields (vendor elements and attributes) are one remark,
not entries of their own.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import inspect
import re
import types
import typing
from collections.abc import Iterable, Sequence

from dsm_messages import models
from dsm_messages.messages import MessageType
from dsm_messages.namespaces import PREFIXES

from .words import PROTOCOL_NAMES, esc, heading, lit, message_link

_WILDCARD_KINDS = {"Wildcard": "vendor elements", "Attributes": "vendor attributes"}
_IVAR = re.compile(r"^:ivar (\w+):\s*(.*)$")


def page_of(prefix: str) -> str:
    return f"/reference/models/{prefix}"


def type_text(annotation: object) -> str:
    """An annotation with full paths, for Sphinx to link: ``list[dsm_messages.models...]``."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(arg) for arg in typing.get_args(annotation))
    if origin is not None:
        arguments = ", ".join(type_text(arg) for arg in typing.get_args(annotation))
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{arguments}]"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return f"{annotation.__module__}.{annotation.__qualname__}"
    return str(annotation).replace("typing.", "")


def split_doc(cls: type) -> tuple[str, dict[str, str]]:
    """A generated class's description and the description of each field (``:ivar:``)."""
    text = inspect.getdoc(cls) or ""
    description: list[str] = []
    fields: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        found = _IVAR.match(line)
        if found:
            current = found.group(1)
            fields[current] = found.group(2)
        elif current is not None and line.startswith(" "):
            fields[current] += " " + line.strip()
        elif current is None:
            description.append(line)
    return " ".join(" ".join(description).split()), fields


def _hints(cls: type) -> dict[str, object]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # a forward reference the module cannot resolve: shown as written
        return {}


def _field_lines(cls: type) -> list[str]:
    _, described = split_doc(cls)
    hints = _hints(cls)
    out: list[str] = []
    extensions = []
    for item in dataclasses.fields(cls):
        kind = item.metadata.get("type", "Element")
        if kind in _WILDCARD_KINDS:
            extensions.append(f"{lit(item.name)} ({_WILDCARD_KINDS[kind]})")
            continue
        required = (
            item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
        )
        xml = item.metadata.get("name")
        where = {"Attribute": "attribute", "Element": "element"}.get(kind, "text content")
        holds = f"The {where} {lit(xml)}" if xml else f"The {where}"
        what = esc(described.get(item.name, "").rstrip(".")) or holds
        tail = "required" if required else "optional"
        out += [
            f"   .. py:attribute:: {item.name}",
            f"      :type: {type_text(hints.get(item.name, item.type))}",
            "",
            f"      {what}." + (f" {holds}; {tail}." if what != holds else f"; {tail}."),
            "",
        ]
    if extensions:
        out += [f"   Open to vendor extensions: {', '.join(extensions)}.", ""]
    return out


def _enum_lines(cls: type[enum.Enum]) -> list[str]:
    members = ", ".join(f"{lit(member.name)} = {lit(str(member.value))}" for member in cls)
    return [
        f"   A ``StrEnum`` of the well-known values: {members}. A field of this type also "
        "accepts a vendor value as a plain string.",
        "",
    ]


def _classes(module: object) -> Iterable[type]:
    for name, value in vars(module).items():
        if (
            isinstance(value, type)
            and value.__module__ == getattr(module, "__name__", "")
            and not name.startswith("_")
        ):
            yield value


def module_page(prefix: str, descriptions: dict[str, str], specs: Sequence[MessageType]) -> str:
    module = importlib.import_module(f"dsm_messages.models.{prefix}")
    name = f"dsm_messages.models.{prefix}"
    namespace = getattr(module, "__NAMESPACE__", PREFIXES.get(prefix, ""))
    bodies = {spec.model: spec for spec in specs if spec.model.__module__ == name}
    out = [f".. _models-{prefix}:", "", *heading(lit(name), "="), f".. py:module:: {name}", ""]
    said = descriptions.get(namespace, "")
    out += [
        f"The classes generated from the schema of {lit(namespace)}"
        + (f": {esc(said.rstrip('.'))}." if said else ".")
        + " Every one is a dataclass with keyword-only fields; ``help()`` shows the same.",
        "",
    ]
    if bodies:
        protocols = sorted({PROTOCOL_NAMES.get(s.protocol, s.protocol) for s in bodies.values()})
        links = ", ".join(message_link(spec) for spec in bodies.values())
        out += [f"Message bodies and documents here ({', '.join(protocols)}): {links}.", ""]
    for cls in sorted(_classes(module), key=lambda c: c.__qualname__):
        description, _ = split_doc(cls)
        out += [f".. py:class:: {cls.__qualname__}", ""]
        if description:
            out += [f"   {esc(description)}", ""]
        if cls in bodies:
            out += [f"   The body of {message_link(bodies[cls])}.", ""]
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            out += _enum_lines(cls)
        elif dataclasses.is_dataclass(cls):
            out += _field_lines(cls)
    return "\n".join(out).rstrip() + "\n"


def index_page(descriptions: dict[str, str]) -> str:
    out = [".. _models:", "", *heading("Python classes", "=")]
    out += [
        "Every message body and the types inside it are dataclasses generated from our schemas, "
        "one module per namespace, named ``dsm_messages.models.<prefix>.<Class>``. A module is "
        "imported when it is first used.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
    ]
    out += [f"   {prefix}" for prefix in models.__all__]
    return "\n".join(out) + "\n"


def prefixes() -> list[str]:
    return list(models.__all__)
