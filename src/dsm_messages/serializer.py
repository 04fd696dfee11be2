"""xsdata's serializer and writer, as dsm-messages writes with them (for what the generated
plan leaves to xsdata): an empty list that was there is written, and ``xsi:nil`` in vendor
content is kept.

>>> from dsm_messages import to_xml
>>> from dsm_messages.models import wsd
>>> b"<wsd:Types/>" in to_xml(wsd.Probe(types=EmptyList())), b"Types" in to_xml(wsd.Probe())
(True, False)
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from typing import Any

from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.writers import DEFAULT_XML_WRITER

from .declarations import declarations

__all__ = ["EmptyList", "Serializer", "Writer"]


class Writer(DEFAULT_XML_WRITER):  # type: ignore[misc,valid-type]
    """xsdata's writer, writing ``xsi:nil`` where vendor content has it: xsdata drops the
    attribute from an element with content, for the nillable elements it writes itself (our
    schemas declare none), and so dropped it from vendor content kept as ``AnyElement``."""

    def flush_start(self, is_nil: bool = True) -> None:
        super().flush_start(True)


class EmptyList(list[Any]):
    """The value of an ``xs:list`` element that was there but held no item (``<wsd:Types/>``):
    equal to ``[]``, and written back as that empty element, where a plain ``[]`` (a list
    nobody gave) writes nothing. A list the schema requires (``wsd:XAddrs`` in a
    ResolveMatch) is written even when plain and empty."""

    def __repr__(self) -> str:
        return "[]"


class Serializer(XmlSerializer):
    """xsdata's serializer, writing an empty list where it must stand (see
    :class:`EmptyList`)."""

    @classmethod
    def next_value(cls, obj: Any, meta: Any) -> Iterator[tuple[Any, Any]]:
        for var, value in super().next_value(obj, meta):
            if (
                var.tokens
                and not value
                and type(value) is not EmptyList
                and _required_list(obj.__class__, var.qname)
            ):
                value = EmptyList()
            yield var, value

    def convert_tokens(self, value: Any, var: Any, namespace: str | None) -> Iterator[Any]:
        if type(value) is EmptyList and not value:
            yield from self.convert_element(value, var, namespace)
        else:
            yield from super().convert_tokens(value, var, namespace)


@functools.cache
def _required_list(cls: type, element: str) -> bool:
    """Whether the schema type of ``cls`` (or one it extends) requires the list ``element``."""
    required = declarations().required_lists
    for base in cls.__mro__:
        namespace = getattr(sys.modules.get(base.__module__), "__NAMESPACE__", None)
        if namespace and (f"{{{namespace}}}{base.__name__}", element) in required:
            return True
    return False
