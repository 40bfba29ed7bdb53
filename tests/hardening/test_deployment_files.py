"""The deployable description of the stack: Dockerfile, compose.yaml, env.example, the cluster VCL.

No Docker engine runs here, so the image is not built: hadolint lints the Dockerfile, and the
compose file is read as data and checked against what the settings read. The same processes
run for real in tests/production/test_prod_local.py (`make prod-local`).
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from partnerhub.settings.base import ENV
from tests.production.servers import REPO, VENV_BIN

DOCKERFILE = REPO / "Dockerfile"
COMPOSE = REPO / "compose.yaml"
ENV_EXAMPLE = REPO / "env.example"
DEFAULT_VCL = REPO / "deploy" / "varnish" / "default.vcl"
CLUSTER_VCL = REPO / "deploy" / "varnish" / "cluster.vcl"
APP_SERVICES = ["migrate", "web1", "web2", "worker"]


def compose():
    return yaml.safe_load(COMPOSE.read_text())


def services():
    return compose()["services"]


def settings_variables() -> set[str]:
    """Every environment variable the production settings read: the ENV block, any other ENV(...) read,
    and what boto3 reads for the media bucket (django-storages passes no credentials itself)."""
    read = set(ENV.scheme)
    for module in ("base.py", "production.py"):
        source = (REPO / "partnerhub" / "settings" / module).read_text()
        read |= set(re.findall(r"\bENV(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
        read |= set(re.findall(r"os\.environ(?:\.get)?[\[(]\s*\"([A-Z][A-Z0-9_]*)\"", source))
    return read | {"DJANGO_SETTINGS_MODULE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}


def env_example() -> tuple[set[str], set[str]]:
    """(variables set in env.example, variables only shown commented out with their default)."""
    set_here, commented = set(), set()
    for line in ENV_EXAMPLE.read_text().splitlines():
        if match := re.match(r"^([A-Z][A-Z0-9_]*)=", line):
            set_here.add(match[1])
        elif match := re.match(r"^#\s?([A-Z][A-Z0-9_]*)=", line):
            commented.add(match[1])
    return set_here, commented


def sub_blocks(vcl: str) -> dict[str, str]:
    """The `sub vcl_… { … }` blocks of a VCL, by name (several blocks of one name are joined)."""
    blocks = {}
    for match in re.finditer(r"^sub (\w+) \{\n.*?^\}\n", vcl, flags=re.M | re.S):
        blocks[match[1]] = blocks.get(match[1], "") + match[0]
    return blocks


class DockerfileTests:
    def test_hadolint_reports_nothing(self):
        hadolint = VENV_BIN / "hadolint"
        assert hadolint.exists(), "hadolint is in the locked dev group: `make install`"
        result = subprocess.run(
            [str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60
        )
        assert (result.returncode, result.stdout + result.stderr) == (0, "")

    def test_the_front_end_libraries_are_the_makefiles_versions(self):
        makefile, dockerfile = (REPO / "Makefile").read_text(), DOCKERFILE.read_text()
        for name in ("LEAFLET_VERSION", "MARKERCLUSTER_VERSION"):
            version = re.search(rf"^{name} \?= (\S+)$", makefile, flags=re.M)[1]
            assert f"ARG {name}={version}\n" in dockerfile, name

    def test_the_image_installs_the_lock_and_builds_what_make_install_builds(self):
        dockerfile = DOCKERFILE.read_text()
        assert "uv sync --frozen --no-dev" in dockerfile
        assert "manage.py collectstatic --noinput" in dockerfile
        assert "manage.py compile_catalogues" in dockerfile
        assert "DJANGO_SETTINGS_MODULE=partnerhub.settings.production" in dockerfile

    def test_the_runtime_stage_runs_gunicorn_as_an_unprivileged_user_with_a_health_check(self):
        runtime = DOCKERFILE.read_text().rpartition("\nFROM ")[2]
        assert runtime.startswith("${PYTHON_IMAGE} AS runtime")
        assert re.search(r"^PYTHON_IMAGE=python:3\.12-slim", DOCKERFILE.read_text().replace("ARG ", ""), re.M)
        user = re.search(r"^USER (\S+)$", runtime, flags=re.M)[1]
        assert user.split(":")[0] not in ("0", "root")
        assert re.search(r'^HEALTHCHECK .*CMD \["python", "deploy/healthcheck.py"\]$', runtime, flags=re.M)
        assert "/healthz/" in (REPO / "deploy" / "healthcheck.py").read_text()
        assert 'CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "partnerhub.wsgi"]' in runtime
        # From Debian only pg_dump/pg_restore for `manage.py backup` (the rest is the virtualenv and the code).
        installed = re.findall(r"apt-get install -y --no-install-recommends (.+?) \\", runtime)
        assert installed == ["postgresql-client-15"]

    def test_secrets_and_local_state_stay_out_of_the_build_context(self):
        ignored = set((REPO / ".dockerignore").read_text().split())
        assert {".env", ".git", ".venv", "var"} <= ignored


class ComposeTests:
    def test_it_has_the_stacks_services(self):
        assert {"web1", "web2", "worker", "migrate", "postgres", "redis", "minio", "minio-bucket", "varnish"} <= set(
            services()
        )
        assert services()["postgres"]["image"].startswith("postgres:15")

    def test_the_application_services_run_one_image_built_from_the_dockerfile(self):
        app = {name: services()[name] for name in APP_SERVICES}
        assert len({service["image"] for service in app.values()}) == 1
        assert all(service["build"] == {"context": ".", "dockerfile": "Dockerfile"} for service in app.values())
        assert services()["web1"]["command"] == services()["web2"]["command"]
        assert services()["web1"]["command"][0] == "gunicorn"
        assert services()["web1"]["environment"] == services()["web2"]["environment"]

    def test_the_worker_runs_the_database_queue_as_the_settings_document_it(self):
        worker = services()["worker"]
        assert worker["command"] == ["python", "manage.py", "db_worker", "--backend", "database"]
        assert worker["environment"]["TASKS_DATABASE_QUEUE"] == "true"
        assert services()["web1"]["environment"]["TASKS_DATABASE_QUEUE"] == "true"  # the web servers enqueue

    def test_migrate_runs_once_before_the_web_servers_and_the_worker(self):
        migrate = services()["migrate"]
        assert migrate["command"] == ["python", "manage.py", "migrate", "--no-input"]
        assert migrate["restart"] == "no"
        for name in ("web1", "web2", "worker"):
            assert services()[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert migrate["depends_on"]["postgres"] == {"condition": "service_healthy"}

    def test_every_dependency_waits_for_a_condition_and_every_long_running_service_is_probed(self):
        for name, service in services().items():
            for dependency, condition in service.get("depends_on", {}).items():
                assert isinstance(condition, dict), f"{name} -> {dependency}: no condition"
                wanted = (
                    "service_completed_successfully"
                    if services()[dependency].get("restart") == "no"
                    else "service_healthy"
                )
                assert condition == {"condition": wanted}, f"{name} -> {dependency}"
                if wanted == "service_healthy":
                    assert "test" in services()[dependency]["healthcheck"], dependency
            if service.get("restart") != "no" and name != "worker":
                assert "test" in service["healthcheck"], name
        assert services()["web1"]["healthcheck"]["test"] == ["CMD", "python", "deploy/healthcheck.py"]

    def test_varnish_balances_over_both_web_servers_with_the_cluster_vcl(self):
        varnish = services()["varnish"]
        assert "./deploy/varnish/cluster.vcl:/etc/varnish/cluster.vcl:ro" in varnish["volumes"]
        assert "/etc/varnish/cluster.vcl" in varnish["command"]
        assert set(varnish["depends_on"]) == {"web1", "web2"}
        vcl = CLUSTER_VCL.read_text()
        assert "new cluster = directors.round_robin();" in vcl
        assert "cluster.add_backend(web1);" in vcl and "cluster.add_backend(web2);" in vcl
        assert services()["web1"]["environment"]["FRONTEND_CACHE_URL"] == "http://varnish:6081"

    def test_every_variable_the_production_settings_read_is_set_or_documented(self):
        in_compose = set(services()["web1"]["environment"])
        set_here, commented = env_example()
        undocumented = settings_variables() - in_compose - set_here - commented
        assert not undocumented, f"add them to env.example (README, 'Configuration'): {sorted(undocumented)}"
        # What the production settings cannot do without is set, not only shown commented out.
        required = {"SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "EMAIL_URL", "WAGTAILADMIN_BASE_URL"}
        assert required <= set_here

    def test_every_variable_compose_yaml_interpolates_is_documented_in_env_example(self):
        interpolated = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", COMPOSE.read_text()))
        set_here, commented = env_example()
        assert interpolated - set_here - commented == set()
        # The secrets have no usable default: compose refuses to start until .env sets them.
        for name in ("POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD", "AWS_SECRET_ACCESS_KEY", "ALLOWED_HOSTS"):
            assert re.search(rf"\$\{{{name}:\?", COMPOSE.read_text()), name
        assert re.search(r"^SECRET_KEY=$", ENV_EXAMPLE.read_text(), flags=re.M)


class ClusterVclTests:
    def test_the_caching_rules_are_default_vcls_verbatim(self):
        default, cluster = sub_blocks(DEFAULT_VCL.read_text()), sub_blocks(CLUSTER_VCL.read_text())
        for name, block in default.items():
            assert block in cluster[name], f"{name} differs from deploy/varnish/default.vcl"

    def test_it_compiles_with_the_backends_prod_local_gives_it(self, tmp_path):
        varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
        if not varnishd:
            reason = "Debian's varnish is not installed (apt-get install -y varnish)"
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)
        # The rewrite deploy/prod-local.sh makes: the compose service names resolve nowhere here.
        vcl = tmp_path / "local.vcl"
        vcl.write_text(CLUSTER_VCL.read_text().replace('"web1"', '"127.0.0.1"').replace('"web2"', '"127.0.0.1"'))
        result = subprocess.run(
            [varnishd, "-C", "-j", "none", "-f", str(vcl), "-n", str(tmp_path / "work")],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr[-3000:]


def test_prod_local_script_exists_and_is_executable():
    script = Path(REPO / "deploy" / "prod-local.sh")
    assert os.access(script, os.X_OK)
    makefile = (REPO / "Makefile").read_text()
    assert "deploy/prod-local.sh start" in makefile and "deploy/prod-local.sh stop" in makefile
