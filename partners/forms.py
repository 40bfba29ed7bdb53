"""GET filter forms of the partner and member organisation listings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from core.listing import ListingFilterForm, blank_choice
from core.locales import text_sort_key

from .models.content import CooperationArea, OrganisationKind, OrganisationRole, PartnerKind, RelationshipStatus
from .selectors import partner_countries


class PartnerFilterForm(ListingFilterForm):
    area = forms.ChoiceField(label=_("Area of cooperation"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    status = forms.ChoiceField(
        label=_("Relationship"),
        required=False,
        choices=blank_choice(_("Any relationship")) + RelationshipStatus.choices,
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=blank_choice(_("Any kind")) + PartnerKind.choices)

    def __init__(self, data=None, *, index):
        super().__init__(data)
        areas = CooperationArea.objects.filter(locale_id=index.locale_id).order_by("name").values_list("slug", "name")
        self.fields["area"].choices = blank_choice(_("All areas")) + list(areas)
        # Country names in the reader's language, only countries that have a partner.
        self.fields["country"].choices = blank_choice(_("All countries")) + sorted(
            ((code, countries.name(code)) for code in partner_countries(index=index)),
            key=lambda choice: text_sort_key(choice[1]),
        )


class OrganisationFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=blank_choice(_("Any kind")) + OrganisationKind.choices
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=blank_choice(_("Any role")) + OrganisationRole.choices
    )
    membership = forms.ChoiceField(
        label=_("Membership"),
        required=False,
        choices=blank_choice(_("Current and former members"))
        + [("current", _("Current members")), ("former", _("Former members"))],
    )

    def __init__(self, data=None, *, index):
        super().__init__(data)
