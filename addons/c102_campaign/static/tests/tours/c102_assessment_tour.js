/** A campaign officer records a gap assessment for a country, validates it (as a
 * manager) and sees the country's readiness to ratify. */
import {registry} from "@web/core/registry";

/** The steps that add line number `row` (1-based): each step targets that row, once it
 * is the row being edited, so that no value lands in the previous row while the list
 * is still saving it (slow machines). */
function addLine(row, part, basis, coverage, benefit) {
    const line = `.o_field_widget[name=line_ids] .o_data_row:nth-child(${row}).o_selected_row`;
    return [
        {
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: `${line} .o_field_widget[name=part_id] input`,
            run: `edit ${part}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains(${part})`,
            run: "click",
        },
        {
            trigger: `${line} .o_field_widget[name=coverage_basis] select`,
            run: `select "${basis}"`,
        },
        {
            trigger: `${line} .o_field_widget[name=coverage_rate] input`,
            run: `edit ${coverage}`,
        },
        {
            trigger: `${line} .o_field_widget[name=benefit_rate] input`,
            run: `edit ${benefit}`,
        },
    ];
}

registry.category("web_tour.tours").add("c102_assessment_tour", {
    url: "/odoo/action-c102_campaign.c102_gap_assessment_action",
    steps: () => [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=c102_country_id] input",
            run: "edit Kenya",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Kenya)",
            run: "click",
        },
        ...addLine(1, "Medical Care", "employees", "60", "0"),
        ...addLine(2, "Old-Age Benefit", "employees", "55", "42"),
        ...addLine(3, "Family Benefit", "active_population", "25", "3"),
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Old-Age Benefit):contains(Compliant)",
        },
        {
            trigger: ".o_statusbar_buttons button[name=action_validate]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Validated)",
        },
        {
            trigger: ".o_field_widget[name=c102_country_id] a.o_form_uri, .o_field_widget[name=c102_country_id] button.o_external_button",
            run: "click",
        },
        {
            content: "The country shows its readiness to ratify",
            trigger: ".o_form_view .o_field_widget[name=ratification_ready] input:checked",
        },
        {
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Gap assessment)",
        },
        {
            content: "Idle: the country's chatter is loaded with the stage change (the last request)",
            trigger: ".o-mail-Chatter .o-mail-Message-tracking:contains(Gap assessment)",
        },
    ],
});

/** A campaign officer, from the home screen: the C102 Campaign app, a new gap
 * assessment for a country; the form says a manager validates, and offers no
 * Validate button. */
registry.category("web_tour.tours").add("c102_officer_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='c102_campaign.menu_campaign']",
            run: "click",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='c102_campaign.c102_gap_assessment_menu']",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=c102_country_id] input",
            run: "edit Kenya",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Kenya)",
            run: "click",
        },
        ...addLine(1, "Old-Age Benefit", "employees", "55", "42"),
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "The officer is told who validates",
            trigger: ".o_form_view [role=status]:contains(a partnership manager validates)",
        },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_validate]))",
        },
        {
            content: "Idle: the line's result is shown",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Old-Age Benefit):contains(Compliant)",
        },
    ],
});
