"""The job and filter state vocabulary every layer shares: which states are final, which
reasons go with a final state, what a vendor value looks like, what makes a completion time
wrong. The validator judges one message with these; the conversation checker's transition
tables (:mod:`dsm_messages.job_states`) build on them.

>>> leaves_final("Completed", "Processing"), leaves_final("Completed", "acme:Archived")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set

__all__ = [
    "FINAL_FILTER_STATES",
    "FINAL_JOB_STATES",
    "REASONS_FOR_FINAL_STATE",
    "completion_problem",
    "is_final_or_vendor",
    "is_vendor",
    "leaves_final",
    "reasons_fit",
]

FINAL_JOB_STATES: Set[str] = frozenset({"Completed", "Canceled", "Aborted"})
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
    if not completed:
        return None
    if state and state not in FINAL_JOB_STATES and not is_vendor(state):
        return f"JobCompletedTime given while the job is {state}"
    from .timestamps import before  # (datetime is imported when times are first compared)

    if before(completed, created):
        return "JobCompletedTime is before JobCreatedTime"
    return None


def is_final_or_vendor(state: str | None) -> bool:
    """Whether ``state`` is a final job state or a vendor value (which is never judged)."""
    return state is not None and (state in FINAL_JOB_STATES or is_vendor(state))


def leaves_final(earlier: str | None, later: str | None) -> bool:
    """Whether a job that reached the final state ``earlier`` is now reported in another
    state ``later`` (a vendor value is never judged): the guard every final-state rule uses."""
    return earlier in FINAL_JOB_STATES and later != earlier and not is_vendor(later or "")
