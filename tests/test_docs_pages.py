"""What a reader of the built site sees: every page renders its markup (no directive or role
printed as text)."""

from __future__ import annotations

import html
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


# -- the API reference --------------------------------------------------------------------------

_SIGNATURE = re.compile(r'<dt class="sig [^"]*"[^>]*>(.*?)</dt>', re.S)
_FIELD_LIST = re.compile(r'<dl class="field-list[^"]*">(.*?)</dl>', re.S)
#: A name no reader should meet in a signature: a private one (``_utc_now``,
#: ``module._Private``; dunders such as ``__version__`` are public), or the repr of an object
#: standing in for its name.
LEAKS = {
    "private name": re.compile(r"(?<![\w])_(?!_)[A-Za-z]\w*|\._(?!_)[A-Za-z]\w*"),
    "object repr": re.compile(r"<(?:function|bound method|class|module) |object at 0x"),
    # an attrs class's generated __init__, read "as written"
    "generated default": re.compile(r"\battr_dict\[|=NOTHING\b"),
}


def leaks(text: str) -> list[str]:
    return [
        f"{kind}: {match.group(0)!r} in {' '.join(text.split())[:160]}"
        for kind, pattern in LEAKS.items()
        for match in pattern.finditer(text)
    ]


def test_leaks_are_recognised() -> None:
    assert leaks("Endpoint(role, *, clock=<function _utc_now>)")
    assert leaks("serialize(message, *, reply_to=_ForRequests.ANONYMOUS)")
    assert leaks("data (bytes | etree._Element)")
    assert leaks("Envelope(*, action, body, to=attr_dict['to'].default)")
    assert leaks("Envelope(*, action, body, header_attributes=NOTHING)")
    assert not leaks("dsm_messages.__version__ ; serialize(message, *, reply_to=FOR_REQUESTS)")


def test_no_signature_shows_a_private_name_or_a_repr(site: Path) -> None:
    """Signatures and their parameter and return types, on every page."""
    found = []
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for part in [*_SIGNATURE.findall(text), *_FIELD_LIST.findall(text)]:
            shown = html.unescape(re.sub(r"<[^>]+>", "", part))
            found += [f"{page.name}: {leak}" for leak in leaks(shown)]
    assert found == []


def test_no_name_is_documented_with_a_doubled_prefix(site: Path) -> None:
    doubled = [
        page.relative_to(site / "html").as_posix()
        for page in [*pages(site), site / "html" / "searchindex.js"]
        if "dsm_messages.dsm_messages." in page.read_text(encoding="utf-8")
    ]
    assert doubled == []
