"""Photos for records and hazards: stored in the database with their SHA-256, so backups and packages carry them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Photo
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound, ValidationError

MAX_BYTES = 20 * 1024 * 1024
PHASES = ("检查", "整改前", "整改后", "复查")
_SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"GIF8", "image/gif"),
               (b"BM", "image/bmp"))


@dataclass(frozen=True)
class PhotoInput:
    data: bytes
    name: str = ""
    caption: str = ""


@dataclass(frozen=True)
class PhotoInfo:
    uid: str
    sha256: str
    mime: str
    size: int
    name: str
    caption: str
    phase: str
    created_at: datetime


def sniff_mime(data: bytes) -> str | None:
    for magic, mime in _SIGNATURES:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1"):
        return "image/heic"  # phones' default format
    return None


def validate_photos(photos: Sequence[PhotoInput], field: str = "照片") -> None:
    for n, photo in enumerate(photos, 1):
        if not photo.data:
            raise ValidationError(field, f"第 {n} 张照片是空文件")
        if len(photo.data) > MAX_BYTES:
            raise ValidationError(field, f"第 {n} 张照片超过 20 MB，请压缩后再添加")
        if sniff_mime(photo.data) is None:
            raise ValidationError(field, f"第 {n} 张{('（' + photo.name + '）') if photo.name else ''}不是可识别的图片")


def store(session: Session, actor: str, photos: Sequence[PhotoInput], phase: str, *,
          inspection_id: int | None = None, result_id: int | None = None, hazard_id: int | None = None,
          recheck_id: int | None = None) -> list[Photo]:
    """Attach already-validated photos to their owner, in the caller's transaction."""
    if phase not in PHASES:
        raise ValidationError("照片类型", "只能是 " + "、".join(PHASES))
    rows = [Photo(sha256=hashlib.sha256(p.data).hexdigest(), mime=sniff_mime(p.data) or "application/octet-stream",
                  size=len(p.data), original_name=p.name[:200], data=p.data, phase=phase, caption=p.caption[:200],
                  inspection_id=inspection_id, result_id=result_id, hazard_id=hazard_id, recheck_id=recheck_id,
                  created_by=actor) for p in photos]
    session.add_all(rows)
    session.flush()
    return rows


def info(row: Photo) -> PhotoInfo:
    return PhotoInfo(row.uid, row.sha256, row.mime, row.size, row.original_name, row.caption, row.phase,
                     row.created_at)


def photo_bytes(ctx: ServiceContext, uid: str) -> tuple[PhotoInfo, bytes]:
    """The image and its metadata; refuses an image whose bytes no longer match the stored SHA-256."""
    with ctx.db.read() as s:
        row = s.execute(select(Photo).where(Photo.uid == uid)).scalar()
        if row is None:
            raise NotFound("没有找到这张照片。")
        data = row.data or b""
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise ValidationError("照片", "照片内容与登记的校验值不符，可能已损坏或被替换")
        return info(row), data


def damaged_photos(ctx: ServiceContext) -> list[str]:
    """uids of photos whose bytes do not hash to their SHA-256 (for the database check)."""
    bad = []
    with ctx.db.read() as s:
        for uid, sha, data in s.execute(select(Photo.uid, Photo.sha256, Photo.data)).yield_per(200):
            if hashlib.sha256(data or b"").hexdigest() != sha:
                bad.append(uid)
    return bad
