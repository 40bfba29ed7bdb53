"""Site search: pages of the reader's locale in one network (or all), public documents, promoted results, suggestions.

Nothing here writes to the database (no search-hit counting), so a search
costs reads only.
"""

import difflib

from django.db.models import Exists, OuterRef, Q

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, Site
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from core.normalise import WORD, fold, word_forms
from core.queries import pages_public
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage, NewsIndexPage, NewsPage
from partners.models import MemberOrganisationIndexPage, MemberOrganisationPage, PartnerIndexPage, PartnerPage

MAX_TERMS = 10


def _page_models():
    return {
        "initiative": [InitiativePage],
        "news": [NewsPage],
        "partner": [PartnerPage],
        "organisation": [MemberOrganisationPage],
        "page": [
            HomePage,
            StandardPage,
            InitiativeIndexPage,
            NewsIndexPage,
            PartnerIndexPage,
            MemberOrganisationIndexPage,
        ],
    }


def search_terms(query):
    return WORD.findall(query)[:MAX_TERMS]


def search_query_build(*, query, language):
    """Every word must match, as typed, without diacritics, or as its dictionary form."""
    clauses = []
    for term in search_terms(query):
        forms = list(dict.fromkeys([term.lower(), *word_forms(term, language=language)]))
        clauses.append(Or([PlainText(form) for form in forms]) if len(forms) > 1 else PlainText(forms[0]))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def _searchable_collection_ids(network=None):
    """Collections whose documents a search may show, in one query.

    Not those with a view restriction on themselves or an ancestor, and,
    when searching one ``network`` that has a collection, not another
    network's collection or anything below it.
    """
    restricted = Exists(CollectionViewRestriction.objects.filter(collection=OuterRef("pk")))
    rows = list(Collection.objects.annotate(restricted=restricted).values_list("id", "path", "restricted", "network"))
    hidden = [path for _id, path, is_restricted, _network in rows if is_restricted]
    if network is not None and network.collection_id is not None:
        hidden += [path for _id, path, _r, owner in rows if owner is not None and owner != network.pk]
    hidden = tuple(hidden)
    return [collection_id for collection_id, path, _r, _n in rows if not (hidden and path.startswith(hidden))]


class ChainedResults:
    """Several search result sets paginated as one list (pages first, then documents)."""

    def __init__(self, *parts):
        self.parts = parts
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = [part.count() for part in self.parts]
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        items, offset = [], 0
        for part, size in zip(self.parts, self.counts(), strict=True):
            lo, hi = max(start - offset, 0), min(stop - offset, size)
            if lo < hi:
                items.extend(part[lo:hi])
            offset += size
        return items


def network_homes(*, site=None):
    """{path of a home page: its site} for one network's home pages in every language, or every network's.

    One query for one network: its homes are the pages sharing the site root's translation key.
    """
    if site is not None:
        keys = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        paths = Page.objects.filter(depth=2, translation_key__in=keys).values_list("path", flat=True)
        return dict.fromkeys(paths, site)
    sites = Site.objects.select_related("root_page")
    by_key = {each.root_page.translation_key: each for each in sites}
    homes = Page.objects.filter(translation_key__in=by_key, depth=2).values_list("path", "translation_key")
    return {path: by_key[key] for path, key in homes}


def network_of(page, homes):
    """The site among ``homes`` (from ``network_homes``) that a page belongs to."""
    return homes.get(page.path[: 2 * Page.steplen])


def _in_network(pages, site):
    paths = list(network_homes(site=site))
    in_network = Q()
    for path in paths:
        in_network |= Q(path__startswith=path)
    return pages.filter(in_network) if paths else pages.none()


def site_search(*, query, locale, kind=None, site=None, network=None):
    """Results for ``query`` in ``locale``; ``kind`` is one of search.forms.RESULT_TYPES or None.

    ``site`` keeps the search inside one network (its pages and, given its
    ``network`` settings, its media); None searches every network (the
    portal's search across networks).
    """
    search_query = search_query_build(query=query, language=locale.language_code)
    if search_query is None:
        return ChainedResults()
    parts = []
    if kind != "document":
        pages = Page.objects.live().public().filter(locale=locale).exclude(depth=1)
        if site is not None:
            pages = _in_network(pages, site)
        if kind:
            pages = pages.type(*_page_models()[kind])
        parts.append(pages.specific().search(search_query))
    if kind in (None, "", "document"):
        searchable = _searchable_collection_ids(network if site is not None else None)
        documents = get_document_model().objects.filter(collection_id__in=searchable)
        parts.append(documents.search(search_query))
    return ChainedResults(*parts)


def search_promotions_for(*, query, locale):
    """Moderators' promoted results for this query: live, public pages of the locale, or external links."""
    normalised = normalise_query_string(query)
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in={normalised, fold(normalised)}).order_by(
            "sort_order", "pk"
        )
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    pages = pages_public(Page.objects.live()).filter(locale=locale, pk__in=page_ids).specific().in_bulk()
    shown = []
    for promotion in promotions:
        if promotion.page_id:
            if promotion.page_id in pages:
                shown.append({"page": pages[promotion.page_id], "description": promotion.description})
        elif promotion.external_link_url:
            shown.append(
                {
                    "url": promotion.external_link_url,
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return shown


def search_suggestion(*, query, locale, site=None, limit=3):
    """When nothing matches: the query with each unknown word replaced by the closest word of a
    title, and the titles closest to the whole query (difflib, accents ignored), in ``site``'s network."""
    pages = Page.objects.live().public().filter(locale=locale).exclude(depth=1)
    pages = list((_in_network(pages, site) if site is not None else pages).order_by("path")[:5000])
    vocabulary = {}
    for page in pages:
        for word in WORD.findall(page.title):
            if len(word) > 2:
                vocabulary.setdefault(fold(word), word.lower())
    corrected, changed = [], False
    for word in search_terms(query):
        folded = fold(word)
        close = [] if folded in vocabulary else difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.7)
        if close:
            corrected.append(vocabulary[close[0]])
            changed = True
        else:
            corrected.append(word)
    by_title = {}
    for page in pages:
        by_title.setdefault(fold(page.title), page)
    close_titles = difflib.get_close_matches(fold(query), by_title, n=limit, cutoff=0.4)
    return {
        "suggested_query": " ".join(corrected) if changed else "",
        "close_pages": [by_title[title] for title in close_titles],
    }
