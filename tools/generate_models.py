"""Regenerate ``src/dsm_messages/models`` from ``xsd/`` with the pinned xsdata and ruff.

Usage::

    python tools/generate_models.py            # rewrite src/dsm_messages/models
    python tools/generate_models.py --check    # exit 1 if the committed models differ

The models are for people who write and read plain Python values, so the generator works in
three stages, each a function below:

1. :func:`derive_binding_schemas` copies ``xsd/`` into a scratch directory and rewrites the copy
   (never ``xsd/`` itself, which stays the schema messages are validated against):

   - a leaf value whose type only adds ``##other`` attributes to a simple type (the DSM
     ``...ExtType`` pattern: ``String255ExtType``, ``JobStateExtType``, ...) becomes that simple
     type, so ``JobToken`` is a ``str``, ``ImagesReceived`` an ``int`` and ``JobState`` a
     well-known value or a vendor keyword, in the DSM namespaces; types that add attributes of
     their own (``wscn:MustHonor``) and the WS-Addressing, WS-Eventing and SOAP types (whose
     attributes carry meaning) stay classes;
   - a filter's ``psp:Instructions`` gets one optional field per known filter dialect
     (``emlf:EmailConfig``, ``fsf:FileShareConfig``, ``spf:SharePointConfig``) before its
     wildcard, which still carries vendor dialects.

2. xsdata generates the package from the derived copy.

3. :func:`finish_package` post-processes the generated text: value sets become ``StrEnum``
   (``state == "Processing"`` and ``f"{state}"`` work); ``xs:dateTime`` fields are ``datetime``
   (read as :class:`dsm_messages.timestamps.Timestamp`, which remembers its lexical form); an
   element class with no fields of its own repeats its type's field documentation, so
   ``help()`` shows it; wildcards bind any namespace (the schemas, not the binder, decide which
   they admit); the package's ``__init__`` exports the namespace modules only, so every class
   has one name, ``models.<prefix>.<Class>``, and imports each on first use.

xsdata writes a whole package tree (including a ``dsm_messages/__init__.py`` of its own), so it
runs in a scratch directory and only the ``models`` package is copied over.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".xsdata.xml"
SCHEMAS = ROOT / "xsd"
ENTRY_SCHEMA = "dsm.xsd"
MODELS = ROOT / "src" / "dsm_messages" / "models"

XS = "http://www.w3.org/2001/XMLSchema"
_XS = f"{{{XS}}}"

# Namespaces whose leaf values are plain values in the models (stage 1).
PLAIN_VALUE_SCHEMAS = (
    "dsc.xsd",
    "dsd.xsd",
    "dsp.xsd",
    "emlf.xsd",
    "fsf.xsd",
    "psp.xsd",
    "spf.xsd",
    "spx.xsd",
    "wscn.xsd",
)

# The known filter dialects: schema file, namespace, element (stage 1).
_FILTERS = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter"
FILTER_DIALECTS = (
    ("emlf.xsd", f"{_FILTERS}/email", "EmailConfig"),
    ("fsf.xsd", f"{_FILTERS}/fileshare", "FileShareConfig"),
    ("spf.xsd", f"{_FILTERS}/sharepoint", "SharePointConfig"),
)


# --- stage 1 -------------------------------------------------------------------------------


def derive_binding_schemas(destination: Path) -> Path:
    """Copy ``xsd/`` to ``destination``, rewritten for plain-value models; return the entry."""
    shutil.copytree(SCHEMAS, destination)
    for name in PLAIN_VALUE_SCHEMAS:
        path = destination / name
        root = etree.parse(str(path)).getroot()
        _leaf_values_as_simple_types(root)
        if name == "psp.xsd":
            root = _typed_filter_instructions(root)
        etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8")
    return destination / ENTRY_SCHEMA


def _leaf_values_as_simple_types(schema: etree._Element) -> None:
    """Make each ``simpleContent`` extension that only adds ``anyAttribute`` a simple type."""
    for complex_type in schema.findall(f"{_XS}complexType"):
        extension = complex_type.find(f"{_XS}simpleContent/{_XS}extension")
        if extension is None:
            continue
        added = [child for child in extension if isinstance(child.tag, str)]
        if [child.tag for child in added] != [f"{_XS}anyAttribute"]:
            continue
        simple = etree.Element(f"{_XS}simpleType", name=complex_type.get("name", ""))
        simple.extend(complex_type.findall(f"{_XS}annotation"))
        etree.SubElement(simple, f"{_XS}restriction", base=extension.get("base", ""))
        complex_type.addprevious(simple)
        schema.remove(complex_type)


def _typed_filter_instructions(schema: etree._Element) -> etree._Element:
    """Give ``psp:FilterInstructionType`` a field per known dialect ahead of its wildcard.

    Returns the new root: lxml cannot add a namespace declaration to an existing element, so the
    root is rebuilt with one prefix per dialect namespace.
    """
    prefixes = {namespace: f"dialect{i}" for i, (_, namespace, _) in enumerate(FILTER_DIALECTS)}
    nsmap: dict[str | None, str] = dict(schema.nsmap)
    nsmap.update({prefix: namespace for namespace, prefix in prefixes.items()})
    root = etree.Element(schema.tag, attrib=dict(schema.attrib), nsmap=nsmap)
    root.text = schema.text
    root.extend(list(schema))
    first_definition = root.find(f"{_XS}simpleType")
    assert first_definition is not None
    for schema_file, namespace, _ in FILTER_DIALECTS:
        first_definition.addprevious(
            etree.Element(f"{_XS}import", namespace=namespace, schemaLocation=schema_file)
        )
    sequence = root.find(f"{_XS}complexType[@name='FilterInstructionType']/{_XS}sequence")
    wildcard = None if sequence is None else sequence.find(f"{_XS}any")
    assert wildcard is not None, "psp.xsd no longer declares FilterInstructionType's wildcard"
    for _, namespace, element in FILTER_DIALECTS:
        ref = etree.Element(f"{_XS}element", ref=f"{prefixes[namespace]}:{element}", minOccurs="0")
        note = etree.SubElement(etree.SubElement(ref, f"{_XS}annotation"), f"{_XS}documentation")
        note.text = f"The instructions of the {element} filter dialect, typed."
        wildcard.addprevious(ref)
    documentation = root.find(
        f"{_XS}complexType[@name='FilterInstructionType']/{_XS}annotation/{_XS}documentation"
    )
    assert documentation is not None
    documentation.text = (
        "Filter instructions: one of the known dialects' configurations, or vendor elements."
    )
    return root


# --- stage 2 -------------------------------------------------------------------------------


def generate(destination: Path) -> Path:
    """Generate the models package under ``destination`` and return the package directory."""
    entry = derive_binding_schemas(destination / "xsd")
    env = _tool_environment()
    xsdata = shutil.which("xsdata", path=env["PATH"])
    if xsdata is None:
        raise SystemExit("xsdata is not installed; install the project with its 'test' extra")
    output = destination / "out"
    output.mkdir()
    _run([xsdata, "generate", "--config", str(CONFIG), str(entry)], cwd=output, env=env)
    package = output / "dsm_messages" / "models"
    finish_package(package)
    _format(package, env)
    return package


def _tool_environment() -> dict[str, str]:
    env = dict(os.environ)
    # xsdata formats its output by calling `ruff` by name: make it find the pinned one next to us.
    env["PATH"] = sysconfig.get_path("scripts") + os.pathsep + env.get("PATH", "")
    return env


def _run(command: list[str], *, cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")


def _format(package: Path, env: dict[str, str]) -> None:
    """Format the post-processed package exactly as xsdata formats its own output."""
    ruff = shutil.which("ruff", path=env["PATH"])
    if ruff is None:
        raise SystemExit("ruff is not installed; install the project with its 'test' extra")
    import xsdata.formats.dataclass as templates

    config = Path(templates.__file__).parent / "ruff.toml"
    common = ["--no-cache", "--config", str(config), "--config", "line-length=99"]
    fix = ["--fix", "--unsafe-fixes", "--exit-zero"]
    _run([ruff, "check", *common, *fix, str(package)], cwd=package, env=env)
    _run([ruff, "format", *common, str(package)], cwd=package, env=env)


# --- stage 3 -------------------------------------------------------------------------------


def finish_package(package: Path) -> None:
    """Post-process the generated modules (see the module docstring, stage 3)."""
    modules = sorted(path for path in package.glob("*.py") if path.name != "__init__.py")
    for path in modules:
        text = path.read_text(encoding="utf-8")
        text = _value_sets_as_str_enums(text)
        text = _datetimes(text)
        text = _element_docstrings(text)
        text = _wildcards_bind_any_namespace(text)
        path.write_text(text, encoding="utf-8")
    names = [path.stem for path in modules]
    lines = [
        '"""The DSM message models, one module per namespace (generated; never edited by hand).',
        "",
        "Every class has one name, ``models.<prefix>.<Class>``: ``models.dsp.JobStatusType``.",
        "A namespace's module is imported when it is first used (``models.dsp``, or",
        "``from dsm_messages.models import dsp``): a program loads only the namespaces it uses.",
        '"""',
        "",
        "from importlib import import_module",
        "from typing import TYPE_CHECKING, Any",
        "",
        "if TYPE_CHECKING:",
        *(f"    from . import {name}" for name in names),
        "",
        f"__all__ = {names!r}",
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        "    if name not in __all__:",
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        '    return import_module(f"{__name__}.{name}")',
        "",
        "",
        "def __dir__() -> list[str]:",
        "    return sorted({*globals(), *__all__})",
        "",
    ]
    (package / "__init__.py").write_text("\n".join(lines), encoding="utf-8")


