#!/usr/bin/env bash
# The production stack on 127.0.0.1, from Debian's packages and the virtualenv (no Docker):
# `make prod-local` (start) and `make prod-local-stop` (stop). docs/operations.md, "Deploying".
#
#   deploy/prod-local.sh start | stop | status
#
# The processes of compose.yaml, each writing its pid file and log under $PROD_LOCAL_DIR
# (var/prod-local/): a throwaway PostgreSQL 15 cluster, redis-server, moto's S3 server (MinIO's
# stand-in) with the media bucket, migrate, a network to look at (`add_network`, or the demo
# network with PROD_LOCAL_DEMO=1), collectstatic, two gunicorn servers with the production
# settings, the newsletter worker, and Varnish in front with deploy/varnish/cluster.vcl's
# round-robin over both gunicorns.
#
# There is no TLS terminator here, so the stack does not pretend there is one: it runs the
# production settings with SECURE_SSL_REDIRECT=false, SECURE_COOKIES=false and
# SECURE_HSTS_SECONDS=0 (the variables production.py offers) and serves plain HTTP. Faking
# `X-Forwarded-Proto: https` in Varnish instead would send HSTS for 127.0.0.1/localhost to the
# browser and Secure cookies it would not send back over http://.
#
# Ports (defaults) and knobs, all from the environment:
#   PROD_LOCAL_VARNISH_PORT (6081)  PROD_LOCAL_WEB1_PORT (8001)  PROD_LOCAL_WEB2_PORT (8002)
#   PROD_LOCAL_PG_PORT (55432)      PROD_LOCAL_REDIS_PORT (56379)  PROD_LOCAL_S3_PORT (55000)
#   PROD_LOCAL_DIR (var/prod-local)  PROD_LOCAL_NETWORK (the network's name, "PartnerHub prod-local")
#   PROD_LOCAL_DEMO (0; 1: `load_demo` instead, a few minutes)
#   PROD_LOCAL_INSTALL (1: as root, apt-get install what is missing, as .ci/run does; 0: only say
#   which packages are missing)
# The directory's parents must be traversable by the postgres user when running as root.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DIR="${PROD_LOCAL_DIR:-$ROOT/var/prod-local}"
VARNISH_PORT="${PROD_LOCAL_VARNISH_PORT:-6081}"
WEB1_PORT="${PROD_LOCAL_WEB1_PORT:-8001}"
WEB2_PORT="${PROD_LOCAL_WEB2_PORT:-8002}"
PG_PORT="${PROD_LOCAL_PG_PORT:-55432}"
REDIS_PORT="${PROD_LOCAL_REDIS_PORT:-56379}"
S3_PORT="${PROD_LOCAL_S3_PORT:-55000}"
DEMO="${PROD_LOCAL_DEMO:-0}"
NETWORK="${PROD_LOCAL_NETWORK:-PartnerHub prod-local}"
INSTALL="${PROD_LOCAL_INSTALL:-1}"
BUCKET=partnerhub-media
VENV="$ROOT/.venv/bin"
RUN="$DIR/run"
LOGS="$DIR/log"
PG_DIR="$DIR/postgres"
PG_BIN=""
# name:what its command line must contain (a pid file is only trusted for that process).
SERVICES=(varnish:varnishd worker:db_worker web2:gunicorn web1:gunicorn s3:moto_server redis:redis-server)

say() { printf 'prod-local [%3d s]: %s\n' "$SECONDS" "$*"; }

