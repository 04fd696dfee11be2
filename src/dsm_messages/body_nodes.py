"""The body of a parsed message as elements, read from its model objects.

A node is one element as the body's XML would have it: (namespace, local name, value), the
value being what the model holds for it (a model object, an ``AnyElement``, a
``DerivedElement`` or a plain value). The layout of each model class (its child elements in
document order, its attributes, its text) is read once from xsdata's field metadata.

The reads every message makes (every child, :func:`children`; the first child of each name,
:func:`first_children`; the search for :data:`SEARCHED` at any depth, :func:`descendants`)
run per class a function generated from that layout the first time the class is met: one
line per field, no loop over the metadata. What they find is what a walk over the layout
finds (the elements in document order, a wildcard's values by the names they carry), only
sooner.
"""

from __future__ import annotations

import dataclasses
import keyword
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.models.generics import AnyElement, DerivedElement

__all__ = [
    "PLAIN",
    "SEARCHED",
    "Layout",
    "Node",
    "PerClass",
    "child",
    "children",
    "descendants",
    "first_children",
    "has_children",
    "layout_of",
    "may_hold",
    "split",
    "unwrap",
]

#: The elements looked for at any depth, found in one walk.
SEARCHED = frozenset(
    {"Filter", "ElementData", "JobStatus", "PostScanJobEndState", "JobEndState", "ScannerStatus"}
)

Node = tuple[str, str, object]
_CONTEXT = XmlContext()


@attrs.frozen
class Layout:
    """How the XML of one model class is laid out, read once per class."""

    #: (field, namespace, local name, whether its values may have children of their own) per
    #: child element in document order; a wildcard field has no name of its own (its values
    #: carry theirs)
    children: tuple[tuple[str, str, str | None, bool], ...]
    #: (field, local name) per attribute, then the field holding vendor attributes
    attributes: tuple[tuple[str, str], ...]
    any_attributes: tuple[str, ...]
    text: str | None
    namespace: str
    local: str
    #: per child element, the model classes its values may be (those that are dataclasses)
    declared: tuple[frozenset[type], ...] = ()
    #: per local name, the entries of ``children`` that may hold an element of that name (its
    #: own field and the wildcards), in document order; filled as names are asked for
    by_local: dict[str, tuple[tuple[str, str, str | None, bool], ...]] = attrs.field(
        factory=dict, eq=False
    )

    def entries(self, local: str) -> tuple[tuple[str, str, str | None, bool], ...]:
        found = self.by_local.get(local)
        if found is None:
            found = self.by_local[local] = tuple(
                entry for entry in self.children if entry[2] is None or entry[2] == local
            )
        return found


def _read_layout(cls: type) -> Layout:
    """The layout of a model class, read from xsdata's metadata (once: see :func:`layout_of`)."""
    meta = _CONTEXT.build(cls)
    namespace, local = split(meta.qname)
    return Layout(
        children=tuple(
            (var.name, "", None, True)
            if var.is_wildcard
            else (var.name, *split(var.qname), any(map(dataclasses.is_dataclass, var.types)))
            for var in meta.get_element_vars()
        ),
        declared=tuple(
            frozenset(t for t in var.types if dataclasses.is_dataclass(t))
            for var in meta.get_element_vars()
        ),
        attributes=tuple((var.name, var.local_name) for var in meta.get_attribute_vars()),
        any_attributes=tuple(var.name for var in meta.any_attributes),
        text=meta.text.name if meta.text else None,
        namespace=namespace,
        local=local,
    )


def split(clark: str) -> tuple[str, str]:
    if clark.startswith("{"):
        namespace, _, local = clark[1:].partition("}")
        return namespace, local
    return "", clark


def _values(value: object) -> Iterable[object]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return value
    return (value,)


def unwrap(value: object) -> object:
    return value.value if isinstance(value, DerivedElement) else value


def _wildcard_node(value: object) -> Node | None:
    if isinstance(value, AnyElement):
        return (*split(value.qname or ""), value) if value.qname else None
    if isinstance(value, DerivedElement):
        return (*split(value.qname), value)
    layout = layout_of(value)
    if layout is not None:
        return layout.namespace, layout.local, value
    return None  # mixed text between vendor elements


def children(node: Node | None, local: str | None = None) -> list[Node]:
    """Child elements of ``node`` in document order (those named ``local``, when given)."""
    if node is None:
        return []
    value = unwrap(node[2])
    found = _CHILDREN_READERS[value.__class__](value)
    return found if local is None else [element for element in found if element[1] == local]


def _wildcard_children(value: AnyElement) -> list[Node]:
    """The child elements of a vendor element (its text between them is no element)."""
    found: list[Node] = []
    _children_of_wildcard(value.children, found)
    return found


