"""A WS-DSP scan server written the way someone without dsm-messages would write one: the
standard library's HTTP server and lxml, the messages built as text from the protocol facts
(wsdp.md) and the example messages. It keeps the protocol as its author understood it, and
each of its switchable ``defects`` breaks it in one way a real server might:

- ``accept-refused``: a SendImage repeating a DocumentId of its job is accepted (rule 7 says
  it must be refused);
- ``wrong-subcode``: a request for a JobToken it never minted is refused with
  ``dsp:OperationFailed`` (soap:Receiver), not ``dsp:InvalidArgs``;
- ``fault-with-200``: that refusal (with the right fault) travels with HTTP status 200;
- ``unreadable-answer``: its answer to the second image it takes is cut off halfway.

Nothing of dsm-messages is imported here: the library judges this server, it does not help it.
Every message it sends is handed to ``record`` with the head of the HTTP message carrying it,
for the transcript the test keeps.
"""

from __future__ import annotations

import threading
import urllib.request
import uuid
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from lxml import etree

SOAP = "http://www.w3.org/2003/05/soap-envelope"
WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
WSE = "http://schemas.xmlsoap.org/ws/2004/08/eventing"
DSP = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"
PSP = "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp"
ANONYMOUS = f"{WSA}/role/anonymous"
FAULT_ACTION = f"{WSA}/fault"
SOAP_TYPE = "application/soap+xml; charset=utf-8"
REASONS = {200: "OK", 400: "Bad Request", 500: "Internal Server Error"}
DEFECTS = frozenset({"accept-refused", "wrong-subcode", "fault-with-200", "unreadable-answer"})

#: record(name, data, head): store one message the server sends, with its HTTP head's text
Record = Callable[[str, bytes, str], None]
Answer = tuple[int, bytes, Callable[[], None]]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class Job:
    def __init__(self, token: str, psp_identifier: str, dialects: list[str]) -> None:
        self.token = token
        self.psp_identifier = psp_identifier
        self.dialects = dialects
        self.created = datetime.now(UTC)
        self.documents: list[str] = []
        self.ended = False


