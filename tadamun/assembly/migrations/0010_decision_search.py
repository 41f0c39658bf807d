"""An index for substring search of the register of decisions (see tadamun/core/search.py)."""

from django.db import migrations

from tadamun.core.search import trigram_index


class Migration(migrations.Migration):
    dependencies = [("assembly", "0009_gathering_documents")]
    operations = [trigram_index("assembly_decision")]
