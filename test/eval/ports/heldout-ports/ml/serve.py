import os
import socket

from aiohttp import web

HOST = "0.0.0.0"
PORT = int(os.getenv("PORT", "8080"))


async def predict(request):
    return web.json_response({"ok": True})


def make_app():
    app = web.Application()
    app.router.add_post("/predict", predict)
    return app


def health_socket():
    s = socket.socket()
    s.bind((HOST, 8081))
    s.listen(5)
    return s


if __name__ == "__main__":
    web.run_app(make_app(), host=HOST, port=PORT)
