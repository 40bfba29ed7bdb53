"""Two-step sign-in to the admin (TOTP with django-otp, recovery codes for a lost phone).

Who can publish for a whole network, moderators and administrators, must sign in with a code
from an authenticator app as well as the password (ADMIN_2FA_REQUIRED, on in production). An
organisation's editor may turn it on for their own account (Account → Two-step sign-in). Anyone
who has turned it on is asked for a code at every sign-in.

django-otp keeps the devices: a TOTP device per account and a static device with ten
single-use recovery codes. Both throttle wrong codes themselves (a growing delay after each).
"""

import contextlib
import math
from base64 import b32encode
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth.models import Permission
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import GroupPagePermission

import django_otp
import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
# The sign-in's own pages, reachable before the second step (and the admin's translations for them).
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "two_factor_setup",
    "two_factor_verify",
    "two_factor_recovery_codes",
)


def must_use_two_factor(user) -> bool:
    """Administrators, and whoever may publish pages anywhere (moderators of a network)."""
    if user.is_superuser:
        return True
    publish = Permission.objects.filter(content_type__app_label="wagtailcore", codename="publish_page")
    return GroupPagePermission.objects.filter(group__user=user, permission__in=publish).exists()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class TwoFactorMiddleware:
    """Send a signed-in admin user to the second step before any other admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self.second_step_for(request)
        if redirect_to:
            return redirect(f"{redirect_to}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def second_step_for(self, request):
        user = getattr(request, "user", None)
        if not request.path.startswith("/admin/") or user is None or not user.is_authenticated:
            return None
        if user.is_verified() or self.is_open(request):
            return None
        if has_two_factor(user):
            return reverse("two_factor_verify")
        if settings.ADMIN_2FA_REQUIRED and must_use_two_factor(user):
            return reverse("two_factor_setup")
        return None

    @staticmethod
    def is_open(request):
        open_paths = ["/admin/jsi18n/"]
        for name in OPEN_URL_NAMES:
            with contextlib.suppress(NoReverseMatch):  # password reset can be switched off
                open_paths.append(reverse(name))
        return request.path.startswith(tuple(open_paths))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return reverse("wagtailadmin_home")
    return target


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def setup(request):
    """Turn on two-step sign-in: scan the code, type the first six digits, keep the recovery codes."""
    user = request.user
    if has_two_factor(user) and not request.user.is_verified():
        return redirect(reverse("two_factor_verify") + "?" + urlencode({"next": _next_url(request)}))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _throttled(form, [device]):
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()  # one authenticator per account
            device.confirmed = True
            device.save()
            django_otp.login(request, device)
            request.session["two_factor_new_codes"] = _new_recovery_codes(user)
            return redirect(reverse("two_factor_recovery_codes") + "?" + urlencode({"next": _next_url(request)}))
        form.add_error("code", _("This code is not right. Check the time on your phone and type the code shown now."))
    secret = b32encode(device.bin_key).decode()  # what the QR code holds, for typing by hand
    return render(
        request,
        "editorial/two_factor/setup.html",
        {
            "form": form,
            "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308  # nosec B308, B703  # SVG paths qrcode generated, no text in it
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": must_use_two_factor(user),
            "next": _next_url(request),
        },
    )


def _throttled(form, devices) -> bool:
    """After a wrong code django-otp makes the next wait (1, 2, 4… seconds): say so, and how long."""
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            seconds = max(1, math.ceil((data["locked_until"] - timezone.now()).total_seconds()))
            form.add_error(
                "code",
                ngettext(
                    "Too many wrong codes: wait %(seconds)d second and try again.",
                    "Too many wrong codes: wait %(seconds)d seconds and try again.",
                    seconds,
                )
                % {"seconds": seconds},
            )
            return True
    return False


def _new_recovery_codes(user) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery codes", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(request):
    """The ten recovery codes, shown once, right after turning two-step sign-in on."""
    codes = request.session.pop("two_factor_new_codes", None)
    if not codes:
        return redirect(_next_url(request))
    return render(request, "editorial/two_factor/recovery_codes.html", {"codes": codes, "next": _next_url(request)})


def verify(request):
    """The second step of signing in: a code from the app, or a recovery code (each works once)."""
    if request.user.is_verified() or not has_two_factor(request.user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if request.method == "POST" and form.is_valid() and not _throttled(form, devices):
        device = django_otp.match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("This code is not right, or it has been used already. Wait a moment and try again."))
    return render(request, "editorial/two_factor/verify.html", {"form": form, "next": _next_url(request)})


urlpatterns = [
    path("two-factor/setup/", setup, name="two_factor_setup"),
    path("two-factor/verify/", verify, name="two_factor_verify"),
    path("two-factor/recovery-codes/", recovery_codes, name="two_factor_recovery_codes"),
]


@dataclass
class AccountMenuItem:
    url: str
    label: str
    help_text: str


def account_menu_item(request):
    if has_two_factor(request.user):
        return AccountMenuItem(
            reverse("two_factor_setup"),
            _("Change the authenticator app"),
            _("Two-step sign-in is on. Set it up again on a new phone (new recovery codes too)."),
        )
    return AccountMenuItem(
        reverse("two_factor_setup"),
        _("Turn on two-step sign-in"),
        _("Sign in with a code from an authenticator app as well as your password."),
    )
