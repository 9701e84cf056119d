# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""French: every user-facing string of both addons is translated, and menus, forms,
reports and the portal follow the user's (or the portal partner's) language."""

import os
import re
from datetime import date, timedelta

import polib
from lxml import etree

from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools.translate import TranslationModuleReader

MODULES = ("ilo_issa_partnership", "c102_campaign", "ilo_issa_account")

AREAS_FR = {
    "area_advisory": "Services de conseil technique",
    "area_policy": "Politiques et plaidoyer pour l'extension de la couverture de "
    "sécurité sociale",
    "area_knowledge": "Connaissances et information",
    "area_guidelines": "Directives professionnelles",
    "area_training": "Renforcement des capacités et formation",
}
PARTS_FR = {
    "II": "Soins médicaux",
    "III": "Indemnités de maladie",
    "IV": "Prestations de chômage",
    "V": "Prestations de vieillesse",
    "VI": "Prestations en cas d'accidents du travail et de maladies professionnelles",
    "VII": "Prestations aux familles",
    "VIII": "Prestations de maternité",
    "IX": "Prestations d'invalidité",
    "X": "Prestations de survivants",
}
# %-placeholders, {name} placeholders and HTML/QWeb tags must survive translation
PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sdfr]|%[sdfr]|\{[A-Za-z_0-9]*\}")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def installed(env, module):
    return bool(
        env["ir.module.module"].search_count(
            [("name", "=", module), ("state", "=", "installed")]
        )
    )


def load_french(env):
    env["res.lang"]._activate_lang("fr_FR")
    modules = [m for m in MODULES if installed(env, m)]
    env["ir.module.module"]._load_module_terms(modules, ["fr_FR"], overwrite=True)
    return modules


def read_po(module, name):
    return polib.pofile(os.path.join(get_module_path(module), "i18n", name))


def demo_xmlids(module):
    """External ids of the module's demo records (the export is made without demo
    data, like Odoo's own .pot files)."""
    xmlids = set()
    for path in get_manifest(module).get("demo", []):
        if not path.endswith(".xml"):
            continue
        tree = etree.parse(os.path.join(get_module_path(module), path))
        for node in tree.iter("record", "template", "menuitem"):
            xmlid = node.get("id")
            if xmlid:
                xmlids.add(xmlid if "." in xmlid else f"{module}.{xmlid}")
    return xmlids


