/** @odoo-module **/
// A Chart.js bar chart (Odoo's own bundle, as Odoo's dashboards load it) of
// {labels, series: [{label, values, domains}]}: a click on a bar calls onSelect
// with the domain of the records behind it.
import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { getColor } from "@web/core/colors/colors";
import { formatCount } from "./dashboard_format";

export class IloDashboardChart extends Component {
    static template = "ilo_issa_partnership.DashboardChart";
    static props = {
        chart: Object,
        onSelect: Function,
        stacked: { type: Boolean, optional: true },
        horizontal: { type: Boolean, optional: true },
    };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderChart();
            },
            () => [this.props.chart]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    renderChart() {
        this.chart?.destroy();
        const { labels, series } = this.props.chart;
        // counts on the value axis and in the tooltips, in the user's number format
        const valueAxis = this.props.horizontal ? "x" : "y";
        const scales = {
            x: { stacked: this.props.stacked },
            y: { stacked: this.props.stacked },
        };
        Object.assign(scales[valueAxis], {
            beginAtZero: true,
            ticks: { precision: 0, callback: (value) => formatCount(value) },
        });
        this.chart = new window.Chart(this.canvasRef.el, {
            type: "bar",
            data: {
                labels,
                datasets: series.map((serie, index) => ({
                    label: serie.label,
                    data: serie.values,
                    backgroundColor: getColor(index, "light"),
                })),
            },
            options: {
                indexAxis: this.props.horizontal ? "y" : "x",
                maintainAspectRatio: false,
                animation: false,
                scales,
                plugins: {
                    tooltip: {
                        callbacks: {
                            label: (context) =>
                                `${context.dataset.label}: ${formatCount(
                                    context.parsed[valueAxis]
                                )}`,
                        },
                    },
                },
                onClick: (event, elements) => this.onClick(elements),
                onHover: (event, elements) => {
                    event.native.target.style.cursor = elements.length ? "pointer" : "";
                },
            },
        });
    }

    onClick(elements) {
        if (elements.length) {
            const { datasetIndex, index } = elements[0];
            const serie = this.props.chart.series[datasetIndex];
            this.props.onSelect(
                serie.domains[index],
                `${serie.label} – ${this.props.chart.labels[index]}`
            );
        }
    }
}
