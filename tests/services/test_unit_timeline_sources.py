"""The unit timeline finds the inspection and hazard entries by itself; grid choices carry their uids."""

from __future__ import annotations

import subprocess
import sys

from fireoffice.db.models import Grid, Village
from fireoffice.services import checklists, inspections, place_choices, unit_timeline
from fireoffice.services.inspections import ResultInput
from tests.services.insp_helpers import all_pass, hazard, make_officers, make_units


def test_inspections_and_hazards_appear_without_anyone_registering_them(ctx, monkeypatch):
    people = make_officers(ctx)
    unit = make_units(ctx, 1)[0]
    code = checklists.items_for_unit(ctx, unit)[1][0].code
    inspections.create_inspection(ctx, all_pass(ctx, unit, officers=[people["张执法"], people["李执法"]],
                                                results=(ResultInput(code, "不符合", hazard=hazard()),)))
    monkeypatch.setattr(unit_timeline, "SOURCES", [])  # as if nothing had imported inspection_queries yet
    entries = unit_timeline.unit_timeline(ctx, unit)
    kinds = [e.kind for e in entries]
    assert kinds.count("检查") == 1 and kinds.count("隐患") == 1
    inspection = next(e for e in entries if e.kind == "检查")
    assert inspection.ref_entity == "inspection" and "发现隐患 1 处" in inspection.detail


def test_a_source_that_also_registered_itself_is_listed_once(monkeypatch):
    from fireoffice.services import inspection_queries

    monkeypatch.setattr(unit_timeline, "SOURCES", [inspection_queries.timeline_source])  # its import-time hook
    assert unit_timeline._sources().count(inspection_queries.timeline_source) == 1


def test_importing_the_timeline_does_not_import_the_sources():
    code = ("import sys, fireoffice.services.unit_timeline; "
            "print('fireoffice.services.inspection_queries' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_grid_choices_carry_uids_and_villages(ctx):
    with ctx.db.write() as s:
        v = Village(name="东关社区")
        s.add(v)
        s.flush()
        s.add_all([Grid(village_id=v.id, name="东关第2网格"), Grid(village_id=v.id, name="东关第1网格")])
    grids = place_choices.grid_choices(ctx)
    assert [g.name for g in grids] == ["东关第1网格", "东关第2网格"]
    assert all(len(g.uid) == 36 and g.village_name == "东关社区" for g in grids)
