"""Strings that third-party packages show on our pages, for `makemessages` to extract.

Nothing imports this module (importing it would be harmless: it only builds tuples). It
exists because gettext catalogues merge: Django looks a msgid up in our catalogues
(LOCALE_PATHS) first, then in the installed apps' and its own. So a msgid listed here and
translated in locale/*/LC_MESSAGES/django.po is shown translated wherever the package
uses it, even in a language the package does not ship:

* django-allauth ships ar and it, but neither ckb nor kmr;
* Django ships ar, ckb and it, but not kmr;
* django-countries ships ar and it, but neither ckb nor kmr.

For ar and it (and Django's ckb) our translation also overrides the package's own, so it
must be at least as good. The msgids must be copied EXACTLY from the packages' source
(templates and Python), with their odd spacing and typographic apostrophes: a msgid that
differs by one character is simply never looked up. After upgrading one of these
packages, compare again (for allauth: the templates under allauth/templates/account and
allauth/templates/mfa, allauth/account/{forms,fields,adapter}.py, allauth/mfa/adapter.py).

Only what our configuration shows is listed: email login without usernames or phone
numbers, mandatory email verification by link, TOTP and recovery codes (no passkeys or
security keys, no login by code). Django has no `pgettext_noop`/`ngettext_noop`: strings
with a plural use `ngettext_lazy` (lazy, so nothing is translated at import time), and a
string with a context would use `pgettext_lazy`; none of those shown here has one.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# --- django-allauth (allauth.account, allauth.mfa) ------------------------------------
ALLAUTH = (
    # Sign-in, sign-up and sign-out pages
    gettext_noop("Sign In"),
    gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    gettext_noop("Signup"),
    gettext_noop("Sign Up"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("Sign Out"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("Note"),
    gettext_noop("You are already logged in as %(user_display)s."),
    # Email addresses and their confirmation
    gettext_noop("Verify Your Email Address"),
    gettext_noop("We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."),
    gettext_noop("Confirm Email Address"),
    gettext_noop("Please confirm that <a href=\"mailto:%(email)s\">%(email)s</a> is an email address for user %(user_display)s."),
    gettext_noop("Confirm"),
    gettext_noop("Unable to confirm %(email)s because it is already confirmed by a different account."),
    gettext_noop("This email confirmation link expired or is invalid. Please <a href=\"%(email_url)s\">issue a new email confirmation request</a>."),
    gettext_noop("Email Addresses"),
    gettext_noop("The following email addresses are associated with your account:"),
    gettext_noop("Verified"),
    gettext_noop("Unverified"),
    gettext_noop("Primary"),
    gettext_noop("Make Primary"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Remove"),
    gettext_noop("Add Email Address"),
    gettext_noop("Add Email"),
    gettext_noop("Do you really want to remove the selected email address?"),
    # Password change and reset
    gettext_noop("Password Reset"),
    gettext_noop("Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."),
    gettext_noop("Reset My Password"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop("We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."),
    gettext_noop("Change Password"),
    gettext_noop("Bad Token"),
    gettext_noop("The password reset link was invalid, possibly because it has already been used.  Please request a <a href=\"%(passwd_reset_url)s\">new password reset</a>."),
    gettext_noop("Cancel"),
    gettext_noop("Your password is now changed."),
    # Re-authentication
    gettext_noop("Enter your password:"),
    gettext_noop("Confirm Access"),
    gettext_noop("Please reauthenticate to safeguard your account."),
    # Two-factor authentication (allauth.mfa)
    gettext_noop("Two-Factor Authentication"),
    gettext_noop("Authenticator App"),
    gettext_noop("Authentication using an authenticator app is active."),
    gettext_noop("An authenticator app is not active."),
    gettext_noop("Deactivate"),
    gettext_noop("Activate"),
    gettext_noop("Recovery Codes"),
    ngettext_lazy(
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
        1,
    ),
    gettext_noop("No recovery codes set up."),
    gettext_noop("View"),
    gettext_noop("Download"),
    gettext_noop("Generate"),
    gettext_noop("Your account is protected by two-factor authentication. Please enter an authenticator code:"),
    gettext_noop("Alternative options"),
    gettext_noop("Enter an authenticator code:"),
    gettext_noop("Activate Authenticator App"),
    gettext_noop("To protect your account with two-factor authentication, scan the QR code below with your authenticator app. Then, input the verification code generated by the app below."),
    gettext_noop("Authenticator secret"),
    gettext_noop("You can store this secret and use it to reinstall your authenticator app at a later time."),
    gettext_noop("Deactivate Authenticator App"),
    gettext_noop("You are about to deactivate authenticator app based authentication. Are you sure?"),
    gettext_noop("You are about to generate a new set of recovery codes for your account."),
    gettext_noop("This action will invalidate your existing codes."),
    gettext_noop("Are you sure?"),
    gettext_noop("Unused codes"),
    gettext_noop("Download codes"),
    gettext_noop("Generate new codes"),
    gettext_noop("I have saved my recovery codes"),
    # Flash messages (account/messages/*.txt, mfa/messages/*.txt)
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Removed email address %(email)s."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop("Primary email address set."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("A new set of recovery codes has been generated."),
    gettext_noop("Save them  in a secure location now — they won't be shown again."),
    gettext_noop("Authenticator app activated."),
    gettext_noop("Authenticator app deactivated."),
    # Emails (account/email/*.txt)
    gettext_noop("You are receiving this email because you or someone else tried to signup for an\naccount using email address:\n\n%(email)s\n\nHowever, an account using that email address already exists.  In case you have\nforgotten about this, please use the password forgotten procedure to recover\nyour account:\n\n%(password_reset_url)s"),
    gettext_noop("Account Already Exists"),
    gettext_noop("You're receiving this email because you or someone else has requested a password reset for your user account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset your password."),
    gettext_noop("Password Reset Email"),
    gettext_noop("You are receiving this email because you, or someone else, tried to access an account with email %(email)s. However, we do not have any record of such an account in our database."),
    gettext_noop("This mail can be safely ignored if you did not initiate this action."),
    gettext_noop("If it was you, you can sign up for an account using the link below."),
    gettext_noop("Unknown Account"),
    gettext_noop("You're receiving this email because user %(user_display)s has given your email address to register an account on %(site_domain)s."),
    gettext_noop("To confirm this is correct, go to %(activate_url)s"),
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop("Hello from %(site_name)s!"),
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    # Form labels (account/forms.py, account/fields.py, mfa/*/forms.py)
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("Forgot your password?"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Password"),
    gettext_noop("Remember Me"),
    gettext_noop("Password (again)"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Code"),
    gettext_noop("Authenticator code"),
    # Error messages (account/adapter.py, mfa/adapter.py)
    gettext_noop("This account is currently inactive."),
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect code."),
    gettext_noop("Incorrect password."),
    gettext_noop("Invalid or expired key."),
    gettext_noop("Invalid login."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop("Please select only one."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
    gettext_noop("You cannot add an email address to an account protected by two-factor authentication."),
    gettext_noop("You cannot deactivate two-factor authentication."),
    gettext_noop("You cannot generate recovery codes without having two-factor authentication enabled."),
    gettext_noop("You cannot activate two-factor authentication until you have verified your email address."),
)

# --- Django (forms, validators, password validators) ----------------------------------
DJANGO = (
    # Form fields, validators and widgets (django/forms/fields.py, django/forms/models.py,
    # django/forms/widgets.py, django/core/validators.py)
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("Currently"),
    gettext_noop("Clear"),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        1,
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        1,
    ),
    # Password validators (django/contrib/auth/password_validation.py). The "too short" message
    # follows the source, which formats it with "%d"; Django 5.2's own catalogues still have an
    # older "%(min_length)d" msgid that is never looked up, so even ar/it need ours.
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        1,
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        1,
    ),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
    # Error pages (django/contrib/admin/templates/admin/404.html)
    gettext_noop("Page not found"),
)

# --- django-countries (django_countries/data.py; common names in base.py) -------------
# The countries most relevant to the network: Iraq and its neighbours, the Arab region,
# and the countries of the international partners.
COUNTRIES = (
    gettext_noop("Iraq"),  # IQ
    gettext_noop("Syria"),  # SY, common name (shown by default)
    gettext_noop("Syrian Arab Republic"),  # SY, official ISO name
    gettext_noop("Iran"),  # IR, common name (shown by default)
    gettext_noop("Iran (Islamic Republic of)"),  # IR, official ISO name
    gettext_noop("Türkiye"),  # TR
    gettext_noop("Jordan"),  # JO
    gettext_noop("Kuwait"),  # KW
    gettext_noop("Saudi Arabia"),  # SA
    gettext_noop("Lebanon"),  # LB
    gettext_noop("Palestine"),  # PS, common name (shown by default)
    gettext_noop("Palestine, State of"),  # PS, official ISO name
    gettext_noop("Egypt"),  # EG
    gettext_noop("Yemen"),  # YE
    gettext_noop("Qatar"),  # QA
    gettext_noop("United Arab Emirates"),  # AE
    gettext_noop("Bahrain"),  # BH
    gettext_noop("Oman"),  # OM
    gettext_noop("Morocco"),  # MA
    gettext_noop("Algeria"),  # DZ
    gettext_noop("Tunisia"),  # TN
    gettext_noop("Libya"),  # LY
    gettext_noop("Sudan"),  # SD
    gettext_noop("Italy"),  # IT
    gettext_noop("France"),  # FR
    gettext_noop("Germany"),  # DE
    gettext_noop("United Kingdom"),  # GB, common name (shown by default)
    gettext_noop("United Kingdom of Great Britain and Northern Ireland"),  # GB, official ISO name
    gettext_noop("Spain"),  # ES
    gettext_noop("Portugal"),  # PT
    gettext_noop("Belgium"),  # BE
    gettext_noop("Netherlands"),  # NL, common name (shown by default)
    gettext_noop("Netherlands (Kingdom of the)"),  # NL, official ISO name
    gettext_noop("Luxembourg"),  # LU
    gettext_noop("Switzerland"),  # CH
    gettext_noop("Austria"),  # AT
    gettext_noop("Ireland"),  # IE
    gettext_noop("Greece"),  # GR
    gettext_noop("Cyprus"),  # CY
    gettext_noop("Malta"),  # MT
    gettext_noop("Norway"),  # NO
    gettext_noop("Sweden"),  # SE
    gettext_noop("Denmark"),  # DK
    gettext_noop("Finland"),  # FI
    gettext_noop("Iceland"),  # IS
    gettext_noop("Poland"),  # PL
    gettext_noop("Czechia"),  # CZ
    gettext_noop("Hungary"),  # HU
    gettext_noop("Croatia"),  # HR
    gettext_noop("Slovenia"),  # SI
    gettext_noop("Bosnia and Herzegovina"),  # BA
    gettext_noop("Serbia"),  # RS
    gettext_noop("Armenia"),  # AM
    gettext_noop("Georgia"),  # GE
    gettext_noop("Azerbaijan"),  # AZ
    gettext_noop("Russia"),  # RU, common name (shown by default)
    gettext_noop("Russian Federation"),  # RU, official ISO name
    gettext_noop("United States of America"),  # US
    gettext_noop("Canada"),  # CA
    gettext_noop("Mexico"),  # MX
    gettext_noop("Brazil"),  # BR
    gettext_noop("Argentina"),  # AR
    gettext_noop("Australia"),  # AU
    gettext_noop("New Zealand"),  # NZ
    gettext_noop("Japan"),  # JP
    gettext_noop("South Korea"),  # KR, common name (shown by default)
    gettext_noop("Korea (the Republic of)"),  # KR, official ISO name
    gettext_noop("India"),  # IN
    gettext_noop("Pakistan"),  # PK
    gettext_noop("Afghanistan"),  # AF
    gettext_noop("South Africa"),  # ZA
)
