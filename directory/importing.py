"""Import of partnerships from CSV and XLSX files a user brings.

``partnerships_import`` checks every row first and reports, per row and column,
what is wrong in words a clerk understands. It writes nothing unless the whole
file is valid (or, with ``skip_invalid``, writes the valid rows only), all in one
transaction with bulk queries, and re-importing the same file changes nothing:
rows are matched on the natural key (local unit + partner + country) and
compared before anything is written.

The column mapping is documented in docs/directory.md.
"""

import csv
import datetime
import functools
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

from django_countries import countries
from openpyxl import load_workbook

from core.signals import content_changed_in_bulk
from partners.models import CooperationArea, PartnerKind, RelationshipStatus

from .facets import partnerships_changed
from .partnerships import (
    LocalUnitKind,
    Partnership,
    PartnershipStatusEvent,
    StatusEventKind,
    Voivodeship,
    fold_text,
)

# (column, required) in the order the export writes them.
COLUMNS = [
    ("local_unit_name", True),
    ("local_unit_kind", False),
    ("voivodeship", False),
    ("teryt", False),
    ("partner_name", True),
    ("partner_kind", False),
    ("country", True),
    ("partner_region", False),
    ("latitude", False),
    ("longitude", False),
    ("status", False),
    ("since", False),
    ("resolution_number", False),
    ("areas", False),
    ("recurring_events", False),
    ("source", False),
    ("notes", False),
    ("last_activity", False),
    ("status_history", False),
]
COLUMN_NAMES = [name for name, _required in COLUMNS]
REQUIRED_COLUMNS = [name for name, required in COLUMNS if required]
SCALAR_FIELDS = [
    "local_unit_kind",
    "voivodeship",
    "teryt",
    "partner_kind",
    "partner_region",
    "latitude",
    "longitude",
    "status",
    "since_year",
    "since_date",
    "resolution_number",
    "recurring_events",
    "source",
    "notes",
    "last_activity",
]
TEXT_LIMITS = {
    "local_unit_name": 200,
    "partner_name": 200,
    "partner_region": 120,
    "resolution_number": 80,
    "source": 300,
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
LIST_SEPARATOR = ";"
BATCH_SIZE = 1000


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self):
        where = _("Row %(row)s") % {"row": self.row}
        if self.column:
            where += _(", column “%(column)s”") % {"column": self.column}
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    written: bool = False
    dry_run: bool = False

    @property
    def invalid_rows(self):
        return sorted({error.row for error in self.errors})

    @property
    def is_valid(self):
        return not self.errors

    def summary(self):
        counts = _(
            "%(rows)s rows: %(created)s new, %(updated)s changed, %(unchanged)s unchanged, %(invalid)s invalid."
        ) % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "invalid": len(self.invalid_rows),
        }
        if self.dry_run:
            return _("Dry run, nothing was saved. ") + counts
        if not self.written:
            return _("Nothing was saved because some rows are invalid. ") + counts
        return counts


class ImportFileError(ValueError):
    """The file itself cannot be read (wrong format, no header, missing columns)."""


# --- Reading files ------------------------------------------------------------


def _normalise_header(value):
    return re.sub(r"[\s\-]+", "_", str(value or "").strip().lower())


def _cell_to_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time(0) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(*, file, filename):
    """The data rows of a CSV or XLSX file as dicts keyed by normalised column names.

    Returns (rows, warnings); each row carries its spreadsheet row number as ``__row__``.
    """
    name = filename.lower()
    if name.endswith(".xlsx"):
        table = _read_xlsx(file)
    elif name.endswith(".csv") or name.endswith(".txt"):
        table = _read_csv(file)
    else:
        raise ImportFileError(_("Only .csv and .xlsx files can be imported."))
    original = table
    # Lines before the header that start with "#" are comments (the export's licence line).
    while table and str(table[0][0] if table[0] else "").startswith("#"):
        table = table[1:]
    if not table:
        raise ImportFileError(_("The file is empty."))
    header_row = 1 + next(i for i, _row in enumerate(original) if _row is table[0])
    header = [_normalise_header(cell) for cell in table[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; these required columns are missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    warnings = [
        _("Column “%(column)s” is not known and was ignored.") % {"column": column}
        for column in header
        if column and column not in COLUMN_NAMES
    ]
    rows = []
    for number, cells in enumerate(table[1:], start=header_row + 1):
        texts = [_cell_to_text(cell) for cell in cells]
        if not any(texts):
            continue  # blank lines are not rows
        row = {column: (texts[i] if i < len(texts) else "") for i, column in enumerate(header) if column}
        row["__row__"] = number
        rows.append(row)
    return rows, warnings


def _read_csv(file):
    raw = file.read()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("The CSV file is not UTF-8 text; save it as “CSV UTF-8”.")) from error
    sample = raw[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(raw), dialect))


