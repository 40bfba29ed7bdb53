"""What partner and member organisation pages show of initiatives and news.

The partners app sits below initiatives and does not import it: its page
templates ask for their activity through these tags instead.
"""

from django import template

from initiatives import selectors

register = template.Library()


@register.simple_tag
def organisation_activity(organisation):
    """{"initiatives", "news_items", "upcoming_events"} of a member organisation (own and co-organised)."""
    return selectors.organisation_activity(organisation=organisation)


@register.simple_tag
def partner_activity(partner):
    """{"partner_initiatives", "partner_news"}: what a partner town takes part in and the news about it."""
    return selectors.partner_activity(partner=partner)
