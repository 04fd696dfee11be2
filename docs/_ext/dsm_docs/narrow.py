"""Long names on narrow screens: in tables and page titles, a name such as
``dsp:CreatePostScanJobRequest`` may break only where a reader expects it to (after ``:``, ``/``,
``.`` or ``_``, and between the words of a CamelCase name), never in the middle of a word.

The written HTML gets a ``<wbr>`` at each such place (an invisible break opportunity, copied as
nothing); the style sheet forbids breaking elsewhere. Only the HTML is changed: the search index,
built from the document tree, still sees each name whole.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

_REGIONS = re.compile(r"<table\b.*?</table>|<h1\b.*?</h1>", re.S)
_PARTS = re.compile(r"(<pre\b.*?</pre>|<[^>]+>)", re.S)
_LONG = re.compile(r"[^\s<>&]{12,}")
_BREAKS = re.compile(r"(?<=[:/._])(?=[A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z][a-z])")


def breakable(html: str) -> str:
    """``html`` with a ``<wbr>`` at each boundary of the long names in its tables and its
    title (tags, attributes and preformatted text left alone)."""

    def text(part: str) -> str:
        return _LONG.sub(lambda name: _BREAKS.sub("<wbr>", name.group(0)), part)

    def region(found: re.Match[str]) -> str:
        pieces = _PARTS.split(found.group(0))
        return "".join(piece if index % 2 else text(piece) for index, piece in enumerate(pieces))

    return _REGIONS.sub(region, html)


def _page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if isinstance(context.get("body"), str):
        context["body"] = breakable(context["body"])


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page)
