"""The home page of each language of a network, and its standard pages (about, goals, contact)."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import Resolver404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import PAGE_TRANSLATABLE_FIELDS, ListingMixin, SiteImage, tabbed_edit_handler
from core.queries import request_memo
from initiatives.selectors import home_page_blocks


def _routes_to_child(page, remaining):
    """Whether Wagtail's routing of ``remaining`` at ``page`` goes on to its child page.

    True for the default ``Page.route``, and for a routable page whose own
    sub-URLs do not match ``remaining`` (RoutablePageMixin tries those first,
    then its children); a page with any other ``route`` is not guessed at.
    """
    cls = page.specific_class
    if cls is None:
        return False
    if cls.route is Page.route:
        return True
    if issubclass(cls, RoutablePageMixin) and cls.route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            cls.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Resolver404:
            return True
    return False


class HomePage(ListingMixin, Page):
    """The front page of one network site (one per locale)."""

    hero_title = models.CharField(_("hero title"), max_length=160, help_text=_("The big headline at the top."))
    hero_text = models.TextField(_("hero text"), blank=True, max_length=500)
    hero_image = models.ForeignKey(
        SiteImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("hero image")
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    news_count = models.PositiveSmallIntegerField(
        _("number of latest news"), default=3, help_text=_("How many of the newest news items to show.")
    )
    events_count = models.PositiveSmallIntegerField(
        _("number of upcoming events"), default=4, help_text=_("How many upcoming event dates to show.")
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "partners.PartnerIndexPage",
        "partners.MemberOrganisationIndexPage",
        "initiatives.InitiativeIndexPage",
        "initiatives.NewsIndexPage",
        "partners.PartnershipDirectoryPage",
        "engagement.AccessionPage",
        "engagement.ContactFormPage",
    ]
    template = "pages/home_page.html"

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("introduction"),
    ]
    highlights_panels = [
        InlinePanel("featured_initiatives", label=_("Featured initiatives"), max_num=6),
        InlinePanel("partner_highlights", label=_("Partner highlights"), max_num=8),
        FieldPanel("news_count"),
        FieldPanel("events_count"),
    ]
    edit_handler = tabbed_edit_handler(content_panels, ObjectList(highlights_panels, heading=_("Highlights")))

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        SynchronizedField("hero_image"),
        TranslatableField("introduction"),
        SynchronizedField("news_count"),
        SynchronizedField("events_count"),
        # Page links: templates show the reader's translation through `.localized`.
        SynchronizedField("featured_initiatives"),
        SynchronizedField("partner_highlights"),
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's routing, in two queries instead of two per level of the URL.

        The pages along the path are read at once by their ``url_path``
        (indexed by home/migrations/0005); when every page between here and
        the target would route on to its child (``_routes_to_child``), the
        target is the page the default routing would reach. Anything else (a
        routable page's sub-URL, a 404) falls back to Wagtail's own walk down
        the tree. The same query tells whether a page on the way has a view
        restriction; the target's specific row comes with its locale. The home
        page the request was routed through is what the frame shows
        (``current_home``).
        """
        request_memo(request)[("home", translation.get_language())] = self
        if path_components:
            prefixes = [
                f"{self.url_path}{'/'.join(path_components[:depth])}/" for depth in range(1, len(path_components) + 1)
            ]
            along = {
                page.url_path: page
                for page in Page.objects.filter(
                    Q(url_path__in=prefixes, path__startswith=self.path) | Q(pk=self.pk)
                ).annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
            }
            # The deepest page found along the path; past it, a routable page's sub-URL (the map, the calendar).
            found = 0
            while found < len(prefixes) and prefixes[found] in along:
                found += 1
            deepest = along[prefixes[found - 1]] if found else None
            if (
                deepest is not None
                and (found == len(prefixes) or issubclass(deepest.specific_class or Page, RoutablePageMixin))
                and all(
                    _routes_to_child(along[prefix], path_components[depth + 1 :])
                    for depth, prefix in enumerate(prefixes[: found - 1])
                )
            ):
                target = deepest.specific_class.objects.select_related("locale").get(pk=deepest.pk)
                # The parent is known: its title and URL are all a page shows of its organisation.
                target.routed_parent = along[prefixes[found - 2]] if found > 1 else self
                target.unrestricted_along_route = not any(page.restricted for page in along.values())
                return target.route(request, path_components[found:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_blocks(home=self))
        return context


class HomeFeaturedInitiative(Orderable):
    page = ParentalKey(HomePage, related_name="featured_initiatives", on_delete=models.CASCADE)
    initiative = models.ForeignKey(
        "initiatives.InitiativePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("initiative")
    )

    panels = [PageChooserPanel("initiative")]


class HomePartnerHighlight(Orderable):
    page = ParentalKey(HomePage, related_name="partner_highlights", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "partners.PartnerPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("partner")
    )

    panels = [PageChooserPanel("partner")]


class StandardPage(ListingMixin, Page):
    """About, statutory goals, contact: free-form content from a small set of blocks."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    edit_handler = tabbed_edit_handler(content_panels)

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("search_normalised_text"),
    ]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction"), TranslatableField("body")]

    class Meta:
        verbose_name = _("standard page")
