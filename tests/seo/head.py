"""Read what a page's <head> tells search engines and social sites, with the stdlib HTML parser."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Head:
    canonical: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    json_ld: list = field(default_factory=list)


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.head = Head()
        self._in_json_ld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.head.canonical.append(attrs["href"])
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.head.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self._buffer = []

    def handle_data(self, data):
        if self._in_json_ld:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            self.head.json_ld.append(json.loads("".join(self._buffer)))


def read_head(html):
    parser = _HeadParser()
    parser.feed(html)
    return parser.head
