"""The runner: plays the selected probes one after the other against a target, over a
transport the caller provides, and collects a :class:`~.report.ConformanceReport`.

Rules of this module:

- No network code. The caller provides ``send(data, content_type, address) -> (status,
  content_type, data)`` (a plain function for :func:`run`, a coroutine function for
  :func:`run_async`) and, for probes that need events, a :class:`~.listener.Listener` its own
  server feeds.
- Nothing blocks for ever: each probe has ``time_limit`` seconds, sends included (a blocking
  send runs in a worker thread the runner stops waiting for; an asyncio one is cancelled);
  a probe out of time fails with "no answer".
- The target is left as it was found where the protocol allows it: after each probe, whatever
  job it created and did not finish is canceled (not judged); at the end of the run each
  subscription is ended where the target offers Unsubscribe.
"""

from __future__ import annotations

import asyncio
import fnmatch
import threading
import time
from collections.abc import Awaitable, Callable, Generator, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from ..envelope import serialize
from ..models import dsp, wscn, wse
from ..rule_ids import WsaRule
from .judging import reference_blocks
from .listener import Listener
from .model import Answer, Operate, Probe, Send, Target, Wait
from .play import Play
from .report import ConformanceReport, ProbeResult
from .state import SOAP_CONTENT_TYPE, NotApplicable, RunState, Stop

__all__ = ["AsyncTransport", "Transport", "run", "run_async", "select"]

#: ``send(data, content_type, address) -> (HTTP status, Content-Type, data)``: one request and
#: its answer (a fault answer too: its status says so). Raise to say nothing came back.
Transport = Callable[[bytes, str, str], tuple[int, str, bytes]]
#: The same, as a coroutine function.
AsyncTransport = Callable[[bytes, str, str], Awaitable[tuple[int, str, bytes]]]

_CLEANUP_SECONDS = 10.0
_LATE = "no answer within the probe's time limit"
Step = Generator[Send | Wait | Operate, Answer | None, Any]


def select(probes: Iterable[Probe], patterns: Sequence[str] = ()) -> list[Probe]:
    """The probes a selection names: each pattern (shell-style, ``dsp.*``, ``DSP-1?``) is
    matched against a probe's id, its protocol and its subject rule; no pattern: all.

    :param probes: the probes to choose from (:data:`PROBES`, say).
    :param patterns: shell-style patterns; a probe any of them matches is chosen.

    >>> from dsm_messages.conformance import PROBES
    >>> [probe.id for probe in select(PROBES, ["DSP-19"])]
    ['dsp.DSP-19']
    """
    chosen = []
    for probe in probes:
        names = (probe.id, probe.protocol, str(probe.rule))
        if not patterns or any(fnmatch.fnmatchcase(n, p) for p in patterns for n in names):
            chosen.append(probe)
    return chosen


class _Driver:
    """What :func:`run` and :func:`run_async` share: planning, judging, the report."""

    def __init__(
        self,
        target: Target,
        listener: Listener | None,
        probes: Sequence[Probe],
        time_limit: float,
    ) -> None:
        if time_limit <= 0:
            raise ValueError(f"time_limit must be positive, not {time_limit!r}")
        self.state = RunState(target, listener)
        self.probes = probes
        self.time_limit = time_limit
        self.results: list[ProbeResult] = []
        self.started = datetime.now(UTC)
        self.clock = time.monotonic()
        self.cleanup: Play | None = None

    def begin(self, probe: Probe) -> tuple[Play, Step | None, str | None]:
        """A play for ``probe``, its script, or why it cannot run at all."""
        play = Play(probe, self.state, deadline=time.monotonic() + self.time_limit)
        target = self.state.target
        missing = [p for p in (probe.protocol, *(n for n in probe.needs if n in _PROTOCOLS))]
        absent = [p for p in missing if p not in target.addresses]
        if absent:
            return play, None, f"the target description gives no {' or '.join(absent)} address"
        if "events" in probe.needs and self.state.listener is None:
            return play, None, "no event listener was given to the kit"
        if "operator" in probe.needs and target.press_scan is None:
            return play, None, "no operator: the target description has no press_scan"
        return play, probe.play(play), None

    def finish(self, play: Play, outcome: BaseException | None, seconds: float) -> None:
        probe = play.probe
        play.phase = "probe"  # (after its cleanup) what is noted now is about the probe
        if isinstance(outcome, NotApplicable):
            verdict, reason = "not_applicable", outcome.reason
        elif play.findings:
            verdict, reason = "failed", play.findings[0].message
        elif isinstance(outcome, Stop) or outcome is not None:
            # stopped on another rule, or the kit failed: the check was never made
            why = (
                str(outcome)
                if isinstance(outcome, Stop)
                else f"{type(outcome).__name__}: {outcome}"
            )
            play.note(probe.rule, f"could not get to the check: {why}")
            verdict, reason = "failed", play.findings[0].message
        else:
            verdict, reason = "passed", play.passed_note
        self.results.append(
            ProbeResult(
                probe=probe,
                verdict=verdict,  # type: ignore[arg-type]
                reason=reason,
                findings=tuple(play.findings),
                observations=tuple(play.observations),
                exchanges=tuple(play.exchanges),
                seconds=round(seconds, 3),
            )
        )

    def cleanup_of(self, play: Play) -> tuple[Play, Step]:
        play.phase = "cleanup"
        play.deadline = time.monotonic() + min(_CLEANUP_SECONDS, self.time_limit)
        return play, _cleanup(play)

    def closing(self) -> tuple[Play, Step]:
        """The run's own cleanup: end the subscriptions."""
        play = Play(_CLOSING, self.state, deadline=time.monotonic() + _CLEANUP_SECONDS)
        play.phase = "cleanup"
        self.cleanup = play
        return play, _unsubscribe(play)

    def report(self) -> ConformanceReport:
        return ConformanceReport(
            target=self.state.target,
            results=tuple(self.results),
            observations=tuple(self.state.observations),
            late=tuple(self.state.late),
            cleanup=tuple(self.cleanup.exchanges if self.cleanup else ()),
            started=self.started,
            seconds=round(time.monotonic() - self.clock, 3),
            time_limit=self.time_limit,
        )


