"""An index for substring search of the directory, whatever the database.

SQLite: an FTS5 table with the trigram tokenizer over `search_text`, kept in step by
triggers. PostgreSQL: a trigram GIN index (pg_trgm), which `LIKE '%...%'` uses directly.
Searches of one or two letters use a plain scan (trigrams need three).
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE network_organisation_search USING fts5("
    "search_text, content='network_organisation', content_rowid='id', tokenize='trigram')",
    "INSERT INTO network_organisation_search(network_organisation_search) VALUES ('rebuild')",
    "CREATE TRIGGER network_organisation_search_insert AFTER INSERT ON network_organisation BEGIN "
    "INSERT INTO network_organisation_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER network_organisation_search_delete AFTER DELETE ON network_organisation BEGIN "
    "INSERT INTO network_organisation_search(network_organisation_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER network_organisation_search_update AFTER UPDATE OF search_text ON network_organisation BEGIN "
    "INSERT INTO network_organisation_search(network_organisation_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO network_organisation_search(rowid, search_text) VALUES (new.id, new.search_text); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS network_organisation_search_update",
    "DROP TRIGGER IF EXISTS network_organisation_search_delete",
    "DROP TRIGGER IF EXISTS network_organisation_search_insert",
    "DROP TABLE IF EXISTS network_organisation_search",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS network_organisation_search_trgm "
    "ON network_organisation USING gin (search_text gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS network_organisation_search_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("network", "0003_review_index")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
