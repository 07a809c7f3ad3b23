"""The HTTP API and the page: ``newsevents serve``.

>>> from newsevents.web import create_app
>>> app = create_app("newsevents.db", token="a-long-secret")   # an ASGI app for uvicorn
"""

from newsevents.web.app import create_app

__all__ = ["create_app"]
