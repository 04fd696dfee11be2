"""Shared fixtures: where the protocol facts and Microsoft's doc examples live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the checkout (CI always provides it)."""
    if not (SHARED / "spec" / "catalog").is_dir():
        pytest.skip(f"protocol facts not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def doc_examples(shared: Path) -> Path:
    return shared / "conformance" / "doc-examples"
