/** Planning a mission: the officer looks at the team timeline, plans a mission over
 * a public holiday of Senegal, sees its cost estimate and the holiday warning, and
 * submits it with its budget proposal; a manager approves it. */
import {registry} from "@web/core/registry";

const MISSION = "Planned mission to Dakar";
// 2 to 6 April next year: Senegal's Independence Day (4 April) falls in it
const YEAR = luxon.DateTime.now().year + 1;

registry.category("web_tour.tours").add("ilo_planning_officer_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='ilo_issa_partnership.menu_root']",
            run: "click",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='ilo_issa_partnership.menu_planning']",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='ilo_issa_partnership.ilo_advisory_mission_timeline_menu']",
            run: "click",
        },
        {
            content: "The missions' timeline, one line per team member",
            trigger: ".oe_timeline_view .vis-timeline",
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: `edit ${MISSION}`,
        },
        {
            trigger: ".o_field_widget[name=project_id] input",
            run: "edit Planning tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Planning tour project)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=country_id] input",
            run: "edit Senegal",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Senegal)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=date_start] input[data-field=date_start]",
            run: `edit 04/02/${YEAR} && press Enter`,
        },
        {
            trigger: ".o_field_widget[name=date_start] input[data-field=date_end]",
            run: `edit 04/06/${YEAR} && press Enter`,
        },
        {
            trigger: ".o_field_widget[name=member_ids] input",
            run: "edit Planning Officer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Planning Officer)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=ticket_estimate] input",
            run: "edit 1000",
        },
        {
            trigger: ".o_field_widget[name=funding_source_id] input",
            run: "edit RB-PLAN",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(RB-PLAN)",
            run: "click",
        },
        {
            content: "The holiday warning shows while planning",
            trigger: ".o_form_view div[name=holiday_warning]:contains(Independence Day)",
        },
        {
            content: "4 nights x 200 x 1 member + 1,000 tickets",
            trigger: ".o_field_widget[name=estimate_amount]:contains(1,800.00)",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_statusbar_buttons button[name=action_submit]",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains(Submitted)",
        },
        {
            content: "Idle: the chatter shows the budget line proposed to finance",
            trigger: ".o-mail-Chatter .o-mail-Message:contains(Budget line proposed)",
        },
    ],
});

registry.category("web_tour.tours").add("ilo_planning_manager_tour", {
    url: "/odoo/action-ilo_issa_partnership.ilo_advisory_mission_action",
    steps: () => [
        {
            trigger: `.o_data_row .o_data_cell[name=name]:contains(${MISSION})`,
            run: "click",
        },
        {
            trigger: ".o_statusbar_buttons button[name=action_approve]",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains(Approved)",
        },
        {
            content: "Idle: the checklist is scheduled",
            trigger: ".o-mail-Chatter .o-mail-Message:contains(Checklist scheduled)",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='ilo_issa_partnership.menu_planning']",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='ilo_issa_partnership.ilo_planning_slot_menu']",
            run: "click",
        },
        {
            content: "The team timeline (this month; the mission is next year)",
            trigger: ".oe_timeline_view .vis-timeline",
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The mission is on its team member's planning",
            trigger: `.o_data_row:contains(${MISSION}):contains(Planning Officer)`,
        },
        {
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            trigger: ".o_filter_menu .o-dropdown-item:contains(Conflicts)",
            run: "click",
        },
        {
            content: "The officer's training at the same dates: both in conflict",
            trigger: `.o_list_view:has(.o_data_row:contains(${MISSION})):has(.o_data_row:contains(Overlapping training))`,
        },
    ],
});
