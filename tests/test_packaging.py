"""A wheel built from the repository ships the rule packs, data files, schema and templates,
and finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_and_uses_the_shipped_packs(tmp_path):
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run([*build, "-q", "-w", str(dist), str(ROOT)], check=True, capture_output=True)
    [wheel] = dist.glob("translation_audit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = ROOT / "rules"
    shipped = {f"audit/rules/{p.relative_to(rules).as_posix()}" for p in rules.rglob("*.*")}
    assert shipped <= names
    assert "audit/schemas/report.schema.json" in names
    templates = {
        f"audit/{p.relative_to(ROOT / 'audit').as_posix()}"
        for p in (ROOT / "audit").glob("*/templates/*")
    }
    assert {"audit/reports/templates/report.html.j2", "audit/serve/templates/page.html.j2"} <= (
        templates
    )
    assert templates <= names

    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True)
    code = (
        "from audit import load_packs\n"
        "from audit.rulebook.packs import shipped_rules_dir\n"
        "print(shipped_rules_dir())\n"
        "print(sum(len(p.rules) for p in load_packs([])))\n"
        "from audit.cli.app import main\n"
        "main(['check', '--no-config', '--format', 'html', '-o', 'report.html', 'article.txt'])\n"
    )
    (tmp_path / "article.txt").write_text("Fans conspired the referee.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    rules_dir, count = out.stdout.split()
    assert Path(rules_dir) == target / "audit" / "rules"
    from audit.engine.packs import load_packs

    assert int(count) == sum(len(pack.rules) for pack in load_packs([]))
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.count('<mark class="finding') == 1 and "</html>" in report
