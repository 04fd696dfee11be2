"""The transition tables of DSM jobs and filters, as data, and their Graphviz drawings.

``{state: {next state, ...}}``: a state missing from a set is a move the model does not allow.
The conversation checker looks moves up here and nowhere else; the documentation diagrams are
drawn from the same tables by :func:`to_dot`.

>>> "Processing" in DSD_JOB_STATES["Started"]
True
>>> print(to_dot("filter", FILTER_STATES, FINAL_FILTER_STATES).splitlines()[0])
digraph filter {
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set

from .timestamps import before

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
FINAL_JOB_STATES: Set[str] = frozenset({"Completed", "Canceled", "Aborted"})

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
FINAL_FILTER_STATES: Set[str] = frozenset(
    {"Canceled", "CompletedSuccessfully", "CompletedWithErrors", "CompletedWithWarnings"}
)

# wsdp.md rule 31: the reasons that go with each final state.
REASONS_FOR_FINAL_STATE: Mapping[str, Set[str]] = {
    "Completed": {
        "PostScanJobCompletedSuccessfully",
        "PostScanJobCompletedWithErrors",
        "PostScanJobCompletedWithWarnings",
    },
    "Canceled": {"PostScanJobCanceled"},
    "Aborted": {
        "CreatePostScanJobFailed",
        "SendImageFailed",
        "PostScanJobProcessingFailed",
        "NoValidPostScanInstructionsFound",
        "PostScanJobTimedOut",
    },
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
# own record rather than here.
DSP_REFUSED_BY: Mapping[tuple[str, str], str] = {
    ("ending", "SendImage"): "DSP-10",
    ("ended", "SendImage"): "DSP-10",
    ("finished", "SendImage"): "DSP-5",
    ("finished", "CancelPostScanJob"): "DSP-12",
    ("finished", "PostScanJobEndStateEvent"): "DSP-25",
    ("open", "EndPostScanJobResponse"): "DSP-18",
    ("ended", "EndPostScanJobResponse"): "DSP-17",
}


def is_vendor(value: str) -> bool:
    """A vendor keyword (``prefix:Keyword``) is outside every table and never judged."""
    return ":" in value


def reasons_fit(state: str, reasons: Iterable[str]) -> bool:
    """Whether the reasons given with a final ``state`` include one that goes with it (rule 31;
    ``None`` and vendor reasons always do). Reasons are compared in canonical spelling."""
    expected = REASONS_FOR_FINAL_STATE.get(state)
    given = list(reasons)
    if expected is None or not given:
        return True
    return any(reason in expected or reason == "None" or is_vendor(reason) for reason in given)


def completion_problem(
    state: str | None, created: str | None, completed: str | None
) -> str | None:
    """What is wrong with a job's JobCompletedTime, if anything: present while the job has not
    finished, or earlier than its JobCreatedTime."""
    if completed and state and state not in FINAL_JOB_STATES and not is_vendor(state):
        return f"JobCompletedTime given while the job is {state}"
    if before(completed, created):
        return "JobCompletedTime is before JobCreatedTime"
    return None


def allowed(table: Mapping[str, Set[str]], before: str, after: str) -> bool:
    """Whether ``before`` -> ``after`` is a move ``table`` allows (vendor values always are)."""
    if is_vendor(before) or is_vendor(after) or before not in table:
        return True
    return after in table[before]


def to_dot(name: str, table: Mapping[str, Set[str]], final: Set[str] = frozenset()) -> str:
    """The table as a Graphviz ``digraph``: final states drawn double, self-loops left out."""
    lines = [f"digraph {name} {{", "  rankdir=LR;"]
    for state in table:
        shape = "doublecircle" if state in final else "circle"
        lines.append(f'  "{state}" [shape={shape}];')
    for state, nexts in table.items():
        for after in sorted(nexts - {state}):
            lines.append(f'  "{state}" -> "{after}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def phases_to_dot(name: str, table: Mapping[str, Mapping[str, str]]) -> str:
    """A phase table as a Graphviz ``digraph`` with the messages as edge labels."""
    lines = [f"digraph {name} {{", "  rankdir=LR;"]
    for phase, moves in table.items():
        for message, after in moves.items():
            lines.append(f'  "{phase}" -> "{after}" [label="{message}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


#: Every table, by the name its diagram is drawn under.
TABLES: Mapping[str, tuple[Mapping[str, Set[str]], Set[str]]] = {
    "post_scan_job": (POST_SCAN_JOB_STATES, FINAL_JOB_STATES),
    "dsd_job": (DSD_JOB_STATES, FINAL_JOB_STATES),
    "filter": (FILTER_STATES, FINAL_FILTER_STATES),
}