def _read_xlsx(file):
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The file is not a valid .xlsx workbook.")) from error
    sheet = workbook.worksheets[0]
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return table


# --- Checking rows ---------------------------------------------------------------


def _choice(value, choices_class, extra_aliases=None):
    """A choice given by its value or its label, case and diacritics ignored."""
    return _choice_cached(value, choices_class, tuple(sorted((extra_aliases or {}).items())))


@functools.lru_cache(maxsize=4096)
def _choice_cached(value, choices_class, extra_aliases):
    # Cached (and cleared at the start of each import, as labels follow the active
    # language): folding every label for every row made 20,000-row files slow.
    wanted = fold_text(value).replace(" ", "_").replace("-", "_")
    for choice_value, label in choices_class.choices:
        if wanted in (
            fold_text(choice_value).replace("-", "_"),
            fold_text(str(label)).replace(" ", "_").replace("-", "_"),
        ):
            return choice_value
    return dict(extra_aliases).get(wanted)


LOCAL_UNIT_ALIASES = {"gmina": "municipality", "miasto": "municipality", "powiat": "county", "wojewodztwo": "region"}


@functools.lru_cache(maxsize=4096)
def _country(value):
    if value.upper() in countries:
        return value.upper()
    for language in ("en", "pl", "de"):
        code = countries.by_name(value, language=language)
        if code:
            return code
    return None


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _decimal(value):
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None


def _check_row(row, *, areas_by_slug):
    """(data, errors) for one row; data holds model values ready to save."""
    number = row["__row__"]
    errors = []
    data = {}

    def error(column, message):
        errors.append(RowError(number, column, message))

    def text(column):
        return (row.get(column) or "").strip()

    for column in ("local_unit_name", "partner_name"):
        value = text(column)
        if not value:
            error(column, _("The name is missing."))
        data[column] = value
    for column, limit in TEXT_LIMITS.items():
        if len(text(column)) > limit:
            error(column, _("Too long: at most %(limit)s characters.") % {"limit": limit})
    for column in ("partner_region", "resolution_number", "recurring_events", "source", "notes"):
        data[column] = text(column)

    country = text("country")
    data["country"] = _country(country) if country else None
    if not country:
        error("country", _("The country is missing."))
    elif not data["country"]:
        error(
            "country",
            _("Unknown country “%(value)s”: use a two-letter code such as DE or a name such as Germany.")
            % {"value": country},
        )

    choice_columns = [
        ("local_unit_kind", LocalUnitKind, LocalUnitKind.MUNICIPALITY, LOCAL_UNIT_ALIASES),
        ("voivodeship", Voivodeship, "", None),
        ("partner_kind", PartnerKind, PartnerKind.TOWN, None),
        ("status", RelationshipStatus, RelationshipStatus.OFFICIAL_AGREEMENT, None),
    ]
    for column, choices_class, default, aliases in choice_columns:
        value = text(column)
        data[column] = _choice(value, choices_class, aliases) if value else default
        if data[column] is None:
            allowed = ", ".join(str(choice_value) for choice_value in choices_class.values)
            error(
                column, _("Unknown value “%(value)s”: use one of %(allowed)s.") % {"value": value, "allowed": allowed}
            )

    teryt = text("teryt")
    if teryt and not (teryt.isdigit() and 2 <= len(teryt) <= 7):
        error("teryt", _("A TERYT code has 2 to 7 digits, not “%(value)s”.") % {"value": teryt})
    data["teryt"] = teryt

    for column, limit in (("latitude", 90), ("longitude", 180)):
        value = text(column)
        number_value = _decimal(value) if value else None
        if value and (number_value is None or not -limit <= number_value <= limit):
            error(
                column,
                _("Not a coordinate between -%(limit)s and %(limit)s: “%(value)s”.") % {"limit": limit, "value": value},
            )
            number_value = None
        data[column] = number_value.quantize(Decimal("0.000001")) if number_value is not None else None
    if (data["latitude"] is None) != (data["longitude"] is None) and not any(
        e.column in ("latitude", "longitude") for e in errors
    ):
        error(
            "longitude" if data["longitude"] is None else "latitude", _("Give both latitude and longitude, or neither.")
        )

    since = text("since")
    data["since_year"], data["since_date"] = None, None
    if since:
        if since.isdigit() and len(since) == 4 and 1900 <= int(since) <= 2100:
            data["since_year"] = int(since)
        elif parsed := _date(since):
            data["since_year"], data["since_date"] = parsed.year, parsed
        else:
            error("since", _("Bad date “%(value)s”: write a year (1991) or a date (1991-05-03).") % {"value": since})

    last_activity = text("last_activity")
    data["last_activity"] = _date(last_activity) if last_activity else None
    if last_activity and not data["last_activity"]:
        error("last_activity", _("Bad date “%(value)s”: write it as 2024-05-03.") % {"value": last_activity})

    data["area_ids"] = []
    for slug in filter(None, (part.strip() for part in text("areas").split(LIST_SEPARATOR))):
        if slug.lower() in areas_by_slug:
            data["area_ids"].append(areas_by_slug[slug.lower()])
        else:
            known = ", ".join(sorted(areas_by_slug)) or _("none defined yet")
            error(
                "areas",
                _("Unknown area of cooperation “%(value)s” (known: %(known)s).") % {"value": slug, "known": known},
            )
    data["area_ids"] = sorted(set(data["area_ids"]))

    data["history"] = []
    for item in filter(None, (part.strip() for part in text("status_history").split(LIST_SEPARATOR))):
        kind_text, _sep, date_text = item.partition(":")
        kind = _choice(kind_text.strip(), StatusEventKind)
        date = _date(date_text.strip())
        if not kind or not date:
            error(
                "status_history",
                _("Cannot read “%(value)s”: write e.g. signed:1991-05-03; renewed:2001-05-03.") % {"value": item},
            )
            continue
        data["history"].append((kind, date))
    data["history"].sort(key=lambda event: event[1])
    return data, errors


