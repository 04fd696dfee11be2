"""Each rule is decided in one place: its table row. Changing a row's severity is a one-line
edit, and the validator, the conversation checker and the documentation's rules page all
follow it; no code outside the tables names a rule by its text or decides a severity."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import dsm_messages
from dsm_messages import (
    ORDERING_RULES,
    RULES,
    RemoteProtocolError,
    Session,
    check_sequence,
    serialize,
    validate,
)
from dsm_messages.models import dsp
from dsm_messages.rule_ids import DscRule, DsdRule, DsmRule, DspRule, RuleId, WsaRule, WscnRule
from dsm_messages.testing.conversations import SCAN_SERVER, Conversation

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from dsm_docs import pages  # noqa: E402

PACKAGE = Path(dsm_messages.__file__).resolve().parent
TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"
ENUMS: tuple[type[RuleId], ...] = (DsmRule, DspRule, DsdRule, DscRule, WscnRule, WsaRule)
RULE_ID = re.compile(r"^(DSM|DSP|DSD|DSC|WSA)-[A-Z0-9-]+$")


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    following = re.search(r"\n\.\. _rule-", text[start + 1 :])
    return text[start : start + 1 + following.start()] if following else text[start:]


# -- every id has exactly one row --------------------------------------------------------------


def test_every_rule_id_has_exactly_one_row() -> None:
    # every protocol's enum is listed (other tests invent enums of their own)
    assert set(ENUMS) == {e for e in RuleId.__subclasses__() if e.__module__.startswith("dsm_")}
    members = [member for enum in ENUMS for member in enum]
    rows = [*RULES, *ORDERING_RULES]
    assert sorted(members) == sorted(rows)
    for table in (RULES, ORDERING_RULES):
        for key, row in table.items():
            assert key is row.id  # keyed by the enum member itself


# -- a severity change is a one-line table edit -------------------------------------------------


def _padded_to() -> bytes:
    request = dsp.EndPostScanJobRequest(job_token=TOKEN)
    data = serialize(request, to=SCAN_SERVER, reply_to=dsm_messages.ANONYMOUS)
    return data.replace(f">{SCAN_SERVER}<".encode(), f">  {SCAN_SERVER}  <".encode())


def test_a_validator_rule_follows_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = DsmRule.URI_WHITESPACE
    before = validate(_padded_to(), profile="lenient")
    assert before.valid
    assert [(p.rule, p.severity) for p in before.problems] == [(rule, "warning")]
    page = _section(pages.rules_text(RULES, ORDERING_RULES), rule)
    assert "lenient **warning**" in page

    monkeypatch.setitem(RULES, rule, attrs.evolve(RULES[rule], lenient="error"))

    after = validate(_padded_to(), profile="lenient")
    assert not after.valid
    assert [(p.rule, p.severity) for p in after.problems] == [(rule, "error")]
    assert "lenient **error**" in _section(pages.rules_text(RULES, ORDERING_RULES), rule)


def _image_after_end() -> tuple[list[dsm_messages.Envelope], int]:
    """A job whose device sends SendImage after EndPostScanJob (DSP-10), and where."""
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.image(TOKEN, 1)
    end = c.end(TOKEN)
    late = c.send_image(TOKEN, 2)
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return c.messages, c.messages.index(late)


def test_an_ordering_rule_follows_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = DspRule.R10
    messages, late = _image_after_end()
    refused = check_sequence(messages)
    assert [(p.index, p.rule, p.severity) for p in refused.violations] == [(late, rule, "error")]
    observer = Session("observer")
    for index, message in enumerate(messages[:late]):
        observer.observe(message, index=index)
    with pytest.raises(RemoteProtocolError) as caught:
        observer.observe(messages[late], index=late)
    assert (caught.value.rule, caught.value.index) == (rule, late)
    assert "strict **error**" in _section(pages.rules_text(RULES, ORDERING_RULES), rule)

    monkeypatch.setitem(ORDERING_RULES, rule, attrs.evolve(ORDERING_RULES[rule], strict="warning"))

    accepted = check_sequence(messages)
    assert accepted.violations == ()
    # accepted now, and (as the story never answers it) left unanswered
    assert [(p.index, p.rule) for p in accepted.warnings] == [
        (late, rule),
        (late, DspRule.R17_UNANSWERED),
    ]
    observer = Session("observer")
    for index, message in enumerate(messages):
        observer.observe(message, index=index)
    assert [(p.index, p.rule, p.severity) for p in observer.warnings] == [(late, rule, "warning")]
    assert "strict **warning**" in _section(pages.rules_text(RULES, ORDERING_RULES), rule)


def test_a_warning_made_an_error_refuses_the_message(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = DspRule.R6  # a job ended with no image sent
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    end = c.end(TOKEN)
    accepting = Session("observer")
    for message in c.messages:
        accepting.observe(message)
    assert [p.rule for p in accepting.warnings] == [rule]
    monkeypatch.setitem(
        ORDERING_RULES,
        rule,
        attrs.evolve(ORDERING_RULES[rule], strict="error", fault="dsp:InvalidArgs"),
    )
    observer = Session("observer")
    for message in c.messages[:-1]:
        observer.observe(message)
    with pytest.raises(RemoteProtocolError) as caught:
        observer.observe(end)
    assert (caught.value.rule, caught.value.envelope) == (rule, end)
    assert caught.value.fault == dsm_messages.faults.DSP_INVALID_ARGS


# -- nothing outside the tables names a rule by its text or decides a severity -----------------


def _constants(tree: ast.AST) -> Iterator[ast.Constant]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in docstrings:
            yield node


def _sources() -> Iterator[tuple[Path, ast.AST]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "models" not in path.relative_to(PACKAGE).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_code_names_rules_by_enum_member() -> None:
    found = [
        f"{path.name}:{node.lineno} {node.value!r}"
        for path, tree in _sources()
        if path.name != "rule_ids.py"
        for node in _constants(tree)
        if isinstance(node.value, str) and RULE_ID.match(node.value)
    ]
    assert found == []


def test_only_the_tables_say_how_severe_a_rule_is() -> None:
    deciding = {"strict", "lenient", "severity"}
    found = [
        f"{path.name}:{keyword.value.lineno} {keyword.arg}={keyword.value.value!r}"
        for path, tree in _sources()
        if path.name not in ("rules.py", "ordering_rules.py")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and not (isinstance(node.func, ast.Name) and node.func.id == "zip")  # zip(strict=)
        for keyword in node.keywords
        if keyword.arg in deciding and isinstance(keyword.value, ast.Constant)
    ]
    # (a stored package whose MIME headers cannot be read asks its rule's row too)
    assert found == []
