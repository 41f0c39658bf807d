"""Domain errors: raised by services with a translated message that views show as is."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused the change; `message` is translated, for the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """The object does not exist, or the viewer may not see it (answered alike: 404)."""


class PermissionDenied(DomainError):
    """The viewer may see the object but not do this to it."""


class TooManyRequests(DomainError):
    """The same person or address asked too often; they may try again later (429)."""


def show_on_form(form, error: DomainError) -> None:
    """Put a service's refusal on the form: at its field when the form has it, else on top."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def found_or_404(lookup, *args, **kwargs):
    """Call a query that raises NotFound (missing, or hidden from the viewer) and answer 404."""
    from django.http import Http404

    try:
        return lookup(*args, **kwargs)
    except NotFound as error:
        raise Http404(error.message) from error