def _wildcards_bind_any_namespace(text: str) -> str:
    """Let wildcards bind elements and attributes of any namespace.

    XML Schema reads ``##other`` against the namespace of the schema that declares the
    wildcard; xsdata reads it against the namespace of the element that uses the type, so a
    WS-Addressing endpoint reference used as ``wse:SubscriptionManager`` refused a vendor
    ``wse:`` element the schema allows. Which namespaces a wildcard admits is the validator's
    question (it reads ``xsd/``); the binder only has to keep what is there.
    """
    return text.replace('"namespace": "##other",', '"namespace": "##any",')


def _value_sets_as_str_enums(text: str) -> str:
    """Make every enum whose values are all strings a ``StrEnum`` (QName-valued ones stay)."""
    names = [
        node.name
        for node in ast.parse(text).body
        if isinstance(node, ast.ClassDef)
        and [ast.unparse(base) for base in node.bases] == ["Enum"]
        and all(
            isinstance(item.value, ast.Constant) and isinstance(item.value.value, str)
            for item in node.body
            if isinstance(item, ast.Assign)
        )
    ]
    for name in names:
        text = text.replace(f"class {name}(Enum):", f"class {name}(StrEnum):")
    if names:
        still_enum = re.search(r"^class \w+\(Enum\):", text, flags=re.M) is not None
        imported = "Enum, StrEnum" if still_enum else "StrEnum"
        text = text.replace("from enum import Enum\n", f"from enum import {imported}\n")
    return text


