from os import environ

from weasyprint import HTML

FONT_DIR = environ.get("INVOICE_FONT_DIR", "/usr/share/fonts")
COMPANY_NAME = environ["INVOICE_COMPANY_NAME"]


def render(invoice):
    html = HTML(string=invoice.to_html(company=COMPANY_NAME, fonts=FONT_DIR))
    return html.write_pdf()
