"""Where each rule comes from, as links a reader can follow.

A rule's row names its source in the project's own shorthand (``wsdp.md 10.7``: WS-DSP ordering
rule 7 of the protocol notes; ``WS-Scan RetrieveImageRequest``; ``MS-BDSRR 3.2.4.2``). Here each
becomes the public page it stands for: the retired DSM reference pages (kept in the history of
MicrosoftDocs/windows-driver-docs), WS-Scan's current element pages, [MS-BDSRR], and the W3C
specifications the validator's rules come from.
"""

from __future__ import annotations

import re

#: A commit of MicrosoftDocs/windows-driver-docs that still holds the DSM reference pages.
RETIRED = (
    "https://github.com/MicrosoftDocs/windows-driver-docs/blob/"
    "76faf76df040e3884323f69bb26ebb9204c7cd3f/windows-driver-docs-pr/image/{}.md"
)
WS_SCAN = "https://learn.microsoft.com/windows-hardware/drivers/image/{}"
MS_BDSRR = "https://learn.microsoft.com/openspecs/windows_protocols/ms-bdsrr/"
SANE_AIRSCAN = "https://github.com/alexpevzner/sane-airscan"
SPECS = {
    "XML 1.0": "https://www.w3.org/TR/xml/",
    "SOAP 1.2": "https://www.w3.org/TR/soap12-part1/",
    "SOAP 1.2 Part 2": "https://www.w3.org/TR/soap12-part2/",
    "WS-Addressing 2004/08": "https://www.w3.org/submissions/ws-addressing/",
    "MTOM": "https://www.w3.org/TR/soap12-mtom/",
    "XOP": "https://www.w3.org/TR/xop10/",
    "WS-Discovery (April 2005)": "https://specs.xmlsoap.org/ws/2005/04/discovery/ws-discovery.pdf",
    "XML Schema": "https://www.w3.org/TR/xmlschema-1/",
}

#: The reference pages each numbered ordering rule is stated on; a rule with none is the
#: project's inference (section 10 of the WS-DSP notes, section 8 of the WS-DSD notes).
DSP_PAGES: dict[int, tuple[str, ...]] = {
    1: ("sendimagerequest", "ws-dsp-scenario--device-initiated-scan"),
    2: ("createpostscanjobresponse-jobtoken", "cancelpostscanjobrequest"),
    3: ("postscanjobstatusevent-jobstatus-jobtoken",),
    5: ("sendimagerequest", "ws-dsp-scenario--device-initiated-scan"),
    6: ("sendimagerequest",),
    7: ("sendimagerequest-documentdescription-documentid",),
    8: ("dsm-scan-job-sequence-diagram",),
    9: ("endpostscanjobrequest", "ws-dsp-scenario--device-initiated-scan"),
    12: ("cancelpostscanjobrequest",),
    14: ("cancelpostscanjobrequest",),
    15: ("getpostscanjobelementrequest",),
    17: ("distributed-scan-processing-web-service-operation-error-reporting",),
    20: ("ws-dsp-events", "dsm-scan-job-sequence-diagram"),
    21: ("dsm-scan-job-sequence-diagram",),
    23: ("dsm-scan-job-sequence-diagram",),
    24: ("dsm-scan-job-sequence-diagram",),
    25: ("endpostscanjobrequest", "postscanjobendstateevent"),
    29: ("getpostscanjobelementsresponse-example",),
    30: ("jobcompletedstate",),
    34: ("postscanjobendstateevent-postscanjobendstate-imagesreceived",),
    36: ("postscaninstructions-continueonerror",),
    38: ("dsm-operation-phases-",),
    39: ("distributed-scan-processing-web-service-protocol-summary",),
}
#: [MS-BDSRR] sections the WS-DSP rules take from the sister protocol.
DSP_BDSRR: dict[int, str] = {
    2: "2.2.3.28",
    6: "2.2.3.16",
    7: "2.2.3.5",
    11: "2.2.5.11",
    12: "3.2.4.2",
    14: "3.2.4.2",
    15: "3.2.4.2",
    16: "3.2.4.3",
    25: "3.2.4.9",
    30: "3.2.4.9.3.1",
    31: "3.2.4.2",
    33: "3.2.1",
}
DSD_PAGES: dict[int, tuple[str, ...]] = {
    1: ("jobendstateevent-jobendstate", "jobstatusevent-jobstatus"),
    2: ("jobstatusevent6", "jobstatusevent"),
    3: ("jobstate", "canceljobrequest"),
    4: ("jobstate",),
    6: ("jobendstateevent11", "jobendstate"),
    7: ("jobcompletedstate",),
    8: ("jobstatus",),
    9: ("scanscompleted",),
    10: ("jobcompletedtime", "jobcreatedtime"),
    11: ("jobid",),
    12: ("activejobs", "jobhistory2"),
    13: ("getjobelementsrequest2",),
    14: ("conditionid", "scannerstatusconditionclearedevent3"),
    16: ("devicecondition",),
    17: ("scannerstatusconditionevent", "devicecondition"),
    19: ("activeconditions", "conditionhistoryentry"),
    20: ("scannerstatussummaryevent6", "scannerstatussummaryevent"),
    21: ("scannerelementschangeevent3", "elementchanges"),
    22: ("ws-dsd-events",),
    23: ("wsd-scan-service-operation-error-reporting",),
    24: ("elementdata-for-scannerelements-element", "getscannerelementsresponse"),
    25: ("validscanticket",),
}

