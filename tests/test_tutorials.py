"""Every tutorial runs as a reader meets it: a wheel of the project is built and installed in a
fresh virtual environment with nothing else but what the page names at its top, and each page's
code blocks run in page order, from an empty temporary folder, with no ``PYTHONPATH``
(:mod:`tutorial_pages` says how a page's blocks are read; ``run_tutorial.py`` runs them).

The wheel and the environment are built once per test run; pip's own cache keeps the downloads.
Pages that need nothing but the package run first, so that what a later page installs cannot
help an earlier one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from tutorial_pages import ROOT, Page, commands, pages

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PAGES = sorted(pages(), key=lambda page: (len(page.requirements), page.path.name))


def _environment(venv: Path) -> dict[str, str]:
    """The environment of a reader's shell: the fresh venv first on PATH, the project's own
    environment and source nowhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    ours = Path(sys.executable).parent
    path = [entry for entry in env.get("PATH", "").split(os.pathsep) if Path(entry) != ours]
    env["PATH"] = os.pathsep.join([str(venv / "bin"), *path])
    env["VIRTUAL_ENV"] = str(venv)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(arguments: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        arguments, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment holding the project's wheel and its dependencies only."""
    base = tmp_path_factory.mktemp("reader")
    wheels = base / "wheel"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), "."])
    (wheel,) = wheels.glob("dsm_messages-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
         env=_environment(venv))  # fmt: skip
    return venv


def test_the_tutorials_are_found() -> None:
    assert {page.path.stem for page in PAGES} >= {
        "first-steps",
        "validate-in-ci",
        "archives",
        "monitor",
        "scan-server",
    }
    assert not (ROOT / "docs" / "snippets").exists()  # nothing a reader does not have


@pytest.mark.parametrize("page", PAGES, ids=[page.path.stem for page in PAGES])
def test_the_tutorial_runs_in_a_fresh_environment(
    page: Page, fresh_venv: Path, tmp_path: Path
) -> None:
    env = _environment(fresh_venv)
    if page.requirements:
        _run([str(fresh_venv / "bin" / "pip"), "install", "--quiet", *page.requirements], env)
    blocks = [
        {"kind": block.kind, "text": block.text, "name": block.name, "commands": commands(block)}
        for block in page.blocks
        if block.kind != "shown"
    ]
    assert any(block["kind"] != "sh" for block in blocks)
    plan = {"page": page.path.name, "blocks": blocks}
    harness = tmp_path / "harness"
    harness.mkdir()
    (harness / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    shutil.copy(ROOT / "tests" / "run_tutorial.py", harness)
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(
        [str(fresh_venv / "bin" / "python"), str(harness / "run_tutorial.py"),
         str(harness / "plan.json")],
        cwd=work, env=env, capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]


def _yaml_blocks(page: Page) -> list[dict[str, Any]]:
    found = []
    for block in page.of("shown"):
        if block.language == "yaml":
            loaded = yaml.safe_load(block.text)
            assert isinstance(loaded, dict)
            found.append(loaded)
    return found


def test_the_ci_recipes_are_complete() -> None:
    """The workflow is one a CI service runs as it is: it installs the released package and
    runs the command; the pre-commit recipe names this repository and the tag of this
    version, and a hook it provides."""
    (page,) = [page for page in PAGES if page.path.stem == "validate-in-ci"]
    workflows = [doc for doc in _yaml_blocks(page) if "jobs" in doc]
    assert workflows
    for workflow in workflows:
        assert workflow.get("on") or workflow.get(True)  # type: ignore[call-overload]
        for job in workflow["jobs"].values():
            runs = " ".join(str(step.get("run", "")) for step in job["steps"])
            uses = [str(step.get("uses", "")) for step in job["steps"]]
            assert any(use.startswith("actions/checkout@") for use in uses)
            assert any(use.startswith("actions/setup-python@") for use in uses)
            assert f"dsm-messages=={PROJECT['version']}" in runs
            assert "dsm-messages validate" in runs
    (config,) = [doc for doc in _yaml_blocks(page) if "repos" in doc]
    (repo,) = config["repos"]
    assert repo["repo"] == PROJECT["urls"]["Source"]
    assert repo["rev"] == f"v{PROJECT['version']}"
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in hooks}
