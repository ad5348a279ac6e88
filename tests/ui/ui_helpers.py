"""Shared set-up for the inspection, plan and hazard page tests: messages captured, quick forms filled."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fireoffice.ui.widgets import quick_form


def capture_messages(monkeypatch) -> list[str]:
    """Every information/warning/critical text, instead of a blocking box."""
    seen: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: seen.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


def fill_quick_forms(monkeypatch, *answers: dict) -> list[quick_form.QuickForm]:
    """The next quick forms get these values and OK pressed (each form, in order); returns the forms shown,
    so a test can read the service's refusal that stayed in `form.error`."""
    pending, shown = list(answers), []

    def fake_exec(self):
        shown.append(self)
        for key, value in (pending.pop(0) if pending else {}).items():
            self.set_value(key, value)
        self.submit()
        return self.result()

    monkeypatch.setattr(quick_form.QuickForm, "exec", fake_exec)
    return shown


def type_text(widget, text: str) -> None:
    """Type text into a widget key by key; unlike QTest.keyClicks it takes Chinese (as an input method commits it)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
