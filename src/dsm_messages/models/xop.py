from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__NAMESPACE__ = "http://www.w3.org/2004/08/xop/include"


@dataclass(slots=True, kw_only=True)
class IncludeType:
    """
    Reference to a MIME part of the same package, by a cid: URI.

    :ivar other_element:
    :ivar href: cid: URI naming the Content-ID of the part that holds the bytes.
    :ivar other_attributes:
    """

    other_element: Sequence[object] = field(
        default_factory=list,
        metadata={
            "type": "Wildcard",
            "namespace": "##any",
        },
    )
    href: str = field(
        metadata={
            "type": "Attribute",
        }
    )
    other_attributes: Mapping[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "Attributes",
            "namespace": "##any",
        },
    )


@dataclass(slots=True, kw_only=True)
class Include(IncludeType):
    """
    Placeholder for binary content carried in another part of the package.

    :ivar other_element:
    :ivar href: cid: URI naming the Content-ID of the part that holds the bytes.
    :ivar other_attributes:
    """

    class Meta:
        namespace = "http://www.w3.org/2004/08/xop/include"
