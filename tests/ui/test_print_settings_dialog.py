"""打印设置 dialog: fonts and offsets saved, calibration page previewed, penalty articles added/edited/deactivated."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from fireoffice.services import penalties, print_settings
from fireoffice.services.context import Actor
from fireoffice.ui.dialogs import penalty_articles_panel, print_settings_dialog
from fireoffice.ui.dialogs.print_settings_dialog import PrintSettingsDialog
from fireoffice.ui.pages.settings_page import SettingsPage
from fireoffice.ui.state import AppState
from tests.printing.test_draw_pdf import pdf_text


def test_settings_page_opens_the_dialog(qtbot, app, ctx, monkeypatch):
    opened = []
    monkeypatch.setattr(PrintSettingsDialog, "exec", lambda self: opened.append(self) or 0)
    page = SettingsPage(AppState(ctx))
    qtbot.addWidget(page)
    button = next(b for b in page.findChildren(QPushButton) if b.text() in ("Print settings…", "打印设置…"))
    button.click()
    assert len(opened) == 1


def test_fonts_and_offsets_are_saved(qtbot, app, ctx):
    dialog = PrintSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    keys = [dialog.body_font.itemData(i) for i in range(dialog.body_font.count())]
    assert keys[-1] == "bundled" and keys == [c.key for c in print_settings.font_choices("body")]
    dialog.body_font.setCurrentIndex(keys.index("bundled"))
    dialog.offset_x.setValue(2.5)
    dialog.offset_y.setValue(-1.0)
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert print_settings.get_settings(ctx) == print_settings.PrintSettings("bundled", dialog.title_font.currentData(),
                                                                            2.5, -1.0)
    again = PrintSettingsDialog(ctx)
    qtbot.addWidget(again)
    assert (again.offset_x.value(), again.offset_y.value()) == (2.5, -1.0)
    again.grab().save("/tmp/h2_print_settings.png")


def test_calibration_page_is_previewed_at_the_offsets_on_screen(qtbot, app, ctx, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(print_settings_dialog.PreviewDialog, "exec",
                        lambda self: shown.append((self.data, self.windowTitle())) or 0)
    dialog = PrintSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.offset_x.setValue(4.0)
    dialog.preview_button.click()
    assert len(shown) == 1 and shown[0][0][:4] == b"%PDF"
    assert "向右 +4.0 mm" in pdf_text(shown[0][0], tmp_path)
    assert print_settings.get_settings(ctx).offset_x_mm == 0.0  # previewing saves nothing


def _fill(monkeypatch, *answers):
    """The next article dialogs get these changes and OK pressed; returns the dialogs shown."""
    pending, shown = list(answers), []

    def fake_exec(self):
        shown.append(self)
        if not pending:
            return QDialog.DialogCode.Rejected
        for name, value in pending.pop(0).items():
            widget = getattr(self, name)
            if hasattr(widget, "setValue"):
                widget.setValue(value)
            elif hasattr(widget, "setChecked"):
                widget.setChecked(value)
            elif hasattr(widget, "setCurrentText"):
                widget.setCurrentText(value)
            else:
                widget.setText(value)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return QDialog.DialogCode.Accepted if ok.isEnabled() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(penalty_articles_panel.ArticleDialog, "exec", fake_exec)
    return shown


def test_penalty_articles_add_edit_deactivate(qtbot, app, ctx, monkeypatch):
    dialog = PrintSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    panel = dialog.articles
    before = panel.table.rowCount()
    existing = penalties.all_articles(ctx)[0].code
    shown = _fill(monkeypatch, {"code": existing, "violation": "占用防火间距", "violated": "某条例第十二条",
                                "penalty": "某条例第四十条", "min_fine": 1000, "max_fine": 10000})
    panel.add()
    assert "已经存在" in shown[0].error.text()  # the service's refusal stays in the form
    assert panel.table.rowCount() == before
    _fill(monkeypatch, {"code": "省-12/单位", "violation": "占用防火间距", "violated": "某条例第十二条",
                        "penalty": "某条例第四十条", "min_fine": 1000, "max_fine": 10000})
    panel.add()
    assert panel.table.rowCount() == before + 1 and panel.current().code == "省-12/单位"
    shown = _fill(monkeypatch, {"min_fine": 20000})
    panel.edit()
    assert not shown[0].buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # min > max, inline
    _fill(monkeypatch, {"max_fine": 30000, "warning": True})
    panel.edit()
    saved = next(a for a in penalties.all_articles(ctx) if a.code == "省-12/单位")
    assert (saved.max_fine, saved.warning_allowed) == (30000, True)
    panel.active_button.click()
    assert not next(a for a in penalties.all_articles(ctx) if a.code == "省-12/单位").active
    assert panel.active_button.text() in ("Activate", "启用")
    dialog.tabs.setCurrentIndex(1)
    dialog.grab().save("/tmp/h2_print_settings_articles.png")


def test_read_only_user_sees_but_cannot_change(qtbot, app, ctx):
    reader = replace(ctx, actor=Actor("reader", "只读员", "只读"))
    dialog = PrintSettingsDialog(reader)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and not dialog.offset_x.isEnabled()
    assert dialog.articles.add_button.isHidden() and dialog.articles.table.rowCount() > 0
