/** @odoo-module **/
// The dashboards' figures in the user's number format: the server sends numbers,
// the client formats them ("8,5 %", "1 673" in French).
import { formatFloat } from "@web/core/utils/numbers";

/** A count ("1 673" in French). */
export function formatCount(value) {
    return formatFloat(value || 0, { digits: [false, 0] });
}

/** A percentage (0–100) with one decimal ("8,5 %" in French). */
export function formatPercent(value) {
    return `${formatFloat(value || 0, { digits: [false, 1] })} %`;
}
