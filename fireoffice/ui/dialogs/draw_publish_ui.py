"""Saving 双随机 lists and the field kit (PDF/xlsx from draw_publish, written off the UI thread), the replay check
and voiding a draw — shared by the draw dialog and the plans page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from fireoffice.services import draw_publish, draw_verify, draws
from fireoffice.services.errors import ServiceError
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.state import AppState

RENDER = {("list", "pdf"): draw_publish.draw_list_pdf, ("list", "xlsx"): draw_publish.draw_list_xlsx,
          ("results", "pdf"): draw_publish.results_pdf, ("results", "xlsx"): draw_publish.results_xlsx}


class DrawPublish(QObject):
    """The translation context and the shared steps; short-lived, one per user action."""

    def __init__(self, state: AppState, parent: QWidget):
        super().__init__(parent)
        self.state, self.parent_ = state, parent

    def save_bytes(self, default_name: str, render: Callable[[], bytes], busy: str) -> None:
        """Ask where, then render and write in the background; refusals and unwritable files get one message."""
        kind = self.tr("PDF (*.pdf)") if default_name.endswith(".pdf") else self.tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self.parent_, self.tr("Save as"), str(Path.home() / default_name), kind)
        if not path:
            return
        target = Path(path)

        def work(_progress):
            target.write_bytes(render())
            return target

        def failed(error: BaseException) -> None:
            if isinstance(error, ServiceError):
                show_service_error(self.parent_, error)
            elif isinstance(error, OSError):  # folder gone, file open in another program, disk full
                QMessageBox.warning(self.parent_, self.tr("Cannot save"), self.tr("Cannot write {path}: {why}").format(
                    path=target, why=error.strerror or error))
            else:
                raise error

        def finished(written: Path) -> None:
            QMessageBox.information(self.parent_, self.tr("Saved"), self.tr("Saved to\n{path}").format(path=written))

        self.state.tasks.run(work, busy, on_done=finished, on_error=failed, parent=self.parent_, cancellable=False)

    def publish(self, ident: str, kind: str, fmt: str) -> None:
        try:
            month = draws.get_draw(self.state.ctx, ident).month
        except ServiceError as error:
            show_service_error(self.parent_, error)
            return
        name = ("双随机抽查名单" if kind == "list" else "双随机抽查结果公示") + f"-{month}.{fmt}"
        self.save_bytes(name, lambda: RENDER[(kind, fmt)](self.state.ctx, ident), self.tr("Writing the list…"))

    def verify(self, ident: str) -> None:
        def shown(report: draw_verify.VerifyReport) -> None:
            if report.ok:
                void = self.tr(" (the draw is void)") if report.status != "有效" else ""
                QMessageBox.information(self.parent_, self.tr("Verify the draw"), self.tr(
                    "Verified: replaying seed {seed} gives the same {n} units and officers as recorded{void}.").format(
                    seed=report.seed, n=report.units, void=void))
            else:
                QMessageBox.warning(self.parent_, self.tr("Verify the draw"), self.tr("The draw does not verify:")
                                    + "\n\n" + "\n".join("• " + p for p in report.problems))

        def failed(error: BaseException) -> None:
            if not isinstance(error, ServiceError):
                raise error
            show_service_error(self.parent_, error)

        self.state.tasks.run(lambda _p: draw_verify.verify(self.state.ctx, ident), self.tr("Replaying the draw…"),
                             on_done=shown, on_error=failed, parent=self.parent_, cancellable=False)

    def void(self, ident: str) -> bool:
        reason, ok = QInputDialog.getText(self.parent_, self.tr("Void the draw"), self.tr(
            "Reason for voiding (kept with the draw; its open visits are cancelled):"))
        if not ok:
            return False
        try:
            draws.void_draw(self.state.ctx, ident, reason)
        except ServiceError as error:
            show_service_error(self.parent_, error)
            return False
        self.state.changed.emit("plans")
        return True


def save_bytes(state: AppState, parent: QWidget, default_name: str, render: Callable[[], bytes], busy: str) -> None:
    DrawPublish(state, parent).save_bytes(default_name, render, busy)


def publish(state: AppState, parent: QWidget, ident: str, kind: str, fmt: str) -> None:
    """抽查名单 (kind "list") or 结果公示 ("results") as PDF or xlsx."""
    DrawPublish(state, parent).publish(ident, kind, fmt)


def verify(state: AppState, parent: QWidget, ident: str) -> None:
    """Replay the draw from its seed and recorded pools; say plainly whether everything still matches."""
    DrawPublish(state, parent).verify(ident)


def void(state: AppState, parent: QWidget, ident: str) -> bool:
    return DrawPublish(state, parent).void(ident)
