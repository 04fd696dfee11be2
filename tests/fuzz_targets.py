"""What the fuzz test and ``tools/fuzz.py`` feed the library, and what they hold it to.

An input is a stored message as the command line reads it: XML bytes, or an MTOM package with
its MIME headers. Seeds are every bundled example and every Microsoft doc example, and the
generated messages of :mod:`fuzz_surfaces` (which need no file); the mutations are
:mod:`fuzz_mutations`' (``mutate`` and ``MAX_SIZE`` are re-exported here, where
``tools/fuzz.py`` finds them).

Each target calls one entry point and raises :class:`Finding` when the contract breaks:
``validate`` never raises; ``parse`` and ``parse_package`` raise only ``DsmError``; the command
never lets an exception out and says an internal error in one line with exit status 2; what
validate calls valid binds whole and writes back unchanged, what it calls invalid ``parse``
refuses with the same codes (``agree``); an endpoint in any role refuses only with
``RemoteProtocolError`` and ``refuse()`` answers every refused request with a strict-valid fault
(``endpoint``); a package fails or passes alike wherever its chunks end, and has the same rule
live and offline (``chunks``); a conversation with a mutated message is judged without an
exception (``sequence``); every problem the command reports has a line and a column
(``positions``).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import random
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from fuzz_mutations import MAX_SIZE as MAX_SIZE
from fuzz_mutations import mutate as mutate
from fuzz_surfaces import generated_seeds
from lxml import etree

from dsm_messages import (
    DsmError,
    Endpoint,
    Envelope,
    PackageReader,
    RemoteProtocolError,
    ValidationError,
    check_sequence,
    from_xml,
    parse,
    parse_package,
    parse_xml,
    to_xml,
    validate,
    validate_stored,
)
from dsm_messages import namespaces as ns
from dsm_messages.cli import main
from dsm_messages.declarations import declarations
from dsm_messages.discovery import app_sequence, hosted_services, service_addresses
from dsm_messages.element_text import tokens
from dsm_messages.models import wsx
from dsm_messages.mtom import MtomError, split_message
from dsm_messages.validator import STALE_NAMESPACES

ROOT = Path(__file__).resolve().parent.parent
DOC_EXAMPLES = ROOT.parent / "shared" / "conformance" / "doc-examples"


class Finding(Exception):  # noqa: N818 - a fuzzing result, not an error of the code under test
    """A broken contract: which target, and what happened."""


def seeds(*, shared: bool = True) -> list[tuple[str, bytes]]:
    """(name, bytes) of every bundled example and (``shared``) every doc example beside the
    checkout, in name order."""
    found: list[tuple[str, bytes]] = []
    for folder in (ROOT / "examples", DOC_EXAMPLES) if shared else (ROOT / "examples",):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in (".xml", ".mime"):
                    found.append((str(path.relative_to(folder.parent)), path.read_bytes()))
    return found


def all_seeds() -> list[tuple[str, bytes]]:
    """The stored seeds and the generated ones (which need no file): what the fuzzer starts
    from."""
    return seeds() + generated_seeds()


# -- reading an input as the command line does -------------------------------------------------


def split(data: bytes) -> tuple[str | None, bytes]:
    """(Content-Type, body) of a stored input: MIME headers are split off when it has them."""
    if data.lstrip()[:200].lower().startswith((b"mime-version:", b"content-type:")):
        try:
            return split_message(data)
        except MtomError:
            return None, data
    return None, data


# -- targets -----------------------------------------------------------------------------------


def target_validate(data: bytes) -> None:
    content_type, body = split(data)
    for profile in ("strict", "lenient"):
        try:
            validate(body, profile=profile, content_type=content_type)
        except Exception as exc:
            raise Finding(f"validate({profile}) raised {type(exc).__name__}: {exc}") from exc


def target_parse(data: bytes) -> None:
    content_type, body = split(data)
    for kwargs in ({}, {"validate": True, "profile": "lenient"}):
        try:
            parse(body, content_type=content_type, **kwargs)  # type: ignore[arg-type]
        except DsmError:
            pass
        except Exception as exc:
            raise Finding(f"parse({kwargs}) raised {type(exc).__name__}: {exc}") from exc


_PACKAGE_TYPE = (
    'multipart/related; boundary="b"; type="application/xop+xml"; start="<root@f>"; '
    'start-info="application/soap+xml"'
)


def target_parse_package(data: bytes) -> None:
    content_type, body = split(data)
    if content_type is None:  # the XML as the root part of a package
        content_type = _PACKAGE_TYPE
        body = (
            b"--b\r\nContent-Type: application/xop+xml; charset=UTF-8; "
            b'type="application/soap+xml"\r\nContent-ID: <root@f>\r\n\r\n'
            + body
            + b"\r\n--b\r\nContent-Type: application/pdf\r\nContent-ID: <image@f>\r\n\r\n%PDF"
            + b"\r\n--b--\r\n"
        )
    for tolerant in (False, True):
        try:
            parse_package(body, content_type, tolerant=tolerant)
        except DsmError:
            pass
        except Exception as exc:
            raise Finding(f"parse_package raised {type(exc).__name__}: {exc}") from exc


class CommandTarget:
    """The command run in-process on a stored input: ``validate``, ``show`` and
    ``check-sequence``. With ``internal_errors=True`` an internal error (status 2 on a readable
    file) is a finding too; either way an exception escaping, a status other than 0, 1 and 2,
    or an internal error said in more than one line is."""

    def __init__(self, *, internal_errors: bool = False) -> None:
        self.internal_errors = internal_errors
        descriptor, name = tempfile.mkstemp(suffix=".mime")
        os.close(descriptor)
        self.mime = Path(name)
        self.xml = self.mime.with_suffix(".xml")

    def close(self) -> None:
        for path in (self.mime, self.xml):
            path.unlink(missing_ok=True)

    def __call__(self, data: bytes) -> None:
        content_type, _ = split(data)
        path = self.mime if content_type is not None else self.xml
        path.write_bytes(data)
        for command in ("validate", "show", "check-sequence"):
            out, err = io.StringIO(), io.StringIO()
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    status = main([command, str(path)])
            except BaseException as exc:
                raise Finding(f"{command} raised {type(exc).__name__}: {exc}") from exc
            said = err.getvalue()
            if status not in (0, 1, 2):
                raise Finding(f"{command} exited {status}")
            if "Traceback" in said or "Traceback" in out.getvalue():
                raise Finding(f"{command} printed a traceback: {said[-300:]}")
            if status == 2 and said.count("\n") != 1:
                raise Finding(f"{command} exited 2 saying {said!r}")
            if status == 2 and self.internal_errors:
                raise Finding(f"{command}: internal error: {said.strip()}")


# -- the agreement of validate and parse --------------------------------------------------------


def leaf_texts(data: bytes) -> list[tuple[str, str]]:
    """(element name, text) of every element of the body that has no child element, in
    document order: the values, as XML Schema reads them (comments and PIs left out, the
    items of a list separated by one space, as the schema's whitespace rule for lists has
    them), a boolean in the one spelling a ``bool`` is written in (``1`` is ``true``: every
    other value is written back as it was read)."""
    root = etree.fromstring(data, etree.XMLParser(remove_comments=True, remove_pis=True))
    body = root.find(f"{{{ns.SOAP}}}Body")
    assert body is not None
    return [
        (str(element.tag), _as_read(element, "".join(element.itertext()).strip()))
        for element in body.iter()
        if isinstance(element.tag, str) and len(element) == 0 and element is not body
    ]


def _as_read(element: etree._Element, text: str) -> str:
    facts = declarations()
    name = _current_name(element)
    if text in ("1", "0") and name in facts.boolean_elements:
        return "true" if text == "1" else "false"
    namespace, _, local = name[1:].partition("}")
    vendor = local not in facts.element_names.get(namespace, ())  # kept whole, as AnyElement
    if _is_qname_here(element, name):  # the names they stand for, whatever their prefixes
        return " ".join(_expanded(element, token, default=True) for token in tokens(text))
    if vendor and all(":" in t for t in tokens(text)):
        # (vendor content keeps a prefixed name as the QName it names)
        return " ".join(_expanded(element, token) for token in tokens(text))
    if name in facts.list_elements:
        return " ".join(tokens(text))
    return text


# a name declared as a keyword in some types and a QName in others is a QName only under these
# parents ([MS-WSCN]: wscn:Name is a condition keyword in a DeviceCondition, a QName in a
# RequestedElements, which WS-DSD declares with the WS-Scan types)
_QNAME_ONLY_UNDER = {
    f"{{{ns.WSCN}}}Name": {f"{{{ns.WSCN}}}RequestedElements", f"{{{ns.DSD}}}RequestedElements"}
}


def _is_qname_here(element: etree._Element, name: str) -> bool:
    """Whether ``element`` holds an ``xs:QName`` where it stands: its name is one somewhere,
    and neither its parent declares it a URI (``dsc:Dialect`` in a FilterStatus) nor is it a
    keyword element outside the parents where it is a QName."""
    facts = declarations()
    if name not in facts.qname_elements:
        return False
    parent = element.getparent()
    parent_name = "" if parent is None else _current_name(parent)
    if (parent_name, name) in facts.uri_children:
        return False
    return name not in _QNAME_ONLY_UNDER or parent_name in _QNAME_ONLY_UNDER[name]


def _current_name(element: etree._Element) -> str:
    """An element's name, a stale namespace read as the current one (as lenient reads it)."""
    name = str(element.tag)
    for stale, (current, _tolerated) in STALE_NAMESPACES.items():
        if name.startswith("{" + stale + "}"):
            return "{" + current + name[len(stale) + 1 :]
    return name


