"""``validate`` and ``parse`` read the bytes the same way: what validate calls valid, parse binds
whole (nothing dropped, truncated or picked among) and writes back unchanged, and what it calls
invalid, parse refuses with the same codes (the property is ``fuzz_targets.target_agree``, and
``target_agree_lenient`` for the lenient profile).

It is checked on every seed set, the same inputs every run: on generated structures (each
sample body of ``dsm_messages.testing.samples`` varied in shape, then mutated), which need no
file; on the bundled examples alone, as a checkout without ``../shared`` beside it sees them;
and on every stored seed, Microsoft's doc examples included when they are there.
"""

from __future__ import annotations

import random

import fuzz_targets
from fuzz_surfaces import generated_message, generated_seeds
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import fuzzing, mutated

from dsm_messages.testing.samples import SAMPLES

GENERATED = [data for _, data in generated_seeds()]
BUNDLED = [data for _, data in fuzz_targets.seeds(shared=False)]


def structures() -> st.SearchStrategy[bytes]:
    """A sample body varied in shape, in its envelope, then mutated 0 to 3 times."""
    return st.builds(
        lambda key, shape, state, count: fuzz_targets.mutate(
            generated_message(key, shape), random.Random(state), GENERATED, count
        ),
        st.sampled_from(sorted(SAMPLES)),
        st.integers(0, 2**32 - 1),
        st.integers(0, 2**32 - 1),
        st.integers(0, 3),
    )


@fuzzing(400)
@given(structures())
def test_validate_and_parse_agree_on_generated_structures(data: bytes) -> None:
    fuzz_targets.target_agree(data)


@fuzzing(250)
@given(mutated(BUNDLED))
def test_validate_and_parse_agree_on_the_bundled_examples_alone(data: bytes) -> None:
    fuzz_targets.target_agree(data)


@fuzzing(400)
@given(mutated())
def test_validate_says_valid_exactly_when_parse_binds_it_whole(data: bytes) -> None:
    fuzz_targets.target_agree(data)


@fuzzing(300)
@given(mutated())
def test_lenient_validate_and_parse_agree(data: bytes) -> None:
    fuzz_targets.target_agree_lenient(data)


@fuzzing(200)
@given(structures())
def test_lenient_validate_and_parse_agree_on_generated_structures(data: bytes) -> None:
    fuzz_targets.target_agree_lenient(data)
