"""#8 item 6: 身份证号 masked on screens and in exports unless the role holds privacy.view_id_numbers."""

from __future__ import annotations

from dataclasses import replace

import openpyxl

from fireoffice.services import audit, audit_query, privacy, unit_export, unit_query, units
from fireoffice.services.context import Actor
from fireoffice.services.permissions import PERMISSIONS
from fireoffice.services.unit_query import UnitQuery
from tests.services.insp_helpers import make_units

PERSON_ID = "110105199003071234"
MASKED = "110105********1234"


def _as(ctx, role: str):
    return replace(ctx, actor=Actor(f"u-{role}", f"{role}甲", role))


def test_masking_rules():
    assert privacy.mask_id_number(PERSON_ID) == MASKED
    assert privacy.mask_id_number(f"当事人身份证号{PERSON_ID[:-1]}X。") == f"当事人身份证号{MASKED[:-1]}X。"
    assert privacy.mask_id_number("91140100MA0L2K3X4W") == "91140100MA0L2K3X4W"  # a 统一社会信用代码 stays
    assert privacy.mask_id_number("913201001234567890") == "913201001234567890"  # all digits, no birth date
    assert privacy.mask_id_number("订单号 1101051990030712345") == "订单号 1101051990030712345"  # 19 digits
    assert PERMISSIONS["privacy.view_id_numbers"][1] == {"管理员", "所长", "执法人员"}


def test_register_list_form_and_export_mask_a_personal_id(ctx, tmp_path):
    uid = make_units(ctx, 1, prefix="个体户张三小卖部", uscc=PERSON_ID)[0]
    for role, listed, form in (("只读", MASKED, MASKED), ("文员", MASKED, PERSON_ID),
                               ("执法人员", PERSON_ID, PERSON_ID), ("本机", PERSON_ID, PERSON_ID)):
        who = _as(ctx, role)
        assert unit_query.list_units(who, UnitQuery())[0].uscc == listed, role
        ids = unit_query.list_ids(who, UnitQuery())
        assert unit_query.rows_by_ids(who, ids)[0].uscc == listed, role
        # a clerk who may edit the unit keeps the real value in the form (saving a masked one would destroy it)
        assert units.get_unit(who, uid).values["uscc"] == form, role
    for role, expected in (("只读", MASKED), ("所长", PERSON_ID)):
        path = tmp_path / f"{role}.xlsx"
        unit_export.export_units(_as(ctx, role), path)
        cells = [c.value for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
        assert expected in cells and (PERSON_ID in cells) == (expected == PERSON_ID), role


def test_audit_list_masks_identity_numbers_for_viewers(ctx):
    with ctx.db.write() as s:
        audit.record(s, "tester", "修改文书", "enforcement_document", "d1", {"party_id": ""},
                     {"party_id": PERSON_ID, "phone": "13912345678"})
    viewer = audit_query.page(_as(ctx, "只读"))[0]
    assert MASKED in viewer.after and PERSON_ID not in viewer.after and "139****5678" in viewer.after
    head = audit_query.page(_as(ctx, "所长"))[0]
    assert PERSON_ID in head.after


def test_record_fields_helper_for_read_only_views(ctx):
    values = {"party_kind": "个人", "party_id": PERSON_ID, "facts": f"张三（身份证号{PERSON_ID}）", "fine": 500}
    masked = privacy.fields(_as(ctx, "协管员"), values)
    assert masked["party_id"] == MASKED and MASKED in masked["facts"] and masked["fine"] == 500
    assert privacy.fields(_as(ctx, "执法人员"), values) == values


def test_a_document_party_id_is_masked_for_those_who_neither_draft_nor_need_it(ctx):
    from fireoffice.services import documents
    from tests.services.doc_helpers import world

    w = world(ctx)
    uid = documents.create_draft(w.ctx, "行政处罚告知书", unit_uid=w.unit, fields={
        "party_kind": "个人", "party": "吴喆", "party_id": "110105199001011234"}).uid
    assert documents.get_document(_as(ctx, "只读"), uid).fields["party_id"] == "110105********1234"
    assert documents.get_document(_as(ctx, "网格员"), uid).fields["party_id"] == "110105********1234"
    # a clerk who drafts must see (and so never save back) the real number
    assert documents.get_document(_as(ctx, "文员"), uid).fields["party_id"] == "110105199001011234"
