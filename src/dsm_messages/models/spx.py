from __future__ import annotations

from dataclasses import dataclass, field

__NAMESPACE__ = (
    "http://schemas.microsoft.com/windows/2010/09/imaging/postscan/scanprocess/extensions"
)


@dataclass(slots=True, kw_only=True)
class AllowDeviceFileNameChange:
    """
    Scan-process extension: true lets a job use a DocumentRootName other than the directory
    copy.

    The source schema gives it the default false (documented here, not applied by the schema).
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2010/09/imaging/postscan/scanprocess/extensions"
        )

    value: bool = field()


@dataclass(slots=True, kw_only=True)
class AllowDeviceFilePathChange:
    """
    Scan-process extension: true lets a job use a ShareUNC other than the directory copy.

    The source schema gives it the default false (documented here, not applied by the schema).
    """

    class Meta:
        namespace = (
            "http://schemas.microsoft.com/windows/2010/09/imaging/postscan/scanprocess/extensions"
        )

    value: bool = field()