class IndependentServer:
    def __init__(self, record: Record, defects: Collection[str] = ()) -> None:
        unknown = set(defects) - DEFECTS
        assert not unknown, unknown
        self.record = record
        self.defects = frozenset(defects)
        self.jobs: dict[str, Job] = {}
        self.seen: set[str] = set()
        self.subscribers: list[str] = []
        self.images_taken = 0
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/ScanServer"

    def __enter__(self) -> IndependentServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    # -- one POST --------------------------------------------------------------------------
    def handle(self, content_type: str, body: bytes) -> Answer:
        with self._lock:
            root = etree.fromstring(_root_part(content_type, body), _PARSER)
            header = root.find(f"{{{SOAP}}}Header")
            assert header is not None
            action = (header.findtext(f"{{{WSA}}}Action") or "").strip()
            message_id = (header.findtext(f"{{{WSA}}}MessageID") or "").strip()
            request = _Request(action, message_id, root)
            if message_id in self.seen:
                return self._fault(request, "Sender", WSA, "InvalidMessageInformationHeader")
            self.seen.add(message_id)
            operation = action.rpartition("/")[2]
            if operation == "Subscribe":
                return self._subscribe(request)
            if operation == "CreatePostScanJob":
                return self._create(request)
            if operation == "SendImage":
                return self._send_image(request)
            if operation == "EndPostScanJob":
                return self._end(request)
            return self._fault(request, "Sender", WSA, "ActionNotSupported")

    def _subscribe(self, request: _Request) -> Answer:
        notify_to = request.root.findtext(f".//{{{WSE}}}NotifyTo/{{{WSA}}}Address") or ""
        self.subscribers.append(notify_to.strip())
        body = (
            f'<wse:SubscribeResponse xmlns:wse="{WSE}" xmlns:wsa="{WSA}">'
            f"<wse:SubscriptionManager><wsa:Address>{self.url}</wsa:Address>"
            "</wse:SubscriptionManager><wse:Expires>PT1H</wse:Expires></wse:SubscribeResponse>"
        )
        return self._respond(request, f"{WSE}/SubscribeResponse", body)

    def _create(self, request: _Request) -> Answer:
        token = str(uuid.uuid4())
        dialects = [(d.text or "").strip() for d in request.root.iter(f"{{{PSP}}}Dialect")]
        psp = (request.root.findtext(f".//{{{DSP}}}PSP_Identifier") or "").strip()
        self.jobs[token] = Job(token, psp, dialects)
        body = (
            f'<dsp:CreatePostScanJobResponse xmlns:dsp="{DSP}"><dsp:JobToken>{token}'
            "</dsp:JobToken></dsp:CreatePostScanJobResponse>"
        )
        return self._respond(request, f"{DSP}/CreatePostScanJobResponse", body)

    def _job(self, request: _Request) -> Job | None:
        token = request.root.findtext(f".//{{{DSP}}}JobToken") or ""
        return self.jobs.get(token)  # byte for byte: a token is opaque

    def _send_image(self, request: _Request) -> Answer:
        job = self._job(request)
        if job is None or job.ended:
            return self._refuse(request, unknown=job is None)
        document = (request.root.findtext(f".//{{{DSP}}}DocumentId") or "").strip()
        if document in job.documents and "accept-refused" not in self.defects:
            return self._refuse(request, unknown=False)
        job.documents.append(document)
        self.images_taken += 1
        cut = self.images_taken == 2 and "unreadable-answer" in self.defects
        body = f'<dsp:SendImageResponse xmlns:dsp="{DSP}"/>'
        return self._respond(request, f"{DSP}/SendImageResponse", body, cut=cut)

    def _end(self, request: _Request) -> Answer:
        job = self._job(request)
        if job is None or job.ended:
            return self._refuse(request, unknown=job is None)
        job.ended = True
        body = f'<dsp:EndPostScanJobResponse xmlns:dsp="{DSP}"/>'
        status, data, _ = self._respond(request, f"{DSP}/EndPostScanJobResponse", body)
        return status, data, lambda: self._finish(job)

    def _refuse(self, request: _Request, *, unknown: bool) -> Answer:
        if unknown and "wrong-subcode" in self.defects:
            return self._fault(request, "Receiver", DSP, "OperationFailed")
        return self._fault(request, "Sender", DSP, "InvalidArgs", ok=unknown)

    # -- writing ---------------------------------------------------------------------------
    def _respond(self, request: _Request, action: str, body: str, *, cut: bool = False) -> Answer:
        data = _envelope(ANONYMOUS, action, body, relates_to=request.message_id)
        if cut:  # the defect: the answer stops halfway
            data = data[: len(data) // 2]
        return self._send(request.operation + "-response", data, 200)

    def _fault(
        self, request: _Request, code: str, namespace: str, subcode: str, *, ok: bool = False
    ) -> Answer:
        body = (
            f'<soap:Fault xmlns:sub="{namespace}"><soap:Code><soap:Value>soap:{code}'
            f"</soap:Value><soap:Subcode><soap:Value>sub:{subcode}</soap:Value></soap:Subcode>"
            '</soap:Code><soap:Reason><soap:Text xml:lang="en">refused</soap:Text>'
            "</soap:Reason></soap:Fault>"
        )
        data = _envelope(ANONYMOUS, FAULT_ACTION, body, relates_to=request.message_id)
        status = 400 if code == "Sender" else 500
        if ok and "fault-with-200" in self.defects:
            status = 200
        return self._send("Fault", data, status)

    def _send(self, name: str, data: bytes, status: int) -> Answer:
        head = f"HTTP/1.1 {status} {REASONS[status]}\r\nContent-Type: {SOAP_TYPE}\r\n"
        self.record(name, data, head)
        return status, data, _nothing

    def _finish(self, job: Job) -> None:
        """The job is delivered: its status and end state go to every subscriber."""
        now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
        created = job.created.isoformat().replace("+00:00", "Z")
        images = len(job.documents)

        def filters(state: str) -> str:
            return "".join(
                f"<dsp:FilterStatus><dsp:Dialect>{dialect}</dsp:Dialect>"
                f"<dsp:FilterState>{state}</dsp:FilterState></dsp:FilterStatus>"
                for dialect in job.dialects
            )

        status = (
            f'<dsp:PostScanJobStatusEvent xmlns:dsp="{DSP}"><dsp:JobStatus>'
            f"<dsp:JobToken>{job.token}</dsp:JobToken><dsp:JobState>Processing</dsp:JobState>"
            "<dsp:JobStateReasons><dsp:JobStateReason>None</dsp:JobStateReason>"
            f"</dsp:JobStateReasons><dsp:FilterStatuses>{filters('Processing')}"
            f"</dsp:FilterStatuses><dsp:ImagesReceived>{images}</dsp:ImagesReceived>"
            f"<dsp:JobCreatedTime>{created}</dsp:JobCreatedTime>"
            "</dsp:JobStatus></dsp:PostScanJobStatusEvent>"
        )
        end = (
            f'<dsp:PostScanJobEndStateEvent xmlns:dsp="{DSP}"><dsp:PostScanJobEndState>'
            f"<dsp:JobToken>{job.token}</dsp:JobToken>"
            f"<dsp:PSP_Identifier>{job.psp_identifier}</dsp:PSP_Identifier>"
            "<dsp:PSP_DisplayName>Independent</dsp:PSP_DisplayName>"
            "<dsp:JobOriginatingUserName>someone</dsp:JobOriginatingUserName>"
            "<dsp:JobCompletedState>Completed</dsp:JobCompletedState>"
            "<dsp:JobCompletedStateReasons><dsp:JobStateReason>"
            "PostScanJobCompletedSuccessfully</dsp:JobStateReason></dsp:JobCompletedStateReasons>"
            f"<dsp:FilterCompletedStatuses>{filters('CompletedSuccessfully')}"
            f"</dsp:FilterCompletedStatuses><dsp:ImagesReceived>{images}</dsp:ImagesReceived>"
            f"<dsp:JobCompletedTime>{now}</dsp:JobCompletedTime>"
            "</dsp:PostScanJobEndState></dsp:PostScanJobEndStateEvent>"
        )
        for name, body in (("PostScanJobStatusEvent", status), ("PostScanJobEndStateEvent", end)):
            for sink in self.subscribers:
                data = _envelope(sink, f"{DSP}/{name}", body)
                path = "/" + sink.split("/", 3)[3]
                self.record(name, data, f"POST {path} HTTP/1.1\r\nContent-Type: {SOAP_TYPE}\r\n")
                post = urllib.request.Request(
                    sink, data=data, headers={"Content-Type": SOAP_TYPE}, method="POST"
                )
                with urllib.request.urlopen(post, timeout=30) as answer:
                    answer.read()


class _Request:
    def __init__(self, action: str, message_id: str, root: etree._Element) -> None:
        self.action = action
        self.message_id = message_id
        self.root = root

    @property
    def operation(self) -> str:
        return self.action.rpartition("/")[2]


def _envelope(to: str, action: str, body: str, relates_to: str | None = None) -> bytes:
    relates = f"<wsa:RelatesTo>{relates_to}</wsa:RelatesTo>" if relates_to else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soap:Envelope xmlns:soap="{SOAP}" xmlns:wsa="{WSA}"><soap:Header>'
        f"<wsa:To>{to}</wsa:To><wsa:Action>{action}</wsa:Action>"
        f"<wsa:MessageID>urn:uuid:{uuid.uuid4()}</wsa:MessageID>{relates}"
        f"</soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>"
    ).encode()


def _root_part(content_type: str, body: bytes) -> bytes:
    """The envelope: the body itself, or an MTOM package's first part."""
    if not content_type.lower().startswith("multipart/related"):
        return body
    boundary = content_type.split("boundary=", 1)[1].split(";", 1)[0].strip().strip('"')
    first = body.split(b"--" + boundary.encode())[1]
    return first.split(b"\r\n\r\n", 1)[1].rstrip(b"\r\n")


def _nothing() -> None:
    return None


def _handler(server: IndependentServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, data, then = server.handle(self.headers.get("Content-Type", ""), body)
            self.send_response(status)
            self.send_header("Content-Type", SOAP_TYPE)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
            then()

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler
