"""Permission policies of the models that hold personal data.

The records of processing (docs/engagement.md) name who may see personal
data: moderators (and superusers) see subscribers and newsletter issues;
moderators, superusers and the leader organisation's editors see accession
requests. Wagtail's listing and edit views already ask these policies; its
choosers, the localize snippet API and bulk confirmations do not, so
``PersonalDataChooserViewSet`` and editorial/isolation.py make them ask.

"choose" has no permission row of its own: choosing a record shows it, so it
needs "view".
"""

from django.core.exceptions import PermissionDenied

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)

from .models.accession import AccessionRequest
from .models.newsletter import NewsletterIssue, Subscriber
from .services.accession import accession_reviewer_check


class PersonalDataPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, with "choose" meaning "view" (there is no choose_* permission)."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        return super().user_has_permission(user, "view" if action == "choose" else action)


class AccessionRequestPermissionPolicy(PersonalDataPermissionPolicy):
    """Reviewers (moderators, the leader organisation's editors) may view requests; decisions go through the review view."""

    def user_has_permission(self, user, action):
        if action in ("view", "choose") and accession_reviewer_check(user=user):
            return True
        return super().user_has_permission(user, action)


def personal_data_policy(model):
    return policy_registry.get_by_type(model)


class _ChecksViewPermission:
    """Refuse the whole chooser to someone who may not view the model's records."""

    def dispatch(self, request, *args, **kwargs):
        if not personal_data_policy(self.model_class).user_has_permission(request.user, "choose"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonalDataChooseView(_ChecksViewPermission, ChooseView):
    pass


class PersonalDataChooseResultsView(_ChecksViewPermission, ChooseResultsView):
    pass


class PersonalDataChosenView(_ChecksViewPermission, SnippetChosenView):
    pass


class PersonalDataChosenMultipleView(_ChecksViewPermission, SnippetChosenMultipleView):
    pass


class PersonalDataCreateView(_ChecksViewPermission, SnippetCreateView):
    pass


class PersonalDataChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser, open only to the roles that may view the records."""

    choose_view_class = PersonalDataChooseView
    choose_results_view_class = PersonalDataChooseResultsView
    chosen_view_class = PersonalDataChosenView
    chosen_multiple_view_class = PersonalDataChosenMultipleView
    create_view_class = PersonalDataCreateView


PERSONAL_DATA_MODELS = (Subscriber, AccessionRequest, NewsletterIssue)

register_permission_policy(Subscriber, PersonalDataPermissionPolicy(Subscriber))
register_permission_policy(NewsletterIssue, PersonalDataPermissionPolicy(NewsletterIssue))
register_permission_policy(AccessionRequest, AccessionRequestPermissionPolicy(AccessionRequest))
