"""Where the target's events arrive: the kit's side of its subscriptions, without the network.

The caller runs the server (an HTTP handler, an ASGI route) at :attr:`Listener.address` and
hands every message that arrives to :meth:`Listener.deliver`, which answers it. The probes
read the events in arrival order; a blocking runner waits for them with :meth:`Listener.wait`,
an asyncio one with :meth:`Listener.wait_async`. Any thread may deliver.
"""

from __future__ import annotations

import asyncio
import threading

import attrs

from ..envelope import make_reply, salvage_headers
from ..faults import fault_for
from ..transcripts import SOAP_CONTENT_TYPE
from ..validator import validate

__all__ = ["Listener"]


class Listener:
    """The kit's event sink at ``address`` (the ``NotifyTo`` of every subscription it makes).

    :param address: where the target posts events: the address the caller serves the
        listener at, as the target reaches it.

    >>> listener = Listener("http://127.0.0.1:8081/events")
    >>> listener.deliver(b"not XML", "application/soap+xml")[0]
    400
    >>> len(listener.since(0))
    1
    """

    def __init__(self, address: str) -> None:
        self.address = address
        self._events: list[tuple[bytes, str]] = []
        self._arrived = threading.Condition()

    def deliver(
        self, data: bytes, content_type: str = SOAP_CONTENT_TYPE
    ) -> tuple[int, str, bytes]:
        """An event arrived: keep it for the probes; the answer to send back (HTTP status,
        Content-Type, body): 202 and nothing for an event the kit can read, 400 and a SOAP
        fault for one it cannot (the probes still see it, and report why).

        :param data: the event's bytes, as the target posted them.
        :param content_type: the request's Content-Type.
        :returns: the HTTP status, the Content-Type and the body to answer with.
        """
        with self._arrived:
            self._events.append((data, content_type))
            self._arrived.notify_all()
        report = validate(data, profile="lenient")
        if report.valid:
            return 202, "", b""
        first = report.errors[0]
        fault = fault_for("soap:Sender")
        assert fault is not None
        fault = attrs.evolve(fault, reason=f"{first.rule}: {first.message}")
        answer = make_reply(salvage_headers(data), fault)
        return fault.http_status, SOAP_CONTENT_TYPE, answer.to_bytes()

    def since(self, cursor: int) -> list[tuple[bytes, str]]:
        """The events that arrived after the first ``cursor`` ones, as (bytes, Content-Type).

        :param cursor: how many events the caller has already seen.
        """
        with self._arrived:
            return self._events[cursor:]

    def wait(self, cursor: int, seconds: float) -> bool:
        """Block until more than ``cursor`` events have arrived or ``seconds`` passed; whether
        one did.

        :param cursor: how many events the caller has already seen.
        :param seconds: the longest wait.
        """
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self._events) > cursor, timeout=seconds)

    async def wait_async(self, cursor: int, seconds: float) -> bool:
        """:meth:`wait` for an asyncio runner (the event loop keeps running meanwhile).

        :param cursor: how many events the caller has already seen.
        :param seconds: the longest wait.
        """
        return await asyncio.to_thread(self.wait, cursor, seconds)
