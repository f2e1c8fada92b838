"""Problems found in a scenario file, and the one error type the loader raises.

A `Problem` is a located, plain-English message: file, 1-based line and column, severity,
a short stable code and the message. Line and column are 0 when a problem concerns the
whole file and has no place in it (for example, a file that does not exist).
Pure data: no I/O, no pygame.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]  # info: never fails validate, not even --strict (e.g. a draft translation)


@dataclass(frozen=True)
class Problem:
    """One error or warning, located in a file."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """GCC style: `path:line:col: error: message` (without line and column when there are none)."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


class ScenarioError(Exception):
    """A scenario file has errors. `problems` lists all of them (warnings too), in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        errors = [problem for problem in self.problems if problem.is_error]
        first = errors[0].format() if errors else "unknown problem"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)
