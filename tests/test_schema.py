"""The shipped schema set compiles offline with no error and no warning."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from lxml import etree

import dsm_messages
from dsm_messages import SchemaCompileError, load_schema, schema_dir
from dsm_messages.schema import ENTRY_SCHEMA, compile_schema

EXPECTED_FILES = {
    "dsm.xsd",
    "dsp.xsd",
    "dsd.xsd",
    "dsc.xsd",
    "wscn.xsd",
    "psp.xsd",
    "emlf.xsd",
    "fsf.xsd",
    "spf.xsd",
    "spx.xsd",
    "soap.xsd",
    "wsa.xsd",
    "wse.xsd",
    "xop.xsd",
    "xml.xsd",
    "wsd.xsd",
    "wsdp.xsd",
    "wsx.xsd",
}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("schema compilation tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_schemas_ship_inside_the_package() -> None:
    package_dir = Path(dsm_messages.__file__).parent
    assert schema_dir() == package_dir / "xsd"
    assert {p.name for p in schema_dir().glob("*.xsd")} == EXPECTED_FILES


def test_entry_schema_compiles_with_an_empty_log(no_network: None) -> None:
    schema = compile_schema(schema_dir() / ENTRY_SCHEMA)
    assert len(schema.error_log) == 0


def test_load_schema_is_compiled_once() -> None:
    assert load_schema() is load_schema()


def test_every_schema_file_uses_relative_locations_only() -> None:
    for path in schema_dir().glob("*.xsd"):
        text = path.read_text(encoding="utf-8")
        assert 'schemaLocation="http' not in text, path.name


def compile_problems(directory: Path, content: str) -> list[str]:
    path = directory / "candidate.xsd"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemaCompileError) as caught:
        compile_schema(path)
    return caught.value.problems


def importing(location: str) -> str:
    return (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">'
        f'<xs:import namespace="urn:other" schemaLocation="{location}"/></xs:schema>'
    )


def test_remote_import_is_refused_not_fetched(tmp_path: Path, no_network: None) -> None:
    problems = compile_problems(tmp_path, importing("http://203.0.113.7/elsewhere.xsd"))
    assert any("elsewhere.xsd" in problem for problem in problems)


def test_unresolvable_import_is_an_error_even_though_libxml2_only_warns(tmp_path: Path) -> None:
    problems = compile_problems(tmp_path, importing("gone.xsd"))
    assert any("gone.xsd" in problem for problem in problems)


def test_broken_schema_reports_file_and_line(tmp_path: Path) -> None:
    problems = compile_problems(
        tmp_path,
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        '<xs:element name="a" type="xs:nosuchtype"/>\n</xs:schema>',
    )
    assert any("candidate.xsd:2" in problem for problem in problems)


def test_every_named_declaration_is_documented() -> None:
    xs = "{http://www.w3.org/2001/XMLSchema}"
    missing = []
    for path in schema_dir().glob("*.xsd"):
        root = etree.parse(str(path)).getroot()
        for node in root.iter(f"{xs}element", f"{xs}complexType", f"{xs}simpleType"):
            if node.get("name") is None:
                continue
            text = node.findtext(f"{xs}annotation/{xs}documentation")
            if not text or not text.strip():
                missing.append(f"{path.name}: {node.get('name')}")
    assert missing == []
