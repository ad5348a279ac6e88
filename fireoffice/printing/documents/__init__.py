"""Official enforcement document PDFs: one module per family, shared blocks in `common`."""

from __future__ import annotations

from fireoffice.printing.documents import common, notice_record, notices, penalties, records
from fireoffice.printing.documents.common import Body, MissingGlyphs, PrintOptions, Source

FAMILIES = {"notice": notices, "penalty": penalties, "record": records, "notice_record": notice_record}

__all__ = ["Body", "MissingGlyphs", "PrintOptions", "Source", "compose", "render"]


def compose(family: str, src: Source) -> Body:
    return FAMILIES[family].compose(src)


def render(family: str, src: Source, opts: PrintOptions = PrintOptions()) -> bytes:
    return common.render(src, compose(family, src), opts)
