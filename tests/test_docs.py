"""The documentation site: it builds with no warning, its code runs and type-checks, and its
generated reference follows the schemas and tables it is generated from."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import attrs
import pytest
import tutorial_pages
from commands import installed_command
from lxml import etree

import dsm_messages
from dsm_messages import MESSAGE_TYPES, RULES, by_qname
from dsm_messages.job_states import DSP_JOB_PHASES, FILTER_STATES, FINAL_FILTER_STATES, TABLES
from dsm_messages.mtom import split_message
from dsm_messages.ordering_rules import ORDERING_RULES, DspRule
from dsm_messages.rules import Profile, Rule, RuleId

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from dsm_docs import diagrams, pages, samples  # noqa: E402
from dsm_docs.schema_tree import SchemaSet  # noqa: E402

XS = "http://www.w3.org/2001/XMLSchema"
DSP = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"


# -- the build ----------------------------------------------------------------------------------


def test_the_site_builds_without_a_warning(site: Path) -> None:
    index = (site / "html" / "index.html").read_text(encoding="utf-8")
    assert "Distributed Scan Management" in index


def test_every_code_example_ran_and_passed(site: Path) -> None:
    summary = (site / "doctest" / "output.txt").read_text(encoding="utf-8")
    ran = re.search(r"Doctest summary\s*=+\s*(\d+) tests?\s", summary)
    assert ran is not None, summary
    examples = sum(
        code.count("\n>>>") + code.startswith(">>>")
        for code in (
            "\n".join(re.findall(r"```\{doctest\}\n(.*?)```", text, flags=re.S))
            for text in _pages_text().values()
        )
    )
    # the generated pages (written by the build) show the Python that builds each message
    generated = sum(
        len(re.findall(r"^\s+>>> ", path.read_text(encoding="utf-8"), flags=re.M))
        for path in (DOCS / "reference").rglob("*.rst")
    )
    assert generated >= 3 * len(MESSAGE_TYPES)
    assert int(ran.group(1)) == examples + generated
    assert "0 failures in tests" in summary
    assert "0 failures in setup code" in summary


def test_every_message_type_has_its_page(site: Path) -> None:
    for spec in MESSAGE_TYPES:
        page = site / "html" / "reference" / "messages" / f"{pages.page_name(spec)}.html"
        text = page.read_text(encoding="utf-8")
        assert pages.title_of(spec) in text
        assert spec.model.__qualname__ in text
        if spec.action:
            assert spec.action in text
        assert 'class="highlight-xml' in text or 'class="highlight-text' in text


def test_every_rule_has_a_stable_anchor(site: Path) -> None:
    text = (site / "html" / "reference" / "rules.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="([^"]+)"', text))
    for rule_id in [*RULES, *ORDERING_RULES]:
        assert rule_id.lower() in anchors, rule_id
        assert f"rule-{rule_id.lower()}" in anchors, rule_id


def _drawings(page: Path) -> list[tuple[str, str]]:
    """(link, inline SVG) of every drawing of a built page."""
    text = page.read_text(encoding="utf-8")
    return re.findall(
        r'<figure class="dsm-diagram"><a class="dsm-diagram-link" href="([^"]+)"[^>]*>'
        r"\s*(<svg.*?</svg>)",
        text,
        flags=re.S,
    )


def test_state_diagrams_are_svg_drawn_from_the_tables(site: Path) -> None:
    drawings = _drawings(site / "html" / "reference" / "states.html")
    assert len(drawings) == len(TABLES) + 1  # and the WS-DSP phases
    for (_, drawing), (table, _) in zip(drawings, TABLES.values(), strict=False):
        for state in table:
            assert f">{state}</text>" in html.unescape(drawing)
    _, phases = drawings[-1]
    for phase, moves in DSP_JOB_PHASES.items():
        assert f">{phase}</text>" in phases
        for message in moves:
            assert message in phases


def test_every_drawing_fits_a_column_and_opens_full_size(site: Path) -> None:
    """Drawn at most 560 px wide, a drawing shown in a phone's 358 px column keeps its labels
    at two thirds of their size or more; each links to its own file, the same drawing."""
    pages = [
        site / "html" / "reference" / "states.html",
        *(site / "html" / "guides").glob("*.html"),
    ]
    drawings = [drawing for page in pages for drawing in _drawings(page)]
    assert len(drawings) >= len(TABLES) + 1 + 4  # and the four shipped conversations
    for page in pages:
        for link, svg in _drawings(page):
            assert diagrams.width(svg) <= 560, link
            assert "Times" not in svg  # the site's font, not the browser's default serif
            linked = (page.parent / link).resolve().read_text(encoding="utf-8")
            assert svg.strip() in linked


def test_the_site_needs_no_network_to_view(site: Path) -> None:
    for page in (site / "html").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:[^"]+)"', text):
            pytest.fail(f"{page.name} loads {url}")


# -- the generated pages follow their inputs -----------------------------------------------------


def _section(text: str, heading: str) -> str:
    """The body of the section titled ``heading`` in generated reStructuredText."""
    start = text.index(f"\n{heading}\n")
    following = re.search(r"\n\.\. _rule-", text[start + 1 :])
    end = start + 1 + following.start() if following else len(text)
    return text[start:end]


def test_the_rules_page_follows_the_rule_table() -> None:
    code = "DSM-TIME-ZONE"
    rule = RULES[code]
    flipped = dict(RULES)
    flipped[code] = attrs.evolve(rule, lenient="error" if rule.lenient == "warning" else "warning")
    before = _section(pages.rules_text(RULES, ORDERING_RULES), code)
    after = _section(pages.rules_text(flipped, ORDERING_RULES), code)
    assert f"lenient **{rule.lenient}**" in before
    assert f"lenient **{flipped[code].lenient}**" in after


def test_the_rules_page_follows_the_ordering_rules() -> None:
    changed = dict(ORDERING_RULES)
    changed[DspRule.R10] = attrs.evolve(ORDERING_RULES["DSP-10"], strict="warning")
    assert "strict **error**" in _section(pages.rules_text(RULES, ORDERING_RULES), "DSP-10")
    assert "strict **warning**" in _section(pages.rules_text(RULES, changed), "DSP-10")


def _page(spec: dsm_messages.MessageType, schemas: SchemaSet, rules: Mapping[str, Rule]) -> str:
    return pages.message_page(spec, schemas, rules, samples.Sample(text="<x/>", origin=""))


def test_a_message_page_follows_the_xsd_documentation(tmp_path: Path) -> None:
    schemas = tmp_path / "xsd"
    shutil.copytree(dsm_messages.schema_dir(), schemas)
    tree = etree.parse(str(schemas / "dsp.xsd"))
    declaration = tree.find(
        f".//{{{XS}}}complexType[@name='CreatePostScanJobRequestType']//{{{XS}}}element"
        "[@name='UserIdentifier']"
    )
    assert declaration is not None
    documentation = declaration.find(f"{{{XS}}}annotation/{{{XS}}}documentation")
    assert documentation is not None
    original = documentation.text or ""
    documentation.text = "The SID of whoever scanned, as a changed schema says."
    tree.write(str(schemas / "dsp.xsd"))
    spec = by_qname(f"{{{DSP}}}CreatePostScanJobRequest")
    assert spec is not None
    before = _page(spec, SchemaSet.load(dsm_messages.schema_dir()), ORDERING_RULES)
    after = _page(spec, SchemaSet.load(schemas), ORDERING_RULES)
    assert pages.esc(original) in before
    assert "The SID of whoever scanned, as a changed schema says." in after
    assert pages.esc(original) not in after


def test_a_message_page_follows_the_schema_structure(tmp_path: Path) -> None:
    schemas = tmp_path / "xsd"
    shutil.copytree(dsm_messages.schema_dir(), schemas)
    text = (schemas / "dsp.xsd").read_text(encoding="utf-8")
    # the String255 limit of dsp becomes 128
    (schemas / "dsp.xsd").write_text(
        text.replace('<xs:maxLength value="255"/>', '<xs:maxLength value="128"/>'),
        encoding="utf-8",
    )
    spec = by_qname(f"{{{DSP}}}EndPostScanJobRequest")
    assert spec is not None
    assert "at most 255 characters" in _page(
        spec, SchemaSet.load(dsm_messages.schema_dir()), ORDERING_RULES
    )
    assert "at most 128 characters" in _page(spec, SchemaSet.load(schemas), ORDERING_RULES)


class _Invented(RuleId):
    DSP_99 = "DSP-99"


def test_a_message_page_lists_the_ordering_rules_that_name_it() -> None:
    spec = by_qname(f"{{{DSP}}}GetPostScanJobElementsRequest")
    assert spec is not None
    schemas = SchemaSet.load(dsm_messages.schema_dir())
    changed: dict[str, Rule] = dict(ORDERING_RULES)
    changed["DSP-99"] = Rule(
        id=_Invented.DSP_99,
        strict="warning",
        lenient="warning",
        summary="GetPostScanJobElements asked twice in one second",
        source="wsdp.md 10.99",
    )
    assert "DSP-99" not in _page(spec, schemas, ORDERING_RULES)
    assert ":ref:`DSP-99 <rule-DSP-99>`" in _page(spec, schemas, changed)
    rule_section = _section(pages.rules_text(RULES, changed, MESSAGE_TYPES), "DSP-99")
    assert f"<messages/{pages.page_name(spec)}>" in rule_section


def test_a_message_page_follows_the_message_table() -> None:
    spec = by_qname(f"{{{DSP}}}EndPostScanJobRequest")
    assert spec is not None
    schemas = SchemaSet.load(dsm_messages.schema_dir())
    moved = attrs.evolve(spec, alternative_actions=("urn:example:end-post-scan-job",))
    assert "urn:example:end-post-scan-job" not in _page(spec, schemas, ORDERING_RULES)
    assert "urn:example:end-post-scan-job" in _page(moved, schemas, ORDERING_RULES)


def test_a_state_diagram_follows_its_table() -> None:
    extended = {state: set(nexts) for state, nexts in FILTER_STATES.items()}
    extended["Processing"].add("Archived")
    extended["Archived"] = set()
    assert ">Archived</text>" not in diagrams.state_svg(
        "filter", FILTER_STATES, FINAL_FILTER_STATES
    )
    drawing = diagrams.state_svg("filter", extended, FINAL_FILTER_STATES)
    assert ">Archived</text>" in drawing


def test_a_generated_example_follows_the_schema(tmp_path: Path) -> None:
    """The example of a message without a shipped one is written from its schema tree."""
    spec = by_qname(f"{{{DSP}}}GetPostScanJobElementsRequest")
    assert spec is not None
    body = samples.generated_body(SchemaSet.load(dsm_messages.schema_dir()), spec)
    assert b"RequestedElements" in body
    schemas = tmp_path / "xsd"
    shutil.copytree(dsm_messages.schema_dir(), schemas)
    text = (schemas / "dsp.xsd").read_text(encoding="utf-8")
    (schemas / "dsp.xsd").write_text(
        text.replace('name="RequestedElements"', 'name="WantedElements"'), encoding="utf-8"
    )
    assert b"WantedElements" in samples.generated_body(SchemaSet.load(schemas), spec)


# -- the guides' claims -----------------------------------------------------------------------


def _cell_codes(cell: str) -> tuple[bool, set[str]]:
    verdict, _, codes = cell.strip().partition(":")
    assert verdict in ("valid", "invalid"), cell
    return verdict == "valid", set(re.findall(r"\{ref\}`([A-Z0-9-]+) <", codes))


def test_the_errata_page_says_what_the_validator_does(doc_examples: Path) -> None:
    """Each row of the errata tables names an example of Microsoft's and what each profile
    reports for it; the validator must report exactly that."""
    text = (DOCS / "guides" / "errata.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+\.(?:xml|mime))` \|[^|]*\|([^|]*)\|([^|]*)\|$", text, re.M)
    assert len(rows) == len(
        [path for path in doc_examples.iterdir() if path.suffix in (".xml", ".mime")]
    )
    for name, strict, lenient in rows:
        data = (doc_examples / name).read_bytes()
        content_type = None
        if name.endswith(".mime"):
            content_type, data = split_message(data)
        cells: tuple[tuple[Profile, str], ...] = (("strict", strict), ("lenient", lenient))
        for profile, cell in cells:
            report = dsm_messages.validate(data, profile=profile, content_type=content_type)
            valid, codes = _cell_codes(cell)
            assert (report.valid, {problem.code for problem in report.problems}) == (
                valid,
                codes,
            ), (name, profile)


def _pages_text() -> dict[str, str]:
    return {
        path.relative_to(DOCS).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(DOCS.rglob("*.md"))
        if "_build" not in path.parts
    }


def _doctest_code(text: str) -> str:
    """The Python source of every ``doctest`` block of a page, in order, outputs left out."""
    lines = []
    for block in re.findall(r"```\{doctest\}\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            if line.startswith((">>> ", "... ")) or line in (">>>", "..."):
                lines.append(line[4:])
    return "\n".join(lines) + "\n"


def test_the_code_on_the_pages_type_checks(tmp_path: Path) -> None:
    """mypy --strict on every doctest block, and on every tutorial's code as a reader runs
    it (its pasted code, sessions and saved files, in order)."""
    files = []
    for name, text in _pages_text().items():
        code = _doctest_code(text)
        if code.strip():
            path = tmp_path / (re.sub(r"\W", "_", name.removesuffix(".md")) + ".py")
            path.write_text(code, encoding="utf-8")
            files.append(str(path))
    for page in tutorial_pages.pages():
        path = tmp_path / f"tutorial_{page.path.stem.replace('-', '_')}.py"
        path.write_text(tutorial_pages.python_source(page), encoding="utf-8")
        files.append(str(path))
    assert len(files) >= 10
    result = subprocess.run(
        [installed_command("mypy"), "--strict", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_namespace_table_follows_the_schema_files(tmp_path: Path) -> None:
    schemas = tmp_path / "xsd"
    shutil.copytree(dsm_messages.schema_dir(), schemas)
    text = (schemas / "fsf.xsd").read_text(encoding="utf-8")
    (schemas / "fsf.xsd").write_text(
        text.replace("Instructions of the file-share post-scan filter.", "Where scans are filed."),
        encoding="utf-8",
    )
    assert "Instructions of the file-share post-scan filter." in pages.namespaces_table(
        SchemaSet.load(dsm_messages.schema_dir())
    )
    assert "Where scans are filed." in pages.namespaces_table(SchemaSet.load(schemas))
