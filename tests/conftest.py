"""Shared fixtures: where the protocol facts and Microsoft's doc examples live."""

from __future__ import annotations

from pathlib import Path

import pytest
from stored_messages import write_archive

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


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three hundred stored messages in nested folders, valid and not (see
    :func:`stored_messages.write_archive`)."""
    return write_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site built once per run as a reader's build would be, html then
    doctest, warnings as errors (see :func:`docs_site.build`)."""
    from docs_site import build

    return build(tmp_path_factory.mktemp("site"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--browser",
        action="store_true",
        help="also run the checks that look at the built site in headless Chromium (the "
        "Debian package chromium); .ci/run installs it and runs them",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``browser`` need a system package: they run with ``--browser`` only (and
    fail, not skip, when the browser is missing); otherwise they are deselected, not passed."""
    if config.getoption("--browser"):
        return
    deselected = [item for item in items if item.get_closest_marker("browser")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("browser")]