def _expanded(element: etree._Element, token: str, *, default: bool = False) -> str:
    """A prefixed name as the name it stands for, whatever prefix writes it (an unbound
    conventional prefix, ``dsp:`` in a keyword value such as ``dsp:InvalidArgs``, read as the
    writer, which declares the conventional prefixes, binds it); an unprefixed one in the
    default namespace when ``default`` (an ``xs:QName``'s value), else as it is (whether the
    default namespace applies to vendor text depends on where the element stands)."""
    prefix, colon, local = token.rpartition(":")
    if not (colon and prefix):
        namespace = element.nsmap.get(None) if default else None
        return token if namespace is None else f"{{{namespace}}}{token}"
    namespace = element.nsmap.get(prefix) or ns.PREFIXES.get(prefix)
    return token if namespace is None else f"{{{namespace}}}{local}"


def is_envelope(data: bytes) -> bool:
    try:
        return str(parse_xml(data).tag) == f"{{{ns.SOAP}}}Envelope"
    except DsmError:
        return False


def target_agree(data: bytes) -> None:
    """What validate calls valid, parse binds whole (nothing dropped, truncated or picked
    among) and writes back unchanged; what it calls invalid, parse refuses with the same
    codes."""
    content_type, body = split(data)
    report = validate(body, content_type=content_type)
    if report.valid and content_type is None and not is_envelope(body):
        document = from_xml(body)  # a stand-alone document (a scan process): bound whole
        if from_xml(to_xml(document)) != document:
            raise Finding("agree: a valid document does not read back equal")
        return
    _fast_path_keeps_every_value(body, content_type)
    refused: ValidationError | None = None
    try:
        envelope = parse(body, content_type=content_type, validate=True)
    except ValidationError as error:
        refused = error
    except DsmError as error:
        raise Finding(f"agree: validate says {report.valid}, parse raised {error!r}") from None
    if refused is not None:
        if report.valid or refused.report.codes() != report.codes():
            raise Finding(
                f"agree: parse refused with {refused.report.codes()}, validate "
                f"said {report.valid} {report.codes()}"
            )
        return
    if not report.valid:
        raise Finding(f"agree: validate said invalid {report.codes()}, parse bound it")
    written = envelope.to_bytes()
    # nothing bound differs from what was read: written back, every value is the one read
    if parse(written) != envelope:
        raise Finding("agree: the written envelope reads back different")
    if (
        content_type is None
        and envelope.body is not None
        and leaf_texts(written) != leaf_texts(body)
    ):
        raise Finding("agree: a value written back differs from the value read")


