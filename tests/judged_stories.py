"""The rules ``check_sequence`` judges on the answer to a refused request and on the HTTP a
message travelled in, each told as one conversation that breaks it once.

A story of ``ordering_stories`` is a conforming conversation and one message more; these rules
cannot be told that way (the offending message is the answer a refusal owes, or the HTTP head
of a message that is itself fine), so each is told here as a whole transcript with the index of
its offending message. ``test_transcripts`` replays them; the rules page shows them as the
rule's violating example, as it shows the stories.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from dsm_messages import Envelope, Fault, HttpHead, Recorded
from dsm_messages.faults import DSP_INVALID_ARGS, DSP_OPERATION_FAILED
from dsm_messages.testing.conversations import Conversation

TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"
SOAP = "application/soap+xml; charset=utf-8"


@attrs.frozen(kw_only=True)
class Judged:
    """``violating`` breaks ``rule`` once, at ``index``, and no other rule but the ones
    ``also`` names (the refused request that the offending answer answers). ``any_message``:
    the rule is about how any message travelled, not about the kind of message the story
    happens to break it with (the reference pages do not list it under that message)."""

    rule: str
    violating: tuple[Envelope | Recorded, ...]
    index: int
    party: str
    also: tuple[tuple[int, str], ...] = ()
    any_message: bool = False

    @property
    def transcript(self) -> bool:
        """Always one: ``check_sequence`` replays it (the rules page shows what it reports)."""
        return True


def _refused_end(answer: Fault, status: int) -> Judged:
    """A job whose device sends EndPostScanJob with the JobToken in capitals (DSP-2, refused),
    answered with ``answer`` in an HTTP response of ``status``; then the job ends as it
    should."""
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.image(TOKEN, 1)
    wrong = c.end(TOKEN.upper())
    refusal = c.fault(wrong, answer)
    c.finish_job(TOKEN, 1)
    at = c.messages.index(refusal)
    entries: list[Envelope | Recorded] = list(c.messages)
    entries[at] = Recorded(message=refusal, http=HttpHead.response(status, SOAP))
    return Judged(
        rule="",
        violating=tuple(entries),
        index=at,
        party="scan_server",
        also=((at - 1, "DSP-2"),),
    )


def _wrong_fault() -> Judged:
    return attrs.evolve(_refused_end(DSP_OPERATION_FAILED, 500), rule="DSM-FAULT-MISMATCH")


def _fault_with_200() -> Judged:
    return attrs.evolve(_refused_end(DSP_INVALID_ARGS, 200), rule="DSM-HTTP-STATUS")


def _sender_fault_with_500() -> Judged:
    return attrs.evolve(_refused_end(DSP_INVALID_ARGS, 500), rule="DSM-HTTP-FAULT-STATUS")


def _soap_11_content_type() -> Judged:
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.image(TOKEN, 1)
    c.finish_job(TOKEN, 1)
    end = c.messages[-4]  # the EndPostScanJob request, answered
    at = c.messages.index(end)
    entries: list[Envelope | Recorded] = list(c.messages)
    head = HttpHead.request("/ScanServer", "text/xml; charset=utf-8")  # SOAP 1.1's
    entries[at] = Recorded(message=end, http=head)
    return Judged(
        rule="DSM-HTTP-CONTENT-TYPE",
        violating=tuple(entries),
        index=at,
        party="device",
        any_message=True,
    )


#: Rule -> {variant: the story}, as ``ordering_stories.STORIES``.
JUDGED: dict[str, dict[str, Callable[[], Judged]]] = {
    "DSM-FAULT-MISMATCH": {"a-refusal-with-another-fault": _wrong_fault},
    "DSM-HTTP-STATUS": {"a-fault-sent-with-status-200": _fault_with_200},
    "DSM-HTTP-FAULT-STATUS": {"a-sender-fault-sent-with-status-500": _sender_fault_with_500},
    "DSM-HTTP-CONTENT-TYPE": {"a-request-sent-as-text/xml": _soap_11_content_type},
}
