"""The benchmark harness's own logic: reading wrk's results, rendering tables, reading admin forms.

The load test itself needs a generated network and minutes (`make bench`);
these tests pin what turns its raw output into the published table.
"""

import http.server
import shutil
import threading

import pytest

from bench import run

# Printed by wrk 4.1 with bench/report.lua: 688 requests, all fine.
WRK_OK = """Running 1s test @ http://127.0.0.1:18931/
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.01ms    6.37ms  50.37ms   93.61%
    Req/Sec   687.60    201.48     0.95k    50.00%
  688 requests in 1.01s, 125.64KB read
Requests/sec:    683.58
Transfer/sec:    124.83KB
BENCH_JSON {"requests": 688, "duration_us": 1006466, "bytes": 128656, "p50_us": 2199, "p95_us": 14386, "p99_us": 40711, "max_us": 50370, "connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}
"""
# A page slower than wrk's 10 s timeout: nothing completes, every request times out.
WRK_ALL_TIMEOUTS = """Running 5s test @ http://127.0.0.1:8000/pl/inicjatywy/
  2 threads and 16 connections
  0 requests in 5.00s, 0.00B read
  Socket errors: connect 0, read 0, write 0, timeout 16
Requests/sec:      0.00
BENCH_JSON {"requests": 0, "duration_us": 5003112, "bytes": 0, "p50_us": 0, "p95_us": 0, "p99_us": 0, "max_us": 0, "connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 16}
"""


class TestReadingWrk:
    def test_requests_per_second_and_percentiles_in_milliseconds(self):
        result = run.wrk_parse(WRK_OK)
        assert result["requests"] == 688
        assert result["rps"] == pytest.approx(683.6, abs=0.1)
        assert (result["p50"], result["p95"], result["p99"]) == (2.199, 14.386, 40.711)
        assert result["errors"] == 0

    def test_a_page_that_never_answers_in_time_shows_its_timeouts_not_zero_latency(self):
        result = run.wrk_parse(WRK_ALL_TIMEOUTS)
        assert result["rps"] == 0
        assert result["p50"] is None and result["p95"] is None
        assert result["errors"] == result["timeouts"] == 16
        row = run.page_row({"name": "initiative listing", "url": "/pl/inicjatywy/", "queries": 24, "load": result})
        assert row[1:5] == ["0", "–", "–", "–"]
        assert row[-1] == "16"

    def test_output_without_the_report_script_is_refused_with_the_reason(self):
        with pytest.raises(ValueError, match="report.lua"):
            run.wrk_parse(WRK_OK.split("BENCH_JSON")[0])

    @pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make bench installs it)")
    def test_a_real_wrk_run_counts_error_answers(self):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                self.send_response(200 if self.path == "/" else 404)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}"
            good = run.wrk(shutil.which("wrk"), base + "/", connections=1, seconds=1)
            missing = run.wrk(shutil.which("wrk"), base + "/missing", connections=1, seconds=1)
        finally:
            server.shutdown()
        assert good["requests"] > 0 and good["errors"] == 0 and good["p50"] > 0
        assert missing["errors"] == missing["requests"] > 0


class TestTables:
    def test_a_markdown_table_with_right_aligned_numbers_and_escaped_pipes(self):
        text = run.table_render([("page", "l"), ("req/s", "r")], [["home (`/a|b`)", "1,500"]])
        assert text.splitlines() == ["| page | req/s |", "|---|---:|", "| home (`/a\\|b`) | 1,500 |"]

    def test_a_failed_page_keeps_its_row_and_says_why(self):
        row = run.page_row({"name": "a partner", "url": "/pl/p/", "queries": 12, "failed": "HTTP 500"})
        assert row[0] == "a partner (`/pl/p/`)" and row[1] == "failed" and row[-1] == "HTTP 500"
        assert row[7] == "12"

    def test_the_report_names_pass_sizes_and_a_page_cache_that_did_nothing(self):
        config = {"scale": 0.1, "seconds": 3, "workers": 5, "sizes": run.network_sizes(scale=0.1, environ={})}
        result = {
            "name": "home",
            "url": "/pl/",
            "queries": 9,
            "bytes": 100,
            "bytes_gzip": 60,
            "load": run.wrk_parse(WRK_OK),
        }
        text = run.report_render(
            config=config,
            generated={"reused": True, "seconds": 61, "sizes": config["sizes"]},
            info={"Django": "6.1"},
            passes={"uncached": [result], "cached": [result]},
            admin={"medians_ms": {"save a draft": 120.0}, "runs": 3, "visible": 3},
            publish={"/pl/x/": True},
            geojson={"bytes": 1000, "bytes_gzip": 1000, "served_gzip": False, "gzip_possible": 200},
            cache_active=False,
            plan="",
        )
        assert "2,000 partnerships, 10 organisations, 500 initiatives, 2,000 news" in text
        assert "generated in 61 s (by an earlier run, reused)" in text
        assert "## Uncached pages" in text and "## Cached pages" in text
        assert "Page cache active in the cached pass: **no**" in text
        assert "served **uncompressed** (gzip -6 would make it 200 bytes)" in text
        assert "| save a draft | 120 | – | – |" in text
        assert "in 3 of 3 runs" in text


class TestAdminForms:
    def test_the_fields_a_browser_would_post(self):
        html = """
        <form id="search"><input name="q" value="nope"></form>
        <form id="page-edit-form" method="post">
          <input type="hidden" name="csrfmiddlewaretoken" value="tok">
          <input name="title" value="Fête &amp; co">
          <input type="checkbox" name="areas" value="1" checked>
          <input type="checkbox" name="areas" value="2">
          <textarea name="intro">Line one
Line two</textarea>
          <select name="kind"><option value="a">A</option><option value="b" selected>B</option></select>
          <select name="lang"><option value="pl">pl</option><option value="en">en</option></select>
          <select name="tags" multiple><option value="x">x</option></select>
          <div id="body" data-block data-controller="w-block" data-w-block-arguments-value="[[], null]"></div>
          <input type="submit" name="action-publish" value="Publish">
        </form>"""
        assert run.form_fields(html, form_id="page-edit-form") == [
            ("csrfmiddlewaretoken", "tok"),
            ("title", "Fête & co"),
            ("areas", "1"),
            ("intro", "Line one\nLine two"),
            ("kind", "b"),
            ("lang", "pl"),
            ("body-count", "0"),
        ]

    def test_a_streamfield_with_content_is_refused_rather_than_emptied(self):
        html = """<form id="f"><div id="body" data-controller="w-block"
            data-w-block-arguments-value='[[{"type": "paragraph", "value": "x"}], null]'></div></form>"""
        with pytest.raises(ValueError, match="'body' has content"):
            run.form_fields(html, form_id="f")


class TestConfiguration:
    def test_full_scale_is_the_issue_s_network_and_workers_follow_the_cpus(self, monkeypatch):
        monkeypatch.setattr(run.os, "cpu_count", lambda: 2)
        config = run.settings_from_env({})
        assert config["sizes"] == {"partnerships": 20_000, "organisations": 100, "initiatives": 5_000, "news": 20_000}
        assert config["workers"] == 5
        assert config["passes"] == ["uncached", "cached"]
        assert run.settings_from_env({"BENCH_SCALE": "0.1", "BENCH_PASSES": "cached"})["passes"] == ["cached"]
