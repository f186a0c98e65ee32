"""``correction serve``: the corrector as an HTTP service, with review in the browser.

A thin layer over the library: each route parses its request, calls the functions the command
line calls (reading a transcript, correcting, numbering proposals, reading decisions, applying,
learning) and formats the answer. What the service adds is only what a service needs: a store
(SQLite) for lexicons, jobs and decisions, tokens, a pool of worker processes, limits and metrics.

Built by :func:`correction.service.app.create_app` from :class:`~correction.service.settings.Settings`.
FastAPI is an optional extra (``pip install 'correction[serve]'``): nothing here is imported by
the rest of the package.
"""
