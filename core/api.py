"""Read-only serializer fields for the open API (``api_fields`` on the page models).

Relations to other pages go through :class:`LivePageField` and
:class:`LivePageListField` so that a draft, private or expired page never
shows up in the API, not even as a title in someone else's list of partners.

A listing asks :func:`prepare_for_api` to read the relations of the whole
page of results at once (the view does, see partnerhub/api.py): the fields
then find them prefetched, and which related pages are visible is one query
for the page of results, not two per item.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField, ManyToOneRel, prefetch_related_objects

from taggit.managers import TaggableManager
from wagtail.models import Page

from rest_framework import fields

from .queries import pages_public

# The name of the set of visible related page ids that prepare_for_api leaves on the view.
VISIBLE_IDS = "visible_related_page_ids"


def _page_link(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
        "html_url": page.get_full_url(request),
    }


def _visible(field, pages):
    """The pages among ``pages`` that are live, public and not expired."""
    known = getattr(field.context.get("view"), VISIBLE_IDS, None)
    if known is not None:
        return [page for page in pages if page.pk in known]
    ids = set(pages_public(Page.objects.live()).filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True))
    return [page for page in pages if page.pk in ids]


class LivePageField(fields.Field):
    """One related page as {id, title, type, html_url}; null when it is not live and public."""

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        if page is None or not _visible(self, [page]):
            return None
        return page

    def to_representation(self, value):
        return _page_link(value, self.context.get("request"))


class LivePageListField(fields.Field):
    """A many-to-many of pages, keeping only the live, public ones, by title."""

    def to_representation(self, value):
        request = self.context.get("request")
        pages = sorted(_visible(self, list(value.all())), key=lambda page: (page.title, page.pk))
        return [_page_link(page, request) for page in pages]


class TagListField(fields.Field):
    """Tag names in alphabetical order (Wagtail's TagsField, but reading prefetched tags)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


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


def _relations(model):
    """(foreign keys, many-valued relations) among ``model``'s API fields, as model fields."""
    joined, prefetched = [], []
    for api_field in getattr(model, "api_fields", []):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:  # a property such as ``organisation``: the parent, read below
            continue
        if isinstance(field, ForeignKey):
            joined.append(field)
        elif isinstance(field, ManyToManyField | TaggableManager | ManyToOneRel):
            prefetched.append(field)
    return joined, prefetched


def _is_page_model(model):
    return isinstance(model, type) and issubclass(model, Page)


def prepare_for_api(pages, view):
    """Read ahead what the API fields of ``pages`` show; returns ``pages`` as a list.

    Per page type: its locale and foreign keys, its many-valued relations
    (areas, tags, partners, dates), its parent (for ``organisation``), and
    once for all, which of the pages they point to are live and public.
    """
    pages = list(pages)
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)

    related = set()
    for model, group in by_model.items():
        joined, prefetched = _relations(model)
        names = [field.get_accessor_name() if isinstance(field, ManyToOneRel) else field.name for field in prefetched]
        prefetch_related_objects(group, "locale", *[field.name for field in joined], *names)
        for page in group:
            related.update(getattr(page, field.attname) for field in joined if _is_page_model(field.related_model))
            related.update(
                item.pk
                for field, name in zip(prefetched, names, strict=True)
                if _is_page_model(field.related_model)
                for item in getattr(page, name).all()
            )

    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in={page.path[: -Page.steplen] for page in pages if page.depth > 1})
    }
    for page in pages:
        if not hasattr(page, "routed_parent"):
            page.routed_parent = parents.get(page.path[: -Page.steplen])
    related.update(parent.pk for parent in parents.values())
    related.discard(None)

    setattr(
        view,
        VISIBLE_IDS,
        set(pages_public(Page.objects.live()).filter(pk__in=related).values_list("pk", flat=True)),
    )
    return pages
