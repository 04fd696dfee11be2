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
     attributes carry meaning) stay classes, and one that extends a type made simple declares
     the ``##other`` attributes it inherits, so that its class keeps them;
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

4. :func:`write_binding_plan` reads the finished classes with xsdata's own metadata and writes
   ``_binding_plan.py`` beside them: for each class, which field each child element and
   attribute fills, whether it repeats, and how its text becomes a value. The binder
   (``dsm_messages.binding``) walks a parsed tree with it instead of discovering the classes
   while it reads; a class or field the plan does not describe is read by xsdata itself.

5. ``tools/generate_tables.py`` writes the tables the validator reads instead of the models
   (``src/dsm_messages/schema_tables.py``), from the committed models and schemas.

xsdata writes a whole package tree (including a ``dsm_messages/__init__.py`` of its own), so it
runs in a scratch directory and only the ``models`` package is copied over.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import enum
import filecmp
import importlib.util
import inspect
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from datetime import datetime
from pathlib import Path
from types import ModuleType
from xml.etree.ElementTree import QName

from lxml import etree
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.models.elements import XmlMeta
from xsdata.models.datatype import XmlDuration

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
    simplified: set[str] = set()
    for name in PLAIN_VALUE_SCHEMAS:
        path = destination / name
        root = etree.parse(str(path)).getroot()
        simplified |= _leaf_values_as_simple_types(root)
        if name == "psp.xsd":
            root = _typed_filter_instructions(root)
        etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8")
    for path in sorted(destination.glob("*.xsd")):
        root = etree.parse(str(path)).getroot()
        if _keep_inherited_attribute_wildcards(root, simplified):
            etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="UTF-8")
    return destination / ENTRY_SCHEMA


def _leaf_values_as_simple_types(schema: etree._Element) -> set[str]:
    """Make each ``simpleContent`` extension that only adds ``anyAttribute`` a simple type;
    returns their names (Clark notation)."""
    simplified = set()
    namespace = schema.get("targetNamespace", "")
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
        simplified.add(f"{{{namespace}}}{complex_type.get('name', '')}")
    return simplified


def _keep_inherited_attribute_wildcards(schema: etree._Element, simplified: set[str]) -> bool:
    """Give back the attribute wildcard a type inherits from one made simple.

    A type that extends an ``...ExtType`` with attributes of its own (``wscn:MustHonor`` on
    ``ImagesToTransfer``) stays a class, and inherits the ``##other`` attributes of its base;
    once the base is a simple type, that wildcard must be declared on the extension itself, or
    the class has no field for a vendor attribute the schema allows (and it would be lost).
    Returns whether the schema changed."""
    changed = False
    for extension in schema.iter(f"{_XS}extension"):
        parent = extension.getparent()
        if parent is None or parent.tag != f"{_XS}simpleContent":
            continue
        prefix, _, local = (extension.get("base") or "").rpartition(":")
        base = f"{{{extension.nsmap.get(prefix or None, '')}}}{local}"
        if base not in simplified or extension.find(f"{_XS}anyAttribute") is not None:
            continue
        etree.SubElement(
            extension, f"{_XS}anyAttribute", namespace="##other", processContents="lax"
        )
        changed = True
    return changed


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
    # in a process of its own: the classes it imports to read their metadata must not linger
    # where xsdata (which finds classes by element name among all it can see) would find them
    _run([sys.executable, __file__, "--binding-plan", str(package)], cwd=output, env=env)
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


# --- stage 4 -------------------------------------------------------------------------------

PLAN_MODULE = "_binding_plan.py"
# How a value is read from its text (the binder's constants of the same names):
# STR: the text itself; MEMO: xsdata's conversion, the same for the same text (str, int, bool,
# string enums), so it is remembered; CONVERT: xsdata's conversion each time (a fresh object:
# datetime, bytes, durations); IN_SCOPE: xsdata's conversion with the element's in-scope
# namespaces (QName values and enums of them).
_VALUE_KINDS = ("STR", "MEMO", "CONVERT", "IN_SCOPE", "TOKENS")


