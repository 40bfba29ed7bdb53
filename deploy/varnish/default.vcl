vcl 4.1;

# PartnerHub behind Varnish (docs/caching.md, "Varnish in front").
#
# Varnish keeps only what the site marks shareable (Cache-Control: public,
# s-maxage=...), for s-maxage seconds. The site purges a page and the pages
# that show it on publish, unpublish, move and delete (PURGE), and bans
# everything when the frame changes (BAN): both from 127.0.0.1 only.

backend default {
    # gunicorn (or runserver). The Varnish test replaces the port with its live server's.
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
}

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
