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


class RenderedSelectReuseTests:
    """A rendered select is reused only for the same name, selection, attributes and choices."""

    def test_another_selection_is_rendered_afresh(self):
        widget = QuickSelect(choices=CHOICES)
        first = widget.render("area", "culture")
        second = widget.render("area", "borken")
        assert '<option value="culture" selected>' in first
        assert '<option value="borken" selected>' in second
        assert '<option value="culture" selected>' not in second
        assert widget.render("area", "culture") == first

    def test_new_or_renamed_choices_are_never_served_stale(self):
        before = QuickSelect(choices=CHOICES).render("area", "")
        renamed = QuickSelect(choices=[("", "All <areas>"), ("culture", "Kultura")]).render("area", "")
        assert "Kultura" in renamed and "Culture" not in renamed
        assert "Culture" in before

    def test_a_label_in_another_language_is_a_different_select(self):
        from django.utils import translation
        from django.utils.translation import gettext_lazy

        widget = QuickSelect(choices=[("", gettext_lazy("All"))])
        with translation.override("pl"):
            polish = widget.render("year", "")
        with translation.override("de"):
            german = widget.render("year", "")
        assert polish != german
        assert ">Wszystkie<" in polish or ">Wszystko<" in polish
        assert ">Alle<" in german
