# inhouse: one image for the web server (`inhouse serve`, the default command) and the workers
# (`inhouse worker`). See docs/deployment.md.
#
#   docker build -t inhouse .
#   docker run --rm -e INHOUSE_DATABASE_URL=postgresql+psycopg://... inhouse inhouse db current
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# git: the scans (every git command goes through inhouse's safe runner); Pango, HarfBuzz's subsetter
# and a font: the PDF report (WeasyPrint).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz-subset0 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# The package, installed from the source tree into a virtual environment of its own.
COPY pyproject.toml README.md /build/
COPY src /build/src
RUN python -m venv /opt/inhouse \
    && /opt/inhouse/bin/pip install /build \
    && rm -rf /build
ENV PATH=/opt/inhouse/bin:$PATH

# A user of its own, never root; its home holds the mirrors of repositories linked by URL.
RUN useradd --system --create-home --home-dir /var/lib/inhouse --uid 10001 --user-group inhouse \
    && mkdir -p /var/lib/inhouse/mirrors \
    && chown -R inhouse:inhouse /var/lib/inhouse
USER inhouse
WORKDIR /var/lib/inhouse
ENV INHOUSE_MIRRORS_DIR=/var/lib/inhouse/mirrors

EXPOSE 8000
# --host 0.0.0.0 starts only once an admin account exists (docs/security.md); one server process
# per container: run more containers for more.
CMD ["inhouse", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "1"]
