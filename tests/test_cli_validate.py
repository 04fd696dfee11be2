"""``dsm-messages validate``: the command-line contract pipelines and pre-commit rely on.

``dsm-messages validate [--profile strict|lenient] [--format text|json] PATH...`` where a PATH
is an ``.xml`` file (SOAP envelope or bare DSM document), an ``.mime`` file (an MTOM package
with its MIME headers), a directory (every ``*.xml`` and ``*.mime`` below it, sorted by path)
or ``-`` (standard input). Exit status 0: every message valid (warnings allowed); 1: at least
one invalid; 2: usage error or unreadable path. Everything runs the installed entry point.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from commands import installed_command
from hypothesis import given, settings
from hypothesis import strategies as st
from stored_messages import sample_package, stored

from dsm_messages import cli, validate_file, validate_stored
from dsm_messages.report import Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
DSP_ACTION = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"

FILE_KEYS = {"path", "valid", "message", "action", "problems"}
PROBLEM_KEYS = {"severity", "code", "message", "line", "column", "location"}
PROBLEM_LINE = re.compile(
    r"(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning) "
    r"(?P<code>DSM-[A-Z0-9-]+) (?P<message>.+)"
)
SUMMARY_LINE = re.compile(
    r"(?P<files>\d+) files? checked \((?P<profile>strict|lenient)\): (?P<valid>\d+) valid, "
    r"(?P<invalid>\d+) invalid; (?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?"
)


@dataclass(frozen=True)
class Result:
    status: int
    out: str
    err: str


def run(*args: str, stdin: bytes = b"", prefix: tuple[str, ...] = ()) -> Result:
    completed = subprocess.run(
        [*prefix, installed_command("dsm-messages"), *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )
    return Result(
        status=completed.returncode,
        out=completed.stdout.decode("utf-8"),
        err=completed.stderr.decode("utf-8"),
    )


def files_of(result: Result) -> list[dict[str, Any]]:
    """The ``files`` of ``--format json`` output, after checking every key and type."""
    document = json.loads(result.out)  # exactly one JSON value, nothing before or after
    assert isinstance(document, dict)
    assert set(document) == {"files", "summary"}
    files = document["files"]
    assert isinstance(files, list)
    for entry in files:
        assert isinstance(entry, dict)
        assert set(entry) == FILE_KEYS
        assert isinstance(entry["path"], str)
        assert isinstance(entry["valid"], bool)
        assert entry["message"] is None or isinstance(entry["message"], str)
        assert entry["action"] is None or isinstance(entry["action"], str)
        assert isinstance(entry["problems"], list)
        for problem in entry["problems"]:
            assert isinstance(problem, dict)
            assert set(problem) == PROBLEM_KEYS
            assert problem["severity"] in ("error", "warning")
            assert isinstance(problem["code"], str)
            assert re.fullmatch(r"DSM-[A-Z0-9-]+", problem["code"])
            assert isinstance(problem["message"], str)
            assert problem["message"]
            for key in ("line", "column"):
                value = problem[key]
                assert value is None or (type(value) is int and value >= 1), problem
            location = problem["location"]
            assert location is None or (isinstance(location, str) and location.startswith("/"))
        errors = [p for p in entry["problems"] if p["severity"] == "error"]
        assert entry["valid"] is (not errors)
    # the summary counts what the files say, as the text summary line does
    problems = [p for entry in files for p in entry["problems"]]
    invalid = sum(not entry["valid"] for entry in files)
    assert document["summary"] == {
        "profile": document["summary"]["profile"],
        "files": len(files),
        "valid": len(files) - invalid,
        "invalid": invalid,
        "errors": sum(p["severity"] == "error" for p in problems),
        "warnings": sum(p["severity"] == "warning" for p in problems),
    }
    assert document["summary"]["profile"] in ("strict", "lenient")
    return files


def by_path(files: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["path"]: entry for entry in files}


def codes(entry: dict[str, Any], severity: str) -> set[str]:
    return {p["code"] for p in entry["problems"] if p["severity"] == severity}


# -- what a file is ----------------------------------------------------------------------------


def test_the_bundled_examples_are_all_valid_in_strict() -> None:
    examples = [p for p in EXAMPLES.rglob("*") if p.suffix in (".xml", ".mime") and p.is_file()]
    assert len(examples) >= 7

    text = run("validate", str(EXAMPLES))
    assert text.status == 0, text.out + text.err
    assert text.out.splitlines() == [
        f"{len(examples)} files checked (strict): {len(examples)} valid, 0 invalid; "
        "0 errors, 0 warnings"
    ]

    listed = run("validate", "--format", "json", str(EXAMPLES))
    assert listed.status == 0
    files = files_of(listed)
    assert sorted(entry["path"] for entry in files) == sorted(str(path) for path in examples)
    assert all(entry["valid"] and not entry["problems"] for entry in files)
    entries = by_path(files)
    bare = entries[str(EXAMPLES / "psp-01-scan-process.xml")]
    assert (bare["message"], bare["action"]) == ("psp:PostScanProcess", None)
    request = entries[str(EXAMPLES / "dsp-01-create-request.xml")]
    assert request["message"] == "dsp:CreatePostScanJobRequest"
    assert request["action"] == f"{DSP_ACTION}/CreatePostScanJob"


def test_strict_refuses_what_lenient_accepts_with_a_warning(doc_examples: Path) -> None:
    path = str(doc_examples / "dsp-createpostscanjobrequest.xml")

    default = run("validate", "--format", "json", path)
    strict = run("validate", "--profile", "strict", "--format", "json", path)
    lenient = run("validate", "--profile", "lenient", "--format", "json", path)

    assert (default.status, strict.status, lenient.status) == (1, 1, 0)
    assert files_of(default) == files_of(strict)
    [strict_entry] = files_of(strict)
    [lenient_entry] = files_of(lenient)
    assert strict_entry["valid"] is False
    assert codes(strict_entry, "error") == {"DSM-URI-NOT-ABSOLUTE"}
    assert lenient_entry["valid"] is True
    assert codes(lenient_entry, "error") == set()
    assert codes(lenient_entry, "warning") == {"DSM-URI-NOT-ABSOLUTE"}
    assert lenient_entry["message"] == "dsp:CreatePostScanJobRequest"


def test_a_published_mtom_package_file(doc_examples: Path) -> None:
    path = str(doc_examples / "dsp-sendimagerequest.mime")

    strict = run("validate", "--format", "json", path)
    lenient = run("validate", "--profile", "lenient", "--format", "json", path)

    assert (strict.status, lenient.status) == (1, 0)
    [strict_entry] = files_of(strict)
    [lenient_entry] = files_of(lenient)
    for entry in (strict_entry, lenient_entry):
        assert entry["message"] == "dsp:SendImageRequest"
        assert entry["action"] == f"{DSP_ACTION}/SendImage"
    # its framing defects (LF line ends, unseparated parameters) are errors only in strict
    assert "DSM-MIME-DEFECT" in codes(strict_entry, "error")
    assert "DSM-MIME-DEFECT" in codes(lenient_entry, "warning")
    assert codes(lenient_entry, "error") == set()


def test_a_clean_mtom_package_file_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "send-image.mime"
    path.write_bytes(sample_package())

    result = run("validate", "--format", "json", str(path))

    assert result.status == 0, result.out
    assert files_of(result) == [
        {
            "path": str(path),
            "valid": True,
            "message": "dsp:SendImageRequest",
            "action": f"{DSP_ACTION}/SendImage",
            "problems": [],
        }
    ]


@pytest.mark.parametrize(
    ("name", "profile", "status", "message", "codes_found"),
    [
        ("examples/psp-01-scan-process.xml", "strict", 0, "psp:PostScanProcess", set()),
        (
            "examples/dsp-02-create-response.xml",
            "strict",
            0,
            "dsp:CreatePostScanJobResponse",
            set(),
        ),
        ("package", "strict", 0, "dsp:SendImageRequest", set()),
        (
            "doc:dsp-sendimagerequest.mime",
            "lenient",
            0,
            "dsp:SendImageRequest",
            {"DSM-MIME-DEFECT"},
        ),
        ("doc:wscn-validatescanticketrequest.xml", "strict", 1, None, {"DSM-XML-MALFORMED"}),
    ],
)
def test_standard_input(
    doc_examples: Path,
    name: str,
    profile: str,
    status: int,
    message: str | None,
    codes_found: set[str],
) -> None:
    if name == "package":
        data = sample_package()
    elif name.startswith("doc:"):
        data = (doc_examples / name.removeprefix("doc:")).read_bytes()
    else:
        data = (ROOT / name).read_bytes()

    result = run("validate", "--profile", profile, "--format", "json", "-", stdin=data)

    assert result.status == status, result.out + result.err
    [entry] = files_of(result)
    assert entry["path"] == "-"
    assert entry["message"] == message
    assert codes_found <= {p["code"] for p in entry["problems"]}


# -- directories and order ---------------------------------------------------------------------


def test_a_directory_stands_for_its_xml_and_mime_files_sorted_by_path(tmp_path: Path) -> None:
    tree = tmp_path / "fixtures"
    valid = (EXAMPLES / "dsp-02-create-response.xml").read_bytes()
    files = {  # written out of order on purpose
        "z/c.xml": b"<a><b></a>",
        "b.xml": valid,
        "sub.xml/d.xml": valid,  # a directory named *.xml is walked, not read
        "a.mime": sample_package(),
        "notes.txt": b"not a message",
        "schema.xsd": b"<not-a-message/>",
        "b.xml.bak": b"<not-a-message/>",
        "z/c.mime.orig": b"not a message",
    }
    for name, content in files.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_bytes(content)

    result = run("validate", "--format", "json", str(tree))
    given_order = run("validate", "--format", "json", str(tree / "z"), str(tree / "b.xml"))

    assert result.status == 1  # z/c.xml is not well-formed
    expected = ["a.mime", "b.xml", "sub.xml/d.xml", "z/c.xml"]
    listed = files_of(result)
    assert [entry["path"] for entry in listed] == [str(tree / name) for name in expected]
    assert [entry["valid"] for entry in listed] == [True, True, True, False]
    assert codes(listed[3], "error") == {"DSM-XML-MALFORMED"}
    # several paths are taken in the order given, each directory expanded in place
    assert [entry["path"] for entry in files_of(given_order)] == [
        str(tree / "z" / "c.xml"),
        str(tree / "b.xml"),
    ]


# -- output formats ----------------------------------------------------------------------------


@pytest.fixture
def assorted(tmp_path: Path, doc_examples: Path) -> list[str]:
    """Paths whose reports hold errors and warnings, known and unknown positions, and values
    with line breaks quoted in problem messages."""
    scan = (EXAMPLES / "psp-01-scan-process.xml").read_bytes()
    broken = scan.replace(b"<wscn:Width>300", b"<wscn:Width>3\r\n00", 1).replace(
        b"<wscn:JobName>Invoices", b"<wscn:JobName>Invo\nices\r\n", 1
    )
    assert broken.count(b"\n") > scan.count(b"\n")
    (tmp_path / "line-breaks.xml").write_bytes(broken)
    (tmp_path / "malformed.xml").write_bytes(b"<soap:Envelope>\n  <oops>\n</soap:Envelope>")
    return [
        str(EXAMPLES / "dsp-01-create-request.xml"),
        str(doc_examples / "dsp-createpostscanjobrequest.xml"),
        str(doc_examples / "dsp-sendimagerequest.mime"),
        str(doc_examples / "wscn-getactivejobsrequest.xml"),
        str(tmp_path / "line-breaks.xml"),
        str(tmp_path / "malformed.xml"),
    ]


@pytest.mark.parametrize("profile", ["strict", "lenient"])
def test_text_output_is_one_line_per_problem_then_a_summary(
    assorted: list[str], profile: str
) -> None:
    text = run("validate", "--profile", profile, *assorted)
    listed = files_of(run("validate", "--profile", profile, "--format", "json", *assorted))

    expected = [
        f"{entry['path']}:{p['line'] or 0}:{p['column'] or 0}: {p['severity']} {p['code']} "
        f"{p['message']}"
        for entry in listed
        for p in entry["problems"]
    ]
    *problem_lines, summary = text.out.split("\n")[:-1]
    assert text.out.endswith("\n")
    assert problem_lines == expected  # so no problem spreads over two lines
    for line in problem_lines:
        match = PROBLEM_LINE.fullmatch(line)
        assert match is not None, line
        assert match["path"] in assorted
    # every problem is placed, MIME defects included (at the line and column of the package
    # where the reader found them)
    assert all("0" not in line.split(":")[1:3] for line in problem_lines)
    assert any("MIME" in line for line in problem_lines)
    assert any("\\n" in line for line in problem_lines)  # line breaks quoted, not written

    match = SUMMARY_LINE.fullmatch(summary)
    assert match is not None, summary
    problems = [p for entry in listed for p in entry["problems"]]
    invalid = sum(not entry["valid"] for entry in listed)
    assert match.groupdict() == {
        "files": str(len(assorted)),
        "profile": profile,
        "valid": str(len(assorted) - invalid),
        "invalid": str(invalid),
        "errors": str(sum(p["severity"] == "error" for p in problems)),
        "warnings": str(sum(p["severity"] == "warning" for p in problems)),
    }
    assert text.status == 1
    assert text.err == ""


def test_json_output_describes_every_file(assorted: list[str]) -> None:
    result = run("validate", "--profile", "lenient", "--format", "json", *assorted)

    listed = files_of(result)  # every key and type checked there
    assert [entry["path"] for entry in listed] == assorted
    assert result.status == 1
    entries = by_path(listed)
    assert entries[assorted[0]]["valid"] is True
    assert entries[assorted[0]]["problems"] == []
    malformed = entries[assorted[-1]]
    assert (malformed["valid"], malformed["message"], malformed["action"]) == (False, None, None)
    [problem] = malformed["problems"]
    assert problem["code"] == "DSM-XML-MALFORMED"
    assert problem["line"] == 1  # the undeclared prefix is on the first line
    schema = next(p for p in entries[assorted[4]]["problems"] if p["code"] == "DSM-XSD")
    assert schema["location"].endswith("/wscn:Resolution/wscn:Width")
    assert "'3\\n00'" in schema["message"]


@pytest.mark.parametrize("name", ["dsp-createpostscanjobrequest.xml", "dsp-sendimagerequest.mime"])
def test_problem_lines_point_at_the_line_of_the_file(doc_examples: Path, name: str) -> None:
    """``path:line:`` takes an editor (or a CI annotation) to the offending line of ``path``,
    for a ``.mime`` file as for an ``.xml`` file."""
    path = doc_examples / name
    lines = path.read_text(encoding="utf-8").splitlines()

    result = run("validate", "--profile", "lenient", "--format", "json", str(path))

    [entry] = files_of(result)
    [to] = [p for p in entry["problems"] if p["code"] == "DSM-URI-NOT-ABSOLUTE"]
    assert to["location"] == "/soap:Envelope/soap:Header/wsa:To"
    assert "<wsa:To>DestinationAddress</wsa:To>" in lines[to["line"] - 1]


# -- exit status 2 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="no-subcommand"),
        pytest.param(["validate"], id="no-path"),
        pytest.param(["validate", "--profile", "pedantic", "EXAMPLE"], id="bad-profile"),
        pytest.param(["validate", "--format", "xml", "EXAMPLE"], id="bad-format"),
        pytest.param(["validate", "--frobnicate", "EXAMPLE"], id="unknown-option"),
        pytest.param(["validate", "--jobs", "0", "EXAMPLE"], id="no-process"),
        pytest.param(["validate", "--jobs", "-2", "EXAMPLE"], id="negative-jobs"),
        pytest.param(["validate", "--jobs", "all", "EXAMPLE"], id="jobs-not-a-number"),
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    example = str(EXAMPLES / "dsp-01-create-request.xml")
    result = run(*[example if arg == "EXAMPLE" else arg for arg in args])
    assert result.status == 2
    assert result.out == ""
    assert "usage: dsm-messages" in result.err


@pytest.mark.parametrize(
    ("position", "output"), [("alone", "text"), ("first", "json"), ("last", "text")]
)
def test_a_missing_path_exits_2(tmp_path: Path, position: str, output: str) -> None:
    missing = str(tmp_path / "missing.xml")
    good = str(EXAMPLES / "dsp-01-create-request.xml")
    paths = {"alone": [missing], "first": [missing, good], "last": [good, missing]}[position]

    result = run("validate", "--format", output, *paths)

    assert result.status == 2
    assert result.out == ""  # no verdict at all, not half of one
    assert f"{missing}: cannot read" in result.err


def without_file_permission_override() -> tuple[str, ...]:
    """A command prefix under which permission bits hold: as root, drop the capabilities
    that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "running as root needs setpriv (util-linux) for this test"
    drop = "-dac_override,-dac_read_search"
    return (setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}")


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """``tree/locked/`` (mode 000) holding a message, beside a readable ``tree/open.xml``."""
    tree = tmp_path / "tree"
    (tree / "locked").mkdir(parents=True)
    shutil.copy(EXAMPLES / "dsp-01-create-request.xml", tree / "open.xml")
    (tree / "locked" / "bad.xml").write_bytes(b"<a><b></a>")
    (tree / "locked").chmod(0)
    yield tree
    (tree / "locked").chmod(0o755)


