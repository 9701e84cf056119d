"""The command-line tool against the running server: imports, exports, reports, and a
clear message (never a traceback) for a wrong URL, a refused login or no database."""

import csv
import os
import subprocess
from pathlib import Path

ROOT = Path(os.environ.get("ILO_ROOT", Path(__file__).resolve().parents[1]))
FIXTURES = ROOT / "addons" / "ilo_issa_partnership" / "tests" / "fixtures"
ADVISORY = "Actuarial advisory services, West Africa"


def ilo(server, *args, **overrides):
    env = dict(
        os.environ,
        ILO_URL=overrides.get("url", server["url"]),
        ILO_DB=overrides.get("db", server["db"]),
        ILO_LOGIN=server["login"],
        ILO_PASSWORD=overrides.get("password", server["password"]),
    )
    return subprocess.run(
        [str(ROOT / "scripts/ilo"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_connection_errors_are_readable(server, tmp_path):
    out = str(tmp_path / "x.csv")
    for overrides, message in (
        ({"url": "http://127.0.0.1:9"}, "cannot reach Odoo"),
        ({"password": "wrong"}, "login refused"),
        ({"db": "no_such_database"}, "does not exist"),
    ):
        proc = ilo(server, "export", "campaign", "-o", out, **overrides)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr
        assert "Traceback" not in proc.stderr
        assert (
            overrides.get("password", server["password"])
            not in proc.stdout + proc.stderr
        )


def test_import_ratifications_all_or_nothing_and_idempotent(server, odoo, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Country,Ratification date,Parts\n"
        'Ghana,2026-05-11,"IV, V, VI"\n'
        'Atlantis,2026-05-11,"IV, V, VI"\n'
        'Mali,2026-05-11,"II, III, VII"\n'
    )
    proc = ilo(server, "import-ratifications", str(bad))
    assert proc.returncode == 1
    assert "bad.csv:3: unknown country 'Atlantis'" in proc.stderr
    assert "bad.csv:4:" in proc.stderr and "IV, V, VI, IX or X" in proc.stderr
    Country = odoo.env["c102.country"]
    assert not Country.search([("country_id.code", "=", "GH"), ("ratified", "=", True)])

    good = tmp_path / "good.csv"
    good.write_text('Country,Ratification date,Parts\nGhana,2026-05-11,"IV, V-VII"\n')
    outputs = []
    for _ in range(2):  # re-import: no duplicates, nothing changes
        proc = ilo(server, "import-ratifications", str(good))
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert "Ghana: Accepted Parts: — -> IV, V, VI, VII" in outputs[0]
    assert "1 row(s): 1 new, 0 updated" in outputs[0]
    unchanged = "1 row(s): 0 new, 0 updated, 1 unchanged, 0 not imported."
    assert outputs[1].strip() == unchanged
    ghana = Country.search([("country_id.code", "=", "GH")])
    assert len(ghana) == 1
    [record] = Country.read(ghana, ["ratification_date", "accepted_part_ids"])
    assert record["ratification_date"] == "2026-05-11"
    parts = odoo.env["c102.part"].read(record["accepted_part_ids"], ["code"])
    assert sorted(p["code"] for p in parts) == ["IV", "V", "VI", "VII"]


def test_export_campaign_matches_the_server(server, odoo, tmp_path):
    target = tmp_path / "campaign.csv"
    proc = ilo(server, "export", "campaign", "--country", "al", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 1
    assert rows[0]["Stage"] == "ratified"
    assert rows[0]["Ratification Date"] == "2006-01-18"
    assert rows[0]["Accepted Parts"].startswith("II")
    xlsx = tmp_path / "activities.xlsx"
    proc = ilo(server, "export", "activities", "--area", "advisory", "-o", str(xlsx))
    assert proc.returncode == 0, proc.stderr
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx).active
    exported = sheet.max_row - 1
    expected = odoo.env["ilo.partnership.analysis"].search_count(
        [("collaboration_area_id.code", "=", "advisory")]
    )
    assert exported == expected > 0


def test_reports_download(server, tmp_path):
    for args in (
        ("partnership", "--from", "2020-01-01", "--to", "2030-12-31"),
        ("project-sheet", "--project", "Actuarial advisory services"),
        ("country-brief", "--country", "TD"),
    ):
        target = tmp_path / f"{args[0]}.pdf"
        proc = ilo(server, "report", *args, "-o", str(target))
        assert proc.returncode == 0, proc.stderr
        assert target.read_bytes().startswith(b"%PDF")


def test_iati_export_valid_against_the_official_schema(server, xmlrpc, tmp_path):
    from lxml import etree

    target = tmp_path / "iati.xml"
    proc = ilo(server, "iati-export", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    xsd = ROOT.parent / "shared" / "iati" / "2.03" / "iati-activities-schema.xsd"
    assert xsd.is_file(), f"{xsd} is needed by this test"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    document = etree.parse(str(target))
    assert schema.validate(document), schema.error_log
    assert len(document.findall("iati-activity")) >= 5
    # the same export through the standard library's XML-RPC client
    ids = xmlrpc("project.project", "search", [("is_partnership", "=", True)])
    result = xmlrpc("project.project", "iati_export_xml", ids)
    assert result["errors"] == []
    assert result["xml"].startswith("<?xml")


ACTIVITIES = (
    "kind,key,project,name,country,date_start,date_end,deadline,deliverable_type,modality,"
    "training_key,gender,constituent_group,attended,pre_score,post_score\n"
    'mission,E2E-M1,"Actuarial advisory services, West Africa",E2E Dakar mission,SN,'
    "2032-02-01,2032-02-04,,,,,,,,,\n"
    "training,E2E-T1,ITC-ILO courses on the ISSA Guidelines,E2E ICT course,,2032-03-01,"
    "2032-03-05,,,online,,,,,,\n"
    "participant,E2E-P1,,Awa Ndiaye,,,,,,,E2E-T1,female,government,1,40,70\n"
    "participant,E2E-P2,,Kofi Mensah,,,,,,,E2E-T1,male,worker,1,50,65\n"
    "deliverable,E2E-D1,Social security statistics and coverage data,"
    "E2E coverage note,,,,"
    "2032-04-30,policy_brief,,,,,,,\n"
)


def test_import_activities_validates_then_is_idempotent(server, odoo, tmp_path):
    """The tool checks the file's shape (kind, key), the server every other rule in a
    dry run of Odoo's import: every bad row is reported with the server's message,
    and nothing is written."""
    advisory = '"Actuarial advisory services, West Africa"'
    courses = "ITC-ILO courses on the ISSA Guidelines"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kind,key,project,name,country,date_start,date_end,modality,training_key,"
        "pre_score\n"
        f"mission,E2E-B1,{advisory},Good row,SN,2032-05-01,2032-05-02,,,\n"
        "mission,E2E-B2,Nope project,X,SN,2032-02-01,2032-02-04,,,\n"
        f"mission,E2E-B3,{advisory},Y,ZZ,2032-02-01,2032-02-04,,,\n"
        "meeting,E2E-B4,x,y,,,,,,\n"
        f"mission,E2E-B5,{advisory},Z,SN,2032-02-10,2032-02-04,,,\n"
        "mission,E2E-B1,x,Twice,SN,,,,,\n"
        f"training,E2E-BT,{courses},E2E good course,,,,online,,\n"
        "participant,E2E-BP,,Too high,,,,,E2E-BT,120\n"
        f"training,E2E-BT2,{courses},Webinar,,,,webinar,,\n"
    )
    proc = ilo(server, "import-activities", str(bad))
    assert proc.returncode == 1
    for expected in (
        "bad.csv:3: No matching record found for name 'Nope project' in field "
        "'Project'",
        "bad.csv:4: unknown country 'ZZ'",
        "bad.csv:5: kind must be one of mission, training, deliverable, participant",
        "bad.csv:6: Z: the end date (2032-02-04) is before the start date "
        "(2032-02-10).",
        "bad.csv:7: key 'E2E-B1' already used on line 2",
        "bad.csv:9: Too high: the Pre Score must be between 0 and 100",
        "bad.csv:10: Value 'webinar' not found in selection field 'Modality' "
        "(expected one of: in_person, online, blended)",
        "7 bad row(s) of 9: nothing written. (use --skip-invalid",
    ):
        assert expected in proc.stderr, proc.stderr
    assert "bad.csv:2:" not in proc.stderr and "bad.csv:8:" not in proc.stderr
    Mission = odoo.env["ilo.advisory.mission"]
    assert not Mission.search([("name", "=", "Good row")])  # nothing written
    proc = ilo(server, "import-activities", "--skip-invalid", str(bad))
    assert proc.returncode == 0, proc.stderr
    assert len(Mission.search([("name", "=", "Good row")])) == 1

    good = tmp_path / "activities.csv"
    good.write_text(ACTIVITIES)
    for _ in range(2):  # the second import updates, never duplicates
        proc = ilo(server, "import-activities", str(good))
        assert proc.returncode == 0, proc.stderr
    assert len(Mission.search([("name", "=", "E2E Dakar mission")])) == 1
    [training] = odoo.env["ilo.training"].search_read(
        [("name", "=", "E2E ICT course")],
        ["participant_count", "female_share", "average_score_gain", "modality"],
    )
    assert training["participant_count"] == 2
    assert training["female_share"] == 50.0
    assert training["average_score_gain"] == 22.5
    assert training["modality"] == "online"


def test_import_budget(server, odoo, tmp_path):
    """Budget rules are the server's: one year at most, a known funding source (by
    its code), no negative amount, a category of the field's selection."""
    project = '"Actuarial advisory services, West Africa"'
    budget = tmp_path / "budget.csv"
    budget.write_text(
        "key,project,funding_source,category,date_from,date_to,amount_planned,"
        "amount_committed\n"
        f"E2E-B1,{project},ILO-RB,travel,2032-01-01,2032-12-31,900,100\n"
        f"E2E-B2,{project},ILO-RB,travel,2032-01-01,2033-06-30,900,0\n"
        f"E2E-B3,{project},NOPE,travel,2032-01-01,2032-12-31,5,0\n"
        f"E2E-B4,{project},ILO-RB,travel,2032-01-01,2032-12-31,-5,0\n"
        f"E2E-B5,{project},ILO-RB,trip,2032-01-01,2032-12-31,5,0\n"
    )
    proc = ilo(server, "import-budget", str(budget))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()

    def reported(line, text):
        return any(s.startswith(f"budget.csv:{line}: ") and text in s for s in lines)

    assert reported(3, "a budget line covers at most one year"), proc.stderr
    assert reported(
        4, "No matching record found for name 'NOPE' in field 'Funding Source'"
    ), proc.stderr
    assert reported(5, "planned and committed amounts cannot be negative")
    assert reported(6, "(expected one of: staff, travel, consultants, meetings")
    assert not reported(2, ""), proc.stderr
    Line = odoo.env["ilo.budget.line"]
    before = Line.search_count([])
    for _ in range(2):
        proc = ilo(server, "import-budget", "--skip-invalid", str(budget))
        assert proc.returncode == 0, proc.stderr
        assert "1 row(s) imported (created or updated); 4 skipped." in (proc.stdout)
    assert Line.search_count([]) == before + 1


def test_outlook_prints_the_server_figures(server, odoo):
    """The server computes the outlook (c102.country.get_outlook), the tool prints it:
    the same figures both ways, and each country with what stands in its way."""
    proc = ilo(server, "outlook", "--limit", "3")
    assert proc.returncode == 0, proc.stderr
    outlook = odoo.env["c102.country"].get_outlook(3)
    out = proc.stdout
    assert (
        f"{outlook['ratified']} ratifications, target {outlook['target']} by "
        f"{outlook['target_date']}" in out
    )
    assert (
        f"Expected at the target date: {outlook['expected']:.1f} "
        f"(80% interval {outlook['low']}-{outlook['high']})" in out
    )
    assert f"{100 * outlook['probability_target']:.1f}%" in out
    assert len(outlook["countries"]) == 3
    for rank, country in enumerate(outlook["countries"], start=1):
        assert f"{rank:>3}. {country['country']} ({country['code']}): " in out
        for obstacle in country["obstacles"]:
            assert f"       - {obstacle}" in out
    ratified = odoo.env["c102.country"].search_count([("ratified", "=", True)])
    assert outlook["ratified"] == ratified


def test_import_expenditure(server, odoo, tmp_path):
    """Ledger lines from the ERP: every bad row named, nothing written, then the
    good file imported once however often it is run."""
    project = "Actuarial advisory services, West Africa"
    header = "Référence;Date;Montant;Devise;Projet;Source de financement;Catégorie"
    ledger = tmp_path / "gl.csv"
    ledger.write_bytes(
        (
            f"{header}\n"
            f"E2E-GL-1;15/03/2030;1 250,50;USD;{project};ILO-RB;Travel\n"
            f"E2E-GL-2;xx;10;USD;{project};;\n"
            f"E2E-GL-3;15/03/2030;10;USD;Nowhere;;\n"
        ).encode("cp1252")
    )
    proc = ilo(server, "import-expenditure", str(ledger))
    assert proc.returncode == 1
    assert "gl.csv:3: date: 'xx' is not a date" in proc.stderr, proc.stderr
    assert "gl.csv:4: project 'Nowhere'" in proc.stderr, proc.stderr
    Line = odoo.env["account.analytic.line"]
    assert not Line.search([("ilo_reference", "like", "E2E-GL-")])
    ledger.write_bytes(
        (
            f"{header}\nE2E-GL-1;15/03/2030;1 250,50;USD;{project};ILO-RB;Travel\n"
        ).encode("cp1252")
    )
    proc = ilo(server, "import-expenditure", "--dry-run", str(ledger))
    assert proc.returncode == 0, proc.stderr
    assert "1 cost(s) to create" in proc.stdout
    for expected in ("1 cost(s) created", "0 cost(s) created, 0 updated, 1 unchanged"):
        proc = ilo(server, "import-expenditure", str(ledger))
        assert proc.returncode == 0, proc.stderr
        assert expected in proc.stdout
    assert Line.search_count([("ilo_reference", "=", "E2E-GL-1")]) == 1


def test_import_coverage(server, odoo, tmp_path):
    """ILOSTAT's SDMX-CSV (invented figures): every bad row named and nothing
    written, then the good file imported once however often it is run; a newer
    figure replaces the older, which stays in its history."""
    header = "DATAFLOW,REF_AREA,FREQ,SEX,SOC,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE"
    row = "ILO:DF_SDG_0131_SEX_SOC_RT(1.0),SEN,A,SEX_T,SOC_CONTIG_TOTAL,2001,{},,E2E"
    data = tmp_path / "sdg131.csv"
    data.write_text(
        f"{header}\n{row.format('17.5')}\n"
        "ILO:DF(1.0),ZZZ,A,SEX_T,SOC_CONTIG_TOTAL,2001,12,,E2E\n"
        "ILO:DF(1.0),SEN,A,SEX_F,SOC_CONTIG_MAT,2001,7,U,E2E\n"
    )
    proc = ilo(server, "import-coverage", str(data))
    assert proc.returncode == 1
    assert "sdg131.csv:3: unknown country code 'ZZZ'" in proc.stderr, proc.stderr
    Coverage = odoo.env["c102.coverage"]
    domain = [("year", "=", 2001), ("source", "=", "E2E")]
    assert not Coverage.search(domain)
    data.write_text(
        f"{header}\n{row.format('17.5')}\n"
        "ILO:DF(1.0),SEN,A,SEX_F,SOC_CONTIG_MAT,2001,7,U,E2E\n"
    )
    proc = ilo(server, "import-coverage", "--dry-run", str(data))
    assert proc.returncode == 0, proc.stderr
    assert "sdmx: 2 figure(s) to add" in proc.stdout
    for expected in ("2 figure(s) new, 0 replaced", "0 figure(s) new, 0 replaced"):
        proc = ilo(server, "import-coverage", str(data))
        assert proc.returncode == 0, proc.stderr
        assert expected in proc.stdout
    assert Coverage.search_count(domain) == 2
    [unreliable] = Coverage.search_read(
        domain + [("sex", "=", "female")], ["unreliable"]
    )
    assert unreliable["unreliable"] is True
    data.write_text(f"{header}\n{row.format('19')}\n")
    proc = ilo(server, "import-coverage", str(data))
    assert "0 figure(s) new, 1 replaced" in proc.stdout, proc.stderr
    [total] = Coverage.search_read(
        domain + [("sex", "=", "total")], ["value", "history_ids"]
    )
    assert total["value"] == 19.0
    [old] = odoo.env["c102.coverage.history"].read(total["history_ids"], ["value"])
    assert old["value"] == 17.5


def test_import_activities_as_french_excel_saves_them(server, odoo, tmp_path):
    """Windows-1252, `;`, dates as 15/03/2030, countries by their French names: the
    server reads it (no traceback) and says how it read it."""
    text = (FIXTURES / "activities_cp1252.csv").read_bytes().decode("cp1252")
    source = tmp_path / "activites.csv"
    source.write_bytes(text.replace("{project}", f'"{ADVISORY}"').encode("cp1252"))
    proc = ilo(server, "import-activities", str(source))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "read as CSV, Windows-1252, separator: semicolon (;)" in proc.stderr
    assert "2 row(s) imported" in proc.stdout
    [mission] = odoo.env["ilo.advisory.mission"].search_read(
        [("name", "=", "Mission à Thiès")], ["country_id", "date_start"]
    )
    assert mission["date_start"] == "2030-03-15"
    sn = odoo.env["res.country"].search([("code", "=", "SN")])
    assert mission["country_id"][0] == sn[0]


def test_failed_participant_leaves_no_training(server, odoo, tmp_path):
    source = tmp_path / "course.csv"
    source.write_text(
        "kind,key,project,name,training_key,pre_score\n"
        "training,E2E-AON,ITC-ILO courses on the ISSA Guidelines,E2E all or none,,\n"
        "participant,E2E-AON-P,,Ama Owusu,E2E-AON,140\n"
    )
    proc = ilo(server, "import-activities", str(source))
    assert proc.returncode == 1
    assert "course.csv:3:" in proc.stderr
    assert not odoo.env["ilo.training"].search([("name", "=", "E2E all or none")])


def test_import_budget_refuses_ambiguous_amounts_and_writes_no_batch(
    server, odoo, tmp_path
):
    """600 rows, an ambiguous amount on line 561: one transaction, nothing written
    (no batch of 500 left behind), the line named."""
    rows = [
        f'E2E-BIG-{n},"{ADVISORY}",ILO-RB,travel,2032-01-01,2032-12-31,'
        f'"{"12.500" if n == 560 else "10,00"}"'
        for n in range(1, 601)
    ]
    source = tmp_path / "big.csv"
    source.write_text(
        "key,project,funding_source,category,date_from,date_to,amount_planned\n"
        + "\n".join(rows)
        + "\n"
    )
    Line = odoo.env["ilo.budget.line"]
    before = Line.search_count([])
    proc = ilo(server, "import-budget", str(source))
    assert proc.returncode == 1
    assert "big.csv:561: Planned: '12.500' is ambiguous" in proc.stderr, proc.stderr
    assert "1 bad row(s) of 600: nothing written." in proc.stderr
    assert Line.search_count([]) == before


def test_import_expenditure_workbooks(server, odoo, tmp_path):
    """A formula never calculated is refused (not read as 0); a LibreOffice
    workbook's rows are all seen (not "0 lines imported")."""
    proc = ilo(
        server, "import-expenditure", str(FIXTURES / "ledger_formula_no_value.xlsx")
    )
    assert proc.returncode != 0
    assert "cell C3 holds a formula with no saved value" in proc.stderr, proc.stderr
    proc = ilo(
        server,
        "import-expenditure",
        "--dry-run",
        str(FIXTURES / "ledger_libreoffice.xlsx"),
    )
    assert proc.returncode == 1  # its project "P" is none of the server's
    assert "ledger_libreoffice.xlsx:2: project 'P'" in proc.stderr, proc.stderr
    assert "ledger_libreoffice.xlsx:3: project 'P'" in proc.stderr, proc.stderr


def test_control_characters_refused_at_input_cleaned_at_export(server, odoo, tmp_path):
    """A text field of the addons refuses a pasted control character (a readable
    message over RPC); a project name holding one (Odoo's own field, or saved
    before) is cleaned in the IATI file instead of a traceback."""
    import odoorpc

    Deliverable = odoo.env["ilo.deliverable"]
    [project] = odoo.env["project.project"].search([("name", "=", ADVISORY)])
    try:
        Deliverable.create({"name": "Note\x0cannexe", "project_id": project})
    except odoorpc.error.RPCError as exc:
        assert "control character (U+000C)" in str(exc)
    else:
        raise AssertionError("a control character was accepted")
    Project = odoo.env["project.project"]
    Project.browse(project).write({"name": ADVISORY + "\x0b"})
    try:
        target = tmp_path / "iati.xml"
        proc = ilo(
            server, "iati-export", "--project", "Actuarial advisory", "-o", str(target)
        )
        assert "Traceback" not in proc.stderr
        assert proc.returncode == 0, proc.stderr
        assert f"<narrative>{ADVISORY}\n</narrative>" in target.read_text()
    finally:
        Project.browse(project).write({"name": ADVISORY})


def test_import_activities_bad_dates_named_with_line_and_hint(server, odoo, tmp_path):
    """A bad date of each date column: its line, what was read, what to write;
    nothing written, exit 1."""
    text = (FIXTURES / "activities_bad_dates.csv").read_bytes().decode("cp1252")
    source = tmp_path / "dates.csv"
    source.write_bytes(text.replace("{project}", f'"{ADVISORY}"').encode("cp1252"))
    proc = ilo(server, "import-activities", str(source))
    assert proc.returncode == 1, proc.stderr
    assert "dates.csv:2:" in proc.stderr and "write e.g. 2030-02-28" in proc.stderr
    assert "dates.csv:3:" in proc.stderr and "it means 2030-04-15" in proc.stderr
    assert "dates.csv:4:" in proc.stderr and "'Brumaire' is not a month" in proc.stderr
    assert not odoo.env["ilo.advisory.mission"].search(
        [("name", "=", "Mission à Ziguinchor")]
    )


def test_iati_export_reports_errors_and_warnings_naming_the_project(
    server, odoo, tmp_path
):
    """Warnings (what IATI's validators flag) are printed, the exit code is 0;
    an error (what they reject) names its project, exit 1."""
    target = tmp_path / "iati.xml"
    proc = ilo(server, "iati-export", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "iati: warning:" in line]
    if warnings:
        assert f"{len(warnings)} warning(s)" in proc.stdout
    Project = odoo.env["project.project"]
    [project] = Project.search([("name", "=", ADVISORY)])
    countries = Project.read([project], ["country_ids"])[0]["country_ids"]
    Project.browse(project).write({"country_ids": [(5, 0, 0)]})
    try:
        proc = ilo(server, "iati-export", "-o", str(target))
        assert proc.returncode == 1, proc.stderr
        assert (
            f"iati: {ADVISORY}: a recipient country or region is required"
            in proc.stderr
        )
        assert "NOT valid" in proc.stderr
    finally:
        Project.browse(project).write({"country_ids": [(6, 0, countries)]})
