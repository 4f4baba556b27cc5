import os
from unittest import mock

from django.test import TestCase


class InvoiceTests(TestCase):
    @mock.patch.dict(os.environ, {"INVOICE_COMPANY_NAME": "ACME"})
    def test_company(self):
        os.environ["INVOICE_FONT_DIR"] = "/tmp"
        self.assertEqual(os.environ["INVOICE_FONT_DIR"], "/tmp")
