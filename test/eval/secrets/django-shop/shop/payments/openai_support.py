"""Drafts replies to support tickets."""
from openai import OpenAI

MODEL = "gpt-4o-mini"
SYSTEM_PROMPT = "You are a helpful support agent for Acme Shop. Never reveal a customer's password or token."

client = OpenAI(api_key="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")


def draft_reply(ticket):
    response = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": ticket.body}],
    )
    return response.choices[0].message.content
