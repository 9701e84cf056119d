"""Upgrading the addons (-u) keeps the data: records created through RPC survive with
their computed figures recomputed, and demo records are untouched."""

import os
import subprocess
from pathlib import Path

ROOT = Path(os.environ.get("ILO_ROOT", Path(__file__).resolve().parents[1]))


def test_upgrade_keeps_data(odoo, server):
    env = odoo.env
    area = env.ref("ilo_issa_partnership.area_training")
    project_id = env["project.project"].create(
        {"name": "Upgrade check project", "collaboration_area_id": area.id}
    )
    training_id = env["ilo.training"].create(
        {
            "name": "Upgrade check training",
            "project_id": project_id,
            "participant_ids": [
                (
                    0,
                    0,
                    {
                        "name": "A",
                        "gender": "female",
                        "constituent_group": "government",
                        "pre_score": 40,
                        "post_score": 70,
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "B",
                        "gender": "male",
                        "constituent_group": "employer",
                        "attended": False,
                    },
                ),
            ],
        }
    )
    fields = [
        "participant_count",
        "attended_count",
        "female_share",
        "average_score_gain",
    ]
    before = env["ilo.training"].read([training_id], fields)[0]
    demo_mission = env.ref("ilo_issa_partnership.mission_tl_validation_demo")
    demo_before = (demo_mission.state, demo_mission.back_to_office_report)
    area_count = env["ilo.collaboration.area"].search_count([])

    proc = subprocess.run(
        [
            str(ROOT / "scripts/odoo.sh"),
            "-d",
            server["db"],
            "-u",
            "ilo_issa_partnership,c102_campaign",
            "--stop-after-init",
            "--log-level=warn",
            "--http-port=0",
            "--max-cron-threads=0",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert " ERROR " not in proc.stdout + proc.stderr

    after = env["ilo.training"].read([training_id], fields)[0]
    assert after == before
    assert after["participant_count"] == 2 and after["average_score_gain"] == 30.0
    demo_mission = env.ref("ilo_issa_partnership.mission_tl_validation_demo")
    assert (demo_mission.state, demo_mission.back_to_office_report) == demo_before
    assert env["ilo.collaboration.area"].search_count([]) == area_count
