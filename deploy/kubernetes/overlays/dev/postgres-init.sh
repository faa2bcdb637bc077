#!/bin/bash
# Runs once, when the data volume is empty (docker-entrypoint-initdb.d): one login and one database
# per owning service. Passwords come from each service's own Secret, so they are set in one place.
# psql variables (:"name", :'literal') quote the values: no password ever reaches a shell or a log.
set -euo pipefail
create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v login="$1" -v db="$2" -v password="$3" <<'SQL'
CREATE ROLE :"login" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"login";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}
create gateway vocloop_gateway "$GATEWAY_DB_PASSWORD"
create ticket vocloop_ticket "$TICKET_DB_PASSWORD"
create survey vocloop_survey "$SURVEY_DB_PASSWORD"