def target_agree_lenient(data: bytes) -> None:
    """The lenient profile too: parse refuses exactly what validate calls invalid, with the
    same codes, and reads the rest whole, elements out of schema order included (written back
    in schema order, every value the one read); an MTOM package's envelope as the same
    envelope written inline would be."""
    content_type, body = split(data)
    if content_type is None and not is_envelope(body):
        return
    report = validate(body, content_type=content_type, profile="lenient")
    try:
        envelope = parse(body, content_type=content_type, validate=True, profile="lenient")
    except ValidationError as error:
        if report.valid or error.report.codes() != report.codes():
            raise Finding(
                f"agree (lenient): parse refused with {error.report.codes()}, validate "
                f"said {report.valid} {report.codes()}"
            ) from None
        return
    except DsmError as error:
        raise Finding(
            f"agree (lenient): validate says {report.valid}, parse raised {error!r}"
        ) from None
    if not report.valid:
        raise Finding(f"agree (lenient): validate said invalid {report.codes()}, parse bound it")
    written = envelope.to_bytes()
    if parse(written) != envelope:
        raise Finding("agree (lenient): the written envelope reads back different")
    if content_type is not None:
        # (a package's root part is read as a plain envelope would be: the same envelope,
        # its image inline)
        if parse(written, validate=True, profile="lenient") != envelope:
            raise Finding("agree (lenient): a package's envelope reads otherwise inline")
        return
    if envelope.body is not None and sorted(_as_current(written)) != sorted(_as_current(body)):
        raise Finding("agree (lenient): a value written back differs from the value read")


