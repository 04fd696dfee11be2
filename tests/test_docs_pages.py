"""What a reader of the built site sees: every page renders its markup (no directive or role
printed as text)."""

from __future__ import annotations

import re
from pathlib import Path

from docs_site import pages, prose

#: Markup that a page must never print: a reST directive or directive option, a reST role or a
#: MyST role, as written in a source file.
RAW_MARKUP = {
    "reST directive": re.compile(r"(?:^|\s)\.\. [a-z][\w:-]*::"),
    "directive option": re.compile(r"(?:^|\s):(?:header-rows|widths|caption|language|maxdepth):"),
    "reST role": re.compile(r"(?:^|(?<=[\s(])):[a-z]+(?::[a-z]+)?:`"),
    "MyST role": re.compile(r"(?:^|(?<=[\s(]))\{[a-z]+(?::[a-z]+)?\}`"),
}


def raw_markup(text: str) -> list[str]:
    """Each piece of markup left as text, with what it is."""
    found = []
    for kind, pattern in RAW_MARKUP.items():
        for match in pattern.finditer(text):
            around = " ".join(text[max(match.start() - 30, 0) : match.end() + 30].split())
            found.append(f"{kind}: ...{around}...")
    return found


def test_raw_markup_is_recognised() -> None:
    """The check finds what the broken pages printed (a table directive read as Markdown)."""
    assert raw_markup(".. list-table::\n:header-rows: 1\n* - Constant in :mod:`dsm_messages`")
    assert raw_markup("see {doc}`/guides/faults` for more")
    assert not raw_markup("dsp:InvalidArgs (soap:Sender): the message is invalid. Done.")
    assert not raw_markup("an address that is a `urn:uuid:` URI")


def test_no_page_prints_markup(site: Path) -> None:
    printed = {
        page.relative_to(site / "html").as_posix(): found
        for page in pages(site)
        if (found := raw_markup(prose(page)))
    }
    assert printed == {}
