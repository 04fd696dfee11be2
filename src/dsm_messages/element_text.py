"""How the text of an element is read, by every reader in the package: as XML Schema reads it.

The rules, in one place, for the binder, the envelope reader and the validator alike:

- An element's value is every text node directly inside it, joined: comments and processing
  instructions inside a value are left out, and the text after them is kept
  (``<JobToken>264a<!--x-->19bf</JobToken>`` holds ``264a19bf``). CDATA sections and
  character references are text like any other (the parser has already joined them).
- XML whitespace is space, tab, carriage return and line feed, nothing else: a value is
  trimmed of those, and the items of an ``xs:list`` (``wsd:XAddrs``, ``wsd:Scopes``,
  ``wsd:Types``) are separated by them only. U+00A0, U+0085, U+2028 and the other characters
  Python calls whitespace are part of a value.
- A value replaced in a tree (a repair of the lenient profile) replaces the whole text:
  comments and processing instructions inside it go, so nothing of the old value stays behind.

>>> from lxml import etree
>>> text_of(etree.fromstring("<a>264a<!--x-->19bf<?pi?></a>"))
'264a19bf'
>>> tokens(" a\\u00a0b\\tc \\r\\n")
['a\\xa0b', 'c']
>>> strip_xml("\\u00a0x \\n")
'\\xa0x'
"""

from __future__ import annotations

import re

from lxml import etree

from .xml_types import XmlElement

__all__ = [
    "XML_WHITESPACE",
    "drop_comments",
    "is_xml_whitespace",
    "set_text",
    "strip_xml",
    "text_of",
    "tokens",
]

#: The four characters XML calls whitespace (XML 1.0, production S).
XML_WHITESPACE = " \t\r\n"
_RUNS = re.compile(r"[ \t\r\n]+")


def text_of(element: XmlElement) -> str:
    """The text directly inside ``element``: its text nodes joined, comments and processing
    instructions left out (for an element that holds elements, the text between them)."""
    text = element.text or ""
    if len(element) == 0:  # the common case: a value and nothing else
        return text
    return text + "".join(child.tail or "" for child in element)


def drop_comments(root: XmlElement) -> None:
    """Take every comment and processing instruction out of a tree of one's own, joining
    the text around each: every value then is its :func:`text_of` (what a reader that does
    not know about comments, such as xsdata's binder, needs)."""
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)


def strip_xml(text: str) -> str:
    """``text`` without the XML whitespace around it."""
    return text.strip(XML_WHITESPACE)


def tokens(text: str) -> list[str]:
    """The items of an ``xs:list`` value: ``text`` split on runs of XML whitespace."""
    stripped = text.strip(XML_WHITESPACE)
    return _RUNS.split(stripped) if stripped else []


def is_xml_whitespace(text: str) -> bool:
    """Whether ``text`` holds XML whitespace only (or nothing)."""
    return not text.strip(XML_WHITESPACE)


def set_text(element: XmlElement, value: str) -> None:
    """Make ``value`` the whole text of ``element``, which holds no element: the comments and
    processing instructions inside the old value go with it."""
    for child in list(element):
        if not isinstance(child.tag, str):
            element.remove(child)
    element.text = value or None  # (an empty text node is content to libxml2)
