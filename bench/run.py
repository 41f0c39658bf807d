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

The parent process prints a Markdown table and writes `bench/RESULTS.md`. With `--only
consultations` (optionally `--only consultations,sqlite`) only part 7 runs, on a fresh
database, and its sections replace those of `bench/RESULTS.md` (the others are kept).

    .venv/bin/python bench/run.py [--count 10000] [--articles 100000] [--signatures 1000000] [--requests 200] [--duration 10]
        [--participants 5000 --statements 500 --density 0.3] [--only sqlite|postgresql|consultations[,...]]
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
from datetime import UTC, datetime
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
ONLY = ("sqlite", "postgresql", "consultations")
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
        "--votes", str(args.votes),
    ]
    if args.only:
        command += ["--only", args.only]
    consultation = f"a consultation of {args.participants:,} participants x {args.statements} statements"
    print(
        f"\n== {label}: fresh database, "
        + (consultation if consultations_only(args) else
           f"{args.count:,} organisations, {args.articles:,} articles, {args.signatures:,} signatures, {consultation}")
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
    parser.add_argument(
        "--only", metavar="PART[,PART]",
        help="comma-separated: sqlite or postgresql (one database), consultations (that part alone, merged into RESULTS.md)",
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
    if consultations_only(args):
        previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        report = merge_consultations(previous, results, notes, args, seconds) if results else previous
        print("\n" + "\n".join(line for r in results for line in consultations_section(NAMES.get(r["database"], r["database"]), r)))
    else:
        report = render(results, notes, args, seconds)
        print("\n" + report)
    if report:
        RESULTS.write_text(report, encoding="utf-8")
        print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0 if results else 1


def consultations_only(args: argparse.Namespace) -> bool:
    return "consultations" in (args.only or "").split(",")


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
    if consultations_only(args):
        result = {
            "database": connection.vendor,
            "database_version": database_version(connection),
            "requests": args.requests,
            "consultations": benchmark_consultations(args, log, alone=True) if args.participants > 0 else None,
        }
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


def capture_queries(url: str, client=None) -> list[dict]:
    """The SQL of one request (after a first one that warms the caches): {"sql", "ms"} each,
    timed here (Django's own timings are rounded to the millisecond). `client`: a signed-in
    `django.test.Client` (default: a visitor's)."""
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
    return [{"sql": q["sql"], "ms": ms} for q, ms in zip(captured.captured_queries, timings, strict=True)]


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


def time_page(url: str, n: int, client=None) -> dict:
    """p50/p95 of `n` requests after a warm-up, and the full (generation 2) garbage
    collections that ran during them: their number and total milliseconds."""
    from django.test import Client

    client = client or Client()
    for _ in range(max(10, n // 10)):
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


def merge_consultations(previous: str, results: list[dict], notes: list[str], args: argparse.Namespace, seconds: float) -> str:
    """`bench/RESULTS.md` with the consultations' sections of `results` put in (after each
    database's other sections, replacing earlier ones) and their lines in the summary; the
    other sections are kept as they are. Without a previous file, the consultations alone."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = (
        f"; load average (1 min) {args.load_before:.1f} before, {args.load_after:.1f} after"
        if getattr(args, "load_before", None) is not None and getattr(args, "load_after", None) is not None else ""
    )
    databases = [NAMES.get(r["database"], r["database"]) for r in results if r.get("consultations")]
    stamp = (
        f"The consultations {'section' if len(databases) == 1 else 'sections'} of {' and '.join(databases)} "
        f"{'was' if len(databases) == 1 else 'were'} written by `bench/run.py --only {args.only}` on {now}, in "
        f"{seconds:.0f} s{load}; the other sections come from the run above."
    )
    blocks: list[list[str]] = []
    for line in (previous or "# Benchmark results\n").splitlines():
        if line.startswith("## ") or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    merged = {NAMES.get(r["database"], r["database"]) for r in results if r.get("consultations")}
    blocks = [
        block for block in blocks
        if not (block[0].startswith("## ") and ": consultations at " in block[0] and block[0].split()[1] in merged)
    ]
    preamble = [line for line in blocks[0] if not line.startswith("The consultations sections")]
    while preamble and not preamble[-1].strip():
        preamble.pop()
    after = next((i + 1 for i, line in enumerate(preamble) if line.startswith("Written by")), len(preamble))
    blocks[0] = [*preamble[:after], "", stamp, *preamble[after:]]
    blocks[0] = [line for i, line in enumerate(blocks[0]) if line.strip() or (i and blocks[0][i - 1].strip())]
    blocks[0] += [f"> {note}" for note in notes]
    summary = next((block for block in blocks if block[0] == "## Summary"), None)
    if summary is None:
        summary = ["## Summary"]
        blocks.append(summary)
    for r in results:
        name = NAMES.get(r["database"], r["database"])
        if not r.get("consultations"):
            continue
        section = consultations_section(name, r)
        own = [i for i, block in enumerate(blocks) if block[0].startswith(f"## {name} ")]
        at = own[-1] + 1 if own else next(
            (i for i, block in enumerate(blocks) if block[0].startswith(("## Requests per second", "## First page", "## Summary"))),
            len(blocks),
        )
        blocks.insert(at, section)
        summary[:] = [line for line in summary if not line.startswith(f"- {name}, consultations")]
        mine = [i for i, line in enumerate(summary) if line.startswith(f"- {name}")]
        summary.insert(mine[-1] + 1 if mine else len(summary), consultations_summary(name, r))
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
    if results:
        lines.append(f"- First load: {results[0]['first_load']['total_gzip'] / 1024:.1f} KB compressed.")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
