"""The conformance kit's probes as reStructuredText definition lists (the table directives'
text is reStructuredText on every page, Markdown ones included): what each probe checks and
does, read from the probes themselves, and the rules a receiver refuses that no probe breaks,
with the reason."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dsm_messages.conformance import Probe
from dsm_messages.conformance.model import rule_row, source_text

from .words import esc, rule_link

_NEEDS = {
    "events": "an event listener",
    "operator": "someone at the device to press Scan",
    "dsp": "the scan server's WS-DSP address too",
}


def _rule(rule: str) -> str:
    return rule_link(rule)


def probes_text(probes: Sequence[Probe], protocol: str) -> str:
    """The probes of ``protocol``: the conversations, then one entry per refusal."""
    chosen = [probe for probe in probes if probe.protocol == protocol]
    conversations = [probe for probe in chosen if probe.kind == "conversation"]
    refusals = [probe for probe in chosen if probe.kind == "refusal"]
    out: list[str] = []
    if conversations:
        out += [
            f"**Conversations** ({len(conversations)}): each judges every message the target "
            f"sends against the {len(conversations[0].rules)} rules its side keeps (valid in "
            f"the strict profile, answers paired with their requests by "
            f"{_rule(conversations[0].rule)}, states and events in order).",
            "",
        ]
        out += _entries(conversations, cite=False)
    if refusals:
        out += [
            f"**Refusals** ({len(refusals)}): each sends one message that breaks its rule and "
            "expects the fault the rule's row names, with its HTTP status, related to the "
            "request.",
            "",
        ]
        out += _entries(refusals, cite=True)
    return "\n".join(out)


def _entries(probes: Sequence[Probe], *, cite: bool) -> list[str]:
    out = []
    for probe in probes:
        term = f"``{probe.id}``: {esc(probe.summary)}"
        if cite:
            row = rule_row(probe.rule)
            term += f" ({_rule(probe.rule)}, {esc(source_text(row.source))})"
        out += [term, f"   {esc(probe.steps)}"]
        needs = [_NEEDS[need] for need in sorted(probe.needs) if need in _NEEDS]
        if needs:
            out += ["", f"   Needs {' and '.join(needs)}."]
        out.append("")
    return out


def unprobed_text(not_probed: Mapping[str, str]) -> str:
    """The rules a receiver refuses that no probe breaks, each with its reason."""
    out = []
    for rule, reason in not_probed.items():
        row = rule_row(rule)
        out += [
            f"{_rule(rule)}: {esc(row.summary)}",
            f"   {esc(reason[:1].upper() + reason[1:])}.",
            "",
        ]
    return "\n".join(out)
