"""Typed values read from XML as XML Schema reads them, and written back as they were read.

Every value of these types bound in this process (by the plan or by xsdata's generic binder,
which share xsdata's converters) goes through the converters registered here:

- ``xs:dateTime`` is a :class:`~dsm_messages.timestamps.Timestamp`, which keeps its text
  (seven fractional digits, a missing zone, ``24:00:00``);
- ``xs:duration`` is read without the XML whitespace around it, as the schema reads it;
- ``xs:integer`` and its kin accept exactly the schema's spellings (an optional sign, ASCII
  digits: not ``1_000``, not other scripts' digits), and one written otherwise than Python
  writes it (``+5``, ``007``) is an :class:`Integer` that keeps its text;
- ``xs:base64Binary`` written otherwise than Python writes it (wrapped over lines, say) is a
  :class:`Base64` that keeps its text;
- the items of an ``xs:list`` are separated by XML whitespace only, by xsdata's generic binder
  too (which splits on what Python calls whitespace: U+00A0 is part of an item), and an empty
  one that was there is an :class:`~dsm_messages.serializer.EmptyList`, written back.

Values built in code are written in the canonical form. Booleans read as ``1`` or ``0`` are
``True`` and ``False`` and written ``true`` and ``false``: a ``bool`` cannot remember its text.

>>> from xsdata.formats.converter import converter
>>> value = converter.deserialize("+0042", [int])
>>> value == 42, converter.serialize(value), converter.serialize(42)
(True, '+0042', '42')
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import QName

from xsdata.exceptions import ConverterError
from xsdata.formats.converter import Converter, converter
from xsdata.formats.dataclass.parsers.utils import ParserUtils
from xsdata.models.datatype import XmlDuration

from .element_text import strip_xml, tokens
from .serializer import EmptyList
from .timestamps import Timestamp, to_xml_text

__all__ = ["Base64", "Integer"]

_INTEGER = re.compile(r"[+-]?[0-9]+")
_QNAME = re.compile(r"(?:[^\W\d][\w.\-]*:)?[^\W\d][\w.\-]*")


class Integer(int):
    """An integer read from XML spelled otherwise than Python spells it (``+5``, ``007``):
    equal to its value, and written back as it was read."""

    lexical: str

    def __new__(cls, value: int, lexical: str) -> Integer:
        made = super().__new__(cls, value)
        made.lexical = lexical
        return made

    def __repr__(self) -> str:
        return int.__repr__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Integer, (int(self), self.lexical))


class Base64(bytes):
    """Binary data read from XML spelled otherwise than Python encodes it (wrapped over
    lines): equal to its bytes, and written back as it was read."""

    lexical: str

    def __new__(cls, value: bytes, lexical: str) -> Base64:
        made = super().__new__(cls, value)
        made.lexical = lexical
        return made

    def __repr__(self) -> str:
        return bytes.__repr__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Base64, (bytes(self), self.lexical))


class _Fallback(Converter):
    def __init__(self, fallback: Converter) -> None:
        self.fallback = fallback

    def serialize(self, value: Any, **kwargs: Any) -> str:
        result: str = self.fallback.serialize(value, **kwargs)
        return result


class _DateTimeConverter(_Fallback):
    """``xs:dateTime`` text ↔ ``datetime``, keeping the text of values read from XML. Fields
    with an explicit strftime ``format`` (none of ours; another xsdata user's in this process)
    keep xsdata's behaviour."""

    def deserialize(self, value: Any, **kwargs: Any) -> datetime:
        if kwargs.get("format"):
            result: datetime = self.fallback.deserialize(value, **kwargs)
            return result
        try:
            return Timestamp.from_xml(value)
        except (TypeError, ValueError) as exc:
            raise ConverterError(str(exc)) from None

    def serialize(self, value: Any, **kwargs: Any) -> str:
        if kwargs.get("format"):
            return super().serialize(value, **kwargs)
        return to_xml_text(value)


class _CollapsedConverter(_Fallback):
    """A value of a type XML Schema reads with its whitespace collapsed (``xs:duration``):
    read without the XML whitespace around it."""

    def deserialize(self, value: Any, **kwargs: Any) -> Any:
        return self.fallback.deserialize(
            strip_xml(value) if isinstance(value, str) else value, **kwargs
        )


class _IntegerConverter(_Fallback):
    def deserialize(self, value: Any, **kwargs: Any) -> int:
        if not isinstance(value, str):
            result: int = self.fallback.deserialize(value, **kwargs)
            return result
        text = strip_xml(value)
        if not _INTEGER.fullmatch(text):
            raise ConverterError(f"{value!r} is not an integer as XML Schema writes one")
        number = int(text)
        return number if str(number) == text else Integer(number, text)

    def serialize(self, value: Any, **kwargs: Any) -> str:
        if isinstance(value, Integer):
            return value.lexical
        return super().serialize(value, **kwargs)


class _QNameConverter(_Fallback):
    """A QName written as XML Schema writes one, ``prefix:local`` or ``local`` (xsdata reads
    ``:local`` as ``local``, which would be written back so)."""

    def deserialize(self, value: Any, **kwargs: Any) -> QName:
        if isinstance(value, str) and not _QNAME.fullmatch(strip_xml(value)):
            raise ConverterError(f"{value!r} is not a prefixed name as XML Schema writes one")
        result: QName = self.fallback.deserialize(value, **kwargs)
        return result


class _BytesConverter(_Fallback):
    def deserialize(self, value: Any, **kwargs: Any) -> bytes:
        data: bytes = self.fallback.deserialize(value, **kwargs)
        if kwargs.get("format") != "base64" or not isinstance(value, str):
            return data
        text = strip_xml(value)
        if base64.b64encode(data).decode("ascii") == text:
            return data
        try:  # (the schema's characters only: xsdata's reader drops any whitespace)
            base64.b64decode(re.sub(r"[ \t\r\n]+", "", text), validate=True)
        except (binascii.Error, ValueError):
            raise ConverterError(f"{value[:40]!r} is not base64 as XML Schema writes it") from None
        return Base64(data, text)

    def serialize(self, value: Any, **kwargs: Any) -> str:
        if isinstance(value, Base64) and kwargs.get("format") == "base64":
            return value.lexical
        return super().serialize(value, **kwargs)


_parse_value = ParserUtils.parse_value.__func__  # type: ignore[attr-defined]


def _parse_list_items_on_xml_whitespace(
    cls: type[ParserUtils], value: Any, *args: Any, **kwargs: Any
) -> Any:
    if kwargs.get("tokens_factory") is not None and (value is None or isinstance(value, str)):
        # (called for an element that is there: empty, it is an empty list that was there)
        items = [] if value is None else tokens(value)
        if not items:
            return EmptyList()
        value = items
    return _parse_value(cls, value, *args, **kwargs)


ParserUtils.parse_value = classmethod(_parse_list_items_on_xml_whitespace)  # type: ignore[assignment,method-assign]
converter.register_converter(datetime, _DateTimeConverter(converter.type_converter(datetime)))
converter.register_converter(
    XmlDuration, _CollapsedConverter(converter.type_converter(XmlDuration))
)
converter.register_converter(int, _IntegerConverter(converter.type_converter(int)))
converter.register_converter(QName, _QNameConverter(converter.type_converter(QName)))
converter.register_converter(bytes, _BytesConverter(converter.type_converter(bytes)))
