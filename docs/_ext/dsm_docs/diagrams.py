"""Pictures drawn at build time: state diagrams from the transition tables (Graphviz, rendered by
the pure ``graphviz-pure`` command installed with the ``docs`` extra), and sequence diagrams of
the shipped example conversations (SVG written here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence, Set
from html import escape
from pathlib import Path

from dsm_messages.job_states import Transitions, phases_to_dot, to_dot


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
    """SVG markup of a Graphviz graph, ready to put inline in a page."""
    done = subprocess.run(
        [graphviz_command(), "-Tsvg"], input=dot.encode(), capture_output=True, check=False
    )
    if done.returncode != 0:
        raise DiagramError(done.stderr.decode(errors="replace"))
    text = done.stdout.decode()
    return text[text.index("<svg") :]


def state_svg(
    name: str,
    table: Mapping[str, Set[str]],
    final: Set[str],
    refusals: Sequence[Transitions] = (),
) -> str:
    return render_svg(to_dot(name, table, final, refusals))


def phases_svg(
    name: str, table: Mapping[str, Mapping[str, str]], refusals: Sequence[Transitions] = ()
) -> str:
    return render_svg(phases_to_dot(name, table, refusals))


def sequence_svg(parties: Sequence[str], arrows: Sequence[tuple[int, int, str]]) -> str:
    """A sequence diagram: one lifeline per party, one arrow per message (from, to, label)."""
    column, top, step, pad = 300, 50, 34, 120
    width = pad * 2 + column * (len(parties) - 1)
    height = top + step * (len(arrows) + 1)
    x = [pad + column * index for index in range(len(parties))]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13" '
        'role="img" class="dsm-sequence">',
        '<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="10" refY="4" '
        'orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#444"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for index, party in enumerate(parties):
        out.append(
            f'<rect x="{x[index] - 85}" y="8" width="170" height="26" rx="4" fill="#eef" '
            'stroke="#446"/>'
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
