"""The server side of ``bench/load.py``: the reference ASGI scan server in a process of its
own, the library's calls in it metered (CPU time inside them, the garbage collector's share),
and what the load reads of that process (its resident memory)."""

from __future__ import annotations

import gc
import resource
import socket
import sys
import time
from pathlib import Path
from typing import Any

import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "asgi"))

from asgi_server import ScanServer  # noqa: E402

__all__ = ["Meter", "bound", "memory", "serve"]


class Meter:
    """CPU time spent inside the library's calls, on the calling thread (outermost calls)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        #: of which the garbage collector ran (a collection is charged to whatever allocated
        #: last), and the collector's time in the whole process
        self.collecting_inside = 0.0
        self.collecting = 0.0
        self.by_call: dict[str, float] = {}
        self._depth = 0
        self._collection_start = 0.0
        gc.callbacks.append(self._collector)

    def _collector(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._collection_start = time.thread_time()
            return
        spent = time.thread_time() - self._collection_start
        self.collecting += spent
        if self._depth:
            self.collecting_inside += spent

    def wrap(self, owner: type, name: str) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return original(*args, **kwargs)
            self._depth += 1
            start = time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent = time.thread_time() - start
                self.seconds += spent
                self.by_call[name] = self.by_call.get(name, 0.0) + spent
                self._depth -= 1

        setattr(owner, name, timed)


def serve(images: Path, read_timeout: float) -> None:
    """The server process: the reference server, its library calls metered, on a port it
    prints; ``/_stats`` tells the meter and the process's CPU time."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Mount, Route

    from dsm_messages.endpoint import Endpoint, IncomingPackage, Subscriber

    meter = Meter()
    for name in ("receive", "reply", "refuse", "event", "broadcast", "abandon", "package_reader"):
        meter.wrap(Endpoint, name)
    # (next_event, a queue's pop, is not timed: two clock reads would cost more than it does)
    for name in ("feed", "close", "abandon"):
        meter.wrap(IncomingPackage, name)
    meter.wrap(Subscriber, "from_subscribe")
    server = ScanServer(images, read_timeout=read_timeout)

    async def stats(request: Request) -> JSONResponse:
        gc.collect()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return JSONResponse(
            {
                "library": meter.seconds,
                "process": usage.ru_utime + usage.ru_stime,
                "collecting_inside": meter.collecting_inside,
                "collecting": meter.collecting,
                "by_call": meter.by_call,
            }
        )

    app = Starlette(
        routes=[Route("/_stats", stats), Mount("/", app=server.app)],
        lifespan=server.app.router.lifespan_context,
    )
    listener = bound()
    print(listener.getsockname()[1], flush=True)
    config = uvicorn.Config(app, log_level="warning", timeout_keep_alive=60)
    uvicorn.Server(config).run(sockets=[listener])


def bound() -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    return listener


def memory(pid: int) -> tuple[int, int]:
    """(resident, peak resident) bytes of process ``pid`` (Linux)."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) << 10, int(fields["VmHWM"].split()[0]) << 10
