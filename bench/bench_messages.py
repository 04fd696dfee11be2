"""Per-message cost of dsm-messages against bare lxml and against xsdata used directly.

Usage: python bench/bench_messages.py

For each example envelope in examples/: the median time of
- lxml: parse the bytes (hardened parser settings) / tostring of the tree,
- xsdata: XmlParser().from_bytes(data, soap.Envelope) / XmlSerializer().render(model), defaults,
- dsm-messages: envelope.parse(data) (hardened parse, header typing, body binding) /
  envelope.serialize(body, ...) (registry action, prefix clean-up).
"""

from __future__ import annotations

import statistics
import timeit
from pathlib import Path

from lxml import etree
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.serializers import XmlSerializer

from dsm_messages.envelope import parse, serialize
from dsm_messages.models import soap
from dsm_messages.safexml import parse_xml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def median_us(statement: object, repeat: int = 7, number: int = 200) -> float:
    runs = timeit.repeat(statement, repeat=repeat, number=number)  # type: ignore[arg-type]
    return statistics.median(runs) / number * 1e6


def measure(data: bytes) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(parse times, serialize times) for lxml, xsdata and dsm-messages, in microseconds."""
    root = parse_xml(data)
    xsdata_parser = XmlParser()
    serializer = XmlSerializer()
    envelope = parse(data)
    model = xsdata_parser.from_bytes(data, soap.Envelope)
    parse_times = (
        median_us(lambda: parse_xml(data)),
        median_us(lambda: xsdata_parser.from_bytes(data, soap.Envelope)),
        median_us(lambda: parse(data)),
    )
    write_times = (
        median_us(lambda: etree.tostring(root)),
        median_us(lambda: serializer.render(model)),
        median_us(
            lambda: serialize(
                envelope.body,
                to=envelope.to or "",
                action=envelope.action,
                message_id=envelope.message_id,
            )
        ),
    )
    return parse_times, write_times


def main() -> None:
    rows = []
    for path in sorted(EXAMPLES.glob("*.xml")):
        data = path.read_bytes()
        if etree.QName(parse_xml(data)).localname == "Envelope":
            rows.append((path.name, *measure(data)))
    for title, column in (("parse", 1), ("serialize", 2)):
        print(f"{'message':42s} {'lxml':>8s} {'xsdata':>8s} {'dsm':>8s}   ({title}, microseconds)")
        for row in rows:
            times = row[column]
            assert isinstance(times, tuple)
            print(f"{row[0]:42s} {times[0]:8.1f} {times[1]:8.1f} {times[2]:8.1f}")
        print()


if __name__ == "__main__":
    main()
