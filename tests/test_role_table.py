"""The README's role table is exactly what installer/role_table.py generates from the permissions table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_role_table_is_generated():
    spec = importlib.util.spec_from_file_location("role_table", ROOT / "installer" / "role_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Users and roles" in readme
    assert module.section(readme) == module.markdown(), "run: python installer/role_table.py --write"
