"""Expected errors: each becomes one clear Chinese message and an exit code, never a traceback."""
from __future__ import annotations


class GovprojError(Exception):
    """A problem the user can fix. `exit_code` 2 means usage or input that cannot be loaded."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 column: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    def render(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        text = f"错误：{where}{self.message}"
        if self.hint:
            text += f"\n  处理办法：{self.hint}"
        return text


class UsageError(GovprojError):
    """Wrong arguments on the command line."""


class LoadError(GovprojError):
    """A project file cannot be read or parsed."""


class WriteError(GovprojError):
    """A file could not be written (read-only, disk full, a folder in the way): the user's environment, not a defect."""
