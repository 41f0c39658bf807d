"""Email goes through the real django-tasks database backend and its worker."""

import pytest
from django.core import mail
from django.core.management import call_command

from tadamun.core.tasks import send_templated_email


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_a_queued_email_in_the_recipients_language():
    result = send_templated_email.using(backend="database").enqueue(
        to=["someone@example.org"],
        template="network/email/application_rejected",
        context={"organisation": "Test Group", "reason": "A reason."},
        language="it",
    )
    assert len(mail.outbox) == 0
    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", verbosity=0)
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert len(mail.outbox) == 1 and "A reason." in mail.outbox[0].body
    assert mail.outbox[0].subject != "Your application for Test Group"  # Italian, not English
