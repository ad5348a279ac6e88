"""The hazard closed loop's steps as small forms, one service call each (hazard_flow, major_hazards, hazards).

Each action names the state-machine transition it needs, so the dialog can disable it with the service's own
sentence as the reason (hazards.check_transition) instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QWidget

from fireoffice.services import hazard_flow, hazards, major_hazards, officers
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict
from fireoffice.services.hazards import HazardInfo
from fireoffice.services.photos import PHASES
from fireoffice.ui.widgets.quick_form import Field, photo_inputs, run_form


@dataclass(frozen=True)
class Action:
    key: str  # also the HazardActions method that runs it
    label: str  # source string, context HazardActions
    permission: str
    transition: str | None  # hazards.TRANSITIONS key the current state must allow
    major_step: str | None = None  # major_hazards.STEPS key (or "判定")


def _pairs(values) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class HazardActions(QObject):
    """One method per action: (hazard) → the service's result, or None when cancelled."""

    def __init__(self, ctx: ServiceContext, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.parent_ = ctx, parent

    def _form(self, title: str, fields: list[Field], submit, intro: str = ""):
        return run_form(self.parent_, title, fields, submit, intro)

    def _enforcers(self) -> list[tuple[str, str]]:
        return [(p.name, p.uid) for p in officers.list_officers(self.ctx, enforcers_only=True)]

    def apply_extension(self, h: HazardInfo):
        fields = [Field("applied_on", self.tr("Applied on"), "date"),
                  Field("until", self.tr("Extend to"), "date", h.deadline + timedelta(days=7)),
                  Field("reason", self.tr("Reason given by the unit"), "multiline")]
        return self._form(self.tr("Extension application"), fields, lambda v: hazard_flow.apply_extension(
            self.ctx, h.uid, v["applied_on"], v["until"], v["reason"]))

    def decide_extension(self, h: HazardInfo):
        pending = [e for e in hazard_flow.list_extensions(self.ctx, h.uid) if e.decision == "待审批"]
        if not pending:
            raise Conflict(self.tr("This hazard has no extension application waiting for a decision."))
        ext = pending[0]
        intro = self.tr("Applied on {day} for {until}: {reason}. Decide by {due}.").format(
            day=ext.applied_on, until=ext.requested_deadline, reason=ext.reason, due=ext.decision_due)
        fields = [Field("approve", self.tr("Decision"), "choice", True,
                        [(self.tr("Agree (同意延期)"), True), (self.tr("Refuse (不同意延期)"), False)]),
                  Field("decided_on", self.tr("Decided on"), "date"),
                  Field("until", self.tr("New deadline (if agreed)"), "date", ext.requested_deadline),
                  Field("refusal", self.tr("Reason for refusing")), Field("doc_no", self.tr("Document no"))]
        return self._form(self.tr("Decide the extension"), fields, lambda v: hazard_flow.decide_extension(
            self.ctx, ext.uid, v["approve"], v["decided_on"], v["until"], v["refusal"], v["doc_no"]), intro)

    def apply_recheck(self, h: HazardInfo):
        return self._form(self.tr("The unit applies for a recheck"), [Field("on", self.tr("Applied on"), "date")],
                          lambda v: hazard_flow.apply_recheck(self.ctx, h.uid, v["on"]))

    def recheck(self, h: HazardInfo):
        fields = [Field("on", self.tr("Rechecked on"), "date"),
                  Field("pair", self.tr("Officers (two)"), "pair", choices=self._enforcers()),
                  Field("result", self.tr("Result"), "choice", "已改正", _pairs(hazard_flow.RECHECK_RESULTS)),
                  Field("note", self.tr("Note")), Field("opinion_no", self.tr("Recheck opinion no")),
                  Field("photos", self.tr("Photos"), "files")]
        return self._form(self.tr("Recheck (复查)"), fields, lambda v: hazard_flow.record_recheck(
            self.ctx, h.uid, hazard_flow.RecheckInput(v["on"], v["pair"], v["result"], v["note"], v["opinion_no"],
                                                      photos=photo_inputs(v["photos"]))))

    def close(self, h: HazardInfo):
        heads = [(p.name, p.uid) for p in officers.list_officers(self.ctx) if p.role == "所长" and p.active]
        fields = [Field("on", self.tr("Closed on"), "date"),
                  Field("approver", self.tr("Approved by (station head)"), "choice", heads[0][1] if heads else None,
                        heads),
                  Field("photos", self.tr("Evidence: photos after rectification"), "files"),
                  Field("note", self.tr("Note"))]
        return self._form(self.tr("Close with evidence, without a recheck"), fields,
                          lambda v: hazard_flow.close_with_evidence(self.ctx, h.uid, v["on"], v["approver"] or "",
                                                                    photo_inputs(v["photos"]), v["note"]))

    def escalate(self, h: HazardInfo):
        fields = [Field("kind", self.tr("Measure"), "choice", hazards.ESCALATIONS[0], _pairs(hazards.ESCALATIONS)),
                  Field("on", self.tr("Date"), "date"), Field("note", self.tr("Note")),
                  Field("ref", self.tr("Case or document no"))]
        return self._form(self.tr("Escalate"), fields, lambda v: hazard_flow.escalate(
            self.ctx, h.uid, v["kind"], v["on"], v["note"], v["ref"]))

    def reset(self, h: HazardInfo):
        fields = [Field("on", self.tr("Date"), "date"),
                  Field("until", self.tr("New deadline"), "date", date.today() + timedelta(days=7)),
                  Field("reason", self.tr("Reason"), "multiline")]
        return self._form(self.tr("Order again with a new deadline"), fields, lambda v: hazard_flow.reset_deadline(
            self.ctx, h.uid, v["on"], v["until"], v["reason"]))

    def transfer(self, h: HazardInfo):
        fields = [Field("on", self.tr("Date"), "date"),
                  Field("note", self.tr("Transferred to, and why"), "multiline")]
        return self._form(self.tr("Transfer to the brigade"), fields,
                          lambda v: hazard_flow.transfer(self.ctx, h.uid, v["on"], v["note"]))

    def photos(self, h: HazardInfo):
        fields = [Field("phase", self.tr("Phase"), "choice", "整改后", _pairs(p for p in PHASES if p != "检查")),
                  Field("photos", self.tr("Photos"), "files")]
        return self._form(self.tr("Add photos"), fields, lambda v: hazards.add_photos(
            self.ctx, h.uid, photo_inputs(v["photos"]), v["phase"]))

    def determine(self, h: HazardInfo):
        fields = [Field("method", self.tr("Method"), "choice", major_hazards.METHODS[0],
                        _pairs(major_hazards.METHODS)),
                  Field("mode", self.tr("Form"), "choice", "集体讨论", _pairs(major_hazards.MODES)),
                  Field("people", self.tr("Participants (one per line)"), "multiline"),
                  Field("votes", self.tr("Agreeing"), "int", 0, maximum=99),
                  Field("on", self.tr("Concluded on"), "date"), Field("measures", self.tr("Measures"), "multiline"),
                  Field("deadline", self.tr("Rectification deadline"), "date", h.deadline),
                  Field("elements", self.tr("Element codes (GB 35181)"))]

        def submit(v):
            people = tuple(p.strip() for p in v["people"].replace("、", "\n").splitlines() if p.strip())
            return major_hazards.determine(self.ctx, h.uid, major_hazards.DeterminationInput(
                v["method"], v["mode"], people, v["votes"], v["on"], v["measures"], v["deadline"], v["elements"]))
        return self._form(self.tr("Determine a major fire hazard"), fields, submit,
                          self.tr("≥3 people in a collective discussion or ≥7 experts; ≥2/3 agreeing makes it 重大."))

    def report(self, h: HazardInfo):
        fields = [Field("on", self.tr("Reported on"), "date"), Field("doc", self.tr("Report document no"))]
        return self._form(self.tr("Report to the government"), fields,
                          lambda v: major_hazards.report_to_government(self.ctx, h.uid, v["on"], v["doc"]))

    def supervise(self, h: HazardInfo):
        fields = [Field("on", self.tr("Date"), "date"), Field("by", self.tr("Supervised by"))]
        return self._form(self.tr("Listed for supervision (挂牌督办)"), fields,
                          lambda v: major_hazards.supervise(self.ctx, h.uid, v["on"], v["by"]))

    def close_case(self, h: HazardInfo):
        return self._form(self.tr("Close the major-hazard case"), [Field("on", self.tr("Closed on"), "date")],
                          lambda v: major_hazards.close_case(self.ctx, h.uid, v["on"]))

    def refusal(self, action: Action, h: HazardInfo) -> str | None:
        """Why the action cannot start from the hazard's present state (None = it can): the state machine's own
        sentence for the closed loop; the stage table for the 重大 workflow."""
        if action.transition:
            try:
                hazards.check_transition(h.state, action.transition)
            except Conflict as error:
                return str(error)
        if action.major_step == "判定" and not (h.severity == "重大" and h.major_stage == "拟判定"):
            return self.tr("Only a 重大 hazard awaiting determination (拟判定) can be determined.")
        if action.major_step in major_hazards.STEPS:
            starts = major_hazards.STEPS[action.major_step][0]
            if h.major_stage not in starts:
                return self.tr("Needs the major-hazard stage {stages} (now: {now}).").format(
                    stages="、".join(sorted(starts)), now=h.major_stage or "—")
        return None


ACTIONS = (
    Action("recheck", QT_TRANSLATE_NOOP("HazardActions", "Recheck…"), "hazards.manage", "复查合格"),
    Action("apply_recheck", QT_TRANSLATE_NOOP("HazardActions", "Unit applies for recheck…"), "hazards.manage",
           "申请复查"),
    Action("apply_extension", QT_TRANSLATE_NOOP("HazardActions", "Extension application…"), "hazards.manage",
           "申请延期"),
    Action("decide_extension", QT_TRANSLATE_NOOP("HazardActions", "Decide extension…"), "hazards.manage", "同意延期"),
    Action("close", QT_TRANSLATE_NOOP("HazardActions", "Close with evidence…"), "hazards.approve", "证据销号"),
    Action("escalate", QT_TRANSLATE_NOOP("HazardActions", "Escalate…"), "hazards.manage", "升级处置"),
    Action("reset", QT_TRANSLATE_NOOP("HazardActions", "New deadline…"), "hazards.manage", "重新限期"),
    Action("transfer", QT_TRANSLATE_NOOP("HazardActions", "Transfer…"), "hazards.manage", "移送"),
    Action("photos", QT_TRANSLATE_NOOP("HazardActions", "Add photos…"), "hazards.report", None),
    Action("determine", QT_TRANSLATE_NOOP("HazardActions", "Determine major hazard…"), "hazards.approve", None, "判定"),
    Action("report", QT_TRANSLATE_NOOP("HazardActions", "Report to government…"), "hazards.manage", None, "报政府"),
    Action("supervise", QT_TRANSLATE_NOOP("HazardActions", "Supervision listed…"), "hazards.manage", None, "挂牌督办"),
    Action("close_case", QT_TRANSLATE_NOOP("HazardActions", "Close major case…"), "hazards.manage", None, "销案"),
)
