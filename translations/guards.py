"""Translators translate into their own languages only, and publish only through moderation.

wagtail-localize's ``submit_translation`` permission is global: whoever has it
may translate any page into any language, and its "Update translations" view
publishes every translation of a source at once (cancelling open workflows)
for anyone who ticks "Publish immediately". The views below are
wagtail-localize's own, subclassed, with the project's rules added:

- the languages offered (and accepted) are those of the page trees the user
  may edit: a translator's group holds its rights on that language's home
  page (editorial/services.py), a moderator's on the root, which covers every
  language;
- a sync is refused when the source is also translated into a language the
  user does not edit;
- "Publish immediately" is refused unless the user may publish every
  translated page; the others submit them from the translation status report.

Why subclasses mounted on wagtail-localize's own paths (``register_admin_urls``
of this app, which Wagtail loads before wagtail-localize's) rather than a
middleware keyed on the URL name: a subclass keeps all of wagtail-localize's
behaviour (components, subtree, messages, redirects) and changes only the form
and the checks before it, where a middleware would have to re-read the POST,
look the objects up again and could not limit the form's choices. The one
fragility, wagtail-localize moving these URLs, would leave its views unguarded
silently, so tests/l10n/test_translation_guards.py resolves wagtail-localize's
URL names and checks that they reach these views.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def locales_user_translates(user):
    """The locales ``user`` may translate into: those of the page trees they may edit.

    Read from the page permissions rather than from the group names, so that a
    group an administrator sets up by hand with rights on a language's tree
    works the same way as the "Translators (xx)" groups.
    """
    policy = PagePermissionPolicy()
    if policy.user_has_permission_for_instance(user, "change", Page.get_first_root_node()):
        return Locale.objects.all()  # superusers and moderators: every language, a new one included
    editable = policy.instances_user_has_permission_for(user, "change")
    return Locale.objects.filter(pk__in=editable.values("locale_id"))


def language_names(locales):
    return ", ".join(sorted(locale.get_display_name() for locale in locales)) or "—"


def limit_locale_choices(form, user):
    """Offer (and accept) only the user's languages in wagtail-localize's submit form."""
    field = form.fields["locales"]
    allowed = list(locales_user_translates(user))
    field.queryset = field.queryset.filter(pk__in=[locale.pk for locale in allowed])
    # Django's own message names the rejected id; this one names what is allowed.
    field.error_messages["invalid_choice"] = _(
        "You translate only into: %(languages)s. Choose among these languages."
    ) % {"languages": language_names(allowed)}
    return form


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    def get_form(self):
        return limit_locale_choices(super().get_form(), self.request.user)


class GuardedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    def get_form(self):
        return limit_locale_choices(super().get_form(), self.request.user)

    def get(self, request, *args, **kwargs):
        self.check_snippet_permission()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_snippet_permission()
        return super().post(request, *args, **kwargs)

    def check_snippet_permission(self):
        # Translating a snippet creates rows of its model: only for those who may edit it.
        policy = policy_registry.get_by_type(type(self.object))
        if not policy.user_has_permission(self.request.user, "change"):
            raise PermissionDenied


def translated_instances(source):
    """(translation, target instance) of each enabled translation of ``source`` that exists."""
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            yield translation, translation.get_target_instance()
        except ObjectDoesNotExist:  # enabled, but its target was deleted
            continue


def sync_refusal(user, source):
    """Why ``user`` may not sync ``source``'s translations, or None."""
    own = set(locales_user_translates(user).values_list("pk", flat=True))
    for translation, instance in translated_instances(source):
        if translation.target_locale_id not in own or not user_can_edit_instance(user, instance):
            return _(
                "“%(object)s” is also translated into %(language)s, which you do not translate: "
                "ask a moderator to update its translations."
            ) % {"object": source.object_repr, "language": translation.target_locale.get_display_name()}
    return None


def user_may_publish_translations(user, source):
    """Whether ``user`` may publish every translation of ``source`` at once (without moderation)."""
    for _translation, instance in translated_instances(source):
        if isinstance(instance, Page):
            if not instance.permissions_for_user(user).can_publish():
                return False
        elif not policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(user, "change", instance):
            return False
    return True


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not user_may_publish_translations(self.request.user, self.object):
            # Kept as a hidden False rather than removed: wagtail-localize reads the value.
            form.fields["publish_translations"].widget = forms.HiddenInput()
            form.initial["publish_translations"] = False
        return form

    def get(self, request, *args, **kwargs):
        refusal = sync_refusal(request.user, self.object)
        if refusal:
            messages.error(request, refusal)
            return redirect("wagtailadmin_home")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        refusal = sync_refusal(request.user, self.object)
        if refusal:
            messages.error(request, refusal)
            return redirect("wagtailadmin_home")
        publish = forms.BooleanField(required=False).to_python(request.POST.get("publish_translations"))
        if publish and not user_may_publish_translations(request.user, self.object):
            messages.error(
                request,
                _(
                    "You may not publish these translations directly. Update them without "
                    "“Publish immediately”, then submit the translated pages for moderation "
                    "from the Translation status report."
                ),
            )
            return redirect(request.get_full_path())
        return super().post(request, *args, **kwargs)


@hooks.register("register_admin_urls")
def register_guarded_localize_urls():
    # The same paths as wagtail-localize's views (see the module docstring).
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="translations_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            GuardedSubmitSnippetTranslationView.as_view(),
            name="translations_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
            name="translations_update_translations",
        ),
    ]