def _as_current(data: bytes) -> list[str]:
    """The values of ``data``'s body as the lenient profile reads them: a stale namespace read
    as the current one (in a QName value too), whitespace collapsed (a list's separators are
    written as single spaces)."""
    values = []
    for _, text in leaf_texts(data):
        for stale, (current, _tolerated) in STALE_NAMESPACES.items():
            text = text.replace("{" + stale + "}", "{" + current + "}")
        values.append(" ".join(text.split()))
    return values


def _fast_path_keeps_every_value(body: bytes, content_type: str | None) -> None:
    """Unvalidated, parse may bind what the schemas refuse, but never drops, truncates or
    picks among content: it refuses, or every value comes back as read."""
    if content_type is not None or not is_envelope(body):
        return
    try:
        envelope = parse(body)
    except DsmError:
        return
    # (an element the schemas do not expect where it stands may come back elsewhere, and
    # there a prefixed name may be read in another scope: a value is the one read when its
    # text is, or the names it stands for are)
    if envelope.body is not None and not _same_values(envelope.to_bytes(), body):
        raise Finding("agree: unvalidated parse lost or changed a value")


def _same_values(written: bytes, read: bytes) -> bool:
    """Whether the leaves of ``written`` are those of ``read``, in any order: each matched by
    its name and its text as written or as read (:func:`leaf_texts`)."""
    left = list(zip(leaf_texts(written), _raw_leaves(written), strict=True))
    for named, raw in zip(leaf_texts(read), _raw_leaves(read), strict=True):
        match = next((i for i, (n, r) in enumerate(left) if n == named or r == raw), None)
        if match is None:
            return False
        del left[match]
    return not left


def _raw_leaves(data: bytes) -> list[tuple[str, str]]:
    """:func:`leaf_texts` without reading prefixed names: the text as it stands."""
    root = etree.fromstring(data, etree.XMLParser(remove_comments=True, remove_pis=True))
    body = root.find(f"{{{ns.SOAP}}}Body")
    assert body is not None
    return [
        (str(element.tag), " ".join(tokens("".join(element.itertext()))))
        for element in body.iter()
        if isinstance(element.tag, str) and len(element) == 0 and element is not body
    ]


# -- endpoints, chunks, conversations, positions ----------------------------------------------

ROLES = ("scan_server", "device", "control_point")


def target_endpoint(data: bytes) -> None:
    """Every role, both profiles: receive refuses only with RemoteProtocolError, and refuse()
    answers every refused request with a fault that is strict-valid."""
    content_type, body = split(data)
    for role in ROLES:
        for profile in ("strict", "lenient"):
            endpoint = Endpoint(role, profile=profile)  # type: ignore[arg-type]
            try:
                endpoint.receive(body, content_type=content_type)
            except RemoteProtocolError as refused:
                _answer(endpoint, refused, f"{role}/{profile}")
            except Exception as exc:
                raise Finding(
                    f"endpoint: {role}/{profile} receive raised {type(exc).__name__}: {exc}"
                ) from exc


def _answer(endpoint: Endpoint, refused: RemoteProtocolError, where: str) -> None:
    if refused.fault is None:
        return  # no request: nobody answers it
    try:
        fault = endpoint.refuse(refused)
    except Exception as exc:
        raise Finding(
            f"endpoint: {where} refuse({refused.rule}) raised {type(exc).__name__}: {exc}"
        ) from exc
    report = validate(fault)
    if not report.valid:
        raise Finding(f"endpoint: {where} refuse({refused.rule}) wrote {report.codes()}")


def _outcome(content_type: str, tolerant: bool, data: bytes, cuts: list[int]) -> str:
    try:
        reader = PackageReader(content_type, tolerant=tolerant)
        start = 0
        for cut in [*cuts, len(data)]:
            reader.feed(data[start:cut])
            start = cut
        package = reader.close()
    except MtomError as error:
        return f"{type(error).__name__} {error.code}: {error}"
    except DsmError as error:
        return f"{type(error).__name__}: {error}"
    return f"ok: {package.envelope.to_bytes()!r}"