_PROTOCOLS = frozenset({"dsp", "dsc", "dsd", "wscn"})


def _resolve(
    target: Target, probes: Sequence[Probe] | None, patterns: Sequence[str]
) -> list[Probe]:
    """The probes to play: those ``patterns`` select, of the protocols the target offers."""
    if probes is None:
        from .catalog import PROBES

        probes = PROBES
    return [probe for probe in select(probes, patterns) if probe.protocol in target.addresses]


def run(
    target: Target,
    send: Transport,
    *,
    listener: Listener | None = None,
    selection: Sequence[str] = (),
    time_limit: float = 30.0,
    probes: Sequence[Probe] | None = None,
) -> ConformanceReport:
    """Play the probes ``selection`` names (all by default) against ``target`` over ``send``;
    events go to ``listener`` (probes that need them are not applicable without one). Each
    probe has ``time_limit`` seconds. ``probes`` replaces the kit's own list.

    :param target: the implementation under test.
    :param send: the transport: ``send(data, content_type, address)`` returns the HTTP
        status, Content-Type and bytes of the answer, and raises when nothing came back.
    :param listener: the kit's event sink, served at an address the target reaches.
    :param selection: patterns naming the probes to play (see :func:`select`).
    :param time_limit: the seconds each probe may take, sends and waits included.
    :param probes: the probes to choose from instead of the kit's own.
    :returns: every probe's result, in the order they ran.
    """
    driver = _Driver(target, listener, _resolve(target, probes, selection), time_limit)
    for probe in driver.probes:
        started = time.monotonic()
        play, script, absent = driver.begin(probe)
        if script is None:
            driver.finish(play, NotApplicable(absent or ""), 0.0)
            continue
        outcome = _drive(play, script, send)
        seconds = time.monotonic() - started
        _drive(*driver.cleanup_of(play), send)
        driver.finish(play, outcome, seconds)
    _drive(*driver.closing(), send)
    return driver.report()


async def run_async(
    target: Target,
    send: AsyncTransport,
    *,
    listener: Listener | None = None,
    selection: Sequence[str] = (),
    time_limit: float = 30.0,
    probes: Sequence[Probe] | None = None,
) -> ConformanceReport:
    """:func:`run` over an asyncio transport: ``send`` is a coroutine function; a send still
    running when the probe's time is up is cancelled.

    :param target: the implementation under test.
    :param send: the transport, a coroutine function with :func:`run`'s signature.
    :param listener: the kit's event sink, served at an address the target reaches.
    :param selection: patterns naming the probes to play (see :func:`select`).
    :param time_limit: the seconds each probe may take, sends and waits included.
    :param probes: the probes to choose from instead of the kit's own.
    :returns: every probe's result, in the order they ran.
    """
    driver = _Driver(target, listener, _resolve(target, probes, selection), time_limit)
    for probe in driver.probes:
        started = time.monotonic()
        play, script, absent = driver.begin(probe)
        if script is None:
            driver.finish(play, NotApplicable(absent or ""), 0.0)
            continue
        outcome = await _drive_async(play, script, send)
        seconds = time.monotonic() - started
        await _drive_async(*driver.cleanup_of(play), send)
        driver.finish(play, outcome, seconds)
    await _drive_async(*driver.closing(), send)
    return driver.report()


# -- driving a script --------------------------------------------------------------------------
def _step(script: Step, value: Answer | None) -> Send | Wait | Operate | BaseException | None:
    """The script's next action, or how it ended: ``None`` when it ran through, else what
    it raised (Stop, NotApplicable; anything else is the kit's own failure)."""
    try:
        return script.send(value)
    except StopIteration:
        return None
    except Exception as ended:
        return ended


