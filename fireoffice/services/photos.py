"""Photos for records and hazards: stored in the database with their SHA-256, so backups and packages carry them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fireoffice import paths
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
    item_code: str = ""  # the checklist item the photo belongs to, if any


@dataclass(frozen=True)
class LoadedPhoto:
    """An image read back with the outcome of its SHA-256 check: the viewer shows it, and warns if it changed."""

    info: PhotoInfo
    data: bytes
    intact: bool
    actual_sha256: str
    problem: str = ""  # plain-Chinese warning when not intact


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


def info(row: Photo, item_code: str = "") -> PhotoInfo:
    return PhotoInfo(row.uid, row.sha256, row.mime, row.size, row.original_name, row.caption, row.phase,
                     row.created_at, item_code)


def _stored_bytes(row: Photo) -> bytes | None:
    """The bytes kept in the database, or in the data folder for a photo stored as a file."""
    if row.data is not None:
        return row.data
    if row.path:
        try:
            return (paths.data_dir() / row.path).read_bytes()
        except OSError:
            return None
    return None


def load_photo(ctx: ServiceContext, uid: str) -> LoadedPhoto:
    """The image and whether it still hashes to the SHA-256 recorded when it was added."""
    with ctx.db.read() as s:
        row = s.execute(select(Photo).where(Photo.uid == uid)).scalar()
        if row is None:
            raise NotFound("没有找到这张照片。")
        meta, data = info(row), _stored_bytes(row)
    if data is None:
        return LoadedPhoto(meta, b"", False, "", "照片文件找不到了（可能被移动或删除），无法核对。")
    actual = hashlib.sha256(data).hexdigest()
    if actual != meta.sha256:
        return LoadedPhoto(meta, data, False, actual,
                           f"警告：这张照片的内容与添加时登记的 SHA-256 校验值不符，可能已被修改或损坏，不能作为证据使用。"
                           f"登记值 {meta.sha256[:16]}…，现值 {actual[:16]}…")
    return LoadedPhoto(meta, data, True, actual)


PHASE_ORDER = {"检查": 0, "整改前": 0, "整改后": 1, "复查": 2}


def hazard_gallery(ctx: ServiceContext, hazard_uid: str) -> list[PhotoInfo]:
    """A hazard's photos, before (the inspection item's and 整改前) then after (整改后, 复查), oldest first."""
    from fireoffice.db.models import ChecklistResult, Hazard

    with ctx.db.read() as s:
        hazard_id = s.execute(select(Hazard.id).where(Hazard.uid == hazard_uid)).scalar()
        if hazard_id is None:
            raise NotFound("没有找到这条隐患（可能已被删除）。")
        result_ids = select(ChecklistResult.id).where(ChecklistResult.hazard_id == hazard_id)
        rows = s.execute(select(Photo, ChecklistResult.code).outerjoin(ChecklistResult, ChecklistResult.id == Photo.result_id)
                         .where(or_(Photo.hazard_id == hazard_id, Photo.result_id.in_(result_ids)))
                         .order_by(Photo.id)).all()
        out = [info(p, code or "") for p, code in rows]
    return sorted(out, key=lambda p: PHASE_ORDER.get(p.phase, 3))


def inspection_gallery(ctx: ServiceContext, inspection_uid: str) -> list[PhotoInfo]:
    """An inspection's photos: the record's own first, then each checklist item's, in item order."""
    from fireoffice.db.models import ChecklistResult, Inspection

    with ctx.db.read() as s:
        inspection_id = s.execute(select(Inspection.id).where(Inspection.uid == inspection_uid)).scalar()
        if inspection_id is None:
            raise NotFound("没有找到这份检查记录。")
        rows = s.execute(select(Photo, ChecklistResult.code, ChecklistResult.position)
                         .outerjoin(ChecklistResult, ChecklistResult.id == Photo.result_id)
                         .where(Photo.inspection_id == inspection_id).order_by(Photo.id)).all()
        ordered = sorted(rows, key=lambda r: (-1 if r[2] is None else r[2], r[0].id))
        return [info(p, code or "") for p, code, _pos in ordered]


def photo_bytes(ctx: ServiceContext, uid: str) -> tuple[PhotoInfo, bytes]:
    """The image and its metadata; refuses an image whose bytes no longer match the stored SHA-256."""
    with ctx.db.read() as s:
        row = s.execute(select(Photo).where(Photo.uid == uid)).scalar()
        if row is None:
            raise NotFound("没有找到这张照片。")
        data = _stored_bytes(row) or b""
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
