"""Pictures drawn at build time: state diagrams from the transition tables (Graphviz, rendered by
the pure ``graphviz-pure`` command installed with the ``docs`` extra), and sequence diagrams of
the shipped example conversations (SVG written here).

Every drawing is laid out to be read in the page's column, on a phone too: a move that every
unfinished state makes (to ``Aborted``, to ``finished``) is one edge from the box around those
states rather than one per state, a message that keeps a phase where it is and a message the
phase refuses are lines of the phase's own label rather than loops and edges, and of the two
directions Graphviz can lay a graph out in, the narrower is kept. Labels are written in the
site's font. The page shows each drawing inline and links it to its own file, full size.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence, Set
from html import escape
from pathlib import Path

from dsm_messages.job_states import Transitions

#: The font stack of the site's theme (furo), so that labels look like the text around them.
SITE_FONT = (
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif, "
    "'Apple Color Emoji', 'Segoe UI Emoji'"
)
#: What Graphviz measures labels with: metrics close to the site's fonts.
_LAYOUT_FONT = "Helvetica"
_STYLE = f"""  graph [fontname="{_LAYOUT_FONT}", fontsize=12, bgcolor="transparent", nodesep=0.25,
         ranksep=0.4, pad=0.05, compound=true];
  node [fontname="{_LAYOUT_FONT}", fontsize=14, shape=box, style="rounded,filled",
        fillcolor="#eef1fb", color="#4a5a8a", margin="0.1,0.04", height=0.3];
  edge [fontname="{_LAYOUT_FONT}", fontsize=12, color="#555555", arrowsize=0.6];
"""
_FINAL = 'peripheries=2, fillcolor="#e3f1e6", color="#2e6b3c"'
_CLUSTER = (
    '    label="before the end"; labeljust=l; style="rounded,dashed"; color="#9aa3bd"; '
    'fontcolor="#555555";'
)
_SMALL = 'POINT-SIZE="11"'


class DiagramError(Exception):
    """A drawing could not be made: the build stops."""


def graphviz_command() -> str:
    """The Graphviz ``dot`` to run: ``graphviz-pure`` beside this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / "graphviz-pure"
    if beside.exists():
        return str(beside)
    for name in ("graphviz-pure", "dot"):
        found = shutil.which(name)
        if found:
            return found
    raise DiagramError("no Graphviz found: install the docs extra (graphviz-pure)")


def render_svg(dot: str) -> str:
    """SVG markup of a Graphviz graph, ready to put inline in a page, labels in the site's
    font."""
    done = subprocess.run(
        [graphviz_command(), "-Tsvg"], input=dot.encode(), capture_output=True, check=False
    )
    if done.returncode != 0:
        raise DiagramError(done.stderr.decode(errors="replace"))
    text = done.stdout.decode()
    text = text[text.index("<svg") :]
    return re.sub(r'font-family="[^"]*"', f'font-family="{SITE_FONT}"', text)


def width(svg: str) -> float:
    """The width an SVG is drawn at, in CSS pixels."""
    found = re.search(r'<svg[^>]* width="([\d.]+)(pt|px)?"', svg)
    if found is None:
        raise DiagramError("an SVG without a width")
    return float(found.group(1)) * (4 / 3 if found.group(2) == "pt" else 1)


