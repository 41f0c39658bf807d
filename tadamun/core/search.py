"""Substring search over a normalised `search_text` column, indexed on every database.

SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers.
PostgreSQL: a trigram GIN index (pg_trgm), which `LIKE '%...%'` uses directly.
Terms of one or two letters use a plain scan (trigrams need three). The text itself is
normalised by `tadamun.core.text.normalise`, so Arabic and Kurdish spellings meet.
"""

from __future__ import annotations

from django.db import connection, migrations
from django.db.models import Q
from django.db.models.expressions import RawSQL


def _statements(table: str, column: str = "search_text") -> dict[str, tuple[list[str], list[str]]]:
    fts = f"{table}_search"
    sqlite_forward = [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', content_rowid='id', tokenize='trigram')",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
    ]
    sqlite_backward = [
        f"DROP TRIGGER IF EXISTS {fts}_update",
        f"DROP TRIGGER IF EXISTS {fts}_delete",
        f"DROP TRIGGER IF EXISTS {fts}_insert",
        f"DROP TABLE IF EXISTS {fts}",
    ]
    postgres_forward = [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} USING gin ({column} gin_trgm_ops)",
    ]
    postgres_backward = [f"DROP INDEX IF EXISTS {table}_search_trgm"]
    return {"sqlite": (sqlite_forward, sqlite_backward), "postgresql": (postgres_forward, postgres_backward)}


# Tables with a search index. On SQLite a later migration that rebuilds a table (Django
# does for many column changes) drops its triggers; `ensure_indexes`, run after every
# migrate, puts back what is missing and refills the index.
INDEXED_TABLES = (
    "network_organisation", "newsroom_article", "newsroom_wireitem", "assembly_decision",
    "solidarity_opportunity", "solidarity_need", "solidarity_offer",
)


def ensure_indexes(using: str = "default") -> list[str]:
    """Recreate missing SQLite triggers (and refill the index); returns the tables mended."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return []
    mended = []
    with connection.cursor() as cursor:
        existing = {row[0] for row in cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        for table in INDEXED_TABLES:
            if table not in existing:
                continue
            fts = f"{table}_search"
            wanted = [f"{fts}_insert", f"{fts}_delete", f"{fts}_update"]
            if fts in existing and all(name in existing for name in wanted):
                continue
            for statement in _statements(table)["sqlite"][1]:
                cursor.execute(statement)
            for statement in _statements(table)["sqlite"][0]:
                cursor.execute(statement)
            mended.append(table)
    return mended


def trigram_index(table: str, column: str = "search_text") -> migrations.RunPython:
    """The migration operation that indexes `table.column` for substring search."""
    statements = _statements(table, column)

    def forward(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, ([], []))[0]:
            schema_editor.execute(statement)

    def backward(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, ([], []))[1]:
            schema_editor.execute(statement)

    return migrations.RunPython(forward, backward)


def contains(table: str, term: str, column: str = "search_text") -> Q:
    """Rows of `table` whose normalised search text contains `term` (already normalised)."""
    if connection.vendor == "sqlite" and len(term) >= 3:
        phrase = '"' + term.replace('"', '""') + '"'
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {table}_search WHERE {table}_search MATCH %s", [phrase]))
    return Q(**{f"{column}__contains": term})
