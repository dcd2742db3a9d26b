# Sourced by test.sh and .ci/run: makes sure a PostgreSQL server is reachable and exports
# NEGOTIATIONS_POSTGRES (an Npgsql connection string) for the tests.
#
# - NEGOTIATIONS_POSTGRES already set: used as it is (your own server).
# - Otherwise, as root: installs PostgreSQL with apt if absent, starts the machine's cluster, and
#   creates the role and database 'negotiations' (password 'negotiations') on 127.0.0.1.
# - Otherwise (no root, no server): leaves NEGOTIATIONS_POSTGRES unset; the PostgreSQL tests then
#   skip with a reason, except under CI=true, where they fail.

negotiations_postgres_up() {
  if [ -n "${NEGOTIATIONS_POSTGRES:-}" ]; then
    echo "postgres: using NEGOTIATIONS_POSTGRES from the environment"
    return 0
  fi

  if [ "$(id -u)" != "0" ]; then
    echo "postgres: not root, so not starting a server; set NEGOTIATIONS_POSTGRES to run the PostgreSQL tests" >&2
    return 0
  fi

  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "postgres: installing PostgreSQL with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi

  local version cluster port
  read -r version cluster port _ < <(pg_lsclusters -h | head -n 1)
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_createcluster "$version" main >/dev/null
    read -r version cluster port _ < <(pg_lsclusters -h | head -n 1)
  fi

  pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres: cluster $version/$cluster did not come up on port $port" >&2; return 1; }

  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'negotiations') THEN
    CREATE ROLE negotiations LOGIN PASSWORD 'negotiations' CREATEDB;
  ELSE
    ALTER ROLE negotiations LOGIN PASSWORD 'negotiations' CREATEDB;
  END IF;
END
$$;
SQL
  if ! runuser -u postgres -- psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'negotiations'" | grep -q 1; then
    runuser -u postgres -- createdb -p "$port" -O negotiations negotiations
  fi

  export NEGOTIATIONS_POSTGRES="Host=127.0.0.1;Port=$port;Database=negotiations;Username=negotiations;Password=negotiations"
  echo "postgres: PostgreSQL $version up on 127.0.0.1:$port, database 'negotiations'"
}
