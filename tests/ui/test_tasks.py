"""The background runner: work off the UI thread, results back on it, Cancel rolls back."""

from __future__ import annotations

import threading

import pytest

from fireoffice.services import demo
from fireoffice.services.errors import Conflict
from fireoffice.ui.tasks import TaskRunner


def test_result_comes_back_on_the_ui_thread(qtbot):
    runner = TaskRunner()
    main = threading.get_ident()
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        return 42

    done = []
    runner.run(work, "…", on_done=lambda r: done.append((r, threading.get_ident())),
               on_error=lambda e: done.append(e))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [(42, main)]
    assert seen["worker"] != main


def test_cancel_rolls_the_service_back(qtbot, ctx):
    runner = TaskRunner()
    errors = []
    started = threading.Event()

    def work(progress):
        started.set()

        def slow_progress(done, total):
            # Simulate the user pressing Cancel after the first batch.
            return progress(done, total) and done < 2000

        return demo.fill_demo(ctx, units=6000, seed=1, progress=slow_progress)

    runner.run(work, "…", on_done=lambda r: errors.append(r), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert isinstance(errors[0], Conflict)
    assert demo.database_is_empty(ctx)


def test_errors_are_handed_to_on_error(qtbot):
    runner = TaskRunner()
    got = []
    runner.run(lambda p: 1 / 0, "…", on_done=got.append, on_error=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], ZeroDivisionError)


@pytest.mark.parametrize("n", [1])
def test_runner_is_single_writer(n):
    assert TaskRunner().pool._max_workers == n  # one database writer at a time
