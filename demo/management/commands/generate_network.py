"""python manage.py generate_network --partnerships 20000 --organisations 100 \
--initiatives 5000 --news 20000 --locales pl,en,de --seed 1"""

import time

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from demo.generator import network_generate


class Command(BaseCommand):
    help = "Generate a large, realistic network, the same one for the same seed (see docs/directory.md)."

    def add_arguments(self, parser):
        parser.add_argument("--partnerships", type=int, default=20_000)
        parser.add_argument("--organisations", type=int, default=100)
        parser.add_argument("--initiatives", type=int, default=5_000)
        parser.add_argument("--news", type=int, default=20_000)
        parser.add_argument("--locales", default="pl,en,de", help="comma-separated; the first is the default")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        if options["organisations"] < 1:
            raise CommandError("--organisations must be at least 1: initiatives and news live in their sections.")
        locales = [code.strip() for code in options["locales"].split(",") if code.strip()]
        bars = []

        def progress(label, total):
            bar = tqdm(total=total, desc=label, unit="", disable=options["verbosity"] == 0, file=self.stderr)
            bars.append(bar)
            return bar.update

        started = time.monotonic()
        try:
            summary = network_generate(
                partnerships=options["partnerships"],
                organisations=options["organisations"],
                initiatives=options["initiatives"],
                news=options["news"],
                locales=locales,
                seed=options["seed"],
                progress=progress,
            )
        finally:
            for bar in bars:
                bar.close()
        elapsed = time.monotonic() - started
        details = ", ".join(f"{value} {key}" for key, value in summary.items())
        self.stdout.write(f"Generated {details} in {elapsed:.0f} s.")
