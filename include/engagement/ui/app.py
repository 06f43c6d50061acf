"""The engagement view as a FastAPI app: one page, its static files and its JSON endpoints.

Built without Airflow, so it is tested on its own; the Airflow plugin (plugins/engagement_view.py)
mounts it in the api-server, adding Airflow's login check as a dependency of every route and
the lookup of a DAG run's day.

No ``from __future__ import annotations`` here: FastAPI must see the route signatures' real
types, including ``WindowDep``, which is local to :func:`create_app`.
"""

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse

from engagement.config import Settings
from engagement.ui.view import BadRequest, EngagementView, NotPublished, Window, load_family_names

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Every file the page loads, and nothing else under static/ (no directory listing, no traversal).
STATIC_FILES = {
    "view.js": "text/javascript",
    "view.css": "text/css",
    "vendor/chart.umd.min.js": "text/javascript",
}
# A DAG run -> the day it processed (None when there is no such run).
RunDay = Callable[[str, str], date | None]


def _today() -> date:
    return datetime.now(UTC).date()


def create_app(
    settings: Settings,
    dependencies: Sequence[Depends] = (),
    run_day: RunDay | None = None,
    today: Callable[[], date] = _today,
) -> FastAPI:
    """The app; ``dependencies`` guard every route (the plugin passes Airflow's auth check)."""
    view = EngagementView(settings.published_path, load_family_names())
    app = FastAPI(
        title="Engagement view",
        description="Bilateral engagement read from the published DuckDB file.",
        dependencies=list(dependencies),
    )

    def window(
        date_from: Annotated[date | None, Query(alias="from")] = None,
        date_to: Annotated[date | None, Query(alias="to")] = None,
    ) -> Window:
        """The window of event dates asked for; a missing end defaults to the page's window."""
        default = view.overview(today())["default_window"] if date_from is None or date_to is None else {}
        return Window(date_from or default["from"], date_to or default["to"])

    WindowDep = Annotated[Window, Depends(window)]

    @app.exception_handler(NotPublished)
    async def not_published(request: Request, error: NotPublished) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503)

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, error: BadRequest) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page(request: Request) -> HTMLResponse:
        html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
        base = request.scope.get("root_path", "").rstrip("/") + "/"
        return HTMLResponse(html.replace("{{BASE}}", base))

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        if name not in STATIC_FILES:
            raise HTTPException(status_code=404)
        return FileResponse(STATIC_DIR / name, media_type=STATIC_FILES[name])

    @app.get("/api/overview")
    def overview() -> dict:
        return view.overview(today())

    @app.get("/api/partners")
    def partners(country: str, window: WindowDep) -> dict:
        return view.partners(country, window)

    @app.get("/api/timeline")
    def timeline(country: str, partner: str, window: WindowDep) -> dict:
        return view.timeline(country, partner, window)

    @app.get("/api/events")
    def events(
        country: str, partner: str, window: WindowDep, family: str | None = None, month: str | None = None
    ) -> dict:
        return view.pair_events(country, partner, window, family, month)

    @app.get("/api/upcoming")
    def upcoming(country: str) -> dict:
        return view.upcoming(country, today())

    @app.get("/api/event/{event_id}")
    def event(event_id: str) -> dict:
        found = view.event(event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id}")
        return found

    @app.get("/api/day/{day}")
    def day(day: date) -> dict:
        return view.day(day)

    @app.get("/run/{dag_id}/{run_id}", include_in_schema=False)
    def run(dag_id: str, run_id: str, request: Request) -> RedirectResponse:
        """The day's counts of a DAG run: the tab the plugin adds to every run's page."""
        found = run_day(dag_id, run_id) if run_day else None
        if found is None:
            raise HTTPException(status_code=404, detail=f"no run {run_id} of {dag_id}")
        base = request.scope.get("root_path", "").rstrip("/")
        return RedirectResponse(f"{base}/?day={found.isoformat()}", status_code=307)

    return app