#: Where the validator's rules come from, by the start of their id; the first match wins.
VALIDATOR_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("DSM-XML-", ("XML 1.0",)),
    ("DSM-MIME-", ("MTOM", "XOP")),
    ("DSM-XOP-", ("XOP",)),
    ("DSM-SOAP-", ("SOAP 1.2",)),
    ("DSM-FAULT-", ("SOAP 1.2",)),
    ("DSM-DISCOVERY-", ("WS-Discovery (April 2005)",)),
    ("DSM-APP-SEQUENCE-", ("WS-Discovery (April 2005)",)),
    ("DSM-ADDRESSING-", ("WS-Addressing 2004/08",)),
    ("DSM-HEADER-", ("WS-Addressing 2004/08",)),
    ("DSM-ACTION-", ("WS-Addressing 2004/08",)),
    ("DSM-RELATES-", ("WS-Addressing 2004/08",)),
    ("DSM-REPLY-", ("WS-Addressing 2004/08",)),
    ("DSM-URI-", ("WS-Addressing 2004/08", "XML Schema")),
    ("DSM-MESSAGE-ID-", ("WS-Addressing 2004/08",)),
)


def link(text: str, url: str) -> str:
    """An anonymous reStructuredText hyperlink (a ``--`` in its text stays two hyphens)."""
    shown = text.replace("--", "-\\-")
    return f"`{shown} <{url}>`__"


def _pages(pages: tuple[str, ...]) -> str:
    return ", ".join(link(page, RETIRED.format(page)) for page in pages)


def _numbered(protocol: str, number: int) -> str:
    pages = (DSP_PAGES if protocol == "WS-DSP" else DSD_PAGES).get(number, ())
    bdsrr = DSP_BDSRR.get(number) if protocol == "WS-DSP" else None
    said = f"{protocol} ordering rule {number}"
    where = []
    if pages:
        where.append(f"the reference pages {_pages(pages)}")
    if bdsrr:
        where.append(f"{link('[MS-BDSRR]', MS_BDSRR)} {bdsrr} (the sister protocol)")
    if not where:
        return f"{said}, the project's inference from the reference pages (no page states it)"
    return f"{said}: {' and '.join(where)}"


#: Sources named in words (the first match of the start of a part wins), as links.
NAMED: tuple[tuple[str, str], ...] = (
    ("SOAP 1.2 Part 2", SPECS["SOAP 1.2 Part 2"]),
    ("XOP 1.0", SPECS["XOP"]),
    ("MTOM", SPECS["MTOM"]),
    ("WS-Addressing (August 2004)", SPECS["WS-Addressing 2004/08"]),
    ("sane-airscan", SANE_AIRSCAN),
    ("[MS-BDSRR]", MS_BDSRR),
)


