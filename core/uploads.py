"""The admin's upload forms for images and documents: what Wagtail checks, and what it leaves out.

Wagtail checks an image's extension, its format from the content (an HTML file renamed
``.jpg`` is refused), its size in bytes and in pixels, but reads only the header: a truncated
PNG was stored as a broken picture and a truncated JPEG ended in a 500 when the first rendition
was made. An image is decoded here once, whole, before it is accepted (bounded by
WAGTAILIMAGES_MAX_IMAGE_PIXELS, which Wagtail checks first).

For a document, Wagtail's model check of the extension runs even when the file never arrived
(too large, empty) and adds a second, confusing error (“extension "" is not allowed”).
"""

import struct

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image

DAMAGED_IMAGE = _(
    "The picture is damaged or incomplete and cannot be shown. "
    "Save it again from your picture editor and upload it once more."
)


class SiteImageField(WagtailImageField):
    """Wagtail's image field, refusing damaged pictures with a message instead of failing on them."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, struct.error) as error:  # Willow reading a broken header
            raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
        if file is not None:
            check_image_decodes_whole(file)
        return file


def check_image_decodes_whole(uploaded):
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as picture:
            picture.load()
    except (OSError, SyntaxError, ValueError, struct.error) as error:  # what Pillow raises for damaged data
        raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
    finally:
        uploaded.seek(0)


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # Wagtail builds its own field class for it (formfield_for_dbfield)
            wagtail_field = self.fields["file"]
            self.fields["file"] = SiteImageField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )


class SiteDocumentForm(BaseDocumentForm):
    def _post_clean(self):
        file_errors = list(self._errors.get("file", [])) if self._errors else []
        super()._post_clean()
        if file_errors:
            # The model's extension check looked at a file that never arrived: keep the field's own error.
            self._errors["file"] = ErrorList(file_errors)
