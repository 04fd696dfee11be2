"""Validate an archive of stored messages on a Dask cluster, one task per partition of paths.

Each message is checked where its partition runs, exactly as ``dsm-messages validate`` checks
a file, and comes back as the entry that command's ``--format json`` prints for it: plain
values that any engine can ship, store or aggregate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dask.bag

from dsm_messages import validate_file
from dsm_messages.rules import Profile


def entry(path: str, profile: Profile = "strict") -> dict[str, Any]:
    """One stored message's JSON entry: ``path``, ``valid``, ``message``, ``action``,
    ``problems``."""
    return validate_file(path, profile=profile).to_json(path=path)


def validate_archive(
    paths: Sequence[str], *, profile: Profile = "strict", partition_size: int = 1_000
) -> dask.bag.Bag:
    """A bag of the entries of ``paths``, in their order; nothing runs until it is computed."""
    # from_sequence carries no annotations: mypy --strict wants the call marked
    archive = dask.bag.from_sequence(paths, partition_size=partition_size)  # type: ignore[no-untyped-call]
    reports: dask.bag.Bag = archive.map(entry, profile=profile)
    return reports
