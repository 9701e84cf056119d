/** Leadership on the partnership dashboard (client action): a figure and a bar of a
 * chart open the records behind them, as a filtered list. */
import {registry} from "@web/core/registry";

/** Clicks the first non-empty bar of the chart in the dashboard card ``name``. */
function clickFirstBar(name) {
    const canvas = document.querySelector(`.o_ilo_dashboard [name=${name}] canvas`);
    const chart = window.Chart.getChart(canvas);
    for (const [datasetIndex, dataset] of chart.data.datasets.entries()) {
        const index = dataset.data.findIndex((value) => value > 0);
        if (index >= 0) {
            const bar = chart.getDatasetMeta(datasetIndex).data[index];
            const rect = canvas.getBoundingClientRect();
            const {x, y} = bar.getCenterPoint();
            canvas.dispatchEvent(
                new MouseEvent("click", {
                    bubbles: true,
                    clientX: rect.left + x,
                    clientY: rect.top + y,
                })
            );
            return;
        }
    }
    throw new Error(`No bar to click in the ${name} chart`);
}

registry.category("web_tour.tours").add("ilo_dashboard_drilldown_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Leadership lands on the dashboard: figures, no record pager",
            trigger: ".o_ilo_dashboard .o_ilo_figure[data-figure=late_count]",
        },
        {
            trigger: ".o_control_panel:not(:has(.o_pager))",
        },
        {
            content: "Leadership sees the money",
            trigger: ".o_ilo_dashboard [name=spend] .o_ilo_spend",
        },
        {
            content: "The map of the campaign, when the campaign is installed, or none",
            trigger: ".o_ilo_dashboard",
        },
        {
            content: "The late deliverables figure opens them",
            trigger: ".o_ilo_dashboard .o_ilo_figure[data-figure=late_count]",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row .o_data_cell:contains(Tour late deliverable)",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "A bar of people trained opens those participants",
            trigger: ".o_ilo_dashboard [name=participants] canvas",
            run() {
                clickFirstBar("participants");
            },
        },
        {
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "The list is the bar's: one group and sex",
            trigger: ".o_breadcrumb .active:contains( – )",
        },
    ],
});

/** Throws unless the text of ``selector`` matches ``pattern``. */
function checkText(selector, pattern) {
    const text = document.querySelector(selector).textContent.trim();
    if (!pattern.test(text)) {
        throw new Error(`${selector} reads "${text}", not ${pattern}`);
    }
}

registry.category("web_tour.tours").add("ilo_dashboard_french_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "A share in the French number format: decimal comma, space before %",
            trigger: ".o_ilo_dashboard .o_ilo_figure[data-figure=female_share]",
            run() {
                checkText(
                    ".o_ilo_figure[data-figure=female_share] .fs-1",
                    /^\d+,\d %$/
                );
            },
        },
        {
            content: "The late deliverable's deadline as a French date, not ISO",
            trigger: ".o_ilo_dashboard .o_ilo_late",
            run() {
                checkText(".o_ilo_late td.text-danger", /^\d{2}\/\d{2}\/\d{4}$/);
            },
        },
    ],
});
