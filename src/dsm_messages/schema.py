"""The compiled DSM schema set.

The XSDs ship inside the package (``dsm_messages/xsd``) and are located with
:mod:`importlib.resources` (the package's own directory when it is installed as one), never
relative to a checkout. They are compiled once per process.
Compilation never touches the network, and any problem libxml2 reports while compiling, a
warning included, is an error: an ``xs:import`` that cannot be resolved is only a warning to
libxml2 and would otherwise leave a namespace silently unvalidated.

>>> schema = load_schema()
>>> from lxml import etree
>>> schema.validate(etree.fromstring(
...     b'<dsp:EndPostScanJobRequest xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/'
...     b'wdp/distributedscan/processing"><dsp:JobToken>264a19bf</dsp:JobToken>'
...     b'</dsp:EndPostScanJobRequest>'))
True
"""

from __future__ import annotations

import functools
import os
from contextlib import ExitStack
from typing import TYPE_CHECKING

from lxml import etree

from .errors import SchemaCompileError

if TYPE_CHECKING:  # imported where a Path is made: finding the shipped schemas needs none
    from pathlib import Path

__all__ = [
    "ENTRY_SCHEMA",
    "compile_schema",
    "load_schema",
    "schema_dir",
]

#: File name of the entry schema that imports every namespace.
ENTRY_SCHEMA = "dsm.xsd"


def compile_schema(path: str | os.PathLike[str]) -> etree.XMLSchema:
    """Compile the schema at ``path`` offline; raise :class:`SchemaCompileError` on any problem."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    try:
        document = etree.parse(str(path), parser)
        schema = etree.XMLSchema(document)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        log = getattr(exc, "error_log", None)
        problems = [_describe(entry) for entry in log] if log else []
        raise SchemaCompileError(problems or [str(exc)]) from None
    problems = [_describe(entry) for entry in schema.error_log]
    if problems:
        raise SchemaCompileError(problems)
    return schema


def _describe(entry: etree._LogEntry) -> str:
    return f"{entry.filename}:{entry.line}: {entry.level_name}: {entry.message}"


#: The shipped schemas' directory when the package is installed as a directory (the one
#: :mod:`importlib.resources` names).
_ON_DISK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "xsd")
_ON_DISK_SCHEMA = os.path.join(_ON_DISK, ENTRY_SCHEMA)


@functools.cache
def _schema_dir() -> Path:
    from pathlib import Path

    if os.path.isfile(_ON_DISK_SCHEMA):  # a package on disk
        return Path(_ON_DISK)
    from importlib import resources  # (imported when needed: it costs what a first call does)

    # The package may be installed as a zip: keep the extracted copy for the life of the process.
    stack = ExitStack()
    directory = stack.enter_context(resources.as_file(resources.files(__package__) / "xsd"))
    _keep.append(stack)
    return Path(directory)


_keep: list[ExitStack] = []


def schema_dir() -> Path:
    """Directory holding the shipped XSD files (one per namespace, plus ``dsm.xsd``)."""
    return _schema_dir()


@functools.cache
def load_schema() -> etree.XMLSchema:
    """The compiled schema set, compiled on first use and shared afterwards."""
    if os.path.isfile(_ON_DISK_SCHEMA):  # (no Path made: a first call costs less)
        return compile_schema(_ON_DISK_SCHEMA)
    return compile_schema(schema_dir() / ENTRY_SCHEMA)
