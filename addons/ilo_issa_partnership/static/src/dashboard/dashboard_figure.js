/** @odoo-module **/
// A dashboard figure: a card with a number and its label (the default slot); a
// click opens the records behind it. A number is shown in the user's format.
import { Component } from "@odoo/owl";
import { formatCount } from "./dashboard_format";

export class IloDashboardFigure extends Component {
    static template = "ilo_issa_partnership.DashboardFigure";
    static props = {
        name: String,
        value: [Number, String],
        onClick: Function,
        valueClass: { type: String, optional: true },
        slots: Object,
    };

    /** A number as a count in the user's format; text (already formatted) as is. */
    get displayValue() {
        const value = this.props.value;
        return typeof value === "number" ? formatCount(value) : value;
    }
}
