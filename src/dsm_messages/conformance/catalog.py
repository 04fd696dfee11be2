"""Every probe of the kit, in the order a run plays them, and what no probe covers.

:data:`PROBES` is the one list the runner, the HTTP driver and the documentation read: per
protocol, the conversations first, then the refusals of its ordering rules, then the refusals
generated from the validator's table (:mod:`.breakers`). :func:`missing_probes` names every rule
a receiver refuses that has neither a probe nor a reason in :data:`NOT_PROBED`.
"""

from __future__ import annotations

from ..ordering_rules import ORDERING_RULES
from ..rules import RULES
from . import probes_dsc, probes_dsd, probes_dsp, probes_wscn
from .breakers import NOT_PROBED, generated_probes
from .model import PROTOCOLS, Probe

__all__ = ["NOT_PROBED", "PROBES", "missing_probes", "refused_rules"]


def _ordered() -> tuple[Probe, ...]:
    written = [*probes_dsp.PROBES, *probes_dsc.PROBES, *probes_dsd.PROBES, *probes_wscn.PROBES]
    generated = list(generated_probes())
    out: list[Probe] = []
    for protocol in PROTOCOLS:
        out += [probe for probe in written if probe.protocol == protocol]
        out += [probe for probe in generated if probe.protocol == protocol]
    ids = [probe.id for probe in out]
    duplicates = sorted({identifier for identifier in ids if ids.count(identifier) > 1})
    if duplicates:
        raise ValueError(f"two probes share an id: {duplicates}")
    return tuple(out)


#: Every probe, per protocol (dsp, dsc, dsd, wscn).
PROBES: tuple[Probe, ...] = _ordered()


def refused_rules() -> list[str]:
    """Every rule a receiver refuses: a row that names the fault a refusal carries and is an
    error in the strict profile."""
    rows = [*RULES.values(), *ORDERING_RULES.values()]
    return [row.id for row in rows if row.fault is not None and row.strict == "error"]


def missing_probes(probes: tuple[Probe, ...] = PROBES) -> list[str]:
    """The rules a receiver refuses that no probe checks and :data:`NOT_PROBED` does not
    explain.

    :param probes: the probes to look in (the kit's own unless given).
    """
    probed = {rule for probe in probes for rule in probe.rules[:1]}
    return [rule for rule in refused_rules() if rule not in probed and rule not in NOT_PROBED]
