#!/usr/bin/env bash
# Terminal ACC: build, install into a Keycloak 26.7.3 of its own (.run/), import the terminal realm, start it with a
# demo account and a demo mailbox. ./run.sh --help for the options.
set -euo pipefail
cd "$(dirname "$0")"

HTTP_PORT="${KC_HTTP_PORT:-8080}"
MGMT_PORT="${KC_HTTP_MANAGEMENT_PORT:-9000}"
SMTP_PORT="${TERMINAL_SMTP_PORT:-3025}"
MAILBOX_PORT="${TERMINAL_MAILBOX_PORT:-8025}"
ADMIN_USER="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
DB="${DB:-h2}"
DEMO=1
MAIL=1
RESET=0
OFFLINE=""

usage() {
    cat <<USAGE
Usage: ./run.sh [--postgres] [--reset] [--no-demo] [--no-mail] [--offline]

Builds Terminal ACC, installs it into a Keycloak ${KC_VERSION:-26.7.3} under .run/, imports the terminal realm and
starts Keycloak on http://localhost:${HTTP_PORT} (file-based H2 under .run/; data survives restarts).

  --postgres   use PostgreSQL instead of H2: KC_DB_URL (default jdbc:postgresql://127.0.0.1:5432/terminal_acc),
               KC_DB_USERNAME (postgres), KC_DB_PASSWORD (postgres); the database is created if psql is available
  --reset      delete the Keycloak data of earlier runs first (H2 only; for PostgreSQL drop the database yourself)
  --no-demo    no demo account
  --no-mail    no demo mailbox (then no demo account either: activating a login sends an e-mail)
  --offline    build with Maven offline (-o)
Environment: KC_HTTP_PORT (8080), KC_HTTP_MANAGEMENT_PORT (9000), TERMINAL_SMTP_PORT (3025),
             TERMINAL_MAILBOX_PORT (8025): every port of everything it starts; a taken port stops it before the build.
             TERMINAL_RUN_DIR (.run): Keycloak, its data and the logs; a second instance from the same checkout needs
             its own (and other ports). TERMINAL_START_TIMEOUT (900): seconds to wait for Keycloak.
             KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (admin / admin).
USAGE
}

while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) DB=postgres ;;
        --reset) RESET=1 ;;
        --no-demo) DEMO=0 ;;
        --no-mail) MAIL=0; DEMO=0 ;;
        --offline) OFFLINE="-o" ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
