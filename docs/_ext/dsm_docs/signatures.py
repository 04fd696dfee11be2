"""How the API reference spells third-party types: lxml's element class is ``_Element``, a name
a reader would take for a private one of ours; every signature and parameter type shows it as
``lxml.etree.Element`` (what ``lxml.etree.fromstring`` returns)."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

#: Third-party names as lxml and the type stubs spell them, and as the pages show them.
PUBLIC_SPELLING = {
    re.compile(r"\b(?:lxml\.)?(?:etree\.)?_Element\b"): "lxml.etree.Element",
}


def public_spelling(text: str) -> str:
    for pattern, spelling in PUBLIC_SPELLING.items():
        text = pattern.sub(spelling, text)
    return text


def respell(app: Sphinx, doctree: nodes.document) -> None:
    """Rewrite the names of :data:`PUBLIC_SPELLING` in every object description."""
    for description in doctree.findall(addnodes.desc):
        for xref in description.findall(addnodes.pending_xref):
            target = xref.get("reftarget", "")
            if public_spelling(target) != target:
                xref["reftarget"] = public_spelling(target)
        for text in list(description.findall(nodes.Text)):
            spelled = public_spelling(text.astext())
            if spelled != text.astext() and text.parent is not None:
                text.parent.replace(text, nodes.Text(spelled))


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", respell)