def write_binding_plan(package: Path) -> None:
    """Write the binding plan of the finished package (see the module docstring, stage 4)."""
    fresh = _load_package(package)
    context = XmlContext()
    names = sorted(fresh)
    type_names: dict[object, str] = {
        str: "str", int: "int", bool: "bool", bytes: "bytes", float: "float",
        datetime: "datetime", QName: "QName", XmlDuration: "XmlDuration",
    }  # fmt: skip
    for module_name in names:
        for cls in _classes(fresh[module_name]):
            type_names[cls] = f"{module_name}.{cls.__name__}"
    entries: list[str] = []
    writes: list[str] = []
    for module_name in names:
        for cls in _classes(fresh[module_name]):
            if not dataclasses.is_dataclass(cls):
                continue
            meta = context.build(cls)
            plan = _class_plan(meta, type_names)
            if plan is not None:
                entries.append(f"    {type_names[cls]}: {plan},")
            writing = _write_plan(meta, type_names)
            if writing is not None:
                writes.append(f"    {type_names[cls]}: {writing},")
    lines = [
        '"""How each model class is read from a parsed element (generated by',
        "tools/generate_models.py from the classes beside it; never edited by hand).",
        "",
        "``PLANS[cls]`` is ``(element name, children, attributes, attribute wildcard field, text,",
        "element wildcard)``, the element wildcard ``(field, repeats)``: children map a Clark",
        "name to ``(field, repeats, how, target)``, where ``how`` is ``CLASS`` (``target`` the",
        "class) or a value kind (``target`` the types, in xsdata's order, and the format);",
        "attributes map a name to ``(field, how, types, format)``; ``text`` is such a tuple for",
        "the element's own text, or ``None``. A class missing here (a repeated name, mixed",
        "content, ...) is read by xsdata itself.",
        "",
        "``WRITES[cls]`` is ``(element name, attributes, content)``, each a tuple in the order",
        "xsdata writes them: attributes are ``(ATTRIBUTE, field, name, format)`` or",
        "``(ANY_ATTRIBUTES, field, None, None)``; content is ``(ELEMENT, field, name, repeats,",
        "class or None, format)``, ``(TEXT, field, None, False, None, format)`` or",
        "``(WILDCARD, field, None, repeats, None, None)``. A class missing here is written by",
        "xsdata itself.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from datetime import datetime",
        "from xml.etree.ElementTree import QName",
        "",
        "from xsdata.models.datatype import XmlDuration",
        "",
        f"from . import {', '.join(names)}",
        "",
        *(f"{kind} = {number}" for number, kind in enumerate(("CLASS", *_VALUE_KINDS))),
        "",
        "PLANS: dict[type, tuple] = {",
        *entries,
        "}",
        "",
        *(f"{kind} = {number}" for number, kind in enumerate(_WRITE_KINDS)),
        "",
        "WRITES: dict[type, tuple] = {",
        *writes,
        "}",
        "",
    ]
    (package / PLAN_MODULE).write_text("\n".join(lines), encoding="utf-8")


def _load_package(package: Path) -> dict[str, ModuleType]:
    """The freshly generated modules, imported under a private package name."""
    name = "_fresh_dsm_models"
    for loaded in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
        del sys.modules[loaded]
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    # (the package imports its modules on first use: each is imported by name)
    return {
        path.stem: importlib.import_module(f"{name}.{path.stem}")
        for path in sorted(package.glob("*.py"))
        if path.name != "__init__.py" and path.stem != PLAN_MODULE.removesuffix(".py")
    }


def _classes(module: ModuleType) -> list[type]:
    return [
        value
        for _, value in sorted(vars(module).items())
        if inspect.isclass(value) and value.__module__ == module.__name__
    ]


def _value_kind(types: tuple[type, ...]) -> str:
    if types == (str,):
        return "STR"
    if any(
        tp is QName or (isinstance(tp, type) and issubclass(tp, enum.Enum) and not
                        issubclass(tp, enum.StrEnum))
        for tp in types
    ):  # fmt: skip
        return "IN_SCOPE"
    if all(
        tp in (str, int, bool) or (isinstance(tp, type) and issubclass(tp, enum.StrEnum))
        for tp in types
    ):
        return "MEMO"
    return "CONVERT"