KC_VERSION="$(prop keycloak.server.version)"
GREENMAIL_VERSION="$(prop greenmail.version)"
PROJECT_VERSION="$(sed -n 's:^    <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
RUN_DIR="${TERMINAL_RUN_DIR:-.run}"
case "$RUN_DIR" in /*) ;; *) RUN_DIR="$PWD/$RUN_DIR" ;; esac
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"

# Refuse before doing anything when a port is taken (another Keycloak, a test run, a second checkout on the defaults).
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORTS=("KC_HTTP_PORT=$HTTP_PORT" "KC_HTTP_MANAGEMENT_PORT=$MGMT_PORT")
[ "$MAIL" = 1 ] && PORTS+=("TERMINAL_SMTP_PORT=$SMTP_PORT" "TERMINAL_MAILBOX_PORT=$MAILBOX_PORT")
SEEN=" "
for entry in "${PORTS[@]}"; do
    name="${entry%%=*}"; port="${entry#*=}"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
        echo "$name=$port is not a port number." >&2; exit 1
    fi
    if [[ "$SEEN" == *" $port "* ]]; then
        echo "Port $port is given twice ($name and another variable): every service needs its own port." >&2; exit 1
    fi
    SEEN+="$port "
    if port_taken "$port"; then
        echo "Port $port ($name) is already in use on this machine: stop what listens there or choose another port," >&2
        echo "for example: $name=$((port + 100)) ./run.sh   (./run.sh --help lists the port variables)" >&2
        exit 1
    fi
done
mkdir -p "$RUN_DIR"

PROVIDER_JAR="spi-provider/target/terminal-acc-provider-$PROJECT_VERSION.jar"
THEME_JAR="themes/target/terminal-acc-theme-$PROJECT_VERSION.jar"
if [ -f "$PROVIDER_JAR" ] && [ -f "$THEME_JAR" ] && [ -z "$(find pom.xml spi-provider/pom.xml spi-provider/src/main themes/pom.xml \
        themes/src/main -newer "$PROVIDER_JAR" -print -quit 2>/dev/null)" ] && [ -z "$(find themes/src/main -newer "$THEME_JAR" -print -quit)" ]; then
    echo "==> Terminal ACC $PROJECT_VERSION is built and up to date"
else
    echo "==> Building Terminal ACC $PROJECT_VERSION (provider and theme, no tests)"
    ./mvnw -q -B $OFFLINE -Dmaven.test.skip=true package -pl spi-provider,themes
fi

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    echo "==> Getting Keycloak $KC_VERSION from the Maven registry"
    ./mvnw -q -B $OFFLINE dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$RUN_DIR" -Dtransitive=false
    (cd "$RUN_DIR" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip" && rm "keycloak-quarkus-dist-$KC_VERSION.zip")
fi
if [ "$RESET" = 1 ]; then
    echo "==> Removing the data of earlier runs"
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/tmp"
fi

echo "==> Installing the provider, the theme and the realm"
# Replace a jar only when it changed, keeping its time stamp: Keycloak rebuilds itself (a minute or more) when it sees
# a provider file change.
for jar in "$PROVIDER_JAR" "$THEME_JAR"; do
    if ! cmp -s "$jar" "$KC_HOME/providers/$(basename "$jar")"; then
        rm -f "$KC_HOME/providers/$(basename "${jar%-"$PROJECT_VERSION".jar}")"-*.jar
        cp -p "$jar" "$KC_HOME/providers/"
    fi
done
mkdir -p "$KC_HOME/data/import"
cp realm-config/src/main/resources/terminal-realm.json "$KC_HOME/data/import/terminal-realm.json"

PIDS=()
cleanup() {
    echo
    echo "==> Stopping"
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ "$MAIL" = 1 ]; then
    if [ ! -f "$RUN_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar" ]; then
        ./mvnw -q -B $OFFLINE dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$RUN_DIR" -Dtransitive=false
    fi
    echo "==> Starting the demo mailbox (SMTP 127.0.0.1:$SMTP_PORT)"
    java -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
         -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAILBOX_PORT" \
         -jar "$RUN_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar" > "$RUN_DIR/mailbox.log" 2>&1 &
    PIDS+=($!)
fi

DB_ARGS=()
if [ "$DB" = postgres ]; then
    DB_URL="${KC_DB_URL:-jdbc:postgresql://127.0.0.1:5432/terminal_acc}"
    DB_USER="${KC_DB_USERNAME:-postgres}"
    DB_PASSWORD="${KC_DB_PASSWORD:-postgres}"
    DB_NAME="${DB_URL##*/}"; DB_NAME="${DB_NAME%%\?*}"
    DB_HOSTPORT="$(echo "$DB_URL" | sed -n 's|jdbc:postgresql://\([^/]*\)/.*|\1|p')"
    if command -v psql >/dev/null 2>&1; then
        if ! PGPASSWORD="$DB_PASSWORD" psql -h "${DB_HOSTPORT%%:*}" -p "${DB_HOSTPORT##*:}" -U "$DB_USER" -d postgres -Atc "select 1 from pg_database where datname='$DB_NAME'" | grep -q 1; then
            echo "==> Creating PostgreSQL database $DB_NAME"
            PGPASSWORD="$DB_PASSWORD" psql -h "${DB_HOSTPORT%%:*}" -p "${DB_HOSTPORT##*:}" -U "$DB_USER" -d postgres -qc "create database $DB_NAME"
        fi
    else
        echo "    (psql not found: make sure the database $DB_NAME exists)"
    fi
    DB_ARGS=(--db=postgres --db-url="$DB_URL" --db-username="$DB_USER" --db-password="$DB_PASSWORD")
fi

echo "==> Starting Keycloak $KC_VERSION on http://localhost:$HTTP_PORT (log: $RUN_DIR/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-port="$HTTP_PORT" --http-management-port="$MGMT_PORT" \
    --health-enabled=true "${DB_ARGS[@]}" > "$RUN_DIR/keycloak.log" 2>&1 &
PIDS+=($!)

# up to 15 minutes: Keycloak's start takes about a minute on two idle cores, many more on a loaded machine
DEADLINE=$((SECONDS + ${TERMINAL_START_TIMEOUT:-900}))
while [ "$SECONDS" -lt "$DEADLINE" ]; do
    if curl -fsS "http://localhost:$MGMT_PORT/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then echo "Keycloak did not start; see $RUN_DIR/keycloak.log" >&2; tail -n 30 "$RUN_DIR/keycloak.log" >&2; exit 1; fi
    sleep 2
done
curl -fsS "http://localhost:$MGMT_PORT/health/ready" >/dev/null || { echo "Keycloak is not ready; see $RUN_DIR/keycloak.log" >&2; exit 1; }

DEMO_LINES=""
if [ "$DEMO" = 1 ]; then
    echo "==> Demo data"
    DEMO_LINES="$(java scripts/DemoData.java "http://localhost:$HTTP_PORT" "$ADMIN_USER" "$ADMIN_PASSWORD" "$SMTP_PORT")"
fi

cat <<BANNER

  Terminal ACC is running.

  Access Control Center   http://localhost:$HTTP_PORT/realms/terminal/acc/
  Terminal login          http://localhost:$HTTP_PORT/realms/terminal/account/
  Keycloak admin console  http://localhost:$HTTP_PORT/admin/master/console/#/terminal   ($ADMIN_USER / $ADMIN_PASSWORD)
$DEMO_LINES
BANNER
if [ "$MAIL" = 1 ]; then
    echo "  E-mails (initial passwords) http://localhost:$MAILBOX_PORT/api/user/<e-mail address>/messages/INBOX"
fi
echo "  Database                ${DB}$( [ "$DB" = h2 ] && echo " ($KC_HOME/data/h2)" )"
echo
echo "  Press Ctrl-C to stop. Starting again keeps the data (./run.sh --reset starts afresh)."
wait "${PIDS[-1]}"
