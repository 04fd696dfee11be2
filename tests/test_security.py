"""Hostile input: every attack is refused as an error, before it takes effect, without reading
a file or opening a socket, and without echoing what a referenced resource holds.

Each case goes through :func:`dsm_messages.validate` (an error of the expected code, never an
exception) and :func:`dsm_messages.parse` (a ``DsmError``, never an lxml exception). That the
refusal comes before the construct is expanded is shown by the code it is refused with (a DTD
or entity is ``DSM-XML-FORBIDDEN`` at its declaration); an oversized MTOM root part is bounded
by how much is read and allocated. No test here measures time: on a loaded machine a time
bound says nothing about the code.

How "no file read, no socket" is proved:

* Network URLs point at a TCP socket listening on 127.0.0.1 that is never served; after each
  case a non-blocking ``accept`` must find no pending connection.
* File references name a file holding a unique secret, which must appear in no output. They
  are also run in a child process against a FIFO: opening a FIFO blocks until a writer comes,
  so a parser that tries to read it hangs. The parent polls the FIFO for a reader (a
  non-blocking open for writing succeeds only once someone opened it to read), so a read
  attempt is caught at once; a child still running after a minute is taken to be blocked on
  the FIFO (a hang guard, not a measure of speed).
  ``sys.addaudithook`` is no substitute: libxml2 opens files in C, below the audit hooks, as
  :func:`test_audit_hooks_cannot_see_libxml2_opening_a_file` shows.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dsm_messages import ANONYMOUS, DsmError, build_send_image, parse, serialize, validate
from dsm_messages.models import dsp
from dsm_messages.mtom import CHUNK_SIZE, MAX_ROOT_BYTES, MtomLimitError, parse_package
from dsm_messages.namespaces import DSP

#: What the referenced files hold. Spaces make it "not an absolute URI", so a parser that
#: expanded it into wsa:To would get it quoted back in a DSM-URI-NOT-ABSOLUTE problem.
SECRET = "TOP SECRET dsm-canary-7c1e5b2a"
#: After this long a child process is taken to be blocked (a hang guard, far above any run).
CHILD_TIMEOUT = 60.0
MIB = 1024 * 1024

SERVICE = "https://scansrv01.corp.example:5362/ScanServer/1"
MESSAGE_ID = "urn:uuid:5eb4f990-8f4b-4b55-b4e0-08e1d8e0c5d3"
XI_2001 = "http://www.w3.org/2001/XInclude"
XI_2003 = "http://www.w3.org/2003/XInclude"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
FORBIDDEN = "DSM-XML-FORBIDDEN"
MALFORMED = "DSM-XML-MALFORMED"
XOP_REFERENCE = "DSM-XOP-REFERENCE"


# -- the messages the attacks start from -------------------------------------------------------


def envelope() -> bytes:
    """A valid DSP request; the attacks put their payload in its wsa:To."""
    request = dsp.EndPostScanJobRequest(job_token="264a19bf")
    return serialize(request, to=SERVICE, message_id=MESSAGE_ID, reply_to=ANONYMOUS)


def package() -> tuple[bytes, str]:
    """A valid SendImage MTOM package and its Content-Type."""
    request = dsp.SendImageRequest(
        job_token="264a19bf-3604-4603-b59d-b47e0f669a1e",
        document_description=dsp.DocumentDescriptionType(
            document_id=1,
            format=dsp.DocumentFormatWKVType.PNG,
        ),
        image_data=b"",
    )
    content_type, chunks = build_send_image(
        request, b"\x89PNG\r\n\x1a\n", to=SERVICE, message_id=MESSAGE_ID, reply_to=ANONYMOUS
    )
    return b"".join(chunks), content_type


def replace_once(data: bytes, old: bytes, new: bytes) -> bytes:
    assert data.count(old) == 1, f"{old!r} is not in the message exactly once"
    return data.replace(old, new)


def with_to(data: bytes, to: bytes) -> bytes:
    """The message with ``to`` (raw XML) as the content of its wsa:To."""
    return replace_once(
        data, f"<wsa:To>{SERVICE}</wsa:To>".encode(), b"<wsa:To>" + to + b"</wsa:To>"
    )


def with_prolog(data: bytes, prolog: bytes) -> bytes:
    """The message with ``prolog`` (a DOCTYPE) right after its XML declaration."""
    match = re.search(rb"<\?xml[^>]*\?>", data)
    assert match is not None, "the message has no XML declaration"
    return data[: match.end()] + b"\n" + prolog + data[match.end() :]


def with_href(data: bytes, href: str) -> bytes:
    """The message with its xop:Include pointing at ``href`` instead of the image part."""
    found = re.findall(rb'href="cid:[^"]*"', data)
    assert len(found) == 1
    return data.replace(found[0], f'href="{href}"'.encode())


def reencoded(declared: str, encoding: str) -> bytes:
    """The envelope declaring ``declared`` but encoded in ``encoding``."""
    text = envelope().decode("utf-8")
    body = text[text.index("?>") + 2 :]
    return f'<?xml version="1.0" encoding="{declared}"?>{body}'.encode(encoding)


# -- the attacks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Targets:
    """What the attacks point at: a file holding the secret as text, a DTD declaring it as an
    entity (both the same FIFO in the child-process runs), and the listener's base URL."""

    text_uri: str
    dtd_uri: str
    http: str


