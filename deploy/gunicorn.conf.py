"""gunicorn's settings for PartnerHub's application servers (the image's CMD, compose.yaml, `make prod-local`).

    gunicorn --config deploy/gunicorn.conf.py partnerhub.wsgi

Only what differs between deployments comes from the environment (docs/operations.md, "Deploying"):

- ``GUNICORN_BIND``: where to listen (``0.0.0.0:8000`` in the image, ``127.0.0.1:8001`` on a laptop);
- ``WEB_CONCURRENCY``: worker processes (gunicorn's own variable; default 2), ``GUNICORN_THREADS`` per worker;
- ``GUNICORN_PROXY_ALLOW_FROM``: the addresses allowed to send a PROXY protocol header, i.e. the
  Varnish in front. Varnish connects with the PROXY protocol (deploy/varnish/cluster.vcl), so
  ``REMOTE_ADDR`` is the reader's address, which the login throttling and the public forms' rate
  limit count by. Other clients (a health probe) speak plain HTTP and are served as they are.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 60
graceful_timeout = 30
# A worker is replaced after this many requests (and a few more, so they do not all restart at once).
max_requests = 2000
max_requests_jitter = 200
proxy_protocol = "v1"
proxy_allow_ips = os.environ.get("GUNICORN_PROXY_ALLOW_FROM", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
