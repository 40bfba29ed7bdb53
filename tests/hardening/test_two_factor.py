"""Two-step sign-in: moderators and administrators need a code from their phone; editors may choose it."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import GroupPagePermission

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-moderator-password"


@pytest.fixture(autouse=True)
def required(settings):
    settings.ADMIN_2FA_REQUIRED = True


@pytest.fixture
def moderator(django_user_model, tree):
    user = django_user_model.objects.create_user("moderatorka", password=PASSWORD)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=tree.home,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, tree):
    user = django_user_model.objects.create_user("redaktor", password=PASSWORD)
    group = Group.objects.create(name="MOPS editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=tree.organisation,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    user.groups.add(group)
    return user


def sign_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/")


def current_code(user, *, confirmed):
    device = TOTPDevice.objects.get(user=user, confirmed=confirmed)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def turn_on(client, user):
    client.get("/admin/two-factor/setup/")
    response = client.post("/admin/two-factor/setup/", {"code": current_code(user, confirmed=False), "next": "/admin/"})
    codes_page = client.get(response["Location"])
    return re.findall(r"<code>([a-z0-9]{8})</code>", codes_page.content.decode())


def test_a_moderator_signing_in_with_a_password_only_is_sent_to_set_up_two_step_sign_in(client, moderator, tree):
    response = sign_in(client, moderator)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    # No other admin page answers before the second step, not even the explorer.
    explorer = client.get(f"/admin/pages/{tree.home.pk}/")
    assert explorer.status_code == 302
    assert tree.partner.title not in explorer.content.decode()

    setup = client.get(response["Location"])
    body = setup.content.decode()
    assert "<svg" in body  # the QR code, drawn here: no image from another site
    assert "publikować w imieniu całej sieci" in body  # the admin speaks Polish by default


def test_a_wrong_code_is_an_error_on_the_code_field_and_a_right_one_turns_it_on_with_ten_recovery_codes(
    client, moderator
):
    sign_in(client, moderator)
    client.get("/admin/two-factor/setup/")
    wrong = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert "code" in wrong.context["form"].errors
    assert not TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()
    # Right after a wrong code even the right one waits: a guesser gets one try a second, then fewer.
    hurried = client.post("/admin/two-factor/setup/", {"code": current_code(moderator, confirmed=False)})
    assert "odczekaj 1 sekundę" in " ".join(hurried.context["form"].errors["code"])
    TOTPDevice.objects.filter(user=moderator).update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=5))

    client.post(
        "/admin/two-factor/setup/", {"code": current_code(moderator, confirmed=False), "next": "/admin/"}, follow=False
    )
    codes = client.get("/admin/two-factor/recovery-codes/?next=/admin/")
    recovery = re.findall(r"<code>([a-z0-9]{8})</code>", codes.content.decode())
    assert len(recovery) == 10
    assert client.get("/admin/").status_code == 200
    # Shown once: the page does not show them again.
    assert client.get("/admin/two-factor/recovery-codes/").status_code == 302


def test_the_next_sign_in_asks_for_the_code_and_a_recovery_code_works_only_once(client, moderator):
    sign_in(client, moderator)
    recovery = turn_on(client, moderator)
    client.post("/admin/logout/")

    response = sign_in(client, moderator)
    assert response["Location"].startswith("/admin/two-factor/verify/")
    assert client.post("/admin/two-factor/verify/", {"code": recovery[0], "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    sign_in(client, moderator)
    reused = client.post("/admin/two-factor/verify/", {"code": recovery[0]})
    assert "code" in reused.context["form"].errors
    assert client.get("/admin/").status_code == 302


def test_someone_with_only_the_password_cannot_replace_the_authenticator(client, moderator):
    sign_in(client, moderator)
    turn_on(client, moderator)
    device = TOTPDevice.objects.get(user=moderator, confirmed=True)
    client.post("/admin/logout/")

    sign_in(client, moderator)
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/")
    assert list(TOTPDevice.objects.filter(user=moderator, confirmed=True)) == [device]


def test_an_administrator_must_use_it_too(client, django_user_model, tree):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    assert sign_in(client, admin)["Location"].startswith("/admin/two-factor/setup/")


def test_an_editor_may_sign_in_with_the_password_and_is_offered_two_step_sign_in(client, editor):
    assert sign_in(client, editor).status_code == 200
    account = client.get("/admin/account/")
    assert "Turn on two-step sign-in" in account.content.decode() or "dwuetapowe" in account.content.decode()
    turn_on(client, editor)
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    client.post("/admin/logout/")
    assert sign_in(client, editor)["Location"].startswith("/admin/two-factor/verify/")


def test_the_next_address_cannot_send_the_user_to_another_site(client, moderator):
    sign_in(client, moderator)
    client.get("/admin/two-factor/setup/")
    response = client.post(
        "/admin/two-factor/setup/", {"code": current_code(moderator, confirmed=False), "next": "https://evil.example/"}
    )
    assert "evil.example" not in response["Location"]