def child(node: Node | None, local: str) -> Node | None:
    """The first child of ``node`` named ``local`` (what :func:`children` lists first, read
    without listing the others)."""
    if node is None:
        return None
    value = node[2]
    if value.__class__ in PLAIN:
        return None
    value = unwrap(value)
    layout = layout_of(value) if not isinstance(value, AnyElement) else None
    if layout is None:
        found = children(node, local)
        return found[0] if found else None
    for name, namespace, field_local, _ in layout.entries(local):
        items = getattr(value, name)
        repeated = isinstance(items, list | tuple)
        if items is None or (repeated and not items):
            continue
        if field_local is not None:
            return namespace, field_local, items[0] if repeated else items
        for item in _values(items):
            element = _wildcard_node(item)
            if element is not None and element[1] == local:
                return element
    return None


#: Values that are plain text or numbers: no children, no layout.
PLAIN = frozenset({str, int, float, bool, Decimal, type(None)})


T = TypeVar("T")


class PerClass(dict[type, T]):
    """What is read of a class once, the first time it is asked for: ``read(cls)``, kept."""

    def __init__(self, read: Callable[[type], T]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, cls: type) -> T:
        self[cls] = found = self.read(cls)
        return found


def layout_of(value: object) -> Layout | None:
    """The layout of a model object, ``None`` for any other value."""
    return _LAYOUTS[value.__class__]


#: Every type met, with its layout (``None`` for a type that is no model class).
_LAYOUTS: PerClass[Layout | None] = PerClass(
    lambda cls: _read_layout(cls) if dataclasses.is_dataclass(cls) else None
)


_SearchPlan = tuple[tuple[str, str, str | None, bool, frozenset[type]], ...]


def _search_plan(cls: type) -> _SearchPlan:
    """The children the search for :data:`SEARCHED` looks at, each with whether to descend
    into it and the model classes it skips: a class whose fields can hold neither a searched
    element nor a wildcard (which may hold anything), at any depth, has nothing to find. A
    value of another class than its field declares (a derived type) is searched."""
    layout = _LAYOUTS[cls]
    assert layout is not None  # (asked only for a model class)
    plan = []
    for (name, namespace, local, nested), declared in zip(
        layout.children, layout.declared, strict=True
    ):
        if local is not None and not nested and local not in SEARCHED:
            continue
        idle = frozenset(cls for cls in declared if not may_hold(cls))
        plan.append((name, namespace, local, nested and idle != declared, idle))
    return tuple(plan)


def may_hold(cls: type, seen: frozenset[type] = frozenset()) -> bool:
    """Whether an object of model class ``cls`` may hold a searched element or a wildcard
    below it (a class met again on the way is taken to: the answer may err only towards
    searching, so that every answer may be kept)."""
    known = _MAY_HOLD.get(cls)
    if known is not None:
        return known
    if cls in seen:
        return True
    layout = _LAYOUTS[cls]
    held = layout is None or any(
        local is None
        or local in SEARCHED
        or any(may_hold(inner, seen | {cls}) for inner in declared)
        for (_, _, local, _), declared in zip(layout.children, layout.declared, strict=True)
    )
    _MAY_HOLD[cls] = held
    return held


#: Per model class met, its search plan, and whether it may hold what is searched.
_SEARCH_PLANS: PerClass[_SearchPlan] = PerClass(_search_plan)
_MAY_HOLD: dict[type, bool] = {}


# -- readers generated per class ------------------------------------------------------------


def _compiled(lines: list[str], constants: dict[str, object]) -> Callable[..., Any]:
    """The function ``read`` the source ``lines`` define, with ``constants`` as its globals."""
    scope: dict[str, Any] = dict(constants)
    exec("\n".join(lines), scope)  # (source made here, from the models' own field names)
    read: Callable[..., Any] = scope["read"]
    return read


def _read_field(name: str, index: int, constants: dict[str, object]) -> str:
    """The line that reads field ``name`` of ``value`` into ``items``: an attribute access,
    or (a name that is no identifier, in a class built by hand) ``getattr``."""
    if name.isidentifier() and not keyword.iskeyword(name):
        return f"    items = value.{name}"
    constants[f"F{index}"] = name
    return f"    items = getattr(value, F{index})"


def _first_reader(cls: type) -> Callable[[Any], dict[str, Node]]:
    """The first child of each local name of an object of ``cls``: its fields in document
    order, a field's first value, a wildcard's values by their own names; a name already
    found stays."""
    layout = _LAYOUTS[cls]
    if layout is None:
        return _nothing_first
    lines = ["def read(value):", "    first = {}"]
    constants: dict[str, object] = {"SEQUENCE": list | tuple, "wildcard": _first_of_wildcard}
    named: set[str] = set()
    after_wildcard = False
    for index, (name, namespace, local, _) in enumerate(layout.children):
        lines.append(_read_field(name, index, constants))
        if local is None:
            lines.append("    if items is not None: wildcard(items, first)")
            after_wildcard = True
            continue
        key, node = f"L{index}", f"N{index}"
        constants[key], constants[node] = local, (namespace, local)
        guard = f" and {key} not in first" if after_wildcard or local in named else ""
        named.add(local)
        lines += [
            f"    if items is not None{guard}:",
            "        if isinstance(items, SEQUENCE):",
            f"            if items: first[{key}] = (*{node}, items[0])",
            "        else:",
            f"            first[{key}] = (*{node}, items)",
        ]
    lines.append("    return first")
    return _compiled(lines, constants)


