"""`make bench`: the directory at scale, on SQLite and (when reachable) PostgreSQL.

For each database, in a fresh process with its own settings:

1. migrate a fresh database and generate 1,000 organisations; count the SQL queries of
   each page; generate up to 10,000 and count again (the counts must not change);
2. time each page in-process with django.test.Client (p50/p95 over N requests after a
   warm-up): that is server time, without network or HTTP parsing;
3. serve the platform with gunicorn (2 workers, as `make run` does) and measure requests
   per second of the directory against a bare Django "hello" view behind the same
   middleware (`bench/urls.py`), with a small threaded HTTP load generator;
4. measure the first page load: home HTML + the CSS and JS it references, gzip-compressed;
5. the newsroom: generate 10,000 published articles, count the SQL queries of its pages
   (news list, search, feeds, an article, the profile and pathway pages that list the
   latest articles); generate up to 100,000 and count again; time each page as in 2.
6. campaigns: generate 200 campaigns holding 100,000 confirmed signatures, count the SQL
   queries of their pages (list, campaign, petition, embedded petition, feed, API) and
   check that none counts rows of the signatures table (the counter is read in O(1)); grow
   to 1,000,000 signatures (over half on one busy petition) and count again; time each page
   as in 2. Then signing throughput on the busy petition, single thread, in-process: sign
   through `services.sign` and through the petition's form, confirm each through its link
   (POST), and check that the counter equals the confirmed rows.
7. consultations: generate a small one (300 participants x 50 statements) and count the SQL
   queries of its pages, then a large one (5,000 participants x 500 statements, 30% of the
   cells voted, 3 planted groups: ~750,000 votes). Time the maths alone (`opinion.compute`
   on an in-memory array) and the full `services.recompute` (read the votes, compute, store
   the report), with peak memory (tracemalloc in this process, peak resident memory of a fresh process);
   time `services.vote` with no recomputation running, while one runs in a thread of this
   process, and while one runs in another process (as the task worker runs it); count the
   SQL queries of the consultation's pages again and time them.
8. decisions (deciding together): generate a General Assembly of 100 organisations (a seat and
   a delegate each, reusing the organisations and their members already there), its open
   consensus proposal with positions from ~90% of the seats (blocks, proxies), an anonymous
   proposal and a poll, a register of 1,000 decisions and a conference with 30 sessions and 500
   registrations, and count the SQL queries of their pages (the group, the proposal as a
   visitor and as a delegate, the register and its search, a decision, the gathering as a
   visitor and as a registered person, the organisers' desk, the API, the feed); grow to 1,000
   organisations, 20,000 decisions and 5,000 registrations and count again (and report the
   statements a request runs more than once); time each page as in 2; then time the services:
   `state_position` by delegates, `tally` of the big proposal, `register` for the conference,
   and `close_proposal` once.
9. solidarity (suggested counterparts, `bench/solidarity.py`): a network of 2,000 organisations
   with 40 Iraqi "query" organisations, each with 5 planted international counterparts and
   distractors; precision@5 and recall@10 of their suggestions after `matching.rebuild_all`,
   after incremental updates (`matching.update_for`) and rebuilt again; then grown to 10,000:
   `save_all_profiles` and `rebuild_all` timed, `update_for` with a warm and a cold index,
   `Index.scores`, the suggestions page (at 1,000 and 10,000), peak memory.

The parent process prints a Markdown table and writes `bench/RESULTS.md`. With `--only
consultations`, `--only decisions` or `--only solidarity` (optionally with a database: `--only decisions,sqlite`)
only that part runs (7, 8 or 9; several with `--only consultations,decisions`), on a fresh database,
and its sections replace those of `bench/RESULTS.md` (the others are kept).

    .venv/bin/python bench/run.py [--count 10000] [--articles 100000] [--signatures 1000000] [--requests 200] [--duration 10]
        [--participants 5000 --statements 500 --density 0.3] [--seats 1000 --decisions 20000 --registrations 5000]
        [--matching 10000] [--only sqlite|postgresql|consultations|decisions|solidarity[,...]]
    BENCH_POSTGRES_URL=postgres://user@host:5432/tadamun_bench  (default shown below)
"""

from __future__ import annotations

import argparse
import gc
import gzip
import http.client
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "RESULTS.md"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/tadamun_bench"

TARGET_P95_MS = 50.0
TARGET_RATIO = 0.2
TARGET_FIRST_LOAD_KB = 60.0
SMALL = 1_000  # organisations when queries are counted the first time
NEWS_SMALL = 10_000  # articles when the newsroom's queries are counted the first time
CAMPAIGNS_SMALL = 100_000  # confirmed signatures when the campaigns' queries are counted the first time
CONSULTATION_SMALL = (300, 50)  # participants x statements of the consultation whose queries are counted first
TARGET_RECOMPUTE_S = 2.0
TARGET_VOTE_P95_MS = 20.0
# Deciding together: (organisations seated in the General Assembly, decisions in the register,
# registrations for the conference) when the queries are counted the first time.
DECISIONS_SMALL = (100, 1_000, 500)
DECISION_SEARCH = ("مياه", "water")  # an Arabic and an English word searched in the register
REPEATED_SQL = 3  # a query shape run this many times in one request is reported
PAGE_BUDGET_S, PAGE_MIN_REQUESTS = 8.0, 20  # a slower page is timed on fewer requests, never fewer than these
ONLY = ("sqlite", "postgresql", "consultations", "decisions", "solidarity")
PARTS = ("consultations", "decisions", "solidarity")  # the parts that run alone with --only, merged into RESULTS.md
RATE_LIMIT_VARIABLES = [
    "RATE_LIMIT_SEARCH_ADDRESS", "RATE_LIMIT_SEARCH_PERSON", "RATE_LIMIT_API_ADDRESS", "RATE_LIMIT_API_PERSON",
    "RATE_LIMIT_SIGN_ADDRESS", "RATE_LIMIT_SIGN_EMAIL",
]
UNLIMITED = "100000000/m"

