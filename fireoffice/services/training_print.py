"""Printouts of a session: 签到表, 约谈通知书 (numbered on first print), 约谈记录, 消防安全承诺书 — as PDF bytes or files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from fireoffice.db.models import Hazard, InterviewHazard, TrainingAttendee, TrainingSession, Unit
from fireoffice.printing import interview_docs, sign_in_sheet
from fireoffice.printing.training_common import cn_date
from fireoffice.services import station, training, training_interviews
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError, ValidationError
from fireoffice.services.permissions import require

_TITLES = {"应急演练": "应急演练签到表", "警示教育观影": "警示教育观影签到表", "宣传活动": "消防宣传活动签到表"}


def sheet_title(info: training.SessionInfo) -> str:
    return "消防安全约谈签到表" if info.is_interview else _TITLES.get(info.kind, "消防安全培训签到表")


def when_text(held_on: date, start, end) -> str:
    text = cn_date(held_on)
    if start:
        text += f" {start:%H:%M}" + (f"—{end:%H:%M}" if end else "")
    return text


def session_lines(info: training.SessionInfo) -> tuple[tuple[str, str], ...]:
    """The session data printed above a sign-in table (only what is filled in)."""
    trainer = "约谈人" if info.is_interview else ("讲解人" if info.kind == "宣传活动" else "授课人")
    lines = [("主题", info.topic), ("类型", info.kind), ("时间", when_text(info.held_on, info.start_time, info.end_time)),
             ("地点", info.place), ("视频会议", info.video_link), (trainer, info.trainer), ("组织单位", info.organizer),
             ("对象范围", info.scope), ("约谈事由", info.reason if info.is_interview else "")]
    return tuple((label, value) for label, value in lines if value)


def _issuer(ctx: ServiceContext) -> tuple[str, str]:
    info = station.get_station(ctx)
    return (info.name if info and info.name else "消防工作所"), (info.phone if info else "")


def sign_in_sheet_pdf(ctx: ServiceContext, session_uid: str) -> bytes:
    from fireoffice.services.training_attendance import list_attendees

    info = training.get_session(ctx, session_uid)
    people = list_attendees(ctx, session_uid)
    if not people:
        raise ValidationError("参加单位", "这次活动还没有邀请任何单位或人员：请先在“邀请单位”中选择单位，"
                                        "或用“现场补录”添加人员，再打印签到表")
    issuer, _phone = _issuer(ctx)
    invited = sum(1 for p in people if not p.walk_in)
    sheet = sign_in_sheet.SignInSheet(
        issuer=issuer, title=sheet_title(info), number=info.session_no, info=session_lines(info),
        rows=tuple(sign_in_sheet.SheetRow(p.unit_name, p.person_name, p.position, p.phone) for p in people),
        summary=f"应到 {invited} 人　实到＿＿＿人　请假＿＿＿人　缺席＿＿＿人　现场补录＿＿＿人")
    return sign_in_sheet.render(sheet)


def notices_pdf(ctx: ServiceContext, session_uid: str, interview_uids: Sequence[str] | None = None,
                issued_on: date | None = None) -> bytes:
    """约谈通知书 of the chosen units; those without a number get one now (type 约, gap-free).

    Reprinting notices that all have their number is a read, open to every role that may see them.
    """
    with ctx.db.read() as s:
        numbering_needed = any(not r.notice_no for r in training_interviews.records_of(s, session_uid,
                                                                                          interview_uids))
    if numbering_needed:
        require(ctx, "training.edit")  # numbering the notices is a write
    issued_on = issued_on or date.today()
    issuer, phone = _issuer(ctx)
    with ctx.db.write() if numbering_needed else ctx.db.read() as s:
        records = training_interviews.records_of(s, session_uid, interview_uids)
        if numbering_needed:
            training_interviews.issue_notices(s, ctx.actor.username, records, issued_on)
        sess = s.get(TrainingSession, records[0].session_id)
        contact = sess.trainer.replace("，", "、").split("、")[0]
        notices = []
        for r in records:
            unit = s.get(Unit, r.unit_id)
            notices.append(interview_docs.Notice(
                issuer, r.notice_no, unit.name, r.interviewee, r.interviewee_position, r.reason or sess.reason,
                when_text(sess.held_on, sess.start_time, sess.end_time), sess.place, sess.video_link,
                r.documents_to_bring, contact, phone, r.notice_issued_on))
    return interview_docs.notices_pdf(notices)


def records_pdf(ctx: ServiceContext, session_uid: str, interview_uids: Sequence[str] | None = None) -> bytes:
    issuer, _phone = _issuer(ctx)
    with ctx.db.read() as s:
        docs = []
        for r in training_interviews.records_of(s, session_uid, interview_uids):
            sess, unit = s.get(TrainingSession, r.session_id), s.get(Unit, r.unit_id)
            hazards = s.execute(select(Hazard).join(InterviewHazard, InterviewHazard.hazard_id == Hazard.id)
                                .where(InterviewHazard.interview_id == r.id).order_by(Hazard.found_on)).scalars()
            problems = [f"{h.hazard_no} {h.location}：{h.description}（整改期限 {h.deadline}，{h.state}）"
                        for h in hazards]
            problems += [line.strip() for line in r.problems.splitlines() if line.strip()]
            docs.append(interview_docs.RecordDoc(
                issuer, r.notice_no, when_text(sess.held_on, sess.start_time, sess.end_time),
                sess.place or sess.video_link, sess.kind, sess.trainer, unit.name, unit.address, r.interviewee,
                r.interviewee_position, r.interviewee_phone, r.reason or sess.reason, tuple(problems),
                r.commitments, r.rectify_by, r.pledge_signed))
    return interview_docs.records_pdf(docs)


def pledges_pdf(ctx: ServiceContext, session_uid: str, unit_uids: Sequence[str] | None = None) -> bytes:
    """A 消防安全承诺书 filled in for each unit on the session's list (or the chosen ones)."""
    issuer, _phone = _issuer(ctx)
    with ctx.db.read() as s:
        sess = training.load(s, session_uid)
        q = (select(Unit).where(Unit.id.in_(select(TrainingAttendee.unit_id)
                                            .where(TrainingAttendee.session_id == sess.id))).order_by(Unit.name))
        if unit_uids is not None:
            q = q.where(Unit.uid.in_(list(unit_uids)))
        units = s.execute(q).scalars().all()
        if not units:
            raise ValidationError("参加单位", "这次活动的名单里还没有台账中的单位，无法生成承诺书")
        pledges = [interview_docs.Pledge(issuer, u.name, u.address, u.resp_person or u.mgr_person) for u in units]
    return interview_docs.pledges_pdf(pledges)


def save(data: bytes, path: Path | str) -> Path:
    """Write a file atomically; a disk or permission problem becomes a plain message."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise StorageError(f"无法写入文件 {path}：{error.strerror or error}。请换一个文件夹，"
                           "或关闭正在打开这个文件的程序后重试。") from error
    return path
