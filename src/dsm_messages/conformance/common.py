"""What the probe modules share: how a probe is declared, the rules a conversation probe
checks, and the kit's well-formed requests (a scan process, a scan ticket, an image)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..models import dsp, fsf, psp, wscn
from ..ordering_rules import ORDERING_RULES
from ..rule_ids import DscRule, DsdRule, DsmRule, DspRule, RuleId, WsaRule, WscnRule
from ..rules import RULES
from .model import Probe, Script
from .play import Play

__all__ = [
    "IMAGE",
    "Registry",
    "conversation_rules",
    "default_scan_process",
    "image_request",
    "scan_process",
    "scan_ticket",
]

#: A small but genuine PDF standing in for a scanned page.
IMAGE = (
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
#: The user and scan process of the kit's own CreatePostScanJob.
USER = "S-1-5-21-1004336348-1177238915-682003330-512"
SCAN_PROCESS = "0d6f3c1e-5b2a-4e7f-9c81-2a4b6d8e0f13"

_ENUMS: dict[str, type[RuleId]] = {
    "dsp": DspRule,
    "dsc": DscRule,
    "dsd": DsdRule,
    "wscn": WscnRule,
}
_PAIRING: dict[str, RuleId] = {
    "dsp": DspRule.R18,
    "dsc": DscRule.PAIRING,
    "dsd": DsdRule.R23,
    "wscn": WsaRule.PAIRING,
}


def conversation_rules(protocol: str) -> tuple[str, ...]:
    """What a conversation probe of ``protocol`` checks on every message the target sends:
    the pairing of answers with requests first (its subject), then every MUST rule of that
    protocol that the answering side keeps (its rows without a fault: a request's rows name
    the fault its refusal carries, and have probes of their own), the HTTP status and
    Content-Type a message travels with, WS-Addressing's pairing, and every validator rule
    that makes a message invalid in the strict profile."""
    subject = _PAIRING[protocol]
    ordering = [
        rule
        for rule in (*_ENUMS[protocol], *DsmRule)  # (DSM-HTTP-*: how any message travels)
        if rule in ORDERING_RULES
        and ORDERING_RULES[rule].strict == "error"
        and ORDERING_RULES[rule].fault is None
    ]
    validator = [rule for rule, row in RULES.items() if row.strict == "error"]
    rules = [subject, *ordering, WsaRule.PAIRING, *validator]
    return tuple(dict.fromkeys(rules))


class Registry:
    """The probes one module declares, in the order it declares them."""

    def __init__(self, protocol: str) -> None:
        self.protocol = protocol
        self.probes: list[Probe] = []

    def probe(
        self,
        name: str,
        summary: str,
        *,
        rules: Iterable[str] | None = None,
        rule: str | None = None,
        needs: Iterable[str] = (),
    ) -> Callable[[Callable[[Play], Script]], Callable[[Play], Script]]:
        """Declare a probe: ``rule`` for a refusal (its id is ``<protocol>.<rule>``, or
        ``<protocol>.<rule>.<name>`` when the rule has several), ``rules`` for a conversation
        (``<protocol>.<name>``). Its steps are the script's docstring."""

        def register(script: Callable[[Play], Script]) -> Callable[[Play], Script]:
            checked = tuple(rules) if rules is not None else (str(rule),)
            if rule is not None:
                identifier = f"{self.protocol}.{rule}" + (f".{name}" if name else "")
            else:
                identifier = f"{self.protocol}.{name}"
            self.probes.append(
                Probe(
                    id=identifier,
                    protocol=self.protocol,
                    summary=summary,
                    rules=checked,
                    play=script,
                    steps=" ".join((script.__doc__ or "").split()),
                    needs=frozenset(needs),
                )
            )
            return script

        return register


# -- the kit's requests ---------------------------------------------------------------------
def scan_process(play: Play) -> dsp.CreatePostScanJobRequest:
    """The CreatePostScanJob the kit sends: the target's own scan process when the target
    description gives one, else :func:`default_scan_process`."""
    if play.target.scan_process is not None:
        return play.target.scan_process
    return default_scan_process()


def default_scan_process() -> dsp.CreatePostScanJobRequest:
    """The kit's own scan process: deliver to a file share."""
    to_share = psp.FilterToProcessType(
        dialect=fsf.__NAMESPACE__,
        instructions=psp.FilterInstructionType(
            file_share_config=fsf.FileShareConfig(
                file_shares=fsf.FileShareType(share_unc=[r"\\files01\scans\conformance"])
            )
        ),
    )
    return dsp.CreatePostScanJobRequest(
        user_identifier=USER,
        psp_identifier=SCAN_PROCESS,
        post_scan_instructions=psp.PostScanInstructionsType(
            document_root_name="Conformance",
            filters_to_process=psp.FilterToProcessListType(filter=[to_share]),
        ),
    )


def image_request(token: str, document_id: int) -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token=token,
        document_description=dsp.DocumentDescriptionType(
            document_id=document_id, format=dsp.DocumentFormatWKVType.PDF_A
        ),
        image_data=b"",
    )


def scan_ticket(name: str = "dsm-messages conformance") -> wscn.ScanTicketType:
    """A plain scan ticket: one page from the platen, JPEG, 300 dpi grey."""
    side = wscn.MediaSideType(
        color_processing=wscn.ColorJobType(value=wscn.ColorWKVType.GRAYSCALE8),
        resolution=wscn.ResolutionPairExtType(width=300, height=300),
    )
    return wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(
            job_name=name, job_originating_user_name="conformance"
        ),
        document_parameters=wscn.DocumentParametersType(
            format=wscn.DocumentFormatType(value=wscn.DocumentFormatWKVType.JFIF),
            input_source=wscn.DocumentInputSourceType(
                value=wscn.DocumentInputSourceWKVType.PLATEN
            ),
            media_sides=wscn.MediaSidesType(media_front=side),
        ),
    )
