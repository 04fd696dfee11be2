"""Locate commands installed alongside the running interpreter (the virtualenv's bin/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def installed_command(name: str) -> str:
    """Path of ``name`` from this interpreter's environment, else from PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found is not None, f"{name} is not installed (pip install '.[test]')"
    return found


def mypy_strict(source: str, directory: Path) -> subprocess.CompletedProcess[str]:
    """Type-check ``source`` as a user's script would be, with ``mypy --strict``."""
    script = directory / "user_script.py"
    script.write_text(source, encoding="utf-8")
    return subprocess.run(
        [installed_command("mypy"), "--strict", "--no-incremental", str(script)],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
