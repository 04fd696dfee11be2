"""A headless Chromium driven over the DevTools protocol, for looking at the built site as a
reader does: on a phone (390 px, touch, mobile viewport) and on a desktop (1280 px).

The browser is the Debian package ``chromium``; it is spoken to through the pipe it opens with
``--remote-debugging-pipe`` (file descriptors 3 and 4, messages ended by a NUL byte), so nothing
but the standard library is needed. No network is used: pages are ``file://`` URLs.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: The flags every run uses: no sandbox (CI containers run as root), nothing fetched or synced.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
)
#: The two widths the site is looked at, with a screen height for each.
PHONE = (390, 844)
DESKTOP = (1280, 900)


class BrowserError(Exception):
    """The browser answered a command with an error, or stopped answering."""


def chromium() -> str:
    """The installed browser (``apt-get install chromium``)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise BrowserError("chromium is not installed (apt-get install chromium)")
    return found


class Browser:
    """One browser process with a fresh profile; :meth:`tab` opens a page at a width."""

    def __init__(self) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="dsm-chromium-")
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def child_fds() -> None:  # fd 3: commands to the browser, fd 4: its answers
            read, write = os.dup(commands_read), os.dup(answers_write)
            os.dup2(read, 3)
            os.dup2(write, 4)

        self._process = subprocess.Popen(
            [chromium(), *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            close_fds=False,
            preexec_fn=child_fds,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """One command; its result (events that arrive meanwhile are kept in ``events``)."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._next(timeout=60)
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def _next(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._answers], [], [], max(left, 0))
            if not ready:
                raise BrowserError("the browser stopped answering")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise BrowserError("the browser exited")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        found: dict[str, Any] = json.loads(raw)
        return found

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict[str, Any]:
        """The next event ``method`` of a tab (one already received counts)."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"no {method} within {timeout} s")
            self.events.append(self._next(timeout=left))

    def tab(self, width: int, height: int) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        tab = Tab(self, session["sessionId"])
        tab.resize(width, height)
        self.send("Page.enable", session=tab.session)
        return tab

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self._process.wait(timeout=20)
        except (BrowserError, OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait(timeout=20)
        finally:
            os.close(self._commands)
            os.close(self._answers)
            self._profile.cleanup()


class Tab:
    """One page of the browser."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def resize(self, width: int, height: int) -> None:
        """A phone's viewport below 600 px (touch, the page's viewport meta), else a window."""
        self.browser.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
            self.session,
        )

    def open(self, url: str) -> None:
        self.browser.send("Page.navigate", {"url": url}, self.session)
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = self.browser.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            self.session,
        )
        if "exceptionDetails" in result:
            raise BrowserError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def screenshot(
        self, path: Path, *, full_page: bool = True, top: int = 0, height: int | None = None
    ) -> None:
        """A PNG of the page: all of it (``full_page``), what the screen shows, or ``height``
        pixels of it from ``top``."""
        params: dict[str, Any] = {"format": "png"}
        if full_page or height is not None:
            size = self.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
            )
            shown = size[1] - top if height is None else height
            params["clip"] = {"x": 0, "y": top, "width": size[0], "height": shown, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.browser.send("Page.captureScreenshot", params, self.session)["data"]
        path.write_bytes(base64.b64decode(data))


@contextmanager
def browser() -> Iterator[Browser]:
    running = Browser()
    try:
        yield running
    finally:
        running.close()
