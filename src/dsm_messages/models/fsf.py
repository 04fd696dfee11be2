from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare"


@dataclass(slots=True, kw_only=True)
class FileShareType:
    """
    File share: ShareUNC.

    :ivar share_unc: Share unc (fsf:String255ExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    share_unc: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "ShareUNC",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare",
            "min_occurs": 1,
            "max_length": 255,
            "white_space": "preserve",
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
class FileShareConfigType:
    """
    File share config: FileShares.

    :ivar file_shares: File shares (fsf:FileShareType).
    :ivar other_element:
    :ivar other_attributes:
    """

    file_shares: None | FileShareType = field(
        default=None,
        metadata={
            "name": "FileShares",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare",
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
class FileShareConfig(FileShareConfigType):
    """
    Instructions for the file-share filter (root of the fileshare dialect).

    :ivar file_shares: File shares (fsf:FileShareType).
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare"
        )
