"""Dialogs: first-run wizard, about, crash report."""
