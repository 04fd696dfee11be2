from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__NAMESPACE__ = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint"


@dataclass(slots=True, kw_only=True)
class SharePointSitesType:
    """
    Share point sites: SaveToSharePointSiteURL.

    :ivar save_to_share_point_site_url: Save to share point site url
        (spf:String2048ExtType).
    :ivar other_element:
    :ivar other_attributes:
    """

    save_to_share_point_site_url: Sequence[str] = field(
        default_factory=list,
        metadata={
            "name": "SaveToSharePointSiteURL",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint",
            "min_occurs": 1,
            "max_length": 2048,
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
class SharePointConfigType:
    """
    Share point config: SaveToMySite, SaveToSharePointSites.

    :ivar save_to_my_site: Save to my site (spf:BoolExtType).
    :ivar save_to_share_point_sites: Snippet in 2.2.3.90 has no minOccurs, but inside
        spf:SharePointConfigType it is minOccurs=0.
    :ivar other_element:
    :ivar other_attributes:
    """

    save_to_my_site: None | bool = field(
        default=None,
        metadata={
            "name": "SaveToMySite",
            "type": "Element",
            "namespace": "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint",
        },
    )
    save_to_share_point_sites: None | SharePointSitesType = field(
        default=None,
        metadata={
            "name": "SaveToSharePointSites",
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
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class SharePointConfig(SharePointConfigType):
    """
    Instructions for the SharePoint filter (root of the sharepoint dialect).

    :ivar save_to_my_site: Save to my site (spf:BoolExtType).
    :ivar save_to_share_point_sites: Snippet in 2.2.3.90 has no minOccurs, but inside
        spf:SharePointConfigType it is minOccurs=0.
    :ivar other_element:
    :ivar other_attributes:
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint"
        )
