"""Run one tutorial's blocks in order, as a reader would, in the current folder.

Usage: ``python run_tutorial.py PLAN.json``; the plan is the page's blocks as
:mod:`tutorial_pages` reads them. This file is copied next to the plan and run by the
interpreter of a fresh virtual environment that has only the package and what the page says
to install: it imports nothing of the project's own.
"""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

FLAGS = doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL | doctest.DONT_ACCEPT_TRUE_FOR_1
CHECKER = doctest.OutputChecker()


def main(plan_path: str) -> int:
    plan: dict[str, Any] = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    session: dict[str, Any] = {"__name__": "__main__"}
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for number, block in enumerate(plan["blocks"], start=1):
        where = f"{plan['page']}, block {number} ({block['kind']})"
        print(f"-- {where}", flush=True)
        if block["kind"] == "python":
            exec(compile(block["text"], where, "exec"), session)
        elif block["kind"] == "pycon":
            test = doctest.DocTestParser().get_doctest(block["text"], session, where, where, 0)
            result = runner.run(test, clear_globs=False)
            session.update(test.globs)  # a DocTest runs in a copy of the session
            if result.failed:
                print(f"FAILED: {where}", flush=True)
                return 1
        elif block["kind"] == "file":
            Path(block["name"]).write_text(block["text"], encoding="utf-8")
        elif block["kind"] == "sh":
            for line, expected in block["commands"]:
                print(f"$ {line}", flush=True)
                done = subprocess.run(
                    line, shell=True, check=False, timeout=600, capture_output=True, text=True
                )
                print(done.stdout + done.stderr, flush=True)
                if expected is None and done.returncode != 0:
                    print(f"FAILED (exit status {done.returncode}): {where}", flush=True)
                    return 1
                if expected is not None and not CHECKER.check_output(expected, done.stdout, FLAGS):
                    print(f"FAILED: {where}: expected\n{expected}", flush=True)
                    return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
