"""Responsive images and light pages with no third-party assets (the browser
tests measure the same in Chromium; these run without it)."""

import re

from django.test import TestCase

from tests.seo.network import build_published_network


class ResponsiveImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_published_network()

    def test_main_images_are_pictures_with_avif_and_webp_sources_and_dimensions(self):
        html = self.client.get(self.network.initiative.url).content.decode()
        (picture,) = re.findall(r"<picture>.*?</picture>", html, flags=re.S)
        self.assertIn('type="image/avif"', picture)
        self.assertIn('type="image/webp"', picture)
        self.assertRegex(picture, r'srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1440w"')
        self.assertRegex(picture, r'<img [^>]*width="\d+"')
        self.assertRegex(picture, r'<img [^>]*height="\d+"')
        self.assertIn('alt="The market square of Borken"', picture)

    def test_no_page_loads_scripts_or_styles_from_another_host(self):
        for url in ("/en/", self.network.initiative.url, "/en/partners/map/", self.network.news.url):
            html = self.client.get(url).content.decode()
            sources = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(
                r'<link rel="stylesheet" href="([^"]+)"', html
            )
            for source in sources:
                # Our own static files, or the network's theme (/theme.css), from this host.
                self.assertTrue(source.startswith(("/static/", "/theme.css")), (url, source))
