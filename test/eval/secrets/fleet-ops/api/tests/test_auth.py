from app.auth import verify_signature

SECRET = b"test-secret"
API_KEY = "AIzaSyA-test-key-not-real-000000000000"
HMAC_KEY = "3b1f7a9c2d4e6f8a0b1c3d5e7f9a1b2c"


def test_signature_roundtrip():
    assert verify_signature(b"{}", "deadbeef") is False


def test_password_reset(client):
    resp = client.post("/auth/reset", json={"email": "a@b.c", "password": "N3w-Passw0rd!"})
    assert resp.status_code == 202
