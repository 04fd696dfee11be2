"""Write the Graphviz drawings of the transition tables, with the rule each refused move
breaks, to ``docs/diagrams/`` (``--check`` compares instead). Render one with
``dot -Tsvg docs/diagrams/dsp_job_phases.dot``."""

from __future__ import annotations

import sys
from pathlib import Path

from dsm_messages.job_states import DSP_JOB_PHASES, REFUSALS, TABLES, phases_to_dot, to_dot

OUT = Path(__file__).resolve().parent.parent / "docs" / "diagrams"


def drawings() -> dict[str, str]:
    found = {
        f"{name}.dot": to_dot(name, table, final, REFUSALS[name])
        for name, (table, final) in TABLES.items()
    }
    found["dsp_job_phases.dot"] = phases_to_dot(
        "dsp_job_phases", DSP_JOB_PHASES, REFUSALS["dsp_job_phases"]
    )
    return found


def main(argv: list[str]) -> int:
    stale = []
    for name, text in drawings().items():
        path = OUT / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run tools/render_diagrams.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