def _narrowest(dot: str) -> str:
    """The graph laid out top to bottom or left to right, whichever is narrower."""
    drawings = [render_svg(dot.replace("RANKDIR", rankdir)) for rankdir in ("TB", "LR")]
    return min(drawings, key=width)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def state_dot(name: str, table: Mapping[str, Set[str]], final: Set[str]) -> str:
    """A state table as a graph; moves every unfinished state makes to a final one are drawn
    once, from the box around the unfinished states."""
    running = [state for state in table if state not in final]
    everywhere = [
        state
        for state in table
        if state in final and running and all(state in table[other] for other in running)
    ]
    lines = [f"digraph {name} {{", "  rankdir=RANKDIR;", _STYLE, "  subgraph cluster_running {"]
    lines.append(_CLUSTER)
    lines += [f"    {_quoted(state)};" for state in running]
    lines.append("  }")
    finals = [state for state in table if state in final]
    lines += [f"  {_quoted(state)} [{_FINAL}];" for state in finals]
    if len(finals) > 3:  # two to a row, not all in one: the drawing stays narrow
        for upper, lower in zip(finals, finals[2:], strict=False):
            lines.append(f"  {_quoted(upper)} -> {_quoted(lower)} [style=invis];")
    for state in running:
        for after in sorted(table[state] - {state}):
            if after not in everywhere:
                lines.append(f"  {_quoted(state)} -> {_quoted(after)};")
    for number, after in enumerate(everywhere):
        said = ', label="from any"' if number == 0 else ""  # bold says the same for the others
        lines.append(
            f"  {_quoted(running[-1])} -> {_quoted(after)} "
            f"[ltail=cluster_running, style=bold{said}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def phases_dot(
    name: str, table: Mapping[str, Mapping[str, str]], refusals: Sequence[Transitions] = ()
) -> str:
    """A phase table as a graph: a move labelled with its message; what keeps a phase and
    what a phase refuses (with the rule) are lines of the phase's label."""
    final = [phase for phase, moves in table.items() if set(moves.values()) <= {phase}]
    running = [phase for phase in table if phase not in final]
    everywhere = {
        (message, after)
        for phase in running
        for message, after in table[phase].items()
        if after in final and all(table[other].get(message) == after for other in running)
    }
    refused: dict[str, list[str]] = {}
    for transitions in refusals:
        for key, rule in transitions.overrides.items():
            if isinstance(key, tuple):
                refused.setdefault(key[0], []).append(f"{key[1]} ({rule})")

    def label(phase: str) -> str:
        rows = [f"<B>{escape(phase)}</B>"]
        rows += [
            f"<FONT {_SMALL}>{escape(message)}: no change</FONT>"
            for message, after in table[phase].items()
            if after == phase
        ]
        if phase in refused:
            rows.append(f'<FONT {_SMALL} COLOR="#a33333">refused:</FONT>')
            rows += [
                f'<FONT {_SMALL} COLOR="#a33333">{escape(what)}</FONT>' for what in refused[phase]
            ]
        return "<" + "<BR/>".join(rows) + ">"

    lines = [f"digraph {name} {{", "  rankdir=RANKDIR;", _STYLE, "  subgraph cluster_running {"]
    lines.append(_CLUSTER)
    lines += [f"    {_quoted(phase)} [label={label(phase)}];" for phase in running]
    lines.append("  }")
    lines += [f"  {_quoted(phase)} [label={label(phase)}, {_FINAL}];" for phase in final]
    for phase in running:
        for message, after in table[phase].items():
            if after != phase and (message, after) not in everywhere:
                lines.append(f"  {_quoted(phase)} -> {_quoted(after)} [label={_quoted(message)}];")
    for message, after in sorted(everywhere):
        lines.append(
            f"  {_quoted(running[-1])} -> {_quoted(after)} "
            f"[ltail=cluster_running, label={_quoted(message)}, style=bold];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def state_svg(
    name: str,
    table: Mapping[str, Set[str]],
    final: Set[str],
    refusals: Sequence[Transitions] = (),
) -> str:
    """The drawing of a state table (the rules of its refused moves are listed in words
    beside it)."""
    return _narrowest(state_dot(name, table, final))


def phases_svg(
    name: str, table: Mapping[str, Mapping[str, str]], refusals: Sequence[Transitions] = ()
) -> str:
    return _narrowest(phases_dot(name, table, refusals))


def sequence_svg(parties: Sequence[str], arrows: Sequence[tuple[int, int, str]]) -> str:
    """A sequence diagram: one lifeline per party, one arrow per message (from, to, label)."""
    column, top, step, pad = 230, 50, 30, 95
    width_px = pad * 2 + column * (len(parties) - 1)
    height = top + step * (len(arrows) + 1)
    x = [pad + column * index for index in range(len(parties))]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_px}" height="{height}" '
        f'viewBox="0 0 {width_px} {height}" font-family="{SITE_FONT}" font-size="14" '
        'role="img" class="dsm-sequence">',
        '<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="10" refY="4" '
        'orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#444"/></marker></defs>',
        f'<rect width="{width_px}" height="{height}" fill="white"/>',
    ]
    for index, party in enumerate(parties):
        out.append(
            f'<rect x="{x[index] - 85}" y="8" width="170" height="26" rx="4" fill="#eef1fb" '
            'stroke="#4a5a8a"/>'
        )
        out.append(
            f'<text x="{x[index]}" y="26" text-anchor="middle" font-weight="bold">'
            f"{escape(party)}</text>"
        )
        out.append(
            f'<line x1="{x[index]}" y1="34" x2="{x[index]}" y2="{height - 8}" stroke="#888" '
            'stroke-dasharray="4 3"/>'
        )
    for row, (source, target, label) in enumerate(arrows):
        y = top + step * (row + 1)
        dash = ' stroke-dasharray="6 3"' if label.endswith("Response") else ""
        out.append(
            f'<line x1="{x[source]}" y1="{y}" x2="{x[target]}" y2="{y}" stroke="#444" '
            f'stroke-width="1.4" marker-end="url(#arrow)"{dash}/>'
        )
        middle = (x[source] + x[target]) / 2
        out.append(f'<text x="{middle}" y="{y - 6}" text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def figure(svg: str, name: str, depth: int, caption: str = "") -> str:
    """The HTML of a drawing shown inline, linked to its own file full size
    (``_diagrams/NAME.svg`` at the site's root, ``depth`` folders up)."""
    href = "../" * depth + f"_diagrams/{name}.svg"
    html = (
        f'<figure class="dsm-diagram"><a class="dsm-diagram-link" href="{href}" '
        f'title="Open the drawing full size">{svg}</a>'
    )
    if caption:
        html += f"<figcaption>{escape(caption)}</figcaption>"
    return html + "</figure>"


def save(svg: str, name: str, outdir: Path) -> None:
    """Write a drawing as a file of its own, for the link to it."""
    folder = outdir / "_diagrams"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.svg").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, encoding="utf-8"
    )
