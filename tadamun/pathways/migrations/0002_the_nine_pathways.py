from django.db import migrations

SLUGS = [
    "human-rights-defenders", "democracy", "peacebuilding", "demilitarization", "minorities",
    "economic-social-rights", "women", "youth", "heritage-environment",
]


def create(apps, schema_editor):
    Pathway = apps.get_model("pathways", "Pathway")
    for number, slug in enumerate(SLUGS, start=1):
        Pathway.objects.update_or_create(slug=slug, defaults={"number": number})


class Migration(migrations.Migration):
    dependencies = [("pathways", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
