"""The whole database as comparable data: a refused write must leave every row as it was.

Each table is read in primary-key order with all its concrete columns, so a
new revision, a started workflow, a page that went live, a renamed image, a
rewritten tag or area row, a created locale or translation source all show
up as a difference, without a test having to know which table to look at.
"""

from django.apps import apps

# What a refused request may write legitimately, with the reason.
NOT_COMPARED = {"sessions.session"}  # the session carries the "permission denied" flash message
NOT_COMPARED_COLUMNS = {"auth.user": {"last_login"}}  # set by logging in, before the request


def compared_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in NOT_COMPARED
    ]


def database_snapshot():
    """{table label: [row tuples in primary-key order]} for every compared table."""
    snapshot = {}
    for model in compared_models():
        skipped = NOT_COMPARED_COLUMNS.get(model._meta.label_lower, set())
        columns = [field.attname for field in model._meta.concrete_fields if field.attname not in skipped]
        snapshot[model._meta.label_lower] = list(model._default_manager.order_by("pk").values_list(*columns))
    return snapshot


def changed_tables(before, after):
    """The labels of the tables whose rows differ, with a short description of what changed."""
    changes = {}
    for label, rows in after.items():
        old = before.get(label, [])
        if rows != old:
            added = len(set(rows) - set(old)) if _hashable(rows + old) else "?"
            removed = len(set(old) - set(rows)) if _hashable(rows + old) else "?"
            changes[label] = f"{len(old)} → {len(rows)} rows ({added} new or changed, {removed} gone or changed)"
    return changes


def _hashable(rows):
    try:
        set(rows)
    except TypeError:  # JSON columns hold dicts and lists
        return False
    return True
