"""Provisioning: loud failure without Odoo; OCA 18.0 wheels installable."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(os.environ.get("ILO_ROOT", Path(__file__).resolve().parents[1]))
PY = os.environ.get("ILO_PY", sys.executable)


def test_missing_odoo_fails_loudly(tmp_path):
    env = dict(
        os.environ,
        ODOO_SRC=str(tmp_path / "no-odoo-here"),
        ODOO_GIT_URL=str(tmp_path / "no-such-repository"),
        ILO_STATE_DIR=str(tmp_path / "state"),
    )
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts/provision.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 3, proc.stderr
    assert "No Odoo 18.0 source tree found" in proc.stderr
    assert "ODOO_SRC" in proc.stderr
    assert ".local/share/odoo-18.0" in proc.stderr


def test_oca_wheel_installs_without_declared_dependencies(tmp_path):
    """OCA 18.0 wheels declare odoo==18.0.*: they go in with --no-deps, and Odoo
    finds them."""
    target = tmp_path / "site"
    proc = subprocess.run(
        [
            PY,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            "odoo-addon-date-range==18.0.*",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    addon = target / "odoo" / "addons" / "date_range"
    assert (addon / "__manifest__.py").is_file()
    check = subprocess.run(
        [
            PY,
            "-c",
            "import sys; from odoo.tools import config; "
            "config.parse_config(['--addons-path', sys.argv[1]], setup_logging=False); "
            "from odoo.modules.module import get_manifest, initialize_sys_path; "
            "initialize_sys_path(); m = get_manifest('date_range'); "
            "print(m['version'], m['installable'])",
            str(addon.parent),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    version, installable = check.stdout.split()
    assert version.startswith("18.0.")
    assert installable == "True"
