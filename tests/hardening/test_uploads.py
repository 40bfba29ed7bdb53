"""Hostile and broken uploads get a form error that names the problem, and nothing is stored."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(admin_client, admin_user):
    """The administrator reads the admin in English (the messages are asserted on)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def png(width=40, height=30):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (20, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def bomb():
    """12000 × 12000 pixels that compress to a few hundred kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": "Rynek", "file": SimpleUploadedFile(name, content), "collection": 1, "description": "Rynek"},
    )


def form_errors(response):
    """The form's errors, as the administrator read them (in English)."""
    if not response.context or "form" not in response.context:
        return {}
    with translation.override("en"):
        return {name: [str(error) for error in errors] for name, errors in response.context["form"].errors.items()}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "format"),
        ("rynek.jpg", b"<html><body><script>alert(document.cookie)</script></body></html>", "format"),
        ("pusty.png", b"", "empty"),
        ("obciety.png", png(800, 600)[:400], "damaged"),
        ("obciety.jpg", jpeg()[:600], "damaged"),
    ],
)
def test_an_image_that_is_not_one_is_refused_with_a_message_on_the_file_field(admin_client, name, content, message):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "file" in errors, response.content.decode()[:500]
    assert message in " ".join(errors["file"]).lower()
    assert not get_image_model().objects.exists()


def test_a_decompression_bomb_is_refused_for_its_size_in_pixels(admin_client):
    response = upload_image(admin_client, "bomba.png", bomb())
    errors = form_errors(response)
    assert "pixels" in " ".join(errors["file"]).lower()
    assert not get_image_model().objects.exists()


def test_a_real_photo_is_accepted(admin_client):
    response = upload_image(admin_client, "rynek.png", png())
    assert response.status_code == 302, form_errors(response)
    assert get_image_model().objects.get().width == 40


def upload_document(client, name, content):
    return client.post("/admin/documents/add/", {"title": "Uchwała", "file": SimpleUploadedFile(name, content), "collection": 1})


def test_a_document_too_large_is_refused_once_for_its_size(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(admin_client, "uchwala.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    errors = form_errors(response)
    assert len(errors["file"]) == 1
    assert "too big" in errors["file"][0]
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("strona.html", b"<script>alert(1)</script>"), ("skrypt.svg", b"<svg><script/></svg>"), ("pusty.pdf", b"")],
)
def test_a_document_of_a_kind_we_do_not_publish_or_empty_is_refused(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert "file" in form_errors(response)
    assert not Document.objects.exists()