# --- Writing ---------------------------------------------------------------------


def _natural_key(data):
    return (data["local_unit_name"], data["partner_name"], data["country"])


def _search_text(data):
    return fold_text(
        " ".join(
            [data["local_unit_name"], data["partner_name"], data["partner_region"], countries.name(data["country"])]
        )
    )


def partnerships_import(*, rows, dry_run=False, skip_invalid=False, progress=None, warnings=None):
    """Check ``rows`` (from :func:`read_rows`) and save them unless something is wrong.

    ``progress(n)`` is called as rows are checked and written (for a progress bar).
    """
    report = ImportReport(rows=len(rows), warnings=list(warnings or []), dry_run=dry_run)
    _choice_cached.cache_clear()
    default_locale = Locale.get_default()
    areas_by_slug = {
        slug.lower(): pk for slug, pk in CooperationArea.objects.filter(locale=default_locale).values_list("slug", "pk")
    }

    valid = {}
    first_row_of_key = {}
    for row in rows:
        data, errors = _check_row(row, areas_by_slug=areas_by_slug)
        if not errors:
            key = _natural_key(data)
            if key in first_row_of_key:
                errors.append(
                    RowError(
                        row["__row__"],
                        "partner_name",
                        _("Duplicate pair: %(unit)s – %(partner)s (%(country)s) is already in row %(row)s.")
                        % {"unit": key[0], "partner": key[1], "country": key[2], "row": first_row_of_key[key]},
                    )
                )
            else:
                first_row_of_key[key] = row["__row__"]
                valid[key] = data
        report.errors.extend(errors)
        if progress:
            progress(1)

    if report.errors and not skip_invalid:
        _classify(valid, report)
        return report
    if dry_run:
        _classify(valid, report)
        return report
    with transaction.atomic():
        _write(valid, report, progress=progress)
        # Bulk queries send no model signals: the facet cube is rebuilt, now and
        # once committed (a request may have built it from the old rows meanwhile),
        # and the pages that show the directory are dropped from every cache.
        partnerships_changed()
        transaction.on_commit(partnerships_changed)
        content_changed_in_bulk.send(sender=Partnership)
    report.written = True
    return report


