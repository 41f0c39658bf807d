"""An index for substring search of the directory (see tadamun/core/search.py)."""

from django.db import migrations

from tadamun.core.search import trigram_index


class Migration(migrations.Migration):
    dependencies = [("network", "0003_review_index")]
    operations = [trigram_index("network_organisation")]
