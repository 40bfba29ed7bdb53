"""Permission policies of the models that hold personal data, network by network.

The records of processing (docs/engagement.md) name who may see personal
data. Every subscriber, newsletter issue and accession request belongs to a
network (its ``site``):

* superusers and the platform's roles (the groups holding the model
  permissions, e.g. "Moderators") see every network's records, as before;
* a network's moderators (its ``NetworkSettings.moderators`` group) see and
  act on their own network's records only: view subscribers, view accession
  requests (and review them, services/accession.py), compose, edit and send
  newsletter issues. They hold no model permission: their rights come from
  the group being a network's, so nothing of Wagtail that asks
  ``user.has_perm`` (the site history report, the snippets' counts) opens
  another network's records to them;
* the leader organisation's editors review their network's accession requests;
* nobody else (organisations' editors, translators, site administrators) sees any.

Wagtail's listing, edit, inspect, delete, history and usage views ask these
policies whether an action is allowed at all; which rows they show comes from
``instances_user_has_any_permission_for`` (``PersonalDataViewSet``) and
``NetworkScopedObjectMixin``. Its choosers, the localize snippet API and bulk
confirmations do not ask, so ``PersonalDataChooserViewSet`` and
editorial/isolation.py make them.

"choose" has no permission row of its own: choosing a record shows it, so it
needs "view".
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

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

from editorial.selectors import networks_moderated_by

from .models.accession import AccessionRequest
from .models.newsletter import NewsletterIssue, Subscriber
from .services.accession import accession_review_networks

# The actions that show a record: a row one may do any of these to is one the user sees.
SEE = ("view", "change", "delete")


class PersonalDataPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for the platform's roles; a network's own records for its moderators."""

    # What a network's moderators may do with their own network's records.
    network_actions = frozenset({"view"})

    def platform_permission(self, user, action):
        """The platform's rule: superusers and the holders of the model permission act in every network."""
        return super().user_has_permission(user, action)

    def own_networks(self, user, action):
        """The site ids where ``user`` may ``action`` as one network's person (not a platform role)."""
        return networks_moderated_by(user=user) if action in self.network_actions else frozenset()

    def networks_for(self, user, action):
        """None: every network's records; else the site ids (maybe none) of the networks whose records ``user`` may ``action``."""
        if not (user.is_authenticated and user.is_active):
            return frozenset()
        action = "view" if action == "choose" else action
        if self.platform_permission(user, action):
            return None
        return self.own_networks(user, action)

    def user_has_permission(self, user, action):
        networks = self.networks_for(user, action)
        return networks is None or bool(networks)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        networks = self.networks_for(user, action)
        return networks is None or instance.site_id in networks

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        records = self.model._default_manager.all()
        networks = set()
        for action in actions:
            allowed = self.networks_for(user, action)
            if allowed is None:
                return records
            networks |= allowed
        return records.filter(site_id__in=networks)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class NewsletterIssuePermissionPolicy(PersonalDataPermissionPolicy):
    """A network's moderators compose, edit and send their network's issues (deleting stays the platform's)."""

    network_actions = frozenset({"view", "add", "change"})


class AccessionRequestPermissionPolicy(PersonalDataPermissionPolicy):
    """Reviewers may view requests (their network's, or all for the platform's); decisions go through the review view."""

    def networks_for(self, user, action):
        networks = super().networks_for(user, action)
        if networks is None or action not in ("view", "choose"):
            return networks
        reviewed = accession_review_networks(user=user)
        return None if reviewed is None else networks | reviewed


def personal_data_policy(model):
    return policy_registry.get_by_type(model)


def records_visible_to(model, user):
    """The records of ``model`` that ``user`` sees (in any way): their networks' or, for platform roles, all."""
    return personal_data_policy(model).instances_user_has_any_permission_for(user, SEE)


class NetworkScopedObjectMixin:
    """A snippet view of one record: another network's record is not there for the user (404).

    Wagtail's views look the object up by primary key among all rows and check
    the model permission only; this checks the record itself, whichever way
    the view loaded it (``get_object`` has several signatures in Wagtail).
    """

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy = personal_data_policy(self.model)
        if not policy.user_has_any_permission_for_instance(self.request.user, SEE, instance):
            raise Http404("No record with this id.")
        return instance


def network_scoped(view_class):
    """``view_class`` with ``NetworkScopedObjectMixin`` in front."""
    return type(f"NetworkScoped{view_class.__name__}", (NetworkScopedObjectMixin, view_class), {})


class NetworkScopedCopyMixin:
    """Wagtail's copy view refuses a record the user may not view (its own check, before ours): another
    network's record is looked up among the user's networks' records first, so it is not there (404)."""

    def get_object(self, *args, **kwargs):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        get_object_or_404(records_visible_to(self.model, self.request.user), pk=pk)
        return super().get_object(*args, **kwargs)


def network_scoped_copy(view_class):
    return type(f"NetworkScoped{view_class.__name__}", (NetworkScopedCopyMixin, view_class), {})


class _ChecksViewPermission:
    """Refuse the whole chooser to someone who may not view the model's records; show only their networks' records."""

    def dispatch(self, request, *args, **kwargs):
        if not personal_data_policy(self.model_class).user_has_permission(request.user, "choose"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def visible_records(self):
        return personal_data_policy(self.model_class).instances_user_has_permission_for(self.request.user, "choose")

    def get_object_list(self):
        return self.visible_records()

    def get_object(self, pk):
        return self.visible_records().get(pk=pk)  # DoesNotExist: Wagtail's ChosenView answers 404

    def get_objects(self, pks):
        return self.visible_records().filter(pk__in=pks)


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
    """The snippet chooser, open only to the roles that may view the records, showing only their networks' records."""

    choose_view_class = PersonalDataChooseView
    choose_results_view_class = PersonalDataChooseResultsView
    chosen_view_class = PersonalDataChosenView
    chosen_multiple_view_class = PersonalDataChosenMultipleView
    create_view_class = PersonalDataCreateView


PERSONAL_DATA_MODELS = (Subscriber, AccessionRequest, NewsletterIssue)

register_permission_policy(Subscriber, PersonalDataPermissionPolicy(Subscriber))
register_permission_policy(NewsletterIssue, NewsletterIssuePermissionPolicy(NewsletterIssue))
register_permission_policy(AccessionRequest, AccessionRequestPermissionPolicy(AccessionRequest))
