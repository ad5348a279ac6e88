"""Inspection records: officers, checklist results, 口头责令改正, hazards with deadlines, visits, photos, campaigns."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from fireoffice.db.models import AuditEvent, ChecklistResult, Hazard, Inspection, Photo, PlanVisit
from fireoffice.services import (
    checklists,
    draws,
    hazards,
    inspection_campaign,
    inspection_queries,
    inspections,
    officers,
    photos,
    plans,
)
from fireoffice.services.demo_inspections import tiny_png
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.inspections import ResultInput
from tests.services.insp_helpers import all_pass, audit_count, count, hazard, make_officers, make_units


@pytest.fixture
def world(ctx):
    return make_units(ctx, 6), make_officers(ctx)


def _pair(people):
    return (people["张执法"], people["李执法"])


def _nothing_written(ctx, audits_before):
    assert count(ctx, Inspection) == 0 and count(ctx, Hazard) == 0 and count(ctx, ChecklistResult) == 0
    assert audit_count(ctx) == audits_before


def test_record_with_verbal_order_and_hazard(ctx, world):
    units, people = world
    saved = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), results=(
        ResultInput("G10", "不符合", corrected_on_spot=True, location="后门", note="纸箱已当场搬走"),
        ResultInput("G13", "不符合", hazard=hazard("二层走道应急照明灯不亮", "二层走道", deadline_amount=7)))))
    assert saved.verbal_orders == 1 and len(saved.hazard_nos) == 1 and saved.hazard_nos[0] == "YH-2026-000001"
    assert saved.notice_due == date(2026, 2, 4)  # Fri 2026-01-30 + 3 working days
    assert saved.record_no == "JC2026-00001" and not saved.requeued
    detail = inspections.get_inspection(ctx, saved.uid)
    by_code = {r.code: r for r in detail.results}
    assert by_code["G10"].corrected_on_spot and "口头责令改正" in by_code["G10"].note
    assert by_code["G13"].hazard_no == "YH-2026-000001" and by_code["G01"].result == "符合"
    assert [o[0] for o in detail.officers] == ["张执法", "李执法"] and detail.officers[0][2] == "晋消执001"
    assert detail.checklist == "消防监督检查表 第1版"
    h = hazards.get_hazard(ctx, saved.hazard_uids[0], today=date(2026, 2, 1))
    assert h.state == "待整改" and h.deadline == date(2026, 2, 6) and h.category == "设施"
    assert "第十六条" in h.legal_basis and h.notice_due == date(2026, 2, 4)
    assert h.recheck_due == date(2026, 2, 11) and "chinese-calendar" in h.deadline_calendar
    with ctx.db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action)).all()]
    assert "新建检查记录" in actions and "登记隐患" in actions


def test_one_officer_refused_nothing_written(ctx, world):
    units, people = world
    before = audit_count(ctx)
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=(people["张执法"],)))
    assert ex.value.field == "检查人员" and "至少需要 2 名" in ex.value.message
    with pytest.raises(ValidationError) as ex:  # an assistant does not make up the pair
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=(people["张执法"], people["陈协管"])))
    assert "现有 1 名" in ex.value.message
    _nothing_written(ctx, before)


def test_expired_certificate_refused(ctx, world):
    units, people = world
    before = audit_count(ctx)
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=(people["张执法"], people["赵过期"])))
    assert ex.value.field == "检查人员" and "赵过期" in ex.value.message and "2025-06-30 过期" in ex.value.message
    _nothing_written(ctx, before)


def test_recused_officer_refused(ctx, world):
    units, people = world
    officers.declare_conflict(ctx, people["李执法"], "亲属", unit_uid=units[0])
    before = audit_count(ctx)
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people)))
    assert "李执法" in ex.value.message and "回避" in ex.value.message
    _nothing_written(ctx, before)


def test_bad_hazards_refused_nothing_written(ctx, world):
    units, people = world
    before = audit_count(ctx)
    cases = [
        (hazard(deadline=date(2026, 1, 29), deadline_amount=None), "整改期限", "不能早于"),
        (hazard("消防设施不全"), "隐患描述", "具体"),
        (hazard(location=" "), "隐患部位", "部位"),
        (hazard(deadline_amount=45), "延长理由", "超过 30 天"),
    ]
    for spec, field, words in cases:
        with pytest.raises(ValidationError) as ex:
            inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), results=(
                ResultInput("G13", "不符合", hazard=spec),)))
        assert ex.value.field == field and words in ex.value.message
    with pytest.raises(ValidationError) as ex:  # G13 cannot be put right on the spot
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), results=(
            ResultInput("G13", "不符合", corrected_on_spot=True),)))
    assert ex.value.field == "当场改正"
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), results=(
            ResultInput("G13", "不符合"),)))
    assert ex.value.field == "隐患描述"
    _nothing_written(ctx, before)


def test_incomplete_checklist_and_bad_times_refused(ctx, world):
    units, people = world
    full = all_pass(ctx, units[0], officers=_pair(people))
    from dataclasses import replace

    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, replace(full, results=full.results[:-2]))
    assert ex.value.field == "检查项目" and "2 项未填写" in ex.value.message
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, replace(full, ended_at=full.started_at))
    assert ex.value.field == "结束时间"
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, replace(full, results=full.results + (ResultInput("R99", "符合"),)))
    assert "R99" in ex.value.message
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, replace(full, unit_rep_refused=True))
    assert ex.value.field == "见证人"
    assert count(ctx, Inspection) == 0


def test_grid_walk_needs_one_person(ctx, world):
    units, people = world
    saved = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=(people["孙网格"],),
                                                        inspection_type="网格巡查"))
    detail = inspections.get_inspection(ctx, saved.uid)
    assert not detail.is_enforcement and not detail.counts_for_random


def test_visit_not_found_open_is_requeued_with_a_fresh_number(ctx, world):
    units, people = world
    plan = plans.create_plan(ctx, plans.PlanInput("1月日常检查", "日常", date(2026, 1, 1), date(2026, 1, 31)))
    visits = plans.add_units(ctx, plan.uid, units[:3], officer_uids=_pair(people))
    assert [v.record_no for v in visits] == ["JC2026-00001", "JC2026-00002", "JC2026-00003"]
    locked = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), outcome="锁门",
                                                         plan_visit_uid=visits[0].uid))
    assert locked.requeued and locked.record_no == "JC2026-00001"
    again = plans.plan_visits(ctx, plan.uid)[0]
    assert again.status == "待检查" and again.attempts == 1 and again.last_outcome == "锁门"
    assert again.record_no == "JC2026-00004"
    done = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people),
                                                       record_no="JC2026-00004"))  # keyed from the paper form
    assert done.record_no == "JC2026-00004" and not done.requeued
    assert plans.plan_visits(ctx, plan.uid)[0].status == "已完成"
    info = plans.get_plan(ctx, plan.uid)
    assert (info.visits, info.done) == (3, 1)
    from dataclasses import replace

    with pytest.raises(ValidationError) as ex:  # results on a visit that found nobody
        inspections.create_inspection(ctx, replace(all_pass(ctx, units[1], officers=_pair(people)), outcome="停业"))
    assert ex.value.field == "检查情况"


def test_random_statistics_exclude_recheck_and_complaint_visits(ctx, world):
    units, people = world
    result = draws.draw(ctx, draws.DrawParams(month="2026-03", count=3), seed="s")
    visits = {v.unit_uid: v for v in plans.plan_visits(ctx, result.plan_uid)}
    day = dict(started_at=datetime(2026, 3, 4, 9), ended_at=datetime(2026, 3, 4, 9, 30))
    first, second = result.units[0], result.units[1]
    counted = inspections.create_inspection(ctx, all_pass(
        ctx, first.uid, officers=first.officer_uids, plan_visit_uid=visits[first.uid].uid,
        inspection_type="双随机抽查", **day))
    not_counted = inspections.create_inspection(ctx, all_pass(
        ctx, second.uid, officers=second.officer_uids, plan_visit_uid=visits[second.uid].uid,
        inspection_type="举报投诉核查", **day))
    assert inspections.get_inspection(ctx, counted.uid).counts_for_random
    assert not inspections.get_inspection(ctx, not_counted.uid).counts_for_random
    stats = inspection_queries.random_statistics(ctx, date(2026, 3, 1), date(2026, 3, 31))
    assert (stats.drawn, stats.inspected) == (3, 1)


def test_photos_stored_with_sha256(ctx, world):
    units, people = world
    png = tiny_png("G15")
    saved = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), results=(
        ResultInput("G15", "不符合", photos=(photos.PhotoInput(png, "g15.png"),),
                    hazard=hazard("灭火器压力指针处于红区", "一层营业厅",
                                  photos=(photos.PhotoInput(tiny_png("before"), "before.png"),))),)))
    with ctx.db.read() as s:
        rows = s.execute(select(Photo).order_by(Photo.id)).scalars().all()
    assert [r.phase for r in rows] == ["检查", "整改前"]  # the item's photo, then the hazard's "before" photo
    assert rows[0].result_id is not None and rows[1].hazard_id is not None
    info, data = photos.photo_bytes(ctx, rows[0].uid)
    assert data == png and info.mime == "image/png" and len(info.sha256) == 64
    assert hazards.hazard_photos(ctx, saved.hazard_uids[0])[0].phase == "整改前"
    with pytest.raises(ValidationError) as ex:
        inspections.create_inspection(ctx, all_pass(ctx, units[1], officers=_pair(people), results=(
            ResultInput("G15", "符合", photos=(photos.PhotoInput(b"not an image", "x.txt"),)),)))
    assert "不是可识别的图片" in ex.value.message
    with ctx.db.write() as s:  # bytes changed outside the app
        s.get(Photo, rows[0].id).data = png + b"x"
    assert photos.damaged_photos(ctx) == [rows[0].uid]
    with pytest.raises(ValidationError):
        photos.photo_bytes(ctx, rows[0].uid)


def test_campaign_next_unit_and_carry_over(ctx, world):
    units, people = world
    plan = plans.create_plan(ctx, plans.PlanInput("沿街商铺排查", "专项", date(2026, 1, 1), date(2026, 1, 31),
                                                  campaign="冬春火灾防控"))
    visits = plans.add_units(ctx, plan.uid, units[:4], officer_uids=_pair(people))
    first = inspection_campaign.next_visit(ctx, plan.uid)
    assert first.uid == visits[0].uid
    form = inspection_campaign.form_for_visit(ctx, first.uid)
    assert form.inspection_type == "专项检查" and form.record_no == "JC2026-00001"
    assert form.officer_names == ("张执法", "李执法") and form.items[0].code == "G01"
    data = inspection_campaign.first_input(form, datetime(2026, 1, 20, 9, 0))
    inspections.create_inspection(ctx, data)
    nxt = inspection_campaign.next_visit(ctx, plan.uid, first.uid)
    assert nxt.uid == visits[1].uid
    carried = inspection_campaign.carry_over(data, inspection_campaign.form_for_visit(ctx, nxt.uid))
    assert carried.started_at == datetime(2026, 1, 20, 9, 25) and carried.ended_at == datetime(2026, 1, 20, 9, 45)
    assert carried.unit_uid == units[1] and carried.plan_visit_uid == nxt.uid and carried.record_no == "JC2026-00002"
    assert all(r.result == "符合" for r in carried.results) and carried.inspection_type == "专项检查"
    inspections.create_inspection(ctx, carried)
    assert inspection_campaign.find_by_record_no(ctx, "JC2026-00003").unit_uid == units[2]
    # After the last visit the batch wraps to units still open.
    last = inspection_campaign.next_visit(ctx, plan.uid, visits[3].uid)
    assert last.uid == visits[2].uid


def test_header_update_is_audited_and_limited(ctx, world):
    units, people = world
    saved = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people)))
    inspections.update_inspection(ctx, saved.uid, {"people_present": "店主甲、店员丙", "summary": "补记"})
    detail = inspections.get_inspection(ctx, saved.uid)
    assert detail.people_present == "店主甲、店员丙" and detail.summary == "补记"
    with pytest.raises(ValidationError):
        inspections.update_inspection(ctx, saved.uid, {"outcome": "锁门"})
    with ctx.db.read() as s:
        assert s.execute(select(AuditEvent).where(AuditEvent.action == "修改检查记录")).scalar() is not None


def test_checklist_versions_are_new_rows(ctx, world):
    units, people = world
    saved = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people)))
    version = checklists.active_version(ctx)
    template_uid = checklists.list_templates(ctx)[0].template_uid
    items = [i for i in version.items if i.code != "G05"]
    new = checklists.save_version(ctx, template_uid, items, "删去演练项")
    assert new.version_no == 2 and checklists.active_version(ctx).version_no == 2
    assert inspections.get_inspection(ctx, saved.uid).checklist == "消防监督检查表 第1版"
    with pytest.raises(ValidationError) as ex:
        checklists.save_version(ctx, template_uid, items + [items[0]])
    assert ex.value.field == "编号" and ex.value.row == len(items) + 1
    _, unit_items, tags = checklists.items_for_unit(ctx, units[0])
    assert "商店" in tags and "G05" not in {i.code for i in unit_items} and "R12" in {i.code for i in unit_items}


def test_visit_officers_checked_on_assignment(ctx, world):
    units, people = world
    plan = plans.create_plan(ctx, plans.PlanInput("2月日常", "日常", date(2026, 2, 1), date(2026, 2, 28)))
    visit = plans.add_units(ctx, plan.uid, units[:1])[0]
    with pytest.raises(ValidationError) as ex:
        plans.assign_visit(ctx, visit.uid, date(2026, 2, 10), (people["张执法"], people["赵过期"]))
    assert "过期" in ex.value.message
    with pytest.raises(ValidationError) as ex:
        plans.assign_visit(ctx, visit.uid, date(2026, 3, 10), _pair(people))
    assert ex.value.field == "计划日期"
    info = plans.assign_visit(ctx, visit.uid, date(2026, 2, 10), _pair(people))
    assert info.officer_names == ("张执法", "李执法")
    entries = plans.calendar(ctx, date(2026, 2, 1), date(2026, 2, 28), people["李执法"])
    assert [(e.day, e.unit_name) for e in entries] == [(date(2026, 2, 10), "测试单位000")]
    with ctx.db.read() as s:
        assert s.execute(select(PlanVisit.planned_date)).scalar() == date(2026, 2, 10)


def test_recheck_recorded_on_an_inspection_record(ctx, world):
    units, people = world
    found = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), results=(
        ResultInput("G18", "不符合", hazard=hazard("后厨电线未穿管，私拉乱接插线板", "后厨", deadline_amount=5)),)))
    other = hazards.report_hazard(ctx, units[1], hazard(), date(2026, 1, 30))
    recheck = dict(inspection_type="复查", started_at=datetime(2026, 2, 5, 10), ended_at=datetime(2026, 2, 5, 10, 20))
    before = count(ctx, Inspection)
    with pytest.raises(ValidationError) as ex:  # another unit's hazard cannot be rechecked here
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), rechecks=(
            inspections.RecheckEntry(other.uid, "已改正"),), **recheck))
    assert "不是这家单位" in ex.value.message and count(ctx, Inspection) == before
    saved = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=_pair(people), rechecks=(
        inspections.RecheckEntry(found.hazard_uids[0], "已改正", "已穿管敷设"),), **recheck))
    h = hazards.get_hazard(ctx, found.hazard_uids[0])
    assert h.state == "已销号" and h.close_basis == "复查" and h.closed_on == date(2026, 2, 5)
    assert not inspections.get_inspection(ctx, saved.uid).counts_for_random


def test_officers_and_conflicts(ctx, world):
    units, people = world
    listed = {o.name: o for o in officers.list_officers(ctx, on=date(2026, 3, 1))}
    assert listed["张执法"].can_enforce and not listed["赵过期"].can_enforce and not listed["陈协管"].can_enforce
    assert {o.name for o in officers.list_officers(ctx, date(2026, 3, 1), enforcers_only=True)} == {
        "张执法", "李执法", "王执法", "刘所长"}
    with pytest.raises(ValidationError) as ex:
        officers.set_credentials(ctx, people["赵过期"], "执法人员", "晋消执004", None)
    assert ex.value.field == "执法证有效期"
    renewed = officers.set_credentials(ctx, people["赵过期"], "执法人员", "晋消执004", date(2029, 6, 30))
    assert renewed.can_enforce
    with pytest.raises(ValidationError) as ex:
        officers.add_officer(ctx, "new", "新执法", "执法人员")
    assert ex.value.field == "执法证号"
    with pytest.raises(ValidationError):
        officers.declare_conflict(ctx, people["张执法"], "亲属")  # neither a unit nor a person
    c = officers.declare_conflict(ctx, people["张执法"], "利害关系", unit_uid=units[2], description="合伙经营")
    assert [x.unit_name for x in officers.list_conflicts(ctx, people["张执法"])] == ["测试单位002"]
    officers.withdraw_conflict(ctx, c.uid)
    assert officers.list_conflicts(ctx, people["张执法"]) == []
    assert len(officers.list_conflicts(ctx, people["张执法"], active_only=False)) == 1


def test_plans_list_update_cancel_and_unit_form(ctx, world):
    units, people = world
    with pytest.raises(ValidationError) as ex:
        plans.create_plan(ctx, plans.PlanInput("专项", "专项", date(2026, 1, 1), date(2026, 3, 31)))
    assert ex.value.field == "专项名称"
    with pytest.raises(ValidationError) as ex:
        plans.create_plan(ctx, plans.PlanInput("节前", "节前", date(2026, 2, 1), date(2026, 1, 1)))
    assert ex.value.field == "结束日期"
    plan = plans.create_plan(ctx, plans.PlanInput("春节前检查", "节前", date(2026, 2, 1), date(2026, 2, 14)))
    visits = plans.add_units(ctx, plan.uid, units[:2], date(2026, 2, 3))
    assert plans.add_units(ctx, plan.uid, units[:2]) == []  # already open in the plan
    plans.cancel_visit(ctx, visits[1].uid, "单位已搬迁")
    info = plans.update_plan(ctx, plan.uid, plans.PlanInput("春节前消防检查", "节前", date(2026, 2, 1),
                                                            date(2026, 2, 13)), status="已完成")
    assert (info.name, info.status, info.visits) == ("春节前消防检查", "已完成", 1)
    assert [p.uid for p in plans.list_plans(ctx, year=2026, plan_type="节前")] == [plan.uid]
    with pytest.raises(Conflict):
        plans.add_units(ctx, plan.uid, units[2:3])  # a finished plan takes no more units
    form = inspection_campaign.form_for_unit(ctx, units[3], "夜查")
    assert form.visit_uid is None and form.record_no == "" and form.resp_person == "店主甲"
    assert form.checklist == "消防监督检查表 第1版" and "商店" in form.venue_tags
