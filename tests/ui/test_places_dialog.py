"""The area dialog: add a village and a grid; a refusal stays in the small form."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from fireoffice.services import places
from fireoffice.ui.dialogs import places_dialog
from fireoffice.ui.dialogs.places_dialog import PlacesDialog


def _answer(monkeypatch, values: dict[int, str]):
    """Fill the small form's fields in order, then press OK (once; a refusal keeps it open)."""
    outcomes = []

    def fake_exec(ask):
        for i, text in values.items():
            widget = ask.fields[i]
            if isinstance(widget, QComboBox):
                widget.setCurrentText(text)
            else:
                widget.setText(text)
        ask.accept()
        outcomes.append(ask.error.text())
        return 1 if not ask.error.text() else 0

    monkeypatch.setattr(places_dialog._Ask, "exec", fake_exec)
    return outcomes


def test_add_village_and_grid(qtbot, app, ctx, monkeypatch):
    dialog = PlacesDialog(ctx)
    qtbot.addWidget(dialog)
    _answer(monkeypatch, {0: "东关社区"})
    dialog.add_village()
    assert [v.name for v in places.list_villages(ctx)] == ["东关社区"]
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    outcomes = _answer(monkeypatch, {1: "第1网格", 2: "李网格", 3: "abc"})
    dialog.add_grid()
    assert "网格员电话" in outcomes[0]  # refused inside the form, nothing written
    assert places.list_villages(ctx)[0].grids == ()
    _answer(monkeypatch, {1: "第1网格", 2: "李网格", 3: "13800001111"})
    dialog.add_grid()
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "第1网格"