def target_chunks(data: bytes) -> None:
    """A package read whole and cut anywhere ends alike; live and offline it has one rule."""
    content_type, body = split(data)
    if content_type is None:
        content_type, body = _PACKAGE_TYPE, _as_package(body)
    rng = random.Random(zlib.crc32(data))
    try:
        PackageReader(content_type, tolerant=True)
    except MtomError:
        return  # a Content-Type no package has: nothing to cut
    for tolerant in (False, True):
        whole = _outcome(content_type, tolerant, body, [])
        for count in (1, 3, 30):
            cuts = sorted(rng.randrange(len(body) + 1) for _ in range(count))
            try:
                cut = _outcome(content_type, tolerant, body, cuts)
            except Exception as exc:
                raise Finding(f"chunks: cut at {cuts} raised {type(exc).__name__}") from exc
            if cut != whole:
                raise Finding(f"chunks: whole {whole[:150]!r}, cut at {cuts} {cut[:150]!r}")
    for profile in ("strict", "lenient"):
        report = validate(body, content_type=content_type, profile=profile)
        endpoint = Endpoint("scan_server", profile=profile)
        try:
            reader = endpoint.package_reader(content_type, store=lambda envelope: None)
            reader.feed(body)
            reader.close()
        except RemoteProtocolError as refused:
            if refused.rule.startswith("DSM-") and refused.rule not in {
                problem.rule for problem in report.errors
            }:
                raise Finding(
                    f"chunks: live {refused.rule}, offline {sorted(report.codes())} ({profile})"
                ) from None
            continue
        except Exception as exc:
            raise Finding(f"chunks: package_reader raised {type(exc).__name__}: {exc}") from exc
        if not report.valid:
            raise Finding(f"chunks: live accepted what validate refuses: {report.codes()}")


def _as_package(root: bytes) -> bytes:
    return (
        b"--b\r\nContent-Type: application/xop+xml; charset=UTF-8; "
        b'type="application/soap+xml"\r\nContent-ID: <root@f>\r\n\r\n'
        + root
        + b"\r\n--b\r\nContent-Type: application/pdf\r\nContent-ID: <image@f>\r\n\r\n%PDF"
        + b"\r\n--b--\r\n"
    )


@functools.cache
def _conversations() -> list[list[tuple[str | None, bytes]]]:
    found = []
    for folder in sorted((ROOT / "examples" / "conversations").iterdir()):
        if folder.is_dir():
            found.append([split(path.read_bytes()) for path in sorted(folder.iterdir())])
    return found


def target_sequence(data: bytes) -> None:
    """A shipped conversation with one message replaced by the input, and messages dropped,
    repeated or swapped: judged by check_sequence and a Session, never an exception."""
    rng = random.Random(zlib.crc32(data))
    messages = list(rng.choice(_conversations()))
    at = rng.randrange(len(messages))
    messages[at] = split(data)
    for _ in range(rng.randrange(3)):
        i, j = rng.randrange(len(messages)), rng.randrange(len(messages))
        roll = rng.random()
        if roll < 0.3:
            messages.pop(i)
        elif roll < 0.6:
            messages.insert(j, messages[i])
        else:
            messages[i], messages[j] = messages[j], messages[i]
        if not messages:
            return
    envelopes: list[Envelope] = []
    for content_type, body in messages:
        try:
            envelopes.append(
                parse(body, content_type=content_type, validate=True, profile="lenient")
            )
        except DsmError:
            continue
    try:
        check_sequence(envelopes)
        check_sequence(envelopes, profile="lenient")
        for envelope in envelopes:
            if isinstance(envelope.body, wsx.Metadata):
                hosted_services(envelope.body)
                service_addresses(envelope.body)
            app_sequence(envelope)
    except DsmError:
        pass
    except Exception as exc:
        raise Finding(f"sequence: {type(exc).__name__}: {exc}") from exc


def target_positions(data: bytes) -> None:
    """Every problem the command reports has a line and a column (of the stored file)."""
    content_type, _ = split(data)
    name = "input.mime" if content_type is not None else "input.xml"
    for profile in ("strict", "lenient"):
        for problem in validate_stored(data, name=name, profile=profile).problems:
            if not (problem.line or 0) >= 1 or not (problem.column or 0) >= 1:
                raise Finding(f"positions: {problem.rule} at {problem.line}:{problem.column}")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "validate": target_validate,
    "parse": target_parse,
    "parse_package": target_parse_package,
    "agree": target_agree,
    "agree_lenient": target_agree_lenient,
    "endpoint": target_endpoint,
    "chunks": target_chunks,
    "sequence": target_sequence,
    "positions": target_positions,
}
