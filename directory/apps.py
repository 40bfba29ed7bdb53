from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class DirectoryConfig(AppConfig):
    """The partnership directory: every twinning of a Polish local unit, as data (not pages)."""

    name = "directory"
    verbose_name = "Partnership directory"

    def ready(self):
        # The facet cube's one cache key is dropped on any change to a partnership or an area.
        from wagtail.signals import page_published, page_unpublished

        from partners.models import CooperationArea

        from .facets import partnerships_changed
        from .from_pages import partner_page_published
        from .partnerships import Partnership

        # A partner town's page writes its directory row (directory/from_pages.py).
        page_published.connect(partner_page_published, dispatch_uid="directory-row-from-partner-page")
        page_unpublished.connect(partner_page_published, dispatch_uid="directory-row-unlinked-from-partner-page")

        for model in (Partnership, CooperationArea):
            post_save.connect(
                partnerships_changed, sender=model, dispatch_uid=f"directory-facets-save-{model.__name__}"
            )
            post_delete.connect(
                partnerships_changed, sender=model, dispatch_uid=f"directory-facets-delete-{model.__name__}"
            )
        m2m_changed.connect(
            partnerships_changed, sender=Partnership.areas.through, dispatch_uid="directory-facets-areas"
        )
