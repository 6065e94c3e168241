"""Static checks as tests: the linter, the formatter and the type checker
find nothing (their configuration is in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["ruff", "check", "--no-cache", "."], id="ruff-check"),
        pytest.param(["ruff", "format", "--check", "--no-cache", "."], id="ruff-format"),
        pytest.param(["mypy"], id="mypy"),
    ],
)
def test_static_check_finds_nothing(command: list[str]):
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