@tagged("post_install", "-at_install")
class TestFrenchProduct(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.modules = load_french(cls.env)
        cls.fr = cls.env(context={"lang": "fr_FR"})

    def test_french_typography(self):
        """A space (or a no-break space) before ; : ! ? and a percent sign, as
        French is typeset; "(%)" in a column label, code and links aside."""
        before = re.compile(r"(?<=[^\s\u00a0\u202f])[;:!?](?=\s|$|<)")
        percent = re.compile(
            r"(?<=[^\s\u00a0\u202f(%])%(?![(sd%])|(?<=[^\s\u00a0\u202f])%%"
        )
        for module in self.modules:
            for name in ("fr.po",):
                for entry in read_po(module, name):
                    text = re.sub(r"https?://\S+|<code>.*?</code>", "", entry.msgstr)
                    with self.subTest(module=module, msgid=entry.msgid[:60]):
                        self.assertFalse(before.search(text), entry.msgstr)
                        self.assertFalse(percent.search(text), entry.msgstr)

    def test_french_agrees_with_the_noun(self):
        """A mission is *terminée* or *annulée*, a deliverable *annulé*, a training
        *prévue*; the button that starts an activity says *Démarrer* (a verb) while
        its start date is *Début* (i18n_extra/fr.po)."""

        def state_label(model, value):
            states = self.fr[model]._fields["state"]._description_selection(self.fr)
            return dict(states)[value]

        self.assertEqual(state_label("ilo.advisory.mission", "done"), "Terminée")
        self.assertEqual(state_label("ilo.advisory.mission", "cancelled"), "Annulée")
        self.assertEqual(state_label("ilo.advisory.mission", "submitted"), "Soumise")
        self.assertEqual(state_label("ilo.training", "planned"), "Prévue")
        self.assertEqual(state_label("ilo.training", "done"), "Terminée")
        self.assertEqual(state_label("ilo.deliverable", "cancelled"), "Annulé")
        self.assertEqual(state_label("ilo.deliverable", "planned"), "Prévu")
        for model in ("advisory_mission", "training", "deliverable"):
            with self.subTest(model=model):
                view = self.fr.ref(f"ilo_issa_partnership.ilo_{model}_view_form")
                start = etree.fromstring(view.arch).xpath(
                    "//button[@name='action_start']"
                )
                self.assertEqual(start[0].get("string"), "Démarrer")
        for model in ("ilo.advisory.mission", "ilo.training"):
            label = self.fr[model]._fields["date_start"].get_description(self.fr)
            self.assertEqual(label["string"], "Début")

    def test_menus_in_french(self):
        expected = {
            "ilo_issa_partnership.menu_root": "Partenariat",
            "ilo_issa_partnership.project_project_menu_partnership": "Projets du "
            "partenariat",
            "ilo_issa_partnership.ilo_advisory_mission_menu": "Missions de conseil "
            "technique",
            "ilo_issa_partnership.ilo_training_menu": "Formations",
            "ilo_issa_partnership.ilo_deliverable_menu": "Livrables",
            "ilo_issa_partnership.menu_results": "Cadre de résultats",
            "ilo_issa_partnership.ilo_indicator_menu": "Indicateurs",
            "ilo_issa_partnership.menu_finance": "Finances",
            "ilo_issa_partnership.ilo_funding_source_menu": "Sources de financement",
            "ilo_issa_partnership.menu_reporting": "Rapports",
            "ilo_issa_partnership.ilo_collaboration_area_menu": "Domaines de "
            "collaboration",
        }
        if "c102_campaign" in self.modules:
            expected.update(
                {
                    "c102_campaign.menu_campaign": "Campagne C102",
                    "c102_campaign.c102_gap_assessment_menu": "Évaluations "
                    "comparatives",
                    "c102_campaign.c102_dialogue_menu": "Dialogues tripartites",
                    "c102_campaign.c102_part_menu": "Parties de la C102",
                }
            )
        for xmlid, name in expected.items():
            self.assertEqual(self.fr.ref(xmlid).name, name, xmlid)
        # every menu of the application has its own French name (except the words
        # that are the same in both languages)
        same = {"Programme", "Configuration", "Participants", "Institutions"}
        root = self.env.ref("ilo_issa_partnership.menu_root")
        menus = self.env["ir.ui.menu"].search([("id", "child_of", root.id)])
        english = {m.id: m.name for m in menus.with_context(lang="en_US")}
        untranslated = [
            name
            for menu_id, name in english.items()
            if name not in same
            and menus.browse(menu_id).with_context(lang="fr_FR").name == name
        ]
        self.assertFalse(untranslated, f"menus not in French: {untranslated}")

    def test_approval_activity_in_the_approvers_language(self):
        """An English-speaking officer submits; the French-speaking manager's
        approval activity is worded in French."""
        approver = new_test_user(
            self.env,
            login="approver_fr",
            groups="base.group_user,ilo_issa_partnership.group_partnership_manager",
            lang="fr_FR",
        )
        officer = new_test_user(
            self.env,
            login="submitter_en",
            groups="base.group_user,ilo_issa_partnership.group_programme_officer",
            lang="en_US",
        )
        project = self.env["project.project"].create(
            {
                "name": "Approval in French",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_advisory"
                ).id,
            }
        )
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(officer)
            .create(
                {
                    "name": "Mission to Dakar",
                    "project_id": project.id,
                    "country_id": self.env.ref("base.sn").id,
                    "date_start": "2030-03-02",
                    "date_end": "2030-03-06",
                }
            )
        )
        mission.action_submit()
        activity = mission.activity_ids.filtered(lambda a: a.user_id == approver)
        self.assertEqual(activity.summary, "Approuver ou refuser")
        mine = mission.activity_ids.filtered(lambda a: a.user_id.lang == "en_US")
        self.assertTrue(all(a.summary == "Approve or refuse" for a in mine))

    def test_mission_form_in_french(self):
        Mission = self.fr["ilo.advisory.mission"]
        arch = Mission.get_view(view_type="form")["arch"]
        for label in ("Termes de référence", "Rapport de mission", "Soumettre"):
            self.assertIn(label, arch)
        self.assertNotIn("Terms of reference", arch)
        views = Mission.get_views([(False, "form")])
        fields = views["models"]["ilo.advisory.mission"]["fields"]
        self.assertEqual(
            fields["collaboration_area_id"]["string"], "Domaine de collaboration"
        )
        states = dict(fields["state"]["selection"])
        self.assertEqual(states["approved"], "Approuvée")
        self.assertEqual(states["submitted"], "Soumise")

    def test_collaboration_areas_and_parts_in_french(self):
        for xmlid, name in AREAS_FR.items():
            area = self.fr.ref(f"ilo_issa_partnership.{xmlid}")
            self.assertEqual(area.name, name, xmlid)
        if "c102_campaign" not in self.modules:
            return
        for code, name in PARTS_FR.items():
            part = self.fr.ref(f"c102_campaign.part_{code}")
            self.assertEqual(part.name, name, code)

    def test_reports_follow_user_language(self):
        user = new_test_user(
            self.env,
            login="ilo_fr_leader",
            groups="base.group_user,ilo_issa_partnership.group_leadership",
            lang="fr_FR",
        )
        # as a session does: the context comes from the user's preferences
        env = self.env(user=user)
        env = env(context=env["res.users"].context_get())
        self.assertEqual(env.lang, "fr_FR")
        project = self.env["project.project"].create(
            {
                "name": "Projet actuariel",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_advisory"
                ).id,
            }
        )
        sheet = env.ref("ilo_issa_partnership.action_report_project_sheet")
        html = sheet._render_qweb_html(sheet.report_name, project.ids)[0].decode()
        for heading in (
            "Domaine de collaboration",
            "Organisation chef de file",
            "Services de conseil technique",
            "Formations",
            "Livrables",
        ):
            self.assertIn(heading, html)
        self.assertNotIn("Collaboration area", html)

        wizard = env["ilo.partnership.report.wizard"].create(
            {"date_from": date.today() - timedelta(days=365), "date_to": date.today()}
        )
        report = env.ref("ilo_issa_partnership.action_report_partnership")
        html = report._render_qweb_html(report.report_name, wizard.ids)[0].decode()
        self.assertIn("Rapport du partenariat OIT–AISS", html)
        self.assertIn("Renforcement des capacités et formation", html)
        self.assertNotIn("ILO–ISSA partnership report", html)

    def test_every_exported_term_is_translated(self):
        """What Odoo's exporter collects for each addon (without demo data) is in the
        addon's .pot and has a French translation in its fr.po."""
        reader = TranslationModuleReader(self.env.cr, modules=list(self.modules))
        terms = {module: set() for module in self.modules}
        demo = set().union(*(demo_xmlids(m) for m in self.modules))
        for module, ttype, _name, res_id, source, _value, _comments in reader:
            if module in terms and not (ttype != "code" and res_id in demo):
                terms[module].add(source)
        for module, sources in terms.items():
            self.assertTrue(sources, module)
            pot = {entry.msgid for entry in read_po(module, f"{module}.pot")}
            french = {
                entry.msgid: entry.msgstr
                for entry in read_po(module, "fr.po")
                if entry.msgstr.strip() and not entry.obsolete
            }
            missing = sorted(sources - set(french))
            self.assertFalse(
                missing,
                f"{module}: {len(missing)} term(s) without a French translation in "
                f"i18n/fr.po (export the addon with Odoo and translate them): "
                f"{missing}",
            )
            not_in_pot = sorted(sources - pot)
            self.assertFalse(
                not_in_pot,
                f"{module}: i18n/{module}.pot is out of date, missing {not_in_pot}",
            )

    def test_translations_keep_placeholders(self):
        for module in self.modules:
            broken = []
            for entry in read_po(module, "fr.po"):
                if not entry.msgstr:
                    continue
                for pattern in (PLACEHOLDER, TAG):
                    if sorted(pattern.findall(entry.msgid)) != sorted(
                        pattern.findall(entry.msgstr)
                    ):
                        broken.append(entry.msgid)
                        break
            self.assertFalse(broken, f"{module}: placeholders or tags lost: {broken}")

    def test_python_messages_in_french(self):
        area = self.fr.ref("ilo_issa_partnership.area_advisory")
        project = self.fr["project.project"].create(
            {"name": "Projet", "collaboration_area_id": area.id}
        )
        mission = self.fr["ilo.advisory.mission"].create(
            {
                "name": "Mission actuarielle",
                "project_id": project.id,
                "country_id": self.env.ref("base.sn").id,
            }
        )
        with self.assertRaises(Exception) as caught:
            mission.action_submit()
        self.assertIn("indiquez les dates de début et de fin", str(caught.exception))


