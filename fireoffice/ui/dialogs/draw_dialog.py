"""双随机 draw: the pool from filters (category, grid, risk), by count or ratio, forced inclusion; the draw runs off
the UI thread and shows its seed and pool hash; then 抽查名单 as PDF or Excel, and the replay check."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import draws, place_choices
from fireoffice.services.draws import DrawParams, DrawResult
from fireoffice.services.errors import ServiceError
from fireoffice.services.frequency import CATEGORIES, RISK_LEVELS
from fireoffice.ui.dialogs.draw_publish_ui import publish, verify
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.state import AppState

UID = Qt.ItemDataRole.UserRole


def _checks(values, checked=False) -> tuple[QWidget, list[QCheckBox]]:
    host, row = QWidget(), QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    host.setLayout(row)
    boxes = []
    for v in values:
        box = QCheckBox(v)
        box.setChecked(checked)
        row.addWidget(box)
        boxes.append(box)
    row.addStretch(1)
    return host, boxes


class DrawDialog(QDialog):
    def __init__(self, state: AppState, plan_uid: str | None = None, month: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.plan_uid = state, plan_uid
        self.result_: DrawResult | None = None
        self.setWindowTitle(self.tr("双随机 draw"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        month = month or date.today()
        self.month = QDateEdit(QDate(month.year, month.month, 1), displayFormat="yyyy-MM", calendarPopup=True)
        self.month.setMaximumWidth(140)
        form.addRow(self.tr("Month"), self.month)
        how = QHBoxLayout()
        self.by_count, self.by_ratio = QRadioButton(self.tr("Number of units")), QRadioButton(self.tr("Ratio %"))
        self.by_count.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_count)
        group.addButton(self.by_ratio)
        self.count = QSpinBox(minimum=1, maximum=100_000, value=10)
        self.ratio = QDoubleSpinBox(minimum=0.1, maximum=100, value=5, decimals=1, suffix=" %")
        for w in (self.by_count, self.count, self.by_ratio, self.ratio):
            how.addWidget(w)
        how.addStretch(1)
        form.addRow(self.tr("Draw"), how)
        cat_host, self.categories = _checks(CATEGORIES)
        form.addRow(self.tr("Categories (none = all)"), cat_host)
        risk_host, self.risks = _checks(RISK_LEVELS)
        form.addRow(self.tr("Risk levels (none = all)"), risk_host)
        self.grids = QListWidget()
        self.grids.setFlow(QListWidget.Flow.LeftToRight)
        self.grids.setWrapping(True)
        self.grids.setMaximumHeight(84)
        for g in place_choices.grid_choices(state.ctx):
            item = QListWidgetItem(g.name)
            item.setData(UID, g.uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.grids.addItem(item)
        form.addRow(self.tr("Grids (none = all)"), self.grids)
        force_host, (self.force_penalised, self.force_major) = _checks(
            (self.tr("penalised in the last 12 months"), self.tr("with an open major hazard")), checked=True)
        form.addRow(self.tr("Always include units"), force_host)
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("empty: a cryptographic random seed (recommended)"))
        self.seed.setToolTip(self.tr("Give a seed only to reproduce a draw; it is recorded as 人工指定"))
        form.addRow(self.tr("Seed"), self.seed)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.draw_button = QPushButton(self.tr("Draw"))
        self.draw_button.setObjectName("primary")
        self.draw_button.clicked.connect(self.run_draw)
        layout.addWidget(self.draw_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Address"), self.tr("Officers"),
                                              self.tr("Forced")])
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for col, width in enumerate((260, 330, 160, 70)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("抽查名单 PDF…"))
        self.xlsx_button = QPushButton(self.tr("抽查名单 Excel…"))
        self.verify_button = QPushButton(self.tr("Verify (replay)"))
        close = QPushButton(self.tr("Close"))
        self.pdf_button.clicked.connect(lambda: publish(self.state, self, self.result_.uid, "list", "pdf"))
        self.xlsx_button.clicked.connect(lambda: publish(self.state, self, self.result_.uid, "list", "xlsx"))
        self.verify_button.clicked.connect(lambda: verify(self.state, self, self.result_.uid))
        close.clicked.connect(self.accept)
        for b in (self.pdf_button, self.xlsx_button, self.verify_button):
            b.setEnabled(False)
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        for box in (*self.categories, *self.risks):
            box.toggled.connect(self.check)
        for w in (self.count, self.ratio):
            w.valueChanged.connect(self.check)
        self.by_ratio.toggled.connect(self.check)
        self.check()

    def params(self) -> DrawParams:
        m = self.month.date()
        items = (self.grids.item(n) for n in range(self.grids.count()))
        return DrawParams(
            month=f"{m.year()}-{m.month():02d}",
            count=None if self.by_ratio.isChecked() else self.count.value(),
            ratio=self.ratio.value() / 100 if self.by_ratio.isChecked() else None,
            categories=tuple(b.text() for b in self.categories if b.isChecked()),
            grid_uids=tuple(i.data(UID) for i in items if i.checkState() == Qt.CheckState.Checked),
            risk_levels=tuple(b.text() for b in self.risks if b.isChecked()),
            force_penalised=self.force_penalised.isChecked(), force_major=self.force_major.isChecked())

    def check(self) -> bool:
        try:
            draws.validate_params(self.params())
        except ServiceError as error:
            self.error.setText(str(error))
            self.draw_button.setEnabled(False)
            return False
        self.error.setText("")
        self.draw_button.setEnabled(self.result_ is None)
        return True

    def run_draw(self) -> None:
        if not self.check():
            return
        params, seed = self.params(), self.seed.text().strip() or None
        self.draw_button.setEnabled(False)
        self.state.tasks.run(lambda _progress: draws.draw(self.state.ctx, params, seed, self.plan_uid),
                             self.tr("Drawing…"), on_done=self.show_result, on_error=self._failed, parent=self,
                             cancellable=False)

    def _failed(self, error: BaseException) -> None:
        self.draw_button.setEnabled(True)
        if not isinstance(error, ServiceError):
            raise error
        self.error.setText(str(error))
        if not hasattr(error, "field"):
            show_service_error(self, error)

    def show_result(self, r: DrawResult) -> None:
        self.result_ = r
        self.state.changed.emit("plans")
        lines = [self.tr("Draw {uid}: {n} of {pool} units, {officers} officers.").format(
                     uid=r.uid, n=len(r.units), pool=r.pool_size, officers=r.officer_count),
                 self.tr("Seed: {seed} ({source})").format(seed=r.seed, source=r.seed_source),
                 self.tr("Pool hash (SHA-256): {h}").format(h=r.pool_hash), *r.warnings]
        self.info.setText("\n".join(lines))
        self.table.setRowCount(len(r.units))
        for row, u in enumerate(r.units):
            for col, text in enumerate((u.name, u.address, "、".join(u.officers), "✓" if u.forced else "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        for b in (self.pdf_button, self.xlsx_button, self.verify_button):
            b.setEnabled(True)
        self.draw_button.setEnabled(False)  # one draw per plan: a second one would be a quiet re-roll
