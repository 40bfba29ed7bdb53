"""The container's health check: does this application server answer /healthz/? (Dockerfile HEALTHCHECK)

Asks gunicorn on the port it was told to bind (``GUNICORN_BIND``), with a host name it allows
(``HEALTHCHECK_HOST``, default ``localhost``, which compose.yaml adds to ``ALLOWED_HOSTS``).
Exit status 0 when the answer is 200, 1 otherwise. Standard library only: the image has no curl.
"""

import http.client
import os
import sys


def main() -> int:
    port = int(os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").rpartition(":")[2])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=4)
    try:
        connection.request("GET", "/healthz/", headers={"Host": os.environ.get("HEALTHCHECK_HOST", "localhost")})
        status = connection.getresponse().status
    except OSError as error:
        print(f"healthz: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status != 200:
        print(f"healthz: HTTP {status}", file=sys.stderr)
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
