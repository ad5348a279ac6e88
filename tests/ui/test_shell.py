"""The UI shell: Chinese by default, every page opens, demo banner, wizard, settings, crash dialog."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox

from fireoffice.services import demo, station
from fireoffice.ui import app as app_module
from fireoffice.ui import errors as ui_errors
from fireoffice.ui.dialogs.about import AboutDialog
from fireoffice.ui.dialogs.station_wizard import StationWizard
from fireoffice.ui.main_window import MainWindow
from fireoffice.ui.state import AppState


@pytest.fixture
def window(qtbot, app, ctx):
    demo.fill_demo(ctx, units=40, seed=2)
    w = MainWindow(AppState(ctx))
    qtbot.addWidget(w)
    w.show()
    return w


def test_chinese_by_default_and_no_missing_glyphs(window, app):
    titles = [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]
    assert titles == ["首页", "单位台账", "检查计划", "检查记录", "隐患整改", "执法文书", "培训约谈", "举报投诉", "台账统计", "审计",
                      "设置"]
    metrics = QFontMetrics(app.font())
    for ch in "消防所单位台账隐患整改执法文书喆":
        assert metrics.inFontUcs4(ord(ch)), f"{ch} would show as a box in {app.font().family()}"


def test_every_page_opens_and_says_something(window):
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert page is window.pages[window.specs[row].key]
        assert page.title_label.text()


def test_demo_banner_visible_only_for_demo_data(window, ctx):
    assert window.banner.isVisible()
    assert "演示数据" in window.banner.label.text()
    assert "fireoffice --db" in window.banner.label.text()


def test_start_clean_removes_demo_and_opens_wizard(window, ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    opened = []
    monkeypatch.setattr(StationWizard, "exec", lambda self: opened.append(True) or 0)
    state = window.state
    state.changed.connect(lambda what: app_module.ensure_station(ctx, window) if what == "database" else None)
    window.banner.button.click()
    assert demo.database_is_empty(ctx)
    assert not window.banner.isVisible()
    assert opened == [True]


def test_start_clean_cancelled_keeps_data(window, ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.banner.button.click()
    assert not demo.database_is_empty(ctx)


def test_home_figures_come_from_the_database(window):
    window.nav.setCurrentRow(0)
    assert window.pages["home"].cards["units"].figure.text() == "40"


def test_settings_form_validates_inline_and_saves(window, ctx, qtbot):
    window.nav.setCurrentRow(window.nav.count() - 1)
    page = window.pages["settings"]
    page.form.edits["name"].setText("")
    assert not page.save_button.isEnabled()
    assert page.form.error.text()
    page.form.edits["name"].setText("南关街道消防所")
    page.form.edits["issuer_code"].setText("临 南")
    page.save_button.click()
    assert "文书机关代字" in page.form.error.text()  # the service's refusal shown next to the form
    page.form.edits["issuer_code"].setText("临南")
    page.save_button.click()
    assert station.get_station(ctx).name == "南关街道消防所"
    assert window.nav_title.text() == "南关街道消防所"


def test_wizard_saves_profile(qtbot, app, ctx):
    wizard = StationWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.form.edits["name"].setText("北城街道消防工作所")
    wizard.form.mode.setCurrentText("赋权")
    wizard.accept()
    info = station.get_station(ctx)
    assert info.configured and info.enforcement_mode == "赋权"


def test_about_shows_database_path(qtbot, app, ctx):
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(ctx.db.sqlite_path) in text


def test_unexpected_error_opens_crash_dialog(app, monkeypatch):
    shown = []
    monkeypatch.setattr(ui_errors.CrashDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        ui_errors.handle_exception(type(exc), exc, exc.__traceback__)
    assert shown and "ZeroDivisionError" in shown[0] and "fireoffice" in shown[0]


def test_service_error_escaping_shows_plain_message(app, monkeypatch):
    from fireoffice.services.errors import Conflict

    seen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: seen.append(text))
    ui_errors.handle_exception(Conflict, Conflict("已有数据"), None)
    assert seen == ["已有数据"]


def test_bad_database_shows_message_and_exits_1(app, qtbot, monkeypatch):
    seen, codes = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: seen.append(text))
    monkeypatch.setattr(QApplication, "exit", lambda *args: codes.append(args[-1]))
    window = MainWindow()
    qtbot.addWidget(window)
    app_module._open_behind(window, "/no/such/dir/x.sqlite", None, None)
    assert "文件夹不存在" in seen[0] and codes == [1]


def test_window_frame_appears_before_the_database_opens(app, qtbot, ctx):
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.nav.isEnabled() and window.pages == {}
    events = []
    app_module._open_behind(window, str(ctx.db.sqlite_path), None, events.append)
    assert events == ["data"] and window.nav.isEnabled()
    assert window.stack.currentWidget() is window.pages["home"]


def test_first_start_fills_demo(app, tmp_path):
    ctx = app_module.open_context(str(tmp_path / "first.sqlite"))
    assert app_module.fill_demo_if_empty(ctx, app)
    assert not demo.database_is_empty(ctx)
    assert not app_module.fill_demo_if_empty(ctx, app)
    ctx.db.dispose()


def test_window_geometry_is_remembered(qtbot, app, ctx):
    w = MainWindow(AppState(ctx))
    qtbot.addWidget(w)
    w.show()
    w.resize(1100, 700)
    qtbot.waitUntil(lambda: w.width() == 1100)
    w.close()
    w2 = MainWindow(AppState(ctx))
    qtbot.addWidget(w2)
    # The offscreen screen is small, so Qt clamps the width; the remembered height survives.
    from PySide6.QtCore import QSettings

    assert QSettings().value("main_window/geometry") is not None
    assert w2.height() == 700


def test_navigation_lists_only_the_pages_a_role_may_see(qtbot, app, ctx):
    from dataclasses import replace

    from fireoffice.services.context import Actor

    demo.fill_demo(ctx, units=20, seed=2)
    grid = MainWindow(AppState(replace(ctx, actor=Actor("grid", "孙网格", "网格员"))))
    qtbot.addWidget(grid)
    grid.show()
    titles = [grid.nav.item(i).text() for i in range(grid.nav.count()) if not grid.nav.item(i).isHidden()]
    assert "举报投诉" not in titles and "审计" not in titles and "隐患整改" in titles
    viewer = MainWindow(AppState(replace(ctx, actor=Actor("county", "县局查看", "只读"))))
    qtbot.addWidget(viewer)
    viewer.show()
    titles = [viewer.nav.item(i).text() for i in range(viewer.nav.count()) if not viewer.nav.item(i).isHidden()]
    assert "举报投诉" in titles and "审计" in titles and "县级汇总" in titles
