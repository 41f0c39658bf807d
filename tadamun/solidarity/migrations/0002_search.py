from django.db import migrations

from tadamun.core.search import trigram_index


class Migration(migrations.Migration):
    dependencies = [("solidarity", "0001_initial")]

    operations = [
        trigram_index("solidarity_opportunity"),
        trigram_index("solidarity_need"),
        trigram_index("solidarity_offer"),
    ]
