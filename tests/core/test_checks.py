import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "TADAMUN_ENV": "production",
        "SECRET_KEY": "k" * 64 + "production-like-secret-for-the-test",
        "FIELD_ENCRYPTION_KEYS": "k1:" + "A" * 43,
        "ALLOWED_HOSTS": "tadamun.example.org",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "TADAMUN_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_csp_is_reported():
    from django.test import override_settings

    from tadamun.core.checks import content_security_policy

    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": ["'self'", "'unsafe-inline'"]}}):
        ids = {e.id for e in content_security_policy(None)}
    assert {"tadamun.E002", "tadamun.E003"} <= ids
