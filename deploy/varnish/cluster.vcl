vcl 4.1;

# PartnerHub behind Varnish with two application servers (compose.yaml; `make prod-local`
# rewrites the two backends' addresses to 127.0.0.1:8001 and :8002).
#
# The caching rules below the director are deploy/varnish/default.vcl's, copied verbatim
# (tests/hardening/test_deployment_files.py checks that they stay the same); what differs:
# - two backends, web1 and web2, each probed on /healthz/ and taken out of the round-robin
#   director while it fails; a request goes to the other one;
# - Varnish speaks the PROXY protocol to gunicorn (deploy/gunicorn.conf.py), so Django's
#   REMOTE_ADDR is the reader's address (client.ip here), which the login throttling and
#   the forms' rate limit count by; a TLS terminator in front should connect to the PROXY
#   listener (compose.yaml, port 6086) for client.ip to be the reader's and not its own;
# - the purgers are the application servers (names resolved when the VCL is loaded);
# - the cache key includes X-Forwarded-Proto (what the TLS terminator says), so an HTTPS
#   page is never served to a plain HTTP request that Django would redirect.

import directors;

probe healthz {
    # /healthz/ answers over plain HTTP; "localhost" is in ALLOWED_HOSTS (compose.yaml).
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: localhost"
        "Connection: close";
    .interval = 5s;
    .timeout = 3s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

backend web1 {
    .host = "web1";
    .port = "8000";
    .proxy_header = 1;
    .probe = healthz;
    .first_byte_timeout = 60s;
}

backend web2 {
    .host = "web2";
    .port = "8000";
    .proxy_header = 1;
    .probe = healthz;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "web1";
    "web2";
}

sub vcl_init {
    new cluster = directors.round_robin();
    cluster.add_backend(web1);
    cluster.add_backend(web2);
}

sub vcl_recv {
    set req.backend_hint = cluster.backend();
}

sub vcl_hash {
    hash_data(req.http.X-Forwarded-Proto);
    # No return: Varnish's built-in vcl_hash adds the URL and the host.
}

# --- deploy/varnish/default.vcl's rules, verbatim ------------------------------------------

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            # A change of the frame (menu, settings, areas, a redirect): every page.
            ban("obj.http.x-url ~ ^/");
            return (synth(200, "Banned"));
        }
        # One URL with every query string it was cached with (a listing's filters
        # and pages), matched on what vcl_backend_response noted on the object.
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin and what it serves, always from the site.
    if (req.url ~ "^/(admin|django-admin|documents)(/|$)") {
        return (pass);
    }
    # Logged in (the session cookie) or with a pending message: never from the cache.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Every other cookie (csrftoken, analytics) goes, so anonymous readers share one copy.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what the site marks shareable is kept: never a private page or one that sets a cookie.
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Cache-Control ~ "private|no-cache|no-store"
        || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # What PURGE matches on (the host and the path without its query string).
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-url = regsub(bereq.url, "\?.*$", "");
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}
