"""What the probes of one run share: the kit's conversation with each service of the target,
whose jobs the events are about, and the two signals a probe ends early with."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Literal

from ..endpoint import Endpoint
from ..envelope import Envelope
from .model import Exchange, Finding, Target

if TYPE_CHECKING:
    from .listener import Listener
    from .play import Play

__all__ = ["SOAP_CONTENT_TYPE", "NotApplicable", "Phase", "RunState", "Service", "Stop"]

SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8"
#: The role the kit plays towards each protocol's service.
_ROLES = {"dsp": "device", "dsc": "control_point", "dsd": "control_point", "wscn": "control_point"}

#: ``probe`` while a probe plays; ``cleanup`` while what it created is undone (not judged).
Phase = Literal["probe", "cleanup"]


class Stop(Exception):  # noqa: N818 - a signal to the runner, not an error
    """The probe cannot go on; its findings say why."""


class NotApplicable(Exception):  # noqa: N818 - a verdict, raised by a probe
    """The target does not offer what the probe needs.

    :param reason: what it does not offer, in words (the report shows it).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Service:
    """The kit's conversation with one service of the target (one protocol, one address)."""

    def __init__(self, protocol: str, address: str) -> None:
        self.protocol = protocol
        self.address = address
        # the kit reads like a tolerant peer; what it sends is still checked strictly
        self.endpoint = Endpoint(_ROLES[protocol], profile="lenient", clock=None)  # type: ignore[arg-type]
        #: ``None`` until the first probe that needs events subscribes; then the
        #: SubscribeResponse's envelope, or the reason there is no subscription.
        self.subscription: Envelope | str | None = None
        #: operation -> ``None`` when offered, else why it is not
        self.offered: dict[str, str | None] = {}


class RunState:
    """What the probes of one run share: the target, the kit's conversation with each of its
    services, the event listener and whose jobs the events are about."""

    def __init__(self, target: Target, listener: Listener | None) -> None:
        self.target = target
        self.listener = listener
        self.services = {p: Service(p, target.addresses[p]) for p in target.protocols}
        self.run_id = f"urn:uuid:{uuid.uuid4()}"
        #: (protocol, job or ClientContext) -> the play that created it
        self.owners: dict[tuple[str, str], Play] = {}
        self.observations: list[Finding] = []
        self.late: list[Exchange] = []
        self.cursor = 0
