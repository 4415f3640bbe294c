"""`govproj workdays` end to end: stdout is only the answer, warnings and explanations go to stderr."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govproj.cli import main

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """Never read the developer's ~/.config/govproj or a .govproj/ of the repository the tests run in."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["workdays", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_forward(capsys):
    assert run(capsys, "2026-09-25", "+20") == (0, "2026-10-29\n", "")
    assert run(capsys, "2025-09-25", "+20") == (0, "2025-10-29\n", "")
    assert run(capsys, "2025-09-25", "20") == (0, "2025-10-29\n", "")  # no sign: forward


def test_backward_negative_number_is_not_an_option(capsys):
    assert run(capsys, "2026-09-25", "-15") == (0, "2026-09-07\n", "")
    assert run(capsys, "2025-02-05", "-2") == (0, "2025-01-26\n", "")  # the worked Sunday before 春节


def test_between(capsys):
    assert run(capsys, "2026-09-25", "2026-10-29") == (0, "20\n", "")
    assert run(capsys, "2026-10-29", "2026-09-25") == (0, "-20\n", "")
    assert run(capsys, "2025-09-30", "2025-10-08") == (0, "0\n", "")


def test_other_date_spellings(capsys):
    assert run(capsys, "2025/9/25", "+20")[1] == "2025-10-29\n"
    assert run(capsys, "2025年9月25日", "+20")[1] == "2025-10-29\n"
    assert run(capsys, "20250925", "2025.10.29")[1] == "20\n"


def test_verbose_explains_on_stderr(capsys):
    code, out, err = run(capsys, "2025-09-25", "+20", "--verbose")
    assert code == 0
    assert out == "2025-10-29\n"
    assert "2025-10-01 至 2025-10-08（8 天）国庆节、中秋节" in err
    assert "2025-09-28（星期日） 调休上班（国庆节）" in err
    assert "2025-10-11（星期六） 调休上班（国庆节）" in err
    assert "跳过的普通周末：6 天" in err
    assert "2025 年：chinesecalendar" in err
    assert "第 20 个工作日是 2025-10-29（星期三）" in err


def test_estimated_year_warns_on_stderr(capsys):
    code, out, err = run(capsys, "2026-12-20", "+20")
    assert code == 0
    assert out == "2027-01-18\n"
    assert "警告：2027 年的放假安排没有官方数据" in err
    assert "calendar.yaml" in err and "source:" in err and "workdays:" in err
    # a range fully inside known years does not warn
    assert run(capsys, "2026-01-05", "+20")[2] == ""


def test_project_calendar_changes_result_and_silences_warning(capsys, tmp_path):
    project = tmp_path / "proj"
    project.mkdir()
    (project / "calendar.yaml").write_text(
        "years:\n"
        "  2027:\n"
        "    source: \"国办发明电〔2026〕X号\"\n"
        "    holidays:\n"
        "      - 2027-01-01\n"
        "      - {from: 2027-02-05, to: 2027-02-11, name: 春节}\n"
        "    workdays:\n"
        "      - 2027-02-14\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "2027-02-04", "+1")  # without the project: the estimate, with a warning
    assert (code, out) == (0, "2027-02-09\n") and "2027 年" in err
    code, out, err = run(capsys, "2027-02-04", "+1", "--project", str(project))
    assert (code, out, err) == (0, "2027-02-12\n", "")
    code, out, err = run(capsys, "2027-02-04", "+2", "--project", str(project), "-v")
    assert out == "2027-02-14\n"
    assert "2027-02-05 至 2027-02-11（7 天）春节" in err
    assert "2027-02-14（星期日） 调休上班" in err
    assert "用户日历" in err


@pytest.mark.parametrize("argv, words", [
    (("2026-02-30", "+3"), "起算日期 `2026-02-30` 不是存在的日期"),
    (("tomorrow", "+3"), "起算日期 `tomorrow` 不是日期"),
    (("2026-02-03", "x"), "第二个参数 `x` 不是日期"),
    (("2026-02-03", "+9999999"), "太大"),
])
def test_bad_arguments_exit_2(capsys, argv, words):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert words in err
    assert "处理办法：" in err


def test_missing_argument_exit_2(capsys):
    code, out, err = run(capsys, "2026-02-03")
    assert code == 2
    assert "缺少必需的参数" in err


def test_missing_project_folder(capsys, tmp_path):
    code, _, err = run(capsys, "2026-02-03", "+1", "--project", str(tmp_path / "nope"))
    assert code == 2
    assert "不存在" in err


def test_bad_project_calendar_reports_file_and_line(capsys, tmp_path):
    (tmp_path / "calendar.yaml").write_text(
        "years:\n  2027:\n    source: x\n    holidays:\n      - {from: 2027-02-11, to: 2027-02-05}\n",
        encoding="utf-8")
    code, out, err = run(capsys, "2026-02-03", "+1", "--project", str(tmp_path))
    assert code == 2 and out == ""
    assert f"错误：{tmp_path / 'calendar.yaml'}:5:" in err
    assert "早于" in err


def test_help(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "govproj workdays 2026-09-25 -15" in out


def test_subprocess(tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), PYTHONPATH=str(REPO), LANG="C")
    proc = subprocess.run([sys.executable, "-m", "govproj", "workdays", "2026-09-25", "-15"],
                          capture_output=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout.decode() == "2026-09-07\n"
    assert proc.stderr == b""
    proc = subprocess.run([sys.executable, "-m", "govproj", "workdays", "2026-12-20", "+20"],
                          capture_output=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0
    assert proc.stdout.decode() == "2027-01-18\n"
    assert "2027 年" in proc.stderr.decode("utf-8")
