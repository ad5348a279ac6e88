"""Service-test fixtures: a demo station built once per session and copied per test (demo data takes seconds)."""

from __future__ import annotations

import shutil

import pytest

from fireoffice.db.session import Database
from fireoffice.services import demo, station
from fireoffice.services.context import Actor, ServiceContext


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, migrated_template):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    db = Database.open(str(path))
    ctx = ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    demo.fill_demo(ctx, units=300, seed=7)
    station.update_station(ctx, {"name": "东城街道消防工作所"})
    db.dispose()
    return path


@pytest.fixture
def demo_ctx(tmp_path, demo_template):
    path = tmp_path / "station.sqlite"
    shutil.copyfile(demo_template, path)
    db = Database.open(str(path))
    yield ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    db.dispose()
