"""Hand-written code is ruff-clean and mypy --strict clean; every docstring example runs."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
from pathlib import Path

import pytest
from commands import installed_command, mypy_strict

import dsm_messages

ROOT = Path(__file__).resolve().parent.parent
# Every hand-written module of the package: a new one is covered without being listed.
PUBLIC_MODULES = sorted(
    name
    for module in pkgutil.walk_packages(dsm_messages.__path__, prefix="dsm_messages.")
    if (name := module.name.removeprefix("dsm_messages.")).split(".")[0] != "models"
)


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [installed_command("ruff"), "check", "src", "tests", "tools", "bench", "examples", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run(
        [installed_command("mypy")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(f"dsm_messages.{name}")
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_readme_examples_run() -> None:
    failures, tried = doctest.testfile(
        str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert tried > 0
    assert failures == 0


def readme_python() -> str:
    """The README's Python examples as one script: the doctest sources, outputs left out."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in text.split("```python\n")[1:]:
        for line in block.split("\n```", 1)[0].splitlines():
            if line.startswith((">>> ", "... ")):
                lines.append(line[4:])
            elif line in (">>>", "..."):
                lines.append("")
    return "\n".join(lines) + "\n"


def test_readme_examples_pass_mypy_strict(tmp_path: Path) -> None:
    source = readme_python()
    assert "Endpoint(" in source
    result = mypy_strict(source, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_first_command_runs_on_the_bundled_examples() -> None:
    """The set-up command's checks (after the install) pass on a checkout."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    command = text.split("```sh\n", 1)[1].split("\n```", 1)[0]
    steps = [step.strip() for step in command.split("&&")]
    checks = [step for step in steps if step.startswith(".venv/bin/dsm-messages ")]
    conversations = list((ROOT / "examples" / "conversations").iterdir())
    # every shipped conversation is checked, each by its own check-sequence
    assert [step.split()[1] for step in checks] == ["validate"] + ["check-sequence"] * len(
        conversations
    )
    assert {step.split()[-1] for step in checks[1:]} == {
        f"examples/conversations/{folder.name}" for folder in conversations
    }
    for step in checks:
        arguments = step.split()[1:]
        result = subprocess.run(
            [installed_command("dsm-messages"), *arguments],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
