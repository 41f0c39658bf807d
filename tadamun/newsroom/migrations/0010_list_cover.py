"""On PostgreSQL, a covering index lets a filtered news list be counted from the index
alone (a hash join instead of one lookup per matching pathway row). Not on SQLite, whose
planner would then pick it for pathway pages and sort every match."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS newsroom_article_list_cover "
            "ON newsroom_article (id) INCLUDE (status, original_language)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS newsroom_article_list_cover")


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0009_wire_search")]
    operations = [migrations.RunPython(forward, backward)]
