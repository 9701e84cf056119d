/** @odoo-module **/
// The partnership dashboard: a client action fed by one RPC
// (ilo.partnership.dashboard.get_dashboard_data); each figure, bar and line opens
// the records behind it. Other addons add sections through the
// "ilo_dashboard_sections" registry (a component receiving the data and openList).
import { Component, onWillStart, useState } from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatMonetary } from "@web/views/fields/formatters";
import { Layout } from "@web/search/layout";
import { IloDashboardChart } from "./dashboard_chart";
import { IloDashboardFigure } from "./dashboard_figure";
import { formatCount, formatPercent } from "./dashboard_format";

export class IloPartnershipDashboard extends Component {
    static template = "ilo_issa_partnership.PartnershipDashboard";
    static components = { Layout, IloDashboardChart, IloDashboardFigure };
    static props = ["*"];
    // the model whose get_dashboard_data feeds the action
    static dataModel = "ilo.partnership.dashboard";

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null });
        this.sections = registry.category("ilo_dashboard_sections").getAll();
        onWillStart(async () => {
            this.state.data = await this.orm.call(
                this.constructor.dataModel,
                "get_dashboard_data",
                []
            );
        });
    }

    /** Opens the records of ``resModel`` matching ``domain`` as a list. */
    openList(resModel, domain, name) {
        return this.action.doAction({
            type: "ir.actions.act_window",
            name,
            res_model: resModel,
            domain,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            target: "current",
        });
    }

    openRecord(resModel, resId) {
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: resModel,
            res_id: resId,
            views: [[false, "form"]],
            target: "current",
        });
    }

    openAction(xmlid) {
        return this.action.doAction(xmlid);
    }

    openActivities() {
        return this.openList("ilo.partnership.analysis", [], _t("Activities"));
    }

    openLate() {
        return this.openList(
            "ilo.deliverable",
            [["is_late", "=", true]],
            _t("Late deliverables")
        );
    }

    openTrained() {
        return this.openList(
            "ilo.training.participant",
            this.state.data.participants.domain,
            _t("People trained")
        );
    }

    openDelivery(domain, name) {
        return this.openList("ilo.partnership.analysis", domain, name);
    }

    openParticipants(domain, name) {
        return this.openList("ilo.training.participant", domain, name);
    }

    openProjects(domain, name) {
        return this.openList("project.project", domain, name);
    }

    openBudget(domain, name) {
        return this.openList("ilo.budget.line", domain, name);
    }

    // numbers and dates in the user's format (the server sends numbers)
    formatCount(value) {
        return formatCount(value);
    }

    formatPercent(value) {
        return formatPercent(value);
    }

    formatDate(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    formatMoney(value, currencyId) {
        return formatMonetary(value, { currencyId });
    }

    get statusClass() {
        return { on_track: "success", at_risk: "warning", off_track: "danger" };
    }
}

registry.category("actions").add("ilo_partnership_dashboard", IloPartnershipDashboard);
