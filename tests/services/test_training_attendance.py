"""Invitations and attendance: persons default to 责任人/管理人, nothing duplicated, walk-ins recorded as such,
and a filled sign-in spreadsheet read back without losing a line."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest

from fireoffice.services import training, training_attendance, training_invite, training_signin, units
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.training_attendance import PersonInput
from fireoffice.services.training_invite import InviteFilter
from fireoffice.services.unit_query import UnitQuery
from tests.services.test_training import make_session, make_units

TODAY = date.today()


def test_invite_defaults_to_responsible_and_manager(ctx):
    uids = make_units(ctx, 6)
    info = make_session(ctx)
    result = training_invite.invite_units(ctx, info.uid, uids)
    rows = training_attendance.list_attendees(ctx, info.uid)
    # unit 1: 责任人 only; 2: both; 3: no 责任人 → 管理人 … see make_units
    assert result.units_added == 6 and result.people_added == len(rows)
    by_unit: dict[str, list] = {}
    for r in rows:
        by_unit.setdefault(r.unit_uid, []).append(r)
    assert [(r.person_name, r.position) for r in by_unit[uids[0]]] == [("责任人1", "消防安全责任人")]
    assert [r.person_name for r in by_unit[uids[1]]] == ["责任人2", "管理人2"]
    assert [r.position for r in by_unit[uids[2]]] == ["消防安全责任人"] and by_unit[uids[2]][0].person_name == ""
    assert result.units_without_person == 1 and "留空行" in result.text()
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert all(r.source == "邀请" and r.status == "未签到" for r in rows)
    again = training_invite.invite_units(ctx, info.uid, uids[:3])
    assert (again.units_added, again.units_skipped) == (0, 3)
    assert len(training_attendance.list_attendees(ctx, info.uid)) == len(rows)
    with pytest.raises(ValidationError, match="没有选中任何单位"):
        training_invite.invite_units(ctx, info.uid, [])


def test_one_person_holding_both_roles_is_one_line(ctx):
    uid = units.create_unit(ctx, {"name": "同人火锅店", "address": "解放路9号", "resp_person": "赵六",
                                  "mgr_person": "赵 六", "resp_phone": "13900000001"}).uid
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, [uid])
    rows = training_attendance.list_attendees(ctx, info.uid)
    assert [(r.person_name, r.position) for r in rows] == [("赵六", "消防安全责任人、管理人")]


def test_filters_never_trained_and_over_a_year(ctx):
    uids = make_units(ctx, 4)
    old = make_session(ctx, held_on=TODAY - timedelta(days=500))
    recent = make_session(ctx, held_on=TODAY - timedelta(days=20))
    training_invite.invite_units(ctx, old.uid, uids[:2], persons="resp")
    training_invite.invite_units(ctx, recent.uid, uids[1:2], persons="resp")
    for info in (old, recent):
        rows = training_attendance.list_attendees(ctx, info.uid)
        training_attendance.set_status(ctx, [r.uid for r in rows], "实到")
    never = InviteFilter(history="never")
    assert training_invite.count_candidates(ctx, never) == 2
    assert set(training_invite.candidate_uids(ctx, never)) == set(uids[2:])
    stale = InviteFilter(history="over_a_year")
    assert set(training_invite.candidate_uids(ctx, stale)) == {uids[0], *uids[2:]}
    small = InviteFilter(units=UnitQuery(nine_small_type="小餐饮场所"), history="never")
    assert set(training_invite.candidate_uids(ctx, small)) == {uids[3]}
    target = make_session(ctx)
    result = training_invite.invite_by_filter(ctx, target.uid, small)
    assert result.units_added == 1
    with pytest.raises(ValidationError, match="没有符合条件"):
        training_invite.invite_by_filter(ctx, target.uid, InviteFilter(units=UnitQuery(text="不存在的单位")))


def test_tick_off_and_future_sessions(ctx):
    uids = make_units(ctx, 2)
    planned = make_session(ctx, held_on=TODAY + timedelta(days=10))
    training_invite.invite_units(ctx, planned.uid, uids)
    first = training_attendance.list_attendees(ctx, planned.uid)[0]
    with pytest.raises(Conflict, match="还没到"):
        training_attendance.toggle_present(ctx, first.uid)
    held = make_session(ctx)
    training_invite.invite_units(ctx, held.uid, uids)
    row = training_attendance.list_attendees(ctx, held.uid)[0]
    assert training_attendance.toggle_present(ctx, row.uid).status == "实到"
    assert training_attendance.toggle_present(ctx, row.uid).status == "未签到"
    others = [r.uid for r in training_attendance.list_attendees(ctx, held.uid)[1:]]
    assert {r.status for r in training_attendance.set_status(ctx, others, "请假")} == {"请假"}
    info = training.get_session(ctx, held.uid)
    assert (info.present, info.leave, info.invited) == (0, len(others), len(others) + 1)
    with pytest.raises(ValidationError, match="签到状态"):
        training_attendance.set_status(ctx, others, "迟到")


def test_walk_ins_are_recorded_and_duplicates_refused(ctx):
    uids = make_units(ctx, 2)
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, uids[:1])
    walk = training_attendance.add_walk_in(ctx, info.uid, PersonInput("钱七", unit_name="柳林村测试单位2号店",
                                                                      position="员工"))
    assert walk.walk_in and walk.source == "现场补录" and walk.status == "实到"
    assert walk.unit_uid == uids[1]  # matched to the register by its exact name
    outsider = training_attendance.add_walk_in(ctx, info.uid, PersonInput("孙八", unit_name="柳林村网格"))
    assert outsider.unit_uid is None and outsider.unit_name == "柳林村网格"
    with pytest.raises(Conflict, match="已在名单中"):
        training_attendance.add_walk_in(ctx, info.uid, PersonInput("钱 七", unit_uid=uids[1]))
    invited = training_attendance.list_attendees(ctx, info.uid)[0]
    with pytest.raises(Conflict, match=f"序号 {invited.seq}"):
        training_attendance.add_walk_in(ctx, info.uid, PersonInput(invited.person_name, unit_uid=uids[0]))
    with pytest.raises(ValidationError, match="姓名"):
        training_attendance.add_walk_in(ctx, info.uid, PersonInput("  ", unit_uid=uids[0]))
    info = training.get_session(ctx, info.uid)
    assert (info.walk_ins, info.present) == (2, 2)
    with pytest.raises(Conflict, match="已签到"):
        training_attendance.remove_attendee(ctx, walk.uid)
    training_attendance.remove_attendee(ctx, invited.uid)
    assert len(training_attendance.list_attendees(ctx, info.uid)) == 2


def test_blank_line_gets_the_name_written_on_site(ctx):
    uids = make_units(ctx, 3)
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, uids[2:])
    blank = training_attendance.list_attendees(ctx, info.uid)[0]
    assert blank.person_name == ""
    fixed = training_attendance.update_person(ctx, blank.uid, PersonInput("周九", phone="13700000000",
                                                                          position="消防安全责任人"))
    assert (fixed.person_name, fixed.phone) == ("周九", "13700000000")


def _fill(path, marks: dict[str, str], extra: list[tuple] = ()) -> None:
    """Mark the exported sheet like a clerk would: 签到 column by name; extra hand-written lines at the end."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = next(r for r in range(1, 20) if ws.cell(r, 2).value == "单位名称")
    r = header + 1
    while ws.cell(r, 1).value is not None:
        name = ws.cell(r, 3).value
        if name in marks:
            ws.cell(r, 6).value = marks[name]
        r += 1
    first_blank = next(row for row in range(header + 1, r) if ws.cell(row, 2).value is None)
    for i, (unit, name, mark) in enumerate(extra):
        ws.cell(first_blank + i, 2).value, ws.cell(first_blank + i, 3).value = unit, name
        ws.cell(first_blank + i, 6).value = mark
    wb.save(path)