@tagged("post_install", "-at_install")
class TestFrenchPortal(HttpCase):
    """A counterpart whose language is French sees the portal in French."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_french(cls.env)
        env = cls.env
        institution = env["res.partner"].create(
            {"name": "Caisse nationale de prévoyance sociale", "is_company": True}
        )
        contact = env["res.partner"].create(
            {"name": "Contact CNPS", "parent_id": institution.id, "lang": "fr_FR"}
        )
        cls.portal_user = new_test_user(
            env,
            login="ilo_portal_fr",
            groups="base.group_portal",
            partner_id=contact.id,
            lang="fr_FR",
        )
        project = env["project.project"].create(
            {
                "name": "Projet portail",
                "collaboration_area_id": env.ref(
                    "ilo_issa_partnership.area_advisory"
                ).id,
                "institution_ids": [(6, 0, institution.ids)],
            }
        )
        cls.mission = env["ilo.advisory.mission"].create(
            {
                "name": "Mission actuarielle CNPS",
                "project_id": project.id,
                "country_id": env.ref("base.cm").id,
                "terms_of_reference": "<p>Évaluation actuarielle du régime de "
                "pensions</p>",
                "state": "approved",
            }
        )

    def test_portal_in_french(self):
        self.authenticate("ilo_portal_fr", "ilo_portal_fr")
        page = self.url_open("/my/partnership").text
        self.assertIn("Mission actuarielle CNPS", page)
        for text in (
            "Activités du partenariat",
            "Missions de conseil technique",
            "Aucune formation.",
            "Aucun livrable.",
            "Approuvée",
        ):
            self.assertIn(text, page)
        self.assertNotIn("Advisory missions", page)
        page = self.url_open(self.mission.access_url).text
        self.assertIn("Termes de référence", page)
        self.assertIn("Évaluation actuarielle du régime de pensions", page)
        self.assertNotIn("Terms of reference", page)
