"""Template helpers shared by every app (no queries here)."""

from __future__ import annotations

from django import template
from django.urls import translate_url

from tadamun.core.context_processors import LANGUAGE_NAMES

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context, code: str) -> str:
    """This page's address in another language (the query string kept)."""
    request = context.get("request")
    if request is None:
        return f"/{code}/"
    return translate_url(request.get_full_path(), code)


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """A link to page `number` of the current list, keeping its filters."""
    query = context.get("query") or ""
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.filter
def language_in_itself(code: str) -> str:
    """A language's name in that language (العربية, کوردی, Kurdî…)."""
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` — a dictionary's value for a key held in a variable (JSON
    objects have text keys: 3 finds "3" too)."""
    mapping = mapping or {}
    return mapping.get(key, mapping.get(str(key)))
