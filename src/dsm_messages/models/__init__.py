"""The DSM message models, one module per namespace (generated; never edited by hand).

Every class has one name, ``models.<prefix>.<Class>``: ``models.dsp.JobStatusType``.
"""

from . import dsc, dsd, dsp, emlf, fsf, psp, soap, spf, spx, wsa, wscn, wsd, wsdp, wse, wsx, xop

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
