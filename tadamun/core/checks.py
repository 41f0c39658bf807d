"""System checks of our own: `check --deploy` does not notice a missing CSP."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def content_security_policy(app_configs, **kwargs):
    errors = []
    if "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE:
        errors.append(Error("The CSP middleware is not installed.", id="tadamun.E001"))
    directives = getattr(settings, "CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})
    script = directives.get("script-src", directives.get("default-src", []))
    if not directives or "'unsafe-inline'" in script or "'unsafe-eval'" in script:
        errors.append(Error("Content-Security-Policy must forbid inline script.", id="tadamun.E002"))
    for needed in ("object-src", "base-uri", "frame-ancestors"):
        if needed not in directives:
            errors.append(Error(f"Content-Security-Policy must set {needed}.", id="tadamun.E003"))
    return errors
