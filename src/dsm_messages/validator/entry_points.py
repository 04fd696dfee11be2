"""The validator's entry points: :func:`validate` and its stored-file forms, and
:func:`check_tree` for the parser; each runs the checks in order (URIs, envelope, body, the
schema pass) in a fresh :class:`~dsm_messages.validator.context.Context`."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
from collections.abc import Callable, Iterable

import attrs

from .. import namespaces as ns
from ..errors import MtomError
from ..messages import by_qname
from ..report import Profile, Report
from ..rule_ids import DsmRule
from ..safexml import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from ..xml_types import XmlElement
from .addressing import check_envelope
from .context import Context
from .reading import announces_package, read_message
from .schema_pass import check_schema
from .source import file_position, position_in
from .table import check_body, check_header_values
from .uris import check_uris
from .walk import Elements, name_of

__all__ = [
    "Checked",
    "check_stored_package",
    "check_tree",
    "run_checks",
    "split_stored",
    "validate",
    "validate_file",
    "validate_stored",
]


def validate(
    data: bytes,
    *,
    profile: Profile = "strict",
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Report:
    """Check one message; never raises on bad input (a ``TypeError`` for non-bytes aside).

    ``content_type`` is the transport's Content-Type value; a ``multipart/related`` one makes
    ``data`` an MTOM package. ``max_bytes`` and ``max_depth`` are the hardened parser's caps.

    :param data: the message: an envelope's XML, or an MTOM package's bytes.
    :param profile: ``"strict"`` (the specification as written) or ``"lenient"`` (also what
        Microsoft's examples and real devices send, reported as warnings).
    :param content_type: the transport's Content-Type value, when known.
    :param max_bytes: the most bytes of XML read; a larger envelope is ``DSM-XML-FORBIDDEN``
        (16 MiB unless given).
    :param max_depth: the deepest element nesting read (at most 256); deeper is
        ``DSM-XML-FORBIDDEN`` (128 unless given).
    :returns: the report: every problem found, each with its rule id, severity and place.
    :raises TypeError: when ``data`` is not bytes.
    """
    return check_tree(
        data, profile=profile, content_type=content_type, max_bytes=max_bytes, max_depth=max_depth
    ).report


def validate_stored(data: bytes, *, name: str = "", profile: Profile = "strict") -> Report:
    """Check a stored message exactly as ``dsm-messages validate`` checks a file: an MTOM
    package stored with its MIME headers (``name`` ends in ``.mime``, or the bytes start with
    ``MIME-Version:`` or ``Content-Type:``) has its headers read first, anything else is
    validated as it is; line numbers count from the start of ``data``. Never raises on bad
    input.

    :param data: the stored file's bytes.
    :param name: the file's name, when it has one; a name ending in ``.mime`` marks a package.
    :param profile: ``"strict"`` or ``"lenient"``, as for :func:`validate`.
    :returns: the report, its line numbers counted in ``data``.

    >>> [(p.code, p.line) for p in validate_stored(b"<?xml version='1.0'?>\\n<x/>").problems]
    [('DSM-BODY-UNKNOWN', 2)]
    >>> validate_stored(b"MIME-Version: 1.0\\r\\n\\r\\n").problems[0].code
    'DSM-MIME-MALFORMED'
    """
    split = split_stored(data, name=name)
    if isinstance(split, MtomError):
        from ..rules import RULES  # (the rule table: read when a first problem is found)

        problem = RULES[split.code].problem(profile, str(split), line=1, column=1)
        return Report(profile=profile, problems=(problem,))
    content_type, body = split
    report = validate(body, profile=profile, content_type=content_type)
    # lines count from the start of the file, as editors and CI annotations do
    return _lines_from(report, data[: len(data) - len(body)])


def validate_file(path: str | os.PathLike[str], *, profile: Profile = "strict") -> Report:
    """Check the message stored in the file at ``path`` exactly as ``dsm-messages validate``
    checks it: :func:`validate_stored` of its bytes, an ``.mime`` file read as an MTOM package
    stored with its MIME headers. Raises :class:`OSError` when the file cannot be read, and
    nothing for bad content. What it takes and returns pickles, so a distributed engine (a
    Dask bag, a Spark RDD) can map it over the paths of an archive, and
    :meth:`Report.to_json` gives each result as the command's JSON prints it.

    :param path: the stored message's file.
    :param profile: ``"strict"`` or ``"lenient"``, as for :func:`validate`.
    :returns: the report, its line numbers counted in the file.
    :raises OSError: when the file cannot be read.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     stored = pathlib.Path(folder, "broken.xml")
    ...     _ = stored.write_bytes(b"<a><b></a>")
    ...     report = validate_file(stored)
    >>> report.valid, report.problems[0].code
    (False, 'DSM-XML-MALFORMED')
    """
    read = _read_stored(path, profile)
    if isinstance(read, Checked):  # a package, read in chunks, never whole
        return read.report
    return validate_stored(read, name=os.fspath(path), profile=profile)


#: How much of a stored file is read to tell whether it is a package and read its headers.
_HEAD_BYTES = 64 * 1024


def check_stored_package(
    path: str | os.PathLike[str], *, profile: Profile = "strict"
) -> Checked | None:
    """The checks of a stored MTOM package (as :func:`validate_file` reads one), read from
    disk in chunks: what is held is the root part and one chunk, whatever the size of the
    image. Line numbers count from the start of the file. ``None`` when the file holds no
    stored package whose headers can be read (it is then read whole)."""
    read = _read_stored(path, profile, whole=False)
    return read if isinstance(read, Checked) else None


def _read_stored(
    path: str | os.PathLike[str], profile: Profile, *, whole: bool = True
) -> Checked | bytes:
    """A stored package's checks, read in chunks; else the file's bytes (all of them when
    ``whole``, else what was read to tell), read with one ``open``."""
    name = os.fspath(path)
    with open(path, "rb") as stored:
        head = stored.read(_HEAD_BYTES)
        rest = b""
        content_type = None
        if _looks_stored(head, name):
            from ..package_parts import CHUNK_SIZE, split_message  # (read with packages)

            # (headers longer than the head, or unreadable: read whole, and reported)
            with contextlib.suppress(MtomError):
                content_type, rest = split_message(head)
        if not announces_package(content_type):
            # (a Content-Type of no package: read whole, and reported so)
            return head + stored.read() if whole else head
        headers = head[: len(head) - len(rest)]
        chunks = itertools.chain((rest,), iter(lambda: stored.read(CHUNK_SIZE), b""))
        where = functools.partial(file_position, path, len(headers))
        checked = _checked(chunks, profile, content_type, position=where)
    return attrs.evolve(checked, report=_lines_from(checked.report, headers))


def _lines_from(report: Report, headers: bytes) -> Report:
    """``report`` with its lines counted from the start of a file whose MIME ``headers`` come
    first; what is wrong with the Content-Type value is on the line of the Content-Type
    header."""
    header_lines = headers.count(b"\n")
    if not header_lines:
        return report
    found = re.search(rb"(?im)^content-type:", headers)
    content_type_line = 1 if found is None else headers.count(b"\n", 0, found.start()) + 1
    return attrs.evolve(
        report,
        problems=tuple(
            attrs.evolve(p, line=content_type_line, column=1)
            if p.line is None
            else attrs.evolve(p, line=p.line + header_lines)
            for p in report.problems
        ),
    )


def _looks_stored(head: bytes, name: str) -> bool:
    """Whether a stored message is an MTOM package stored with its MIME headers."""
    start = head.lstrip()[:200].lower()
    return name.endswith(".mime") or start.startswith((b"mime-version:", b"content-type:"))


def split_stored(data: bytes, *, name: str = "") -> tuple[str | None, bytes] | MtomError:
    """(Content-Type, body) of a stored message: a package loses its MIME headers, anything
    else is as stored (Content-Type ``None``); the error when the headers cannot be read."""
    if not _looks_stored(data, name):
        return None, data
    from ..package_parts import split_message  # (MIME framing: read with the first package)

    try:
        return split_message(data)
    except MtomError as exc:
        return exc


@attrs.frozen
class Checked:
    """A message as the checks read it."""

    report: Report
    #: The tree as the checks left it; ``None`` when the bytes could not be read as XML.
    tree: XmlElement | None
    #: Whether a repair changed the tree (a URI trimmed, a stale namespace renamed, ...): a
    #: tree no repair touched is the message as parsed.
    repaired: bool
    #: The elements of a small message as the checks read them, held while the tree is:
    #: lxml keeps the Python object of an element only while something refers to it, so a
    #: reader of the tree after the checks (the binder) gets the same objects back instead of
    #: lxml making each again (``None`` for a large message, whose walks hold no list).
    elements: Elements | None = None


def check_tree(
    data: bytes | Iterable[bytes],
    *,
    profile: Profile = "strict",
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Checked:
    """:func:`check` with the tree itself rather than its bytes, for binding it as it is. An
    MTOM package (``content_type``) may also be given as an iterable of chunks."""
    if profile not in ("strict", "lenient"):
        raise ValueError(f"profile must be 'strict' or 'lenient', not {profile!r}")
    chunked = announces_package(content_type) and not isinstance(data, str)
    if not isinstance(data, bytes) and not chunked:
        raise TypeError(f"validate() takes bytes, not {type(data).__name__}")
    return _checked(data, profile, content_type, max_bytes, max_depth)


def _checked(
    data: bytes | Iterable[bytes],
    profile: Profile,
    content_type: str | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    position: Callable[[int | None], tuple[int | None, int | None]] | None = None,
) -> Checked:
    """:func:`check_tree`'s work; ``position`` gives the line and column of a byte of a
    package read in chunks (unknown when not given)."""
    context = Context(profile)
    if isinstance(data, bytes):
        context.position = functools.partial(position_in, data)
    elif position is not None:
        context.position = position
    root = read_message(context, data, content_type, max_bytes, max_depth)
    if root is not None:
        run_checks(context, root)
    return Checked(
        report=context.report(),
        tree=root,
        repaired=context.repair.count > 0,
        elements=context.elements,
    )


# -- the checks, in order --------------------------------------------------------------
def run_checks(context: Context, root: XmlElement) -> None:
    if not context.large:
        context.elements = Elements(root)  # (no check below adds, drops or renames one)
    check_uris(context, root)
    if root.tag == f"{{{ns.SOAP}}}Envelope":
        body = check_envelope(context, root)
        check_header_values(context, root)
    else:
        body = root
        spec = by_qname(root.tag) if isinstance(root.tag, str) else None
        if spec is None or spec.kind != "document":
            context.add(
                DsmRule.BODY_UNKNOWN,
                f"root element {name_of(root)} is neither a SOAP envelope nor a DSM document",
                root,
            )
            return
        if context.package:
            context.add(
                DsmRule.BODY_UNKNOWN,
                f"the root part of an MTOM package holds {name_of(root)}, a document, not a "
                "SOAP envelope",
                root,
            )
        context.message = name_of(root)
    if body is not None:
        check_body(context, body)
    check_schema(context, root)
