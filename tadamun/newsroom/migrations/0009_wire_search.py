"""The search index of the wire's items (see tadamun/core/search.py)."""

from django.db import migrations

from tadamun.core.search import trigram_index


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0008_list_indexes")]
    operations = [trigram_index("newsroom_wireitem")]
