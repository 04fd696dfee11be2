"""Sphinx extension: the reference pages of dsm-messages, generated from its schemas and tables.

At ``builder-inited`` it writes ``reference/messages/*.rst`` (one page per entry of
:data:`dsm_messages.MESSAGE_TYPES`), ``reference/rules.rst`` and ``reference/states.rst``
into the source tree (only files whose text changed are rewritten), and it adds the
``dsm-sequence`` directive, which draws an example conversation as a sequence diagram.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Parser as RstParser
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective, new_document

import dsm_messages
from dsm_messages import job_states
from dsm_messages.messages import EMPTY_BODY_ACTIONS, by_action
from dsm_messages.mtom import split_message
from dsm_messages.ordering_rules import ORDERING_RULES

from . import diagrams, pages, samples, signatures
from .schema_tree import SchemaSet

GENERATED = (
    "reference/messages",
    "reference/rules.rst",
    "reference/states.rst",
    "reference/api.rst",
)

# Sections of the API page; a public name missing here is still documented, under "Other".
_API_SECTIONS = {
    "Messages and XML": (
        "from_xml",
        "to_xml",
        "parse_xml",
        "MESSAGE_TYPES",
        "MessageType",
        "message_type",
        "by_qname",
        "by_action",
    ),
    "Envelopes": ("parse", "serialize", "reply", "Envelope", "ANONYMOUS"),
    "MTOM packages (SendImage)": ("build_send_image", "parse_package", "Package"),
    "Faults": ("Fault", "FaultError", "fault_for", "faults"),
    "Validation": (
        "validate",
        "validate_stored",
        "validate_file",
        "Report",
        "Problem",
        "ValidationError",
    ),
    "Rules": (
        "RULES",
        "ORDERING_RULES",
        "Rule",
        "RuleId",
        "DsmRule",
        "DspRule",
        "DsdRule",
        "DscRule",
        "WscnRule",
        "WsaRule",
    ),
    "Conversations": (
        "Session",
        "check_sequence",
        "SequenceReport",
        "ProtocolError",
        "LocalProtocolError",
        "RemoteProtocolError",
    ),
    "Schemas": ("load_schema", "schema_dir"),
    "Errors": (
        "DsmError",
        "BindingError",
        "XmlSyntaxError",
        "SchemaCompileError",
        "EnvelopeError",
        "MtomError",
        "MtomLimitError",
    ),
}
_DATA_TEXT = {
    "MESSAGE_TYPES": "Every message body and stand-alone document, as :class:`MessageType` "
    "entries; each has its page under :doc:`messages/index`.",
    "RULES": "Every validator rule, ``{rule id: Rule}``; listed on :doc:`rules`.",
    "ORDERING_RULES": "Every ordering rule, ``{rule id: Rule}``; listed on :doc:`rules`.",
    "faults": "The module :mod:`dsm_messages.faults`: every documented fault as a named "
    ":class:`Fault` constant (``DSP_INVALID_ARGS``...), and :func:`fault_for`.",
    "namespaces": "The module :mod:`dsm_messages.namespaces`: every namespace URI the "
    "protocols use, as constants (``DSP``, ``WSCN``...), with their conventional prefixes.",
    "ANONYMOUS": "The WS-Addressing 2004/08 anonymous address: a reply travels back on the "
    "connection the request came in on.",
    "__version__": "The version of this package.",
}

# What each drawn table is, in a sentence; a table without one still gets its drawing.
_TABLE_TEXT = {
    "post_scan_job": "A WS-DSP or WS-DSC post-scan job as its status and end-state events "
    "report it. Final states are drawn double; a state may repeat, so self-loops are left out.",
    "dsd_job": "A WS-DSD scan job on the device, as its job events and job lists report it.",
    "filter": "One filter of a post-scan job, as a job's FilterStatus reports it.",
    "dsp_job_phases": "A WS-DSP job as its device and scan server see it: the messages that "
    "move it from phase to phase. A message missing from a phase breaks the rule named in the "
    "table below, if any.",
}


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _refusal_rows(refusals: Sequence[job_states.Transitions]) -> list[str]:
    """Each rule a table's refused moves break, linked to its section of the rules page."""
    rows = []
    for table in refusals:
        protocol = table.protocol.upper()
        for key, rule in table.overrides.items():
            if isinstance(key, tuple):
                where = f"``{key[1]}`` in ``{key[0]}``"
            else:
                where = f"a move out of ``{key}``"
            rows.append(f"- {protocol}, {where}: {_breaks(rule)}")
        if table.rule is not None:
            rows.append(f"- {protocol}, any other move: {_breaks(table.rule)}")
    return rows


