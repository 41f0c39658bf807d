"""Form widgets shared by every app."""

from django import forms


class Select(forms.Select):
    """A select rendered in one template (Django's includes a template per option, which
    costs milliseconds on long lists such as countries). No option groups."""

    template_name = "core/widgets/select.html"
