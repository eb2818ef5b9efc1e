"""A problem of the data package, located (`file:row:column: rule: message`), and what the
cross-file rules read: the package's tables as text, with where their problems go."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ca911.data.schema import list_fields, split_list


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int
    column: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.rule}: {self.message}"


@dataclass
class CrossFileCheck:
    """The package's tables as read from its CSV files (every value a string, each row with its line
    number as `_row`), and the problems the cross-file rules add."""

    tables: dict[str, list[dict]]
    descriptor: dict
    bib: set[str]
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def lists(self) -> dict:
        return list_fields(self.descriptor)

    def add(self, table: str, rec: dict, col: str, rule: str, msg: str) -> None:
        self.problems.append(Problem(f"{table}.csv", rec["_row"], col, rule, msg))

    def items(self, table: str, rec: dict, col: str) -> list[str]:
        """The items of a list-valued field, split as its descriptor says."""
        return split_list(rec.get(col, ""), self.lists[table][col])
