"""The layers of dsm-messages import one way: Catalog <- Wire <- Validation <- Ordering <- Public.

A module may import from its own layer and the layers below it, never above: the shared
vocabulary knows nothing of XML, the wire format nothing of validation, the validator nothing
of conversations. Every import counts, function-local ones included; only the imports under
``if TYPE_CHECKING:`` (annotations, which never run) do not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import dsm_messages

PACKAGE = Path(dsm_messages.__file__).resolve().parent

#: Each hand-written module (a package stands for all its modules), by the layer it belongs to.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "Catalog",
        frozenset(
            {
                "aliases",
                "content_models",
                "declarations",
                "errors",
                "faults",
                "job_vocabulary",
                "messages",
                "models",
                "namespaces",
                "rule_ids",
                "schema",
                "schema_tables",
                "timestamps",
                "ws_scan",
                "xml_types",
            }
        ),
    ),
    (
        "Wire",
        frozenset(
            {
                "_mime",
                "binding",
                "discovery",
                "element_text",
                "envelope",
                "leaf_values",
                "lexical",
                "mtom",
                "package_parts",
                "package_reader",
                "package_body",
                "safexml",
                "serializer",
                "unbindable",
                "vendor_values",
            }
        ),
    ),
    ("Validation", frozenset({"child_order", "parsing", "report", "rules", "validator"})),
    (
        "Ordering",
        frozenset(
            {
                "about_message",
                "job_states",
                "body_nodes",
                "message_facts",
                "ordering",
                "ordering_rules",
                "sequence",
                "session",
                "transcripts",
            }
        ),
    ),
    (
        "Public",
        frozenset(
            {"__init__", "cli", "conformance", "described", "endpoint", "incoming", "testing"}
        ),
    ),
)


def layer_of(module: str) -> int:
    """The rank of the layer a module of the package belongs to (its top-level name)."""
    top = module.split(".")[0]
    for rank, (_, names) in enumerate(LAYERS):
        if top in names:
            return rank
    raise LookupError(f"dsm_messages.{module} belongs to no layer: add it to LAYERS")


def modules() -> Iterator[tuple[str, Path]]:
    """Every hand-written module as (dotted name below the package, path)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).with_suffix("")
        if relative.parts[0] == "models":
            continue  # generated: imports only xsdata and its own kind
        parts = list(relative.parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        yield ".".join(parts), path


def _type_checking_only(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that runs: at the top, in functions, in branches."""
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        if _type_checking_only(node):
            assert isinstance(node, ast.If)
            pending.extend(node.orelse)  # the else branch runs
            continue
        pending.extend(ast.iter_child_nodes(node))


def imported(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """The package modules ``module`` imports (dotted below the package), with their line."""
    is_package = path.name == "__init__.py"
    here = module.split(".") if module != "__init__" else []
    base_parts = here if is_package else here[:-1]
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("dsm_messages."):
                    yield alias.name.removeprefix("dsm_messages."), node.lineno
            continue
        if node.level == 0:
            if node.module and node.module.startswith("dsm_messages."):
                yield node.module.removeprefix("dsm_messages."), node.lineno
            elif node.module == "dsm_messages":
                for alias in node.names:
                    yield _module_or_package([], alias.name), node.lineno
            continue
        parent = base_parts[: len(base_parts) - (node.level - 1)]
        target = [*parent, *(node.module.split(".") if node.module else [])]
        if node.module:
            yield ".".join(target), node.lineno
        else:
            for alias in node.names:
                yield _module_or_package(target, alias.name), node.lineno


def _module_or_package(package: list[str], name: str) -> str:
    """``from <package> import name``: a module of the package, or a name the package
    itself defines (its ``__init__``)."""
    found = PACKAGE.joinpath(*package, name)
    if found.with_suffix(".py").exists() or found.is_dir():
        return ".".join([*package, name])
    return ".".join(package) or "__init__"


MODULES = list(modules())


def test_every_module_has_a_layer() -> None:
    for module, _ in MODULES:
        layer_of(module)  # raises for a module nobody placed


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[name for name, _ in MODULES])
def test_imports_go_down_the_layers(module: str, path: Path) -> None:
    rank = layer_of(module)
    upward = [
        f"line {line}: {module} ({LAYERS[rank][0]}) imports {target} "
        f"({LAYERS[layer_of(target)][0]})"
        for target, line in imported(module, path)
        if layer_of(target) > rank
    ]
    assert upward == []


def test_the_walk_sees_function_local_imports(tmp_path: Path) -> None:
    source = tmp_path / "envelope.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from .faults import Fault\n"
        "if TYPE_CHECKING:\n"
        "    from .session import Session\n"
        "def parse() -> None:\n"
        "    from .validator import check\n",
        encoding="utf-8",
    )
    assert sorted(imported("envelope", source)) == [("faults", 2), ("validator", 6)]
    assert layer_of("validator") > layer_of("envelope")  # the edge the test would refuse


#: The most lines a hand-written module may hold: past it, a module holds more than one thing.
MAX_MODULE_LINES = 700
ROOT = PACKAGE.parent.parent


def hand_written_files() -> Iterator[Path]:
    """Every hand-written Python file of the package, the tools, the benchmarks and the
    examples (the generated models and tables aside)."""
    for folder in (PACKAGE, ROOT / "tools", ROOT / "bench", ROOT / "examples"):
        for path in sorted(folder.rglob("*.py")):
            if PACKAGE / "models" not in path.parents and path != PACKAGE / "schema_tables.py":
                yield path


def test_no_module_is_over_700_lines() -> None:
    files = list(hand_written_files())
    assert any(path.name == "cli.py" for path in files)  # the walk finds the modules
    over = {
        str(path.relative_to(ROOT)): lines
        for path in files
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert over == {}


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (function-local imports included, those under
    ``if TYPE_CHECKING:`` not), the generated models left out."""
    known = {module for module, _ in MODULES}
    graph: dict[str, set[str]] = {module: set() for module in known}
    for module, path in MODULES:
        for target, _ in imported(module, path):
            while target not in known and "." in target:
                target = target.rpartition(".")[0]  # a name a module defines, not a module
            if target in known and target.split(".")[0] != "models":
                graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of ``graph``: each strongly connected group of more than one module
    (or a module importing itself), sorted (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph[node]:
                    found.append(sorted(group))
    return sorted(found)


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert graph["validator"] >= {"validator.entry_points"}  # the walk sees package modules
    assert cycles(graph) == []


def test_a_cycle_is_found_inside_a_layer_and_through_function_local_imports(
    tmp_path: Path,
) -> None:
    envelope, mtom = tmp_path / "envelope.py", tmp_path / "mtom.py"
    envelope.write_text("def read() -> None:\n    from .mtom import parse_package\n")
    mtom.write_text("from .envelope import read\n")
    graph = {
        "envelope": {target for target, _ in imported("envelope", envelope)},
        "mtom": {target for target, _ in imported("mtom", mtom)},
        "rules": {"envelope"},
    }
    assert layer_of("envelope") == layer_of("mtom")
    assert cycles(graph) == [["envelope", "mtom"]]
    assert cycles({"a": {"a"}, "b": set()}) == [["a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
