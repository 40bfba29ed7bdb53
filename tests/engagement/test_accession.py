"""Joining the partnership: the public form, review, one-step onboarding, rejection."""

import re

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from wagtail.models import Collection, GroupPagePermission

import pytest

from engagement.models import AccessionPage, AccessionRequest, AccessionStatus
from partners.models import MemberOrganisationPage, OrganisationRole

from .conftest import human, onboard

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "Partnerstwo-Aktywni-2026!"


@pytest.fixture
def accession_page(tree):
    page = AccessionPage(
        title="Dołącz do partnerstwa",
        slug="dolacz",
        consent_text="Administratorem danych jest MOPS; dane służą rozpatrzeniu zgłoszenia.",
        goals_help="Aktywizacja mieszkańców; wspólne zasoby.",
    )
    tree.organisations.add_child(instance=page)
    return page


def apply(client, **overrides):
    data = {
        "organisation_name": "Stowarzyszenie Sportowe Orlik",
        "kind": "ngo",
        "contact_person": "Jan Kowalski",
        "email": "jan@orlik.example.org",
        "offers": ["premises", "volunteers"],
        "goals": "Aktywizacja mieszkańców",
        "consent": "on",
        **human(**overrides),
    }
    return client.post("/pl/czlonkowie/dolacz/", data)


def review_url(accession):
    return f"/admin/engagement/accessions/{accession.pk}/review/"


class AccessionFormTests:
    def test_the_form_shows_the_fields_and_the_consent_text(self, client, accession_page):
        html = client.get("/pl/czlonkowie/dolacz/").content.decode()
        assert "Nazwa organizacji" in html
        assert 'value="premises"' in html and 'value="knowledge"' in html
        assert "Administratorem danych jest MOPS" in html

    def test_a_valid_request_is_stored_as_pending_with_its_consent(self, client, accession_page):
        response = apply(client)
        assert response.status_code == 200
        assert "Dziękujemy za zgłoszenie" in response.content.decode()
        accession = AccessionRequest.objects.get()
        assert accession.status == AccessionStatus.PENDING
        assert accession.offers == ["premises", "volunteers"]
        assert accession.consent_text == accession_page.consent_text
        assert accession.language == "pl"
        assert mail.outbox[0].to == ["jan@orlik.example.org"]
        assert mail.outbox[0].subject == "Otrzymaliśmy zgłoszenie przystąpienia do partnerstwa"

    def test_without_consent_nothing_is_stored_and_the_field_is_named(self, client, accession_page):
        response = apply(client, consent="")
        assert response.status_code == 200
        assert "consent" in response.context["form"].errors
        assert not AccessionRequest.objects.exists()

    def test_an_unknown_kind_or_offer_is_refused(self, client, accession_page):
        response = apply(client, kind="castle", offers=["gold"])
        assert {"kind", "offers"} <= set(response.context["form"].errors)
        assert not AccessionRequest.objects.exists()

    @pytest.mark.parametrize("trap", [{"whf_name": "spam"}, {"whf_time": "now"}], ids=["trap filled", "too fast"])
    def test_a_tripped_honeypot_is_thanked_but_not_stored(self, client, accession_page, trap):
        assert 'name="whf_name"' in client.get("/pl/czlonkowie/dolacz/").content.decode()
        response = apply(client, **trap)
        assert "Dziękujemy za zgłoszenie" in response.content.decode()
        assert not AccessionRequest.objects.exists()
        assert mail.outbox == []

    def test_the_form_is_rate_limited(self, client, accession_page):
        for _n in range(5):
            apply(client, consent="")
        response = apply(client)
        assert response.status_code == 429
        assert not AccessionRequest.objects.exists()

    def test_user_text_is_escaped_in_the_review_page(self, client, accession_page, moderator):
        apply(client, organisation_name="<b>Bold</b> & co")
        client.force_login(moderator)
        html = client.get(review_url(AccessionRequest.objects.get())).content.decode()
        assert "<b>Bold</b>" not in html
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html