@dataclass(frozen=True)
class Case:
    id: str
    code: str
    build: Callable[[Targets], tuple[bytes, str | None]]  # the message and its Content-Type
    #: refers to a file: also run against a FIFO in a child process
    reads_files: bool = False
    #: bounded by a size or count test of its own (below)
    bounded_by_size: bool = False


Build = Callable[[Targets], tuple[bytes, str | None]]


def _doc(to: Callable[[Targets], str], prolog: Callable[[Targets], str] | None = None) -> Build:
    """The envelope with ``to`` as the XML content of wsa:To, after ``prolog`` (a DOCTYPE)."""

    def build(targets: Targets) -> tuple[bytes, str | None]:
        data = with_to(envelope(), to(targets).encode())
        if prolog is not None:
            data = with_prolog(data, prolog(targets).encode())
        return data, None

    return build


def entity(uri: str) -> str:
    return f'<!DOCTYPE soap:Envelope [<!ENTITY e SYSTEM "{uri}">]>'


def external_dtd(uri: str) -> str:
    return f'<!DOCTYPE soap:Envelope SYSTEM "{uri}">'


def parameter_entity(uri: str) -> str:
    return f'<!DOCTYPE soap:Envelope [<!ENTITY % p SYSTEM "{uri}"> %p;]>'


def xinclude(namespace: str, uri: str) -> str:
    return f'<xi:include xmlns:xi="{namespace}" href="{uri}" parse="text"/>'