as_postgres() {
    # initdb and the server refuse to run as root: run them as the postgres user then.
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() {
    local candidate
    for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/16/bin /usr/lib/postgresql/17/bin; do
        if [ -x "$candidate/initdb" ]; then PG_BIN="$candidate"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1; then PG_BIN="$(dirname "$(command -v initdb)")"; return 0; fi
    return 1
}

varnishd_path() { command -v varnishd 2>/dev/null || { [ -x /usr/sbin/varnishd ] && echo /usr/sbin/varnishd; }; }

check_requirements() {
    local missing=() packages=()
    find_pg_bin || { missing+=(initdb); packages+=(postgresql); }
    command -v redis-server >/dev/null 2>&1 || { missing+=(redis-server); packages+=(redis-server); }
    varnishd_path >/dev/null || { missing+=(varnishd); packages+=(varnish); }
    if [ ${#packages[@]} -gt 0 ]; then
        if [ "$(id -u)" -eq 0 ] && [ "$INSTALL" = 1 ]; then
            say "installing ${packages[*]} from Debian's packages (for ${missing[*]})"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            apt-get install -y -qq "${packages[@]}" >/dev/null
            find_pg_bin
        else
            say "missing ${missing[*]}: install Debian's packages with"
            say "    apt-get install -y ${packages[*]}"
            exit 1
        fi
    fi
    local tool
    for tool in gunicorn moto_server python; do
        [ -x "$VENV/$tool" ] || { say "$VENV/$tool is missing: run \`make install\` first"; exit 1; }
    done
}

pid_of() { if [ -f "$RUN/$1.pid" ]; then cat "$RUN/$1.pid"; fi; }

is_running() {
    # is_running <pid> <pattern>: alive, not a zombie, and the command line is the expected one.
    local pid=$1 pattern=$2
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null && return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

spawn() {
    # spawn <name> <command…>: in the background, detached from this shell's output, pid file written.
    local name=$1
    shift
    nohup "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN/$name.pid"
}

wait_port() {
    # wait_port <name> <port> <seconds>
    local name=$1 port=$2 deadline=$((SECONDS + $3)) pid
    pid="$(pid_of "$name")"
    until port_busy "$port"; do
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            say "$name exited before listening on $port"
            return 1
        fi
        [ "$SECONDS" -lt "$deadline" ] || { say "$name: nothing listens on 127.0.0.1:$port"; return 1; }
        sleep 0.2
    done
}

wait_http() {
    # wait_http <url> <seconds> <expected status>: until the URL answers with that status.
    "$VENV/python" - "$@" <<'PYTHON'
import sys, time, urllib.error, urllib.request

url, seconds, expected = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
deadline, last = time.monotonic() + seconds, "no answer"
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        status, last = None, str(error)
    if status == expected:
        sys.exit(0)
    if status is not None:
        last = f"HTTP {status}"
    time.sleep(0.3)
sys.exit(f"prod-local: {url} did not answer {expected} within {seconds:.0f} s ({last})")
PYTHON
}

write_env() {
    # The stack's environment, also for the operator: `set -a; . var/prod-local/env; set +a`, then manage.py.
    [ -s "$DIR/secret_key" ] || "$VENV/python" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$DIR/secret_key"
    chmod 600 "$DIR/secret_key"
    local public="http://127.0.0.1:$VARNISH_PORT"
    {
        echo "# Written by deploy/prod-local.sh: the environment of the local production stack."
        printf '%s=%q\n' \
            DJANGO_SETTINGS_MODULE partnerhub.settings.production \
            SECRET_KEY "$(cat "$DIR/secret_key")" \
            ALLOWED_HOSTS "127.0.0.1,localhost" \
            CSRF_TRUSTED_ORIGINS "$public,http://localhost:$VARNISH_PORT" \
            DATABASE_URL "postgres://partnerhub@127.0.0.1:$PG_PORT/partnerhub" \
            DATABASE_CONN_MAX_AGE 300 \
            CACHE_URL "redis://127.0.0.1:$REDIS_PORT/0" \
            MEDIA_S3_BUCKET "$BUCKET" \
            MEDIA_S3_ENDPOINT_URL "http://127.0.0.1:$S3_PORT" \
            MEDIA_S3_REGION us-east-1 \
            AWS_ACCESS_KEY_ID partnerhub \
            AWS_SECRET_ACCESS_KEY partnerhub-local-secret \
            MEDIA_ROOT "$DIR/media" \
            STATIC_ROOT "$DIR/static" \
            EMAIL_URL consolemail:// \
            WAGTAILADMIN_BASE_URL "$public" \
            FRONTEND_CACHE_URL "$public" \
            TASKS_DATABASE_QUEUE true \
            SECURE_SSL_REDIRECT false \
            SECURE_COOKIES false \
            SECURE_HSTS_SECONDS 0
    } >"$DIR/env"
    chmod 600 "$DIR/env"
}

manage() { "$VENV/python" manage.py "$@"; }

start_postgres() {
    mkdir -p "$PG_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres "$PG_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        say "creating the PostgreSQL cluster in $PG_DIR/data"
        as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U partnerhub -A trust -E UTF8 --no-sync >/dev/null
    fi
    rm -f "$PG_DIR/data/postmaster.pid"  # left behind by a server that was killed
    # synchronous_commit off: a crash may lose the last commits, never the cluster; migrate on a new
    # cluster (hundreds of small transactions) takes a fraction of the time.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c max_connections=100 -c synchronous_commit=off" \
        start >/dev/null
    head -n 1 "$PG_DIR/data/postmaster.pid" >"$RUN/postgres.pid"
    if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U partnerhub -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'partnerhub'" | grep -q 1; then
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U partnerhub partnerhub
    fi
}

create_bucket() {
    "$VENV/python" - "$BUCKET" <<'PYTHON'
import json, os, sys

import boto3

bucket = sys.argv[1]
client = boto3.client("s3", endpoint_url=os.environ["MEDIA_S3_ENDPOINT_URL"], region_name="us-east-1")
client.create_bucket(Bucket=bucket)
# As docs/operations.md ("Media") tells the operator: pictures are public objects, documents are not.
client.put_bucket_policy(Bucket=bucket, Policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": [f"arn:aws:s3:::{bucket}/original_images/*", f"arn:aws:s3:::{bucket}/images/*"],
    }],
}))
PYTHON
}

local_vcl() {
    # cluster.vcl with its two backends on 127.0.0.1 (the compose service names resolve nowhere here).
    sed -e "/^backend web1 {/,/^}/ s/\\.port = \"8000\"/.port = \"$WEB1_PORT\"/" \
        -e "/^backend web2 {/,/^}/ s/\\.port = \"8000\"/.port = \"$WEB2_PORT\"/" \
        -e 's/"web[12]"/"127.0.0.1"/' \
        deploy/varnish/cluster.vcl >"$DIR/varnish.vcl"
    grep -q "\"$WEB1_PORT\"" "$DIR/varnish.vcl" && grep -q "\"$WEB2_PORT\"" "$DIR/varnish.vcl"
}

start_gunicorn() {
    local name=$1 port=$2
    spawn "$name" env GUNICORN_BIND="127.0.0.1:$port" "$VENV/gunicorn" --config deploy/gunicorn.conf.py partnerhub.wsgi
}

on_error() {
    trap - ERR
    say "start failed (line $1); the last lines of the logs in $LOGS:"
    local log
    for log in "$LOGS"/*.log "$PG_DIR/server.log"; do
        [ -f "$log" ] || continue
        echo "--- $log"
        tail -n 15 "$log"
    done
    stop_all
    exit 1
}

start() {
    check_requirements
    mkdir -p "$RUN" "$LOGS" "$DIR/media"
    local entry name
    for entry in "${SERVICES[@]}" postgres:postgres; do
        name="${entry%%:*}"
        if is_running "$(pid_of "$name")" "${entry#*:}"; then
            say "$name is already running (pid $(pid_of "$name")): \`make prod-local-stop\` first"
            exit 1
        fi
        rm -f "$RUN/$name.pid"
    done
    local port
    for port in "$VARNISH_PORT" "$WEB1_PORT" "$WEB2_PORT" "$PG_PORT" "$REDIS_PORT" "$S3_PORT"; do
        if port_busy "$port"; then
            say "127.0.0.1:$port is taken by another program; choose other ports (PROD_LOCAL_*_PORT, see $0)"
            exit 1
        fi
    done
    trap 'on_error $LINENO' ERR
    write_env
    set -a
    # shellcheck source=/dev/null
    . "$DIR/env"
    set +a

    say "PostgreSQL on 127.0.0.1:$PG_PORT"
    start_postgres
    say "Redis on 127.0.0.1:$REDIS_PORT"
    spawn redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$DIR"
    wait_port redis "$REDIS_PORT" 30
    say "S3 (moto_server) on 127.0.0.1:$S3_PORT, bucket $BUCKET"
    spawn s3 "$VENV/moto_server" -H 127.0.0.1 -p "$S3_PORT"
    wait_port s3 "$S3_PORT" 60
    create_bucket

    # Nothing to purge before Varnish starts (it starts empty): FRONTEND_CACHE_URL off for these.
    say "migrate"
    FRONTEND_CACHE_URL="" manage migrate --no-input -v 0
    if [ "$DEMO" = 1 ]; then
        say "the demo network (load_demo, a few minutes)"
        FRONTEND_CACHE_URL="" manage load_demo -v 0
        # Wagtail purges Varnish with the Site's host name and port: they must be the ones readers use.
        FRONTEND_CACHE_URL="" manage shell -c "from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = '127.0.0.1', $VARNISH_PORT
site.save()"
    else
        say "a network to look at: $NETWORK (add_network; PROD_LOCAL_DEMO=1 loads the demo network instead)"
        FRONTEND_CACHE_URL="" manage add_network "$NETWORK" --kind local-partnership --host "127.0.0.1:$VARNISH_PORT" >/dev/null
    fi
    say "collectstatic, compile_catalogues"
    manage collectstatic --noinput -v 0
    manage compile_catalogues >/dev/null

    say "gunicorn on 127.0.0.1:$WEB1_PORT and 127.0.0.1:$WEB2_PORT"
    start_gunicorn web1 "$WEB1_PORT"
    start_gunicorn web2 "$WEB2_PORT"
    wait_port web1 "$WEB1_PORT" 60
    wait_port web2 "$WEB2_PORT" 60
    wait_http "http://127.0.0.1:$WEB1_PORT/readyz/" 120 200
    wait_http "http://127.0.0.1:$WEB2_PORT/readyz/" 120 200
    say "worker (db_worker --backend database)"
    spawn worker "$VENV/python" manage.py db_worker --backend database
    say "Varnish on 127.0.0.1:$VARNISH_PORT"
    local_vcl
    spawn varnish "$(varnishd_path)" -F -j none -a "127.0.0.1:$VARNISH_PORT" -f "$DIR/varnish.vcl" \
        -n "$DIR/varnish" -s malloc,64m
    wait_port varnish "$VARNISH_PORT" 30
    wait_http "http://127.0.0.1:$VARNISH_PORT/healthz/" 30 200
    is_running "$(pid_of worker)" db_worker || { say "the worker exited: $LOGS/worker.log"; false; }
    trap - ERR

    cat <<EOF

  PartnerHub, production settings, on 127.0.0.1 (logs and pid files in $DIR):
    Site (through Varnish):  http://127.0.0.1:$VARNISH_PORT/
    Admin:                   http://127.0.0.1:$VARNISH_PORT/admin/$([ "$DEMO" = 1 ] && echo "  (demo accounts, password: ${DEMO_PASSWORD:-partnerhub-demo}; two-step sign-in on)")
    gunicorn:                http://127.0.0.1:$WEB1_PORT/readyz/  http://127.0.0.1:$WEB2_PORT/readyz/
    PostgreSQL:              $DATABASE_URL
    Redis:                   $CACHE_URL
    S3 (moto):               $MEDIA_S3_ENDPOINT_URL/$BUCKET
  manage.py against it:      set -a; . $DIR/env; set +a; .venv/bin/python manage.py …
  Stop it:                   make prod-local-stop

EOF
}

stop_one() {
    # stop_one <name> <pattern>: SIGTERM, up to 30 s to exit, then SIGKILL.
    local name=$1 pattern=$2 pid deadline
    pid="$(pid_of "$name" || true)"
    if is_running "$pid" "$pattern"; then
        say "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        deadline=$((SECONDS + 30))
        while is_running "$pid" "$pattern" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
        if is_running "$pid" "$pattern"; then
            say "$name did not stop within 30 s: SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$RUN/$name.pid"
}

stop_all() {
    local entry
    for entry in "${SERVICES[@]}"; do
        stop_one "${entry%%:*}" "${entry#*:}"
    done
    if [ -f "$PG_DIR/data/postmaster.pid" ] && find_pg_bin; then
        say "stopping PostgreSQL"
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null || true
    fi
    rm -f "$RUN/postgres.pid"
}

status() {
    local entry name
    for entry in "${SERVICES[@]}" postgres:postgres; do
        name="${entry%%:*}"
        if is_running "$(pid_of "$name")" "${entry#*:}"; then
            echo "$name: running (pid $(pid_of "$name"))"
        else
            echo "$name: stopped"
        fi
    done
}

case "${1:-start}" in
start) start ;;
stop) stop_all ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
