"""SOAP faults: the ``soap:Fault`` sample."""

from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement

from dsm_messages.models import soap

from .common import (
    ACME_NS,
    DSP_NS,
    JOB_TOKEN,
    SCAN_SERVER,
)

__all__ = ["SAMPLES"]

_SOAP: dict[str, object] = {
    "soap:Fault": soap.Fault(
        code=soap.FaultCodeType(
            value=soap.FaultCodeEnum.SOAP_RECEIVER,
            subcode=soap.SubcodeType(
                value=QName(DSP_NS, "OperationFailed"),
                subcode=soap.SubcodeType(value=QName(ACME_NS, "ScanProcessAccessDenied")),
            ),
        ),
        reason=soap.FaultReasonType(
            text=[
                soap.ReasonTextType(
                    value="The post-scan job could not be created: access to the scan "
                    "process was denied.",
                    lang="en",
                ),
            ],
        ),
        node=f"https://{SCAN_SERVER}:5358/DistributedScan/Processing",
        role="http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
        detail=soap.DetailType(
            any_element=[
                # text="" (not the default None): xsdata parses a wildcard element that has
                # no text of its own to an AnyElement with text "", so that is its canonical,
                # round-trippable form.
                AnyElement(
                    qname=f"{{{ACME_NS}}}ErrorInfo",
                    text="",
                    children=[
                        AnyElement(qname=f"{{{ACME_NS}}}HResult", text="0x80070005"),
                        AnyElement(qname=f"{{{ACME_NS}}}JobToken", text=JOB_TOKEN),
                    ],
                ),
            ],
        ),
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_SOAP}
