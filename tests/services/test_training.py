"""Sessions: validation with clear messages (far dates, no place), numbering, changes, cancelling."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from fireoffice.db.models import AuditEvent, Grid, Village
from fireoffice.services import station, training, training_attendance, training_invite, units
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.training import SessionInput

TODAY = date.today()


def make_units(ctx, n: int = 6, village: str = "柳林村") -> list[str]:
    """n units in one village/grid; every third has no 责任人 name, every other one manager differs."""
    with ctx.db.write() as s:
        v = s.execute(select(Village).where(Village.name == village)).scalar()
        if v is None:
            v = Village(name=village, kind="村")
            s.add(v)
            s.flush()
            s.add(Grid(village_id=v.id, name=f"{village}第1网格"))
            s.flush()
        vid = v.id
        gid = s.execute(select(Grid.id).where(Grid.village_id == vid)).scalar()
    uids = []
    for i in range(n):
        values = {"name": f"{village}测试单位{i + 1}号店", "address": f"{village}解放路{i + 1}号", "village_id": vid,
                  "grid_id": gid, "resp_person": "" if i % 3 == 2 else f"责任人{i + 1}",
                  "resp_phone": f"1391234{i:04d}", "mgr_person": f"管理人{i + 1}" if i % 2 else "",
                  "mgr_phone": f"1381234{i:04d}" if i % 2 else "", "nine_small_type": "小餐饮场所" if i % 2 else ""}
        uids.append(units.create_unit(ctx, values).uid)
    return uids


def session_input(**changes) -> SessionInput:
    base = SessionInput(kind="集中培训", topic="冬春火灾防控培训", held_on=TODAY - timedelta(days=1),
                        start_time=time(9), end_time=time(11), place="街道办三楼会议室", trainer="王建国")
    return replace(base, **changes)


def make_session(ctx, **changes) -> training.SessionInfo:
    return training.create_session(ctx, session_input(**changes))


def setup_station(ctx) -> None:
    station.update_station(ctx, {"name": "东城街道消防工作所", "issuer_code": "临东", "phone": "0358-4421119"})


def test_create_numbers_sessions_per_year(ctx):
    first = make_session(ctx)
    second = make_session(ctx, topic="电动自行车消防安全培训")
    assert first.session_no == f"PX-{first.held_on.year}-001"
    assert second.session_no.endswith("-002")
    assert training.find_session(ctx, second.session_no).uid == second.uid
    listed = training.list_sessions(ctx, year=second.held_on.year)
    assert [x.uid for x in listed] == [second.uid, first.uid]
    assert training.list_sessions(ctx, text="电动自行车")[0].uid == second.uid
    assert first.status_text() == "已举行"


@pytest.mark.parametrize("changes, field, words", [
    ({"held_on": TODAY + timedelta(days=800)}, "日期", "一年以后"),
    ({"held_on": date(TODAY.year - 8, 5, 1)}, "日期", "早于"),
    ({"topic": "  "}, "主题", "不能为空"),
    ({"kind": "座谈会"}, "类型", "只能是"),
    ({"place": "", "video_link": ""}, "地点", "地点或视频会议链接"),
    ({"kind": "视频约谈", "place": "所会议室", "video_link": ""}, "视频会议链接", "会议链接"),
    ({"start_time": time(11), "end_time": time(9)}, "结束时间", "晚于开始时间"),
    ({"audience_count": -5}, "其他受众人次", "整数"),
])
def test_bad_sessions_are_refused_naming_the_field(ctx, changes, field, words):
    with pytest.raises(ValidationError) as err:
        make_session(ctx, **changes)
    assert err.value.field == field and words in err.value.message
    assert training.list_sessions(ctx) == []


def test_update_records_only_changes_and_refuses_losing_interviews(ctx):
    uids = make_units(ctx, 2)
    info = make_session(ctx, kind="集中约谈", reason="落实主体责任")
    training_invite.invite_units(ctx, info.uid, uids)
    changed = training.update_session(ctx, info.uid, session_input(kind="集中约谈", reason="落实主体责任",
                                                                  topic="约谈培训"))
    assert changed.topic == "约谈培训" and changed.interviews == 2
    with pytest.raises(ValidationError, match="约谈类型"):
        training.update_session(ctx, info.uid, session_input(kind="集中培训"))
    with ctx.db.read() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    assert last.action == "修改培训约谈活动" and "约谈培训" in last.after and "place" not in last.after


def test_becoming_an_interview_creates_records_for_the_invited(ctx):
    uids = make_units(ctx, 3)
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, uids)
    assert training.get_session(ctx, info.uid).interviews == 0
    after = training.update_session(ctx, info.uid, session_input(kind="一对一警示约谈"))
    assert after.interviews == 3


def test_cancel_needs_reason_and_no_one_present(ctx):
    uids = make_units(ctx, 2)
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, uids)
    with pytest.raises(ValidationError, match="取消原因"):
        training.cancel_session(ctx, info.uid, " ")
    first = training_attendance.list_attendees(ctx, info.uid)[0]
    training_attendance.set_status(ctx, [first.uid], "实到")
    with pytest.raises(Conflict, match="已有 1 人签到"):
        training.cancel_session(ctx, info.uid, "改期")
    training_attendance.set_status(ctx, [first.uid], "未签到")
    cancelled = training.cancel_session(ctx, info.uid, "与专项检查冲突，改期")
    assert cancelled.cancelled and cancelled.status_text() == "已取消"
    with pytest.raises(Conflict, match="已取消"):
        training.update_session(ctx, info.uid, session_input())
    with pytest.raises(Conflict, match="已取消"):
        training_invite.invite_units(ctx, info.uid, uids)
