"""dsm-messages inside a larger run: the package loads only what a run uses, a report and every
public exception cross a process boundary unchanged, and the documentation's Dask recipe gives,
file for file, what ``dsm-messages validate --format json`` prints."""

from __future__ import annotations

import importlib
import json
import pickle
import subprocess
import sys
from pathlib import Path

import dask.bag
import pytest
from commands import installed_command
from stored_messages import stored
from test_exceptions import SAMPLES

import dsm_messages
from dsm_messages import MESSAGE_TYPES, Problem, Report, message_type, validate_file
from dsm_messages import models as models_package
from dsm_messages.models import dsp

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def modules_after(code: str) -> set[str]:
    """Every module a fresh interpreter has loaded once it has run ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


# -- what a run loads ---------------------------------------------------------------------------


def test_importing_the_package_loads_none_of_its_layers() -> None:
    loaded = modules_after("import dsm_messages")
    assert {name for name in loaded if name.startswith("dsm_messages")} == {"dsm_messages"}
    assert not {name for name in loaded if name.split(".")[0] in ("lxml", "xsdata", "attrs")}


def test_validating_loads_neither_the_models_nor_xsdata(tmp_path: Path) -> None:
    """The validator reads generated tables, not the models: a body with attributes below it
    (each checked for DSM-LEAF-ATTRIBUTE), one without, and one with an attribute the models
    cannot keep load no model and not xsdata, nor the envelope, session or endpoint layers."""
    layers = {f"dsm_messages.{layer}" for layer in ("envelope", "session", "endpoint")}
    token = EXAMPLES / "dsp-02-create-response.xml"
    leaf = tmp_path / "leaf-attribute.xml"
    leaf.write_bytes(
        token.read_bytes().replace(
            b"<dsp:JobToken>", b'<dsp:JobToken xmlns:acme="urn:acme" acme:queue="2">'
        )
    )
    for path, codes in (
        (EXAMPLES / "dsp-01-create-request.xml", []),  # emlf:CanAddAddresses below the body
        (EXAMPLES / "dsc-01-get-active-jobs-response.xml", []),
        (leaf, ["DSM-LEAF-ATTRIBUTE"]),
    ):
        loaded = modules_after(
            "from dsm_messages import validate_file\n"
            f"report = validate_file({str(path)!r})\n"
            f"assert [p.code for p in report.problems] == {codes!r}, report.problems"
        )
        assert not {name for name in loaded if name.startswith("dsm_messages.models")}, path
        assert not {name for name in loaded if name.split(".")[0] == "xsdata"}, path
        assert not loaded & layers


def test_a_first_valid_message_loads_only_what_checking_it_needs() -> None:
    """What only a package, a problem or a time value needs is read when one is met: a first
    valid envelope with no dateTime value, read as ``dsm-messages validate`` reads a file,
    loads neither the MIME framing, nor the rule table, nor ``datetime``; a message with a
    problem still has its severity from the rule table."""
    deferred = {"dsm_messages.package_parts", "dsm_messages.rules", "datetime"}
    loaded = modules_after(
        "from dsm_messages import validate_file\n"
        f"assert validate_file({str(EXAMPLES / 'dsp-01-create-request.xml')!r}).problems == ()"
    )
    assert not loaded & deferred
    broken = modules_after(
        "from dsm_messages import validate\n"
        "report = validate(b'<a/>')\n"
        "assert report.problems[0].severity == 'error', report.problems"
    )
    assert "dsm_messages.rules" in broken


def test_a_message_given_without_a_content_type_loads_no_mime_code() -> None:
    """Only a Content-Type can make the bytes an MTOM package: ``validate()`` given none reads
    no MIME code at all; given one that names no package, it reads the bytes as XML, as it
    does with none; given a multipart one (in any case), it reads them as a package."""
    plain = modules_after(
        "from dsm_messages import validate\n"
        f"data = open({str(EXAMPLES / 'dsp-01-create-request.xml')!r}, 'rb').read()\n"
        "assert validate(data).problems == ()"
    )
    assert "dsm_messages._mime" not in plain
    typed = modules_after(
        "from dsm_messages import validate\n"
        f"data = open({str(EXAMPLES / 'dsp-01-create-request.xml')!r}, 'rb').read()\n"
        "assert validate(data, content_type='application/soap+xml').problems == ()\n"
        "report = validate(data, content_type='Multipart/Related; boundary=x')\n"
        "assert [p.code for p in report.problems] == ['DSM-MIME-MALFORMED'], report.problems"
    )
    assert "dsm_messages._mime" in typed


def test_every_public_name_is_the_one_its_module_defines() -> None:
    for name in dsm_messages.__all__:
        where = dsm_messages._HOMES.get(name, ".")
        home = importlib.import_module(where, "dsm_messages")
        if where == f".{name}":  # a public module (faults, namespaces) is itself the name
            assert getattr(dsm_messages, name) is home, name
        else:
            assert getattr(dsm_messages, name) is getattr(home, name), name
    assert set(dsm_messages.__all__) <= set(dir(dsm_messages))
    for name in models_package.__all__:
        module = getattr(models_package, name)
        assert module is importlib.import_module(f"dsm_messages.models.{name}")
    assert set(models_package.__all__) <= set(dir(models_package))
    for package in (dsm_messages, models_package):
        with pytest.raises(AttributeError, match="no_such_name"):
            _ = package.no_such_name


def test_the_message_table_names_each_body_by_its_model() -> None:
    """The table names each model by module and class, to import it late: every name must be
    the model's own element name, and every model must find its entry."""
    for spec in MESSAGE_TYPES:
        meta = spec.model.Meta  # type: ignore[attr-defined]
        assert spec.qname == f"{{{meta.namespace}}}{getattr(meta, 'name', spec.model.__name__)}"
        assert message_type(spec.model).model is spec.model
    with pytest.raises(KeyError, match="DocumentDescriptionType is not a DSM message body"):
        message_type(dsp.DocumentDescriptionType)


