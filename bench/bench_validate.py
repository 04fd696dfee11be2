"""Cost of validation and of the conversation checker.

Usage: python bench/bench_validate.py

- validate(): median time per message, strict and lenient, for every example message (and the
  bare XSD validation of the same tree with lxml, for comparison);
- check_sequence(): median time per message over each example conversation, messages parsed
  beforehand.
"""

from __future__ import annotations

import statistics
import timeit
from pathlib import Path

from dsm_messages import check_sequence, load_schema, parse, validate
from dsm_messages.envelope import Envelope
from dsm_messages.mtom import split_message
from dsm_messages.safexml import parse_xml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def median_us(statement: object, number: int = 100) -> float:
    runs = timeit.repeat(statement, repeat=5, number=number)  # type: ignore[arg-type]
    return statistics.median(runs) / number * 1e6


def read(path: Path) -> Envelope:
    if path.suffix == ".mime":
        content_type, body = split_message(path.read_bytes())
        return parse(body, content_type=content_type)
    return parse(path.read_bytes())


def main() -> None:
    schema = load_schema()
    print(f"{'message':45} {'xsd only':>10} {'strict':>10} {'lenient':>10}  (µs)")
    for path in sorted(EXAMPLES.glob("*.xml")):
        data = path.read_bytes()
        bare = median_us(lambda data=data: schema.validate(parse_xml(data)))
        strict = median_us(lambda data=data: validate(data))
        lenient = median_us(lambda data=data: validate(data, profile="lenient"))
        print(f"{path.name:45} {bare:10.0f} {strict:10.0f} {lenient:10.0f}")
    print()
    for folder in sorted((EXAMPLES / "conversations").iterdir()):
        envelopes = [read(path) for path in sorted(folder.iterdir())]
        total = median_us(lambda envelopes=envelopes: check_sequence(envelopes), number=50)
        print(f"check_sequence {folder.name:30} {total / len(envelopes):8.0f} µs/message")


if __name__ == "__main__":
    main()
