# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""rules/ilostat.py and rules/conventions.py, without the ORM: ILOSTAT's two
layouts (invented figures), the plan of an import, law beside practice, the
Conventions with higher standards."""

from odoo.tests import BaseCase, tagged

from ..rules import conventions, ilostat
from ..rules.country_names import alpha2

BULK = (
    "collection,collection.label,ref_area,ref_area.label,source,source.label,"
    "indicator,indicator.label,sex,sex.label,classif1,classif1.label,time,"
    "obs_value,obs_status,obs_status.label,note_source,note_source.label\n"
    'SDG,SDG,SEN,Senegal,BA:1,Social Security Inquiry,SDG_0131_SEX_SOC_RT,"SDG '
    '1.3.1",SEX_T,Total,SOC_CONTIG_TOTAL,At least one,2023,19.8,,,,\n'
    "SDG,SDG,SEN,Senegal,BA:1,Social Security Inquiry,SDG_0131_SEX_SOC_RT,x,SEX_F,"
    "Female,SOC_CONTIG_MAT,Maternity,2023,6.5,U,Unreliable,,\n"
    "SDG,SDG,X01,World,BA:1,SSI,SDG_0131_SEX_SOC_RT,x,SEX_T,Total,"
    "SOC_CONTIG_TOTAL,At least one,2023,52.4,,,,\n"
)
SDMX = (
    "DATAFLOW,REF_AREA,FREQ,MEASURE,SEX,SOC,TIME_PERIOD,OBS_VALUE,OBS_STATUS,"
    "SOURCE,NOTE_SOURCE\n"
    "ILO:DF_SDG_0131_SEX_SOC_RT(1.0),KEN,A,SDG_0131_SEX_SOC_RT,SEX_T,"
    "SOC_CONTIG_OLD,2022,28.5,,Social Security Inquiry,\n"
    "ILO:DF_SDG_0131_SEX_SOC_RT(1.0),KEN,A,SDG_0131_SEX_SOC_RT,SEX_T,"
    "SOC_CONTIG_CHILD,2022-A,11,U,Social Security Inquiry,estimate\n"
)


@tagged("post_install", "-at_install")
class TestIlostatRules(BaseCase):
    def test_bulk_layout(self):
        reading = ilostat.read_coverage(BULK.encode(), "ilostat.csv")
        self.assertEqual(reading.layout, "bulk")
        self.assertEqual(reading.errors, [])
        (line1, total), (line2, maternity) = reading.figures
        self.assertEqual((line1, line2), (2, 3))
        self.assertEqual(total.key, ("SN", "total", "total", 2023))
        self.assertEqual(total.value, 19.8)
        self.assertEqual(total.status, "reported")
        self.assertEqual(total.source, "Social Security Inquiry")
        self.assertEqual(maternity.key, ("SN", "maternity", "female", 2023))
        self.assertEqual(maternity.status, "unreliable")
        # a regional aggregate is skipped and said, not an error
        self.assertEqual(reading.skipped, [(4, "aggregate", {"value": "X01"})])

    def test_sdmx_layout(self):
        reading = ilostat.read_coverage(SDMX.encode("utf-8-sig"), "data.csv")
        self.assertEqual(reading.layout, "sdmx")
        self.assertEqual(reading.errors, [])
        [(_l1, old_age), (_l2, children)] = reading.figures
        self.assertEqual(old_age.key, ("KE", "old_age", "total", 2022))
        self.assertEqual(children.key, ("KE", "children", "total", 2022))
        self.assertEqual(children.value, 11.0)
        self.assertEqual(children.status, "unreliable")
        self.assertEqual(children.note, "estimate")

    def test_semicolons_and_decimal_commas(self):
        data = (
            "REF_AREA;SEX;SOC;TIME_PERIOD;OBS_VALUE\n"
            "SEN;SEX_T;SOC_CONTIG_DISAB;2021;7,25\n"
        )
        reading = ilostat.read_coverage(data.encode("cp1252"), "x.csv")
        self.assertEqual(reading.figures[0][1].value, 7.25)

    def test_bad_rows_each_named(self):
        data = (
            "REF_AREA,SEX,SOC,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
            "ZZZ,SEX_T,SOC_CONTIG_TOTAL,2020,10,\n"
            "SEN,SEX_Q,SOC_CONTIG_NOPE,20x0,110,Z\n"
            "SEN,SEX_T,SOC_CONTIG_TOTAL,2020,10,\n"
            "SEN,SEX_T,SOC_CONTIG_TOTAL,2020,11,\n"
        )
        reading = ilostat.read_coverage(data.encode(), "x.csv")
        codes = [(line, code) for line, code, _params in reading.errors]
        self.assertEqual(
            codes,
            [
                (2, "unknown_area"),
                (3, "unknown_contingency"),
                (3, "unknown_sex"),
                (3, "bad_year"),
                (3, "bad_value"),
                (3, "unknown_status"),
                (5, "duplicate"),
            ],
        )
        self.assertEqual(len(reading.figures), 1)

    def test_not_an_ilostat_file(self):
        with self.assertRaises(ValueError):
            ilostat.read_coverage(b"Country,Date\nSenegal,2020\n", "x.csv")
        with self.assertRaises(ValueError):
            ilostat.read_coverage(b"", "x.csv")

    def test_plan_new_replace_unchanged(self):
        old = ilostat.Figure("SN", "total", "total", 2023, 19.8)
        same = ilostat.Figure("SN", "total", "total", 2023, 19.8)
        newer = ilostat.Figure("SN", "total", "total", 2023, 21.0)
        other = ilostat.Figure("SN", "total", "female", 2023, 15.0)
        recorded = {old.key: old}
        self.assertEqual(
            ilostat.plan([same, other], recorded),
            {"new": [other], "replace": [], "unchanged": [same]},
        )
        self.assertEqual(ilostat.plan([newer], recorded)["replace"], [newer])
        flagged = ilostat.Figure("SN", "total", "total", 2023, 19.8, "unreliable")
        self.assertEqual(ilostat.plan([flagged], recorded)["replace"], [flagged])

    def test_divergence(self):
        self.assertEqual(ilostat.divergence(50, 20, 20), (30, True))
        self.assertEqual(ilostat.divergence(50, 30, 20), (20, False))
        self.assertEqual(ilostat.divergence(10, 40.5, 20), (-30.5, True))
        self.assertEqual(ilostat.divergence(50, None, 20), (None, False))

    def test_alpha2(self):
        self.assertEqual(alpha2("SEN"), "SN")
        self.assertEqual(alpha2("civ"), "CI")
        self.assertEqual(alpha2("sn"), "SN")
        self.assertIsNone(alpha2("X01"))
        self.assertIsNone(alpha2(""))


@tagged("post_install", "-at_install")
class TestConventionRules(BaseCase):
    def test_parse_convention(self):
        for text in ("C128", "c 128", "No. 128", "128", 128, "128.0"):
            self.assertEqual(conventions.parse_convention(text), "C128", text)
        self.assertEqual(conventions.parse_convention("C102"), "C102")
        self.assertEqual(conventions.parse_convention(""), "")
        self.assertIsNone(conventions.parse_convention("C999"))
        self.assertIsNone(conventions.parse_convention("C103"))

    def test_branches(self):
        self.assertEqual(
            conventions.parse_branches("C128", "survivors, Old age; invalidité"),
            (("invalidity", "old_age", "survivors"), []),
        )
        self.assertEqual(
            conventions.parse_branches("C128", "old age, health"),
            (("old_age",), ["health"]),
        )
        # a Convention without branches to choose ignores the cell
        self.assertEqual(conventions.parse_branches("C121", "anything"), ((), []))

    def test_parts_taken_over(self):
        self.assertEqual(conventions.parts_taken_over("C121"), ("VI",))
        self.assertEqual(conventions.parts_taken_over("C128"), ("V", "IX", "X"))
        self.assertEqual(conventions.parts_taken_over("C128", ("old_age",)), ("V",))
        self.assertEqual(conventions.parts_taken_over("C130"), ("II", "III"))
        self.assertEqual(conventions.parts_taken_over("C168"), ("IV",))
        self.assertEqual(conventions.parts_taken_over("C183"), ())
        ratified = {"C128": ("old_age",), "C121": ()}
        self.assertEqual(conventions.superseding("V", ratified), "C128")
        self.assertEqual(conventions.superseding("VI", ratified), "C121")
        self.assertIsNone(conventions.superseding("IX", ratified))
        self.assertIsNone(conventions.superseding("VIII", {"C183": ()}))

    def test_read_convention_row(self):
        facts, errors = conventions.read_convention_row(
            "C128", {"date": "1970-05-02", "branches": "old age"}
        )
        self.assertEqual(errors, [])
        self.assertEqual(facts["branches"], ("old_age",))
        self.assertEqual(str(facts["date"]), "1970-05-02")
        _facts, errors = conventions.read_convention_row("C121", {"date": "x"})
        self.assertEqual(errors, [("bad_date", {"value": "x"})])
