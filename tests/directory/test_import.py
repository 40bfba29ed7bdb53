"""Importing partnerships from CSV and XLSX: what a clerk sees and what is saved."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from openpyxl import Workbook

from directory.importing import COLUMN_NAMES, partnerships_import_file
from directory.models import Partnership, PartnershipStatusEvent

from .conftest import SAMPLE, csv_bytes, import_csv, row

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the import writes, comparable between two states."""
    partnerships = list(
        Partnership.objects.order_by("pk").values_list(
            "pk",
            "local_unit_name",
            "partner_name",
            "country",
            "status",
            "since_year",
            "since_date",
            "latitude",
            "longitude",
            "voivodeship",
            "teryt",
            "notes",
            "updated_at",
        )
    )
    links = sorted(Partnership.areas.through.objects.values_list("partnership_id", "cooperationarea__slug"))
    events = sorted(PartnershipStatusEvent.objects.values_list("partnership_id", "kind", "date"))
    return partnerships, links, events


class TestValidFile:
    def test_the_sample_file_imports_every_partnership_with_its_areas_and_history(self, areas):
        with SAMPLE.open("rb") as file:
            report = partnerships_import_file(file=file, filename="sample_partnerships.csv")
        assert report.errors == []
        assert report.written
        assert (report.created, report.updated, report.unchanged) == (11, 0, 0)
        hranice = Partnership.objects.get(partner_name="Hranice")
        assert hranice.country.code == "CZ"
        assert hranice.since_date.isoformat() == "2006-04-07"
        assert hranice.since_year == 2006
        assert sorted(a.slug for a in hranice.areas.all()) == ["sport", "youth-exchange"]
        assert [(e.kind, e.date.isoformat()) for e in hranice.status_events.all()] == [("signed", "2006-04-07")]
        # "France" given by name is stored as its code.
        assert Partnership.objects.get(partner_name="Saint-Germain-en-Laye").country.code == "FR"
        assert Partnership.objects.get(partner_name="Borken").since_date is None

    def test_the_management_command_imports_the_sample(self, areas, capsys):
        call_command("import_partnerships", str(SAMPLE), verbosity=0)
        assert Partnership.objects.count() == 11
        assert "11 new" in capsys.readouterr().out


class TestBadRows:
    def test_every_kind_of_mistake_is_reported_by_row_and_column_in_plain_words(self, areas):
        rows = [
            row(partner_name="Borken"),
            row(partner_name="", country="DE"),  # row 3: missing name
            row(partner_name="Méru", country="Frankreichh"),  # row 4: unknown country
            row(partner_name="Pisogne", country="IT", since="31.02.2008"),  # row 5: bad date
            row(partner_name="Borken"),  # row 6: duplicate of row 2
            row(partner_name="Cēsis", country="LV", latitude="57.3"),  # row 7: half a coordinate
            row(partner_name="Hranice", country="CZ", areas="culture;knitting"),  # row 8: unknown area
            row(partner_name="Denzlingen", country="DE", status="friends", teryt="12a"),  # row 9
            row(partner_name="Kremenets", country="UA", status_history="signed 2007"),  # row 10
        ]
        with translation.override("en"):  # the messages are checked in English; clerks get them in Polish
            report = import_csv(rows, dry_run=True)
            found = {(e.row, e.column): str(e.message) for e in report.errors}
        assert found[(3, "partner_name")] == "The name is missing."
        assert "Unknown country “Frankreichh”" in found[(4, "country")]
        assert "Bad date “31.02.2008”" in found[(5, "since")]
        assert "Duplicate pair" in found[(6, "partner_name")] and "row 2" in found[(6, "partner_name")]
        assert "both latitude and longitude" in found[(7, "longitude")]
        assert "Unknown area of cooperation “knitting”" in found[(8, "areas")]
        assert "Unknown value “friends”" in found[(9, "status")]
        assert "TERYT" in found[(9, "teryt")]
        assert "signed:1991-05-03" in found[(10, "status_history")]
        assert report.invalid_rows == [3, 4, 5, 6, 7, 8, 9, 10]
        assert str(report.errors[0]).startswith("Row 3, column “partner_name”:")

    def test_a_file_with_one_bad_row_saves_nothing(self, areas):
        report = import_csv([row(partner_name="Borken"), row(partner_name="Méru", country="Atlantis")])
        assert not report.written
        assert Partnership.objects.count() == 0
        assert "Nothing was saved" in report.summary()

    def test_skip_invalid_saves_the_valid_rows_and_reports_the_rest(self, areas):
        report = import_csv(
            [row(partner_name="Borken"), row(partner_name="Méru", country="Atlantis")], skip_invalid=True
        )
        assert report.written
        assert list(Partnership.objects.values_list("partner_name", flat=True)) == ["Borken"]
        assert [(e.row, e.column) for e in report.errors] == [(3, "country")]

    def test_the_command_fails_with_the_reasons_and_saves_nothing(self, areas, tmp_path, capsys):
        path = tmp_path / "bad.csv"
        path.write_bytes(csv_bytes([row(partner_name="Borken"), row(partner_name="Méru", country="Atlantis")]))
        with pytest.raises(CommandError):
            call_command("import_partnerships", str(path), verbosity=0)
        assert "Row 3, column “country”" in capsys.readouterr().err
        assert Partnership.objects.count() == 0

    def test_a_file_without_the_required_columns_is_refused_with_their_names(self, areas, tmp_path):
        path = tmp_path / "wrong.csv"
        path.write_text("town,partner\nIzabelin,Borken\n", encoding="utf-8")
        with pytest.raises(CommandError, match="local_unit_name, partner_name, country"):
            call_command("import_partnerships", str(path), verbosity=0)


