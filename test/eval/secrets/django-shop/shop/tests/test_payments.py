import pytest
from unittest import mock

from shop.payments import gateway

TEST_SECRET_KEY = "sk_test_51FakeKeyForUnitTests000000000000000000"
WEBHOOK_SECRET = "whsec_testsecret"


@pytest.fixture
def settings_with_keys(settings):
    settings.STRIPE_SECRET_KEY = TEST_SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
    settings.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    return settings


def test_construct_event(settings_with_keys):
    with mock.patch("stripe.Webhook.construct_event") as construct:
        gateway.construct_event(b"{}", "t=1,v1=abc")
    construct.assert_called_once()


def test_login(client, django_user_model):
    django_user_model.objects.create_user(username="ada", password="correct horse battery staple")
    assert client.login(username="ada", password="correct horse battery staple")
