"""The API reference describes what it documents: every parameter of every public function,
method and class the reference shows has a ``:param name:`` description in the docstring the
reference renders (a class's own docstring for its constructor).

A class the package exports from another library (xsdata's ``XmlDuration``) is held to the
docstring its page shows: its Google-style ``Args:`` section rendered as parameter fields.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import dsm_messages
from dsm_messages import conformance, discovery, transcripts, ws_scan

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
from dsm_docs.signatures import third_party_docstring


def _shown_doc(obj: object) -> str:
    """``obj``'s docstring as the reference renders it (a third-party class's Google-style
    ``Args:`` as parameter fields)."""
    return "\n".join(third_party_docstring(obj, (inspect.getdoc(obj) or "").splitlines()))


def _documented() -> Iterator[tuple[str, object]]:
    """Every object the API reference page renders, by its public name."""
    for name in dsm_messages.__all__:
        yield f"dsm_messages.{name}", getattr(dsm_messages, name)
    for module in (discovery, ws_scan, transcripts, conformance):
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if value is not getattr(dsm_messages, name, None):  # documented once, above
                yield f"{module.__name__}.{name}", value


def _callables() -> Iterator[tuple[str, Callable[..., object], str]]:
    """(name, callable, the docstring that describes its parameters)."""
    for name, value in _documented():
        if inspect.isclass(value):
            init = value.__dict__.get("__init__") or value.__dict__.get("__attrs_init__")
            if init is not None or "__attrs_attrs__" in value.__dict__:
                yield name, value, _shown_doc(value)
            for member, attribute in value.__dict__.items():
                if member.startswith("_"):
                    continue
                function = getattr(attribute, "__func__", attribute)
                if inspect.isfunction(function):
                    yield f"{name}.{member}", function, _shown_doc(function)
        elif inspect.isfunction(value):
            yield name, value, _shown_doc(value)


def _undescribed(name: str, function: Callable[..., object], doc: str) -> list[str]:
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return []
    described = {
        written.replace("\\_", "_")
        for written in re.findall(r":param (?:[^:]*\s)?([\w\\]+):", doc)
        # ``from_`` unescaped is a hyperlink reference in reStructuredText: the page
        # shows "from" and the parameter undescribed, so only ``from\_`` counts
        if not written.endswith("_") or written.endswith("\\_")
    }
    return [
        f"{name}({parameter})"
        for parameter in parameters
        if parameter not in ("self", "cls") and parameter not in described
    ]


def undescribed_parameters() -> list[str]:
    """``name(parameter)`` for each parameter the reference shows with a type and no words."""
    return [
        found
        for name, function, doc in _callables()
        for found in _undescribed(name, function, doc)
    ]


def test_every_parameter_is_described() -> None:
    found = undescribed_parameters()
    assert found == [], f"{len(found)} undescribed:\n" + "\n".join(found)


def test_a_parameter_without_words_is_found() -> None:
    def send(data: bytes, from_: str, *, pretty: bool = False) -> None: ...

    assert _undescribed("send", send, ":param data: the bytes.") == [
        "send(from_)",
        "send(pretty)",
    ]
    # written unescaped, ``from_`` renders as a link, not as the parameter
    doc = ":param data: the bytes.\n:param from_: the sender.\n:param bool pretty: indented."
    assert _undescribed("send", send, doc) == ["send(from_)"]
    assert _undescribed("send", send, doc.replace("from_", "from\\_")) == []


def test_a_third_party_args_section_reads_as_parameter_fields() -> None:
    class Borrowed:
        """A class from another library.

        Args:
            value: what it holds, written
                over two lines
        """

        def __init__(self, value: str) -> None: ...

    Borrowed.__module__ = "xsdata.models.datatype"
    shown = _shown_doc(Borrowed)
    assert ":param value: what it holds, written\n    over two lines" in shown
    assert "Args:" not in shown
    assert _undescribed("Borrowed", Borrowed, shown) == []
