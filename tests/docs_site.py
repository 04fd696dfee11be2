"""The built documentation site, and what the tests read from its pages."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def build(out: Path, builders: tuple[str, ...] = ("html", "doctest")) -> Path:
    """Build the site into ``out/html`` and run its doctests into ``out/doctest``, with
    warnings as errors; ``out`` is returned."""
    for builder in builders:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-W",
                "--keep-going",
                "-q",
                "-b",
                builder,
                "-d",
                str(out / "doctrees"),
                str(DOCS),
                str(out / builder),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stderr, result.stderr
    return out


def pages(site: Path) -> Iterator[Path]:
    """Every HTML page of the built site."""
    yield from sorted((site / "html").rglob("*.html"))


_CODE_BLOCK = re.compile(r"<pre[^>]*>.*?</pre>", re.S)
_SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S)
_INLINE_CODE = re.compile(r"<code[^>]*>(.*?)</code>", re.S)
_TAG = re.compile(r"<[^>]+>")


def prose(page: Path) -> str:
    """The text a reader sees on a page outside code blocks, inline code written back
    between backquotes (as its source had it), tags dropped."""
    text = page.read_text(encoding="utf-8")
    text = _SCRIPT.sub(" ", _CODE_BLOCK.sub(" ", text))
    text = _INLINE_CODE.sub(lambda m: "`" + _TAG.sub("", m.group(1)) + "`", text)
    return html.unescape(_TAG.sub(" ", text))
