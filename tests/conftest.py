"""Shared fixtures: run the real CLI in-process, make real example projects on disk."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from govproj.cli import main


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Run `govproj ARGS…` in tmp_path; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def example(run, tmp_path):
    """A fresh copy of a pack example in tmp_path/<name>; returns its Path."""
    def _make(jurisdiction: str = "bj", kind: str = "upgrade", name: str = "p") -> Path:
        code, out, err = run("new", name, "--jurisdiction", jurisdiction, "--kind", kind, "--example")
        assert code == 0, err
        return tmp_path / name

    return _make


@pytest.fixture
def isolated(tmp_path, monkeypatch) -> Path:
    """A fresh working folder: no user calendar, no colour forced, no CI or git variables, the cache off."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("GOVPROJ_NO_CACHE", "1")
    for name in ("FORCE_COLOR", "CI", "GITHUB_ACTIONS", "GIT_DIR", "GIT_COMMON_DIR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def pytest_configure(config):
    os.environ.setdefault("GOVPROJ_NO_CACHE", "1")  # tests see every run cold unless they test the cache
