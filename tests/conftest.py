"""Test fixtures: offscreen Qt, a private data folder, a fresh migrated database per test, PostgreSQL."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil
from pathlib import Path

import pytest

from fireoffice.db import migrate
from fireoffice.db.session import Database
from fireoffice.services.context import Actor, ServiceContext
from tests.pgserver import PgServer, find_bindir


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FIREOFFICE_DATA_DIR", str(path))
    monkeypatch.delenv("FIREOFFICE_DB", raising=False)
    return path


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """Migrate once per session; each test gets a copy (a fresh database in milliseconds)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = Database.open(str(path))
    migrate.upgrade(db.engine)
    db.dispose()
    return path


@pytest.fixture
def db(tmp_path, migrated_template) -> Database:
    path = tmp_path / "fireoffice.sqlite"
    shutil.copyfile(migrated_template, path)
    database = Database.open(str(path))
    yield database
    database.dispose()


@pytest.fixture
def ctx(db) -> ServiceContext:
    return ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))


@pytest.fixture(scope="session")
def pg_server():
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("没有找到 PostgreSQL 服务器程序（initdb/pg_ctl）：跳过 PostgreSQL 测试")
    server = PgServer(bindir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    return pg_server.create_database()
