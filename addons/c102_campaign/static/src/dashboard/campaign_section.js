/** @odoo-module **/
// The C102 campaign on a dashboard: ratifications against the target, countries
// per stage, the outlook and the map. Shown on the partnership dashboard (section
// registry) and as the campaign dashboard (client action c102_campaign_dashboard).
import { Component, markup } from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatFloat } from "@web/core/utils/numbers";
import { IloDashboardChart } from "@ilo_issa_partnership/dashboard/dashboard_chart";
import { IloDashboardFigure } from "@ilo_issa_partnership/dashboard/dashboard_figure";
import {
    formatCount,
    formatPercent,
} from "@ilo_issa_partnership/dashboard/dashboard_format";
import { IloPartnershipDashboard } from "@ilo_issa_partnership/dashboard/partnership_dashboard";

export class C102CampaignSection extends Component {
    static template = "c102_campaign.CampaignSection";
    static components = { IloDashboardChart, IloDashboardFigure };
    static props = {
        data: Object,
        openList: Function,
        openRecord: Function,
        coverage: { type: Boolean, optional: true },
    };

    get campaign() {
        return this.props.data.campaign;
    }

    get map() {
        return markup(this.campaign.map);
    }

    get coverageMap() {
        return markup(this.campaign.coverage_map);
    }

    formatDate(value) {
        return formatDate(deserializeDate(value));
    }

    /** A share (0–1) as a percentage in the user's number format ("8,5 %" in French). */
    percent(value) {
        return formatPercent(100 * value);
    }

    /** Ratifications against the target ("63 / 80"), counts in the user's format. */
    get ratifiedValue() {
        const figures = this.campaign.figures;
        return `${formatCount(figures.ratified_count)} / ${formatCount(figures.target)}`;
    }

    /** The expected ratifications and their interval ("63,1 (60–66)" in French). */
    get expectedValue() {
        const { expected, low, high } = this.campaign.outlook;
        const value = formatFloat(expected, { digits: [false, 1] });
        return `${value} (${formatCount(low)}–${formatCount(high)})`;
    }

    openCountries(figure, name) {
        return this.props.openList("c102.country", this.campaign.domains[figure], name);
    }

    openStage(domain, name) {
        return this.props.openList("c102.country", domain, name);
    }

    get labels() {
        return {
            ratified_count: _t("Ratifications"),
            ready_count: _t("Ready to ratify"),
            in_campaign_count: _t("Countries engaged"),
            outlook: _t("Most likely to ratify next"),
        };
    }
}

export class C102CampaignDashboard extends IloPartnershipDashboard {
    static template = "c102_campaign.CampaignDashboard";
    static components = { ...IloPartnershipDashboard.components, C102CampaignSection };
    static dataModel = "c102.campaign.dashboard";
}

registry.category("ilo_dashboard_sections").add("c102_campaign", C102CampaignSection);
registry.category("actions").add("c102_campaign_dashboard", C102CampaignDashboard);
