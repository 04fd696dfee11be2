"""Exception types shared by every layer of dsm-messages."""

from __future__ import annotations


class DsmError(Exception):
    """Base class of every error dsm-messages raises on purpose."""


class XmlSyntaxError(DsmError):
    """Input is not well-formed XML, or uses a construct we refuse (DTD, entities, oversize).

    ``line`` and ``column`` point at the problem when the parser could tell. ``forbidden`` is
    true for well-formed constructs refused on purpose (DTD, XInclude, size and depth caps).
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        forbidden: bool = False,
    ) -> None:
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(message + where)
        self.reason = message
        self.line = line
        self.column = column
        self.forbidden = forbidden


class SchemaCompileError(DsmError):
    """The schema set did not compile cleanly: any libxml2 error *or warning* is fatal.

    An unresolved ``xs:import`` is only a warning in libxml2 and silently weakens validation,
    which is why warnings count here.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("schema compilation reported problems:\n" + "\n".join(problems))
        self.problems = problems

    def __reduce__(self) -> tuple[type[SchemaCompileError], tuple[list[str]]]:
        return type(self), (self.problems,)  # rebuilt from its problems, not its message


class BindingError(DsmError):
    """An XML document could not be turned into a model object, or a model into XML."""
