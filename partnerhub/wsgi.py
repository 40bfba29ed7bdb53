import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerhub.settings.dev")

application = get_wsgi_application()

# Load the default language's lemma dictionary now, while the worker boots:
# loaded lazily, it made the first page save in each worker wait 10-17 s
# (search indexing lemmatises the page's text; see bench/notes.md).
from core.normalise import lemma  # noqa: E402

lemma("partnerstwa")
