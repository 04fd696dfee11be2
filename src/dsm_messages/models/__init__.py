"""The DSM message models, one module per namespace (generated; never edited by hand).

Every class has one name, ``models.<prefix>.<Class>``: ``models.dsp.JobStatusType``.
"""

from . import dsc, dsd, dsp, emlf, fsf, psp, soap, spf, spx, wsa, wscn, wse, xop

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
    "wse",
    "xop",
]
