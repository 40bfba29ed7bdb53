"""Write-side translation operations that wagtail-localize does not offer itself."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from .models import MinorEdit


def minor_edit_mark(*, revision, user):
    mark, _created = MinorEdit.objects.get_or_create(revision=revision, defaults={"marked_by": user})
    return mark


@transaction.atomic
def translations_resync_minor(*, page, user=None):
    """Re-sync a source page's translations after a minor edit, keeping them up to date.

    A normal sync (wagtail-localize's "Sync translated pages") re-extracts the
    source: every changed sentence becomes a new, untranslated segment that
    falls back to Polish and marks the translation out of date. A minor edit
    (a typo fix, a corrected link text) does not change the meaning, so here
    each changed segment inherits the translation its previous wording had in
    every locale, and the translated pages are saved again with the new
    synchronised fields (dates, images, …).

    Translated pages are published only when they were live, are not in a
    moderation workflow, and ``user`` may publish them; otherwise the sync is
    saved as a draft so that nothing bypasses moderation.

    Returns the number of translations re-synced.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return 0
    previous = dict(StringSegment.objects.filter(source=source).values_list("context_id", "string_id"))
    source.update_from_db()
    current = dict(StringSegment.objects.filter(source=source).values_list("context_id", "string_id"))
    changed = {
        context_id: (previous[context_id], string_id)
        for context_id, string_id in current.items()
        if context_id in previous and previous[context_id] != string_id
    }
    for context_id, (old_string_id, new_string_id) in changed.items():
        for old in StringTranslation.objects.filter(translation_of_id=old_string_id, context_id=context_id):
            StringTranslation.objects.get_or_create(
                translation_of_id=new_string_id,
                context_id=context_id,
                locale_id=old.locale_id,
                defaults={
                    "data": old.data,
                    "translation_type": old.translation_type,
                    "tool_name": old.tool_name,
                    "last_translated_by": old.last_translated_by,
                },
            )
    count = 0
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # the translated page was deleted
            continue
        publish = bool(
            target.live
            and not target.workflow_in_progress
            and user is not None
            and target.permissions_for_user(user).can_publish()
        )
        try:
            translation.save_target(user=user, publish=publish)
        except ValidationError:
            # A translated value no longer validates: leave it for the
            # translator, who sees the error in the translation editor.
            continue
        count += 1
    if page.live_revision_id:
        MinorEdit.objects.filter(revision_id=page.live_revision_id).update(applied_at=timezone.now())
    return count