def _existing(keys):
    """Existing partnerships for the file's keys, with their areas and history, in four queries."""
    units = {key[0] for key in keys}
    existing = {}
    for partnership in Partnership.objects.filter(local_unit_name__in=units):
        key = (partnership.local_unit_name, partnership.partner_name, partnership.country.code)
        if key in keys:
            existing[key] = partnership
    ids = [p.pk for p in existing.values()]
    areas, history = {}, {}
    for pid, area_id in Partnership.areas.through.objects.filter(partnership_id__in=ids).values_list(
        "partnership_id", "cooperationarea_id"
    ):
        areas.setdefault(pid, []).append(area_id)
    for pid, kind, date in (
        PartnershipStatusEvent.objects.filter(partnership_id__in=ids)
        .order_by("date", "sort_order")
        .values_list("partnership_id", "kind", "date")
    ):
        history.setdefault(pid, []).append((kind, date))
    return existing, areas, history


def _classify(valid, report):
    """Count what a real import would do, for dry runs and refused files."""
    existing, areas, history = _existing(set(valid))
    for key, data in valid.items():
        partnership = existing.get(key)
        if partnership is None:
            report.created += 1
        elif _differs(partnership, data, areas, history):
            report.updated += 1
        else:
            report.unchanged += 1


def _differs(partnership, data, areas, history):
    if any(getattr(partnership, name) != data[name] for name in SCALAR_FIELDS):
        return True
    if sorted(areas.get(partnership.pk, [])) != data["area_ids"]:
        return True
    return history.get(partnership.pk, []) != data["history"]


def _write(valid, report, *, progress):
    existing, areas, history = _existing(set(valid))
    now = timezone.now()
    to_create, to_update, relinks = [], [], []
    for key, data in valid.items():
        partnership = existing.get(key)
        if partnership is None:
            partnership = Partnership(
                local_unit_name=data["local_unit_name"],
                partner_name=data["partner_name"],
                country=data["country"],
                search_text=_search_text(data),
                **{name: data[name] for name in SCALAR_FIELDS},
            )
            to_create.append((partnership, data))
            report.created += 1
        elif _differs(partnership, data, areas, history):
            for name in SCALAR_FIELDS:
                setattr(partnership, name, data[name])
            partnership.search_text = _search_text(data)
            partnership.updated_at = now
            to_update.append((partnership, data))
            report.updated += 1
        else:
            report.unchanged += 1
        if progress:
            progress(1)

    Partnership.objects.bulk_create([p for p, _d in to_create], batch_size=BATCH_SIZE)
    Partnership.objects.bulk_update(
        [p for p, _d in to_update], [*SCALAR_FIELDS, "search_text", "updated_at"], batch_size=BATCH_SIZE
    )
    # Areas and history of changed rows are replaced as a whole: simpler and
    # still two bulk queries per table.
    for partnership, data in to_update:
        if (
            sorted(areas.get(partnership.pk, [])) != data["area_ids"]
            or history.get(partnership.pk, []) != data["history"]
        ):
            relinks.append(partnership.pk)
    through = Partnership.areas.through
    through.objects.filter(partnership_id__in=relinks).delete()
    PartnershipStatusEvent.objects.filter(partnership_id__in=relinks).delete()
    relinked = set(relinks)
    changed = [*to_create, *((p, d) for p, d in to_update if p.pk in relinked)]
    through.objects.bulk_create(
        [through(partnership_id=p.pk, cooperationarea_id=area_id) for p, d in changed for area_id in d["area_ids"]],
        batch_size=BATCH_SIZE,
    )
    PartnershipStatusEvent.objects.bulk_create(
        [
            PartnershipStatusEvent(partnership_id=p.pk, kind=kind, date=date, sort_order=i)
            for p, d in changed
            for i, (kind, date) in enumerate(d["history"])
        ],
        batch_size=BATCH_SIZE,
    )


def partnerships_import_file(*, file, filename, dry_run=False, skip_invalid=False, progress=None):
    """Read a CSV/XLSX file and import it; :class:`ImportFileError` if it cannot be read."""
    rows, warnings = read_rows(file=file, filename=filename)
    return partnerships_import(
        rows=rows, dry_run=dry_run, skip_invalid=skip_invalid, progress=progress, warnings=warnings
    )
