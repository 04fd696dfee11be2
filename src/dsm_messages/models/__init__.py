"""The DSM message models, one module per namespace (generated; never edited by hand).

Every class has one name, ``models.<prefix>.<Class>``: ``models.dsp.JobStatusType``.
A namespace's module is imported when it is first used (``models.dsp``, or
``from dsm_messages.models import dsp``): a program loads only the namespaces it uses.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import (
        dsc,
        dsd,
        dsp,
        emlf,
        fsf,
        psp,
        soap,
        spf,
        spx,
        wsa,
        wscn,
        wsd,
        wsdp,
        wse,
        wsx,
        xop,
    )

__all__ = [
    "dsc",
    "dsd",
    "dsp",
    "emlf",
    "fsf",
    "psp",
    "soap",
    "spf",
    "spx",
    "wsa",
    "wscn",
    "wsd",
    "wsdp",
    "wse",
    "wsx",
    "xop",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return import_module(f"{__name__}.{name}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
