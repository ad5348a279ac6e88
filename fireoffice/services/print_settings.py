"""打印设置: the fonts documents print in (the station's official fonts that were found, or the bundled one), the
offsets for pre-printed form paper, and the calibration page that measures them. Kept in `app_setting`."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from fireoffice.db.models import AppSetting
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents_pdf import PRINT_SETTING, print_options
from fireoffice.services.errors import ValidationError
from fireoffice.services.permissions import require

MAX_OFFSET_MM = 20.0  # more than 2 cm off means the wrong paper or tray, not a printer's margin
BODY_ROLES = ("fangsong", "songti", "kaiti", "heiti")
TITLE_ROLES = ("xiaobiaosong", "heiti", "songti", "fangsong", "kaiti")


@dataclass(frozen=True)
class FontChoice:
    key: str  # stored value: a role ("fangsong" …) or "bundled"
    label: str  # 仿宋, 方正小标宋, 文泉驿微米黑（内置）
    file: str  # the installed file it prints with; '' for the bundled font


@dataclass(frozen=True)
class PrintSettings:
    body_font: str
    title_font: str
    offset_x_mm: float  # right (+) / left (−)
    offset_y_mm: float  # down (+) / up (−)


def font_choices(kind: str) -> list[FontChoice]:
    """Installed official fonts for the body ("body") or the title ("title"), then the bundled fallback."""
    from fireoffice.printing import fonts

    found = fonts.installed()
    roles = BODY_ROLES if kind == "body" else TITLE_ROLES
    out = [FontChoice(role, fonts.LABELS[role], str(found[role])) for role in roles if role in found]
    return [*out, FontChoice(fonts.BUNDLED_ROLE, fonts.LABELS[fonts.BUNDLED_ROLE], "")]


def get_settings(ctx: ServiceContext) -> PrintSettings:
    """What is saved; a saved font that is no longer installed shows as the bundled one (that is what prints)."""
    with ctx.db.read() as s:
        opts = print_options(s)
    body = {c.key for c in font_choices("body")}
    title = {c.key for c in font_choices("title")}
    return PrintSettings(opts.body_font if opts.body_font in body else "bundled",
                         opts.title_font if opts.title_font in title else "bundled",
                         float(opts.offset_mm[0]), float(opts.offset_mm[1]))


def _validate(body_font: str, title_font: str, x: float, y: float) -> None:
    if body_font not in {c.key for c in font_choices("body")}:
        raise ValidationError("正文字体", "本机没有安装这种字体，请从列表中选择")
    if title_font not in {c.key for c in font_choices("title")}:
        raise ValidationError("标题字体", "本机没有安装这种字体，请从列表中选择")
    for field, value in (("左右偏移", x), ("上下偏移", y)):
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise ValidationError(field, "请填写数字（毫米）")
        if abs(value) > MAX_OFFSET_MM:
            raise ValidationError(field, f"偏移不能超过 ±{MAX_OFFSET_MM:g} mm")


def save_settings(ctx: ServiceContext, body_font: str, title_font: str, offset_x_mm: float,
                  offset_y_mm: float) -> PrintSettings:
    require(ctx, "station.edit")
    _validate(body_font, title_font, offset_x_mm, offset_y_mm)
    x, y = round(float(offset_x_mm), 1), round(float(offset_y_mm), 1)
    with ctx.db.write() as s:
        row = s.get(AppSetting, PRINT_SETTING)
        before = json.loads(row.value) if row is not None and row.value not in ("", "null") else None
        after = {"body_font": body_font, "title_font": title_font, "offset_mm": [x, y]}
        if row is None:
            row = AppSetting(key=PRINT_SETTING)
            s.add(row)
        row.value = json.dumps(after)
        audit.record(s, ctx.actor.username, "修改文书打印设置", "app_setting", PRINT_SETTING, before, after)
    return PrintSettings(body_font, title_font, x, y)


def calibration_pdf(ctx: ServiceContext, offset_x_mm: float | None = None, offset_y_mm: float | None = None) -> bytes:
    """The calibration page at the given offsets (the saved ones when not given): mm rulers along the 版心 and
    crosses at its corners, to lay over a pre-printed form against the light."""
    from fireoffice.printing.documents import calibration

    saved = get_settings(ctx)
    x = saved.offset_x_mm if offset_x_mm is None else offset_x_mm
    y = saved.offset_y_mm if offset_y_mm is None else offset_y_mm
    _validate(saved.body_font, saved.title_font, x, y)
    return calibration.render((x, y))
