"""The tutorials as a reader meets them: each page's code blocks in page order, and what the
page says to install at its top.

A page's blocks are read from its Markdown source:

* ```` ```sh ````: shell lines, each of which must succeed. The first ``pip install`` line
  names what the page needs (the test's environment installs it); a line piped into another
  tool, such as ``jq``, is shown for the reader and not run;
* ```` ```console ````: ``$ command`` lines, each followed by the output it must print
  (``...`` stands for any text, as in a doctest);
* ```` ```python ````: code pasted into the Python session the page runs in;
* ```` ```pycon ````: an interactive session, prompts and expected output, checked as doctest;
* ```` ```{code-block} python ```` with ``:caption: NAME.py``: a file the reader saves as
  ``NAME.py`` (and runs with a ``python NAME.py`` shell line).

Anything else (YAML, text) is shown, not run.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUTORIALS = ROOT / "docs" / "tutorials"

_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.M | re.S)
_OPTION = re.compile(r"^:(\w+):\s*(.*)$")
#: A pipe into another program (``||`` is a shell "or", not a pipe).
_PIPE = re.compile(r"(?<!\|)\|(?!\|)")


@dataclass(frozen=True)
class Block:
    kind: str  # "sh", "python", "pycon", "file" or "shown"
    text: str
    name: str = ""  # the file of a "file" block
    language: str = ""


@dataclass
class Page:
    path: Path
    blocks: list[Block] = field(default_factory=list)

    @property
    def requirements(self) -> list[str]:
        """What the page's first ``pip install`` line installs besides dsm-messages."""
        for block in self.blocks:
            if block.kind != "sh":
                continue
            for line in block.text.splitlines():
                words = shlex.split(line)
                if words[:2] == ["pip", "install"]:
                    wanted = [word for word in words[2:] if not word.startswith("-")]
                    assert "dsm-messages" in wanted, f"{self.path.name}: {line}"
                    return [word for word in wanted if word != "dsm-messages"]
        raise AssertionError(f"{self.path.name} does not say what to install")

    def of(self, *kinds: str) -> list[Block]:
        return [block for block in self.blocks if block.kind in kinds]


def read(path: Path) -> Page:
    page = Page(path)
    for found in _FENCE.finditer(path.read_text(encoding="utf-8")):
        info, body = found.group("info").strip(), found.group("body")
        if info.startswith("{code-block}"):
            language = info.removeprefix("{code-block}").strip()
            options: dict[str, str] = {}
            lines = body.splitlines(keepends=True)
            while lines and _OPTION.match(lines[0]):
                match = _OPTION.match(lines[0])
                assert match is not None
                options[match.group(1)] = match.group(2).strip()
                lines.pop(0)
            text = "".join(lines).lstrip("\n")
            name = options.get("caption", "")
            if language == "python" and name.endswith(".py"):
                page.blocks.append(Block("file", text, name=name, language=language))
            else:
                page.blocks.append(Block("shown", text, language=language))
        elif info in ("sh", "console", "shell"):
            page.blocks.append(Block("sh", body, language=info))
        elif info in ("python", "pycon"):
            page.blocks.append(Block(info, body, language=info))
        else:
            page.blocks.append(Block("shown", body, language=info))
    return page


def pages() -> list[Page]:
    return [read(path) for path in sorted(TUTORIALS.glob("*.md"))]


def commands(block: Block) -> list[tuple[str, str | None]]:
    """The shell lines of a block a reader runs, continuation lines joined, each with the
    output it must print (``None``: it must succeed). Installing is done by the test's own
    environment, and a pipeline into another tool is only shown."""
    joined = block.text.replace("\\\n", " ")
    found: list[tuple[str, str | None]] = []
    if block.language == "console":
        for line in joined.splitlines(keepends=True):
            if line.startswith("$ "):
                found.append((line[2:].strip(), ""))
            elif found:
                command, output = found[-1]
                found[-1] = (command, (output or "") + line)
        return [(c, o) for c, o in found if not _PIPE.search(c) and not c.startswith("pip ")]
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("pip ", "python3 -m venv")) or _PIPE.search(line):
            continue
        found.append((line, None))
    return found


def python_source(page: Page) -> str:
    """Every line of Python the page runs, in order, for a type checker: pasted code,
    interactive input without prompts and output, and saved files."""
    parts = []
    for block in page.blocks:
        if block.kind in ("python", "file"):
            parts.append(block.text)
        elif block.kind == "pycon":
            lines = [
                line[4:]
                for line in block.text.splitlines()
                if line.startswith((">>> ", "... ")) or line in (">>>", "...")
            ]
            parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
