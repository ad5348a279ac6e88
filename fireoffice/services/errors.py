"""Typed service errors; every message is plain Chinese a clerk can act on."""

from __future__ import annotations


class ServiceError(Exception):
    """An expected refusal: the CLI exits 1 with the message, the GUI shows it in one dialog."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(ServiceError):
    """Input not acceptable; `field` names the form field (or spreadsheet column), `row` the sheet row."""

    def __init__(self, field: str, message: str, row: int | None = None):
        super().__init__(message)
        self.field = field
        self.row = row

    def __str__(self) -> str:
        where = f"第 {self.row} 行 " if self.row is not None else ""
        return f"{where}{self.field}：{self.message}" if self.field else f"{where}{self.message}"


class NotFound(ServiceError):
    """The record asked for does not exist (deleted, or changed by someone else)."""


class Conflict(ServiceError):
    """The state does not allow it (duplicate, already issued, changed by someone else …)."""


class PermissionDenied(ServiceError):
    """The acting role may not do this (services/permissions.py)."""


class StorageError(ServiceError):
    """The database file or server cannot be used (missing folder, not a database, locked, disk full)."""
