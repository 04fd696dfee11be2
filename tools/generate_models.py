"""Regenerate ``src/dsm_messages/models`` from ``xsd/`` with the pinned xsdata and ruff.

Usage::

    python tools/generate_models.py            # rewrite src/dsm_messages/models
    python tools/generate_models.py --check    # exit 1 if the committed models differ

xsdata writes a whole package tree (including a ``dsm_messages/__init__.py`` of its own), so it
runs in a scratch directory and only the ``models`` package is copied over.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".xsdata.xml"
ENTRY_SCHEMA = ROOT / "xsd" / "dsm.xsd"
MODELS = ROOT / "src" / "dsm_messages" / "models"


def generate(destination: Path) -> Path:
    """Generate the models package under ``destination`` and return the package directory."""
    scripts = sysconfig.get_path("scripts")
    env = dict(os.environ)
    # xsdata formats its output by calling `ruff` by name: make it find the pinned one next to us.
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    xsdata = shutil.which("xsdata", path=env["PATH"])
    if xsdata is None:
        raise SystemExit("xsdata is not installed; install the project with its 'test' extra")
    result = subprocess.run(
        [xsdata, "generate", "--config", str(CONFIG), str(ENTRY_SCHEMA)],
        cwd=destination,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"xsdata failed:\n{result.stdout}\n{result.stderr}")
    return destination / "dsm_messages" / "models"


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths of files that differ, or exist on one side only."""
    out: list[str] = []
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        for name in cmp.common_files:
            if (Path(cmp.left) / name).read_bytes() != (Path(cmp.right) / name).read_bytes():
                out.append(prefix + name)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(comparison, "")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, change nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate(Path(scratch))
        if args.check:
            diff = differences(fresh, MODELS)
            for name in diff:
                print(f"differs: {name}")
            return 1 if diff else 0
        shutil.rmtree(MODELS, ignore_errors=True)
        shutil.copytree(fresh, MODELS, ignore=shutil.ignore_patterns("__pycache__"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
