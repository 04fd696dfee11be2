"""Every exception dsm-messages exports survives pickling (a worker process, a task queue, a
cache may carry it): the copy has the same type, message and attributes as the original."""

from __future__ import annotations

import inspect
import pickle

import pytest

import dsm_messages
from dsm_messages import (
    ANONYMOUS,
    BindingError,
    DsmError,
    DsmRule,
    EnvelopeError,
    FaultError,
    LocalProtocolError,
    MtomError,
    MtomLimitError,
    Problem,
    ProtocolError,
    RemoteProtocolError,
    Report,
    SchemaCompileError,
    ValidationError,
    XmlSyntaxError,
    parse,
    serialize,
)
from dsm_messages.faults import ACTION_NOT_SUPPORTED
from dsm_messages.models import dsp


def _envelope() -> dsm_messages.Envelope:
    body = dsp.EndPostScanJobRequest(job_token="264a19bf")
    return parse(serialize(body, to="https://scansrv01.example/ScanServer/1", reply_to=ANONYMOUS))


_REPORT = Report(
    profile="strict",
    message="dsp:EndPostScanJobRequest",
    problems=(
        Problem(
            severity="error",
            code="DSM-URI-NOT-ABSOLUTE",
            message="wsa:To 'x' is not an absolute URI",
            line=1,
            column=7,
            location="/soap:Envelope/soap:Header/wsa:To",
        ),
    ),
)

SAMPLES: dict[type[BaseException], BaseException] = {
    DsmError: DsmError("something"),
    BindingError: BindingError("cannot bind"),
    EnvelopeError: EnvelopeError("no action"),
    XmlSyntaxError: XmlSyntaxError("not well-formed", line=3, column=9, forbidden=True),
    SchemaCompileError: SchemaCompileError(["first problem", "second problem"]),
    MtomError: MtomError("no boundary", code=DsmRule.MIME_DEFECT),
    MtomLimitError: MtomLimitError("too many parts", limit="max_parts", value=5),
    ValidationError: ValidationError(_REPORT),
    FaultError: FaultError(ACTION_NOT_SUPPORTED.with_detail("urn:x")),
    ProtocolError: ProtocolError("DSP-1", "no job", _envelope(), 3),
    LocalProtocolError: LocalProtocolError("DSP-1", "no job", _envelope(), None),
    RemoteProtocolError: RemoteProtocolError("DSP-1", "no job", _envelope(), 0),
}

EXPORTED = sorted(
    (
        value
        for value in (getattr(dsm_messages, name) for name in dsm_messages.__all__)
        if inspect.isclass(value) and issubclass(value, BaseException)
    ),
    key=lambda cls: cls.__name__,
)


def test_every_exported_exception_has_a_sample() -> None:
    assert set(EXPORTED) <= set(SAMPLES), set(EXPORTED) - set(SAMPLES)


@pytest.mark.parametrize("cls", EXPORTED, ids=lambda cls: cls.__name__)
def test_an_exception_unpickles_equal(cls: type[BaseException]) -> None:
    original = SAMPLES[cls]
    assert type(original) is cls
    copy = pickle.loads(pickle.dumps(original))
    assert type(copy) is cls
    assert copy.args == original.args
    assert str(copy) == str(original)
    assert vars(copy) == vars(original)


@pytest.mark.parametrize(
    ("errors", "said"),
    [(1, "DSM-URI-NOT-ABSOLUTE: 0"), (2, "(and 1 more error)"), (3, "(and 2 more errors)")],
)
def test_a_validation_error_counts_the_other_errors_in_words(errors: int, said: str) -> None:
    problems = tuple(
        Problem(severity="error", code="DSM-URI-NOT-ABSOLUTE", message=str(n))
        for n in range(errors)
    )
    message = str(ValidationError(Report(profile="strict", problems=problems)))
    assert message.startswith("DSM-URI-NOT-ABSOLUTE: 0")
    assert message.endswith(said)