def _billion_laughs(targets: Targets) -> tuple[bytes, str | None]:
    # ten levels of ten references each: 10**9 "lol"s
    entities = [b'<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        references = b"&lol%d;" % (level - 1) * 10
        entities.append(b'<!ENTITY lol%d "%s">' % (level, references))
    doctype = b"<!DOCTYPE soap:Envelope [" + b"".join(entities) + b"]>"
    return with_prolog(with_to(envelope(), b"&lol9;"), doctype), None


def _quadratic_blowup(targets: Targets) -> tuple[bytes, str | None]:
    doctype = b'<!DOCTYPE soap:Envelope [<!ENTITY big "' + b"x" * 50_000 + b'">]>'
    return with_prolog(with_to(envelope(), b"&big;" * 50_000), doctype), None


def _deep(targets: Targets) -> tuple[bytes, str | None]:
    return with_to(envelope(), b"<a>" * 10_000 + b"</a>" * 10_000), None


def _huge_text(targets: Targets) -> tuple[bytes, str | None]:
    return with_to(envelope(), b"x" * (100 * MIB)), None


def _huge_root_part(targets: Targets) -> tuple[bytes, str | None]:
    data, content_type = package()
    return with_to(data, b"x" * (100 * MIB)), content_type


def _xop(href: Callable[[Targets], str]) -> Build:
    def build(targets: Targets) -> tuple[bytes, str | None]:
        data, content_type = package()
        return with_href(data, href(targets)), content_type

    return build


def _entity_in_root_part(targets: Targets) -> tuple[bytes, str | None]:
    data, content_type = package()
    doctype = f'<!DOCTYPE soap:Envelope [<!ENTITY e SYSTEM "{targets.text_uri}">]>'.encode()
    return with_prolog(with_to(data, b"&e;"), doctype), content_type


def _xop_outside_package(targets: Targets) -> tuple[bytes, str | None]:
    """The package's root part sent alone, as a plain SOAP message."""
    data, _ = package()
    root = re.search(rb"<\?xml.*</soap:Envelope>", data, re.DOTALL)
    assert root is not None
    return with_href(root.group(0), targets.text_uri), None


def _encoded(declared: str, encoding: str) -> Build:
    return lambda targets: (reencoded(declared, encoding), None)


CASES = [
    Case("billion-laughs", FORBIDDEN, _billion_laughs),
    Case("quadratic-blowup", FORBIDDEN, _quadratic_blowup),
    Case(
        "external-entity-file",
        FORBIDDEN,
        _doc(lambda t: "&e;", lambda t: entity(t.text_uri)),
        reads_files=True,
    ),
    Case("external-entity-http", FORBIDDEN, _doc(lambda t: "&e;", lambda t: entity(t.http))),
    Case(
        "external-dtd-file",
        FORBIDDEN,
        _doc(lambda t: "&leak;", lambda t: external_dtd(t.dtd_uri)),
        reads_files=True,
    ),
    Case(
        "external-dtd-http",
        FORBIDDEN,
        _doc(lambda t: "&leak;", lambda t: external_dtd(t.http)),
    ),
    Case(
        "parameter-entity-file",
        FORBIDDEN,
        _doc(lambda t: "&leak;", lambda t: parameter_entity(t.dtd_uri)),
        reads_files=True,
    ),
    Case(
        "parameter-entity-http",
        FORBIDDEN,
        _doc(lambda t: "&leak;", lambda t: parameter_entity(t.http)),
    ),
    Case(
        "xinclude-2001-file",
        FORBIDDEN,
        _doc(lambda t: xinclude(XI_2001, t.text_uri)),
        reads_files=True,
    ),
    Case(
        "xinclude-2003-file",
        FORBIDDEN,
        _doc(lambda t: xinclude(XI_2003, t.text_uri)),
        reads_files=True,
    ),
    Case("xinclude-2003-http", FORBIDDEN, _doc(lambda t: xinclude(XI_2003, t.http))),
    Case("nesting-10000-deep", FORBIDDEN, _deep),
    Case("text-node-100-mib", FORBIDDEN, _huge_text),
    Case("mtom-root-part-100-mib", FORBIDDEN, _huge_root_part, bounded_by_size=True),
    Case("mtom-entity-in-root-part", FORBIDDEN, _entity_in_root_part, reads_files=True),
    Case("xop-include-file", XOP_REFERENCE, _xop(lambda t: t.text_uri), reads_files=True),
    Case("xop-include-http", XOP_REFERENCE, _xop(lambda t: t.http)),
    Case("xop-include-outside-package", XOP_REFERENCE, _xop_outside_package, reads_files=True),
    Case(
        "invalid-utf-8",
        MALFORMED,
        lambda t: (with_to(envelope(), b"https://scan\xff\xfe\xc3(srv/"), None),
    ),
    Case("utf-16-declared-utf-8", MALFORMED, _encoded("UTF-8", "utf-16")),
    Case("utf-16le-without-bom-declared-utf-8", MALFORMED, _encoded("UTF-8", "utf-16-le")),
    Case("utf-8-declared-utf-16", MALFORMED, _encoded("UTF-16", "utf-8")),
    Case("utf-8-with-bom-declared-utf-16", MALFORMED, _encoded("UTF-16", "utf-8-sig")),
]
FILE_CASES = [case for case in CASES if case.reads_files]


def params(cases: list[Case]) -> list[Any]:
    return [pytest.param(case, id=case.id) for case in cases]


# -- the witnesses -----------------------------------------------------------------------------


class Listener:
    """A TCP socket listening on 127.0.0.1 that nobody serves: any connection stays pending."""

    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.setblocking(False)
        self.port: int = self.socket.getsockname()[1]

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def connections(self) -> int:
        """How many connections were made since the last call."""
        count = 0
        while True:
            try:
                connection, _ = self.socket.accept()
            except BlockingIOError:
                return count
            connection.close()
            count += 1


@pytest.fixture
def listener() -> Iterator[Listener]:
    listening = Listener()
    yield listening
    listening.socket.close()


@pytest.fixture
def secret_targets(tmp_path: Path, listener: Listener) -> Targets:
    text = tmp_path / "secret.txt"
    text.write_text(SECRET, encoding="utf-8")
    dtd = tmp_path / "secret.dtd"
    dtd.write_text(f'<!ENTITY leak "{SECRET}">', encoding="utf-8")
    return Targets(text_uri=text.as_uri(), dtd_uri=dtd.as_uri(), http=listener.url("x.dtd"))


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "trap"
    os.mkfifo(path)
    return path


def parse_error(data: bytes, content_type: str | None) -> DsmError | None:
    """What ``parse`` raises (``None`` when it accepts the message); anything but a
    ``DsmError`` fails the test."""
    try:
        parse(data, content_type=content_type)
    except DsmError as exc:
        return exc
    except Exception as exc:
        pytest.fail(
            f"parse() raised {type(exc).__module__}.{type(exc).__name__}, not a DsmError: {exc}"
        )
    return None


@dataclass(frozen=True)
class ChildRun:
    finished: bool
    #: the trap FIFO was opened for reading while the child ran
    fifo_opened: bool
    seconds: float
    returncode: int | None
    stdout: str
    stderr: str


def run_child(code: str, stdin: bytes, args: list[str], trap: Path) -> ChildRun:
    """Run ``code`` in a fresh interpreter with ``stdin``, watching ``trap`` for a reader: when
    one opens it, the run is marked and the secret is written to it (so it does not hang)."""
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    opened = False  # a reader showed up at least once
    finished = True
    start = time.perf_counter()
    pending: bytes | None = stdin
    while True:
        try:
            stdout, stderr = process.communicate(pending, timeout=0.005)
            break
        except subprocess.TimeoutExpired:
            pending = None  # communicate() keeps sending what it was given first
        try:
            writer = os.open(trap, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: nobody has it open for reading
            pass
        else:  # feed every reader, so that a failing run ends early
            opened = True
            os.write(writer, SECRET.encode())
            os.close(writer)
        if time.perf_counter() - start > CHILD_TIMEOUT:
            finished = False
            process.kill()
            stdout, stderr = process.communicate()
            break
    seconds = time.perf_counter() - start
    return ChildRun(
        finished=finished,
        fifo_opened=opened,
        seconds=seconds,
        returncode=process.returncode,
        stdout=stdout.decode("utf-8", "replace"),
        stderr=stderr.decode("utf-8", "replace"),
    )


CHECK_IN_CHILD = r"""
import json, sys
from dsm_messages import DsmError, parse, validate

data = sys.stdin.buffer.read()
content_type = sys.argv[1] or None
report = validate(data, content_type=content_type)
try:
    parse(data, content_type=content_type)
except DsmError:
    raised = "DsmError"
except Exception as exc:
    raised = f"{type(exc).__module__}.{type(exc).__name__}"
else:
    raised = None
print(json.dumps({
    "valid": report.valid,
    "errors": sorted({p.code for p in report.errors}),
    "codes": sorted(report.codes()),
    "raised": raised,
}))
"""


def check_in_child(data: bytes, content_type: str | None, trap: Path) -> dict[str, Any]:
    run = run_child(CHECK_IN_CHILD, data, [content_type or ""], trap)
    assert not run.fifo_opened, "the message made the parser open the FIFO it refers to"
    assert run.finished, f"still running after {CHILD_TIMEOUT} s (blocked on the FIFO?)"
    assert run.returncode == 0, run.stderr
    assert SECRET not in run.stdout + run.stderr
    verdict: dict[str, Any] = json.loads(run.stdout)
    return verdict


# -- the tests ---------------------------------------------------------------------------------


def test_the_messages_the_attacks_start_from_are_valid() -> None:
    assert validate(envelope()).problems == ()
    data, content_type = package()
    assert validate(data, content_type=content_type).problems == ()
    assert parse(data, content_type=content_type).action.endswith("/SendImage")
    # UTF-16 as such is fine: only a declaration that contradicts the bytes is an error
    assert validate(reencoded("UTF-16", "utf-16")).problems == ()


def test_a_leaked_secret_would_show_in_the_report() -> None:
    """The secret checks can fail: expanded into wsa:To, the secret is quoted back."""
    report = validate(with_to(envelope(), SECRET.encode()))
    assert SECRET in str(report)
    assert any(SECRET in problem.message for problem in report.problems)


@pytest.mark.parametrize("case", params(CASES))
def test_hostile_input_is_refused_quickly_without_file_or_network(
    case: Case, secret_targets: Targets, listener: Listener
) -> None:
    data, content_type = case.build(secret_targets)

    report = validate(data, content_type=content_type)
    error = parse_error(data, content_type)

    assert listener.connections() == 0, "a network URL was fetched"
    for text in (str(report), repr(report), str(error), repr(error)):
        assert SECRET not in text
    assert error is not None, "parse() accepted the message"
    assert not report.valid, report
    assert case.code in {problem.code for problem in report.errors}, report.problems


def test_an_oversized_root_part_is_refused_without_reading_past_the_cap() -> None:
    data, content_type = _huge_root_part(Targets(text_uri="", dtd_uri="", http=""))
    assert content_type is not None
    fed: list[int] = []

    def chunks() -> Iterator[bytes]:
        for at in range(0, len(data), CHUNK_SIZE):
            fed.append(len(data[at : at + CHUNK_SIZE]))
            yield data[at : at + CHUNK_SIZE]

    with pytest.raises(MtomLimitError, match="max_root_bytes") as caught:
        parse_package(chunks(), content_type)
    assert caught.value.code == FORBIDDEN
    # refused within the chunk that crossed the cap: the rest of the 100 MiB is never read
    assert MAX_ROOT_BYTES < sum(fed) <= MAX_ROOT_BYTES + 2 * CHUNK_SIZE < len(data) // 5
    # given whole, neither validate() nor parse() copies the package on the way to refusing it
    tracemalloc.start()
    try:
        report = validate(data, content_type=content_type)
        error = parse_error(data, content_type)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert FORBIDDEN in {problem.code for problem in report.errors}
    assert isinstance(error, MtomLimitError)
    assert peak < MIB


@pytest.mark.parametrize("case", params(FILE_CASES))
def test_a_file_reference_is_never_opened(case: Case, fifo: Path, listener: Listener) -> None:
    trap = Targets(text_uri=fifo.as_uri(), dtd_uri=fifo.as_uri(), http=listener.url("x.dtd"))
    data, content_type = case.build(trap)
    verdict = check_in_child(data, content_type, fifo)
    assert verdict["valid"] is False
    assert case.code in verdict["errors"]
    assert verdict["raised"] == "DsmError"
    assert listener.connections() == 0


def test_a_file_named_by_plain_path_is_never_opened(fifo: Path, listener: Listener) -> None:
    doctype = f'<!DOCTYPE soap:Envelope [<!ENTITY e SYSTEM "{fifo}">]>'.encode()
    verdict = check_in_child(with_prolog(with_to(envelope(), b"&e;"), doctype), None, fifo)
    assert verdict["errors"] == [FORBIDDEN]
    assert verdict["raised"] == "DsmError"
    assert listener.connections() == 0


def test_schema_location_hints_are_not_followed(fifo: Path, listener: Listener) -> None:
    """xsi:schemaLocation names schemas to load; the validator uses only its own."""
    hints = (
        f' xmlns:xsi="{XSI}" xsi:noNamespaceSchemaLocation="{fifo.as_uri()}"'
        f' xsi:schemaLocation="http://www.w3.org/2003/05/soap-envelope {listener.url("s.xsd")}'
        f' {DSP} {fifo.as_uri()}"'
    )
    data = replace_once(envelope(), b"<soap:Envelope", b"<soap:Envelope" + hints.encode())
    verdict = check_in_child(data, None, fifo)
    assert verdict["codes"] == []  # the hints are legal, and ignored
    assert listener.connections() == 0


def test_the_listener_notices_a_connection(listener: Listener) -> None:
    with socket.create_connection(("127.0.0.1", listener.port), timeout=1):
        pass
    assert listener.connections() == 1
    assert listener.connections() == 0


UNSAFE_IN_CHILD = r"""
import json, sys
from lxml import etree

opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
root = etree.fromstring(sys.stdin.buffer.read(), parser)
print(json.dumps({"text": root.text, "opened": opened}))
"""


def test_audit_hooks_cannot_see_libxml2_opening_a_file(fifo: Path) -> None:
    """The FIFO trap catches a parser that reads files; an audit hook would not."""
    data = f'<!DOCTYPE a [<!ENTITY e SYSTEM "{fifo.as_uri()}">]><a>&e;</a>'.encode()
    run = run_child(UNSAFE_IN_CHILD, data, [], fifo)
    assert run.fifo_opened
    assert run.finished
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert seen["text"] == SECRET  # libxml2 read the FIFO...
    assert not [path for path in seen["opened"] if fifo.name in path]  # ...unseen by the hook
