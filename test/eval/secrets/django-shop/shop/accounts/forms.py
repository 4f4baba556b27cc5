from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password_confirm = forms.CharField(label=_("Confirm password"), widget=forms.PasswordInput)

    error_messages = {
        "password_mismatch": _("The two password fields didn't match."),
    }

    def clean_password_confirm(self):
        password = self.cleaned_data.get("password")
        confirm = self.cleaned_data.get("password_confirm")
        if password and confirm and password != confirm:
            raise forms.ValidationError(self.error_messages["password_mismatch"], code="password_mismatch")
        password_validation.validate_password(confirm)
        return confirm


class ApiTokenForm(forms.Form):
    token_name = forms.CharField(max_length=64, help_text=_("A name to recognise this token by"))
    token_type = forms.ChoiceField(choices=[("read", "Read only"), ("write", "Read and write")])
