"""The layering in pyproject.toml holds, and the instructor's command-line tools never load Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import LESSONS, REPO


def test_import_linter_contracts_are_kept() -> None:
    result = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                             "lint_imports_command()"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_check_command_runs_without_qt() -> None:
    code = ("import sys; from irtutor.app import main; rc = main(['check', sys.argv[1]]); "
            "heavy = [m for m in ('PySide6', 'pyqtgraph', 'sqlalchemy') if m in sys.modules]; "
            "print('loaded:', heavy); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, str(LESSONS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("loaded: []")