def test_sign_in_spreadsheet_round_trip(ctx, tmp_path):
    uids = make_units(ctx, 4)
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, uids, persons="resp")
    path = training_signin.export_sign_in_xlsx(ctx, info.uid, tmp_path / "sheet.xlsx")
    _fill(path, {"责任人1": "√", "责任人2": "请假", "责任人4": "缺席"},
          [("柳林村测试单位4号店", "吴十", "√"), ("柳林村测试单位4号店", "吴十", "√"), ("柳林村网格", "郑一", ""),
           ("柳林村测试单位1号店", "冯二", "迟到了")])
    preview = training_signin.import_sign_in(ctx, info.uid, path, dry_run=True)
    assert preview.dry_run and preview.present == 3
    assert {r.status for r in training_attendance.list_attendees(ctx, info.uid)} == {"未签到"}
    report = training_signin.import_sign_in(ctx, info.uid, path)
    rows = {r.person_name: r for r in training_attendance.list_attendees(ctx, info.uid)}
    assert rows["责任人1"].status == "实到" and rows["责任人2"].status == "请假" and rows["责任人4"].status == "缺席"
    assert rows["吴十"].source == "签到表导入" and rows["吴十"].unit_uid == uids[3]
    assert rows["郑一"].status == "实到" and rows["郑一"].unit_uid is None
    assert "冯二" not in rows
    assert (report.present, report.leave, report.absent, report.walk_ins, report.merged) == (3, 1, 1, 2, 1)
    problems = {p.row: p.message for p in report.problems}
    assert any("同一人" in m for m in problems.values()) and any("迟到了" in m for m in problems.values())
    assert "表内重复 1 行已合并" in report.text()
    again = training_signin.import_sign_in(ctx, info.uid, path, blank_as_absent=True)
    assert again.walk_ins == 0 and again.absent == 2  # 3号店's blank line had no mark


def test_sign_in_import_refuses_bad_files_and_future_sessions(ctx, tmp_path):
    uids = make_units(ctx, 1)
    info = make_session(ctx, held_on=TODAY + timedelta(days=3))
    training_invite.invite_units(ctx, info.uid, uids)
    path = training_signin.export_sign_in_xlsx(ctx, info.uid, tmp_path / "s.xlsx")
    with pytest.raises(Conflict, match="还没到"):
        training_signin.import_sign_in(ctx, info.uid, path)
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["品名", "数量"])
    wb.save(other)
    with pytest.raises(ValidationError, match="签到表的表头"):
        training_signin.import_sign_in(ctx, info.uid, other)
    (tmp_path / "x.xlsx").write_bytes(b"not a spreadsheet")
    with pytest.raises(ValidationError):
        training_signin.import_sign_in(ctx, info.uid, tmp_path / "x.xlsx")
