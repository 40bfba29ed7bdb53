"""Translation status of every page in every locale, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"
MACHINE = "machine"
MISSING = "missing"

STATES = {
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date"),
    MACHINE: _("Machine-translated, not reviewed"),
    MISSING: _("Missing"),
}


@dataclass
class Cell:
    locale: Locale
    state: str
    url: str
    target_id: int | None = None
    is_draft: bool = False
    in_moderation: bool = False
    can_submit: bool = False

    @property
    def label(self):
        return STATES[self.state]


@dataclass
class Row:
    page: Page
    cells: list = field(default_factory=list)


def translation_status_rows(*, user, locales=None):
    """One row per source page the user may edit (or whose translation they may edit), one cell per target locale.

    States, in the order they are checked:
    - missing: no page in that locale, or only an alias showing the Polish text;
    - out of date: the source was published after its last sync, or some of
      its segments have no translation (the page falls back to Polish there);
    - machine-translated, not reviewed: a segment still carries the machine
      translation (editing it in the translation editor makes it manual);
    - up to date.
    """
    default = Locale.get_default()
    if locales is None:
        locales = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    # Only pages of the sites' trees (not, say, Wagtail's leftover welcome page).
    in_a_site = Q(pk__in=[])
    for root_path in Site.objects.values_list("root_page__path", flat=True):
        in_a_site |= Q(path__startswith=root_path)
    # The Polish pages the user may edit, and those whose translation the user
    # may edit (translators have rights on their language's tree only).
    sources = list(
        Page.objects.filter(
            in_a_site,
            locale=default,
            alias_of__isnull=True,
            translation_key__in=editable.values("translation_key"),
        )
        .order_by("path")
        .only("id", "title", "path", "depth", "translation_key", "last_published_at", "live", "content_type_id")
    )
    keys = [page.translation_key for page in sources]
    targets = {
        (target.translation_key, target.locale_id): target
        for target in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
            "id",
            "translation_key",
            "locale_id",
            "alias_of_id",
            "live",
            "last_published_at",
            "has_unpublished_changes",
            "latest_revision_created_at",
        )
    }
    editable_target_ids = set(
        editable.filter(translation_key__in=keys, locale__in=locales).values_list("id", flat=True)
    )
    in_moderation = set(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(target.pk) for target in targets.values()],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", flat=True)
    )
    workflows_enabled = getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True)
    translation_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default).only(
            "id", "object_id", "last_updated_at"
        )
    }
    source_ids = [source.id for source in translation_sources.values()]
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source_id__in=source_ids, enabled=True).only(
            "id", "source_id", "target_locale_id"
        )
    }
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    translated = _segment_counts(source_ids, locales)
    machine = _segment_counts(source_ids, locales, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    last_string_edits = _last_string_edits(source_ids, locales)

    rows = []
    for page in sources:
        source = translation_sources.get(page.translation_key)
        row = Row(page=page)
        for locale in locales:
            target = targets.get((page.translation_key, locale.pk))
            translation = translations.get((source.id, locale.pk)) if source else None
            cell = _cell(page, locale, target, source, translation, totals, translated, machine)
            if cell.target_id:
                cell.in_moderation = str(cell.target_id) in in_moderation
                # Work waiting to be submitted to the moderation workflow: a draft,
                # or sentences translated in wagtail-localize's editor since the
                # translated page was last saved (the editor stores each sentence
                # at once, but only its Publish button, which translators do not
                # have, writes them into the page).
                last_edit = last_string_edits.get((source.id, locale.pk)) if source else None
                unsaved_sentences = bool(
                    last_edit
                    and (target.latest_revision_created_at is None or last_edit > target.latest_revision_created_at)
                )
                cell.can_submit = bool(
                    workflows_enabled
                    and target.id in editable_target_ids
                    and not cell.in_moderation
                    and (target.has_unpublished_changes or not target.live or unsaved_sentences)
                )
            row.cells.append(cell)
        rows.append(row)
    return rows


def _segment_counts(source_ids, locales, translation_type=None):
    """{(source id, locale id): number of segments with a valid translation}."""
    # One filter() call so that every condition applies to the same translation row.
    conditions = {
        "source_id__in": source_ids,
        "string__translations__context_id": F("context_id"),
        "string__translations__locale__in": locales,
        "string__translations__has_error": False,
    }
    if translation_type:
        conditions["string__translations__translation_type"] = translation_type
    segments = StringSegment.objects.filter(**conditions)
    return {
        (row["source_id"], row["string__translations__locale_id"]): row["n"]
        for row in segments.values("source_id", "string__translations__locale_id").annotate(n=Count("id"))
    }


def _last_string_edits(source_ids, locales):
    """{(source id, locale id): when a sentence of that source was last translated in that locale}."""
    segments = StringSegment.objects.filter(
        source_id__in=source_ids,
        string__translations__context_id=F("context_id"),
        string__translations__locale__in=locales,
    )
    return {
        (row["source_id"], row["string__translations__locale_id"]): row["latest"]
        for row in segments.values("source_id", "string__translations__locale_id").annotate(
            latest=Max("string__translations__updated_at")
        )
    }


def _cell(page, locale, target, source, translation, totals, translated, machine):
    if target is None or target.alias_of_id:
        if target is not None:
            # The alias's edit view offers wagtail-localize's "Translate this page".
            url = reverse("wagtailadmin_pages:edit", args=[target.id])
        else:
            url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
        return Cell(locale=locale, state=MISSING, url=url)
    url = reverse("wagtailadmin_pages:edit", args=[target.id])
    is_draft = not target.live
    if translation is None:
        # Translated by hand outside wagtail-localize: compare publication dates.
        stale = bool(
            page.last_published_at and target.last_published_at and page.last_published_at > target.last_published_at
        )
        return Cell(
            locale=locale, state=OUT_OF_DATE if stale else UP_TO_DATE, url=url, target_id=target.id, is_draft=is_draft
        )
    key = (source.id, locale.pk)
    total = totals.get(source.id, 0)
    source_changed = bool(page.last_published_at and page.last_published_at > source.last_updated_at)
    if source_changed or translated.get(key, 0) < total:
        state = OUT_OF_DATE
    elif machine.get(key, 0):
        state = MACHINE
    else:
        state = UP_TO_DATE
    return Cell(locale=locale, state=state, url=url, target_id=target.id, is_draft=is_draft)


def translation_status_summary(*, user):
    """{locale: {state: count}} for the dashboard panel."""
    rows = translation_status_rows(user=user)
    summary = {}
    for row in rows:
        for cell in row.cells:
            counts = summary.setdefault(cell.locale, dict.fromkeys(STATES, 0))
            counts[cell.state] += 1
    return summary
