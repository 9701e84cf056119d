/** @odoo-module **/
// A dashboard figure: a card with a number and its label (the default slot); a
// click opens the records behind it.
import { Component } from "@odoo/owl";

export class IloDashboardFigure extends Component {
    static template = "ilo_issa_partnership.DashboardFigure";
    static props = {
        name: String,
        value: [Number, String],
        onClick: Function,
        valueClass: { type: String, optional: true },
        slots: Object,
    };
}