def _waiting(play: Play, action: Wait) -> float:
    """How long a wait may last: what is left of the probe's time, at most."""
    return max(0.0, min(action.seconds, play.deadline - time.monotonic()))


def _drive(play: Play, script: Step, send: Transport) -> BaseException | None:
    """Run ``script`` to its end with a blocking transport; how it ended."""
    value: Answer | None = None
    while isinstance(action := _step(script, value), Send | Wait | Operate):
        value = None
        if isinstance(action, Send):
            value = _send(send, action, play.deadline - time.monotonic())
        elif isinstance(action, Wait):
            seconds, listener = _waiting(play, action), play.run.listener
            if listener is not None:
                listener.wait(play.run.cursor, seconds)
            else:  # nothing can arrive: the time passes all the same
                time.sleep(seconds)
        else:
            press = play.target.press_scan
            assert press is not None
            press(action.destination)
    return action


async def _drive_async(play: Play, script: Step, send: AsyncTransport) -> BaseException | None:
    """:func:`_drive` with an asyncio transport."""
    value: Answer | None = None
    while isinstance(action := _step(script, value), Send | Wait | Operate):
        value = None
        if isinstance(action, Send):
            value = await _send_async(send, action, play.deadline - time.monotonic())
        elif isinstance(action, Wait):
            seconds, listener = _waiting(play, action), play.run.listener
            if listener is not None:
                await listener.wait_async(play.run.cursor, seconds)
            else:
                await asyncio.sleep(seconds)
        else:
            press = play.target.press_scan
            assert press is not None
            await asyncio.to_thread(press, action.destination)
    return action


def _send(send: Transport, action: Send, left: float) -> Answer:
    if left <= 0:
        return Answer(status=None, error="the probe's time limit ran out before it was sent")
    outcome: list[Any] = []

    def work() -> None:
        try:
            outcome.append(send(action.data, action.content_type, action.address))
        except Exception as error:  # the transport's own failure: nothing came back
            outcome.append(error)

    worker = threading.Thread(target=work, name="dsm-conformance-send", daemon=True)
    worker.start()
    worker.join(left)
    if not outcome:
        return Answer(status=None, error=_LATE)
    return _answer(outcome[0])


async def _send_async(send: AsyncTransport, action: Send, left: float) -> Answer:
    if left <= 0:
        return Answer(status=None, error="the probe's time limit ran out before it was sent")
    try:
        result: Any = await asyncio.wait_for(
            send(action.data, action.content_type, action.address), left
        )
    except TimeoutError:
        return Answer(status=None, error=_LATE)
    except Exception as error:
        result = error
    return _answer(result)


def _answer(result: Any) -> Answer:
    if isinstance(result, Exception):
        return Answer(status=None, error=f"{type(result).__name__}: {result}")
    status, content_type, data = result
    return Answer(status=status, content_type=content_type, data=data)


# -- undoing what a probe created -----------------------------------------------------------
def _cleanup(play: Play) -> Step:
    """Cancel each job the probe created that is still open (nothing is judged)."""
    for protocol, job in play.jobs:
        if (protocol, job) in play.done or not _open(play, protocol, job):
            continue
        body: object = (
            dsp.CancelPostScanJobRequest(job_token=job)
            if protocol == "dsp"
            else wscn.CancelJobRequest(job_id=int(job))
        )
        try:
            yield from play.call(protocol, body)
        except (Stop, NotApplicable):
            continue
    for protocol, job in play.stray:
        body = (
            dsp.CancelPostScanJobRequest(job_token=job)
            if protocol == "dsp"
            else wscn.CancelJobRequest(job_id=int(job))
        )
        data = serialize(body, to=play.service(protocol).address)
        yield from play.exchange(protocol, data, SOAP_CONTENT_TYPE, "cancel (never applied)")


def _open(play: Play, protocol: str, job: str) -> bool:
    for known in play.service(protocol).endpoint.session.jobs():
        if known.protocol == protocol and known.job == job:
            return known.phase == "open"
    return False


def _unsubscribe(play: Play) -> Step:
    """End every subscription of the run, where the target offers Unsubscribe."""
    for protocol, service in play.run.services.items():
        response = service.subscription
        if response is None or isinstance(response, str):
            continue
        body = response.body
        assert isinstance(body, wse.SubscribeResponse)
        manager = body.subscription_manager
        blocks = reference_blocks(manager)
        try:
            yield from play.call(
                protocol, wse.Unsubscribe(), to=manager.address.value.strip(), headers=blocks
            )
        except (Stop, NotApplicable):
            continue


def _no_script(play: Play) -> Step:
    return
    yield


_CLOSING = Probe(
    id="run.cleanup",
    protocol="dsp",
    summary="end the run's subscriptions",
    rules=(WsaRule.PAIRING,),
    play=_no_script,
)
