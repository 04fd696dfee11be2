"""Locate commands installed alongside the running interpreter (the virtualenv's bin/)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def installed_command(name: str) -> str:
    """Path of ``name`` from this interpreter's environment, else from PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found is not None, f"{name} is not installed (pip install '.[test]')"
    return found
