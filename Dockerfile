# syntax=docker/dockerfile:1.7
# One image for every Orchestra service; the command picks the service:
#   docker run IMAGE serve orchestrator | serve research-agent | serve analyst-agent
# (The syntax line above works only as the file's first line.)

# Node: what frontend/package.json's engines and its lock file's packages (vite, rolldown)
# accept; tests/deploy checks it.
FROM node:20.19-bookworm-slim AS dashboard
WORKDIR /frontend
COPY frontend/ ./
# The React dashboard builds into dist/ once it has a package.json; until then the static page ships.
RUN if [ -f package.json ]; then npm ci && npm run build; else mkdir -p dist && cp -r public/. dist/; fi

FROM python:3.11.10-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DATA_DIR=/data FRONTEND_DIR=/app/frontend HOST=0.0.0.0
RUN useradd --create-home --uid 10001 orchestra && mkdir -p /data && chown orchestra /data
WORKDIR /app
COPY backend/pyproject.toml backend/requirements.lock backend/alembic.ini ./backend/
COPY backend/src ./backend/src
RUN pip install --no-cache-dir -c backend/requirements.lock './backend[postgres]'
COPY --from=dashboard /frontend/dist ./frontend
USER orchestra
EXPOSE 8000 8001 8002
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import os,sys,urllib.request; p=os.environ.get('SERVICE_PORT','8000'); path=os.environ.get('HEALTH_PATH','/health'); urllib.request.urlopen(f'http://127.0.0.1:{p}{path}', timeout=2)" || exit 1
ENTRYPOINT ["orchestra"]
CMD ["serve", "orchestrator"]
