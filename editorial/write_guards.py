"""Write-side guards: what a hand-written request may not do, whatever the admin's buttons show.

Wagtail's admin hides buttons a user may not use, but several of its checks
are weaker than this project's rules (see docs/editorial.md, "Refused
writes"). The functions here state the rules once; the hooks registered here
apply them to Wagtail's own views. editorial/wagtail_hooks.py imports this
module so that Wagtail loads the hooks.
"""


def page_submission_allowed(*, user, page):
    """Whether ``user`` may submit ``page`` for moderation.

    Wagtail's ``can_submit_for_moderation()`` only says that the page has a
    workflow, none in progress and no lock: it does not require edit
    permission, since Wagtail itself offers the button in the edit view only.
    Every place of this project that starts a workflow asks this instead.
    """
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()