# (label, path, query parameters); the profile's path is filled in once data exists.
PAGES: list[tuple[str, str, dict[str, str]]] = [
    ("Directory", "/en/organisations/", {}),
    ("Directory, filtered", "/en/organisations/", {"governorate": "IQ-BA", "pathway": "women", "q": "water"}),
    ("Directory, Arabic search", "/en/organisations/", {"q": "مياه"}),
    ("Directory, page 200", "/en/organisations/", {"page": "200"}),
    ("Organisation profile", "", {}),
    ("Map", "/en/map/", {}),
    ("Home", "/en/", {}),
    ("API: organisations in Baghdad", "/api/organisations", {"governorate": "IQ-BG"}),
]
# The newsroom; "" paths are filled in once articles exist (resolve_news_pages).
NEWS_PAGES: list[tuple[str, str, dict[str, str]]] = [
    ("News", "/en/news/", {}),
    ("News, filtered", "/en/news/", {"pathway": "women", "language": "ar"}),
    ("News, Arabic search", "/ar/news/", {"q": "مياه"}),
    ("News, page 500", "/en/news/", {"page": "500"}),
    ("Article (its English version)", "", {}),
    ("RSS feed", "/en/news/feed.rss", {}),
    ("JSON feed", "/en/news/feed.json", {}),
    ("Pathway feed", "/en/news/pathway/women.rss", {}),
    ("Profile, busiest organisation", "", {}),
    ("Profile, quiet organisation", "", {}),
    ("Pathway page", "/en/pathways/women/", {}),
]
# Campaigns; "" paths are filled in once the busy petition exists (resolve_campaign_pages).
CAMPAIGN_PAGES: list[tuple[str, str, dict[str, str]]] = [
    ("Campaigns", "/en/campaigns/", {}),
    ("Campaigns, filtered", "/en/campaigns/", {"pathway": "heritage-environment", "q": "مياه"}),
    ("Campaign (the busy one)", "", {}),
    ("Petition (the busy one)", "", {}),
    ("Petition, embedded", "", {}),
    ("RSS feed of updates", "/en/campaigns/feed.rss", {}),
    ("API: campaigns", "/api/campaigns", {}),
    ("API: the busy campaign", "", {}),
]
# Consultations; the paths are filled in once the consultations exist (consultation_pages).
CONSULTATION_PAGES = [
    ("Consultations", "list", False),
    ("Consultation, signed-in participant", "page", True),
    ("Consultation, visitor", "page", False),
    ("Report", "report", False),
    ("API: report", "api", False),
]
# Deciding together: (label, page, who: None for a visitor, else a signed-in client); the
# paths are filled in once the groups exist (decision_pages).
DECISION_PAGES = [
    ("Group (the General Assembly)", "group", None),
    ("Proposal (the plan), visitor", "proposal", None),
    ("Proposal (the plan), delegate", "proposal", "delegate"),
    ("Register of decisions", "register", None),
    ("Register, Arabic search", "register_ar", None),
    ("Register, English search", "register_en", None),
    ("Decision (closed from a proposal)", "decision", None),
    ("Gathering (the conference), visitor", "gathering", None),
    ("Gathering, registered person", "gathering", "registered person"),
    ("Organisers' desk", "organise", "facilitator"),
    ("Proxy form (all the seats)", "proxy", "delegate"),
    ("API: proposals", "api_proposals", None),
    ("API: proposals with positions", "api_proposals_positions", None),
    ("API: one proposal (the plan)", "api_proposal", None),
    ("API: decisions", "api_decisions", None),
    ("API: gatherings", "api_gatherings", None),
    ("RSS feed", "feed", None),
]
# Pages that list every row of something by design (not paginated): what grows with it.
DECISION_PAGES_GROWING: dict[str, str] = {}
HELLO = "/__bench__/hello/"
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def url_of(path: str, params: dict[str, str]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


# --- The parent: one child process per database, then the report ---------------------------


def base_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "SQLITE_PATH", "TADAMUN_ENV", "TADAMUN_TESTING", "DEBUG"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="tadamun.settings",
        DEBUG="0",
        LOG_LEVEL="WARNING",
        # Every benchmark request comes from 127.0.0.1: the per-address limits stay on (their
        # cost is measured) but high enough never to answer 429.
        **{name: UNLIMITED for name in RATE_LIMIT_VARIABLES},
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    return env


def ensure_postgres_database(url: str) -> tuple[bool, str]:
    """Create the benchmark database if missing; a database whose name says it is a
    benchmark's (contains "bench") is dropped and created afresh. (reachable, note)"""
    try:
        import psycopg
        from psycopg import sql
    except ImportError:
        return False, "psycopg is not installed"
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "tadamun_bench"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin_url, connect_timeout=3, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and "bench" not in name:
                return True, f"reused database {name} (its organisations are replaced)"
            if exists:
                conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True, f"created database {name}"
    except Exception as exc:  # noqa: BLE001 (any failure means: skip PostgreSQL)
        return False, f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"


def run_child(label: str, env: dict[str, str], args: argparse.Namespace) -> dict | None:
    out = VAR / f"result-{label}.json"
    out.unlink(missing_ok=True)
    command = [
        sys.executable, str(Path(__file__).resolve()), "--child", label, "--out", str(out),
        "--count", str(args.count), "--articles", str(args.articles), "--requests", str(args.requests),
        "--campaigns", str(args.campaigns), "--signatures", str(args.signatures), "--signings", str(args.signings),
        "--duration", str(args.duration), "--connections", str(args.connections),
        "--participants", str(args.participants), "--statements", str(args.statements), "--density", str(args.density),
        "--votes", str(args.votes), "--seats", str(args.seats), "--decisions", str(args.decisions),
        "--registrations", str(args.registrations), "--positions", str(args.positions), "--matching", str(args.matching),
    ]
    if args.only:
        command += ["--only", args.only]
    described = {
        "consultations": f"a consultation of {args.participants:,} participants x {args.statements} statements",
        "decisions": f"a General Assembly of {args.seats:,} organisations, {args.decisions:,} decisions, "
                     f"{args.registrations:,} registrations",
        "solidarity": f"suggested counterparts among {args.matching:,} organisations",
    }
    parts = only_parts(args)
    print(
        f"\n== {label}: fresh database, "
        + (", ".join(described[part] for part in parts) if parts else
           f"{args.count:,} organisations, {args.articles:,} articles, {args.signatures:,} signatures, "
           + ", ".join(described.values()))
        + " ==",
        flush=True,
    )
    try:
        subprocess.run(command, env=env, cwd=ROOT, check=True, timeout=2400)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"   the {label} benchmark failed: {exc}", flush=True)
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the directory at scale.")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the newsroom (0: skip it)")
    parser.add_argument("--campaigns", type=int, default=200, help="campaigns, each with a petition and a letter")
    parser.add_argument("--signatures", type=int, default=1_000_000, help="confirmed signatures on them (0: skip campaigns)")
    parser.add_argument("--signings", type=int, default=2000, help="signatures signed and confirmed to measure throughput")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of HTTP load per URL")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--participants", type=int, default=5000, help="participants of the large consultation (0: skip consultations)")
    parser.add_argument("--statements", type=int, default=500, help="statements of the large consultation")
    parser.add_argument("--density", type=float, default=0.3, help="share of the statements each participant votes on")
    parser.add_argument("--votes", type=int, default=300, help="votes timed in each condition (with and without a recomputation)")
    parser.add_argument("--seats", type=int, default=1000, help="organisations of the General Assembly (0: skip deciding together)")
    parser.add_argument("--decisions", type=int, default=20_000, help="decisions in the register")
    parser.add_argument("--registrations", type=int, default=5000, help="registrations for the conference")
    parser.add_argument("--positions", type=int, default=200, help="positions stated and registrations made to time the services")
    parser.add_argument("--matching", type=int, default=10_000, help="organisations of the solidarity part at its large size (0: skip it)")
    parser.add_argument(
        "--only", metavar="PART[,PART]",
        help="comma-separated: sqlite or postgresql (one database), consultations, decisions or solidarity (those parts alone, "
             "merged into RESULTS.md)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--probe", choices=["compute", "recompute", "pages"], help=argparse.SUPPRESS)
    parser.add_argument("--urls", help=argparse.SUPPRESS)
    parser.add_argument("--npy", help=argparse.SUPPRESS)
    parser.add_argument("--consultation", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--min-votes", type=int, default=7, help=argparse.SUPPRESS)
    args = parser.parse_args()
    only = set(filter(None, (args.only or "").split(",")))
    if only - set(ONLY):
        parser.error(f"--only takes {', '.join(ONLY)} (comma-separated), not {', '.join(sorted(only - set(ONLY)))}")
    if args.probe:
        return probe(args)
    if args.child:
        return child(args)
    databases = (only & {"sqlite", "postgresql"}) or {"sqlite", "postgresql"}

    started = time.perf_counter()
    args.load_before = load_average()
    VAR.mkdir(parents=True, exist_ok=True)
    results: list[dict] = []
    notes: list[str] = []

    if "sqlite" in databases:
        db = VAR / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        env = base_env()
        env["SQLITE_PATH"] = str(db)
        if result := run_child("sqlite", env, args):
            results.append(result)

    if "postgresql" in databases:
        url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
        reachable, note = ensure_postgres_database(url)
        if reachable:
            print(f"\n   PostgreSQL: {note}", flush=True)
            env = base_env()
            env["DATABASE_URL"] = url
            if result := run_child("postgresql", env, args):
                results.append(result)
        else:
            shown = urlunsplit(urlsplit(url)._replace(netloc=urlsplit(url).hostname or ""))
            notes.append(f"PostgreSQL skipped: not reachable at {shown} ({note}).")
            print(f"\n== PostgreSQL skipped: {note} ==", flush=True)

    args.load_after = load_average()
    seconds = time.perf_counter() - started
    if parts := only_parts(args):
        previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        report = merge_parts(previous, results, notes, args, seconds, parts) if results else previous
        print("\n" + "\n".join(
            line for r in results for part in parts if r.get(part)
            for line in PART_REPORTS[part]["section"](NAMES.get(r["database"], r["database"]), r)
        ))
    else:
        report = render(results, notes, args, seconds)
        print("\n" + report)
    if report:
        RESULTS.write_text(report, encoding="utf-8")
        print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0 if results else 1


def only_parts(args: argparse.Namespace) -> list[str]:
    """The parts `--only` runs alone (in their order in `make bench`), if any."""
    named = (args.only or "").split(",")
    return [part for part in PARTS if part in named]


# --- The child: one database ------------------------------------------------------------------


def child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import generate
    from tadamun.network.models import Organisation

    log = lambda message: print(f"   {message}", flush=True)  # noqa: E731
    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    if Organisation.objects.exists():  # a PostgreSQL database given by BENCH_POSTGRES_URL, reused
        Organisation.objects.all().delete()
    log(f"migrated in {time.perf_counter() - t0:.1f} s")
    if parts := only_parts(args):
        result = {
            "database": connection.vendor,
            "database_version": database_version(connection),
            "requests": args.requests,
        }
        if "consultations" in parts:
            result["consultations"] = benchmark_consultations(args, log, alone=True) if args.participants > 0 else None
        if "decisions" in parts:
            result["decisions"] = benchmark_decisions(args, log, alone=True) if args.seats > 0 else None
        if "solidarity" in parts:
            result["solidarity"] = benchmark_solidarity(args, log, alone=True) if args.matching > 0 else None
        Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
        return 0

    small = min(SMALL, args.count)
    generated = generate(small)
    pages = resolve_pages()
    queries_small = {label: count_queries(url) for label, url in pages}
    generated_rest = generate(args.count - small) if args.count > small else {"seconds": 0}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does shortly after a bulk load
    generate_seconds = generated["seconds"] + generated_rest["seconds"]
    log(f"generated {Organisation.objects.count():,} organisations in {generate_seconds:.1f} s")

    rows = []
    for label, url in pages:
        queries = count_queries(url)
        timing = time_page(url, args.requests)
        rows.append({"label": label, "url": url, "queries_small": queries_small[label], "queries": queries, **timing})
        log(f"{label:32} p50 {timing['p50']:6.1f} ms  p95 {timing['p95']:6.1f} ms  {queries} queries")

    first_load = measure_first_load()
    log(f"first load: {first_load['total_gzip'] / 1024:.1f} KB compressed")
    throughput = measure_throughput(args, dict(pages)["Directory"])
    log(
        f"hello {throughput['hello']['rps']:.0f} req/s, directory {throughput['directory']['rps']:.0f} req/s, "
        f"ratio {throughput['ratio']:.2f}"
    )
    result = {
        "database": connection.vendor,
        "database_version": database_version(connection),
        "organisations": Organisation.objects.count(),
        "small": small,
        "generate_seconds": round(generate_seconds, 1),
        "requests": args.requests,
        "pages": rows,
        "first_load": first_load,
        "throughput": throughput,
        "news": benchmark_news(args, log) if args.articles > 0 else None,
        "campaigns": benchmark_campaigns(args, log) if args.signatures > 0 and args.campaigns > 0 else None,
    }
    result["consultations"] = benchmark_consultations(args, log, alone=False) if args.participants > 0 else None
    result["decisions"] = benchmark_decisions(args, log, alone=False) if args.seats > 0 else None
    result["solidarity"] = benchmark_solidarity(args, log, alone=False) if args.matching > 0 else None
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def benchmark_news(args: argparse.Namespace, log) -> dict:
    """The newsroom, after the directory: its queries counted at two sizes, its pages timed."""
    from django.db import connection

    from bench.generate import generate_articles
    from tadamun.newsroom.models import Article, Version

    small = min(NEWS_SMALL, args.articles)
    first = generate_articles(small)
    analyse(connection)
    pages = resolve_news_pages()
    queries_small = {label: count_queries(url) for label, url in pages}
    rest = generate_articles(args.articles - small) if args.articles > small else {"seconds": 0, "versions": 0}
    analyse(connection)
    seconds = first["seconds"] + rest["seconds"]
    articles = Article.objects.filter(status=Article.Status.PUBLISHED).count()
    versions = Version.objects.filter(status=Version.Status.PUBLISHED).count()
    log(f"generated {articles:,} published articles ({versions:,} versions) in {seconds:.1f} s")
    if first.get("fts_trigger_missing"):
        log("the SQLite FTS insert trigger of articles is MISSING: the generator indexed its rows itself")
    rows = []
    for label, url in pages:
        queries = count_queries(url)
        timing = time_page(url, args.requests)
        rows.append({"label": label, "url": url, "queries_small": queries_small[label], "queries": queries, **timing})
        log(f"{label:32} p50 {timing['p50']:6.1f} ms  p95 {timing['p95']:6.1f} ms  {queries} queries")
    return {
        "articles": articles,
        "versions": versions,
        "small": small,
        "generate_seconds": round(seconds, 1),
        "fts_trigger_missing": bool(first.get("fts_trigger_missing")),
        "pages": rows,
    }


def analyse(connection) -> None:
    """PostgreSQL: what autovacuum does shortly after a bulk load. (SQLite: nothing; the
    platform never runs ANALYZE there.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def resolve_news_pages() -> list[tuple[str, str]]:
    """The article: an Arabic one in the middle with a published English version (the page
    shows the version). The profiles: the organisation with the most articles, and one
    with the fewest (but at least one, so that its profile's queries are all there)."""
    from django.db.models import Count

    from tadamun.network.models import Organisation
    from tadamun.newsroom.models import Article, Version

    translated = Article.objects.filter(
        status=Article.Status.PUBLISHED, original_language="ar",
        versions__language="en", versions__status=Version.Status.PUBLISHED,
    ).order_by("pk")
    article = translated[translated.count() // 2]
    writing = Organisation.objects.filter(status=Organisation.Status.APPROVED).annotate(n=Count("articles")).filter(n__gt=0)
    busiest = writing.order_by("-n", "pk").first()
    quiet = writing.order_by("n", "pk").first()
    filled = {
        "Article (its English version)": article.get_absolute_url(),
        "Profile, busiest organisation": busiest.get_absolute_url(),
        "Profile, quiet organisation": quiet.get_absolute_url(),
    }
    return [(label, url_of(path or filled[label], params)) for label, path, params in NEWS_PAGES]


def benchmark_campaigns(args: argparse.Namespace, log) -> dict:
    """Campaigns, after the newsroom: their queries counted (and checked for a COUNT over
    signatures) at two sizes, their pages timed at the larger, then signing throughput."""
    from django.db import connection

    from bench.generate import generate_campaigns
    from tadamun.campaigns.models import Signature

    small = min(CAMPAIGNS_SMALL, args.signatures)
    first = generate_campaigns(args.campaigns, small)
    analyse(connection)
    log(f"generated {first['campaigns_total']} campaigns and {first['signatures_total']:,} signatures in {first['seconds']:.1f} s")
    pages = resolve_campaign_pages(first)
    captured_small = {label: capture_queries(url) for label, url in pages}
    rest = generate_campaigns(args.campaigns, args.signatures) if args.signatures > small else {**first, "seconds": 0, "rows": 0}
    analyse(connection)
    rows_total = Signature.objects.count()
    log(
        f"grew to {rest['signatures_total']:,} confirmed signatures ({rows_total:,} rows) in {rest['seconds']:.1f} s; "
        f"the busy petition holds {rest['busy_signatures']:,}"
    )
    rows = []
    for label, url in pages:
        captured = capture_queries(url)
        counting = [q["sql"] for q in captured_small[label] + captured if counts_signatures(q["sql"])]
        timing = time_page(url, args.requests)
        sql_ms = round(sum(q["ms"] for q in captured), 1)
        rows.append({
            "label": label, "url": url, "queries_small": len(captured_small[label]), "queries": len(captured),
            "sql_ms": sql_ms, "counts_signatures": bool(counting), "counting_sql": counting[:2], **timing,
        })
        log(
            f"{label:32} p50 {timing['p50']:6.1f} ms  p95 {timing['p95']:6.1f} ms  {len(captured)} queries ({sql_ms} ms)"
            + ("  COUNTS SIGNATURES" if counting else "")
        )
    signing = measure_signing(rest["busy_action"], args.signings, log)
    return {
        "campaigns": rest["campaigns_total"],
        "actions": rest["actions"],
        "signatures": rest["signatures_total"],
        "rows": rows_total,
        "busy_signatures": rest["busy_signatures"],
        "small": small,
        "generate_small_seconds": round(first["seconds"], 1),
        "generate_rest_seconds": round(rest["seconds"], 1),
        "generate_seconds": round(first["seconds"] + rest["seconds"], 1),
        "pages": rows,
        "counter_o1": not any(p["counts_signatures"] for p in rows),
        "signing": signing,
    }


def resolve_campaign_pages(generated: dict) -> list[tuple[str, str]]:
    """The busy campaign, its petition (over half of all signatures) and the petition's
    embeddable page, and the busy campaign in the API."""
    from tadamun.campaigns.models import Action

    busy = Action.objects.select_related("campaign").get(pk=generated["busy_action"])
    filled = {
        "Campaign (the busy one)": busy.campaign.get_absolute_url(),
        "Petition (the busy one)": busy.get_absolute_url(),
        "Petition, embedded": f"{busy.get_absolute_url()}embed/",
        "API: the busy campaign": f"/api/campaigns/{busy.campaign_id}",
    }
    return [(label, url_of(path or filled[label], params)) for label, path, params in CAMPAIGN_PAGES]


def counts_signatures(sql: str) -> bool:
    """Whether a query counts signatures: what the counter is there to avoid."""
    sql = sql.lower()
    return "count(" in sql.replace(" (", "(") and "campaigns_signature" in sql


def measure_signing(action_id: int, n: int, log) -> dict:
    """Signing throughput on the busy petition (single thread, in-process, one transaction per
    signature as in production): `n` signatures through `services.sign`, a quarter as many
    through the petition's form (POST), then every one of them confirmed through its link
    (POST /en/campaigns/confirm/<token>/, the button of the page the email links to). The
    tokens are made as the services make them for the email. Finally: does the counter equal
    the confirmed rows, on this petition and on every action?"""
    from django.core import signing
    from django.db import connection
    from django.db.models import Count, F, Q
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tadamun.campaigns import services
    from tadamun.campaigns.models import Action, Signature
    from tadamun.network.models import Governorate

    confirmed = Signature.Status.CONFIRMED
    action = Action.objects.select_related("campaign", "authority").get(pk=action_id)
    counter_before = action.signature_count
    run = f"{int(time.time()):x}"  # addresses never signed before, whatever ran earlier
    basra = Governorate.objects.get(iso_code="IQ-BA")

    # 1. services.sign, as the page and the API call it.
    service_emails = [f"bench-{run}-{i}@example.org" for i in range(n)]
    start = time.perf_counter()
    for i, email in enumerate(service_emails):
        services.sign(
            action=action, language="en", client="127.0.0.1",
            signer=services.Signer(name=f"Bench Signer {i}", email=email, country="IQ", governorate=basra, show_name=i % 3 == 0),
        )
    service_seconds = time.perf_counter() - start

    # 2. The petition's form, posted as a browser does (with the page's signed, dated token).
    # A first signer, not timed, to count the SQL queries of signing and of confirming.
    client = Client()
    url = action.get_absolute_url()
    started = re.search(r'name="started" value="([^"]+)"', client.get(url).content.decode())
    assert started, "no signed token in the petition's form"

    def form(i: int, email: str) -> dict:
        data = {"name": f"Form Signer {i}", "email": email, "country": "IQ", "governorate": "IQ-BA", "started": started.group(1)}
        return {**data, "show_name": "on"} if i % 3 == 0 else data

    probe = f"bench-probe-{run}@example.org"
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, form(0, probe))
    assert response.status_code == 302, (url, response.status_code)
    sign_queries = len(captured.captured_queries)
    form_emails = [f"bench-form-{run}-{i}@example.org" for i in range(max(2, n // 4))]
    form_times = []
    for i, email in enumerate(form_emails):
        t0 = time.perf_counter()
        response = client.post(url, form(i, email))
        form_times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 302, (url, response.status_code)

    # 3. Confirm each through its link, with the token the email carries.
    emails = [probe, *service_emails, *form_emails]
    pending = dict(
        Signature.objects.filter(action=action, email__in=emails, status=Signature.Status.PENDING).values_list("email", "pk")
    )
    assert len(pending) == len(emails), ("signatures missing", len(emails) - len(pending))
    nonces = dict(Signature.objects.filter(pk__in=pending.values()).values_list("pk", "nonce"))
    links = {email: f"/en/campaigns/confirm/{signing.dumps([pk, nonces[pk]], salt=services.CONFIRM_SALT)}/" for email, pk in pending.items()}
    with CaptureQueriesContext(connection) as captured:
        response = client.post(links[probe])
    assert response.status_code == 200, (links[probe], response.status_code)
    confirm_queries = len(captured.captured_queries)
    confirm_times = {}
    for email in emails[1:]:
        t0 = time.perf_counter()
        response = client.post(links[email])
        confirm_times[email] = (time.perf_counter() - t0) * 1000
        assert response.status_code == 200, (links[email], response.status_code)
    confirm_seconds = sum(confirm_times.values()) / 1000
    confirmations = len(confirm_times) + 1  # and the probe's

    # 4. The counter.
    action.refresh_from_db()
    confirmed_rows = Signature.objects.filter(action=action, status=confirmed).count()
    wrong = list(
        Action.objects.annotate(n=Count("signatures", filter=Q(signatures__status=confirmed)))
        .exclude(signature_count=F("n"))
        .values_list("pk", "signature_count", "n")[:5]
    )
    form_ms = [form_times[i] + confirm_times[email] for i, email in enumerate(form_emails)]
    result = {
        "signed_service": n,
        "service_seconds": round(service_seconds, 2),
        "service_rate": round(n / service_seconds, 1),
        "signed_form": len(form_emails),
        "form_rate": round(len(form_times) / (sum(form_times) / 1000), 1),
        "form_p50": round(statistics.median(form_times), 2),
        "form_p95": round(percentile(form_times, 95), 2),
        "sign_queries": sign_queries,
        "confirmed": confirmations,
        "confirm_timed": len(confirm_times),
        "confirm_seconds": round(confirm_seconds, 2),
        "confirm_rate": round(len(confirm_times) / confirm_seconds, 1),
        "confirm_p50": round(statistics.median(confirm_times.values()), 2),
        "confirm_p95": round(percentile(list(confirm_times.values()), 95), 2),
        "confirm_queries": confirm_queries,
        "end_to_end_rate": round(1000 / statistics.fmean(form_ms), 1),
        "counter_before": counter_before,
        "counter_after": action.signature_count,
        "confirmed_rows": confirmed_rows,
        "counter_exact": action.signature_count == confirmed_rows == counter_before + confirmations,
        "actions_checked": Action.objects.count(),
        "actions_wrong": wrong,
    }
    log(
        f"signing: services.sign {result['service_rate']:.0f}/s, the form {result['form_rate']:.0f}/s; "
        f"confirming {result['confirm_rate']:.0f}/s (p95 {result['confirm_p95']:.1f} ms); "
        f"sign + confirm {result['end_to_end_rate']:.0f}/s; counter {action.signature_count:,} = "
        f"{confirmed_rows:,} confirmed rows: {'yes' if result['counter_exact'] else 'NO'}"
        + (f"; actions whose counter is wrong: {wrong}" if wrong else "")
    )
    return result


def benchmark_consultations(args: argparse.Namespace, log, *, alone: bool) -> dict:
    """Consultations (part 7 of the docstring): the queries of their pages at two sizes, the
    recomputation of the large one (maths alone and in full, with peak memory), the latency of
    a vote with and without a recomputation running, and the pages timed."""
    import tracemalloc

    import numpy as np
    from django.conf import settings
    from django.db import connection
    from sklearn.metrics import adjusted_rand_score

    from bench.generate import generate_consultation
    from tadamun.accounts.models import User
    from tadamun.assembly import opinion, services
    from tadamun.assembly.models import Consultation, Report, Statement

    min_votes = settings.CONSULTATION_MIN_VOTES
    run = f"{int(time.time()):x}"
    person = User.objects.create_user(email=f"bench-participant-{run}@example.org")
    signed_in = signed_in_client(person)
    rng = random.Random(2026)

    # The small consultation first: the SQL of its pages and of a vote.
    small_size = (min(CONSULTATION_SMALL[0], args.participants), min(CONSULTATION_SMALL[1], args.statements))
    small = generate_consultation(*small_size, args.density, seed=2027)
    small_consultation = Consultation.objects.get(pk=small["consultation"])
    services.recompute(small_consultation)
    vote_sql_small = take_part(person, small_consultation)
    pages_small = consultation_pages(small_consultation)
    captured_small = {label: capture_queries(url, signed_in if signed else None) for label, url, signed in pages_small}

    # The large one.
    big = generate_consultation(args.participants, args.statements, args.density, seed=2026)
    analyse_consultations(connection)
    consultation = Consultation.objects.get(pk=big["consultation"])
    log(
        f"generated a consultation of {big['participants']:,} participants x {big['statements']} statements, "
        f"{big['votes']:,} votes (density {big['density']}) in {big['seconds']:.1f} s"
    )

    # (a) The maths alone, on an in-memory array of the triples.
    start = time.perf_counter()
    rows = list(services.vote_triples(consultation))
    read_seconds = time.perf_counter() - start
    start = time.perf_counter()
    triples = np.array(rows, dtype=np.int64)
    array_seconds = time.perf_counter() - start
    del rows
    compute_times = []
    for _ in range(3):
        start = time.perf_counter()
        result = opinion.compute(triples, min_votes=min_votes)
        compute_times.append(time.perf_counter() - start)
    tracemalloc.start()
    opinion.compute(triples, min_votes=min_votes)
    compute_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    mapped = [int(pid) for pid in result["group_of"]]
    ari = adjusted_rand_score([big["planted"][pid] for pid in mapped], [result["group_of"][str(pid)] for pid in mapped])
    top = [item["statement"] for item in result["consensus"]]
    planted_top = len(set(top) & set(big["consensus"]))
    npy = VAR / f"consultation-votes-{connection.vendor}.npy"
    np.save(npy, triples)
    del triples
    try:
        fresh_compute = run_probe(["--probe", "compute", "--npy", str(npy), "--min-votes", str(min_votes)])
    finally:
        npy.unlink(missing_ok=True)
    log(
        f"opinion.compute: best {min(compute_times):.2f} s, median {statistics.median(compute_times):.2f} s; "
        f"tracemalloc peak {compute_peak / 2**20:.0f} MB; a fresh process: peak resident {fresh_compute['rss_before']:.0f} MB "
        f"after loading the array, {fresh_compute['rss_after']:.0f} MB after computing; k={result['k']}, "
        f"ARI vs planted {ari:.3f}, planted consensus in the top {len(top)}: {planted_top}"
    )

    # (b) The full recomputation: read the votes from the database, compute, store the report.
    recompute_times = []
    for _ in range(3):  # the first without a previous report, the others with the previous groups
        start = time.perf_counter()
        report = services.recompute(consultation)
        recompute_times.append(time.perf_counter() - start)
    start = time.perf_counter()
    services.participation(consultation)
    participation_seconds = time.perf_counter() - start
    report_bytes = len(json.dumps(report.result).encode())
    start = time.perf_counter()
    Report.objects.update_or_create(
        consultation=consultation,
        defaults={"result": report.result, "votes_seen": report.votes_seen, "computed_at": report.computed_at, "seconds": report.seconds},
    )
    store_seconds = time.perf_counter() - start
    tracemalloc.start()
    services.recompute(consultation)
    recompute_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    log(
        f"services.recompute: first {recompute_times[0]:.2f} s, best {min(recompute_times):.2f} s, median "
        f"{statistics.median(recompute_times):.2f} s; reading the votes {read_seconds:.2f} s + array {array_seconds:.2f} s, "
        f"participation {participation_seconds:.2f} s, storing the report ({report_bytes / 1024:.0f} KB) {store_seconds:.2f} s; "
        f"tracemalloc peak {recompute_peak / 2**20:.0f} MB"
    )

    # (c) Votes: none running, a recomputation in a thread, one in another process.
    statements = list(Statement.objects.filter(consultation=consultation, status=Statement.Status.ACCEPTED))
    probe_participant = fresh_participants(consultation, 1)[0]
    vote_sql = capture_vote(probe_participant, statements[0])
    idle = summarise_votes(time_votes(consultation, statements, args.votes, rng), None)
    log(f"votes, no recomputation running: p50 {idle['p50']:.1f} ms, p95 {idle['p95']:.1f} ms")
    threaded = votes_during_thread(consultation, statements, args.votes, rng)
    log(
        f"votes, a recomputation in a thread: p50 {threaded['p50']:.1f} ms, p95 {threaded['p95']:.1f} ms "
        f"({threaded['during']} of {threaded['n']} during the recomputation of {threaded['recompute_seconds']:.2f} s: "
        f"p95 {threaded['during_p95']:.1f} ms)"
    )
    other = votes_during_process(consultation, statements, args.votes, rng)
    log(
        f"votes, a recomputation in another process: p50 {other['p50']:.1f} ms, p95 {other['p95']:.1f} ms "
        f"({other['during']} of {other['n']} during the recomputation of {other['recompute_seconds']:.2f} s: "
        f"p95 {other['during_p95']:.1f} ms); that process's peak resident memory {other['rss_before']:.0f} MB before, "
        f"{other['rss_after']:.0f} MB after"
    )
    counters = consultation_counters(consultation)
    log(f"counters exact after the votes: {'yes' if counters['exact'] else 'NO'} {counters}")

    # (d) The pages at the large size.
    take_part(person, consultation)
    pages = consultation_pages(consultation)
    page_rows = []
    for label, url, signed in pages:
        client = signed_in if signed else None
        captured = capture_queries(url, client)
        counting = [q["sql"] for q in captured_small[label] + captured if counts_rows(q["sql"], "assembly_vote")]
        timing = time_page(url, args.requests, client)
        sql_ms = round(sum(q["ms"] for q in captured), 1)
        page_rows.append({
            "label": label, "url": url, "queries_small": len(captured_small[label]), "queries": len(captured),
            "sql_ms": sql_ms, "counts_votes": bool(counting), "counting_sql": counting[:2], **timing,
        })
        log(
            f"{label:36} p50 {timing['p50']:6.1f} ms  p95 {timing['p95']:6.1f} ms  {len(captured)} queries ({sql_ms} ms), "
            f"{timing['bytes'] / 1024:.0f} KB" + ("  COUNTS VOTES" if counting else "")
        )
    fresh_pages = run_probe([
        "--probe", "pages", "--requests", str(args.requests),
        "--urls", json.dumps([(label, url) for label, url, signed in pages if not signed]),
    ])
    for label, timing in fresh_pages["pages"].items():
        log(
            f"{label:36} in a fresh process: p50 {timing['p50']:6.1f} ms  p95 {timing['p95']:6.1f} ms  max {timing['max']:6.1f} ms, "
            f"{timing['gc_full']} full garbage collections"
        )
    consultation.refresh_from_db()
    return {
        "alone": alone,
        "participants": big["participants"],
        "statements": big["statements"],
        "groups": big["groups"],
        "votes": big["votes"],
        "density": big["density"],
        "planted_consensus": len(big["consensus"]),
        "generate_seconds": big["seconds"],
        "small_participants": small["participants"],
        "small_statements": small["statements"],
        "small_votes": small["votes"],
        "min_votes": min_votes,
        "k": result["k"],
        "silhouette": result["silhouette"],
        "mapped": result["participants"],
        "ari": round(ari, 4),
        "consensus_top": len(top),
        "consensus_planted_in_top": planted_top,
        "compute": {"best": round(min(compute_times), 3), "median": round(statistics.median(compute_times), 3),
                    "runs": [round(t, 3) for t in compute_times], "tracemalloc_peak_mb": round(compute_peak / 2**20, 1),
                    "fresh": fresh_compute},
        "recompute": {"first": round(recompute_times[0], 3), "best": round(min(recompute_times), 3),
                      "median": round(statistics.median(recompute_times), 3), "runs": [round(t, 3) for t in recompute_times],
                      "read_seconds": round(read_seconds, 3), "array_seconds": round(array_seconds, 3),
                      "participation_seconds": round(participation_seconds, 3), "store_seconds": round(store_seconds, 3),
                      "report_kb": round(report_bytes / 1024, 1), "tracemalloc_peak_mb": round(recompute_peak / 2**20, 1)},
        "vote_queries_small": len(vote_sql_small),
        "vote_queries": len(vote_sql),
        "vote_counts_votes": any(counts_rows(sql, "assembly_vote") for sql in vote_sql_small + vote_sql),
        "votes_idle": idle,
        "votes_thread": threaded,
        "votes_process": other,
        "counters": counters,
        "pages": page_rows,
        "fresh_pages": fresh_pages,
        "rss_mb": round(max_rss_mb(), 1),
    }


def analyse_consultations(connection) -> None:
    """PostgreSQL: what autovacuum does shortly after a bulk load, on the consultations' tables."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE assembly_vote, assembly_participant, assembly_statement")


def max_rss_mb() -> float:
    """This process's peak resident memory in MB: VmHWM (Linux; its own since its exec, unlike
    ru_maxrss, which a process started by another keeps from before the exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def signed_in_client(person):
    from django.test import Client

    client = Client()
    client.force_login(person)
    return client


def consultation_pages(consultation) -> list[tuple[str, str, bool]]:
    """(label, URL, signed in) of the consultation's pages."""
    urls = {
        "list": "/en/consultations/",
        "page": consultation.get_absolute_url(),
        "report": f"{consultation.get_absolute_url()}report/",
        "api": f"/api/consultations/{consultation.pk}/report",
    }
    return [(label, urls[kind], signed) for label, kind, signed in CONSULTATION_PAGES]


def counts_rows(sql: str, table: str) -> bool:
    """Whether a query counts the rows of `table`: what counters are there to avoid."""
    sql = sql.lower()
    return "count(" in sql.replace(" (", "(") and table in sql


def capture_vote(participant, statement) -> list[str]:
    """The SQL of one first vote through `services.vote` (BEGIN and COMMIT included, and what
    runs on commit)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tadamun.assembly import services

    with CaptureQueriesContext(connection) as captured:
        services.vote(participant=participant, statement=statement, value=1)
    return [q["sql"] for q in captured.captured_queries]


def take_part(person, consultation) -> list[str]:
    """The person takes part (as at their first visit) and votes on ten statements; returns
    the SQL of the first vote."""
    from tadamun.assembly import services
    from tadamun.assembly.models import Statement

    participant = services.participate(person=person, consultation=consultation)
    participant.consultation = consultation
    statements = list(Statement.objects.filter(consultation=consultation, status=Statement.Status.ACCEPTED).order_by("number")[:10])
    sql = capture_vote(participant, statements[0])
    for i, statement in enumerate(statements[1:]):
        services.vote(participant=participant, statement=statement, value=(1, -1, 0)[i % 3])
    return sql


def fresh_participants(consultation, n: int) -> list:
    """`n` new participants without accounts (as a Pol.is import makes them), the
    consultation's counter moved as `services.participate` moves it."""
    from django.db.models import F, Max

    from tadamun.assembly.models import Consultation, Participant

    first = (Participant.objects.filter(consultation=consultation).aggregate(n=Max("number"))["n"] or 0) + 1
    made = Participant.objects.bulk_create(
        [Participant(consultation=consultation, number=first + i, pseudonym=f"B{first + i}") for i in range(n)]
    )
    Consultation.objects.filter(pk=consultation.pk).update(participant_count=F("participant_count") + n)
    return made


def time_votes(consultation, statements: list, n: int, rng: random.Random, per: int = 3) -> list[tuple[float, float, float]]:
    """`n` first votes through `services.vote`, `per` each by fresh participants on random
    statements: (wall-clock start, wall-clock end, milliseconds) of each call."""
    from tadamun.assembly import services

    participants = fresh_participants(consultation, -(-n // per))
    calls = []
    for i in range(n):
        participant = participants[i // per]
        statement = statements[rng.randrange(len(statements))]
        while per > 1 and i % per and statement.pk in participant.voted:
            statement = statements[rng.randrange(len(statements))]
        wall, start = time.time(), time.perf_counter()
        services.vote(participant=participant, statement=statement, value=rng.choice((1, 1, -1, -1, 0)))
        calls.append((wall, time.time(), (time.perf_counter() - start) * 1000))
        participant.voted = {*getattr(participant, "voted", ()), statement.pk}
    return calls


def summarise_votes(calls: list[tuple[float, float, float]], window: dict | None) -> dict:
    """p50/p95 of the votes, and of those made while the recomputation ran (window: its
    wall-clock start and end)."""
    ms = [c[2] for c in calls]
    out = {
        "n": len(ms), "p50": round(statistics.median(ms), 2), "p95": round(percentile(ms, 95), 2),
        "max": round(max(ms), 2), "mean": round(statistics.fmean(ms), 2),
    }
    if window is not None:
        during = [m for start, end, m in calls if window["start"] <= start and end <= window["end"]]
        out.update(
            during=len(during),
            during_p50=round(statistics.median(during), 2) if during else None,
            during_p95=round(percentile(during, 95), 2) if during else None,
            recompute_seconds=round(window["seconds"], 3),
            # The recomputation's start and end, in seconds from the first vote's start.
            recompute_from=round(window["start"] - calls[0][0], 3),
            recompute_to=round(window["end"] - calls[0][0], 3),
            votes_to=round(calls[-1][1] - calls[0][0], 3),
            error=window.get("error", ""),
        )
    return out


def votes_during_thread(consultation, statements: list, n: int, rng: random.Random) -> dict:
    """Votes in this thread while `services.recompute` runs in another thread of this process
    (with its own database connection, closed at the end)."""
    from django.db import connections

    from tadamun.assembly import services
    from tadamun.assembly.models import Consultation

    window: dict = {}
    started = threading.Event()

    def work() -> None:
        try:
            found = Consultation.objects.get(pk=consultation.pk)
            window["start"] = time.time()
            started.set()
            begin = time.perf_counter()
            services.recompute(found)
            window["seconds"] = time.perf_counter() - begin
            window["end"] = time.time()
        except Exception as exc:  # noqa: BLE001 (reported)
            window["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            started.set()
            connections.close_all()  # this thread's connections

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    started.wait(120)
    calls = time_votes(consultation, statements, n, rng)
    thread.join(600)
    if "end" not in window:
        window.update(seconds=0.0, end=window.get("start", 0.0))
    window.setdefault("start", 0.0)
    return summarise_votes(calls, window)


def votes_during_process(consultation, statements: list, n: int, rng: random.Random) -> dict:
    """Votes while `services.recompute` runs in another process, as the task worker runs it;
    that process reports its peak resident memory before and after the recomputation."""
    command = [sys.executable, str(Path(__file__).resolve()), "--probe", "recompute", "--consultation", str(consultation.pk)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)  # noqa: S603
    line = process.stdout.readline()
    if not line.startswith("started"):
        process.kill()
        raise RuntimeError(f"the recomputation process did not start: {line!r}")
    calls = time_votes(consultation, statements, n, rng)
    out, _err = process.communicate(timeout=600)
    probe_result = json.loads(out.strip().splitlines()[-1])
    summary = summarise_votes(calls, probe_result)
    summary.update(rss_before=probe_result["rss_before"], rss_after=probe_result["rss_after"])
    return summary


def run_probe(arguments: list[str]) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True, timeout=600)  # noqa: S603
    return json.loads(done.stdout.strip().splitlines()[-1])


def probe(args: argparse.Namespace) -> int:
    """A fresh process measuring one computation: its time and its peak resident memory
    (VmHWM) before and after. `compute`: `opinion.compute` on the triples saved in --npy;
    `recompute`: `services.recompute` of --consultation (prints "started" when it begins);
    `pages`: time the (label, URL) pairs of --urls as `time_page` does, in a process no bigger
    than a web worker (this benchmark's own process holds far more objects, which changes how
    often and how long Python's full garbage collections run)."""
    sys.path.insert(0, str(ROOT))
    if args.probe == "compute":
        import numpy as np

        from tadamun.assembly import opinion

        triples = np.load(args.npy)
        before = max_rss_mb()
        start = time.perf_counter()
        result = opinion.compute(triples, min_votes=args.min_votes)
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": round(seconds, 3), "rss_before": round(before, 1), "rss_after": round(max_rss_mb(), 1), "k": result["k"]}))
        return 0
    import django

    django.setup()
    from django.db import connection

    if args.probe == "pages":
        timings = {label: time_page(url, args.requests) for label, url in json.loads(args.urls)}
        print(json.dumps({"pages": timings, "objects": len(gc.get_objects()), "rss": round(max_rss_mb(), 1)}), flush=True)
        return 0

    from tadamun.assembly import services
    from tadamun.assembly.models import Consultation

    consultation = Consultation.objects.get(pk=args.consultation)
    before = max_rss_mb()
    print("started", flush=True)
    wall, start = time.time(), time.perf_counter()
    report = services.recompute(consultation)
    seconds = time.perf_counter() - start
    out = {"start": wall, "end": time.time(), "seconds": seconds, "rss_before": round(before, 1),
           "rss_after": round(max_rss_mb(), 1), "k": report.result.get("k", 0)}
    connection.close()
    print(json.dumps(out), flush=True)
    return 0


def consultation_counters(consultation) -> dict:
    """Do the counters (the consultation's votes and participants, each participant's and each
    statement's votes) equal the rows?"""
    from django.db.models import Count, F

    from tadamun.assembly.models import Consultation, Participant, Statement, Vote

    found = Consultation.objects.get(pk=consultation.pk)
    votes = Vote.objects.filter(consultation=found).count()
    participants = Participant.objects.filter(consultation=found).count()
    wrong_participants = (
        Participant.objects.filter(consultation=found).annotate(n=Count("votes")).exclude(vote_count=F("n")).count()
    )
    wrong_statements = Statement.objects.filter(consultation=found).annotate(n=Count("votes")).exclude(vote_count=F("n")).count()
    return {
        "vote_count": found.vote_count, "votes": votes, "participant_count": found.participant_count,
        "participants": participants, "wrong_participants": wrong_participants, "wrong_statements": wrong_statements,
        "exact": found.vote_count == votes and found.participant_count == participants and not wrong_participants and not wrong_statements,
    }


def benchmark_decisions(args: argparse.Namespace, log, *, alone: bool) -> dict:
    """Deciding together (part 8 of the docstring): the queries of the pages of groups,
    proposals, the register and gatherings at a small and a large size, the pages timed at
    the large one, then the services that change them (positions, the count, registering,
    closing a proposal)."""
    from django.db import connection

    from bench.generate import generate_decisions
    from tadamun.accounts.models import User

    small_sizes = tuple(min(small, large) for small, large in zip(DECISIONS_SMALL, (args.seats, args.decisions, args.registrations), strict=True))
    small = generate_decisions(*small_sizes, seed=2026)
    analyse_decisions(connection)
    log(
        f"generated a General Assembly of {small['seats']:,} organisations ({small['organisations_generated']:,} organisations "
        f"generated for it), {small['decisions']:,} decisions and {small['registrations']:,} registrations in {small['seconds']:.1f} s"
    )
    people = User.objects.in_bulk([small["delegate"], small["registered"], small["facilitator"]])
    clients = {
        "delegate": signed_in_client(people[small["delegate"]]),
        "registered person": signed_in_client(people[small["registered"]]),
        "facilitator": signed_in_client(people[small["facilitator"]]),
    }
    pages = decision_pages(small)
    listed_small = decision_rows(small)
    captured_small = {label: capture_request(url, clients.get(who)) for label, url, who in pages}
    services_small = decision_service_queries(small, "small")

    large = generate_decisions(args.seats, args.decisions, args.registrations, seed=2026)
    analyse_decisions(connection)
    log(
        f"grew to {large['seats']:,} organisations ({large['positions']:,} positions on the plan, {large['proxies']} proxies), "
        f"{large['decisions']:,} decisions ({large['closed_proposals']} closed from proposals), {large['sessions']} sessions and "
        f"{large['registrations']:,} registrations in {large['seconds']:.1f} s"
    )
    assert decision_pages(large) == pages, "the pages measured changed between the two sizes"
    listed = decision_rows(large)
    rows = []
    for label, url, who in pages:
        client = clients.get(who)
        captured, body = capture_request(url, client)
        before, before_body = captured_small[label]
        timing = time_page_within(url, args.requests, client)
        shapes_small, shapes = sql_shapes(q["sql"] for q in before), sql_shapes(q["sql"] for q in captured)
        repeated = [
            {"small": shapes_small.get(shape, 0), "large": n, "sql": short_sql(shape)[:600]}
            for shape, n in sorted(shapes.items(), key=lambda item: -item[1])
            if n != shapes_small.get(shape, 0) or n >= REPEATED_SQL
        ]
        row = {
            "label": label, "url": url, "viewer": who or "visitor", "queries_small": len(before), "queries": len(captured),
            "sql_ms": round(sum(q["ms"] for q in captured), 1), "bytes_small": len(before_body), "bytes": len(body),
            "repeated": repeated, "grows": DECISION_PAGES_GROWING.get(label, ""), **timing,
        }
        if label in DECISION_PAGES_GROWING:  # is the list paginated? its rows in the page against the rows there are
            row["listed_small"], row["listed"] = body_rows(before_body), body_rows(body)
            row["rows_small"], row["rows"] = small["registrations"], large["registrations"]
        rows.append(row)
        log(
            f"{label:36} p50 {timing['p50']:6.1f} ms  p95 {timing['p95']:6.1f} ms  ({timing['n']} requests)  "
            f"{len(before)} → {len(captured)} queries ({row['sql_ms']} ms), {len(before_body) / 1024:.0f} → {len(body) / 1024:.0f} KB"
            + ("" if len(before) == len(captured) else "  QUERIES GROW")
        )
    services_large = decision_service_queries(large, "large")
    timed = time_decision_services(large, args, log)
    return {
        "alone": alone,
        "small": {key: small[key] for key in ("seats", "decisions", "registrations", "positions", "closed_proposals", "seconds")},
        **{key: large[key] for key in (
            "seats", "positions", "anonymous_positions", "poll_positions", "proxies", "blocks",
            "decisions", "closed_proposals", "groups", "assemblies", "sessions", "registrations", "registrations_by_status",
            "in_person_places", "online_places", "people",
        )},
        "organisations_generated": small["organisations_generated"] + large["organisations_generated"],
        "generate_seconds": round(small["seconds"] + large["seconds"], 1),
        "generate_small_seconds": small["seconds"],
        "generate_rest_seconds": large["seconds"],
        "pages": rows,
        "rows": {name: [listed_small[name], n] for name, n in listed.items()},
        "service_queries": {name: [services_small.get(name), services_large.get(name)] for name in services_large},
        "services": timed,
    }


def analyse_decisions(connection) -> None:
    """PostgreSQL: what autovacuum does shortly after a bulk load, on the tables just filled."""
    if connection.vendor != "postgresql":
        return
    from django.apps import apps

    tables = [model._meta.db_table for model in apps.get_app_config("assembly").get_models()]
    tables += [apps.get_model("accounts", "User")._meta.db_table, apps.get_model("network", "Membership")._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")


def decision_pages(generated: dict) -> list[tuple[str, str, str | None]]:
    """(label, URL, who: None for a visitor, else the signed-in client's key) of the pages."""
    ar, en = DECISION_SEARCH
    urls = {
        "group": f"/en/groups/{generated['group']}/",
        "proposal": generated["proposal_url"],
        "register": "/en/decisions/",
        "register_ar": url_of("/en/decisions/", {"q": ar}),
        "register_en": url_of("/en/decisions/", {"q": en}),
        "decision": f"/en/decisions/{generated['decision']}/",
        "gathering": f"/en/gatherings/{generated['conference']}/",
        "organise": f"/en/gatherings/{generated['conference']}/organise/",
        "proxy": generated["proposal_url"] + "proxy/",
        "api_proposals": "/api/proposals",
        "api_proposals_positions": "/api/proposals?positions=true",
        "api_proposal": f"/api/proposals/{generated['proposal']}",
        "api_decisions": "/api/decisions",
        "api_gatherings": "/api/gatherings",
        "feed": "/en/decisions/feed.rss",
    }
    return [(label, urls[kind], who) for label, kind, who in DECISION_PAGES]


def decision_rows(generated: dict) -> dict[str, int]:
    """What the pages list (their queries stay the same, their rows grow): the plan's
    positions (its page: 30 with a reason in full, the others as names), the seats with a
    delegate (the proxy form offers them all to a delegate), the seats (the General
    Assembly's page names 100), the conference's confirmed participants who chose to be
    listed (its page names 100), the proposals (the API lists 20, with all their positions
    when asked)."""
    from tadamun.assembly.models import Position, Proposal, Registration, Seat

    return {
        "positions": Position.objects.filter(proposal_id=generated["proposal"]).count(),
        "delegates": Seat.objects.filter(group_id=generated["group_id"], delegate__isnull=False).count(),
        "seats": Seat.objects.filter(group_id=generated["group_id"]).count(),
        "listed": Registration.objects.filter(
            gathering_id=generated["conference_id"], status=Registration.Status.CONFIRMED, listed=True
        ).count(),
        "proposals": Proposal.objects.exclude(status=Proposal.Status.WITHDRAWN).count(),
        "api_positions": Position.objects.filter(
            proposal__in=Proposal.objects.exclude(status=Proposal.Status.WITHDRAWN).order_by("-created_at")[:20]
        ).count(),
    }


def body_rows(body: bytes) -> int:
    """The rows of a page's table body (the organisers' desk: one per registration)."""
    return max(0, body.count(b"<tr>") - 1)  # less the header's


def sql_shapes(statements) -> dict[str, int]:
    """How many times each statement runs, its literals taken out (the same query with other
    ids or strings is the same shape): what repeats once per row is an N+1."""
    shapes: dict[str, int] = {}
    for sql in statements:
        shape = re.sub(r"'(?:[^']|'')*'", "?", sql)
        shape = re.sub(r"\b\d+(?:\.\d+)?\b", "?", shape)
        shape = re.sub(r"\((?:\s*\?\s*,)+\s*\?\s*\)", "(?…)", shape)
        shapes[shape] = shapes.get(shape, 0) + 1
    return shapes


def short_sql(shape: str) -> str:
    """A statement to read in a report: a long list of selected columns left out."""
    return re.sub(r"^SELECT (?:DISTINCT )?(.{80,}?) FROM ", lambda m: "SELECT … FROM ", shape, count=1)


def time_page_within(url: str, n: int, client=None, budget: float = PAGE_BUDGET_S) -> dict:
    """`time_page`, with fewer requests (at least PAGE_MIN_REQUESTS) and a shorter warm-up for
    a page too slow to make `n` of them within `budget` seconds; "n" is how many were timed."""
    from django.test import Client

    client = client or Client()
    start = time.perf_counter()
    for _ in range(3):
        client.get(url)
    each = (time.perf_counter() - start) / 3
    fitting = int(budget / max(each, 1e-4))
    timed = max(PAGE_MIN_REQUESTS, min(n, fitting))
    return {**time_page(url, timed, client, warmup=None if fitting >= n else 3), "n": timed}


def decision_service_queries(generated: dict, size: str) -> dict[str, int]:
    """The SQL statements (BEGIN and COMMIT included) of one call of each service timed
    later: a delegate changing its organisation's position, the count of the plan, a new
    person registering for the conference."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tadamun.accounts.models import User
    from tadamun.assembly import services
    from tadamun.assembly.models import Gathering, Position, Proposal

    proposal = Proposal.objects.select_related("group").get(pk=generated["proposal"])
    delegate = User.objects.get(pk=generated["delegate"])
    current = Position.objects.filter(proposal=proposal, person=delegate, by_proxy=False).values_list("value", flat=True).first()
    value = "abstain" if current != "abstain" else "agree"
    out = {}
    with CaptureQueriesContext(connection) as captured:
        services.state_position(by=delegate, proposal=proposal, value=value)
    out["state_position"] = len(captured.captured_queries)
    with CaptureQueriesContext(connection) as captured:
        services.tally(proposal)
    out["tally"] = len(captured.captured_queries)
    person = User.objects.create_user(email=f"bench-register-{size}-{int(time.time() * 1000):x}@example.org")
    gathering = Gathering.objects.get(pk=generated["conference_id"])
    with CaptureQueriesContext(connection) as captured:
        services.register(by=person, gathering=gathering, attendance="in_person", role="observer")
    out["register"] = len(captured.captured_queries)
    return out


def time_decision_services(generated: dict, args: argparse.Namespace, log) -> dict:
    """At the large size: `services.state_position` by `args.positions` delegates changing
    their organisation's position (a tenth of them stating a first one), `services.tally` of
    the plan, `services.register` of `args.positions` new people for the conference (places
    counted under its row lock; online is full: those wait), and `services.close_proposal`
    of the plan once (its blocks answered and its closing time passed first)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from tadamun.accounts.models import User
    from tadamun.assembly import services
    from tadamun.assembly.models import Gathering, Position, Proposal, Proxy, Registration, Seat
    from tadamun.network.models import Membership

    rng = random.Random(2028)
    n = args.positions
    proposal = Proposal.objects.select_related("group").get(pk=generated["proposal"])
    givers = set(Proxy.objects.filter(proposal=proposal, withdrawn_at__isnull=True).values_list("giver_id", flat=True))
    seats = list(Seat.objects.filter(group=proposal.group, delegate__isnull=False).exclude(pk__in=givers).values_list("pk", "delegate_id"))
    own = dict(Position.objects.filter(proposal=proposal, by_proxy=False, seat__isnull=False).values_list("seat_id", "value"))
    stated = [s for s in seats if s[0] in own]
    silent = [s for s in seats if s[0] not in own]
    chosen = rng.sample(silent, min(len(silent), n // 10))
    chosen += rng.sample(stated, min(len(stated), n - len(chosen)))
    rng.shuffle(chosen)
    people = User.objects.in_bulk([person for _seat, person in chosen])
    order = ["agree", "abstain", "disagree"]
    times, firsts = [], 0
    for seat_pk, person_id in chosen:
        before = own.get(seat_pk)
        value = order[(order.index(before) + 1) % 3] if before in order else rng.choice(order)
        firsts += before is None
        reason = "نختلف مع البند الثاني – We disagree with the second clause." if value == "disagree" else ""
        start = time.perf_counter()
        services.state_position(by=people[person_id], proposal=proposal, value=value, reason=reason)
        times.append((time.perf_counter() - start) * 1000)
    positioning = summary_ms(times) | {"first": firsts}
    log(f"services.state_position: {len(times)} calls ({firsts} first positions), p50 {positioning['p50']:.1f} ms, p95 {positioning['p95']:.1f} ms")

    times = []
    for _ in range(max(50, n // 4)):
        start = time.perf_counter()
        count = services.tally(proposal)
        times.append((time.perf_counter() - start) * 1000)
    counting = summary_ms(times) | {"voices": services.figure(count.voices), "taken_part": services.figure(count.taken_part),
                                    "by_proxy": count.by_proxy, "passes": count.passes}
    log(f"services.tally: {len(times)} calls, p50 {counting['p50']:.1f} ms, p95 {counting['p95']:.1f} ms")

    gathering = Gathering.objects.get(pk=generated["conference_id"])
    run = f"{int(time.time()):x}"
    newcomers = User.objects.bulk_create(
        [User(email=f"bench-registrant-{run}-{i}@example.org", password="!bench", display_name=f"Registrant {i}") for i in range(n)]
    )
    organisations = list(Seat.objects.filter(group=proposal.group).values_list("organisation_id", flat=True))
    Membership.objects.bulk_create(
        [Membership(organisation_id=rng.choice(organisations), person=person) for person in newcomers[::2]]
    )
    organisation_of = dict(Membership.objects.filter(person__in=newcomers[::2]).values_list("person_id", "organisation"))
    from tadamun.network.models import Organisation

    found = Organisation.objects.in_bulk(set(organisation_of.values()))
    times, outcome = [], {}
    for i, person in enumerate(newcomers):
        organisation = found.get(organisation_of.get(person.pk))
        attendance = "online" if i % 4 == 3 else "in_person"
        start = time.perf_counter()
        registration = services.register(
            by=person, gathering=gathering, attendance=attendance, organisation=organisation,
            role=Registration.Role.DELEGATE if organisation else Registration.Role.OBSERVER, listed=i % 3 == 0,
        )
        times.append((time.perf_counter() - start) * 1000)
        outcome[registration.status] = outcome.get(registration.status, 0) + 1
    registering = summary_ms(times) | {"outcome": outcome, "in_person_places": gathering.in_person_places,
                                       "online_places": gathering.online_places}
    log(f"services.register: {len(times)} calls, p50 {registering['p50']:.1f} ms, p95 {registering['p95']:.1f} ms, {outcome}")

    now = timezone.now()
    blocks = Position.objects.filter(proposal=proposal, value=Position.Value.BLOCK, answered_at__isnull=True).update(
        answer="أجبنا عن الاعتراض في النسخة الثانية. – Answered in the second version.", answered_at=now,
    )
    Proposal.objects.filter(pk=proposal.pk).update(closes_at=now - timedelta(minutes=1))
    proposal = Proposal.objects.select_related("group").get(pk=proposal.pk)
    facilitator = User.objects.get(pk=generated["facilitator"])
    outcome_text = ("أغلقت الجمعية العامة النقاش في خطة العمل بعد الإجابة عن كل الاعتراضات؛ النتيجة في السجل.\n\n"
                    "The General Assembly closed the plan of action, every block answered; the count is in the register.")
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        decision = services.close_proposal(by=facilitator, proposal=proposal, outcome=outcome_text)
        close_ms = (time.perf_counter() - start) * 1000
    closing = {"ms": round(close_ms, 2), "queries": len(captured.captured_queries), "reference": decision.reference,
               "passed": decision.passed, "blocks_answered": blocks, "result": decision.result}
    log(f"services.close_proposal: {close_ms:.1f} ms, {closing['queries']} SQL statements, {decision.reference.upper()} "
        f"({'adopted' if decision.passed else 'not adopted'}; {blocks} blocks answered first)")
    return {"state_position": positioning, "tally": counting, "register": registering, "close_proposal": closing}


def summary_ms(times: list[float]) -> dict:
    return {"n": len(times), "p50": round(statistics.median(times), 2), "p95": round(percentile(times, 95), 2),
            "max": round(max(times), 2), "mean": round(statistics.fmean(times), 2)}


def capture_queries(url: str, client=None) -> list[dict]:
    """The SQL of one request (after a first one that warms the caches): {"sql", "ms"} each,
    timed here (Django's own timings are rounded to the millisecond). `client`: a signed-in
    `django.test.Client` (default: a visitor's)."""
    return capture_request(url, client)[0]


def capture_request(url: str, client=None) -> tuple[list[dict], bytes]:
    """`capture_queries`, and the body of the response."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    timings: list[float] = []

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((time.perf_counter() - start) * 1000)

    client = client or Client()
    client.get(url)  # caches warm (translations, templates, geometry)
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timed):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    body = _body(response)
    return [{"sql": q["sql"], "ms": ms} for q, ms in zip(captured.captured_queries, timings, strict=True)], body


def database_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return str(cursor.fetchone()[0]).split()[0]


def resolve_pages() -> list[tuple[str, str]]:
    from tadamun.network.models import Organisation

    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED).order_by("pk")
    profile = approved[approved.count() // 2].get_absolute_url()
    return [(label, url_of(path or profile, params)) for label, path, params in PAGES]


def count_queries(url: str) -> int:
    return len(capture_queries(url))


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def time_page(url: str, n: int, client=None, warmup: int | None = None) -> dict:
    """p50/p95 of `n` requests after a warm-up (`warmup` requests, by default a tenth of `n`
    and at least 10), and the full (generation 2) garbage collections that ran during them:
    their number and total milliseconds."""
    from django.test import Client

    client = client or Client()
    for _ in range(max(10, n // 10) if warmup is None else warmup):
        client.get(url)
    times = []
    full: list[float] = []
    began = [0.0]

    def collecting(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            full.append((time.perf_counter() - began[0]) * 1000)

    gc.callbacks.append(collecting)
    try:
        for _ in range(n):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    finally:
        gc.callbacks.remove(collecting)
    return {
        "p50": round(statistics.median(times), 2),
        "p95": round(percentile(times, 95), 2),
        "mean": round(statistics.fmean(times), 2),
        "max": round(max(times), 2),
        "bytes": len(response.content),
        "gc_full": len(full),
        "gc_full_ms": round(sum(full), 1),
    }


class _Assets(HTMLParser):
    """The stylesheets, scripts and images a page asks the browser to load."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.css.append(a["href"])
            elif {"icon", "preload", "modulepreload"} & set(rel):
                self.other.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag in ("img", "source", "video", "audio", "iframe", "embed") and a.get("src"):
            self.other.append(a["src"])


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def measure_first_load() -> dict:
    """Home HTML plus the CSS and JS it references, each gzip-compressed (level 6, what a
    front server typically uses; WhiteNoise's precompressed files are smaller)."""
    from django.test import Client

    client = Client()
    home = client.get("/en/")
    html = _body(home)
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    items = [{"kind": "HTML", "url": "/en/", "bytes": len(html), "gzip": len(gzip.compress(html, 6))}]
    external = []
    for kind, urls in (("CSS", parser.css), ("JS", parser.js), ("other", parser.other)):
        for url in dict.fromkeys(urls):
            host = urlsplit(url).netloc
            if host and host not in ("127.0.0.1", "localhost", "testserver"):
                external.append(url)
                continue
            response = client.get(url)
            body = _body(response)
            items.append({"kind": kind, "url": url, "bytes": len(body), "gzip": len(gzip.compress(body, 6)), "status": response.status_code})
    counted = [item for item in items if item["kind"] in ("HTML", "CSS", "JS")]
    return {
        "items": items,
        "total": sum(item["bytes"] for item in counted),
        "total_gzip": sum(item["gzip"] for item in counted),
        "other_gzip": sum(item["gzip"] for item in items if item["kind"] == "other"),
        "external": external,
    }


# --- HTTP throughput against gunicorn ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 10) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def load(port: int, path: str, seconds: float, connections: int) -> dict:
    """`connections` threads, each sending requests one after another for `seconds`."""
    done = [0] * connections
    errors = [0] * connections
    latencies: list[list[float]] = [[] for _ in range(connections)]
    barrier = threading.Barrier(connections + 1)
    deadline = [0.0]

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        barrier.wait()
        while (now := time.perf_counter()) < deadline[0]:
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    done[i] += 1
                    latencies[i].append((time.perf_counter() - now) * 1000)
                else:
                    errors[i] += 1
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(connections)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    deadline[0] = start + seconds
    barrier.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    all_latencies = [x for per in latencies for x in per]
    return {
        "rps": round(sum(done) / elapsed, 1),
        "requests": sum(done),
        "errors": sum(errors),
        "seconds": round(elapsed, 2),
        "p50": round(statistics.median(all_latencies), 2) if all_latencies else None,
        "p95": round(percentile(all_latencies, 95), 2) if all_latencies else None,
    }


def measure_throughput(args: argparse.Namespace, directory_url: str) -> dict:
    port = free_port()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings")
    log_path = VAR / f"gunicorn-{args.child}.log"
    command = [
        sys.executable, "-m", "gunicorn", "tadamun.wsgi:application",
        "--config", str(ROOT / "gunicorn.conf.py"),
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--chdir", str(ROOT),
        "--log-level", "warning", "--graceful-timeout", "5",
    ]
    with open(log_path, "w", encoding="utf-8") as log_file:
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if http_get(port, HELLO, timeout=2) == 200:
                        break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: see {log_path}")
                time.sleep(0.2)
            for path in (HELLO, directory_url):
                for _ in range(40):  # both workers warm
                    status = http_get(port, path)
                    if status != 200:
                        raise RuntimeError(f"{path} answered {status} under gunicorn")
            sequential = []
            for _ in range(50):
                start = time.perf_counter()
                http_get(port, directory_url)
                sequential.append((time.perf_counter() - start) * 1000)
            hello = load(port, HELLO, args.duration, args.connections)
            directory = load(port, directory_url, args.duration, args.connections)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    return {
        "hello": hello,
        "directory": directory,
        "ratio": round(directory["rps"] / hello["rps"], 3) if hello["rps"] else 0.0,
        "directory_sequential_p50": round(statistics.median(sequential), 2),
        "connections": args.connections,
        "duration": args.duration,
        "workers": 2,
    }


# --- The report -----------------------------------------------------------------------------


def versions() -> dict[str, str]:
    try:
        import django

        django_version = django.get_version()
    except ImportError:  # pragma: no cover
        django_version = "?"
    import sqlite3

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": platform.python_version(),
        "django": django_version,
        "sqlite": sqlite3.sqlite_version,
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "gunicorn": _gunicorn_version(),
    }


def _gunicorn_version() -> str:
    try:
        import gunicorn

        return gunicorn.__version__
    except ImportError:  # pragma: no cover
        return "?"


def load_average() -> float | None:
    """The machine's 1-minute load average (other work on it makes the timings noisier)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover
        return None


def ok(flag: bool) -> str:
    return "yes" if flag else "**NO**"


def page_table(pages: list[dict], *, counter: str = "") -> list[str]:
    """`counter` ("signatures", "votes"): the SQL time and a column saying whether no query of
    the page counts those rows (the page's `counts_<counter>`)."""
    lines = [
        "| Page | URL | p50 ms | p95 ms | SQL queries | p95 < 50 ms | constant queries |"
        + (f" SQL ms | no COUNT over {counter} |" if counter else ""),
        "|---|---|---:|---:|---:|:-:|:-:|" + ("---:|:-:|" if counter else ""),
    ]
    for p in pages:
        queries = f"{p['queries_small']} → {p['queries']}" if p["queries_small"] != p["queries"] else str(p["queries"])
        lines.append(
            f"| {p['label']} | `{p['url']}` | {p['p50']:.1f} | {p['p95']:.1f} | {queries} "
            f"| {ok(p['p95'] < TARGET_P95_MS)} | {ok(p['queries_small'] == p['queries'])} |"
            + (f" {p.get('sql_ms', '')} | {ok(not p[f'counts_{counter}'])} |" if counter else "")
        )
    return [*lines, ""]


def campaigns_section(name: str, r: dict) -> list[str]:
    c = r["campaigns"]
    lines = [
        f"## {name} {r['database_version']}: campaigns at {c['signatures']:,} signatures",
        "",
        f"After the directory{' and the newsroom' if r.get('news') else ''} (same database): {c['campaigns']} active campaigns with {c['actions']} actions (a petition "
        f"and a letter each) holding {c['signatures']:,} confirmed signatures, {c['busy_signatures']:,} of them on the busy "
        f"petition ({c['rows']:,} rows with the pending and withdrawn ones, which never count). Generated with "
        f"`generate_campaigns` in {c['generate_seconds']} s: {c['small']:,} signatures and the campaigns in "
        f"{c['generate_small_seconds']} s, the other {c['signatures'] - c['small']:,} in {c['generate_rest_seconds']} s. "
        f"In-process, {r['requests']} requests per page after a warm-up; SQL queries counted with {c['small']:,} and with "
        f"{c['signatures']:,} signatures, and each query of each page (at both sizes) checked for a COUNT over "
        "`campaigns_signature`; \"SQL ms\" is the time of those queries in one request at the larger size "
        "(the rest of the server time is Python: view, template, middleware).",
        "",
        *page_table(c["pages"], counter="signatures"),
        f"Counter read in O(1): {ok(c['counter_o1'])}"
        + (
            " (no query of these pages counts signatures: the pages read each action's `signature_count`)."
            if c["counter_o1"]
            else " — these pages count signatures: "
            + "; ".join(f"{p['label']}: `{p['counting_sql'][0][:200]}`" for p in c["pages"] if p["counts_signatures"])
        ),
        "",
    ]
    if s := c.get("signing"):
        lines += [
            f"Signing on the busy petition, {c['signatures']:,} signatures in the database (single thread, in-process, "
            "one transaction per signature; the confirmation email is queued as a task row, as in production):",
            "",
            f"- signed through `services.sign`: {s['signed_service']:,} in {s['service_seconds']} s, "
            f"**{s['service_rate']:.0f} signatures per second**;",
            f"- signed through the petition's form (POST, `django.test.Client`): {s['signed_form']:,}, "
            f"**{s['form_rate']:.0f} per second** (p50 {s['form_p50']:.1f} ms, p95 {s['form_p95']:.1f} ms; "
            f"{s['sign_queries']} SQL statements each, BEGIN and COMMIT included);",
            f"- confirmed through the link of the email (POST `/en/campaigns/confirm/<token>/`): {s['confirm_timed']:,} in "
            f"{s['confirm_seconds']} s, **{s['confirm_rate']:.0f} signatures confirmed per second** (p50 "
            f"{s['confirm_p50']:.1f} ms, p95 {s['confirm_p95']:.1f} ms; {s['confirm_queries']} SQL statements each, BEGIN and COMMIT included);",
            f"- signed through the form and confirmed, end to end: **{s['end_to_end_rate']:.0f} per second**;",
            f"- the counter after the run: {s['counter_before']:,} + {s['confirmed']:,} confirmed = {s['counter_after']:,}, "
            f"and {s['confirmed_rows']:,} confirmed rows: exact: {ok(s['counter_exact'])}; every action's counter equals "
            f"its confirmed rows ({s['actions_checked']} actions): {ok(not s['actions_wrong'])}"
            + (f" (wrong: {s['actions_wrong']})" if s["actions_wrong"] else "")
            + ".",
            "",
        ]
    return lines


def consultations_section(name: str, r: dict) -> list[str]:
    c = r["consultations"]
    a, b = c["compute"], c["recompute"]
    fresh = a["fresh"]
    idle, threaded, other = c["votes_idle"], c["votes_thread"], c["votes_process"]
    counters = c["counters"]
    where = (
        "On a fresh database holding only the consultations (`bench/run.py --only consultations`)"
        if c["alone"] else
        "After the other parts (same database)"
    )
    lines = [
        f"## {name} {r['database_version']}: consultations at {c['participants']:,} participants × {c['statements']} statements",
        "",
        f"{where}: one open public consultation generated by `generate_consultation` in {c['generate_seconds']} s, "
        f"{c['participants']:,} participants (no accounts), {c['statements']} accepted statements and {c['votes']:,} votes "
        f"(density {c['density']}), with {c['groups']} planted groups of opinion (each its own probability of agreeing "
        f"with each statement; {c['planted_consensus']} statements every group agrees with; 7% passes). Queries first "
        f"counted on a consultation of {c['small_participants']} participants × {c['small_statements']} statements "
        f"({c['small_votes']:,} votes). Targets (issue 5): a full recomputation under 2 s on this 2-core machine, peak "
        "memory reported; recording a vote O(1) and fast (p95 under 20 ms) while a recomputation runs; pages under "
        "50 ms at p95 with a constant number of queries.",
        "",
        f"The maths found k = {c['k']} groups (silhouette {c['silhouette']}) among {c['mapped']:,} mapped participants "
        f"(at least {c['min_votes']} votes each); adjusted Rand index against the planted groups {c['ari']}; "
        f"{c['consensus_planted_in_top']} of the top {c['consensus_top']} consensus statements are planted ones.",
        "",
        "| Recomputation | runs (s) | best s | median s | under 2 s |",
        "|---|---|---:|---:|:-:|",
        f"| `opinion.compute` on an in-memory array of the {c['votes']:,} triples (the maths alone) "
        f"| {', '.join(f'{t:.2f}' for t in a['runs'])} | {a['best']:.2f} | {a['median']:.2f} | {ok(a['median'] < TARGET_RECOMPUTE_S)} |",
        f"| `services.recompute`: read the votes, compute, store the report (the first run without a previous report, "
        f"then with the previous groups) | {', '.join(f'{t:.2f}' for t in b['runs'])} | {b['best']:.2f} | {b['median']:.2f} "
        f"| **{ok(b['median'] < TARGET_RECOMPUTE_S)}** |",
        "",
        f"Where the full recomputation's time goes (measured apart): reading the votes through `services.vote_triples` "
        f"(the ORM, {c['votes']:,} rows) {b['read_seconds']:.2f} s and making the array from them {b['array_seconds']:.2f} s "
        f"(`opinion.compute` does this itself when given the iterator); the maths {a['median']:.2f} s; "
        f"`services.participation` {b['participation_seconds']:.2f} s; storing the report ({b['report_kb']:,.0f} KB of "
        f"JSON) {b['store_seconds']:.2f} s.",
        "",
        f"Peak memory: tracemalloc (Python and numpy allocations) peaks at {a['tracemalloc_peak_mb']:.0f} MB during "
        f"`opinion.compute` on the array and at {b['tracemalloc_peak_mb']:.0f} MB during `services.recompute` (the rows "
        f"read from the database included). Peak resident memory (VmHWM) of a fresh process: {fresh['rss_before']:.0f} MB once numpy, "
        f"scikit-learn and the array are loaded, {fresh['rss_after']:.0f} MB after `opinion.compute` "
        f"(+{fresh['rss_after'] - fresh['rss_before']:.0f} MB; {fresh['seconds']:.2f} s there); a fresh process running "
        f"`services.recompute` (as the task worker does): {other['rss_before']:.0f} MB after Django's setup and importing the services, "
        f"{other['rss_after']:.0f} MB after the recomputation (+{other['rss_after'] - other['rss_before']:.0f} MB). "
        f"This benchmark's own process reached {c['rss_mb']:,.0f} MB over everything it did.",
        "",
        f"Votes through `services.vote` ({idle['n']} in each condition, first votes by fresh participants on random "
        f"statements, one transaction each: {c['vote_queries']} SQL statements with BEGIN, COMMIT and the check on commit "
        f"whether to queue a recomputation, {c['vote_queries_small']} on the small consultation; none counts votes: "
        f"{ok(not c['vote_counts_votes'])}). \"During\": the votes that started and ended while the recomputation ran; "
        "the window is the recomputation's start and end in seconds from the first vote's start.",
        "",
        "| Condition | p50 ms | p95 ms | max ms | during the recomputation | p95 during, ms | p95 < 20 ms |",
        "|---|---:|---:|---:|---|---:|:-:|",
        f"| no recomputation running | {idle['p50']:.1f} | {idle['p95']:.1f} | {idle['max']:.1f} | — | — | {ok(idle['p95'] < TARGET_VOTE_P95_MS)} |",
    ]
    for label, v in (
        ("a recomputation in a thread of the same process (its own connection)", threaded),
        ("a recomputation in another process (as the task worker runs it)", other),
    ):
        during = (
            f"{v['during']} of {v['n']} (recomputation {v['recompute_from']:+.2f} → {v['recompute_to']:+.2f} s, "
            f"{v['recompute_seconds']:.2f} s; votes until {v['votes_to']:.2f} s)"
            + (f"; the recomputation failed: {v['error']}" if v.get("error") else "")
        )
        p95 = v["during_p95"] if v["during_p95"] is not None else v["p95"]
        shown = "—" if v["during_p95"] is None else f"{v['during_p95']:.1f}"
        lines.append(
            f"| {label} | {v['p50']:.1f} | {v['p95']:.1f} | {v['max']:.1f} | {during} | {shown} | {ok(p95 < TARGET_VOTE_P95_MS)} |"
        )
    lines += [
        "",
        f"Counters after these votes: the consultation's {counters['vote_count']:,} votes and "
        f"{counters['participant_count']:,} participants equal the rows ({counters['votes']:,}, {counters['participants']:,}); "
        f"participants whose counter is wrong: {counters['wrong_participants']}, statements: {counters['wrong_statements']}: "
        f"exact: {ok(counters['exact'])}.",
        "",
        f"Pages, in-process, {r['requests']} requests each after a warm-up; SQL queries counted on the small consultation "
        f"and on the large one, each checked for a COUNT over `assembly_vote`; the participant has voted on ten statements.",
        "",
        *page_table(c["pages"], counter="votes"),
    ]
    collected = [p for p in c["pages"] if p.get("gc_full")]
    if collected:
        lines += [
            "Full garbage collections (generation 2) during the timed requests: "
            + "; ".join(
                f"{p['label']}: {p['gc_full']} in {r['requests']} requests, {p['gc_full_ms'] / p['gc_full']:.0f} ms each"
                for p in collected
            )
            + ". A page that allocates many objects (parsing the stored report's JSON: a point and a `group_of` entry per "
            "participant, totals per statement) triggers one every few requests; it stops that request while it walks "
            "every object of the process, and once such requests are 5% of them or more, they are the p95.",
            "",
        ]
    if fresh := c.get("fresh_pages"):
        lines += [
            f"The same pages timed in a fresh process, as small as a web worker ({fresh['objects']:,} objects tracked by "
            f"the garbage collector after the requests, {fresh['rss']:.0f} MB resident at most), {r['requests']} requests "
            "each after a warm-up: this benchmark's process holds many more objects, so its full collections come less "
            "often (and last longer) than a web worker's.",
            "",
            "| Page | p50 ms | p95 ms | max ms | full garbage collections | p95 < 50 ms |",
            "|---|---:|---:|---:|---|:-:|",
            *(
                f"| {label} | {t['p50']:.1f} | {t['p95']:.1f} | {t['max']:.1f} | "
                + (f"{t['gc_full']}, {t['gc_full_ms'] / t['gc_full']:.0f} ms each" if t["gc_full"] else "0")
                + f" | {ok(t['p95'] < TARGET_P95_MS)} |"
                for label, t in fresh["pages"].items()
            ),
            "",
        ]
    return lines


def consultations_summary(name: str, r: dict) -> str:
    c = r["consultations"]
    threaded, other = c["votes_thread"], c["votes_process"]

    def during(v: dict) -> float:
        return v["during_p95"] if v["during_p95"] is not None else v["p95"]

    return (
        f"- {name}, consultations at {c['participants']:,} participants × {c['statements']} statements ({c['votes']:,} votes): "
        f"full recomputation {c['recompute']['median']:.2f} s median (under 2 s: {ok(c['recompute']['median'] < TARGET_RECOMPUTE_S)}), "
        f"the maths alone {c['compute']['median']:.2f} s, tracemalloc peak {c['recompute']['tracemalloc_peak_mb']:.0f} MB, "
        f"+{other['rss_after'] - other['rss_before']:.0f} MB resident in a fresh worker process; vote p95 during a "
        f"recomputation {during(threaded):.1f} ms (thread) and {during(other):.1f} ms (another process) "
        f"(under 20 ms: {ok(max(during(threaded), during(other)) < TARGET_VOTE_P95_MS)}); "
        f"{pages_verdict(c['pages'])}{fresh_verdict(c)}; counters exact: {ok(c['counters']['exact'])}; groups found: {c['k']} "
        f"(ARI {c['ari']} against the planted {c['groups']})."
    )


def fresh_verdict(c: dict) -> str:
    fresh = (c.get("fresh_pages") or {}).get("pages") or {}
    if not fresh:
        return ""
    slow = [label for label, t in fresh.items() if t["p95"] >= TARGET_P95_MS]
    return "; in a fresh process (a web worker's size): p95 under 50 ms on " + (
        "every page" if not slow else "all but " + ", ".join(f"“{label}” (**NO**)" for label in slow)
    )


def decisions_section(name: str, r: dict) -> list[str]:
    d = r["decisions"]
    small = d["small"]
    where = (
        "On a fresh database holding only this part (`bench/run.py --only decisions`)"
        if d["alone"] else
        "After the other parts (same database)"
    )
    made = d["organisations_generated"]
    organisations = (
        f"the first {d['seats']:,} member organisations of the directory (none generated for it)" if not made else
        f"{d['seats']:,} member organisations ({made:,} of them generated for it by `generate`)"
    )
    statuses = ", ".join(f"{n:,} {status}" for status, n in sorted(d["registrations_by_status"].items(), key=lambda item: -item[1]))
    lines = [
        f"## {name} {r['database_version']}: decisions at {d['seats']:,} organisations, {d['decisions']:,} decisions, "
        f"{d['registrations']:,} registrations",
        "",
        f"{where}: generated by `generate_decisions` in {d['generate_seconds']} s ({d['generate_small_seconds']} s at the small "
        f"size, {d['generate_rest_seconds']} s to grow it), with `bulk_create`. A General Assembly of {organisations}, one seat "
        f"each with a delegate who is a member of the organisation ({d['people']:,} people made in all: delegates, facilitators, "
        f"registrants); its open consensus proposal, the plan of action, with {d['positions']:,} positions ({d['blocks']} blocks "
        f"with reasons, half of them answered; {d['proxies']} proxies, most of them used), an anonymous proposal "
        f"({d['anonymous_positions']:,} positions) and a poll ({d['poll_positions']:,}); the coordination committee and "
        f"{d['groups'] - 2} working groups; a register of {d['decisions']:,} decisions across the {d['groups']} groups, in Arabic, "
        f"English and Sorani ({d['closed_proposals']} closed from proposals, with their positions; the General Assembly's taken "
        f"at its {d['assemblies']} yearly meetings); and the General Assembly's coming conference, {d['sessions']} sessions and "
        f"{d['registrations']:,} registrations ({statuses}; {d['in_person_places']:,} places in the room, "
        f"{d['online_places']:,} online, all taken). SQL queries counted first at {small['seats']:,} organisations, "
        f"{small['decisions']:,} decisions and {small['registrations']:,} registrations ({small['positions']} positions, "
        f"{small['closed_proposals']} closed proposals), then at the large size; the register searched for "
        f"“{DECISION_SEARCH[0]}” and for “{DECISION_SEARCH[1]}”. Pages timed in-process at the large size, {r['requests']} "
        f"requests each after a warm-up (fewer, at least {PAGE_MIN_REQUESTS}, for a page too slow to make them in "
        f"{PAGE_BUDGET_S:.0f} s: “requests”); “SQL ms” is the time of "
        "the queries of one request, “KB” the size of the response.",
        "",
        "| Page | URL | viewer | SQL queries, small | large | constant | KB, small → large | SQL ms | p50 ms | p95 ms | requests | p95 < 50 ms |",
        "|---|---|---|---:|---:|:-:|---:|---:|---:|---:|---:|:-:|",
    ]
    for p in d["pages"]:
        equal = p["queries_small"] == p["queries"]
        if p["grows"]:
            listed = (
                f"lists {p['listed_small']:,} → {p['listed']:,} of {p['rows_small']:,} → {p['rows']:,} {p['grows']}, "
                + ("not paginated" if p["listed"] >= p["rows"] else "paginated")
            )
            constant = f"{'yes' if equal else 'no'}; grows with {p['grows']} ({listed})"
            fast = "yes" if p["p95"] < TARGET_P95_MS else f"no: grows with {p['grows']}"
        else:
            constant, fast = ok(equal), ok(p["p95"] < TARGET_P95_MS)
        lines.append(
            f"| {p['label']} | `{p['url']}` | {p['viewer']} | {p['queries_small']} | {p['queries']} | {constant} "
            f"| {p['bytes_small'] / 1024:.0f} → {p['bytes'] / 1024:.0f} | {p['sql_ms']} | {p['p50']:.1f} | {p['p95']:.1f} "
            f"| {p['n']} | {fast} |"
        )
    lines.append("")
    repeating = [p for p in d["pages"] if p["repeated"]]
    if repeating:
        lines += [
            f"Queries run more than once per request (the same statement, other values: run {REPEATED_SQL} times or more at "
            "the large size, or a different number of times at the two sizes), small → large:",
            "",
        ]
        for p in repeating:
            shapes = "; ".join(f"{x['small']} → {x['large']} × `{x['sql'][:300]}`" for x in p["repeated"][:4])
            lines.append(f"- {p['label']} ({p['queries_small']} → {p['queries']} queries): {shapes}")
        lines.append("")
    if grown := d.get("rows"):
        def rows(name_: str) -> str:
            before, after = grown[name_]
            return f"{before:,} → {after:,}"

        lines += [
            "What these pages list whole (the same queries bring more rows), small → large: the plan's page the first 30 "
            f"positions with a reason in full and every other position as a name in one line ({rows('positions')} positions); "
            f"the proxy form every seat with a delegate ({rows('delegates')}); the General Assembly's page the first 100 of its "
            f"{rows('seats')} seats; the conference's page the first 100 confirmed participants who chose to be listed "
            f"({rows('listed')}); the API's proposals 20 of the {rows('proposals')} proposals with their counts, and with "
            f"`positions=true` each with all its positions ({rows('api_positions')} positions in the first 20); "
            "the API's one proposal (the plan) all its positions.",
            "",
        ]
    collected = [p for p in d["pages"] if p.get("gc_full")]
    if collected:
        lines += [
            "Full garbage collections (generation 2) during the timed requests: "
            + "; ".join(
                f"{p['label']}: {p['gc_full']} in {p['n']} requests, {p['gc_full_ms'] / p['gc_full']:.0f} ms each"
                for p in collected
            )
            + ". A request that builds thousands of model instances triggers them; each stops the request that meets it.",
            "",
        ]
    s, q = d["services"], d["service_queries"]
    position, count, register, closing = s["state_position"], s["tally"], s["register"], s["close_proposal"]

    def statements(name_: str) -> str:
        small_n, large_n = q[name_]
        return str(large_n) if small_n == large_n else f"{small_n} → {large_n} (**NO**)"

    outcome = ", ".join(f"{n} {status}" for status, n in sorted(register["outcome"].items()))
    lines += [
        "Services at the large size, in-process, single thread, one transaction each (as the pages and the API call them). "
        "“SQL statements”: of one call at the small size and at the large one, BEGIN and COMMIT included.",
        "",
        "| Service | calls | p50 ms | p95 ms | max ms | SQL statements | what |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| `services.state_position` | {position['n']} | {position['p50']:.1f} | {position['p95']:.1f} | {position['max']:.1f} "
        f"| {statements('state_position')} | delegates changing their organisation's position on the plan ({position['first']} "
        "stating a first one), under the proposal's row lock |",
        f"| `services.tally` | {count['n']} | {count['p50']:.1f} | {count['p95']:.1f} | {count['max']:.1f} | {statements('tally')} "
        f"| the count of the plan: {count['taken_part']} of {count['voices']} voices ({count['by_proxy']} through a proxy), "
        f"{'passes' if count['passes'] else 'does not pass'} |",
        f"| `services.register` | {register['n']} | {register['p50']:.1f} | {register['p95']:.1f} | {register['max']:.1f} "
        f"| {statements('register')} | new people registering for the conference, a quarter online (full), places counted under "
        f"its row lock: {outcome} |",
        f"| `services.close_proposal` | 1 | {closing['ms']:.1f} | — | — | {closing['queries']} | the plan closed once (its "
        f"{closing['blocks_answered']} unanswered blocks answered and its closing time passed first): "
        f"{closing['reference'].upper()}, {'adopted' if closing['passed'] else 'not adopted'} |",
        "",
    ]
    return lines


def decisions_verdict(pages: list[dict]) -> str:
    slow = [p["label"] for p in pages if p["p95"] >= TARGET_P95_MS and not p["grows"]]
    varying = [p["label"] for p in pages if p["queries_small"] != p["queries"] and not p["grows"]]
    growing = [
        f"“{p['label']}” grows with {p['grows']} ({p['queries_small']} → {p['queries']} queries, "
        f"{p['bytes_small'] / 1024:.0f} → {p['bytes'] / 1024:.0f} KB, p95 {p['p95']:.0f} ms)"
        for p in pages if p["grows"]
    ]
    return (
        "p95 under 50 ms on "
        + ("every page" if not slow else "all but " + ", ".join(f"“{label}” (**NO**)" for label in slow))
        + "; queries "
        + ("constant on every page" if not varying else "vary with data size on " + ", ".join(f"“{label}” (**NO**)" for label in varying))
        + ("; " + "; ".join(growing) if growing else "")
    )


def decisions_summary(name: str, r: dict) -> str:
    d = r["decisions"]
    s = d["services"]
    return (
        f"- {name}, decisions at {d['seats']:,} organisations ({d['decisions']:,} decisions, {d['registrations']:,} "
        f"registrations; generated in {d['generate_seconds']} s): {decisions_verdict(d['pages'])}; services p95: "
        f"`state_position` {s['state_position']['p95']:.1f} ms, `tally` {s['tally']['p95']:.1f} ms, "
        f"`register` {s['register']['p95']:.1f} ms; `close_proposal` {s['close_proposal']['ms']:.0f} ms once."
    )


STAMP = re.compile(r"^The (?P<parts>[a-z ]+?) sections? of (?P<databases>.+?) (?:was|were) written by `bench/run.py --only")


def merge_parts(
    previous: str, results: list[dict], notes: list[str], args: argparse.Namespace, seconds: float, parts: list[str],
) -> str:
    """`bench/RESULTS.md` with the sections of `parts` (consultations, decisions) of `results`
    put in (after each database's other sections, replacing earlier ones of the same part and
    database) and their lines in the summary; the other sections are kept as they are, and a
    line under the first paragraph says when these were written (replacing such lines that
    said it of the same parts and databases). Without a previous file, these parts alone."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = (
        f"; load average (1 min) {args.load_before:.1f} before, {args.load_after:.1f} after"
        if getattr(args, "load_before", None) is not None and getattr(args, "load_after", None) is not None else ""
    )
    written = [part for part in parts if any(r.get(part) for r in results)]
    databases = [NAMES.get(r["database"], r["database"]) for r in results if any(r.get(part) for part in written)]
    several = len(databases) > 1 or len(written) > 1
    stamp = (
        f"The {' and '.join(written)} {'sections' if several else 'section'} of {' and '.join(databases)} "
        f"{'were' if several else 'was'} written by `bench/run.py --only {args.only}` on {now}, in "
        f"{seconds:.0f} s{load}; the other sections come from the run above."
    )
    blocks: list[list[str]] = []
    for line in (previous or "# Benchmark results\n").splitlines():
        if line.startswith("## ") or not blocks:
            blocks.append([])
        blocks[-1].append(line)

    def replaced(block: list[str]) -> bool:  # a section of one of these parts, of a database measured now
        header = block[0]
        return header.startswith("## ") and header.split()[1] in merged and any(
            PART_REPORTS[part]["marker"] in header for part in written
        )

    def stale(line: str) -> bool:  # a stamp of these parts (or some of them) and databases, which this one replaces
        found = STAMP.match(line)
        return bool(found) and set(found["parts"].split(" and ")) <= set(written) and set(found["databases"].split(" and ")) <= merged

    merged = set(databases)
    blocks = [block for i, block in enumerate(blocks) if i == 0 or not replaced(block)]
    preamble = [line for line in blocks[0] if not stale(line)]
    while preamble and not preamble[-1].strip():
        preamble.pop()
    if written:
        after = next((i + 1 for i, line in enumerate(preamble) if line.startswith("Written by")), len(preamble))
        preamble = [*preamble[:after], "", stamp, *preamble[after:]]
    blocks[0] = [line for i, line in enumerate(preamble) if line.strip() or (i and preamble[i - 1].strip())]
    blocks[0] += [f"> {note}" for note in notes]
    summary = next((block for block in blocks if block[0] == "## Summary"), None)
    if summary is None:
        summary = ["## Summary"]
        blocks.append(summary)
    for r in results:
        name = NAMES.get(r["database"], r["database"])
        for part in written:
            if not r.get(part):
                continue
            report = PART_REPORTS[part]
            own = [i for i, block in enumerate(blocks) if block[0].startswith(f"## {name} ")]
            at = own[-1] + 1 if own else next(
                (i for i, block in enumerate(blocks) if block[0].startswith(("## Requests per second", "## First page", "## Summary"))),
                len(blocks),
            )
            blocks.insert(at, report["section"](name, r))
            summary[:] = [line for line in summary if not line.startswith(f"- {name}, {part} at ")]
            mine = [i for i, line in enumerate(summary) if line.startswith(f"- {name}")]
            summary.insert(mine[-1] + 1 if mine else len(summary), report["summary"](name, r))
    out = []
    for block in blocks:
        while block and not block[-1].strip():
            block = block[:-1]
        out += [*block, ""]
    return "\n".join(out)


def pages_verdict(pages: list[dict]) -> str:
    slow = [p["label"] for p in pages if p["p95"] >= TARGET_P95_MS]
    varying = [p["label"] for p in pages if p["queries_small"] != p["queries"]]
    return (
        "p95 under 50 ms on "
        + ("every page" if not slow else "all but " + ", ".join(f"“{label}” (**NO**)" for label in slow))
        + "; queries "
        + ("constant on every page" if not varying else "vary with data size on " + ", ".join(f"“{label}” (**NO**)" for label in varying))
    )


def render(results: list[dict], notes: list[str], args: argparse.Namespace, seconds: float) -> str:
    v = versions()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    names = NAMES
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`bench/run.py`) on {now}, in {seconds:.0f} s.",
        "",
        f"- Machine: {v['cpus']} CPUs ({v['cpu']}), {v['system']}"
        + (
            f"; load average (1 min) {args.load_before:.1f} before the run, {args.load_after:.1f} after it"
            if getattr(args, "load_before", None) is not None and getattr(args, "load_after", None) is not None else ""
        ),
        f"- Python {v['python']}, Django {v['django']}, gunicorn {v['gunicorn']}, SQLite {v['sqlite']}"
        + "".join(f", PostgreSQL {r['database_version']}" for r in results if r["database"] == "postgresql"),
        f"- Data: {args.count:,} generated member organisations (`bench/generate.py`), each with 1–3 "
        "governorates, 1–4 pathways, 1–3 working languages and 2 contact details; `DEBUG=0`."
        + (
            f" Then {args.articles:,} published articles of theirs (`generate_articles`): in Arabic, Sorani, "
            "Kurmanji, English and Italian, five kinds, 1–2 pathways and 0–2 governorates each, published "
            "over five years, Markdown bodies of 2–4 paragraphs; a tenth with a published version in "
            "another language."
            if args.articles > 0 else ""
        )
        + (
            f" Then {getattr(args, 'campaigns', 200)} campaigns led by the Iraqi ones (`generate_campaigns`), each with "
            f"1–3 pathways, 1–2 governorates, an authority, a petition and a letter, milestones, an indicator, updates, "
            f"endorsements and messages, and {args.signatures:,} confirmed signatures with a heavy tail: over half on one "
            "petition; signers with Arabic, Sorani, Kurmanji or Latin names, ~30% showing their name, confirmed over months."
            if getattr(args, "signatures", 0) > 0 else ""
        )
        + (
            f" Then a consultation (`generate_consultation`) of {args.participants:,} participants × {args.statements} "
            f"statements, {args.density:.0%} of them voted by each participant, with planted groups of opinion."
            if getattr(args, "participants", 0) > 0 else ""
        )
        + (
            f" Then the groups that decide together (`generate_decisions`): a General Assembly of {args.seats:,} of those "
            f"organisations, each with a delegate, its open proposals with the positions of most of them, the coordination "
            f"committee and the working groups, a register of {args.decisions:,} decisions in Arabic, English and Sorani, and "
            f"a coming conference with {args.registrations:,} registrations."
            if getattr(args, "seats", 0) > 0 else ""
        )
        + (
            " Then suggested counterparts (`bench/solidarity.py`): a network of 2,000 organisations of its own with "
            f"planted counterpart pairs, grown to {args.matching:,}."
            if getattr(args, "matching", 0) > 0 else ""
        ),
        "",
        "Targets (`docs/architecture.md`, scale targets): p95 server time under 50 ms on SQLite and "
        "PostgreSQL; at least a fifth of a bare Django \"hello\" view's requests per second in the same "
        "run; first page load (HTML+CSS+JS, compressed) under 60 KB with no request to another host; a "
        "constant number of SQL queries per page whatever the data size.",
        "",
    ]
    for note in notes:
        lines += [f"> {note}", ""]
    for r in results:
        name = names.get(r["database"], r["database"])
        lines += [
            f"## {name} {r['database_version']}: server time per page",
            "",
            f"In-process (`django.test.Client`), {r['requests']} requests per page after a warm-up, "
            f"{r['organisations']:,} organisations (generated in {r['generate_seconds']} s). SQL queries "
            f"counted with {r['small']:,} and with {r['organisations']:,} organisations.",
            "",
            *page_table(r["pages"]),
        ]
        if news := r.get("news"):
            lines += [
                f"## {name} {r['database_version']}: the newsroom at {news['articles']:,} articles",
                "",
                f"After the directory (same database, {r['organisations']:,} organisations): {news['articles']:,} "
                f"published articles and {news['versions']:,} published versions, generated in "
                f"{news['generate_seconds']} s. In-process, {r['requests']} requests per page after a warm-up; "
                f"SQL queries counted with {news['small']:,} and with {news['articles']:,} articles. "
                "The profiles list the organisation's five latest articles, the pathway page the "
                "pathway's; the feeds carry 30 items.",
                "",
            ]
            if news["fts_trigger_missing"]:
                lines += [
                    "> The SQLite trigger that indexes new articles for search was **missing** after "
                    "`migrate`: the generator indexed its rows itself, so search is measured as intended.",
                    "",
                ]
            lines += page_table(news["pages"])
        if r.get("campaigns"):
            lines += campaigns_section(name, r)
        if r.get("consultations"):
            lines += consultations_section(name, r)
        if r.get("decisions"):
            lines += decisions_section(name, r)
        if r.get("solidarity"):
            lines += solidarity_section(name, r)
    if results:
        first = results[0]["throughput"]
        lines += [
            "## Requests per second: directory vs a bare Django view",
            "",
            f"gunicorn, {first['workers']} gthread workers (gunicorn.conf.py) on 127.0.0.1; load from {first['connections']} "
            f"concurrent connections (threads + `http.client`, one request at a time each) for "
            f"{first['duration']:.0f} s per URL, on the same machine (the load generator shares the CPUs). "
            f"Directory: `/en/organisations/`; hello: `{HELLO}` (`bench/urls.py`, same middleware). "
            "Rate limits per address stay on, raised so that the single benchmark client is never refused. "
            "\"One connection\" is the directory's latency through gunicorn with no concurrent load, to "
            "compare with the in-process server time above.",
            "",
            "| Database | hello req/s | directory req/s | ratio | directory p50 / p95 ms under load | directory p50 ms, one connection | errors | ≥ 1/5 of hello |",
            "|---|---:|---:|---:|---:|---:|---:|:-:|",
        ]
        for r in results:
            t = r["throughput"]
            errors = t["hello"]["errors"] + t["directory"]["errors"]
            lines.append(
                f"| {names.get(r['database'], r['database'])} | {t['hello']['rps']:.0f} | {t['directory']['rps']:.0f} "
                f"| {t['ratio']:.2f} | {t['directory']['p50']} / {t['directory']['p95']} "
                f"| {t['directory_sequential_p50']} | {errors} "
                f"| {ok(t['ratio'] >= TARGET_RATIO)} |"
            )
        lines.append("")
        fl = results[0]["first_load"]
        lines += [
            "## First page load (home)",
            "",
            "Each response gzip-compressed at level 6.",
            "",
            "| Resource | bytes | gzip bytes |",
            "|---|---:|---:|",
        ]
        for item in fl["items"]:
            label = f"{item['kind']} `{item['url']}`" + (" (not counted)" if item["kind"] == "other" else "")
            lines.append(f"| {label} | {item['bytes']:,} | {item['gzip']:,} |")
        total_kb = fl["total_gzip"] / 1024
        lines += [
            f"| **HTML + CSS + JS** | {fl['total']:,} | **{fl['total_gzip']:,}** ({total_kb:.1f} KB) |",
            "",
            f"Under 60 KB: {ok(total_kb < TARGET_FIRST_LOAD_KB)}. Resources on another host: "
            + (", ".join(f"`{u}`" for u in fl["external"]) if fl["external"] else "none") + ".",
            "",
        ]
    lines += ["## Summary", ""]
    for r in results:
        name = names.get(r["database"], r["database"])
        lines.append(
            f"- {name}: {pages_verdict(r['pages'])}"
            + f"; directory at {r['throughput']['ratio']:.2f} of hello's requests per second "
            + f"({ok(r['throughput']['ratio'] >= TARGET_RATIO)})."
        )
        if news := r.get("news"):
            lines.append(f"- {name}, newsroom at {news['articles']:,} articles: {pages_verdict(news['pages'])}.")
        if c := r.get("campaigns"):
            s = c["signing"]
            lines.append(
                f"- {name}, campaigns at {c['signatures']:,} signatures (generated in {c['generate_seconds']} s): "
                f"{pages_verdict(c['pages'])}; counter read in O(1): {ok(c['counter_o1'])}; "
                f"{s['confirm_rate']:.0f} confirmations and {s['service_rate']:.0f} signatures (`services.sign`) per second, "
                f"{s['end_to_end_rate']:.0f} signed through the form and confirmed; counter exact: "
                f"{ok(s['counter_exact'] and not s['actions_wrong'])}."
            )
        if r.get("consultations"):
            lines.append(consultations_summary(name, r))
        if r.get("decisions"):
            lines.append(decisions_summary(name, r))
        if r.get("solidarity"):
            lines.append(solidarity_summary(name, r))
    if results:
        lines.append(f"- First load: {results[0]['first_load']['total_gzip'] / 1024:.1f} KB compressed.")
    lines.append("")
    return "\n".join(lines)


def benchmark_solidarity(args: argparse.Namespace, log, *, alone: bool) -> dict:
    """Suggested counterparts (part 9 of the docstring): in `bench/solidarity.py`."""
    return _solidarity().benchmark_solidarity(args, log, alone=alone)


def solidarity_section(name: str, r: dict) -> list[str]:
    return _solidarity().section(name, r)


def solidarity_summary(name: str, r: dict) -> str:
    return _solidarity().summary(name, r)


def _solidarity():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench import solidarity

    return solidarity


# The parts that run alone (`--only consultations`, `--only decisions`, `--only solidarity`): how
# to find their sections in RESULTS.md and how to write them.
PART_REPORTS = {
    "consultations": {"marker": ": consultations at ", "section": consultations_section, "summary": consultations_summary},
    "decisions": {"marker": ": decisions at ", "section": decisions_section, "summary": decisions_summary},
    "solidarity": {"marker": ": Solidarity: matching", "section": solidarity_section, "summary": solidarity_summary},
}


if __name__ == "__main__":
    sys.exit(main())
