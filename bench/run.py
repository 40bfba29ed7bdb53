"""PartnerHub's benchmark: `make bench` (see docs/directory.md, "Benchmark").

1. starts a throwaway PostgreSQL (tests/postgres.py) unless BENCH_DATABASE_URL
   points at one that already holds a generated network (then it is reused);
2. migrates it and runs `generate_network` at BENCH_SCALE (1 = 20,000
   partnerships, 100 organisations, 5,000 initiatives, 20,000 news);
3. serves the site with gunicorn, production settings, DEBUG off,
   2×CPU+1 sync workers, on 127.0.0.1 only;
4. loads each page with wrk (16 connections, BENCH_SECONDS each, and one
   connection for the single-user p50), installing wrk with apt-get if missing;
5. counts SQL queries per request in-process (Django test client +
   CaptureQueriesContext) against the same database;
6. prints the table and writes docs/benchmarks.md.
"""

import datetime
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
CONNECTIONS = 16


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    log("wrk is missing: installing it with apt-get (Debian package 'wrk')")
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, capture_output=True)
    if not shutil.which("wrk"):
        sys.exit("wrk could not be installed; install it (apt-get install -y wrk) and run `make bench` again.")
    return shutil.which("wrk")


def environment(database_url, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "partnerhub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": static_root,
        "SECURE_COOKIES": "False",
        "DEBUG": "False",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env):
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    already = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from partners.models import Partnership; print(Partnership.objects.count())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip().splitlines()[-1:] or [""]
    already = already[0]
    if already.isdigit() and int(already) > 0:
        log(f"reusing the network already in the database ({already} partnerships)")
        return None
    sizes = {
        "partnerships": int(os.environ.get("BENCH_PARTNERSHIPS", 20_000 * SCALE)),
        "organisations": max(2, int(100 * SCALE)),
        "initiatives": int(5_000 * SCALE),
        "news": int(20_000 * SCALE),
    }
    log(f"generating the network: {sizes}")
    started = time.monotonic()
    manage(env, "generate_network", *[f"--{k}={v}" for k, v in sizes.items()], "--locales=pl,en,de", "--seed=1")
    return sizes, time.monotonic() - started


URLS_SCRIPT = r"""
from wagtail.models import Page
from initiatives.models import InitiativePage
from partners.models import PartnerPage, PartnershipDirectoryPage
directory = PartnershipDirectoryPage.objects.filter(locale__language_code="pl").first()
home = directory.get_parent()
initiative = InitiativePage.objects.live().order_by("path").first()
partner = PartnerPage.objects.live().order_by("path").first()
index = Page.objects.filter(slug="inicjatywy", locale__language_code="pl").first()
urls = [
    ("home", home.url),
    ("initiative listing", index.url),
    ("initiative listing, filtered", index.url + "?area=culture"),
    ("an initiative", initiative.url),
    ("a partner", partner.url),
    ("directory", directory.url),
    ("directory, filtered by country", directory.url + "?country=DE"),
    ("directory, all facets", directory.url + "?country=DE&kind=municipality&area=culture&status=official_agreement&decade=2000"),
    ("directory search", directory.url + "?q=berg"),
    ("directory GeoJSON (all)", directory.url + "geojson/"),
    ("anniversaries iCalendar", directory.url + "anniversaries/ics/"),
    ("site search", "/pl/search/?q=festiwal"),
]
for name, url in urls:
    print(f"{name}\t{url}")
"""

QUERIES_SCRIPT = r"""
import sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
for line in sys.stdin.read().splitlines():
    name, url = line.split("\t")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    print(f"{name}\t{response.status_code}\t{len(queries.captured_queries)}\t{len(response.content)}")
"""


EXPLAIN_SCRIPT = r"""
from django.db import connection
from partners.directory import directory_query_from_params, partnerships_filtered
from django.db.models import Count
query = directory_query_from_params({"country": "DE", "decade": "2000"})
counts = partnerships_filtered(query=query, exclude_facet="voivodeship").values("voivodeship").annotate(n=Count("id"))
sql, params = counts.query.sql_with_params()
with connection.cursor() as cursor:
    cursor.execute("EXPLAIN ANALYZE " + sql, params)
    print("\n".join(row[0] for row in cursor.fetchall()))
"""


def explain(env):
    """The plan of one facet count (country and decade filtered), for the report."""
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", EXPLAIN_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    ).stdout.strip()


def page_urls(env):
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", URLS_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [tuple(line.split("\t")) for line in output.strip().splitlines() if "\t" in line]


def query_counts(env, urls):
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", QUERIES_SCRIPT],
        cwd=ROOT,
        env=env,
        input="\n".join(f"{n}\t{u}" for n, u in urls),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts = {}
    for line in output.strip().splitlines():
        if line.count("\t") != 3:
            continue
        name, status, queries, size = line.split("\t")
        counts[name] = (int(status), int(queries), int(size))
    return counts


