"""GET filter forms of the initiative, news and calendar listings.

Every choice comes from live content of the reader's locale, so a value the
site does not know (an unknown area, a year that is not a number) fails
validation and is reported instead of silently matching nothing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.listing import ListingFilterForm, NormalizedChoices, blank_choice

from .models.content import InitiativePage, InitiativeStatus, InitiativeTag, NewsPage, NewsTag
from .selectors import initiative_years, listing_filter_choices, news_years


class _NetworkFilterForm(ListingFilterForm):
    area = forms.ChoiceField(label=_("Area of cooperation"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)

    model = None
    tag_model = None

    def __init__(self, data=None, *, home):
        super().__init__(data)
        self.home = home
        choices = listing_filter_choices(home=home, model=self.model, tag_model=self.tag_model)
        self.fields["area"].choices = NormalizedChoices(blank_choice(_("All areas")) + choices["areas"])
        self.fields["organisation"].choices = NormalizedChoices(
            blank_choice(_("All organisations")) + choices["organisations"]
        )
        self.fields["partner"].choices = NormalizedChoices(blank_choice(_("All partners")) + choices["partners"])
        if "tag" in self.fields:
            self.fields["tag"].choices = NormalizedChoices(blank_choice(_("All tags")) + choices["tags"])
        if "year" in self.fields:
            self.fields["year"].choices = NormalizedChoices(
                blank_choice(_("All years")) + [(y, y) for y in self.years()]
            )

    def years(self):
        return []


class InitiativeFilterForm(_NetworkFilterForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=blank_choice(_("Any status")) + InitiativeStatus.choices
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    model = InitiativePage
    tag_model = InitiativeTag

    def years(self):
        return initiative_years(home=self.home)


class NewsFilterForm(_NetworkFilterForm):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    model = NewsPage
    tag_model = NewsTag

    def years(self):
        return news_years(home=self.home)


class CalendarFilterForm(ListingFilterForm):
    """The calendar filters by area and organisation only."""

    area = forms.ChoiceField(label=_("Area of cooperation"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)

    def __init__(self, data=None, *, home):
        super().__init__(data)
        choices = listing_filter_choices(home=home, model=InitiativePage, tag_model=InitiativeTag)
        self.fields["area"].choices = NormalizedChoices(blank_choice(_("All areas")) + choices["areas"])
        self.fields["organisation"].choices = NormalizedChoices(
            blank_choice(_("All organisations")) + choices["organisations"]
        )
