"""xsdata's serializer and writer, as dsm-messages writes with them (for what the generated
plan leaves to xsdata): an empty list that was there is written, and ``xsi:nil`` in vendor
content is kept.

>>> from dsm_messages import to_xml
>>> from dsm_messages.models import wsd
>>> b"<wsd:Types/>" in to_xml(wsd.Probe(types=EmptyList())), b"Types" in to_xml(wsd.Probe())
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.writers import DEFAULT_XML_WRITER

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
    nobody gave) writes nothing. To write a list the schema requires (``wsd:XAddrs`` in a
    ResolveMatch) with no item, give it as ``EmptyList()``."""

    def __repr__(self) -> str:
        return "[]"


class Serializer(XmlSerializer):
    """xsdata's serializer, writing an empty list where it must stand (see
    :class:`EmptyList`)."""

    def convert_tokens(self, value: Any, var: Any, namespace: str | None) -> Iterator[Any]:
        if type(value) is EmptyList and not value:
            yield from self.convert_element(value, var, namespace)
        else:
            yield from super().convert_tokens(value, var, namespace)