def _nothing_first(value: object) -> dict[str, Node]:
    return {}


def _first_of_wildcard(items: object, first: dict[str, Node]) -> None:
    for item in _values(items):
        found = _wildcard_node(item)
        if found is not None and found[1] not in first:
            first[found[1]] = found


def _collector(cls: type) -> Callable[[Any, list[Node]], None]:
    """Append to ``found`` each element named one of :data:`SEARCHED` below an object of
    ``cls``, in document order, following its search plan (:func:`_search_plan`)."""
    if _LAYOUTS[cls] is None:
        return _collect_nothing
    lines = ["def read(value, found):"]
    constants: dict[str, object] = {
        "SEQUENCE": list | tuple,
        "SEARCHED": SEARCHED,
        "wildcard_node": _wildcard_node,
        "collect": _collect,
        "unwrap": unwrap,
    }
    for index, (name, namespace, local, descend, idle) in enumerate(_SEARCH_PLANS[cls]):
        lines += [
            _read_field(name, index, constants),
            "    if items is not None:",
            "        for item in items if isinstance(items, SEQUENCE) else (items,):",
        ]
        if local is None:
            lines += [
                "            element = wildcard_node(item)",
                "            if element is not None:",
                "                if element[1] in SEARCHED: found.append(element)",
                "                collect(element[2], found)",
            ]
            continue
        if local in SEARCHED:
            constants[f"N{index}"] = (namespace, local)
            lines.append(f"            found.append((*N{index}, item))")
        if descend:
            lines.append("            collect(item, found)")
        else:
            constants[f"I{index}"] = idle
            lines.append(
                f"            if unwrap(item).__class__ not in I{index}: collect(item, found)"
            )
    if len(lines) == 1:
        return _collect_nothing
    return _compiled(lines, constants)


def _collect_nothing(value: object, found: list[Node]) -> None:
    return None


def _children_reader(cls: type) -> Callable[[Any], list[Node]]:
    """Every child element of an object of ``cls`` in document order: its fields' values,
    a wildcard's values by their own names."""
    if issubclass(cls, AnyElement):
        return _wildcard_children
    layout = _LAYOUTS[cls]
    if layout is None:
        return _no_children
    lines = ["def read(value):", "    found = []"]
    constants: dict[str, object] = {"SEQUENCE": list | tuple, "wildcard": _children_of_wildcard}
    for index, (name, namespace, local, _) in enumerate(layout.children):
        lines += [_read_field(name, index, constants), "    if items is not None:"]
        if local is None:
            lines.append("        wildcard(items, found)")
            continue
        constants[f"N{index}"] = (namespace, local)
        lines += [
            "        if isinstance(items, SEQUENCE):",
            f"            found += [(*N{index}, item) for item in items]",
            "        else:",
            f"            found.append((*N{index}, items))",
        ]
    lines.append("    return found")
    return _compiled(lines, constants)


def _no_children(value: object) -> list[Node]:
    return []


def _children_of_wildcard(items: object, found: list[Node]) -> None:
    for item in _values(items):
        element = _wildcard_node(item)
        if element is not None:
            found.append(element)


#: Per class met, its generated readers.
_FIRST_READERS: PerClass[Callable[[Any], dict[str, Node]]] = PerClass(_first_reader)
_COLLECTORS: PerClass[Callable[[Any, list[Node]], None]] = PerClass(_collector)
_CHILDREN_READERS: PerClass[Callable[[Any], list[Node]]] = PerClass(_children_reader)


def descendants(node: Node) -> list[Node]:
    """``node`` and its descendants named one of :data:`SEARCHED`, in document order."""
    found: list[Node] = []
    if node[1] in SEARCHED:
        found.append(node)
    _collect(node[2], found)
    return found


def _collect(value: object, found: list[Node]) -> None:
    value = unwrap(value)
    _COLLECTORS[value.__class__](value, found)


def has_children(node: Node) -> bool:
    return bool(children(node))


def first_children(node: Node | None) -> dict[str, Node]:
    """The first child of ``node`` of each local name (what :func:`child` finds), read in
    one pass over the fields of its class."""
    if node is None:
        return {}
    value = unwrap(node[2])
    return _FIRST_READERS[value.__class__](value)
