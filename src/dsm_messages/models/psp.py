from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .emlf import EmailConfig
from .fsf import FileShareConfig
from .spf import SharePointConfig
from .wscn import ScanTicketType

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp"


@dataclass(slots=True, kw_only=True)
class FilterInstructionType:
    """
    Filter instructions: one of the known dialects' configurations, or vendor elements.

    :ivar email_config: The instructions of the EmailConfig filter dialect, typed.
    :ivar file_share_config: The instructions of the FileShareConfig filter dialect, typed.
    :ivar share_point_config: The instructions of the SharePointConfig filter dialect,
        typed.
    :ivar other_element:
    """

    email_config: None | EmailConfig = field(
        default=None,
        metadata={
            "name": "EmailConfig",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email",
        },
    )
    file_share_config: None | FileShareConfig = field(
        default=None,
        metadata={
            "name": "FileShareConfig",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare",
        },
    )
    share_point_config: None | SharePointConfig = field(
        default=None,
        metadata={
            "name": "SharePointConfig",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint",
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class FilterToProcessType:
    """
    Filter to process: Dialect, Instructions.

    :ivar dialect: Dialect (psp:anyURIExtType).
    :ivar instructions: Instructions (psp:FilterInstructionType).
    :ivar other_element:
    :ivar other_attributes:
    """

    dialect: str = field(
        metadata={
            "name": "Dialect",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
        }
    )
    instructions: FilterInstructionType = field(
        metadata={
            "name": "Instructions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class FilterToProcessListType:
    """
    Filter to process list: Filter.

    :ivar filter: Filter (psp:FilterToProcessType).
    :ivar other_element:
    :ivar other_attributes:
    """

    filter: Sequence[FilterToProcessType] = field(
        default_factory=list,
        metadata={
            "name": "Filter",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
            "min_occurs": 1,
        },
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class PostScanInstructionsType:
    """
    Post scan instructions: ContinueOnError, DocumentRootName, FiltersToProcess.

    :ivar continue_on_error: Continue on error (psp:BoolExtType).
    :ivar document_root_name: Document root name (psp:String255ExtType).
    :ivar filters_to_process: Filters to process (psp:FilterToProcessListType).
    :ivar other_element:
    :ivar other_attributes:
    """

    continue_on_error: None | bool = field(
        default=None,
        metadata={
            "name": "ContinueOnError",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
        },
    )
    document_root_name: str = field(
        metadata={
            "name": "DocumentRootName",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    filters_to_process: FilterToProcessListType = field(
        metadata={
            "name": "FiltersToProcess",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class PostScanProcessType:
    """
    Post scan process: ScanRepository, ScanTicket, PostScanInstructions.

    :ivar scan_repository: Fully qualified domain name of the scan repository.
    :ivar scan_ticket: psp-namespace element whose type comes from wscn.
    :ivar post_scan_instructions: Post scan instructions (psp:PostScanInstructionsType).
    :ivar other_element:
    :ivar other_attributes:
    """

    scan_repository: str = field(
        metadata={
            "name": "ScanRepository",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
            "max_length": 255,
            "white_space": "preserve",
        }
    )
    scan_ticket: ScanTicketType = field(
        metadata={
            "name": "ScanTicket",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
        }
    )
    post_scan_instructions: PostScanInstructionsType = field(
        metadata={
            "name": "PostScanInstructions",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp",
        }
    )
    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class PostScanProcess(PostScanProcessType):
    """
        A scan process: which scan server a device sends to, the scan ticket and the post-scan
    instructions.

        :ivar scan_repository: Fully qualified domain name of the scan repository.
        :ivar scan_ticket: psp-namespace element whose type comes from wscn.
        :ivar post_scan_instructions: Post scan instructions (psp:PostScanInstructionsType).
        :ivar other_element:
        :ivar other_attributes:
    """

    class Meta:
        namespace = "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp"
