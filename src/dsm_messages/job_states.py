"""The transition tables of DSM jobs and filters, as data, with the rule each refused move
breaks, and their Graphviz drawings.

``{state: {next state, ...}}``: a state missing from a set is a move the model does not allow.
A :class:`Transitions` puts a table to work for one protocol: the rule a refused move breaks
(one for the table, overrides for the moves out of a state or for one edge). The conversation
checker asks :func:`refused_by` and nowhere else; the documentation diagrams are drawn from the
same tables, with the rules, by :func:`to_dot`.

>>> "Processing" in DSD_JOB_STATES["Started"]
True
>>> refused_by(DSD_JOB_MOVES, "Terminating", "Processing")
'DSD-4'
>>> refused_by(DSD_JOB_MOVES, "Held", "Processing")
'DSD-3'
>>> print(to_dot("filter", FILTER_STATES, FINAL_FILTER_STATES).splitlines()[0])
digraph filter {
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Set

import attrs

from .job_vocabulary import (
    FINAL_FILTER_STATES,
    FINAL_JOB_STATES,
    REASONS_FOR_FINAL_STATE,
    completion_problem,
    is_final_or_vendor,
    is_vendor,
    leaves_final,
    reasons_fit,
)
from .ordering_rules import DscRule, DsdRule, DspRule
from .rules import RuleId

__all__ = [
    "DSC_FILTER_MOVES",
    "DSC_JOB_MOVES",
    "DSD_FIRST_STATES",
    "DSD_JOB_MOVES",
    "DSD_JOB_STATES",
    "DSP_FILTER_MOVES",
    "DSP_JOB_MOVES",
    "DSP_JOB_PHASES",
    "DSP_PHASE_MOVES",
    "DSP_REFUSED_BY",
    "FILTER_STATES",
    "FINAL_FILTER_STATES",
    "FINAL_JOB_STATES",
    "POST_SCAN_JOB_STATES",
    "REASONS_FOR_FINAL_STATE",
    "REFUSALS",
    "TABLES",
    "Transitions",
    "allowed",
    "completion_problem",
    "is_final_or_vendor",
    "is_vendor",
    "leaves_final",
    "phases_to_dot",
    "reasons_fit",
    "refused_by",
    "to_dot",
]

# WS-DSP and WS-DSC post-scan jobs (wsdp.md rule 28, wsdsc-and-schemas.md 9.2). Started and
# Terminating may be skipped (Windows never reports Terminating); Pending-Held is entered and
# left only by means outside the protocol. A state may repeat: a status event can report new
# reasons, filters or counts only.
POST_SCAN_JOB_STATES: Mapping[str, Set[str]] = {
    "Creating": {
        "Creating",
        "Pending",
        "Pending-Held",
        "Started",
        "Processing",
        "Completed",
        "Terminating",
        "Canceled",
        "Aborted",
    },
    "Pending": {
        "Pending",
        "Pending-Held",
        "Started",
        "Processing",
        "Completed",
        "Terminating",
        "Canceled",
        "Aborted",
    },
    "Pending-Held": {"Pending-Held", "Pending", "Terminating", "Canceled", "Aborted"},
    "Started": {"Started", "Processing", "Completed", "Terminating", "Canceled", "Aborted"},
    "Processing": {"Processing", "Completed", "Terminating", "Canceled", "Aborted"},
    "Terminating": {"Terminating", "Canceled", "Aborted"},
    "Completed": set(),
    "Canceled": set(),
    "Aborted": set(),
}

# WS-DSD scan jobs (wsdsd.md section 7, inferred there from the state descriptions).
DSD_JOB_STATES: Mapping[str, Set[str]] = {
    "Creating": {
        "Creating",
        "Pending",
        "Held",
        "Started",
        "Processing",
        "Terminating",
        "Aborted",
        "Canceled",
    },
    "Pending": {"Pending", "Held", "Started", "Processing", "Terminating", "Aborted", "Canceled"},
    "Held": {"Held", "Pending", "Terminating", "Aborted", "Canceled"},
    "Started": {"Started", "Processing", "Completed", "Terminating", "Aborted", "Canceled"},
    "Processing": {"Processing", "Completed", "Terminating", "Aborted", "Canceled"},
    "Terminating": {"Terminating", "Canceled", "Aborted"},
    "Completed": set(),
    "Canceled": set(),
    "Aborted": set(),
}
DSD_FIRST_STATES: Set[str] = frozenset({"Creating", "Pending", "Started"})

# Post-scan filters (wsdp.md rule 32, wsdsc-and-schemas.md 9.1).
FILTER_STATES: Mapping[str, Set[str]] = {
    "Pending": {
        "Pending",
        "Processing",
        "Canceled",
        "CompletedSuccessfully",
        "CompletedWithErrors",
        "CompletedWithWarnings",
    },
    "Processing": {
        "Processing",
        "Canceled",
        "CompletedSuccessfully",
        "CompletedWithErrors",
        "CompletedWithWarnings",
    },
    "Canceled": {"Canceled"},
    "CompletedSuccessfully": {"CompletedSuccessfully"},
    "CompletedWithErrors": {"CompletedWithErrors"},
    "CompletedWithWarnings": {"CompletedWithWarnings"},
}
# A WS-DSP job as its device and scan server see it, h11-style: {phase: {message: next phase}}.
# Requests move the phase when sent (a device must not send SendImage once EndPostScanJob is on
# its way); GetPostScanJobElements and status events never move it. A message missing from a
# phase is refused for the rule REFUSED_BY names.
DSP_JOB_PHASES: Mapping[str, Mapping[str, str]] = {
    "open": {
        "SendImage": "open",
        "EndPostScanJob": "ending",
        "CancelPostScanJob": "canceling",
        "PostScanJobEndStateEvent": "finished",
    },
    "ending": {
        "EndPostScanJobResponse": "ended",
        "CancelPostScanJob": "canceling",
        "PostScanJobEndStateEvent": "finished",
    },
    "ended": {"CancelPostScanJob": "canceling", "PostScanJobEndStateEvent": "finished"},
    "canceling": {
        "CancelPostScanJob": "canceling",
        "EndPostScanJobResponse": "canceling",
        "PostScanJobEndStateEvent": "finished",
    },
    # a job the server ended on its own (abort, timeout, cancel from the console) may still get
    # the EndPostScanJob the device had not yet sent
    "finished": {"EndPostScanJob": "finished", "EndPostScanJobResponse": "finished"},
}
# A second EndPostScanJob (DSP-9) and SendImage or EndPostScanJob after a cancel (DSP-13) are
# refused in every phase, the finished one included, so the session checks them on the job's
# own record rather than here. A reply that answers no request (DSP-18) or a request already
# answered (DSP-17) never reaches a job: request and reply pairing refuses it first.
DSP_REFUSED_BY: Mapping[str | tuple[str, str], RuleId] = {
    ("ending", "SendImage"): DspRule.R10,
    ("ended", "SendImage"): DspRule.R10,
    ("finished", "SendImage"): DspRule.R5,
    ("finished", "CancelPostScanJob"): DspRule.R12,
    ("finished", "PostScanJobEndStateEvent"): DspRule.R25,
}


@attrs.frozen(kw_only=True)
class Transitions:
    """A transition table put to work for one ``protocol``: ``moves`` maps a state (or a
    phase) to the states (or messages) allowed next; a move outside it breaks ``rule``, unless
    ``overrides`` names another for its edge (``(before, after)``) or for any move out of its
    state to another one (``before``). ``rule`` ``None``: a move outside the table is no
    matter of this table."""

    protocol: str
    moves: Mapping[str, Collection[str]]
    rule: RuleId | None
    overrides: Mapping[str | tuple[str, str], RuleId] = attrs.field(factory=dict)


def _leaving(states: Iterable[str], rule: RuleId) -> dict[str | tuple[str, str], RuleId]:
    return dict.fromkeys(sorted(states), rule)  # sorted: the drawings are stable


def refused_by(table: Transitions, before: str | None, after: str | None) -> RuleId | None:
    """The rule the move ``before`` -> ``after`` breaks, or ``None`` when ``table`` allows it
    (vendor values, states the table does not know and unknown values always are)."""
    if before is None or after is None or allowed(table.moves, before, after):
        return None
    edge = table.overrides.get((before, after))
    if edge is not None:
        return edge
    leaving = table.overrides.get(before) if after != before else None
    return leaving if leaving is not None else table.rule


#: WS-DSP job states (wsdp.md rules 28): out of a final state is a MUST, backwards a SHOULD.
DSP_JOB_MOVES = Transitions(
    protocol="dsp",
    moves=POST_SCAN_JOB_STATES,
    rule=DspRule.R28_BACKWARD,
    overrides=_leaving(FINAL_JOB_STATES, DspRule.R28),
)
#: WS-DSC job states (wsdsc-and-schemas.md 9.2): the same model, WS-DSC's rules.
DSC_JOB_MOVES = Transitions(
    protocol="dsc",
    moves=POST_SCAN_JOB_STATES,
    rule=DscRule.ORDER,
    overrides=_leaving(FINAL_JOB_STATES, DscRule.FINAL),
)
#: WS-DSD job states (wsdsd.md 8.3 to 8.5): out of Terminating only to Canceled or Aborted,
#: nothing out of a terminal state.
DSD_JOB_MOVES = Transitions(
    protocol="dsd",
    moves=DSD_JOB_STATES,
    rule=DsdRule.R3,
    overrides={"Terminating": DsdRule.R4, **_leaving(FINAL_JOB_STATES, DsdRule.R5)},
)
#: Post-scan filters (wsdp.md rule 32, wsdsc-and-schemas.md 9.1), each protocol's rule.
DSP_FILTER_MOVES = Transitions(protocol="dsp", moves=FILTER_STATES, rule=DspRule.R32)
DSC_FILTER_MOVES = Transitions(protocol="dsc", moves=FILTER_STATES, rule=DscRule.FILTER)
#: The WS-DSP job phases: a message missing from a phase is refused only where
#: :data:`DSP_REFUSED_BY` names a rule for it.
DSP_PHASE_MOVES = Transitions(
    protocol="dsp", moves=DSP_JOB_PHASES, rule=None, overrides=DSP_REFUSED_BY
)


def allowed(table: Mapping[str, Collection[str]], before: str, after: str) -> bool:
    """Whether ``before`` -> ``after`` is a move ``table`` allows (vendor values always are)."""
    if is_vendor(before) or is_vendor(after) or before not in table:
        return True
    return after in table[before]


def to_dot(
    name: str,
    table: Mapping[str, Set[str]],
    final: Set[str] = frozenset(),
    refusals: Iterable[Transitions] = (),
) -> str:
    """The table as a Graphviz ``digraph``: final states drawn double, self-loops left out;
    the rules of the ``refusals`` built on it in the graph's label."""
    lines = [f"digraph {name} {{", "  rankdir=LR;"]
    notes = refusal_notes(refusals)
    if notes:
        label = "\\l".join(notes) + "\\l"
        lines.append(f'  labelloc=b; labeljust=l; label="{label}";')
    for state in table:
        shape = "doublecircle" if state in final else "circle"
        lines.append(f'  "{state}" [shape={shape}];')
    for state, nexts in table.items():
        for after in sorted(nexts - {state}):
            lines.append(f'  "{state}" -> "{after}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def refusal_notes(refusals: Iterable[Transitions]) -> list[str]:
    """One line per rule of each table: which moves break it."""
    notes = []
    for table in refusals:
        protocol = table.protocol.upper()
        for key, rule in table.overrides.items():
            where = f"{key[1]} in {key[0]}" if isinstance(key, tuple) else f"out of {key}"
            notes.append(f"{protocol} {where}: {rule}")
        if table.rule is not None:
            notes.append(f"{protocol} any other move: {table.rule}")
    return notes


def phases_to_dot(
    name: str, table: Mapping[str, Mapping[str, str]], refusals: Iterable[Transitions] = ()
) -> str:
    """A phase table as a Graphviz ``digraph`` with the messages as edge labels; a message
    refused in a phase is a dashed edge to a ``refused`` node, labelled with its rule."""
    lines = [f"digraph {name} {{", "  rankdir=LR;"]
    for phase, moves in table.items():
        for message, after in moves.items():
            lines.append(f'  "{phase}" -> "{after}" [label="{message}"];')
    refused = [
        (key, rule)
        for transitions in refusals
        for key, rule in transitions.overrides.items()
        if isinstance(key, tuple)
    ]
    if refused:
        lines.append('  "refused" [shape=box, style=dashed];')
    for (phase, message), rule in refused:
        lines.append(f'  "{phase}" -> "refused" [label="{message}: {rule}", style=dashed];')
    lines.append("}")
    return "\n".join(lines) + "\n"


#: Every table, by the name its diagram is drawn under.
TABLES: Mapping[str, tuple[Mapping[str, Set[str]], Set[str]]] = {
    "post_scan_job": (POST_SCAN_JOB_STATES, FINAL_JOB_STATES),
    "dsd_job": (DSD_JOB_STATES, FINAL_JOB_STATES),
    "filter": (FILTER_STATES, FINAL_FILTER_STATES),
}
#: The rules of each table's refused moves, by the name its diagram is drawn under.
REFUSALS: Mapping[str, tuple[Transitions, ...]] = {
    "post_scan_job": (DSP_JOB_MOVES, DSC_JOB_MOVES),
    "dsd_job": (DSD_JOB_MOVES,),
    "filter": (DSP_FILTER_MOVES, DSC_FILTER_MOVES),
    "dsp_job_phases": (DSP_PHASE_MOVES,),
}