@pytest.mark.parametrize(
    ("target", "named"),
    [
        pytest.param("locked", "locked", id="unreadable-directory"),
        pytest.param("locked/bad.xml", "bad.xml", id="file-in-unreadable-directory"),
        pytest.param(".", "locked", id="unreadable-directory-below-the-one-named"),
    ],
)
def test_an_unreadable_path_exits_2(locked: Path, target: str, named: str) -> None:
    result = run("validate", str(locked / target), prefix=without_file_permission_override())

    assert result.status == 2, result.out + result.err
    assert "Traceback" not in result.err
    assert "cannot read" in result.err
    assert named in result.err


def test_an_unreadable_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "secret.xml"
    shutil.copy(EXAMPLES / "dsp-01-create-request.xml", path)
    path.chmod(0)
    try:
        result = run("validate", str(path), prefix=without_file_permission_override())
    finally:
        path.chmod(0o644)
    assert result.status == 2
    assert f"{path}: cannot read" in result.err


# -- the pre-commit hook -----------------------------------------------------------------------


def load_hooks(text: str) -> list[dict[str, str]]:
    """The hook list of a ``.pre-commit-hooks.yaml`` written as a block sequence of flat
    mappings (``- key: value`` then ``  key: value``); PyYAML is not a dependency."""
    hooks: list[dict[str, str]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        assert hooks, f"content before the first hook: {raw!r}"
        assert line.startswith("  "), f"unexpected: {raw!r}"
        assert not line.startswith("   "), f"nested YAML is not handled here: {raw!r}"
        key, colon, value = line.strip().partition(": ")
        assert colon, f"not a 'key: value' line: {raw!r}"
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            assert value[0] == "'", "double-quoted YAML escapes are not handled here"
            value = value[1:-1].replace("''", "'")
        assert key not in hooks[-1], f"{key} given twice"
        hooks[-1][key] = value
    return hooks


def test_load_hooks_reads_what_it_is_given() -> None:
    text = "# hooks\n- id: one\n  name: 'It''s'\n  files: \\.(xml|mime)$\n\n- id: two\n"
    assert load_hooks(text) == [
        {"id": "one", "name": "It's", "files": r"\.(xml|mime)$"},
        {"id": "two"},
    ]


def test_the_pre_commit_hook_definition() -> None:
    [hook] = load_hooks(HOOKS.read_text(encoding="utf-8"))

    assert hook["id"] == "dsm-messages-validate"
    assert hook["name"]
    assert hook["entry"] == "dsm-messages validate"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.(xml|mime)$"
    # pre-commit matches `files` with re.search against each staged path
    files = re.compile(hook["files"])
    for path in ("a.xml", "fixtures/dsp/send-image.mime", "examples/psp-01-scan-process.xml"):
        assert files.search(path), path
    for path in ("xsd/dsm.xsd", "a.xml.bak", "a.mimetypes", "README.md", "xml", "a_xml"):
        assert not files.search(path), path
    # language: python installs this repository; the entry's command is its console script
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    command = hook["entry"].split()[0]
    assert command in project["project"]["scripts"]


def test_the_pre_commit_entry_is_the_validate_command(tmp_path: Path) -> None:
    """pre-commit runs the entry split on whitespace, with the staged file names appended."""
    [hook] = load_hooks(HOOKS.read_text(encoding="utf-8"))
    command, *arguments = hook["entry"].split()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<a><b></a>")
    good = [str(EXAMPLES / "psp-01-scan-process.xml"), str(EXAMPLES / "dsp-01-create-request.xml")]

    def hook_run(*names: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [installed_command(command), *arguments, *names],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

    passed = hook_run(*good)
    failed = hook_run(good[0], str(bad))

    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.splitlines()[-1].startswith("2 files checked (strict): 2 valid")
    assert failed.returncode == 1
    assert f"{bad}:1:" in failed.stdout


def test_validate_stored_is_what_the_command_reports(doc_examples: Path) -> None:
    """The library function and the command agree file for file, JSON included."""
    paths = sorted(
        [p for p in EXAMPLES.rglob("*") if p.suffix in (".xml", ".mime")]
        + [p for p in doc_examples.iterdir() if p.suffix in (".xml", ".mime")]
    )
    for profile in ("strict", "lenient"):
        result = run("validate", "--profile", profile, "--format", "json", *map(str, paths))
        expected = [
            {
                "path": str(path),
                **validate_stored(path.read_bytes(), name=path.name, profile=profile).to_json(),
            }
            for path in paths
        ]
        assert files_of(result) == expected
        # validate_file is that function on the file, and to_json(path=...) the whole entry
        assert [
            validate_file(path, profile=profile).to_json(path=str(path)) for path in paths
        ] == (expected)


def test_problems_of_a_one_line_file_are_told_apart_by_column(tmp_path: Path) -> None:
    one_line = (
        (EXAMPLES / "dsp-01-create-request.xml")
        .read_bytes()
        .replace(b"\n", b"")
        .replace(b"<wsa:To>https://", b"<wsa:To>//", 1)
        .replace(b"urn:uuid:", b"uuid:", 1)
    )
    path = tmp_path / "one-line.xml"
    path.write_bytes(one_line)
    result = run("validate", str(path))
    lines = [PROBLEM_LINE.fullmatch(line) for line in result.out.splitlines()[:-1]]
    assert len(lines) >= 2
    places = {(m["line"], m["column"]) for m in lines if m is not None}
    assert len(places) == len(lines)
    assert all(line == "1" and column != "0" for line, column in places)


# -- many files: processes, order, what is held ------------------------------------------------


@pytest.mark.parametrize("output", ["text", "json"])
def test_jobs_change_nothing_in_the_output(archive: Path, output: str) -> None:
    """``--jobs 2`` prints what ``--jobs 1`` prints, byte for byte and in the same order."""
    one = run("validate", "--format", output, "--jobs", "1", str(archive))
    two = run("validate", "--format", output, "--jobs", "2", str(archive))

    assert (one.status, two.status) == (1, 1)
    assert two.out == one.out
    assert two.err == one.err == ""
    if output == "json":
        files = files_of(two)
        assert [entry["path"] for entry in files] == [str(path) for path in stored(archive)]
        assert 0 < sum(not entry["valid"] for entry in files) < len(files)
    else:
        summary = SUMMARY_LINE.fullmatch(two.out.splitlines()[-1])
        assert summary is not None
        assert summary["files"] == str(len(stored(archive)))


def test_inputs_keep_the_order_given_whatever_the_jobs(archive: Path) -> None:
    given = [
        str(archive / "batch-3"),
        "-",
        str(stored(archive)[5]),
        str(archive / "batch-0" / "2"),
        str(stored(archive)[5]),  # named twice, checked twice
    ]
    piped = (EXAMPLES / "dsp-01-create-request.xml").read_bytes()
    expected = [
        *map(str, stored(archive / "batch-3")),
        "-",
        str(stored(archive)[5]),
        *map(str, stored(archive / "batch-0" / "2")),
        str(stored(archive)[5]),
    ]
    outputs = []
    for jobs in ("1", "2"):
        result = run("validate", "--format", "json", "--jobs", jobs, *given, stdin=piped)
        assert [entry["path"] for entry in files_of(result)] == expected
        outputs.append(result.out)
    assert outputs[0] == outputs[1]


def test_json_output_is_what_json_dump_writes(archive: Path, tmp_path: Path) -> None:
    """Written file by file, the document is still exactly ``json.dump(..., indent=2)``'s."""
    (tmp_path / "nothing-here").mkdir()
    for target in (archive / "batch-1", tmp_path / "nothing-here"):
        result = run("validate", "--format", "json", str(target))
        assert result.out == json.dumps(json.loads(result.out), indent=2) + "\n"
    empty = run("validate", "--format", "json", str(tmp_path / "nothing-here"))
    assert empty.status == 0
    assert files_of(empty) == []
    text = run("validate", str(tmp_path / "nothing-here"))
    assert (text.status, text.out) == (
        0,
        "0 files checked (strict): 0 valid, 0 invalid; 0 errors, 0 warnings\n",
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_unreadable_when_its_turn_comes_stops_the_run(tmp_path: Path, jobs: str) -> None:
    """Found below a directory, it is read only when its turn comes: exit 2 naming it, after
    the results of the files before it; the JSON document is left unterminated."""
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.xml").write_bytes(b"<a><b></a>")
    (tree / "b.xml").write_bytes((EXAMPLES / "dsp-01-create-request.xml").read_bytes())
    (tree / "c.xml").write_bytes(b"<a><b></a>")
    (tree / "b.xml").chmod(0)
    try:
        text = run(
            "validate", "--jobs", jobs, str(tree), prefix=without_file_permission_override()
        )
        listed = run(
            "validate", "--format", "json", "--jobs", jobs, str(tree),
            prefix=without_file_permission_override(),
        )  # fmt: skip
    finally:
        (tree / "b.xml").chmod(0o644)
    for result in (text, listed):
        assert result.status == 2
        assert (
            result.err
            == f"dsm-messages validate: {tree / 'b.xml'}: cannot read: Permission denied\n"
        )
    [line] = text.out.splitlines()  # a.xml's one problem; no summary
    assert line.startswith(f"{tree / 'a.xml'}:1:")
    assert str(tree / "c.xml") not in listed.out
    with pytest.raises(json.JSONDecodeError):
        json.loads(listed.out)


def test_the_command_reads_one_file_at_a_time(
    archive: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In one process, a file is read only once the one before it has been reported."""
    events: list[str] = []
    read, report = validate_file, cli._TextOutput.add

    def reading(path: str, **keywords: Any) -> Report:
        events.append("read")
        return read(path, **keywords)

    def reporting(self: cli._TextOutput, path: str, verdict: Report) -> None:
        events.append("reported")
        report(self, path, verdict)

    monkeypatch.setattr(cli, "validate_file", reading)
    monkeypatch.setattr(cli._TextOutput, "add", reporting)

    assert cli.main(["validate", "--jobs", "1", str(archive)]) == 1

    assert events == ["read", "reported"] * len(stored(archive))
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith(f"{len(stored(archive))} files checked (strict): ")


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_the_command_holds_does_not_grow_with_the_files(
    archive: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inputs taken from the walk and not yet reported never number more than a few batches
    per process, however many files there are; the verdicts come back in input order."""
    monkeypatch.setattr(cli, "_BATCH", 16)  # batches small enough for the archive to hold many
    items = [cli._Input(str(path)) for path in stored(archive)]
    taken = 0

    def walk() -> Iterator[cli._Input]:
        nonlocal taken
        for item in items:
            taken += 1
            yield item

    held, reported = [], []
    for path, verdict in cli._in_order(walk(), "strict", jobs):
        reported.append(path)
        held.append(taken - len(reported) + 1)  # this one included
        assert isinstance(verdict, Report)

    assert reported == [item.path for item in items]
    bound = 1 if jobs == 1 else cli._AHEAD * jobs * cli._BATCH
    assert max(held) <= bound
    assert bound * 4 < len(items)  # so that the bound means something here


def test_large_files_are_shared_out_a_few_at_a_time(tmp_path: Path) -> None:
    """A batch ends at its count of files or once its files hold its bytes, whichever comes
    first, so that no worker is left with a long batch of large files while another waits;
    small files still go many at a time. Every input is in one batch, in order."""
    large, small = 300 * 1024, 3 * 1024
    sized: dict[cli._Input, int] = {}
    for number, size in enumerate([large] * 10 + [small] * 200):
        path = tmp_path / f"{number:03}.xml"
        path.write_bytes(b" " * size)
        sized[cli._Input(str(path))] = size
    sized[cli._Input("-", b" " * cli._BATCH_BYTES)] = cli._BATCH_BYTES  # standard input
    sized[cli._Input(str(tmp_path / "gone.xml"))] = 0  # unreadable: reported in its turn
    items = list(sized)

    batches = list(cli._batches(iter(items), cli._BATCH, cli._BATCH_BYTES))

    assert [item for batch in batches for item in batch] == items
    assert all(len(batch) <= cli._BATCH for batch in batches)
    # a batch ends with the file that brings it to its bytes, never later
    assert all(sum(sized[item] for item in batch[:-1]) < cli._BATCH_BYTES for batch in batches)
    assert [len(batch) for batch in batches[:5]] == [2, 2, 2, 2, 2]  # the large files
    assert len(batches[5]) == cli._BATCH  # small files: as many as a batch takes
    assert batches[-2][-1].path == "-"  # standard input's bytes end its batch
    assert batches[-1] == [items[-1]]


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, derandomize=True, database=None)
@given(_JSON_VALUES, st.integers(0, 3))
def test_the_json_output_is_written_as_json_dumps_writes_it(value: Any, depth: int) -> None:
    # the command writes each file's entry itself, value by value, one level deeper than the
    # document's top: it must be exactly the text json.dumps(indent=2) makes, so indented
    expected = json.dumps(value, indent=2).replace("\n", "\n" + "  " * depth)
    assert cli._indented(value, depth) == expected
