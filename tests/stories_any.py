"""Stories of the rules of any protocol: request and reply pairing, and a message that
fails validation."""

from __future__ import annotations

import copy

import attrs
from ordering_stories import (
    TOKEN,
    Story,
    aside,
    dsp_job,
    inserted,
    story,
)

from dsm_messages import (
    ANONYMOUS,
    Envelope,
    Report,
)
from dsm_messages.report import Problem as ValidationProblem
from dsm_messages.testing import samples as s
from dsm_messages.testing.conversations import (
    SCAN_SERVER,
)

# -- any protocol ---------------------------------------------------------------------------


@story("DSP-18", "a-fault")
def _dsp_18_fault() -> Story:
    # WS-Addressing: a fault relates to the request that failed. Its RelatesTo breaks the
    # same rule as a response's would: the one of the protocol of the request it answers
    c = dsp_job(images=1)
    end = c.end(TOKEN)
    at = len(c.messages)
    bad = aside(c, lambda c: c.fault(attrs.evolve(end, message_id=c.new_id())))
    c.answer(end)
    c.end_state(TOKEN, "Completed", images=1)
    return inserted("DSP-18", c.messages, at, bad, parties=("scan_server", "device"))


@story("WSA-PAIRING")
def _wsa_pairing_subscribe() -> Story:
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = aside(
        c,
        lambda c: c.emit(
            copy.deepcopy(s.SAMPLES["wse:SubscribeResponse"]),
            to=ANONYMOUS,
            relates_to="urn:uuid:1c0f7e3a-58d2-4b96-a0e4-7d3b9f21c865",
        ),
    )
    c.finish_job(TOKEN, 1)
    return inserted("WSA-PAIRING", c.messages, at, bad, parties=("scan_server", "device"))


@story("WSA-UNANSWERED")
def _wsa_unanswered() -> Story:
    # WS-Addressing: a request that wants a reply gets one; here a Subscribe of no DSM protocol
    good = dsp_job(images=1)
    good.finish_job(TOKEN, 1)
    c = dsp_job(images=1)
    c.finish_job(TOKEN, 1)
    subscribe = c.request(copy.deepcopy(s.SAMPLES["wse:Subscribe"]))
    return Story(
        rule="WSA-UNANSWERED",
        good=tuple(good.messages),
        violating=tuple(c.messages),
        index=c.messages.index(subscribe),
        found_by="finish",
    )


@story("DSM-INVALID")
def _dsm_invalid() -> Story:
    # a message that failed validation (what the CLI passes on) is a violation where it stands
    c = dsp_job(images=1)
    at = len(c.messages)
    report = Report(
        profile="strict",
        message="dsp:SendImageRequest",
        problems=(ValidationProblem(severity="error", code="XSD-CONTENT", message="bad"),),
    )
    c.finish_job(TOKEN, 1)
    return inserted("DSM-INVALID", c.messages, at, report)


@story("DSM-INVALID", "not-a-dsm-action")
def _dsm_invalid_action() -> Story:
    c = dsp_job(images=1)
    at = len(c.messages)
    bad = Envelope(action="urn:example:not-a-dsm-action", body=None, to=SCAN_SERVER)
    c.finish_job(TOKEN, 1)
    return inserted("DSM-INVALID", c.messages, at, bad, keep_id=True)