def source_text(rule_id: str, source: str) -> str:
    """The source of a rule in words and links; a source of several parts (``A; B``) has each
    part linked."""
    parts = source.split("; ")
    if len(parts) > 1:
        return "; ".join(_one_source(rule_id, part) for part in parts)
    return _one_source(rule_id, source)


def _one_source(rule_id: str, source: str) -> str:
    document, _, place = source.partition(" ")
    numbered = re.fullmatch(r"(\d+)\.(\d+)", place)
    # the ordering rules are section 10 of the WS-DSP notes and section 8 of the WS-DSD notes
    if document == "wsdp.md" and numbered and numbered.group(1) == "10":
        return _numbered("WS-DSP", int(numbered.group(2)))
    if document == "wsdsd.md" and numbered and numbered.group(1) == "8":
        return _numbered("WS-DSD", int(numbered.group(2)))
    if document == "wsdp.md" and numbered and numbered.group(1) == "8":
        page = link("sendimagerequest-example", RETIRED.format("sendimagerequest-example"))
        return f"the SendImage packaging the WS-DSP reference page {page} shows"
    if document == "wsdsd.md":
        return "the WS-DSD protocol summary of the " + link(
            "reference pages", RETIRED.format("ws-dsd-events").rsplit("/", 1)[0]
        )
    if document == "wsdsc-and-schemas.md":
        return f"the post-scan job model of {link('[MS-BDSRR]', MS_BDSRR)} (section 2.2.5)"
    if document == "MS-BDSRR":
        return f"{link('[MS-BDSRR]', MS_BDSRR)} section {place}"
    if document == "WS-Scan":
        elements = [name.strip() for name in place.split(",")]
        if all(re.fullmatch(r"[A-Za-z]+", name) for name in elements):
            pages = ", ".join(link(name, WS_SCAN.format(name.lower())) for name in elements)
            return f"the WS-Scan element pages {pages}"
        return link(f"WS-Scan: {place}", WS_SCAN.format("ws-scan-schema"))
    if source in SPECS:
        return link(source, SPECS[source])
    for start, url in NAMED:
        if source.startswith(start):
            return link(source, url)
    if source.startswith("the fault tables of "):
        return f"{source} (gathered in :doc:`the faults guide </guides/faults>`)"
    if source == "dsm-messages validate":
        return "the validator: a message the conversation checker is given must be valid"
    if document == "dsm-messages":
        for start, specs in VALIDATOR_SOURCES:
            if rule_id.startswith(start):
                return ", ".join(link(spec, SPECS[spec]) for spec in specs)
        return "our schemas (``xsd/``) and the :doc:`decisions </guides/decisions>` behind them"
    return source


#: Numbers of the WS-DSP and WS-DSD ordering rules that have no rule id, and why.
UNCHECKED: dict[str, str] = {
    "DSP-14": "a CancelPostScanJobResponse does not mean the job is cancelled: a statement "
    "about meaning, nothing in the order of messages to check",
    "DSP-15": "GetPostScanJobElements may be sent at any time after the job was created: a "
    "permission (one before the token is DSP-1)",
    "DSP-21": "a status event when the job is created and at each change: a checker cannot "
    "see a change that was never reported",
    "DSP-22": "an event may overtake the response that reveals its token: a tolerance; such an "
    "event is held until the token is known, not refused",
    "DSP-23": "SendImage may start right after CreatePostScanJobResponse: a permission",
    "DSP-24": "status events may follow EndPostScanJobResponse: a permission",
    "DSP-27": "an end state may come without EndPostScanJob (abort, timeout, cancel): a "
    "permission",
    "DSP-29": "a job may stay Creating while it receives images: a tolerance seen in "
    "Microsoft's examples",
    "DSP-36": "ContinueOnError decides whether a job stops at its first filter error: the "
    "messages do not carry the filters' results, so nothing can be checked",
    "DSP-38": "a device may have several jobs open: every check is kept per JobToken",
    "DSD-17": "a condition event with an active Id updates that condition: a tolerance",
    "DSD-21": "a ScannerElementsChangeEvent carries whole sections: the schema checks it "
    "(DSM-XSD)",
    "DSD-25": "ValidTicket and ValidScanTicket go together: checked by the validator "
    "(DSM-VALID-TICKET, DSM-VALID-TICKET-EXTRA)",
}
