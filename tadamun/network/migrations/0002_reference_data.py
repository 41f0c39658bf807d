"""Iraq's 18 governorates (from tadamun/core/data/governorates.json) and the working languages."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parents[2] / "core" / "data" / "governorates.json"
LANGUAGES = ["ar", "ckb", "kmr", "en", "it", "syr", "tk", "hy", "fa", "tr", "fr", "de", "es"]


def load(apps, schema_editor):
    Governorate = apps.get_model("network", "Governorate")
    WorkingLanguage = apps.get_model("network", "WorkingLanguage")
    for row in json.loads(DATA.read_text(encoding="utf-8")):
        Governorate.objects.update_or_create(
            iso_code=row["iso"],
            defaults={
                "slug": row["slug"],
                "names": row["names"],
                "capital": row["capital"],
                "kurdistan_region": row["kurdistan_region"],
            },
        )
    for position, code in enumerate(LANGUAGES):
        WorkingLanguage.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
