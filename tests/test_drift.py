"""The committed models are exactly what the pinned xsdata generates from xsd/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_regenerating_the_models_changes_no_byte() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_models.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, (
        "generated models differ from src/dsm_messages/models; run "
        "`python tools/generate_models.py` and commit the result\n" + result.stdout + result.stderr
    )


def test_the_check_detects_a_hand_edit(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import generate_models
    finally:
        sys.path.pop(0)
    fresh = generate_models.generate(tmp_path)
    edited = tmp_path / "edited"
    edited.mkdir()
    for path in fresh.iterdir():
        if path.is_file():
            (edited / path.name).write_bytes(path.read_bytes())
    (edited / "dsp.py").write_bytes((fresh / "dsp.py").read_bytes() + b"# hand edit\n")
    assert generate_models.differences(fresh, edited) == ["dsp.py"]


def test_state_diagrams_are_drawn_from_the_tables() -> None:
    """docs/diagrams/ holds what tools/render_diagrams.py draws from the transition tables."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "render_diagrams.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
