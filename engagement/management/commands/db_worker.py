"""django-tasks-db's ``db_worker``, which also queues again the newsletter issues whose worker died.

django-tasks-db (0.13) marks a task RUNNING when a worker claims it and has no
heartbeat or timeout: if that worker is killed, the task stays RUNNING and no
other worker ever takes it. This command (it takes the place of
django-tasks-db's, engagement coming first in INSTALLED_APPS) calls
``newsletter_issues_resume`` when it starts and then every
``--resume-interval`` seconds, before and while it runs tasks as usual.
"""

import logging
import os
import threading

from django.conf import settings
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from ...services.newsletter import newsletter_issues_resume

logger = logging.getLogger("django_tasks_db")


def _resume(*, in_thread):
    try:
        resumed = newsletter_issues_resume()
    except Exception:  # a database that is away now will be back at the next pass
        logger.exception("Could not look for newsletter issues to resume")
        return
    finally:
        if in_thread:
            connections.close_all()  # the thread's own connections
    if resumed:
        logger.warning("Newsletter issues queued again (their worker died): %s", resumed)


def _resume_every(interval, stopped):
    while not stopped.wait(interval):
        _resume(in_thread=True)


class Command(DatabaseWorkerCommand):
    help = DatabaseWorkerCommand.help + "; newsletter issues whose worker died are queued again"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--resume-interval",
            type=float,
            default=60,
            help="Seconds between two looks for newsletter issues whose worker died (0 = only at start; "
            "default: %(default)r)",
        )

    def handle(self, *, resume_interval, **options):
        self.configure_logging(options["verbosity"])
        reloader_parent = options["reload"] and not options["batch"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if options["backend_name"] == settings.ENGAGEMENT_TASK_BACKEND and not reloader_parent:
            _resume(in_thread=False)  # before the first task
            if resume_interval > 0 and not options["batch"]:
                threading.Thread(
                    target=_resume_every,
                    args=(resume_interval, threading.Event()),
                    name="newsletter-resume",
                    daemon=True,
                ).start()
        super().handle(**options)
