"""Post-scan instructions (psp) and the three filter configurations, and the
``psp:PostScanProcess`` sample."""

from dsm_messages.models import (
    emlf,
    fsf,
    psp,
    spf,
    spx,
)

from .common import (
    EMAIL_DIALECT,
    FILESHARE_DIALECT,
    SCAN_SERVER,
    SHAREPOINT_DIALECT,
)
from .scan_parts import scan_ticket

__all__ = [
    "SAMPLES",
    "email_config",
    "file_share_config",
    "filter_to_process",
    "post_scan_instructions",
    "share_point_config",
]

# --------------------------------------------------------------------------------------------
# Post-scan instructions (psp) and the three filter configurations
# --------------------------------------------------------------------------------------------


def file_share_config() -> fsf.FileShareConfig:
    """Instructions of the file-share filter: two UNC targets."""
    return fsf.FileShareConfig(
        file_shares=fsf.FileShareType(
            share_unc=[
                "\\\\fs01.contoso.com\\Scans\\Finance",
                "\\\\fs02.contoso.com\\Archive\\Finance\\2026",
            ],
        ),
        other_element=[spx.AllowDeviceFilePathChange(value=False)],
    )


def share_point_config() -> spf.SharePointConfig:
    """Instructions of the SharePoint filter: My Site plus two document libraries."""
    return spf.SharePointConfig(
        save_to_my_site=False,
        save_to_share_point_sites=spf.SharePointSitesType(
            save_to_share_point_site_url=[
                "https://sharepoint.contoso.com/sites/finance/Shared%20Documents/Scans",
                "https://sharepoint.contoso.com/sites/audit/Invoices",
            ],
        ),
    )


def email_config() -> emlf.EmailConfig:
    """Instructions of the e-mail filter: copy to the scan user and two mailboxes."""
    return emlf.EmailConfig(
        send_to_scan_user=True,
        send_to_addresses=emlf.SendToAddressesType(
            email_address=[
                "ap-invoices@contoso.com",
                "finance-archive@contoso.com",
            ],
            can_add_addresses=True,
        ),
    )


def filter_to_process(
    dialect: str, instructions: psp.FilterInstructionType
) -> psp.FilterToProcessType:
    """One psp:Filter: its dialect URI and the dialect's configuration element."""
    return psp.FilterToProcessType(
        dialect=dialect,
        instructions=instructions,
    )


def post_scan_instructions() -> psp.PostScanInstructionsType:
    """Post-scan instructions delivering to a file share, SharePoint and e-mail."""
    return psp.PostScanInstructionsType(
        continue_on_error=True,
        document_root_name="Invoice",
        filters_to_process=psp.FilterToProcessListType(
            filter=[
                filter_to_process(
                    FILESHARE_DIALECT,
                    psp.FilterInstructionType(file_share_config=file_share_config()),
                ),
                filter_to_process(
                    SHAREPOINT_DIALECT,
                    psp.FilterInstructionType(share_point_config=share_point_config()),
                ),
                filter_to_process(
                    EMAIL_DIALECT, psp.FilterInstructionType(email_config=email_config())
                ),
            ],
        ),
        other_element=[spx.AllowDeviceFileNameChange(value=True)],
    )


_PSP: dict[str, object] = {
    "psp:PostScanProcess": psp.PostScanProcess(
        scan_repository=SCAN_SERVER,
        scan_ticket=scan_ticket(),
        post_scan_instructions=post_scan_instructions(),
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_PSP}
