"""The contract holds for mutated messages, not only for the ones we wrote.

Structure-aware mutations (see ``fuzz_targets``) of every bundled example and every Microsoft
doc example, and of generated messages, a bounded number per run and the same ones every run
(``derandomize``); ``tools/fuzz.py`` runs the same targets for as long as asked. ``validate``
never raises; ``parse`` and ``parse_package`` raise only ``DsmError``; every refused request is
answered with a strict-valid fault in every role; a package ends alike however it is cut, and
names one rule live and offline; a mutated conversation is judged; every problem reported has a
line and a column; the command lets no exception out and says an internal error in one line,
with exit status 2.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import fuzz_targets
import pytest
from fuzz_surfaces import generated_seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEEDS = fuzz_targets.seeds()
DONORS = [data for _, data in SEEDS]
GENERATED = [data for _, data in generated_seeds()]


def mutated(donors: list[bytes] | None = None) -> st.SearchStrategy[bytes]:
    """One of ``donors`` (every stored seed by default) mutated 1 to 4 times."""
    chosen = DONORS if donors is None else donors
    return st.builds(
        lambda seed, state, count: fuzz_targets.mutate(seed, random.Random(state), chosen, count),
        st.sampled_from(chosen),
        st.integers(0, 2**32 - 1),
        st.integers(1, 4),
    )


def fuzzing(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def test_every_example_and_doc_example_is_a_seed(doc_examples: Path) -> None:
    names = {name for name, _ in SEEDS}
    stored = [ROOT / "examples", doc_examples]
    for folder in stored:
        for path in folder.rglob("*"):
            if path.suffix in (".xml", ".mime"):
                assert str(path.relative_to(folder.parent)) in names


@pytest.mark.parametrize(("name", "data"), SEEDS, ids=[name for name, _ in SEEDS])
def test_the_seeds_themselves_keep_the_contract(name: str, data: bytes) -> None:
    for target in fuzz_targets.TARGETS.values():
        target(data)


@fuzzing(800)
@given(mutated())
def test_validate_never_raises(data: bytes) -> None:
    fuzz_targets.target_validate(data)


@fuzzing(500)
@given(mutated())
def test_parse_raises_only_dsm_errors(data: bytes) -> None:
    fuzz_targets.target_parse(data)


@fuzzing(500)
@given(mutated())
def test_parse_package_raises_only_dsm_errors(data: bytes) -> None:
    fuzz_targets.target_parse_package(data)


@fuzzing(120)
@given(mutated(DONORS + GENERATED))
def test_every_refused_request_is_answered_in_every_role(data: bytes) -> None:
    fuzz_targets.target_endpoint(data)


@fuzzing(120)
@given(mutated(DONORS + GENERATED))
def test_a_package_is_read_alike_cut_anywhere_live_and_offline(data: bytes) -> None:
    fuzz_targets.target_chunks(data)


@fuzzing(120)
@given(mutated(DONORS + GENERATED))
def test_a_conversation_with_a_mutated_message_is_judged(data: bytes) -> None:
    fuzz_targets.target_sequence(data)


@fuzzing(200)
@given(mutated(DONORS + GENERATED))
def test_every_problem_reported_has_a_line_and_a_column(data: bytes) -> None:
    fuzz_targets.target_positions(data)


@pytest.fixture(scope="module")
def command() -> Iterator[fuzz_targets.CommandTarget]:
    target = fuzz_targets.CommandTarget()
    yield target
    target.close()


def test_the_command_keeps_its_contract(command: fuzz_targets.CommandTarget) -> None:
    @fuzzing(150)
    @given(mutated())
    def check(data: bytes) -> None:
        command(data)

    check()


def test_a_finding_is_raised_for_a_broken_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes, **_: object) -> None:
        raise KeyError(data)

    monkeypatch.setattr(fuzz_targets, "validate", broken)
    with pytest.raises(fuzz_targets.Finding, match="KeyError"):
        fuzz_targets.target_validate(b"<a/>")
