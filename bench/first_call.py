"""One first call in a fresh process, timed from before its imports: ``ours`` imports
dsm_messages and validates the file; ``lxml`` imports lxml, compiles the shipped schema
(dsm.xsd) and parses and validates the same file with it; ``stack`` does what ``lxml`` does
after importing attrs too, as any library built on the required stack (lxml for the XML,
attrs for its value types) must before its own code runs. Prints the seconds taken.

Usage: python bench/first_call.py ours FILE | python bench/first_call.py lxml|stack FILE XSD
"""

from __future__ import annotations

import sys
import time

__all__ = ["main"]


def main(argv: list[str]) -> int:
    which, path, *schema_path = argv
    with open(path, "rb") as stored:
        data = stored.read()
    started = time.perf_counter()
    if which == "ours":
        from dsm_messages import validate

        valid = validate(data).valid
    else:
        if which == "stack":
            import attrs  # noqa: F401 (importing it is what is timed)
        from lxml import etree

        schema = etree.XMLSchema(etree.parse(schema_path[0]))
        valid = schema.validate(etree.fromstring(data))
    elapsed = time.perf_counter() - started
    assert valid, path
    print(f"{elapsed:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
