"""Which elements of a message the models hold as plain values, from the generated tables
(:mod:`dsm_messages.schema_tables`), without the models or xsdata.

An attribute on such an element cannot be kept (``DSM-LEAF-ATTRIBUTE``): the validator asks
:func:`leaf_attributes`, which follows each attribute's path of element names down the
tables exactly as the binder follows the model classes (:mod:`dsm_messages.binding`): a child
named by a class binds that class or a value; any other child goes to the class's first
wildcard that admits its namespace, where a global element of ours binds its own class and
anything else is kept whole. A test holds the tables to the models they were generated from.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .schema_tables import CHILDREN, GLOBAL_ELEMENTS, WILDCARD, WILDCARDS
from .xml_types import XmlElement

__all__ = ["MAY_BE_VALUES", "Attributed", "bound_as", "leaf_attributes"]

#: An element with attributes, its Clark name, and its attributes' names (Clark names).
Attributed = tuple[XmlElement, str, list[str]]

_XSI_PREFIX = "{http://www.w3.org/2001/XMLSchema-instance}"
#: The elements below that carry an attribute, in document order (libxml2 finds them: the
#: parents of the attributes below, which it finds several times faster than it tests each
#: element for one, ``descendant::*[@*]``).
_ATTRIBUTED_BELOW = etree.XPath("descendant::*/@*/..")
#: A plain value (what :func:`bound_as` answers for an element bound as one).
_VALUE = ""
#: (model, path of names from the element up) -> whether the element is a plain value
_LEAF_PATHS: dict[tuple[str, tuple[str, ...]], bool] = {}
_REMEMBER_AT_MOST = 4096


def _admits(namespaces: tuple[str, ...], name: str) -> bool:
    """Whether a wildcard with these namespace constraints takes an element called ``name``
    (xsdata's rule: ``##any``; ``!uri``, any namespace but ``uri``; ``""``, no namespace)."""
    uri = name[1:].partition("}")[0] if name.startswith("{") else None
    if not namespaces and uri is None:
        return True
    return any(
        (not check and uri is None)
        or check in (uri, "##any")
        or (bool(check) and check[0] == "!" and check[1:] != uri)
        for check in namespaces
    )


def _child(model: str, name: str) -> str | None:
    """What a child called ``name`` of an element bound to ``model`` binds to: a model,
    :data:`_VALUE`, or ``None`` when nothing takes it or a wildcard keeps it whole."""
    children = CHILDREN.get(model, {})
    if name in children:
        target = children[name]
        if target is None:
            return _VALUE
        if target != WILDCARD:
            return target
    elif not any(_admits(namespaces, name) for namespaces in WILDCARDS.get(model, ())):
        return None
    return GLOBAL_ELEMENTS.get(name)


def bound_as(root: XmlElement, element: XmlElement, model: str) -> str | None:
    """What ``element`` (a descendant of ``root``, which binds to ``model``, named
    ``prefix.Class``) binds to: a model's name, ``""`` for a plain value, or ``None`` when no
    field takes it or it is vendor content kept whole."""
    path = [element]
    while path[-1].getparent() is not root:
        parent = path[-1].getparent()
        assert parent is not None  # root is an ancestor: the callers searched below it
        path.append(parent)
    holder = model
    for node in reversed(path):
        found = _child(holder, str(node.tag))
        if found is None:
            return None
        if found == _VALUE:
            return _VALUE if node is element else None
        holder = found
    return holder


def leaf_attributes(
    root: XmlElement,
    model: str,
    attributed: Iterable[Attributed] | None = None,
) -> list[tuple[XmlElement, str]]:
    """Every attribute on an element bound as a plain value, with its element, in document
    order; ``model`` is the class ``root`` binds to (``prefix.Class``). ``attributed``: the
    elements below ``root`` that carry attributes, with their names and their attributes'
    names, in document order, when the caller has them (else libxml2 finds them)."""
    if attributed is None:
        elements = _ATTRIBUTED_BELOW(root)
        assert isinstance(elements, list)
        attributed = ((element, str(element.tag), element.keys()) for element in elements)
    found: list[tuple[XmlElement, str]] = []
    for element, name, attributes in attributed:
        if name not in MAY_BE_VALUES:
            continue  # (no class holds an element of this name as a plain value)
        kept = [attribute for attribute in attributes if not attribute.startswith(_XSI_PREFIX)]
        if kept and _is_leaf_value(root, element, model):
            found += [(element, attribute) for attribute in kept]
    return found


#: The names of every element some class (or a wildcard's global element) holds as a plain
#: value: an element of any other name binds a class or is kept whole, wherever it stands.
MAY_BE_VALUES = frozenset(
    name for children in CHILDREN.values() for name, target in children.items() if target is None
) | frozenset(name for name, target in GLOBAL_ELEMENTS.items() if target == _VALUE)


def _is_leaf_value(root: XmlElement, element: XmlElement, model: str) -> bool:
    """Whether ``element`` binds as a plain value (remembered by its path of names)."""
    path = [str(element.tag)]
    parent = element.getparent()
    while parent is not None and parent is not root:
        path.append(str(parent.tag))
        parent = parent.getparent()
    key = (model, tuple(path))
    known = _LEAF_PATHS.get(key)
    if known is None:
        known = bound_as(root, element, model) == _VALUE
        if len(_LEAF_PATHS) >= _REMEMBER_AT_MOST:
            _LEAF_PATHS.clear()
        _LEAF_PATHS[key] = known
    return known
