"""The search index of articles, and the group of network editors who review submissions."""

from django.db import migrations

from tadamun.core.search import trigram_index


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Network editors")


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [
        trigram_index("newsroom_article"),
        migrations.RunPython(create_group, migrations.RunPython.noop),
    ]
