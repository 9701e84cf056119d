/** The counterpart's journey on the portal: find the institution's activities, read
 * an approved mission's terms of reference, write to the officer, download a
 * published deliverable. */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ilo_portal_counterpart_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home offers the partnership activities",
            trigger: "a[href='/my/partnership']",
            run: "click",
        },
        {
            content: "Only the institution's own activities are listed",
            trigger: ".o_ilo_portal:not(:contains(Other institution mission))",
        },
        {
            trigger: "a.o_ilo_portal_mission:contains(Portal actuarial mission)",
            run: "click",
        },
        {
            content: "The agreed terms of reference are shown",
            trigger: ".o_ilo_portal_tor:contains(Actuarial valuation of the pension scheme)",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Merci : les données du régime sont prêtes.",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The comment is in the activity's history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(les données du régime sont prêtes)",
        },
        {
            trigger: ".breadcrumb a[href='/my/partnership']",
            run: "click",
        },
        {
            trigger: "a.o_ilo_portal_deliverable:contains(Portal valuation report)",
            run: "click",
        },
        {
            content: "The published deliverable can be downloaded",
            trigger: "a.o_ilo_portal_download:contains(valuation.pdf)",
        },
        {
            content: "Idle: the deliverable's history is loaded (the last request)",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Valuation report shared)",
        },
    ],
});
