"""Hazard and inspection photos: thumbnails (before/after), the full-size viewer (fit, zoom, next/previous, Esc)
and the SHA-256 check on every load — a changed file is shown with a clear warning."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select, update

from fireoffice.db.models import Photo
from fireoffice.services import checklists, hazards, inspections, photos
from fireoffice.services.inspections import ResultInput
from fireoffice.services.photos import PhotoInput
from fireoffice.ui.dialogs.hazard_dialog import HazardDialog
from fireoffice.ui.dialogs.inspection_view import InspectionView
from fireoffice.ui.dialogs.photo_viewer import PhotoViewer
from tests.services.insp_helpers import all_pass, hazard, make_officers, make_units


def png(width: int, height: int, color: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _world(ctx):
    people = make_officers(ctx)
    unit = make_units(ctx, 1)[0]
    code = checklists.items_for_unit(ctx, unit)[1][0].code
    saved = inspections.create_inspection(ctx, all_pass(
        ctx, unit, officers=[people["张执法"], people["李执法"]],
        results=(ResultInput(code, "不符合", photos=(PhotoInput(png(1600, 1200, "#c04020"), "现场.png"),),
                             hazard=hazard(photos=(PhotoInput(png(800, 600, "#2040c0"), "整改前.png"),))),)))
    h_uid = saved.hazard_uids[0]
    hazards.add_photos(ctx, h_uid, [PhotoInput(png(640, 480, "#20a040"), "整改后.png")], "整改后")
    return saved.uid, h_uid, code


def test_hazard_gallery_before_then_after(ctx, qapp):
    _insp, h_uid, code = _world(ctx)
    gallery = photos.hazard_gallery(ctx, h_uid)
    assert [p.phase for p in gallery] == ["检查", "整改前", "整改后"]
    assert gallery[0].item_code == code and gallery[1].item_code == ""
    loaded = photos.load_photo(ctx, gallery[2].uid)
    assert loaded.intact and loaded.actual_sha256 == gallery[2].sha256 and not loaded.problem


def test_thumbnails_and_viewer_fit_zoom_next_and_escape(qtbot, app, ctx):
    _insp, h_uid, _code = _world(ctx)
    dialog = HazardDialog(ctx, h_uid)
    qtbot.addWidget(dialog)
    strip = dialog.photo_strip
    assert strip.count() == 3 and all(strip.intact)
    assert [strip.item(i).text().split()[0] for i in range(3)] == ["检查", "整改前", "整改后"]
    assert not strip.item(0).icon().isNull()
    viewer = PhotoViewer(ctx, strip.items, 0)
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    assert viewer.image.width() == 1600 and viewer.fit and viewer.zoom < 1  # the 1600×1200 photo fits the window
    pix = viewer.canvas.pixmap()
    assert pix.width() <= viewer.scroll.viewport().width() and pix.height() <= viewer.scroll.viewport().height()
    fitted = viewer.zoom
    viewer.zoom_in_button.click()
    assert not viewer.fit and abs(viewer.zoom - fitted * 1.25) < 1e-6
    viewer.actual_button.click()
    assert viewer.canvas.pixmap().width() == 1600
    viewer.fit_button.click()
    assert viewer.fit and abs(viewer.zoom - fitted) < 1e-6
    assert not viewer.prev_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 1 and viewer.image.width() == 800 and "整改前" in viewer.windowTitle()
    viewer.next_button.click()
    assert viewer.index == 2 and not viewer.next_button.isEnabled()
    viewer.next_button.click()  # stays on the last one
    assert viewer.index == 2
    assert not viewer.warning.isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_a_changed_photo_is_flagged_everywhere(qtbot, app, ctx):
    insp_uid, h_uid, _code = _world(ctx)
    target = photos.hazard_gallery(ctx, h_uid)[1]
    with ctx.db.write() as s:  # the bytes replaced behind the app's back (the SHA-256 column left as it was)
        s.execute(update(Photo).where(Photo.uid == target.uid).values(data=png(800, 600, "#000000")))
    loaded = photos.load_photo(ctx, target.uid)
    assert not loaded.intact and "SHA-256" in loaded.problem and loaded.data  # still shown, with the warning
    dialog = HazardDialog(ctx, h_uid)
    qtbot.addWidget(dialog)
    assert dialog.photo_strip.intact == [True, False, True]
    assert dialog.photo_strip.item(1).text().startswith("⚠")
    viewer = PhotoViewer(ctx, dialog.photo_strip.items, 1)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.warning.isVisible() and "不符" in viewer.warning.text()
    viewer.step(1)
    assert not viewer.warning.isVisible()
    view = InspectionView(ctx, insp_uid)
    qtbot.addWidget(view)
    with ctx.db.read() as s:
        n = len(s.execute(select(Photo.id).where(Photo.inspection_id.is_not(None))).all())
    assert view.photo_strip.count() == n


def test_double_click_opens_the_viewer(qtbot, app, ctx, monkeypatch):
    _insp, h_uid, _code = _world(ctx)
    shown = []
    monkeypatch.setattr(PhotoViewer, "exec", lambda self: shown.append(self.index))
    dialog = HazardDialog(ctx, h_uid)
    qtbot.addWidget(dialog)
    strip = dialog.photo_strip
    strip.itemDoubleClicked.emit(strip.item(2))
    assert shown == [2]
