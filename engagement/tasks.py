"""Background work, on Django 6's task framework (``django.tasks``).

Inline by default; with TASKS_DATABASE_QUEUE=true queued in the database by
django-tasks-db and run by ``manage.py db_worker --backend database``.

``task()`` builds the task with its backend's task class, so the task names
its backend (ENGAGEMENT_TASK_BACKEND): the "default" alias may be the
django-tasks backport that Wagtail uses, whose tasks django-tasks-db refuses.
"""

from django.conf import settings
from django.tasks import task


@task(backend=settings.ENGAGEMENT_TASK_BACKEND)
def newsletter_issue_deliver_task(issue_id):
    from .services.newsletter import newsletter_issue_deliver

    newsletter_issue_deliver(issue_id=issue_id)