# -- results that travel ------------------------------------------------------------------------


def test_a_report_survives_its_json_form(doc_examples: Path) -> None:
    """``to_json`` loses nothing: the report can be rebuilt from the JSON text of its entry."""
    paths = sorted(p for p in doc_examples.iterdir() if p.suffix in (".xml", ".mime"))
    with_problems = 0
    for path in paths:
        report = validate_file(path, profile="lenient")
        entry = json.loads(json.dumps(report.to_json(path=str(path))))
        assert entry == report.to_json(path=str(path))
        assert list(entry) == ["path", "valid", "message", "action", "problems"]
        assert entry["valid"] is report.valid
        rebuilt = Report(
            profile="lenient",
            message=entry["message"],
            action=entry["action"],
            problems=tuple(Problem(**problem) for problem in entry["problems"]),
        )
        assert rebuilt == report
        with_problems += bool(report.problems)
    assert with_problems >= 5


def test_reports_and_exceptions_cross_to_a_fresh_interpreter_and_back(tmp_path: Path) -> None:
    """What a worker process hands back arrives as it left: unpickled in an interpreter that
    has imported nothing of dsm-messages, pickled again there, and compared here."""
    report = validate_file(EXAMPLES / "dsp-01-create-request.xml")
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<a><b></a>")
    with pytest.raises(FileNotFoundError) as missing:
        validate_file(tmp_path / "missing.xml")
    originals: list[object] = [
        *SAMPLES.values(),
        report,
        validate_file(broken),
        *validate_file(broken).problems,
        missing.value,
    ]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import pickle, sys\n"
            "values = pickle.loads(sys.stdin.buffer.read())\n"
            "sys.stdout.buffer.write(pickle.dumps(values))",
        ],
        input=pickle.dumps(originals),
        capture_output=True,
        check=True,
        timeout=120,
    )
    copies = pickle.loads(done.stdout)
    assert len(copies) == len(originals)
    for original, copy in zip(originals, copies, strict=True):
        assert type(copy) is type(original)
        if isinstance(original, BaseException):
            assert isinstance(copy, BaseException)
            assert copy.args == original.args
            assert str(copy) == str(original)
            assert vars(copy) == vars(original)
        else:
            assert copy == original


# -- the Dask recipe ---------------------------------------------------------------------------


def test_the_dask_recipe_reports_what_the_command_prints(archive: Path) -> None:
    paths = [str(path) for path in stored(archive)]
    assert len(paths) >= 300

    # the recipe of the archives tutorial: a bag of paths mapped to their JSON entries
    archive_bag = dask.bag.from_sequence(paths, partition_size=40)  # type: ignore[no-untyped-call]
    reports = archive_bag.map(
        lambda path: validate_file(path, profile="lenient").to_json(path=path)
    )
    entries = reports.compute(scheduler="processes")

    command = subprocess.run(
        [installed_command("dsm-messages"), "validate", "--profile", "lenient", "--format",
         "json", str(archive)],
        capture_output=True,
        check=False,
        timeout=300,
    )  # fmt: skip
    assert command.returncode == 1
    assert entries == json.loads(command.stdout)["files"]
    assert 0 < sum(not entry["valid"] for entry in entries) < len(entries)