def _class_plan(meta: XmlMeta, type_names: dict[object, str]) -> str | None:
    """The plan literal of one class, or ``None`` when the binder must leave it to xsdata."""
    children: list[str] = []
    attributes: list[str] = []
    any_attributes = "None"
    text = "None"
    wildcard = "None"
    seen_children: set[str] = set()
    seen_attributes: set[str] = set()
    if meta.mixed_content:
        return None
    for var in meta.get_all_vars():
        if not var.init or var.nillable or var.wrapper or var.is_elements:
            return None
        if var.tokens and (
            var.is_attribute or var.clazz is not None or (var.is_element and var.list_element)
        ):
            return None  # the plan reads one list of values, an element's or its own text
        types = tuple(var.types)
        if var.is_wildcard:
            if var.mixed or wildcard != "None":
                return None
            wildcard = f"({var.name!r}, {var.list_element})"  # (one element, or a list)
            continue
        if any(tp not in type_names for tp in types):
            return None
        type_list = "(" + "".join(f"{type_names[tp]}, " for tp in types) + ")"
        fmt = repr(var.format)
        if var.is_element:
            if var.qname in seen_children:
                return None
            seen_children.add(var.qname)
            if var.clazz is not None:
                if len(types) != 1:
                    return None
                how = f"CLASS, {type_names[var.clazz]}"
            elif var.tokens:  # an xs:list: each whitespace-separated token converted
                how = f"TOKENS, ({type_list}, {fmt})"
            else:
                how = f"{_value_kind(types)}, ({type_list}, {fmt})"
            children.append(f"{var.qname!r}: ({var.name!r}, {var.list_element}, {how})")
        elif var.is_attribute:
            if var.qname in seen_attributes or var.list_element:
                return None
            seen_attributes.add(var.qname)
            how = _value_kind(types)
            attributes.append(f"{var.qname!r}: ({var.name!r}, {how}, {type_list}, {fmt})")
        elif var.is_attributes:
            any_attributes = repr(var.name)
        elif var.is_text:
            kind = "TOKENS" if var.tokens else _value_kind(types)
            if var.list_element and not var.tokens:
                return None
            text = f"({var.name!r}, {kind}, {type_list}, {fmt})"
        else:
            return None
    return (
        f"({meta.qname!r}, {{{', '.join(children)}}}, {{{', '.join(attributes)}}}, "
        f"{any_attributes}, {text}, {wildcard})"
    )


_WRITE_KINDS = ("ATTRIBUTE", "ANY_ATTRIBUTES", "ELEMENT", "TEXT", "WILDCARD")


def _write_plan(meta: XmlMeta, type_names: dict[object, str]) -> str | None:
    """The write plan literal of one class, or ``None`` when xsdata must write it."""
    if meta.mixed_content:
        return None
    attributes: list[str] = []
    for var in meta.get_attribute_vars():
        if var.is_attributes:
            attributes.append(f"(ANY_ATTRIBUTES, {var.name!r}, None, None)")
        elif var.is_attribute and var.init and not var.tokens and not var.list_element:
            attributes.append(f"(ATTRIBUTE, {var.name!r}, {var.qname!r}, {var.format!r})")
        else:
            return None
    content: list[str] = []
    for var in meta.get_element_vars():
        if (
            not var.init or var.nillable or var.tokens or var.wrapper or var.is_elements
            or var.sequence is not None or var.mixed or var.any_type
        ):  # fmt: skip
            return None
        if var.is_wildcard:
            content.append(f"(WILDCARD, {var.name!r}, None, {var.list_element}, None, None)")
        elif var.is_text:
            content.append(f"(TEXT, {var.name!r}, None, False, None, {var.format!r})")
        elif var.is_element:
            target = "None"
            if var.clazz is not None:
                if len(var.types) != 1 or var.clazz not in type_names:
                    return None
                target = type_names[var.clazz]
            content.append(
                f"(ELEMENT, {var.name!r}, {var.qname!r}, {var.list_element}, {target}, "
                f"{var.format!r})"
            )
        else:
            return None
    return (
        f"({meta.qname!r}, ({''.join(a + ', ' for a in attributes)}), "
        f"({''.join(c + ', ' for c in content)}))"
    )


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
    parser.add_argument("--binding-plan", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.binding_plan is not None:  # stage 4, run by generate() in a process of its own
        write_binding_plan(args.binding_plan)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate(Path(scratch))
        if args.check:
            diff = differences(fresh, MODELS)
            for name in diff:
                print(f"differs: {name}")
            return 1 if diff or _tables(check=True) else 0
        shutil.rmtree(MODELS, ignore_errors=True)
        shutil.copytree(fresh, MODELS, ignore=shutil.ignore_patterns("__pycache__"))
    return _tables(check=False)


def _tables(*, check: bool) -> int:
    """Write (or check) the validator's tables from the committed models and schemas, in a
    process of its own (tools/generate_tables.py): 0 when they are as written."""
    command = [sys.executable, str(Path(__file__).with_name("generate_tables.py"))]
    result = subprocess.run([*command, *(["--check"] if check else [])], check=False)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
