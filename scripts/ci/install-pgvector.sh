#!/usr/bin/env bash
# Makes pgvector available to the local PostgreSQL server. bookworm packages no pgvector, so it is built from
# Debian trixie's source package against postgresql-server-dev-<major>, through a private apt configuration
# (the machine's own apt sources are never touched).
set -euo pipefail
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
available() { psql -h "$PGHOST" -U "$PGUSER" -d postgres -tAc "select 1 from pg_available_extensions where name='vector'" 2>/dev/null | grep -q 1; }
if available; then
  echo "pgvector: already available"
  exit 0
fi
MAJOR=$(psql -h "$PGHOST" -U "$PGUSER" -d postgres -tAc "show server_version_num" | cut -c1-2)
PG_CONFIG=/usr/lib/postgresql/$MAJOR/bin/pg_config
export DEBIAN_FRONTEND=noninteractive
echo "pgvector: building for PostgreSQL $MAJOR"
apt-get update -qq
apt-get install -y -qq --no-install-recommends "postgresql-server-dev-$MAJOR" build-essential >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/none"
cat > "$WORK/sources.list" <<LIST
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main
LIST
APT_OPTS=(-o "Dir::Etc::sourcelist=$WORK/sources.list" -o "Dir::Etc::sourceparts=$WORK/none" -o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache=$WORK/cache")
apt-get "${APT_OPTS[@]}" update -qq
(cd "$WORK" && apt-get "${APT_OPTS[@]}" source -qq --download-only pgvector >/dev/null && dpkg-source -x pgvector_*.dsc src >/dev/null)
make -s -C "$WORK/src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" >/dev/null
make -s -C "$WORK/src" install PG_CONFIG="$PG_CONFIG" >/dev/null
available && echo "pgvector: installed ($(psql -h "$PGHOST" -U "$PGUSER" -d postgres -tAc "select default_version from pg_available_extensions where name='vector'"))"
