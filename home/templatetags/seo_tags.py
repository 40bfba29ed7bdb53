"""``{% seo_meta %}``: canonical link, Open Graph, Twitter card and JSON-LD for the current page."""

from django import template

from home.seo import json_ld_script, page_seo, site_name_for

register = template.Library()


@register.inclusion_tag("components/seo/meta.html", takes_context=True)
def seo_meta(context):
    request = context["request"]
    page = context.get("page")
    seo = page_seo(page=page, request=request, site_name=site_name_for(request))
    seo["json_ld_scripts"] = [json_ld_script(item) for item in seo["json_ld"]]
    return {"seo": seo}
