"""Evidence of a session (domain.md §7.2: 签到表 + 课件 + 现场照片): files kept in the database with their SHA-256."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from fireoffice.db.models import TrainingAttachment
from fireoffice.services import audit, training
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.photos import sniff_mime

KINDS = ("课件", "照片", "签到表", "其他")
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentInfo:
    uid: str
    kind: str
    name: str
    mime: str
    size: int
    sha256: str
    created_at: datetime
    created_by: str


def _info(a: TrainingAttachment) -> AttachmentInfo:
    return AttachmentInfo(a.uid, a.kind, a.original_name, a.mime, a.size, a.sha256, a.created_at, a.created_by)


def list_attachments(ctx: ServiceContext, session_uid: str) -> list[AttachmentInfo]:
    with ctx.db.read() as s:
        sess = training.load(s, session_uid)
        # Only the columns a list needs: never load every file's bytes to show their names.
        cols = (TrainingAttachment.uid, TrainingAttachment.kind, TrainingAttachment.original_name,
                TrainingAttachment.mime, TrainingAttachment.size, TrainingAttachment.sha256,
                TrainingAttachment.created_at, TrainingAttachment.created_by)
        rows = s.execute(select(*cols).where(TrainingAttachment.session_id == sess.id)
                         .order_by(TrainingAttachment.id)).all()
        return [AttachmentInfo(*r) for r in rows]


def add_attachment(ctx: ServiceContext, session_uid: str, kind: str, name: str, data: bytes) -> AttachmentInfo:
    require(ctx, "training.edit")
    if kind not in KINDS:
        raise ValidationError("附件类型", "只能是 " + "、".join(KINDS))
    if not data:
        raise ValidationError("附件", f"“{name}”是空文件")
    if len(data) > MAX_BYTES:
        raise ValidationError("附件", f"“{name}”超过 {MAX_BYTES // 1024 // 1024} MB，请压缩后再添加")
    mime = sniff_mime(data)
    if kind == "照片" and mime is None:
        raise ValidationError("附件", f"“{name}”不是可识别的图片")
    mime = mime or mimetypes.guess_type(name)[0] or "application/octet-stream"
    digest = hashlib.sha256(data).hexdigest()
    with ctx.db.write() as s:
        sess = training.load(s, session_uid)
        same = s.execute(select(TrainingAttachment.original_name).where(
            TrainingAttachment.session_id == sess.id, TrainingAttachment.sha256 == digest)).scalar()
        if same is not None:
            raise ValidationError("附件", f"这个文件已经添加过（{same}），没有重复保存")
        a = TrainingAttachment(session_id=sess.id, kind=kind, original_name=name[-200:], mime=mime[:60],
                               size=len(data), sha256=digest, data=data, created_by=ctx.actor.username)
        s.add(a)
        s.flush()
        audit.record(s, ctx.actor.username, "添加培训附件", "training_attachment", a.uid, None,
                     {"session": sess.uid, "kind": kind, "name": name, "sha256": digest})
        return _info(a)


def attachment_data(ctx: ServiceContext, uid: str) -> tuple[str, bytes]:
    with ctx.db.read() as s:
        row = s.execute(select(TrainingAttachment.original_name, TrainingAttachment.data)
                        .where(TrainingAttachment.uid == uid)).first()
    if row is None:
        raise NotFound("没有找到这个附件（可能已被删除）。")
    return row[0], row[1]


def remove_attachment(ctx: ServiceContext, uid: str) -> None:
    require(ctx, "training.edit")
    with ctx.db.write() as s:
        a = s.execute(select(TrainingAttachment).where(TrainingAttachment.uid == uid)).scalar()
        if a is None:
            raise NotFound("没有找到这个附件（可能已被删除）。")
        audit.record(s, ctx.actor.username, "删除培训附件", "training_attachment", a.uid,
                     {"name": a.original_name, "sha256": a.sha256}, None)
        s.delete(a)
