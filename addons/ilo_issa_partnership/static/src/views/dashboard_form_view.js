/** @odoo-module **/
// A dashboard is one page, not a record among others: its form has no pager
// ("1 / 1") and no record navigation. Used as js_class="ilo_dashboard_form".
import { useSubEnv } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { FormController } from "@web/views/form/form_controller";
import { formView } from "@web/views/form/form_view";

export class IloDashboardFormController extends FormController {
    setup() {
        super.setup();
        useSubEnv({ config: { ...this.env.config, pagerProps: undefined } });
    }
}

registry.category("views").add("ilo_dashboard_form", {
    ...formView,
    Controller: IloDashboardFormController,
});
