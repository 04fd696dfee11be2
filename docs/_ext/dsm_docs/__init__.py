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
from dsm_messages.messages import EMPTY_BODY_ACTIONS, by_action
from dsm_messages.mtom import split_message
from dsm_messages.ordering_rules import ORDERING_RULES

from . import (
    api_page,
    commands,
    diagrams,
    models_page,
    narrow,
    pages,
    probes,
    python_example,
    samples,
    signatures,
    states_page,
    testcases,
)
from .schema_tree import SchemaSet

GENERATED = (
    "reference/messages",
    "reference/models",
    "reference/rules.rst",
    "reference/states.rst",
    "reference/api.rst",
)


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _prune(directory: Path, keep: Sequence[str]) -> None:
    for stale in directory.glob("*.rst"):
        if stale.stem not in keep and stale.stem != "index":
            stale.unlink()


def generate(srcdir: Path, root: Path, outdir: Path | None = None) -> list[str]:
    """Write every generated page below ``srcdir`` (and the files its pages link to below
    ``outdir``, the site being built); returns the message page names."""
    schemas = SchemaSet.load(dsm_messages.schema_dir())
    bundled = samples.bundled_examples(root / "examples")
    cases = testcases.load(root / "tests")
    offending, kinds = cases.offending(), cases.validator_kinds()
    directory = srcdir / "reference" / "messages"
    names = []
    try:
        for spec in dsm_messages.MESSAGE_TYPES:
            example = samples.sample(spec, schemas, bundled, root)
            name = pages.page_name(spec)
            names.append(name)
            page = pages.message_page(
                spec,
                schemas,
                ORDERING_RULES,
                example,
                offending=offending,
                validator_kinds=kinds,
                python=python_example.example(spec, example.body),
            )
            _write(directory / f"{name}.rst", page)
    except (samples.SampleError, python_example.ExampleError) as error:
        raise ExtensionError(str(error)) from error
    _write(directory / "index.rst", pages.messages_index(dsm_messages.MESSAGE_TYPES, schemas))
    _prune(directory, names)
    models = srcdir / "reference" / "models"
    for prefix in models_page.prefixes():
        page = models_page.module_page(prefix, schemas.descriptions, dsm_messages.MESSAGE_TYPES)
        _write(models / f"{prefix}.rst", page)
    _write(models / "index.rst", models_page.index_page(schemas.descriptions))
    _prune(models, models_page.prefixes())
    _write(srcdir / "reference" / "api.rst", api_page.api_page())
    rules = [
        ":tocdepth: 2",
        "",
        ".. _rules:",
        "",
        "Rules",
        "=====",
        "",
        pages.rules_text(
            dsm_messages.RULES, ORDERING_RULES, dsm_messages.MESSAGE_TYPES, examples=cases
        ),
    ]
    _write(srcdir / "reference" / "rules.rst", "\n".join(rules))
    try:
        _write(srcdir / "reference" / "states.rst", states_page.states_page(outdir))
        if outdir is not None:  # the conversations the guides draw, full size
            for folder in sorted((root / "examples" / "conversations").iterdir()):
                parties, arrows = conversation_arrows(folder)
                diagrams.save(diagrams.sequence_svg(parties, arrows), folder.name, outdir)
    except diagrams.DiagramError as error:
        raise ExtensionError(str(error)) from error
    return names


def _builder_inited(app: Sphinx) -> None:
    generate(Path(app.srcdir), Path(app.config.dsm_root), Path(app.outdir))


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
        depth = self.env.docname.count("/")
        html = diagrams.figure(svg, folder.name, depth, self.options.get("caption", ""))
        return [nodes.raw("", html, format="html")]


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


class ProbesDirective(_TableDirective):
    """``.. dsm-probes:: dsp``: the conformance kit's probes of one protocol."""

    sources = ("conformance/*.py", "rules.py", "ordering_rules.py")
    required_arguments = 1

    def text(self) -> str:
        from dsm_messages.conformance import PROBES

        return probes.probes_text(PROBES, self.arguments[0])


class UnprobedDirective(_TableDirective):
    """``.. dsm-unprobed::``: the rules a receiver refuses that no probe breaks, and why."""

    sources = ("conformance/breakers.py",)

    def text(self) -> str:
        from dsm_messages.conformance import NOT_PROBED

        return probes.unprobed_text(NOT_PROBED)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("dsm_root", "", "env", types=[str])
    app.connect("builder-inited", _builder_inited)
    app.add_directive("dsm-sequence", SequenceDirective)
    app.add_directive("dsm-faults", FaultsDirective)
    app.add_directive("dsm-aliases", AliasesDirective)
    app.add_directive("dsm-namespaces", NamespacesDirective)
    app.add_directive("dsm-command", commands.CommandDirective)
    signatures.setup(app)
    narrow.setup(app)
    app.add_directive("dsm-probes", ProbesDirective)
    app.add_directive("dsm-unprobed", UnprobedDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
