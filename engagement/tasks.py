"""Background work. Django 6's task framework (``django.tasks``): inline by
default, queued in the database by django-tasks-db when TASKS_DATABASE_QUEUE
is set, and run there by ``manage.py db_worker``."""

from django.tasks import task


@task()
def newsletter_issue_deliver_task(issue_id):
    from .services.newsletter import newsletter_issue_deliver

    newsletter_issue_deliver(issue_id=issue_id)
