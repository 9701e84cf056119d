/** Each role's first steps, as a person new to Odoo takes them (no developer mode):
 * the administrator gives roles in Settings → Users; leadership reads the partnership
 * in French; finance finds the budgets. test_role_tours.py asserts what is stored. */
import {registry} from "@web/core/registry";

/** The steps that pick `role` in the drop-down labelled `category` of the user form's
 * access rights (Odoo shows a category whose groups form a chain as one selection). */
function pickRole(category, role) {
    return [
        {
            content: `${category}: ${role}`,
            trigger: `.o_wrap_field:has(label:contains(${category})) select`,
            run: `selectByLabel ${role}`,
        },
        {
            trigger: `.o_wrap_field:has(label:contains(${category})) select:has(option:selected:contains(${role}))`,
        },
    ];
}

registry.category("web_tour.tours").add("ilo_admin_gives_roles_tour", {
    url: "/odoo/action-base.action_res_users",
    steps: () => [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Aïssata Diallo",
        },
        {
            trigger: ".o_field_widget[name=login] input",
            run: "edit aissata.diallo@example.org",
        },
        {
            content: "The partnership's roles are visible without developer mode",
            trigger: ".o_notebook .nav-link:contains(Access Rights)",
            run: "click",
        },
        {
            trigger: ".o_horizontal_separator:contains(ILO-ISSA Partnership)",
        },
        ...pickRole("Programme", "Programme Officer"),
        ...pickRole("Finance", "Finance"),
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Idle: the saved user, with a record URL",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("ilo_leadership_fr_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Leadership lands on the partnership dashboard, in French, with the app's menus",
            trigger: ".o_breadcrumb:contains(Tableau de bord)",
        },
        {
            content: "The figures of the dashboard, in French",
            trigger: ".o_ilo_dashboard .o_ilo_figure[data-figure=activity_count]:contains(activités)",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='ilo_issa_partnership.menu_reporting']",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='ilo_issa_partnership.ilo_partnership_report_wizard_menu']:contains(Rapport du partenariat)",
            run: "click",
        },
        {
            content: "The report's dialog speaks French",
            trigger: ".modal .modal-title:contains(Rapport du partenariat)",
        },
        {
            trigger: ".modal .btn-secondary, .modal button.o_form_button_cancel",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='ilo_issa_partnership.menu_programme']",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='ilo_issa_partnership.ilo_advisory_mission_menu']",
            run: "click",
        },
        {
            content: "Leadership reads missions and may not create them",
            trigger: ".o_breadcrumb:contains(Missions de conseil technique)",
        },
        {
            trigger: ".o_control_panel:not(:has(.o_list_button_add))",
        },
        {
            trigger: ".o_data_row .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "A mission's form shows leadership no workflow button it may not press",
            trigger: ".o_form_view .o_statusbar_status",
        },
        {
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name^=action_]))",
        },
    ],
});

registry.category("web_tour.tours").add("ilo_finance_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "After login, the dashboard with the Partnership app's menus",
            trigger: ".o_breadcrumb:contains(Dashboard)",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='ilo_issa_partnership.menu_finance']",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='ilo_issa_partnership.ilo_budget_line_menu']",
            run: "click",
        },
        {
            content: "Finance finds the budget lines, with their money",
            trigger: ".o_list_view .o_list_table th[data-name=amount_planned]",
        },
        {
            trigger: ".o_data_row .o_data_cell[name=amount_planned]:contains(7,345.00)",
            run: "click",
        },
        {
            content: "The budget line opens in its form",
            trigger: ".o_form_view .o_field_widget[name=amount_planned] input",
            run: "edit 9000",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
