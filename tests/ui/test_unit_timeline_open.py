"""The unit form's timeline: double-click or Enter on an entry opens that record."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fireoffice.services import documents, training, training_invite
from fireoffice.services.training import SessionInput
from fireoffice.ui.dialogs import document_dialog, hazard_dialog, inspection_view
from fireoffice.ui.dialogs.unit_dialog import UnitDialog
from fireoffice.ui.state import AppState
from tests.services.doc_helpers import world


def test_timeline_entries_open_their_records(qtbot, app, ctx, monkeypatch):
    w = world(ctx)
    draft = documents.create_draft(ctx, "责令限期改正通知书", inspection_uid=w.inspection)
    session = training.create_session(ctx, SessionInput(kind="集中培训", topic="冬春火灾防控培训",
                                                        held_on=date.today() - timedelta(days=1), place="所会议室"))
    training_invite.invite_units(ctx, session.uid, [w.unit])
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(inspection_view.InspectionView, "exec", lambda self: opened.append(("inspection", self.detail.uid)))
    monkeypatch.setattr(hazard_dialog.HazardDialog, "exec", lambda self: opened.append(("hazard", self.uid)))
    monkeypatch.setattr(document_dialog.DocumentDialog, "exec", lambda self: opened.append(("document", self.info.uid)))
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(("dialog", self.windowTitle())))
    dialog = UnitDialog(ctx, w.unit, None, AppState(ctx))
    qtbot.addWidget(dialog)
    entries = dialog.timeline_entries
    kinds = {e.ref_entity for e in entries}
    assert {"inspection", "hazard", "document", "training_session"} <= kinds
    table = dialog.timeline
    for kind, expected in (("inspection", w.inspection), ("hazard", None), ("document", draft.uid)):
        row = next(i for i, e in enumerate(entries) if e.ref_entity == kind)
        table.cellDoubleClicked.emit(row, 1)
        assert opened[-1][0] == kind
        assert opened[-1][1] == (expected or entries[row].ref_uid)
        assert entries[row].ref_uid in (w.hazards if kind == "hazard" else (expected,))
    # Enter on the training entry opens the session's detail
    row = next(i for i, e in enumerate(entries) if e.ref_entity == "training_session")
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    table.setCurrentCell(row, 0)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened[-1][0] == "dialog" and "冬春火灾防控培训" in opened[-1][1]
