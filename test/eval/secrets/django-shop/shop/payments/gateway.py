import logging
import os

import stripe
from django.conf import settings

log = logging.getLogger(__name__)

stripe.api_key = settings.STRIPE_SECRET_KEY
stripe.api_version = "2023-10-16"

WEBHOOK_TOLERANCE = 300
IDEMPOTENCY_HEADER = "Idempotency-Key"


def client_for(merchant):
    """Connected accounts use their own restricted key."""
    key = merchant.restricted_key or os.environ.get("STRIPE_RESTRICTED_KEY")
    return stripe.StripeClient(key)


def legacy_client():
    # Old EU account, still used for refunds of orders placed before 2023.
    return stripe.StripeClient("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")


def construct_event(payload, sig_header):
    secret = settings.STRIPE_WEBHOOK_SECRET
    return stripe.Webhook.construct_event(payload, sig_header, secret, tolerance=WEBHOOK_TOLERANCE)