def _ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(binary, url, connections, seconds):
    threads = min(2, connections)
    result = subprocess.run(
        [binary, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1))
    p50 = _ms(re.search(r"50%\s+(\S+)", result).group(1))
    p99 = _ms(re.search(r"99%\s+(\S+)", result).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def versions(env):
    script = (
        "import django, wagtail, sys; from django.db import connection; connection.ensure_connection();"
        "print(sys.version.split()[0], django.get_version(), wagtail.__version__, connection.cursor().connection.info.server_version)"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    python, django, wagtail, pg = out.stdout.split()[-4:]
    pg = f"{int(pg) // 10000}.{int(pg) % 10000}"
    gunicorn = subprocess.run(
        [str(ROOT / ".venv/bin/gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    return {
        "Python": python,
        "Django": django,
        "Wagtail": wagtail,
        "PostgreSQL": pg,
        "gunicorn": gunicorn,
        "wrk": wrk_version,
    }


def machine():
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1) if match else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.1f} GiB RAM"
    return f"{os.cpu_count()} × {cpu}{memory}, {platform.system()} {platform.release()}"


def main():
    wrk_binary = ensure_wrk()
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url:
        from tests.postgres import start_throwaway_cluster

        database_url = start_throwaway_cluster()
        log("started a throwaway PostgreSQL cluster")
    static_root = tempfile.mkdtemp(prefix="partnerhub-bench-static-")
    env = environment(database_url, static_root)
    generated = prepare(env)
    urls = page_urls(env)
    counts = query_counts(env, urls)
    plan = explain(env)

    port = free_port()
    workers = 2 * (os.cpu_count() or 1) + 1
    log(f"starting gunicorn with {workers} workers on 127.0.0.1:{port}")
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "partnerhub.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    rows = []
    try:
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(100):
            try:
                urllib.request.urlopen(base + "/static/css/partnerhub.css", timeout=2)  # noqa: S310 (our own server)
                break
            except OSError:
                time.sleep(0.2)
        static_url = "/static/css/partnerhub.css"
        # The directory first: slow pages elsewhere can leave workers busy for the next ones.
        ordered = [("static file (ceiling)", static_url)] + sorted(urls, key=lambda item: "directory" not in item[0])
        for name, url in ordered:
            status, queries, size = counts.get(name, (200, 0, 0))
            try:
                for _warm in range(2):
                    urllib.request.urlopen(base + url, timeout=60).read()  # noqa: S310
                rps, p50, p99, errors = wrk(wrk_binary, base + url, CONNECTIONS, SECONDS)
                # Wait until the workers have drained the backlog before the single-connection run.
                urllib.request.urlopen(base + url, timeout=60).read()  # noqa: S310
                _rps1, single_p50, _p99, _e = wrk(wrk_binary, base + url, 1, max(3, SECONDS // 2))
            except Exception as error:  # a page that times out must not lose the others' results
                log(f"{name}: failed ({error})")
                rows.append((name, url, 0.0, 0.0, 0.0, 0.0, queries, size, "failed"))
                time.sleep(10)  # let the workers finish the queued requests
                continue
            rows.append((name, url, rps, p50, p99, single_p50, queries, size, errors))
            log(
                f"{name}: {rps:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, 1-conn p50 {single_p50:.1f} ms, {queries} queries"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        write_report(rows, env, generated, workers, plan)


def write_report(rows, env, generated, workers, plan=""):
    header = "| page | req/s (16 conn.) | p50 ms | p99 ms | p50 ms, 1 conn. | SQL queries | bytes | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
    table = header + "".join(
        f"| {name} (`{url}`) | {rps:.0f} | {p50:.1f} | {p99:.1f} | {single:.1f} | {queries} | {size} | {errors} |\n"
        for name, url, rps, p50, p99, single, queries, size, errors in rows
    )
    print()
    print(table)
    info = versions(env)
    scale = f"generated {generated[0]} in {generated[1]:.0f} s" if generated else "reused an existing network"
    text = f"""# Benchmarks

Written by `make bench` (bench/run.py); how to run it: docs/directory.md.

- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC
- Machine: {machine()}
- Versions: {", ".join(f"{k} {v}" for k, v in info.items())}
- Network: {scale} (BENCH_SCALE={SCALE:g})
- Server: gunicorn, {workers} sync workers, production settings (DEBUG off), 127.0.0.1; no cache configured
- Load: wrk, 2 threads, {CONNECTIONS} connections for {SECONDS} s per page, then 1 connection for the single-user p50
- SQL queries: counted separately, in-process, with Django's test client and CaptureQueriesContext (second request)

{table}

## Query plan of a facet count (country = DE, decade = 2000s, grouped by voivodeship)

```
{plan}
```
"""
    (ROOT / "docs" / "benchmarks.md").write_text(text + NOTES, encoding="utf-8")
    log("wrote docs/benchmarks.md")


NOTES_FILE = ROOT / "bench" / "notes.md"
NOTES = NOTES_FILE.read_text(encoding="utf-8") if NOTES_FILE.exists() else ""


if __name__ == "__main__":
    main()
