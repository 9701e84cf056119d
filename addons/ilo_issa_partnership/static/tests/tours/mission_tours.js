/** The officer journey: plan a mission from a project and submit it; a manager approves
 * it and finds it in the mission calendar. */
import {registry} from "@web/core/registry";

const MISSION = "Tour mission to Senegal";

function today() {
    return luxon.DateTime.now().toFormat("MM/dd/yyyy");
}

registry.category("web_tour.tours").add("ilo_mission_officer_tour", {
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
            content: "The app opens on the dashboard; go to the projects",
            trigger: ".o_menu_sections [data-menu-xmlid='ilo_issa_partnership.menu_programme']",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='ilo_issa_partnership.project_project_menu_partnership']",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_data_cell[name=name]:contains(Tour project)",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_view_missions]",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: `edit ${MISSION}`,
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
            run: `edit ${today()} && press Enter`,
        },
        {
            trigger: ".o_field_widget[name=date_start] input[data-field=date_end]",
            run: `edit ${today()} && press Enter`,
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
            content: "The mission is submitted; the officer cannot approve it",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains(Submitted)",
        },
        {
            trigger: ".o_statusbar_buttons:not(:has(button[name=action_approve]))",
        },
        {
            content: "Submitted without a budget: the officer is told who adds it",
            trigger: ".o_notification:contains(Finance)",
        },
        {
            content: "Idle: the chatter has reloaded with the submission (the last request)",
            trigger: ".o-mail-Chatter .o-mail-Message-tracking:contains(Submitted)",
        },
    ],
});

registry.category("web_tour.tours").add("ilo_mission_manager_tour", {
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
            trigger: ".o_back_button, .breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_switch_view.o_calendar",
            run: "click",
        },
        {
            content: "The approved mission is in the calendar",
            trigger: `.o_calendar_renderer .fc-event:contains(${MISSION})`,
        },
    ],
});

registry.category("web_tour.tours").add("ilo_mission_approve_from_activity_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The manager's activities: the mission waits for approval",
            trigger: ".o_menu_systray i[aria-label='Activities']",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityGroup[data-model_name='ilo.advisory.mission']",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_data_cell[name=name]:contains(Mission awaiting approval)",
            run: "click",
        },
        {
            content: "The approval activity is on the mission",
            trigger: ".o-mail-Activity:contains(Approve or refuse)",
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
            content: "The approval activity is done: gone from the mission (the checklist follows)",
            trigger:
                ".o-mail-Chatter:not(:has(.o-mail-Activity:contains(Approve or refuse))):has(.o-mail-Activity:contains(Visa))",
        },
    ],
});
