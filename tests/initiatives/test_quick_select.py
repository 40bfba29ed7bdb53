"""The listings' QuickSelect gives the same markup as Django's Select, escaped the same way."""

from django import forms
from django.test.html import parse_html

from initiatives.listing import QuickSelect

CHOICES = [
    ("", "All <areas>"),
    ("culture", 'Culture & "arts"'),
    ("Twinned towns", [("borken", "Borken"), ("meru", "Méru")]),
]


def rendered(widget_class, data):
    class FilterForm(forms.Form):
        area = forms.ChoiceField(choices=CHOICES, required=False, widget=widget_class)
        year = forms.ChoiceField(choices=[("", "All years"), ("2025", "2025")], required=True, widget=widget_class)

    form = FilterForm(data)
    form.is_valid()
    return str(form["area"]), str(form["year"])


class QuickSelectTests:
    def test_same_markup_as_djangos_select(self):
        for data in ({}, {"area": "culture"}, {"area": "meru", "year": "2025"}, {"area": "<script>", "year": "x"}):
            quick, django_select = rendered(QuickSelect, data), rendered(forms.Select, data)
            assert [parse_html(html) for html in quick] == [parse_html(html) for html in django_select], data

    def test_the_chosen_value_is_selected_and_labels_are_escaped(self):
        area, year = rendered(QuickSelect, {"area": "meru", "year": "nope"})
        assert '<option value="meru" selected>Méru</option>' in area
        assert "All &lt;areas&gt;" in area
        assert "Culture &amp; &quot;arts&quot;" in area
        assert '<optgroup label="Twinned towns">' in area
        assert 'aria-invalid="true"' in year
