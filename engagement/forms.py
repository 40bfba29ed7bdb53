from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from core.queries import network_home_paths, network_of_path, pages_under_filter
from partners.models import CooperationArea, MemberOrganisationPage, OrganisationKind

from .abuse import HoneypotCheckMixin
from .models.accession import Offer
from .models.newsletter import SubscriptionScope


class AccessionForm(HoneypotCheckMixin, forms.Form):
    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices)
    contact_person = forms.CharField(label=_("Contact person"), max_length=160)
    email = forms.EmailField(label=_("E-mail address"), help_text=_("We send the decision to this address."))
    offers = forms.MultipleChoiceField(
        label=_("What can your organisation offer?"),
        choices=Offer.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = forms.CharField(
        label=_("Which of the partnership's statutory goals do you support?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of the data above as described in the consent text."),
        error_messages={"required": _("Your consent is needed to process the request.")},
    )


class SubscribeForm(HoneypotCheckMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    # The version of the consent text the visitor was shown: the one recorded.
    consent_version = forms.IntegerField(widget=forms.HiddenInput)
    scope = forms.ChoiceField(
        label=_("What do you want to hear about?"),
        choices=SubscriptionScope.choices,
        initial=SubscriptionScope.NETWORK,
        widget=forms.RadioSelect,
    )
    # Empty options that say what to choose: Django 6's default, "- Select an
    # option -", has no Polish translation. The messages are clean()'s own.
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=MemberOrganisationPage.objects.none(),
        required=False,
        empty_label=_("Choose the organisation you want to hear about."),
        help_text=_("Only if you chose one member organisation."),
    )
    area = forms.ModelChoiceField(
        label=_("Area of cooperation"),
        queryset=CooperationArea.objects.none(),
        required=False,
        empty_label=_("Choose the area of cooperation you want to hear about."),
        help_text=_("Only if you chose one area of cooperation."),
    )
    consent = forms.BooleanField(
        label=_("I have read the consent text above and agree to it."),
        error_messages={"required": _("Your consent is needed to send you the newsletter.")},
    )

    def __init__(self, *args, language, site, **kwargs):
        super().__init__(*args, **kwargs)
        # The network's own organisations: a subscription belongs to the network it was made in.
        self.fields["organisation"].queryset = (
            MemberOrganisationPage.objects.live()
            .public()
            .filter(pages_under_filter(network_home_paths(site_ids=[site.pk])))
            .filter(locale__language_code=language, left_on__isnull=True)
            .order_by("title")
        )
        self.fields["area"].queryset = CooperationArea.objects.filter(locale__language_code=language).order_by("name")

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope")
        if scope == SubscriptionScope.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the organisation you want to hear about."))
        if scope == SubscriptionScope.AREA and not cleaned.get("area"):
            self.add_error("area", _("Choose the area of cooperation you want to hear about."))
        return cleaned


class LinkRequestForm(HoneypotCheckMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))


class SubscriberCorrectForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("A new address changes nothing until it is confirmed through the link we e-mail to it."),
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the applicant."),
        error_messages={"required": _("Give the reason for the rejection: it is sent to the applicant.")},
    )


class _WithLanguage(forms.ModelChoiceField):
    """Organisations and areas exist once per language: the label says which one."""

    def label_from_instance(self, obj):
        name = getattr(obj, "title", None) or obj.name
        return f"{name} ({obj.locale.language_code})"


class ComposeIssueForm(forms.Form):
    # The networks the user composes for (the view gives them); with only one, it is that one.
    site = forms.ModelChoiceField(label=_("Network"), queryset=Site.objects.none(), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    days = forms.IntegerField(label=_("Suggest content from the last … days"), min_value=1, max_value=365, initial=30)
    scope = forms.ChoiceField(
        label=_("Audience"),
        choices=SubscriptionScope.choices,
        initial=SubscriptionScope.NETWORK,
        required=False,  # the whole network unless chosen
        help_text=_("Who gets the issue: the whole network's subscribers, one organisation's or one area's."),
    )
    organisation = _WithLanguage(
        label=_("Organisation"),
        queryset=MemberOrganisationPage.objects.none(),
        required=False,
        help_text=_("Only for an issue to one organisation's subscribers: only its own content is suggested."),
    )
    area = _WithLanguage(
        label=_("Area of cooperation"),
        queryset=CooperationArea.objects.none(),
        required=False,
        help_text=_("Only for an issue to one area's subscribers: only content in that area is suggested."),
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites.order_by("site_name", "hostname")
        self.home_paths = network_home_paths(site_ids=list(sites.values_list("pk", flat=True)))
        self.fields["organisation"].queryset = (
            MemberOrganisationPage.objects.live()
            .filter(pages_under_filter(self.home_paths), left_on__isnull=True)
            .select_related("locale")
            .order_by("title")
        )
        self.fields["area"].queryset = CooperationArea.objects.select_related("locale").order_by("name")

    def clean(self):
        cleaned = super().clean()
        scope = cleaned["scope"] = cleaned.get("scope") or SubscriptionScope.NETWORK
        if cleaned.get("site") is None:
            sites = list(self.fields["site"].queryset[:2])
            if len(sites) == 1:
                cleaned["site"] = sites[0]
            else:
                self.add_error("site", _("Choose the network whose subscribers get this issue."))
        organisation, site = cleaned.get("organisation"), cleaned.get("site")
        in_other_network = (
            organisation is not None
            and site is not None
            and network_of_path(organisation.path, self.home_paths) != site.pk
        )
        if scope == SubscriptionScope.ORGANISATION and in_other_network:
            self.add_error("organisation", _("Choose an organisation of the issue's network."))
        if scope == SubscriptionScope.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the organisation whose subscribers get this issue."))
        if scope == SubscriptionScope.AREA and not cleaned.get("area"):
            self.add_error("area", _("Choose the area whose subscribers get this issue."))
        return cleaned
