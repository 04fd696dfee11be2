"""Model objects to XML bytes and back, with the namespace prefixes DSM documents use.

>>> from dsm_messages.models import dsp
>>> request = dsp.EndPostScanJobRequest(job_token=dsp.String255ExtType(value="264a19bf"))
>>> data = to_xml(request)
>>> print(data.decode())  # doctest: +NORMALIZE_WHITESPACE
<dsp:EndPostScanJobRequest
 xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"><dsp:JobToken>264a19bf</dsp:JobToken></dsp:EndPostScanJobRequest>
>>> from_xml(data) == request
True
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

from lxml import etree
from xsdata.exceptions import ConverterError, ParserError, XmlContextError
from xsdata.formats.converter import ProxyConverter, converter
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.config import ParserConfig
from xsdata.formats.dataclass.parsers.handlers import LxmlEventHandler
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig
from xsdata.models.datatype import XmlDateTime

from .errors import BindingError
from .messages import by_qname
from .namespaces import PREFIXES
from .safexml import clark_name, parse_xml

T = TypeVar("T")


class LexicalDateTime(XmlDateTime):
    """An ``xs:dateTime`` that remembers how it was written.

    xsdata's XmlDateTime rewrites fractional seconds as 3, 6 or 9 digits, so Windows' 7-digit
    timestamps (``09:21:04.5242689Z``) would come back as ``09:21:04.524268900Z``: the same
    instant, other bytes. Values read from XML are of this type and serialize as written;
    values built in code serialize as XmlDateTime does. Equality and ordering are XmlDateTime's.
    """

    @classmethod
    def from_string(cls, string: str) -> LexicalDateTime:
        value = cls(*XmlDateTime.from_string(string))
        value.__dict__["lexical"] = string.strip()
        return value

    def __str__(self) -> str:
        lexical = self.__dict__.get("lexical")
        return lexical if isinstance(lexical, str) else XmlDateTime.__str__(self)


# Every xs:dateTime read through xsdata in this process keeps its lexical form.
converter.register_converter(XmlDateTime, ProxyConverter(LexicalDateTime.from_string))

_CONTEXT = XmlContext()
_PARSER = XmlParser(
    context=_CONTEXT,
    handler=LxmlEventHandler,
    config=ParserConfig(fail_on_unknown_properties=True, fail_on_converter_warnings=True),
)


_SERIALIZER = XmlSerializer(context=_CONTEXT, config=SerializerConfig(xml_declaration=False))


def to_xml(obj: object, *, pretty: bool = False, xml_declaration: bool = False) -> bytes:
    """Serialize a model object as UTF-8 XML with the conventional DSM prefixes."""
    root = to_element(obj)
    if pretty:
        etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=xml_declaration)


def to_element(obj: object) -> etree._Element:
    """A model object as an lxml tree, declaring only the namespaces it uses."""
    try:
        text = _SERIALIZER.render(obj, ns_map=PREFIXES)
    except (XmlContextError, ConverterError, TypeError, ValueError) as exc:
        raise BindingError(f"cannot serialize {type(obj).__name__}: {exc}") from None
    root = etree.fromstring(text.encode("utf-8"))
    drop_unused_namespaces(root)
    return root


def drop_unused_namespaces(root: etree._Element) -> None:
    """Remove the namespace declarations a tree does not use, in place.

    lxml drops those no element or attribute name uses, but cannot see QName values
    (``dsp:JobStatus``, ``soap:Receiver``, a vendor ``ns13:Code``), which need their declaration
    in scope: a prefix that starts a text or attribute value is therefore kept.
    """
    in_values: set[str] = set()
    for element in root.iter():
        for value in (element.text, *element.attrib.values()):
            if value:
                head, colon, _ = value.strip().partition(":")
                if colon and head in element.nsmap:
                    in_values.add(head)
    etree.cleanup_namespaces(root, keep_ns_prefixes=sorted(in_values))


@overload
def from_xml(data: bytes | etree._Element, model: type[T]) -> T: ...
@overload
def from_xml(data: bytes | etree._Element, model: None = None) -> Any: ...


def from_xml(data: bytes | etree._Element, model: type[T] | None = None) -> T | Any:
    """Bind an XML document (bytes or an already parsed element) to a model object.

    Without ``model`` the root element must be a known DSM message body or document (see
    :mod:`dsm_messages.messages`). Bytes are parsed with the hardened parser. An element passed
    in is left as it was: binding works on a copy, because the binder empties what it reads,
    and the copy carries every namespace declaration in scope, which QName values need.
    """
    root = parse_xml(data if isinstance(data, bytes) else etree.tostring(data))
    name = clark_name(root)
    if model is None:
        spec = by_qname(name)
        if spec is None:
            raise BindingError(f"{name} is not a known DSM message body or document")
        model = spec.model
    try:
        return _PARSER.parse(root, model)
    except (ParserError, ConverterError, XmlContextError, ValueError, TypeError) as exc:
        raise BindingError(f"cannot read {name} as {model.__name__}: {exc}") from None