def _breaks(rule: str) -> str:
    severity = ORDERING_RULES[rule].severity("strict")
    return f"breaks :ref:`{rule} <rule-{rule}>` ({severity})"


def states_page() -> str:
    """The state diagrams page, each diagram drawn now from the table the checker uses."""
    out = [".. _states:", "", "State diagrams", "==============", ""]
    out += [
        "Drawn at build time from the transition tables in :mod:`dsm_messages.job_states`, "
        "the same tables the conversation checker looks every move up in.",
        "",
    ]
    drawings: list[tuple[str, str, list[str]]] = []
    for name, (table, final) in job_states.TABLES.items():
        refusals = job_states.REFUSALS[name]
        rows = [
            f"- ``{state}`` → "
            + (", ".join(f"``{after}``" for after in sorted(nexts - {state})) or "(final)")
            for state, nexts in table.items()
        ]
        rows += ["", *_refusal_rows(refusals)]
        drawings.append((name, diagrams.state_svg(name, table, final, refusals), rows))
    phase_refusals = job_states.REFUSALS["dsp_job_phases"]
    phase_rows = [
        f"- ``{phase}``: "
        + ", ".join(f"``{message}`` → ``{after}``" for message, after in moves.items())
        for phase, moves in job_states.DSP_JOB_PHASES.items()
    ]
    phase_rows += ["", *_refusal_rows(phase_refusals)]
    drawings.append(
        (
            "dsp_job_phases",
            diagrams.phases_svg("dsp_job_phases", job_states.DSP_JOB_PHASES, phase_refusals),
            phase_rows,
        )
    )
    for name, svg, rows in drawings:
        title = f"``{name}``"
        out += [title, "-" * len(title), ""]
        if name in _TABLE_TEXT:
            out += [_TABLE_TEXT[name], ""]
        out += [".. raw:: html", "", '   <div class="dsm-diagram">']
        out += [f"   {line}" for line in svg.splitlines()]
        out += ["   </div>", "", "The same table in words:", "", *rows, ""]
    return "\n".join(out)


def api_page() -> str:
    """Every name in ``dsm_messages.__all__``, documented once from its docstring."""
    out = ["API reference", "=============", ""]
    out += [
        "Everything ``from dsm_messages import ...`` offers (``dsm_messages.__all__``). The "
        "generated message classes live in :mod:`dsm_messages.models` (one module per "
        "namespace); each message page lists its class and fields.",
        "",
        ".. module:: dsm_messages",
        "",
    ]
    public = list(dsm_messages.__all__)
    placed = {name for names in _API_SECTIONS.values() for name in names}
    sections = {title: [n for n in names if n in public] for title, names in _API_SECTIONS.items()}
    sections["Other"] = [name for name in public if name not in placed]
    for title, names in sections.items():
        if not names:
            continue
        out += [title, "-" * len(title), ""]
        for name in names:
            value = getattr(dsm_messages, name)
            if isinstance(value, type):
                out += [f".. autoclass:: dsm_messages.{name}", "   :members:", ""]
            elif callable(value):
                out += [f".. autofunction:: dsm_messages.{name}", ""]
            else:
                out += [f".. py:data:: {name}", ""]  # in the module declared above
                out += [f"   {_DATA_TEXT.get(name, '')}", ""]
    title = "Finding a device: dsm_messages.discovery"
    out += [title, "-" * len(title), ""]
    out += [".. automodule:: dsm_messages.discovery", "   :members:", ""]
    return "\n".join(out)


