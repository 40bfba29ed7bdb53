"""Simple generated images and documents for the demo (no downloads).

Images are flat colour compositions with a caption drawn by Pillow; the
alternative text goes into ``description`` because SiteImage requires it.
Documents are a one-page PDF (Pillow renders it) or a plain-text file.
Everything is looked up by title, so running the demo again reuses them.
"""

import hashlib
import io
import textwrap
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

from PIL import Image, ImageDraw, ImageFont

from core.models import SiteImage

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def _font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)  # Pillow's bundled font covers Polish letters too


def _palette(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    base = (40 + digest[0] % 120, 60 + digest[1] % 120, 90 + digest[2] % 120)
    accent = (230 - digest[3] % 60, 180 + digest[4] % 60, 60 + digest[5] % 80)
    return base, accent, digest


def _render_picture(*, label, seed, size=(1200, 800), shape="scene"):
    """A recognisable but abstract picture: sky, hills, sun, and a caption band."""
    base, accent, digest = _palette(seed)
    width, height = size
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    if shape == "emblem":
        # A shield for coats of arms and logos.
        image = Image.new("RGB", size, (245, 245, 240))
        draw = ImageDraw.Draw(image)
        margin = width // 6
        draw.polygon(
            [
                (margin, margin),
                (width - margin, margin),
                (width - margin, height // 2),
                (width // 2, height - margin // 2),
                (margin, height // 2),
            ],
            fill=base,
            outline=(30, 30, 30),
            width=6,
        )
        draw.ellipse(
            [width // 2 - width // 8, height // 3 - width // 8, width // 2 + width // 8, height // 3 + width // 8],
            fill=accent,
        )
    else:
        for index in range(3):
            offset = digest[6 + index] % 200
            colour = tuple(max(0, channel - 25 * (index + 1)) for channel in base)
            draw.ellipse(
                [-200 + index * 350 + offset, height * 0.55, 500 + index * 400 + offset, height * 1.4], fill=colour
            )
        sun_x = 150 + digest[9] % (width - 300)
        draw.ellipse([sun_x, 80, sun_x + 160, 240], fill=accent)
    band_height = height // 5
    draw.rectangle([0, height - band_height, width, height], fill=(20, 20, 20))
    font = _font(max(18, band_height // 3))
    text = textwrap.shorten(label, width=48, placeholder="…")
    draw.text((width // 24, height - band_height + band_height // 3), text, font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def image_upsert(*, title, alt_text, collection=None, shape="scene", size=(1200, 800)):
    """The demo image called ``title``, created once and kept up to date."""
    collection = collection or Collection.get_first_root_node()
    image = SiteImage.objects.filter(title=title).first()
    if image is None:
        content = _render_picture(label=title, seed=title, size=size, shape=shape)
        filename = f"demo-{hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:10]}.png"  # a file name, not security
        image = SiteImage(title=title, description=alt_text, collection=collection)
        image.file = ImageFile(io.BytesIO(content), name=filename)
        # What Wagtail's upload form records: size and content hash (duplicate detection).
        image.file_size = len(content)
        image.file_hash = hashlib.sha1(content, usedforsecurity=False).hexdigest()  # Wagtail's own duplicate check
        image.save()
        return image
    changed = image.description != alt_text or image.collection_id != collection.pk
    if changed:
        image.description = alt_text
        image.collection = collection
        image.save(update_fields=["description", "collection"])
    return image


def _render_pdf(*, title, lines):
    page = Image.new("RGB", (1240, 1754), (255, 255, 255))  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((110, 120), title, font=_font(40), fill=(0, 0, 0))
    body_font = _font(26)
    y = 230
    for line in lines:
        for wrapped in textwrap.wrap(line, width=70) or [""]:
            draw.text((110, y), wrapped, font=body_font, fill=(30, 30, 30))
            y += 40
        y += 16
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150.0, title=title)
    return buffer.getvalue()


def document_upsert(*, title, lines, kind="pdf", collection=None):
    """A generated agreement or report, found by title on later runs."""
    Document = get_document_model()
    collection = collection or Collection.get_first_root_node()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        if document.collection_id != collection.pk:
            document.collection = collection
            document.save(update_fields=["collection"])
        return document
    content = _render_pdf(title=title, lines=lines) if kind == "pdf" else "\n\n".join([title, *lines]).encode()
    filename = f"demo-{hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:10]}.{kind}"
    document = Document(title=title, collection=collection)
    document.file = ContentFile(content, name=filename)
    document.file_size = len(content)
    document.file_hash = hashlib.sha1(content, usedforsecurity=False).hexdigest()  # Wagtail's own duplicate check
    document.save()
    return document
