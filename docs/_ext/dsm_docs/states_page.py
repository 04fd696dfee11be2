"""The state diagrams page, drawn at build time from the transition tables the conversation
checker looks every move up in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dsm_messages import job_states
from dsm_messages.ordering_rules import ORDERING_RULES

from . import diagrams

# What each drawn table is, in a sentence; a table without one still gets its drawing.
_TABLE_TEXT = {
    "post_scan_job": "A WS-DSP or WS-DSC post-scan job as its status and end-state events "
    "report it. Final states are drawn double; a state may repeat, so self-loops are left out; "
    "a move any state before the end may make is drawn once, in bold, from the box around "
    "them.",
    "dsd_job": "A WS-DSD scan job on the device, as its job events and job lists report it.",
    "filter": "One filter of a post-scan job, as a job's FilterStatus reports it.",
    "dsp_job_phases": "A WS-DSP job as its device and scan server see it: the messages that "
    "move it from phase to phase. A message missing from a phase breaks the rule named in the "
    "table below, if any.",
}


def _refusal_rows(refusals: Sequence[job_states.Transitions]) -> list[str]:
    """Each rule a table's refused moves break, linked to its section of the rules page."""
    rows = []
    for table in refusals:
        protocol = table.protocol.upper()
        for key, rule in table.overrides.items():
            if isinstance(key, tuple):
                where = f"``{key[1]}`` in ``{key[0]}``"
            else:
                where = f"a move out of ``{key}``"
            rows.append(f"- {protocol}, {where}: {_breaks(rule)}")
        if table.rule is not None:
            rows.append(f"- {protocol}, any other move: {_breaks(table.rule)}")
    return rows


def _breaks(rule: str) -> str:
    severity = ORDERING_RULES[rule].severity("strict")
    return f"breaks :ref:`{rule} <rule-{rule}>` ({severity})"


def states_page(outdir: Path | None = None) -> str:
    """The state diagrams page, each diagram drawn now from the table the checker uses (and
    saved full size below ``outdir``, the site being built, when given)."""
    out = [".. _states:", "", "State diagrams", "==============", ""]
    out += [
        "Drawn at build time from the transition tables in :mod:`dsm_messages.job_states`, "
        "the same tables the conversation checker looks every move up in.",
        "",
    ]
    drawings: list[tuple[str, str, list[str]]] = []
    for name, (table, final) in job_states.TABLES.items():
        refusals = job_states.REFUSALS[name]
        rows = [
            f"- ``{state}`` → "
            + (", ".join(f"``{after}``" for after in sorted(nexts - {state})) or "(final)")
            for state, nexts in table.items()
        ]
        rows += ["", *_refusal_rows(refusals)]
        drawings.append((name, diagrams.state_svg(name, table, final, refusals), rows))
    phase_refusals = job_states.REFUSALS["dsp_job_phases"]
    phase_rows = [
        f"- ``{phase}``: "
        + ", ".join(f"``{message}`` → ``{after}``" for message, after in moves.items())
        for phase, moves in job_states.DSP_JOB_PHASES.items()
    ]
    phase_rows += ["", *_refusal_rows(phase_refusals)]
    drawings.append(
        (
            "dsp_job_phases",
            diagrams.phases_svg("dsp_job_phases", job_states.DSP_JOB_PHASES, phase_refusals),
            phase_rows,
        )
    )
    for name, svg, rows in drawings:
        title = f"``{name}``"
        out += [title, "-" * len(title), ""]
        if name in _TABLE_TEXT:
            out += [_TABLE_TEXT[name], ""]
        if outdir is not None:
            diagrams.save(svg, name, outdir)
        html = diagrams.figure(
            svg, name, depth=1, caption="Select the drawing to open it full size."
        )
        out += [".. raw:: html", "", *[f"   {line}" for line in html.splitlines()]]
        out += ["", "The same table in words:", "", *rows, ""]
    return "\n".join(out)
