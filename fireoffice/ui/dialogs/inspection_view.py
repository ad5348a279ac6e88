"""A saved 检查记录, read back: header, officers, every checklist result and the hazards it raised."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import inspections, photos
from fireoffice.services.context import ServiceContext
from fireoffice.ui.dialogs.photo_viewer import PhotoStrip

RED = QColor("#b03a2e")


class InspectionView(QDialog):
    def __init__(self, ctx: ServiceContext, uid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        d = self.detail = inspections.get_inspection(ctx, uid)
        self.setWindowTitle(self.tr("Inspection record {no}").format(no=d.record_no))
        self.resize(960, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        rep = d.unit_rep + (self.tr(" (refused to sign; witness {w})").format(w=d.witness) if d.unit_rep_refused
                            else "")
        rows = [
            (self.tr("Record no"), d.record_no),
            (self.tr("Unit"), f"{d.unit_name}  {d.unit_address}"),
            (self.tr("Type"), d.inspection_type + (self.tr("  (counts for the double-random statistics)")
                                                   if d.counts_for_random else "")),
            (self.tr("Outcome"), d.outcome),
            (self.tr("Time"), f"{d.started_at:%Y-%m-%d %H:%M} – {d.ended_at:%H:%M}"),
            (self.tr("Officers"), "、".join(f"{n}（{r} {c}）".replace(" ）", "）") for n, r, c in d.officers)),
            (self.tr("People present"), d.people_present),
            (self.tr("Unit representative"), rep),
            (self.tr("Checklist"), d.checklist),
            (self.tr("Summary"), d.summary),
            (self.tr("Photos"), str(len(d.photo_uids))),
        ]
        for label, text in rows:
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        layout.addLayout(form)
        self.table = QTableWidget(len(d.results), 5)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Item"), self.tr("Result"),
                                              self.tr("Note / location"), self.tr("Hazard")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, r in enumerate(d.results):
            note = "；".join(p for p in (r.note, r.location) if p)
            for col, text in enumerate((r.code, r.text, r.result, note, r.hazard_no)):
                item = QTableWidgetItem(text)
                if r.result == "不符合":
                    item.setForeground(RED)
                if col == 1 and r.legal_basis:
                    item.setToolTip(f"{r.text}\n{r.legal_basis}")
                self.table.setItem(row, col, item)
        for col, width in ((0, 56), (1, 420), (2, 64), (3, 220), (4, 140)):
            self.table.setColumnWidth(col, width)
        self.table.cellDoubleClicked.connect(self.open_hazard)
        layout.addWidget(self.table, 1)
        gallery = photos.inspection_gallery(ctx, uid) if d.photo_uids else []
        self.photo_strip = PhotoStrip(ctx)
        self.photo_strip.setMaximumHeight(180)
        self.photo_strip.set_photos(gallery)
        self.photo_strip.setVisible(bool(gallery))
        layout.addWidget(self.photo_strip)
        if gallery and not all(self.photo_strip.intact):
            alarm = QLabel(self.tr("Warning: {n} photo(s) no longer match the SHA-256 recorded when they were added "
                                   "— they may have been changed and cannot serve as evidence.").format(
                n=self.photo_strip.intact.count(False)))
            alarm.setWordWrap(True)
            alarm.setStyleSheet("color: #b03a2e; font-weight: bold;")
            layout.addWidget(alarm)
        if any(r.hazard_uid for r in d.results):
            hint = QLabel(self.tr("Double-click a line with a hazard number to open the hazard."))
            hint.setObjectName("pageSubtitle")
            layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_hazard(self, row: int, _col: int = 0) -> None:
        uid = self.detail.results[row].hazard_uid
        if uid:
            from fireoffice.ui.dialogs.hazard_dialog import HazardDialog

            HazardDialog(self.ctx, uid, self).exec()
