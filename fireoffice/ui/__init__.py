"""Qt user interface: widgets, item models and dialogs. The only package that imports PySide6."""
