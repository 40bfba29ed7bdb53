from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners and member organisations"

    def ready(self):
        # The directory's cached counts, map and feeds are keyed by a data
        # version; any change to a partnership or an area starts a new one.
        from .directory import partnerships_changed
        from .directory_models import Partnership
        from .models import CooperationArea

        for model in (Partnership, CooperationArea):
            post_save.connect(
                partnerships_changed, sender=model, dispatch_uid=f"directory-version-save-{model.__name__}"
            )
            post_delete.connect(
                partnerships_changed, sender=model, dispatch_uid=f"directory-version-delete-{model.__name__}"
            )
        m2m_changed.connect(
            partnerships_changed, sender=Partnership.areas.through, dispatch_uid="directory-version-areas"
        )