class TestDryRunAndReimport:
    def test_a_dry_run_writes_nothing_but_says_what_would_happen(self, areas):
        report = import_csv([row(partner_name="Borken"), row(partner_name="Méru", country="FR")], dry_run=True)
        assert report.errors == []
        assert not report.written
        assert report.created == 2
        assert Partnership.objects.count() == 0
        assert report.summary().startswith("Dry run, nothing was saved.")

    def test_importing_the_same_file_again_changes_nothing(self, areas):
        with SAMPLE.open("rb") as file:
            partnerships_import_file(file=file, filename="sample.csv")
        before = snapshot()
        with SAMPLE.open("rb") as file, CaptureQueriesContext(connection) as queries:
            report = partnerships_import_file(file=file, filename="sample.csv")
        assert (report.created, report.updated, report.unchanged) == (0, 0, 11)
        assert snapshot() == before
        assert not [q for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]

    def test_a_changed_row_updates_the_existing_partnership_in_place(self, areas):
        import_csv([row(partner_name="Borken", since="2012", areas="youth-exchange")])
        original = Partnership.objects.get()
        report = import_csv([row(partner_name="Borken", since="2012-01-15", areas="youth-exchange;sport")])
        assert (report.created, report.updated) == (0, 1)
        updated = Partnership.objects.get()
        assert updated.pk == original.pk
        assert updated.since_date.isoformat() == "2012-01-15"
        assert sorted(a.slug for a in updated.areas.all()) == ["sport", "youth-exchange"]


def xlsx_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMN_NAMES)
    for values in rows:
        sheet.append([values.get(column, "") for column in COLUMN_NAMES])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class TestXlsx:
    def test_xlsx_and_csv_of_the_same_rows_give_the_same_directory(self, areas):
        import csv

        with SAMPLE.open(encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
        import_csv(rows)
        from_csv = snapshot()
        Partnership.objects.all().delete()
        report = partnerships_import_file(file=io.BytesIO(xlsx_bytes(rows)), filename="sample.xlsx")
        assert report.errors == [] and report.created == 11
        from_xlsx = snapshot()

        def without_ids(state):
            partnerships, links, events = state
            by_pk = {p[0]: p[1:3] for p in partnerships}
            return (
                sorted(p[1:12] for p in partnerships),
                sorted((by_pk[pid], slug) for pid, slug in links),
                sorted((by_pk[pid], kind, date) for pid, kind, date in events),
            )

        assert without_ids(from_xlsx) == without_ids(from_csv)

    def test_real_dates_and_numbers_in_xlsx_cells_are_understood(self, areas):
        import datetime

        rows = [row(partner_name="Borken", since=datetime.date(2012, 1, 15), teryt=1432022)]
        report = partnerships_import_file(file=io.BytesIO(xlsx_bytes(rows)), filename="x.xlsx")
        assert report.errors == []
        partnership = Partnership.objects.get()
        assert partnership.since_date == datetime.date(2012, 1, 15)
        assert partnership.teryt == "1432022"


class TestLargeFile:
    def test_twenty_thousand_rows_import_in_one_transaction_with_bulk_queries(self, areas):
        rows = [
            row(
                local_unit_name=f"Gmina {i // 20}",
                partner_name=f"Partnerstadt {i}",
                country=("DE", "FR", "CZ", "LT")[i % 4],
                since=str(1990 + i % 35),
                areas=("culture", "youth-exchange;sport", "")[i % 3],
                latitude="50.1",
                longitude="10.2",
            )
            for i in range(20_000)
        ]
        with CaptureQueriesContext(connection) as queries:
            report = import_csv(rows)
        assert report.errors == [] and report.created == 20_000
        assert Partnership.objects.count() == 20_000
        sql = [q["sql"] for q in queries.captured_queries]
        assert sum(s.startswith("SAVEPOINT") for s in sql) <= 1  # one transaction block
        assert len(sql) < 100  # bulk inserts, not one query per row
        again = import_csv(rows)
        assert again.unchanged == 20_000
