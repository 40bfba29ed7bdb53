from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from .signals import connect

        connect()