class AccessionApprovalTests:
    def test_approval_onboards_the_organisation_and_its_editor_can_log_in(self, client, accession_page, moderator):
        apply(client)
        accession = AccessionRequest.objects.get()
        mail.outbox.clear()
        client.force_login(moderator)
        response = client.post(review_url(accession), {"action": "approve"})
        assert response.status_code == 302

        accession.refresh_from_db()
        assert accession.status == AccessionStatus.APPROVED
        assert accession.reviewer == moderator and accession.decided_at is not None
        organisation = MemberOrganisationPage.objects.get(title="Stowarzyszenie Sportowe Orlik")
        assert accession.organisation_id == organisation.pk
        assert organisation.live
        assert organisation.get_parent().pk == accession_page.get_parent().pk
        assert organisation.role == OrganisationRole.MEMBER
        assert organisation.joined_on == timezone.localdate()
        assert organisation.kind == "ngo"
        assert GroupPagePermission.objects.filter(group=organisation.editors_group, page=organisation).exists()
        assert Collection.objects.filter(pk=organisation.collection_id, name="Stowarzyszenie Sportowe Orlik").exists()

        # The members page lists the new member with its join date.
        client.logout()
        roster = client.get("/pl/czlonkowie/").content.decode()
        assert "Stowarzyszenie Sportowe Orlik" in roster

        # The applicant gets a welcome e-mail with a one-time link to choose a password.
        [welcome] = mail.outbox
        assert welcome.to == ["jan@orlik.example.org"]
        assert welcome.subject == "Witamy w partnerstwie, Stowarzyszenie Sportowe Orlik"
        activation = re.search(r"http://testserver(/pl/join/activate/\S+/)", welcome.body).group(1)
        editor = organisation.editors_group.user_set.get()
        assert editor.email == "jan@orlik.example.org" and not editor.is_active
        assert not client.login(username=editor.username, password=STRONG_PASSWORD)

        form_page = client.get(activation, follow=True)
        assert form_page.status_code == 200
        set_password_url = form_page.redirect_chain[-1][0]
        response = client.post(set_password_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD})
        assert response.status_code == 302
        editor.refresh_from_db()
        assert editor.is_active

        login = client.post("/admin/login/", {"username": editor.username, "password": STRONG_PASSWORD})
        assert login.status_code == 302
        assert client.get("/admin/").status_code == 200
        # The editor edits their own organisation's page, and nobody else's.
        assert client.get(f"/admin/pages/{organisation.pk}/edit/").status_code == 200
        other = client.get(f"/admin/pages/{accession_page.get_parent().get_children().get(slug='mops').pk}/edit/")
        assert other.status_code in (302, 403)

        # The link works only once.
        reused = client.get(activation, follow=True)
        assert (
            "This link is not valid" in reused.content.decode()
            or "Ten link jest nieprawidłowy" in reused.content.decode()
        )

    def test_a_decided_request_cannot_be_approved_again(self, client, accession_page, moderator):
        apply(client)
        accession = AccessionRequest.objects.get()
        client.force_login(moderator)
        client.post(review_url(accession), {"action": "approve"})
        client.post(review_url(accession), {"action": "approve"})
        assert MemberOrganisationPage.objects.filter(title="Stowarzyszenie Sportowe Orlik").count() == 1

    def test_the_leader_organisations_editors_may_review(self, client, accession_page, tree, django_user_model):
        leader, leader_editor = onboard(
            tree, "Miejski Ośrodek Pomocy", editor_username="leader-editor", django_user_model=django_user_model
        )
        leader.role = OrganisationRole.LEADER
        leader.save()
        apply(client)
        client.force_login(leader_editor)
        assert client.get("/admin/snippets/engagement/accessionrequest/").status_code == 200
        response = client.post(review_url(AccessionRequest.objects.get()), {"action": "approve"})
        assert response.status_code == 302
        assert AccessionRequest.objects.get().status == AccessionStatus.APPROVED

    def test_an_ordinary_members_editor_may_not_review(self, client, accession_page, tree, django_user_model):
        _page, editor = onboard(tree, "Parafia", editor_username="parish-editor", django_user_model=django_user_model)
        apply(client)
        client.force_login(editor)
        assert client.post(review_url(AccessionRequest.objects.get()), {"action": "approve"}).status_code in (302, 403)
        assert client.get("/admin/snippets/engagement/accessionrequest/").status_code in (302, 403)
        assert AccessionRequest.objects.get().status == AccessionStatus.PENDING


class AccessionRejectionTests:
    def test_rejection_needs_a_reason_and_changes_nothing_without_one(self, client, accession_page, moderator):
        apply(client)
        client.force_login(moderator)
        response = client.post(review_url(AccessionRequest.objects.get()), {"action": "reject", "reason": ""})
        assert response.status_code == 400
        assert "reason" in response.context["reject_form"].errors
        assert AccessionRequest.objects.get().status == AccessionStatus.PENDING

    def test_a_rejected_request_changes_nothing_and_the_reason_is_sent(
        self, client, accession_page, moderator, django_user_model
    ):
        apply(client)
        pages, groups, users, collections = (
            MemberOrganisationPage.objects.count(),
            Group.objects.count(),
            django_user_model.objects.count(),
            Collection.objects.count(),
        )
        mail.outbox.clear()
        client.force_login(moderator)
        response = client.post(
            review_url(AccessionRequest.objects.get()), {"action": "reject", "reason": "Działalność poza gminą."}
        )
        assert response.status_code == 302
        accession = AccessionRequest.objects.get()
        assert accession.status == AccessionStatus.REJECTED
        assert accession.reason == "Działalność poza gminą."
        assert (
            MemberOrganisationPage.objects.count(),
            Group.objects.count(),
            django_user_model.objects.count(),
            Collection.objects.count(),
        ) == (pages, groups, users, collections)
        [message] = mail.outbox
        assert message.subject == "Twoje zgłoszenie przystąpienia do partnerstwa"
        assert "Działalność poza gminą." in message.body


class AccessionEmailLanguageTests:
    """The decision is written in the language of the form the applicant used."""

    def test_a_german_applicant_is_welcomed_in_german(self, client, accession_page, moderator):
        apply(client)
        AccessionRequest.objects.update(language="de")
        mail.outbox.clear()
        client.force_login(moderator)
        client.post(review_url(AccessionRequest.objects.get()), {"action": "approve"})
        [welcome] = mail.outbox
        assert welcome.subject == "Willkommen in der Partnerschaft, Stowarzyszenie Sportowe Orlik"
        assert "/de/join/activate/" in welcome.body

    def test_a_german_applicant_gets_the_rejection_in_german(self, client, accession_page, moderator):
        apply(client)
        AccessionRequest.objects.update(language="de")
        mail.outbox.clear()
        client.force_login(moderator)
        client.post(
            review_url(AccessionRequest.objects.get()), {"action": "reject", "reason": "Außerhalb der Gemeinde."}
        )
        [message] = mail.outbox
        assert message.subject == "Ihr Antrag auf Beitritt zur Partnerschaft"
        assert "Außerhalb der Gemeinde." in message.body
