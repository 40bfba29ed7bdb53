"""Accession requests: receiving, approving (one-step onboarding) and rejecting."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.queries import network_home_paths, network_of_path
from editorial.selectors import networks_moderated_by
from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage, OrganisationRole

from ..emails import email_build
from ..links import absolute_url
from ..models.accession import AccessionRequest, AccessionStatus
from ..onboarding import organisation_onboard


def _leader_networks(user):
    """The networks in which the user edits the leader organisation."""
    paths = list(
        MemberOrganisationPage.objects.filter(
            role=OrganisationRole.LEADER, left_on__isnull=True, editors_group__in=user.groups.all()
        ).values_list("path", flat=True)
    )
    if not paths:
        return frozenset()
    homes = network_home_paths()
    return frozenset(network_of_path(path, homes) for path in paths) - {None}


def accession_review_networks(*, user):
    """Whose accession requests ``user`` reviews: None for every network's, else a set of site ids (maybe empty).

    Superusers and the platform's moderators (permission ``review_accessionrequest``)
    review every network's requests; a network's moderators and the editors of a
    network's leader organisation review that network's.
    """
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if user.is_superuser or user.has_perm("engagement.review_accessionrequest"):
        return None
    return networks_moderated_by(user=user) | _leader_networks(user)


def accession_reviewer_check(*, user, accession=None):
    """Whether ``user`` reviews ``accession`` (without one: whether they review any network's requests)."""
    networks = accession_review_networks(user=user)
    if networks is None:
        return True
    if accession is None:
        return bool(networks)
    return accession.site_id in networks


def accession_request_create(*, page, cleaned_data, language, site):
    """Record a request made through ``page``; it belongs to ``site``, the network the form was served in."""
    accession = AccessionRequest(
        site=site,
        page=page,
        organisation_name=cleaned_data["organisation_name"],
        kind=cleaned_data["kind"],
        contact_person=cleaned_data["contact_person"],
        email=cleaned_data["email"],
        offers=list(cleaned_data.get("offers") or []),
        goals=cleaned_data.get("goals", ""),
        language=language,
        consent_text=page.consent_text,
        consented_at=timezone.now(),
    )
    accession.full_clean()
    accession.save()
    email_build(
        to=accession.email,
        template="accession_received",
        context={"accession": accession},
        language=language,
    ).send()
    return accession


def _members_index(accession):
    page = accession.page.specific if accession.page else None
    if isinstance(page, MemberOrganisationIndexPage):
        return page
    parent = page.get_parent() if page else None
    index = MemberOrganisationIndexPage.objects.child_of(parent).first() if parent else None
    if index is None:  # the form page is gone or elsewhere: the network's own organisation index
        root = accession.site.root_page
        index = MemberOrganisationIndexPage.objects.descendant_of(root).filter(locale_id=root.locale_id).first()
    if index is None:
        raise ValidationError(_("There is no member organisations page to add the organisation to."))
    return index


def _editor_user(*, accession, group):
    """The contact person's admin account, inactive until they choose a password."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=accession.email).first()
    if user is None:
        first, _sep, last = accession.contact_person.partition(" ")
        user = User(
            username=accession.email.lower()[:150], email=accession.email, first_name=first[:150], last_name=last[:150]
        )
        user.is_active = False
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
    user.groups.add(group)
    return user


def editor_activation_url(*, user, language):
    with translation.override(language):
        path = reverse(
            "engagement:editor_activate",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return absolute_url(path)


@transaction.atomic
def accession_request_approve(*, accession, reviewer):
    accession = AccessionRequest.objects.select_for_update().get(pk=accession.pk)
    if not accession_reviewer_check(user=reviewer, accession=accession):
        raise PermissionDenied
    if accession.status != AccessionStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    organisation, group = organisation_onboard(
        index=_members_index(accession), title=accession.organisation_name, kind=accession.kind, user=reviewer
    )
    user = _editor_user(accession=accession, group=group)

    accession.status = AccessionStatus.APPROVED
    accession.reviewer = reviewer
    accession.decided_at = timezone.now()
    accession.organisation = organisation
    accession.save()
    email_build(
        to=accession.email,
        template="accession_approved",
        context={
            "accession": accession,
            "organisation": organisation,
            "user": user,
            "activation_url": editor_activation_url(user=user, language=accession.language)
            if not user.is_active
            else "",
            "admin_url": absolute_url(reverse("wagtailadmin_home")),
        },
        language=accession.language,
    ).send()
    return accession


@transaction.atomic
def accession_request_reject(*, accession, reviewer, reason):
    accession = AccessionRequest.objects.select_for_update().get(pk=accession.pk)
    if not accession_reviewer_check(user=reviewer, accession=accession):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the rejection: it is sent to the applicant.")})
    if accession.status != AccessionStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    accession.status = AccessionStatus.REJECTED
    accession.reviewer = reviewer
    accession.decided_at = timezone.now()
    accession.reason = reason
    accession.full_clean()
    accession.save()
    email_build(
        to=accession.email, template="accession_rejected", context={"accession": accession}, language=accession.language
    ).send()
    return accession
