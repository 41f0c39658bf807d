"""Events of the network that other apps follow (sent after the transaction commits)."""

from django.dispatch import Signal

# An organisation's profile (pathways, languages, governorates, descriptions) or status changed.
# Sent with `organisation_id`.
profile_changed = Signal()
