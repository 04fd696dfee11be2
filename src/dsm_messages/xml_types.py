"""The types of parsed XML the library's signatures name.

lxml's element class is ``lxml.etree._Element``: the class of every element its parsers
build, yet a private name. Signatures here name it :data:`XmlElement` instead.
"""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

__all__ = ["XmlElement"]

#: An element of a parsed tree (lxml's ``etree._Element``).
XmlElement: TypeAlias = etree._Element
