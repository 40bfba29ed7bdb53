"""Export of the (filtered) partnership directory as open data: CSV, XLSX and
JSON-LD (schema.org). CSV and XLSX use the import's columns, so an export can
be imported again unchanged; the licence line starts with "#", which the import
skips. The field list is documented in docs/directory.md."""

import csv
import io
import json

from django.conf import settings
from django.utils import timezone

from openpyxl import Workbook

from .importing import COLUMN_NAMES, LIST_SEPARATOR


def _licence_line():
    return (
        f"# Licence: {settings.PARTNERSHIP_DATA_LICENCE} ({settings.PARTNERSHIP_DATA_LICENCE_URL}). "
        f"Exported {timezone.now():%Y-%m-%d} from {settings.WAGTAIL_SITE_NAME}."
    )


def _export_queryset(queryset):
    # Three queries whatever the number of rows.
    return queryset.order_by("local_unit_name", "partner_name", "country").prefetch_related("areas", "status_events")


def partnership_export_row(partnership):
    """One partnership as the import's columns, all text."""
    events = sorted(partnership.status_events.all(), key=lambda event: (event.date, event.sort_order))
    return {
        "local_unit_name": partnership.local_unit_name,
        "local_unit_kind": partnership.local_unit_kind,
        "voivodeship": partnership.voivodeship,
        "teryt": partnership.teryt,
        "partner_name": partnership.partner_name,
        "partner_kind": partnership.partner_kind,
        "country": partnership.country.code,
        "partner_region": partnership.partner_region,
        "latitude": "" if partnership.latitude is None else f"{partnership.latitude.normalize():f}",
        "longitude": "" if partnership.longitude is None else f"{partnership.longitude.normalize():f}",
        "status": partnership.status,
        "since": partnership.since_display,
        "resolution_number": partnership.resolution_number,
        "areas": LIST_SEPARATOR.join(sorted(area.slug for area in partnership.areas.all())),
        "recurring_events": partnership.recurring_events,
        "source": partnership.source,
        "notes": partnership.notes,
        "last_activity": partnership.last_activity.isoformat() if partnership.last_activity else "",
        "status_history": LIST_SEPARATOR.join(f"{event.kind}:{event.date.isoformat()}" for event in events),
    }


def partnerships_export_csv(*, queryset):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_licence_line()])
    writer.writerow(COLUMN_NAMES)
    for partnership in _export_queryset(queryset):
        row = partnership_export_row(partnership)
        writer.writerow([row[column] for column in COLUMN_NAMES])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read the diacritics


def partnerships_export_xlsx(*, queryset):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("partnerships")
    sheet.append([_licence_line()])
    sheet.append(COLUMN_NAMES)
    for partnership in _export_queryset(queryset):
        row = partnership_export_row(partnership)
        sheet.append([row[column] for column in COLUMN_NAMES])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def partnership_jsonld(partnership, *, base_id):
    """A partnership as a schema.org Organization whose two members are the local unit and the partner."""
    node_id = f"{base_id}#partnership-{partnership.pk}"
    local_unit = {
        "@type": "GovernmentOrganization",
        "name": partnership.local_unit_name,
        "additionalType": partnership.local_unit_kind,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "PL",
            "addressRegion": partnership.get_voivodeship_display(),
        },
        "memberOf": {"@id": node_id},
    }
    if partnership.teryt:
        local_unit["identifier"] = {"@type": "PropertyValue", "propertyID": "TERYT", "value": partnership.teryt}
    partner = {
        "@type": "GovernmentOrganization" if partnership.partner_kind != "organisation" else "Organization",
        "name": partnership.partner_name,
        "additionalType": partnership.partner_kind,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": partnership.country.code,
            "addressRegion": partnership.partner_region,
        },
        "memberOf": {"@id": node_id},
    }
    if partnership.latitude is not None:
        partner["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(partnership.latitude),
                "longitude": float(partnership.longitude),
            },
        }
    node = {
        "@type": "Organization",
        "@id": node_id,
        "name": f"{partnership.local_unit_name} – {partnership.partner_name}",
        "member": [local_unit, partner],
        "additionalType": partnership.status,
        "knowsAbout": sorted(area.name for area in partnership.areas.all()),
    }
    if partnership.since_display:
        node["foundingDate"] = partnership.since_display
    if partnership.status_events.all():
        node["event"] = [
            {"@type": "Event", "name": event.kind, "startDate": event.date.isoformat()}
            for event in partnership.status_events.all()
        ]
    return node


def partnerships_export_jsonld(*, queryset, base_id):
    document = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": base_id,
        "name": f"{settings.WAGTAIL_SITE_NAME}: partnerships",
        "license": settings.PARTNERSHIP_DATA_LICENCE_URL,
        "dateModified": timezone.now().date().isoformat(),
        "hasPart": [partnership_jsonld(p, base_id=base_id) for p in _export_queryset(queryset)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
