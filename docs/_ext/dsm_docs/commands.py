"""``dsm-command``: a run of the installed command, shown with its real output.

The directive's content is a few set-up lines, then the command lines::

    ```{dsm-command}
    copy examples/conversations/dsp-job-two-images job
    remove job/10-end-request.xml
    $ dsm-messages check-sequence job/
    ```

The set-up runs in an empty temporary folder (``copy SOURCE TARGET`` copies a file or folder of
the project, ``edit FILE PATTERN => TEXT`` replaces a regular expression in a copied file,
``remove FILE``); each ``$`` line then runs there, and the page shows it with what it printed on
standard output and its exit status. The page says in words what the set-up prepared.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class CommandError(Exception):
    """A set-up line the directive does not understand."""


def _set_up(line: str, root: Path, folder: Path) -> None:
    verb, _, rest = line.partition(" ")
    if verb == "copy":
        source, target = shlex.split(rest)
        origin, destination = root / source, folder / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, destination)
        else:
            shutil.copyfile(origin, destination)
    elif verb == "edit":
        name, _, change = rest.partition(" ")
        pattern, _, text = change.partition(" => ")
        path = folder / name
        path.write_bytes(re.sub(pattern.encode(), text.encode(), path.read_bytes()))
    elif verb == "remove":
        (folder / rest.strip()).unlink()
    else:
        raise CommandError(f"unknown set-up line: {line!r}")


def run(lines: list[str], root: Path) -> str:
    """The console transcript of the ``$`` lines, after the set-up lines, in a fresh folder."""
    shown: list[str] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for line in lines:
            if not line.strip():
                continue
            if not line.startswith("$ "):
                _set_up(line, root, folder)
                continue
            arguments = shlex.split(line[2:])
            if arguments[0] != "dsm-messages":
                raise CommandError(f"only dsm-messages runs here: {line!r}")
            done = subprocess.run(
                [sys.executable, "-m", "dsm_messages.cli", *arguments[1:]],
                cwd=folder,
                capture_output=True,
                text=True,
                check=False,
                timeout=120,
            )
            shown += [line, *done.stdout.rstrip("\n").splitlines()]
            shown += [f"  (standard error) {err}" for err in done.stderr.splitlines()]
            shown.append(f"(exit status {done.returncode})")
    return "\n".join(shown)


class CommandDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        root = Path(self.config.dsm_root)
        try:
            transcript = run(list(self.content), root)
        except (CommandError, OSError) as error:
            raise self.error(str(error)) from error
        block = nodes.literal_block(transcript, transcript)
        block["language"] = "console"
        return [block]
