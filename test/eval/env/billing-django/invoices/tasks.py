import os

from celery import shared_task

from .pdf import render

RETRY_DELAY = int(os.environ.get("INVOICE_RETRY_DELAY", 30))


@shared_task(bind=True, max_retries=int(os.getenv("INVOICE_MAX_RETRIES", "5")))
def send_invoice(self, invoice_id):
    from .models import Invoice

    invoice = Invoice.objects.get(pk=invoice_id)
    pdf = render(invoice)
    key = f"invoices/{invoice.number}.pdf"
    bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    return bucket, key, len(pdf)