def _datetimes(text: str) -> str:
    if "XmlDateTime" not in text:
        return text
    imports = re.compile(r"^from xsdata\.models\.datatype import (.*)$", re.M)
    match = imports.search(text)
    assert match is not None, "XmlDateTime used but not imported from xsdata.models.datatype"
    others = [name.strip() for name in match.group(1).split(",") if name.strip() != "XmlDateTime"]
    replacement = "from datetime import datetime\n"
    if others:
        replacement += f"from xsdata.models.datatype import {', '.join(others)}\n"
    text = text[: match.start()] + replacement + text[match.end() + 1 :]
    return re.sub(r"\bXmlDateTime\b", "datetime", text)


def _element_docstrings(text: str) -> str:
    """Give each field-less subclass its base's ``:ivar`` documentation."""
    tree = ast.parse(text)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in classes.values():
        if len(node.bases) != 1 or not isinstance(node.bases[0], ast.Name):
            continue
        base = classes.get(node.bases[0].id)
        has_fields = any(isinstance(item, ast.AnnAssign) for item in node.body)
        if base is None or has_fields or not _is_docstring(node.body[0]):
            continue
        fields = _ivar_section(ast.get_docstring(base, clean=True) or "")
        if not fields:
            continue
        own = ast.get_docstring(node, clean=True) or ""
        doc_node = node.body[0]
        assert doc_node.end_lineno is not None
        indent = " " * (node.col_offset + 4)
        body = "\n".join(indent + line if line else "" for line in (own, "", *fields))
        edits.append(
            (doc_node.lineno - 1, doc_node.end_lineno, f'{indent}"""\n{body}\n{indent}"""\n')
        )
    for start, end, replacement in sorted(edits, reverse=True):
        lines[start:end] = [replacement]
    return "".join(lines)


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _ivar_section(docstring: str) -> list[str]:
    lines = docstring.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(":ivar ")), None)
    return [] if start is None else lines[start:]


# --- driver --------------------------------------------------------------------------------


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths of files that differ, or exist on one side only."""
    out: list[str] = []
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        for name in cmp.common_files:
            if (Path(cmp.left) / name).read_bytes() != (Path(cmp.right) / name).read_bytes():
                out.append(prefix + name)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(comparison, "")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, change nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate(Path(scratch))
        if args.check:
            diff = differences(fresh, MODELS)
            for name in diff:
                print(f"differs: {name}")
            return 1 if diff else 0
        shutil.rmtree(MODELS, ignore_errors=True)
        shutil.copytree(fresh, MODELS, ignore=shutil.ignore_patterns("__pycache__"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
