# Airflow image for the bilateral-engagement pipeline.
# Pinned to the same Airflow version and Python as requirements.txt and the local .venv, so a task
# behaves the same in the container as in `pytest` on a laptop.
FROM apache/airflow:3.3.2-python3.11

# The official image installs Python packages as the unprivileged `airflow` user with its own pip.
USER airflow

# Dependencies are baked into the image (not _PIP_ADDITIONAL_REQUIREMENTS, which reinstalls on
# every container start): direct pins from requirements.txt, every transitive version held by the
# lock in constraints.txt. `pip check` fails the build if the lock clashes with a provider that the
# base image bundles (celery, fab, postgres, redis are not in our lock), instead of failing at run time.
COPY --chown=airflow:0 requirements.txt constraints.txt /opt/airflow/
RUN pip install --no-cache-dir -r /opt/airflow/requirements.txt -c /opt/airflow/constraints.txt \
 && pip check

# `import engagement` works as locally: an editable install of the project, whose .pth file points
# at /opt/airflow/include. docker-compose bind-mounts ./include onto exactly that path, so the mounted
# working copy wins over the copy baked here (edits need no rebuild); a plain `docker run` without
# mounts falls back to the baked copy. --no-deps: the dependencies are already pinned above.
COPY --chown=airflow:0 pyproject.toml /opt/airflow/pyproject.toml
COPY --chown=airflow:0 include /opt/airflow/include
RUN pip install --no-cache-dir --no-deps -e /opt/airflow

# Baked for the same reason as include/: compose mounts ./dags and ./plugins over them.
COPY --chown=airflow:0 dags /opt/airflow/dags
COPY --chown=airflow:0 plugins /opt/airflow/plugins
