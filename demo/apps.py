from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and the large-network generator, built on the services and factories the tests use."""

    name = "demo"
    verbose_name = "Demo content"
