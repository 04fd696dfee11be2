"""How the API reference spells third-party types: lxml's element class is ``_Element``, a name
a reader would take for a private one of ours; every signature and parameter type shows it as
``lxml.etree.Element`` (what ``lxml.etree.fromstring`` returns).

An attrs class's ``__init__`` is generated code: its defaults "as written" read
``attr_dict['to'].default``, and a factory's ``NOTHING``. Such a class's signature shows each
default's value instead (a factory of an empty container, the empty container).

A third-party class the package exports (xsdata's ``XmlDuration``) has a Google-style ``Args:``
section, which reStructuredText prints as a line of text: the page shows it as the
``:param:`` fields of the package's own docstrings (:func:`third_party_docstring`).
"""

from __future__ import annotations

import re
from typing import Any

import attrs
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


_ATTRS_DEFAULT = re.compile(r"\battr_dict\[['\"](\w+)['\"]\]\.default\b")
_ATTRS_FACTORY = re.compile(r"\b(\w+)=NOTHING\b")


def _shown_default(cls: type, name: str, written: str) -> str:
    field = {field.alias: field for field in attrs.fields(cls)}.get(name)
    if field is None:
        return written
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        made = default.factory
        if made in (dict, list, tuple, set, frozenset) and not default.takes_self:
            return repr(made())
        return f"{getattr(made, '__qualname__', 'factory')}()"
    return repr(default)


def attrs_defaults(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """An attrs class's signature with its defaults' values, not its generated code's."""
    if signature is None or not (isinstance(obj, type) and attrs.has(obj)):
        return None
    signature = _ATTRS_DEFAULT.sub(
        lambda m: _shown_default(obj, m.group(1), m.group(0)), signature
    )
    signature = _ATTRS_FACTORY.sub(
        lambda m: f"{m.group(1)}={_shown_default(obj, m.group(1), 'NOTHING')}", signature
    )
    return signature, return_annotation


_ARGS_SECTION = re.compile(r"^(\s*)Args:\s*$")
_ARGUMENT = re.compile(r"^(\s+)(\w+)(?:\s*\([^)]*\))?:\s*(.*)$")


def third_party_docstring(obj: object, lines: list[str]) -> list[str]:
    """``lines`` of ``obj``'s docstring as its page shows them: for an object defined outside
    the package, each ``Args:`` section's ``name: text`` entries become ``:param name: text``
    fields (continuation lines kept); the package's own docstrings are left as written."""
    if getattr(obj, "__module__", "").startswith("dsm_messages"):
        return lines
    shown: list[str] = []
    heading: int | None = None  # the Args: heading's indentation, while inside its section
    entry: int | None = None  # the indentation of the section's entries
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if heading is not None and line.strip() and indent <= heading:
            heading = entry = None  # the section ended
        if heading is None:
            if found := _ARGS_SECTION.match(line):
                heading = len(found.group(1))
            else:
                shown.append(line)
            continue
        argument = _ARGUMENT.match(line)
        if argument and (entry is None or indent == entry):
            entry = indent
            shown.append(f"{' ' * heading}:param {argument.group(2)}: {argument.group(3)}")
        elif line.strip():
            shown.append(f"{' ' * heading}    {line.strip()}")
        else:
            shown.append(line)
    return shown


def rewrite_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    lines[:] = third_party_docstring(obj, lines)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", respell)
    app.connect("autodoc-process-signature", attrs_defaults)
    app.connect("autodoc-process-docstring", rewrite_docstring)
