"""The built site as a reader sees it, in headless Chromium, on a phone (390 px) and on a
desktop (1280 px): six key pages laid out without sideways scrolling, with readable text, names
broken only at word boundaries and diagrams whose labels are readable and apart; a rule id typed
into the search box finds its rule first; a copy button copies code that runs.

These checks need the Debian package ``chromium``: they run with ``pytest --browser``, which
``.ci/run`` does after installing it (see ``conftest.py``). A screenshot of each page at each
width is written to ``$DSM_SCREENSHOTS`` (a temporary folder when unset) for people to look at.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import DESKTOP, PHONE, Browser, browser
from docs_site import build

from dsm_messages import ORDERING_RULES, RULES

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
PROBE = (HERE / "layout_probe.js").read_text(encoding="utf-8")
KEY_PAGES = (
    "index",
    "guides/errata",
    "reference/messages/index",
    "reference/messages/wscn-createscanjobrequest",
    "reference/rules",
    "reference/states",
)
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("site"), builders=("html",)) / "html"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as running:
        yield running


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("DSM_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_probe_finds_what_it_looks_for(chromium: Browser, tmp_path: Path) -> None:
    """A page made of the defects the probe is for: it names each one."""
    page = tmp_path / "broken.html"
    page.write_text(
        """<!doctype html><meta name="viewport" content="width=device-width">
        <article>
        <div class="table-wrapper" style="overflow-x: auto"><table><tr>
        <td style="white-space: nowrap">a cell far wider than any phone could show in one
        line, however small its text, so that the table scrolls sideways</td>
        </tr></table></div>
        <p style="font-size: 8px">small print</p>
        <table><tr><td style="width: 4em; word-break: break-all">
        <code>dsp:CreatePostScanJobRequest</code></td></tr></table>
        <figure class="dsm-diagram"><svg viewBox="0 0 100 20" width="1000" height="200">
        <text x="0" y="10" font-size="10">first label</text>
        <text x="2" y="11" font-size="10">second label</text></svg></figure>
        </article>""",
        encoding="utf-8",
    )
    tab = chromium.tab(*PHONE)
    tab.open(page.as_uri())
    found = " | ".join(tab.evaluate(PROBE))
    for kind in (
        "the page is",
        "a table scrolls sideways",
        "text of 8 px",
        "a name breaks inside a word",
        "diagram labels overlap",
        "a diagram is wider than the window",
    ):
        assert kind in found, found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", KEY_PAGES)
def test_a_key_page_lays_out_at_both_widths(
    chromium: Browser, html: Path, screenshots: Path, name: str, width: str
) -> None:
    tab = chromium.tab(*WIDTHS[width])
    tab.open((html / f"{name}.html").as_uri())
    shot = screenshots / f"{name.replace('/', '_')}-{WIDTHS[width][0]}.png"
    tab.screenshot(shot)
    assert shot.stat().st_size > 10_000  # a page was drawn, not a blank
    assert tab.evaluate(PROBE) == []


def _first_results(tab: object, query: str) -> list[str]:
    """The links of the search page's results for ``query``, once the search has finished."""
    from browser import Tab

    assert isinstance(tab, Tab)
    for _ in range(200):
        done = tab.evaluate(
            "(() => { const s = document.querySelector('#search-results .search-summary');"
            " return s !== null && s.textContent.trim().length > 0; })()"
        )
        if done:
            break
        time.sleep(0.05)
    links: list[str] = tab.evaluate(
        "[...document.querySelectorAll('#search-results ul.search li > a')]"
        ".map((a) => a.getAttribute('href'))"
    )
    return links


def _searched_rules() -> list[str]:
    """Rule ids worth typing: the first and last of each protocol, and every id that starts
    another one (DSP-1 is in DSP-10, DSP-11 in DSP-11-OPEN)."""
    ids = [*RULES, *ORDERING_RULES]
    chosen = {ids[0], ids[-1]}
    for prefix in ("DSM-", "DSP-", "DSD-", "DSC-", "WSCN-", "WSA-"):
        group = [rule for rule in ids if rule.startswith(prefix)]
        chosen |= {group[0], group[-1]}
    chosen |= {rule for rule in ids if any(o != rule and o.startswith(rule) for o in ids)}
    return sorted(chosen)


def test_a_rule_id_typed_into_search_comes_first(chromium: Browser, html: Path) -> None:
    rules_page = (html / "reference" / "rules.html").read_text(encoding="utf-8")
    tab = chromium.tab(*DESKTOP)
    wrong = {}
    for rule in _searched_rules():
        tab.open((html / "search.html").as_uri() + f"?q={rule}")
        links = _first_results(tab, rule)
        first = links[0] if links else ""
        page, _, anchor = first.partition("#")
        heading = re.search(rf'id="{re.escape(anchor)}"></span><h3>([^<]+)<', rules_page)
        if page != "reference/rules.html" or heading is None or heading.group(1) != rule:
            wrong[rule] = links[:3]
    assert wrong == {}


def test_a_copy_button_copies_code_that_runs(chromium: Browser, html: Path) -> None:
    """The home page's example, copied with its button: prompts and output left out, and what
    is left runs as it is."""
    tab = chromium.tab(*DESKTOP)
    tab.open((html / "index.html").as_uri())
    # the function the buttons copy with is local to sphinx-copybutton's script: take it from
    # the script the page loads, with the site's configuration in it, and call it per button
    script = (html / "_static" / "copybutton.js").read_text(encoding="utf-8")
    found = re.search(
        r"function escapeRegExp.*?\nvar copyTargetText = \(trigger\) => \{.*?\n\}", script, re.S
    )
    assert found is not None
    copied: list[str] = tab.evaluate(
        found.group(0)
        + ";[...document.querySelectorAll('button.copybtn')].map((b) => copyTargetText(b))"
    )
    (example,) = [text for text in copied if "import" in text]
    assert ">>>" not in example
    assert "..." not in example.replace('"...', "")
    assert "DSP-1 dsp:InvalidArgs" not in example  # an output line
    exec(compile(example, "copied from the home page", "exec"), {"__name__": "__copied__"})
