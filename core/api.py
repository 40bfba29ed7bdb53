"""Read-only serializer fields for the open API (``api_fields`` on the page models).

Relations to other pages go through :class:`LivePageListField` so that a
draft or private page never shows up in the API, not even as a title in
someone else's list of partners.
"""

from wagtail.models import Page

from rest_framework import fields


def _page_link(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
        "html_url": page.get_full_url(request),
    }


class LivePageField(fields.Field):
    """One related page as {id, title, type, html_url}; null when it is not live and public."""

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        if page is None or not Page.objects.filter(pk=page.pk).live().public().exists():
            return None
        return page

    def to_representation(self, value):
        return _page_link(value, self.context.get("request"))


class LivePageListField(fields.Field):
    """A many-to-many of pages, keeping only the live, public ones."""

    def to_representation(self, value):
        request = self.context.get("request")
        return [_page_link(page, request) for page in value.live().public().order_by("title")]


class AreaListField(fields.Field):
    def to_representation(self, value):
        return [{"slug": area.slug, "name": area.name} for area in value.all()]


class OccurrenceListField(fields.Field):
    def to_representation(self, value):
        return [
            {
                "start": occurrence.start.isoformat(),
                "end": occurrence.end.isoformat() if occurrence.end else None,
                "venue": occurrence.venue,
                "description": occurrence.description,
            }
            for occurrence in value.all()
        ]


class CountryField(fields.Field):
    def to_representation(self, value):
        return {"code": value.code, "name": str(value.name)}
