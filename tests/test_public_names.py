"""Every module says what is public (``__all__``), and what it calls public shows no private
name: a user reading ``help()`` or the reference meets only names they may use."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

import dsm_messages

PACKAGE = Path(dsm_messages.__file__).resolve().parent


def hand_written_modules() -> list[tuple[str, Path]]:
    """(dotted name, path) of every hand-written module of the package (models aside)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[0] == "models":
            continue
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(["dsm_messages", *parts]), path))
    return found


MODULES = hand_written_modules()
NAMES = [name for name, _ in MODULES]
#: A name that starts with an underscore, alone or after a dot (``_Element`` in
#: ``etree._Element``, ``_utc_now`` in a default's ``<function _utc_now at ...>``).
PRIVATE = re.compile(r"(?<![A-Za-z0-9])_[A-Za-z]\w*")


def declares_all(path: Path) -> bool:
    return any(
        isinstance(node, ast.Assign | ast.AnnAssign)
        and any(
            isinstance(target, ast.Name) and target.id == "__all__"
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
        for node in ast.parse(path.read_text(encoding="utf-8")).body
    )


@pytest.mark.parametrize(("name", "path"), MODULES, ids=NAMES)
def test_every_module_declares_what_is_public(name: str, path: Path) -> None:
    assert declares_all(path)
    module = importlib.import_module(name)
    missing = [public for public in module.__all__ if not hasattr(module, public)]
    assert missing == []


def private_names(obj: object) -> list[str]:
    """The private names the signature of ``obj`` shows (``[]`` when it has none)."""
    try:
        signature = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []  # no signature to show (a built-in, an enum's members)
    return PRIVATE.findall(str(signature))


def public_callables() -> list[tuple[str, object]]:
    found = []
    for name in NAMES:
        module = importlib.import_module(name)
        for public in module.__all__:
            obj = getattr(module, public)
            if callable(obj) and not inspect.ismodule(obj):
                found.append((f"{name}.{public}", obj))
    return found


def test_no_private_name_in_a_public_signature() -> None:
    callables = public_callables()
    assert len(callables) > 100  # the walk finds them
    shown = {name: found for name, obj in callables if (found := private_names(obj))}
    assert shown == {}


def test_a_private_name_is_seen_in_a_signature() -> None:
    def _clock() -> None:
        return None

    class _Hidden:
        pass

    def public(element: etree._Element, hidden: _Hidden, clock: object = _clock) -> None:  # type: ignore[name-defined]  # noqa: F821
        return None

    assert private_names(public) == ["_Element", "_Hidden", "_clock"]
    assert private_names(len) == []
