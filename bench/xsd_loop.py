"""The comparator of the command-line rows: lxml alone, no dsm-messages, in one process.

Usage: python bench/xsd_loop.py SCHEMA PATH...

Compiles SCHEMA (``dsm.xsd``, which imports every namespace) offline as
:func:`dsm_messages.schema.load_schema` does, then for each ``*.xml`` file below each PATH (or
PATH itself), in path order: read it, parse it with entities and the network off, and
``XMLSchema.validate`` it. Prints how many files were checked and how many were invalid.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from lxml import etree


def files(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        for folder, _, names in os.walk(path):
            found.extend(Path(folder) / n for n in names if n.endswith(".xml"))
        yield from sorted(found)


def main() -> None:
    schema_path, *paths = sys.argv[1:]
    offline = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    schema = etree.XMLSchema(etree.parse(schema_path, offline))
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=False)
    checked = invalid = 0
    for path in files(paths):
        root = etree.fromstring(path.read_bytes(), parser)
        checked += 1
        invalid += not schema.validate(root)
    print(f"{checked} files checked: {checked - invalid} valid, {invalid} invalid")


if __name__ == "__main__":
    main()
