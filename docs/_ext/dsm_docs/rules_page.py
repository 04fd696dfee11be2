"""The rules page: every rule the validator and the conversation checker apply, first as one
table a reader can filter by protocol and by profile, then one section per rule (its anchor is
``#dsp-10`` and its label ``rule-DSP-10``) with its severities, its fault, its source as links,
the messages it is about and a violating example taken from the test suite; last, the numbers
of the WS-DSP and WS-DSD rule lists that have no rule, and why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dsm_messages import faults as fault_table
from dsm_messages.messages import MessageType
from dsm_messages.rules import PROFILES, Rule

from .applies import rules_for
from .sources import UNCHECKED, source_text
from .testcases import Examples
from .words import esc, heading, lit, natural_key, page_name, rule_label, rule_link, title_of

#: The group a rule is listed in, by the start of its id; ordering rules of any protocol
#: (``WSA-``, ``DSM-INVALID``) are "Any protocol".
GROUPS = {"DSP": "WS-DSP", "DSD": "WS-DSD", "DSC": "WS-DSC", "WSCN": "WS-Scan"}
VALIDATOR = "Validator"
ANY = "Any protocol"


def group_of(rule_id: str, validator: bool) -> str:
    if validator:
        return VALIDATOR
    return GROUPS.get(rule_id.partition("-")[0], ANY)


def fault_hint(fault: str | fault_table.Fault | None) -> str:
    if isinstance(fault, fault_table.Fault):
        return lit(str(fault))
    if fault is None:
        return "none"
    if fault == "InvalidArgs":
        return "``InvalidArgs`` (the protocol's own)"
    return lit(fault)


def _fault_words(fault: str | fault_table.Fault | None) -> str:
    """A fault as a table cell: its subcode in plain words, which wrap."""
    if fault is None:
        return "none"
    if fault == "InvalidArgs":
        return "InvalidArgs (the protocol's)"
    return esc(str(fault).partition(" ")[0])


def severities(rule: Rule) -> str:
    return ", ".join(f"{profile} **{rule.severity(profile)}**" for profile in PROFILES)


def one_severity(rule: Rule) -> str:
    """The severity of a rule, once when both profiles agree."""
    strict, lenient = rule.severity("strict"), rule.severity("lenient")
    return strict if strict == lenient else f"strict {strict}, lenient {lenient}"


def sentence(text: str) -> str:
    return esc(text[0].upper() + text[1:]) + "."


def _indented(text: str, pad: str = "   ") -> list[str]:
    return [pad + line if line.strip() else "" for line in text.splitlines()]


def _code(language: str, text: str) -> list[str]:
    return [f".. code-block:: {language}", "", *_indented(text), ""]


def _example_lines(rule_id: str, examples: Examples | None) -> list[str]:
    if examples is None:
        return []
    out = []
    for example in examples.validator.get(rule_id, [])[:1]:
        out += [f"The edit ({esc(example.description)}):", "", *_code("diff", example.diff)]
        reported = "\n".join(
            f"{profile}: {line}" for profile, lines in example.reported.items() for line in lines
        )
        out += ["What :func:`dsm_messages.validate` reports:", "", *_code("text", reported)]
    for ordering in examples.ordering.get(rule_id, [])[:1]:
        what = f" ({esc(ordering.description)})" if ordering.description else ""
        out += [
            f"A conversation that breaks it{what}; ``▶`` marks the message that does:",
            "",
            *_code("text", ordering.conversation),
        ]
        if ordering.reported:
            out += ["What ``check_sequence`` reports:", "", *_code("text", ordering.reported)]
    if not out:
        return []
    return [
        ".. raw:: html",
        "",
        '   <details class="dsm-example"><summary>A violating example</summary>',
        "",
        *out,
        ".. raw:: html",
        "",
        "   </details>",
        "",
    ]


def _rule_section(
    rule: Rule, named: Sequence[MessageType], examples: Examples | None
) -> list[str]:
    out = [f".. index:: ! single: {rule.id}", "", f".. _{rule_label(rule.id)}:", ""]
    out += [".. rst-class:: dsm-rule", "", *heading(rule.id, "~")]
    out += [
        f"{sentence(rule.summary)} Severity: {severities(rule)}. "
        f"Fault: {fault_hint(rule.fault)}. Source: {source_text(rule.id, rule.source)}.",
        "",
    ]
    if named:
        links = ", ".join(
            f":doc:`{title_of(spec)} <messages/{page_name(spec)}>`" for spec in named
        )
        out += [f"Messages: {links}.", ""]
    return out + _example_lines(rule.id, examples)


def _summary_table(rules: Mapping[str, Rule], ordering_rules: Mapping[str, Rule]) -> list[str]:
    out = [
        ".. raw:: html",
        "",
        '   <form class="dsm-filter" data-table="dsm-rules" hidden>',
        '   <label>Protocol <select name="group"><option value="">all</option></select></label>',
        '   <label>Profile <select name="profile"><option value="">any severity</option>'
        '<option value="strict:error">errors in strict</option>'
        '<option value="strict:warning">warnings in strict</option>'
        '<option value="lenient:error">errors in lenient</option>'
        '<option value="lenient:warning">warnings in lenient</option>'
        '<option value="differ">differ between strict and lenient</option></select></label>',
        '   <output aria-live="polite"></output>',
        "   </form>",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :class: dsm-rules",
        "",
        "   * - Rule",
        "     - Strict",
        "     - Lenient",
        "     - Fault",
        "     - What it means",
    ]
    for table in (rules, ordering_rules):
        for rule in sorted(table.values(), key=lambda r: natural_key(r.id)):
            out += [
                f"   * - {rule_link(rule.id)}",
                f"     - {rule.strict}",
                f"     - {rule.lenient}",
                f"     - {_fault_words(rule.fault)}",
                f"     - {sentence(rule.summary)}",
            ]
    return [*out, ""]


def _profiles(rules: Mapping[str, Rule], ordering_rules: Mapping[str, Rule]) -> list[str]:
    differ = [
        rule
        for table in (rules, ordering_rules)
        for rule in sorted(table.values(), key=lambda r: natural_key(r.id))
        if rule.strict != rule.lenient
    ]
    out = [
        "The ``strict`` profile is the specification as written plus the project's decisions; "
        "``lenient`` reads what real devices and Microsoft's examples send. They differ only "
        "in these rules, each an error in strict and a warning in lenient (the message is "
        "still read, and the warning names the deviation):",
        "",
    ]
    out += [f"- {rule_link(rule.id)}: {esc(rule.summary)}" for rule in differ]
    out.append("")
    ordering_differ = [rule for rule in differ if rule.id in ordering_rules]
    same = (
        "Every ordering rule is as severe in both profiles."
        if not ordering_differ
        else "Of the ordering rules only "
        + ", ".join(rule_link(rule.id) for rule in ordering_differ)
        + " are in this list (they judge what a peer answers a refusal with and the HTTP a "
        "message travelled in); every other is as severe in both profiles."
    )
    out += [
        f"{same} The profile of ``check-sequence`` (and of :func:`dsm_messages.check_sequence`) "
        "also decides how each message is read, so a message with a defect the lenient "
        "profile tolerates is a violation of :ref:`DSM-INVALID <rule-DSM-INVALID>` in strict "
        "and is replayed in lenient.",
        "",
    ]
    return out


def _gaps(ordering_rules: Mapping[str, Rule]) -> list[str]:
    numbered: dict[str, set[int]] = {}
    for rule_id in ordering_rules:
        found = re.fullmatch(r"(DSP|DSD)-(\d+)", rule_id)
        if found:
            numbered.setdefault(found.group(1), set()).add(int(found.group(2)))
    out = [
        "``DSP-n`` and ``DSD-n`` keep the numbers of the rule lists the project collected from "
        "the WS-DSP and WS-DSD reference pages. A number without a rule is a statement there is "
        "nothing to check against, or one another check covers:",
        "",
    ]
    for prefix, present in sorted(numbered.items()):
        for number in range(1, max(present) + 1):
            rule_id = f"{prefix}-{number}"
            if number not in present:
                why = UNCHECKED.get(rule_id, "not checked")
                out.append(f"- ``{rule_id}``: {esc(why)}.")
    return [*out, ""]


def rules_text(
    rules: Mapping[str, Rule],
    ordering_rules: Mapping[str, Rule],
    specs: Sequence[MessageType] = (),
    examples: Examples | None = None,
) -> str:
    """The rules page body (below its title)."""
    offending = examples.offending() if examples else {}
    out = [
        "Every problem :func:`dsm_messages.validate`, :class:`dsm_messages.Session` and the "
        "``dsm-messages`` command report names one of these rules. An **error** makes a message "
        "invalid (validator) or refuses it (conversation checker: it breaks a MUST and changes "
        "nothing); a **warning** is reported and the message accepted. The *fault* is what a "
        "receiver answers a request that breaks the rule with. Type a rule id into the search "
        "box to come straight to it.",
        "",
        *heading("All rules at a glance", "-"),
        "Pick a protocol or a profile to narrow the table.",
        "",
        *_summary_table(rules, ordering_rules),
        ".. _rules-strict-and-lenient:",
        "",
        *heading("Strict and lenient", "-"),
        *_profiles(rules, ordering_rules),
        *heading("Validator rules", "-"),
        "Checked within one message by :func:`dsm_messages.validate`, ``dsm-messages validate`` "
        "and every :class:`~dsm_messages.Endpoint` on receipt. Each example is the test suite's "
        "own case for the rule: it breaks exactly that rule.",
        "",
    ]
    for rule in sorted(rules.values(), key=lambda r: natural_key(r.id)):
        named = [spec for spec in specs if spec.qname in offending.get(rule.id, ())]
        out += _rule_section(rule, named, examples)
    about = {
        spec.qname: {r.id for r in rules_for(spec, ordering_rules, offending)} for spec in specs
    }
    groups: dict[str, list[Rule]] = {}
    for rule in sorted(ordering_rules.values(), key=lambda r: natural_key(r.id)):
        groups.setdefault(group_of(rule.id, validator=False), []).append(rule)
    for group, members in groups.items():
        out += heading(f"Ordering rules: {group}", "-")
        out += [
            "Checked across a conversation by :class:`dsm_messages.Session`, "
            ":func:`dsm_messages.check_sequence` and ``dsm-messages check-sequence``.",
            "",
        ]
        for rule in members:
            named = [spec for spec in specs if rule.id in about[spec.qname]]
            out += _rule_section(rule, named, examples)
    out += heading("Numbers without a rule", "-")
    out += _gaps(ordering_rules)
    return "\n".join(out)
