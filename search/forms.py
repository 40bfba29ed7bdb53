from django import forms
from django.utils.translation import gettext_lazy as _

RESULT_TYPES = [
    ("initiative", _("Initiatives")),
    ("news", _("News")),
    ("partner", _("Partners")),
    ("organisation", _("Member organisations")),
    ("page", _("Other pages")),
    ("document", _("Documents")),
]


class SearchForm(forms.Form):
    query = forms.CharField(label=_("Search for"), required=False, max_length=200, strip=True)
    type = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("", _("Everything")), *RESULT_TYPES], initial=""
    )


SCOPES = [("", _("This network")), ("all", _("All networks"))]


class PortalSearchForm(SearchForm):
    """The twinning portal searches every network on the platform, if the reader asks it to."""

    scope = forms.ChoiceField(label=_("Search in"), required=False, choices=SCOPES, initial="")
