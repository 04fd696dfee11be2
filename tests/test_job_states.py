"""The diagrams say what the tables say, and the tables say what the specification says."""

from __future__ import annotations

import pytest

from dsm_messages.job_states import (
    DSD_JOB_STATES,
    DSP_JOB_PHASES,
    FINAL_JOB_STATES,
    POST_SCAN_JOB_STATES,
    TABLES,
    allowed,
    phases_to_dot,
    to_dot,
)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_move_is_an_edge_and_final_states_are_drawn_double(name: str) -> None:
    table, final = TABLES[name]
    dot = to_dot(name, table, final)
    for state, nexts in table.items():
        for after in nexts - {state}:
            assert f'  "{state}" -> "{after}";' in dot
        shape = "doublecircle" if state in final else "circle"
        assert f'  "{state}" [shape={shape}];' in dot
    edges = [line for line in dot.splitlines() if "->" in line]
    assert len(edges) == sum(len(nexts - {state}) for state, nexts in table.items())


def test_phase_diagram_labels_each_move_with_its_message() -> None:
    dot = phases_to_dot("dsp_job_phases", DSP_JOB_PHASES)
    assert '  "open" -> "ending" [label="EndPostScanJob"];' in dot
    assert dot.count("->") == sum(len(moves) for moves in DSP_JOB_PHASES.values())


def test_final_states_have_no_way_out() -> None:
    for table in (POST_SCAN_JOB_STATES, DSD_JOB_STATES):
        for state in FINAL_JOB_STATES:
            assert not table[state]


def test_moves_the_specification_names() -> None:
    # wsdp.md rule 28 and wsdsc-and-schemas.md 9.2: Started and Terminating may be skipped
    assert allowed(POST_SCAN_JOB_STATES, "Pending", "Processing")
    assert allowed(POST_SCAN_JOB_STATES, "Processing", "Canceled")
    assert allowed(POST_SCAN_JOB_STATES, "Pending-Held", "Pending")
    assert not allowed(POST_SCAN_JOB_STATES, "Processing", "Pending")
    # wsdsd.md section 7: nothing out of Terminating but Canceled or Aborted
    assert not allowed(DSD_JOB_STATES, "Terminating", "Completed")
    assert not allowed(DSD_JOB_STATES, "Held", "Processing")
    # vendor values are never judged
    assert allowed(DSD_JOB_STATES, "Completed", "acme:Archived")
