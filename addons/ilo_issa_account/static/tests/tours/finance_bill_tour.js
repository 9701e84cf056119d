/** Finance posts a vendor bill distributed on a partnership budget line, then finds
 * the new actual on the partnership dashboard (test_tours.py checks what is stored). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ilo_account_finance_bill_tour", {
    steps: () => [
        {
            content: "The draft bill carries its analytic distribution",
            trigger: ".o_form_view .o_field_widget[name=invoice_line_ids] .o_data_row",
        },
        {
            content: "Finance confirms the bill",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_post]",
            run: "click",
        },
        {
            content: "Posted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Posted)",
        },
    ],
});

registry.category("web_tour.tours").add("ilo_account_finance_dashboard_tour", {
    steps: () => [
        {
            content: "The partnership dashboard reads the new actual",
            trigger:
                ".o_ilo_dashboard [name=spend] tr.o_ilo_spend:has(td:contains(Funding TOUR-BILL)) td:contains(345.00)",
        },
    ],
});
