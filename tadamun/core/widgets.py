"""Form widgets shared by every app."""

from django import forms


class Select(forms.Select):
    """A select rendered in one template (Django's includes a template per option, which
    costs milliseconds on long lists such as countries). No option groups."""

    template_name = "core/widgets/select.html"


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (2027-01-15): a localised value
    (Italian 15/01/2027) would show as empty, and the date would be lost on saving."""

    input_type = "date"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")
