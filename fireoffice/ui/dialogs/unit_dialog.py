"""The unit form: tabs by field group, inline validation by the service's own rules, a timeline tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import classification, unit_timeline, units
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.permissions import allowed
from fireoffice.services.unit_fields import FIELDS, GROUPS, LABELS, fields_in
from fireoffice.services.unit_validation import DuplicateUnit, check_consistency, clean_values
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.widgets.field_editors import Editor, make_editor
from fireoffice.ui.widgets.list_helpers import open_on_enter

LABEL_TO_KEY = {spec.label: spec.key for spec in FIELDS}
# Tabs of the form: a tab shows one or more of the service's field groups, each under its own heading.
TABS = [(GROUPS[0], (GROUPS[0], GROUPS[1])), (GROUPS[2], (GROUPS[2],)), (GROUPS[3], (GROUPS[3], GROUPS[5])),
        (GROUPS[4], (GROUPS[4],)), (GROUPS[6], (GROUPS[6],))]


class UnitDialog(QDialog):
    """New unit (uid None) or an existing one. Emits `saved(uid)`; `open_other(uid)` for a duplicate."""

    saved = Signal(str)
    open_other = Signal(str)

    def __init__(self, ctx: ServiceContext, uid: str | None = None, parent: QWidget | None = None,
                 state=None):
        super().__init__(parent)
        self.ctx, self.uid = ctx, uid
        self.state = state  # AppState: a training session opened from the timeline needs the page's runner
        self.vocab = units.vocab(ctx)
        self.detail = units.get_unit(ctx, uid) if uid else None
        self.setWindowTitle(self.detail.name if self.detail else self.tr("New unit"))
        self.resize(760, 640)
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self.classification_rule = self.detail.values.get("classification_rule", "") if self.detail else ""
        layout = QVBoxLayout(self)
        if self.detail and self.detail.archived:
            note = QLabel(self.tr("Archived: {reason}").format(reason=self.detail.archived_reason))
            note.setProperty("role", "error")
            layout.addWidget(note)
        self.tabs = QTabWidget()
        for title, groups in TABS:
            self.tabs.addTab(self._group_tab(groups), title)
        if self.detail:
            self.tabs.addTab(self._timeline_tab(), self.tr("Timeline"))
        layout.addWidget(self.tabs, 1)
        self.summary = QLabel()
        self.summary.setProperty("role", "error")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        suggest = self.buttons.addButton(self.tr("Suggest category…"), QDialogButtonBox.ButtonRole.ActionRole)
        suggest.clicked.connect(self.suggest_category)
        layout.addWidget(self.buttons)
        self.read_only = not allowed(ctx, "units.edit")
        if self.read_only:  # a viewer reads the unit; the service would refuse a save anyway
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(False)
            suggest.setVisible(False)
        self._load()
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.check)
        for editor in self.editors.values():
            editor.changed.connect(self._timer.start)
        self.editors["village_id"].changed.connect(self._filter_grids)
        self._filter_grids()
        self.check()
        if self.read_only:
            for editor in self.editors.values():
                editor.widget.setEnabled(False)

    # --- building --------------------------------------------------------------------------------
    def _group_tab(self, groups: tuple[str, ...]) -> QWidget:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in [spec for group in groups for spec in fields_in(group)]:
            if len(groups) > 1 and spec is fields_in(spec.group)[0]:
                heading = QLabel(spec.group)
                heading.setStyleSheet("font-weight: bold; padding-top: 6px;")
                form.addRow(heading)
            editor = make_editor(spec, self.vocab)
            self.editors[spec.key] = editor
            error = QLabel()
            error.setProperty("role", "error")
            error.setVisible(False)
            self.errors[spec.key] = error
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor.widget)
            box.addWidget(error)
            form.addRow(spec.label + (" *" if spec.required else ""), box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _timeline_tab(self) -> QWidget:
        entries = unit_timeline.unit_timeline(self.ctx, self.uid)
        self.timeline_entries = entries
        table = QTableWidget(len(entries), 4)
        self.timeline = table
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("Details"), self.tr("By")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, entry in enumerate(entries):
            local = entry.at.astimezone() if entry.at.tzinfo else entry.at
            for col, text in enumerate([local.strftime("%Y-%m-%d %H:%M"), entry.kind,
                                        entry.title + ("：" + entry.detail if entry.detail else ""), entry.actor]):
                item = QTableWidgetItem(text)
                if entry.ref_entity in OPENABLE:
                    item.setToolTip(self.tr("Double-click or Enter: open this record"))
                else:
                    item.setForeground(QColor("#5f6b76"))
                table.setItem(row, col, item)
        table.cellDoubleClicked.connect(lambda row, _col: self.open_timeline_entry(row))
        open_on_enter(table, lambda: self.open_timeline_entry(table.currentRow()))
        table.horizontalHeader().setStretchLastSection(False)
        table.setColumnWidth(0, 130)
        table.setColumnWidth(1, 80)
        table.setColumnWidth(2, 420)
        return table

    def open_timeline_entry(self, row: int) -> None:
        """Open the record behind a timeline entry: inspection, hazard, document or training session."""
        if not 0 <= row < len(self.timeline_entries):
            return
        entry = self.timeline_entries[row]
        try:
            open_record(self.ctx, entry.ref_entity, entry.ref_uid, self, self.state)
        except ServiceError as error:
            show_service_error(self, error)

    def _load(self) -> None:
        values = self.detail.values if self.detail else {"status": "营业", "risk_level": "一般"}
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))

    def _filter_grids(self) -> None:
        village = self.editors["village_id"].value()
        grids = [(g, n) for g, (v, n) in self.vocab.grids.items() if village is None or v == village]
        self.editors["grid_id"].set_items(sorted(grids, key=lambda kv: kv[1]))

    # --- validation ------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        data = {key: editor.value() for key, editor in self.editors.items()}
        data["classification_rule"] = self.classification_rule
        return data

    def changes(self) -> dict[str, Any]:
        """For an existing unit: only what the clerk changed (the service records person history from it)."""
        current = self.detail.values
        clean, _ = clean_values(self.values(), self.vocab)
        return {k: v for k, v in self.values().items() if clean.get(k) != current.get(k)}

    def check(self) -> bool:
        """The service's own parsing and cross-field rules, shown next to each field."""
        clean, errors = clean_values(self.values(), self.vocab)
        if not errors:
            errors = check_consistency(dict(clean), self.vocab)
        self.show_errors(errors)
        return not errors

    def show_errors(self, errors: list[ValidationError]) -> None:
        by_key = {LABEL_TO_KEY.get(e.field, ""): e.message for e in errors}
        for key, label in self.errors.items():
            label.setText(by_key.get(key, ""))
            label.setVisible(key in by_key)
        self.summary.setText("；".join(str(e) for e in errors[:3]))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not errors)
        if errors:
            first = LABEL_TO_KEY.get(errors[0].field)
            if first in self.editors:
                self.editors[first].widget.setToolTip(errors[0].message)

    def focus_field(self, key: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(self.editors[key].widget):
                self.tabs.setCurrentIndex(index)
        self.editors[key].widget.setFocus()

    # --- actions ---------------------------------------------------------------------------------
    def suggest_category(self) -> None:
        suggestion = classification.suggest_for(self.ctx, self.values())
        kind = suggestion.nine_small_type or (self.tr("Key fire-safety unit") if suggestion.is_key_unit
                                              else self.tr("no category"))
        text = self.tr("Rule set {rules} suggests: {kind}").format(rules=suggestion.rule_set, kind=kind)
        if suggestion.reasons:
            text += "\n\n" + "\n".join(suggestion.reasons)
        if suggestion.missing:
            text += "\n\n" + self.tr("Missing figures: {items}").format(items="、".join(suggestion.missing))
        answer = QMessageBox.question(self, self.tr("Suggest category"), text + "\n\n" + self.tr("Apply it?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editors["nine_small_type"].set_value(suggestion.nine_small_type)
        self.editors["is_key_unit"].set_value(suggestion.is_key_unit)
        self.editors["key_unit_category"].set_value(suggestion.key_unit_category)
        self.editors["key_unit_basis"].set_value(suggestion.key_unit_basis)
        self.classification_rule = suggestion.rule_set
        self.check()

    def save(self, allow_duplicate: bool = False) -> None:
        if self.read_only or not self.check():
            return
        try:
            if self.detail is None:
                detail = units.create_unit(self.ctx, self.values(), allow_duplicate=allow_duplicate)
            else:
                detail = units.update_unit(self.ctx, self.uid, self.changes(),
                                           expected_updated_at=self.detail.updated_at,
                                           allow_duplicate=allow_duplicate)
        except DuplicateUnit as dup:
            self._duplicate(dup)
            return
        except ValidationError as error:
            self.show_errors([error])
            if LABEL_TO_KEY.get(error.field) in self.editors:
                self.focus_field(LABEL_TO_KEY[error.field])
            return
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.saved.emit(detail.uid)
        self.accept()

    def _duplicate(self, dup: DuplicateUnit) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Possible duplicate"), dup.message, parent=self)
        open_button = box.addButton(self.tr("Open the existing unit"), QMessageBox.ButtonRole.AcceptRole)
        save_anyway = None
        if dup.field != LABELS["uscc"]:  # same name and address may be two shops; a credit code may not
            save_anyway = box.addButton(self.tr("Save as a separate unit"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_other.emit(dup.existing_uid)
            self.reject()
        elif save_anyway is not None and box.clickedButton() is save_anyway:
            self.save(allow_duplicate=True)


OPENABLE = ("inspection", "hazard", "document", "training_session")


def open_record(ctx: ServiceContext, kind: str, uid: str, parent: QWidget, state=None) -> bool:
    """Show one record in its own dialog (imported here: the unit form must not pull every dialog in at start)."""
    if kind not in OPENABLE or not uid:
        return False
    if kind == "inspection":
        from fireoffice.ui.dialogs.inspection_view import InspectionView

        InspectionView(ctx, uid, parent).exec()
    elif kind == "hazard":
        from fireoffice.ui.dialogs.hazard_dialog import HazardDialog

        HazardDialog(ctx, uid, parent).exec()
    elif kind == "document":
        from fireoffice.services import documents, documents_pdf
        from fireoffice.services.permissions import allowed
        from fireoffice.ui.dialogs.document_dialog import DocumentDialog
        from fireoffice.ui.dialogs.document_preview import PreviewDialog

        info = documents.get_document(ctx, uid)
        if info.status == "草稿" and allowed(ctx, "documents.draft"):
            DocumentDialog(ctx, info, parent).exec()
        else:
            PreviewDialog(documents_pdf.preview(ctx, uid), info.number or info.title, "", parent).exec()
    else:
        from fireoffice.services import training
        from fireoffice.ui.pages.training_detail import SessionDetail
        from fireoffice.ui.state import AppState

        dialog = QDialog(parent)
        info = training.get_session(ctx, uid)
        dialog.setWindowTitle(f"{info.session_no} {info.topic}".strip())
        dialog.resize(900, 600)
        box = QVBoxLayout(dialog)
        detail = SessionDetail(state or AppState(ctx, dialog), dialog)
        detail.show_session(info)
        box.addWidget(detail)
        dialog.exec()
    return True


def ask_archive_reason(parent: QWidget) -> str | None:
    reason, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("UnitDialog", "Archive unit"),
        QCoreApplication.translate("UnitDialog", "Reason for archiving (e.g. closed, moved away, merged):"))
    return reason.strip() if ok and reason.strip() else None
