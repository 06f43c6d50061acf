"""The engagement view shown inside the Airflow UI: queries, payloads and a FastAPI app.

``queries`` holds the SQL, ``view`` shapes rows into payloads, ``app`` serves the page and the
JSON endpoints; plugins/engagement_view.py mounts the app in Airflow's api-server behind its login.
"""