def generate(srcdir: Path, root: Path) -> list[str]:
    """Write every generated page below ``srcdir``; returns the message page names."""
    schemas = SchemaSet.load(dsm_messages.schema_dir())
    bundled = samples.bundled_examples(root / "examples")
    directory = srcdir / "reference" / "messages"
    names = []
    try:
        for spec in dsm_messages.MESSAGE_TYPES:
            example = samples.sample(spec, schemas, bundled, root)
            name = pages.page_name(spec)
            names.append(name)
            _write(
                directory / f"{name}.rst",
                pages.message_page(spec, schemas, ORDERING_RULES, example),
            )
    except samples.SampleError as error:
        raise ExtensionError(str(error)) from error
    _write(directory / "index.rst", pages.messages_index(dsm_messages.MESSAGE_TYPES, schemas))
    for stale in directory.glob("*.rst"):
        if stale.stem not in names and stale.stem != "index":
            stale.unlink()
    _write(srcdir / "reference" / "api.rst", api_page())
    rules = [
        "Rules",
        "=====",
        "",
        pages.rules_text(dsm_messages.RULES, ORDERING_RULES, dsm_messages.MESSAGE_TYPES),
    ]
    _write(srcdir / "reference" / "rules.rst", "\n".join(rules))
    try:
        _write(srcdir / "reference" / "states.rst", states_page())
    except diagrams.DiagramError as error:
        raise ExtensionError(str(error)) from error
    return names


def _builder_inited(app: Sphinx) -> None:
    generate(Path(app.srcdir), Path(app.config.dsm_root))


def conversation_arrows(folder: Path) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The parties and messages of an example conversation, in file-name order."""
    arrows: list[tuple[int, int, str]] = []
    protocol = None
    kinds = []
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        content_type = None
        if path.suffix == ".mime":
            content_type, data = split_message(data)
        elif path.suffix != ".xml":
            continue
        envelope = dsm_messages.parse(data, content_type=content_type)
        action = envelope.action or ""
        spec = by_action(action)
        if spec is not None:
            kind, message_protocol = spec.kind, spec.protocol
        else:
            message_protocol, _, kind = EMPTY_BODY_ACTIONS[action]
        if message_protocol in pages.PARTIES and message_protocol != "wse" and protocol is None:
            protocol = message_protocol
        kinds.append((kind, action.rpartition("/")[2]))
    client, host = pages.PARTIES[protocol or "wse"]
    for kind, label in kinds:
        arrows.append((0, 1, label) if kind == "request" else (1, 0, label))
    return [client, host], arrows


class SequenceDirective(SphinxDirective):
    """``.. dsm-sequence:: examples/conversations/NAME`` draws that conversation."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        folder = Path(self.config.dsm_root) / self.arguments[0]
        if not folder.is_dir():
            raise self.error(f"no conversation at {folder}")
        for path in folder.iterdir():
            self.env.note_dependency(str(path))
        parties, arrows = conversation_arrows(folder)
        svg = diagrams.sequence_svg(parties, arrows)
        html = f'<figure class="dsm-diagram">{svg}'
        caption = self.options.get("caption")
        if caption:
            html += f"<figcaption>{caption}</figcaption>"
        return [nodes.raw("", html + "</figure>", format="html")]


class _TableDirective(SphinxDirective):
    """A directive whose content is reStructuredText generated from a library table."""

    #: The files the table is read from: a change to one rebuilds the page.
    sources: ClassVar[tuple[str, ...]] = ()

    def text(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        package = Path(dsm_messages.__file__).parent
        for source in self.sources:
            for path in sorted(package.glob(source)):
                self.env.note_dependency(str(path))
        # The table is reStructuredText whatever the page is written in (a MyST page would
        # read it as Markdown and print the directive): parse it with the reST parser, in
        # the settings (and so the Sphinx environment and roles) of the page.
        document = new_document("<generated>", self.state.document.settings)
        RstParser().parse(self.text(), document)
        return list(document.children)


class FaultsDirective(_TableDirective):
    """``.. dsm-faults::``: every named fault of :mod:`dsm_messages.faults`."""

    sources = ("faults.py",)

    def text(self) -> str:
        return pages.faults_table()


class AliasesDirective(_TableDirective):
    """``.. dsm-aliases::``: every alternative value spelling and what is written instead."""

    sources = ("aliases.py",)

    def text(self) -> str:
        return pages.aliases_table()


class NamespacesDirective(_TableDirective):
    """``.. dsm-namespaces::``: every namespace, its prefix, and what its schema says it is."""

    sources = ("namespaces.py", "xsd/*.xsd")

    def text(self) -> str:
        return pages.namespaces_table(SchemaSet.load(dsm_messages.schema_dir()))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("dsm_root", "", "env", types=[str])
    app.connect("builder-inited", _builder_inited)
    app.add_directive("dsm-sequence", SequenceDirective)
    app.add_directive("dsm-faults", FaultsDirective)
    app.add_directive("dsm-aliases", AliasesDirective)
    app.add_directive("dsm-namespaces", NamespacesDirective)
    signatures.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
