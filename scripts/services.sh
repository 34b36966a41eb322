#!/usr/bin/env bash
# Make sure the MySQL and Redis that DATABASE_URL / REDIS_URL point at are answering.
#
# Runs before every `npm start` / `npm test`, so the common case (both already answer) costs two client
# round trips and prints nothing. For a loopback URL whose server is down it starts the installed server
# (listening on loopback only), installs it first with apt-get when running as root (or with password-less
# sudo), and waits for it. A non-loopback host is someone else's server and is left alone. When nothing can
# be done it prints the commands to run and exits 1.
#
# Everything it changes on the machine is announced on stderr, one line each: packages installed, a server
# started, MariaDB's root allowed in with an empty password. That last one happens only when DATABASE_URL
# asks for root with no password and root has no password of its own, and only for local connections:
# root@localhost (unix socket, or TCP from this machine) and, when the server does not resolve names,
# root@127.0.0.1 and root@'::1'; never root@'%'.
#
#   SKIP_SERVICES=1          do nothing (containers, CI with its own services)
#   SERVICES_WAIT_SECONDS=30 how long to wait for each server to answer after starting it
set -euo pipefail

case "${SKIP_SERVICES:-}" in 1 | true | yes) exit 0 ;; esac

PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" # mariadbd and start-stop-daemon live in sbin
WAIT_SECONDS=${SERVICES_WAIT_SECONDS:-30}
TMP=${TMPDIR:-/tmp}

log() { printf 'services.sh: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------- URLs
urldecode() { # urldecode VAR encoded -> VAR (percent-decoding only; '+' is literal in userinfo)
  local s=${2//\\/\\\\}
  printf -v "$1" '%b' "${s//%/\\x}"
}

# parse_url PREFIX URL DEFAULT_PORT -> PREFIX_USER PREFIX_PASS PREFIX_HOST PREFIX_PORT
parse_url() {
  local prefix=$1 url=$2 default_port=$3 rest authority hostport userinfo="" user="" pass="" host port=""
  rest=${url#*://}
  authority=${rest%%[/?#]*}
  if [[ $authority == *@* ]]; then
    userinfo=${authority%@*}
    hostport=${authority##*@}
  else
    hostport=$authority
  fi
  if [[ -n $userinfo ]]; then
    urldecode user "${userinfo%%:*}"
    [[ $userinfo == *:* ]] && urldecode pass "${userinfo#*:}"
  fi
  if [[ $hostport == \[* ]]; then # [::1]:3306
    host=${hostport#\[}
    host=${host%%\]*}
    [[ $hostport == *\]:* ]] && port=${hostport##*\]:}
  else
    host=${hostport%%:*}
    [[ $hostport == *:* ]] && port=${hostport##*:}
  fi
  host=${host,,}
  printf -v "${prefix}_USER" '%s' "$user"
  printf -v "${prefix}_PASS" '%s' "$pass"
  printf -v "${prefix}_HOST" '%s' "${host:-localhost}"
  printf -v "${prefix}_PORT" '%s' "${port:-$default_port}"
}

is_loopback() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

parse_url DB "${DATABASE_URL:-mysql://root@127.0.0.1:3306/identity}" 3306
parse_url REDIS "${REDIS_URL:-redis://127.0.0.1:6379}" 6379

check_db=0 check_redis=0
if is_loopback "$DB_HOST"; then check_db=1; fi
if is_loopback "$REDIS_HOST"; then check_redis=1; fi
if ((check_db)) && [[ ! $DB_PORT =~ ^[0-9]+$ ]]; then log "DATABASE_URL has no valid port: $DB_PORT" && exit 1; fi
if ((check_redis)) && [[ ! $REDIS_PORT =~ ^[0-9]+$ ]]; then log "REDIS_URL has no valid port: $REDIS_PORT" && exit 1; fi
((check_db || check_redis)) || exit 0

# -------------------------------------------------------------------------------------------- probes
tcp_probe() { # tcp_probe HOST PORT mysql|redis: bash /dev/tcp fallback when no client is installed
  local runner=()
  command -v timeout >/dev/null && runner=(timeout 3)
  # shellcheck disable=SC2016 # the inner script expands its own positional parameters
  "${runner[@]}" bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    if [[ $3 == redis ]]; then
      printf "PING\r\n" >&3
      IFS= read -r -t 2 line <&3 || exit 1
      [[ $line == +PONG* || $line == -NOAUTH* || $line == -WRONGPASS* ]]
    else
      IFS= read -r -t 2 -N 1 _ <&3 # the server greets first
    fi' _ "$1" "$2" "$3" 2>/dev/null
}

# 0: answers and the URL's credentials log in; 2: answers but refuses the login; 1: does not answer
mysql_probe() {
  local admin out rc=0 args=()
  admin=$(command -v mariadb-admin || command -v mysqladmin || true)
  if [[ -z $admin ]]; then
    tcp_probe "$DB_HOST" "$DB_PORT" mysql && return 0
    return 1
  fi
  [[ -n $DB_USER ]] && args=(-u "$DB_USER")
  # mysqladmin ping exits 0 whenever the server answers, even if the login is refused; "is alive" is
  # printed only after a successful login.
  out=$(MYSQL_PWD=$DB_PASS "$admin" --no-defaults --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" "${args[@]}" \
    --connect-timeout=2 ping 2>&1) || rc=$?
  if ((rc == 0)) && [[ $out == *"is alive"* ]]; then return 0; fi
  DB_LOGIN_ERROR=$out
  if ((rc == 0)); then return 2; fi
  # A refusal before the login (ERROR 1130 "Host ... is not allowed", a blocked host, too many connections)
  # makes mysqladmin fail, yet the server is up.
  case $out in
  *"is not allowed to connect"* | *"is blocked"* | *"Too many connections"* | *"Access denied"*) return 2 ;;
  esac
  return 1
}

redis_probe() { # 0: answers, 1: does not
  local out
  if ! command -v redis-cli >/dev/null; then
    tcp_probe "$REDIS_HOST" "$REDIS_PORT" redis
    return
  fi
  local args=(-h "$REDIS_HOST" -p "$REDIS_PORT")
  [[ -n $REDIS_USER ]] && args+=(--user "$REDIS_USER")
  out=$(REDISCLI_AUTH=$REDIS_PASS redis-cli "${args[@]}" ping 2>&1) || true
  [[ $out == *PONG* || $out == *NOAUTH* || $out == *WRONGPASS* ]]
}

DB_LOGIN_ERROR=""
db_state=0 redis_state=0
if ((check_db)); then mysql_probe || db_state=$?; fi
if ((check_redis)); then redis_probe || redis_state=$?; fi
((db_state == 0 && redis_state == 0)) && exit 0 # the common, fast path

# ------------------------------------------------------------------------------------- slow path
# Serialise concurrent runs (two `npm test` at once must not both run apt-get), then look again.
# Everything long-lived started below gets `9>&-`, or the daemon would inherit fd 9 and hold the lock.
if command -v flock >/dev/null && exec 9>"$TMP/identity-services-$EUID.lock"; then
  flock -w 300 9 || true
fi
db_state=0 redis_state=0
if ((check_db)); then mysql_probe || db_state=$?; fi
if ((check_redis)); then redis_probe || redis_state=$?; fi
((db_state == 0 && redis_state == 0)) && exit 0

can_root() {
  if [[ -z ${CAN_ROOT:-} ]]; then
    CAN_ROOT=0
    if ((EUID == 0)); then
      CAN_ROOT=1
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      CAN_ROOT=1
    fi
  fi
  ((CAN_ROOT == 1))
}
as_root() { if ((EUID == 0)); then "$@"; else sudo -n "$@"; fi; }

mysql_server() { command -v mariadbd || command -v mysqld || true; }

# A server this script starts for a loopback URL listens on that loopback address only.
mysql_bind_address() { if [[ $DB_HOST == ::1 ]]; then echo ::1; else echo 127.0.0.1; fi; }

# What has to happen, and can it?
missing_pkgs=()
((db_state == 1)) && [[ -z $(mysql_server) ]] && missing_pkgs+=(mariadb-server)
((redis_state == 1)) && ! command -v redis-server >/dev/null && missing_pkgs+=(redis-server)

instructions() {
  local mysql_port_arg=""
  [[ $DB_PORT != 3306 ]] && mysql_port_arg=" --port=$DB_PORT"
  {
    echo
    echo "Run these as root:"
    if ((${#missing_pkgs[@]})); then
      echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing_pkgs[*]}"
    fi
    if ((db_state == 1)); then
      echo "  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld"
      echo "  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=$(mysql_bind_address)$mysql_port_arg"
    fi
    if ((db_state != 0)) && [[ $DB_USER == root && -z $DB_PASS ]]; then
      echo "  # once, after a fresh install (root logs in by unix socket only); root stays local-only:"
      echo "  mariadb -uroot -e \"ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket\""
    fi
    if ((redis_state == 1)); then
      echo "  redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --save \"\" --appendonly no"
    fi
    echo "or, with Docker (both published on 127.0.0.1):"
    echo "  docker compose -f docker/compose.yml -f docker/compose.ports.yml up -d mysql redis"
    echo "or point DATABASE_URL / REDIS_URL at running servers, or set SKIP_SERVICES=1 to skip this check."
  } >&2
}

fail() {
  log "$*"
  instructions
  exit 1
}

if ((db_state == 1)) && ! can_root; then
  fail "MySQL is not answering on $DB_HOST:$DB_PORT, and starting it needs root."
fi
if ((${#missing_pkgs[@]})); then
  if ! can_root || ! command -v apt-get >/dev/null; then
    fail "not installed: ${missing_pkgs[*]} (and cannot install it here: needs root and apt-get)."
  fi
  apt_log=$(mktemp "$TMP/identity-apt.XXXXXX")
  log "installing ${missing_pkgs[*]} with apt-get (log: $apt_log)"
  if ! {
    as_root apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_pkgs[@]}"
  } </dev/null >"$apt_log" 2>&1 9>&-; then
    tail -n 20 "$apt_log" >&2
    fail "apt-get failed."
  fi
  # A package's postinst may have started the server already.
  db_state=0 redis_state=0
  if ((check_db)); then mysql_probe || db_state=$?; fi
  if ((check_redis)); then redis_probe || redis_state=$?; fi
fi

# ------------------------------------------------------------------------------------------- start
start_mysql() {
  local bin datadir port_args=()
  bin=$(mysql_server)
  [[ -n $bin ]] || fail "no mariadbd or mysqld found."
  [[ $DB_PORT != 3306 ]] && port_args=(--port="$DB_PORT")
  as_root mkdir -p /run/mysqld
  as_root chown mysql:mysql /run/mysqld
  datadir=$("$bin" --verbose --help 2>/dev/null | awk '$1 == "datadir" { print $2 }' || true)
  datadir=${datadir:-/var/lib/mysql}
  if ! as_root test -d "$datadir/mysql" && command -v mariadb-install-db >/dev/null; then
    log "initialising a new MariaDB data directory in $datadir"
    as_root mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db </dev/null >/dev/null 2>&1 9>&- ||
      fail "mariadb-install-db failed."
  fi
  MYSQL_OUT=$(mktemp "$TMP/identity-mysqld.XXXXXX")
  log "starting $bin on $(mysql_bind_address) port $DB_PORT, loopback only (output: $MYSQL_OUT)"
  as_root start-stop-daemon --start --oknodo --background --output "$MYSQL_OUT" \
    --exec "$bin" -- --user=mysql --bind-address="$(mysql_bind_address)" "${port_args[@]}" </dev/null >/dev/null 9>&-
}

start_redis() {
  local dir=/var/lib/redis
  command -v redis-server >/dev/null || fail "redis-server not found."
  [[ -d $dir && -w $dir ]] || dir=$TMP
  REDIS_LOG=$(mktemp "$TMP/identity-redis.XXXXXX")
  log "starting redis-server on 127.0.0.1 and ::1 port $REDIS_PORT, no persistence (log: $REDIS_LOG)"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$dir" --logfile "$REDIS_LOG" </dev/null >/dev/null 9>&-
}

((db_state == 1)) && start_mysql
((redis_state == 1)) && start_redis

wait_for() { # wait_for NAME PROBE -> 0 as soon as PROBE says it answers (exit status 0 or 2)
  local name=$1 probe=$2 rc deadline=$((SECONDS + WAIT_SECONDS))
  while :; do
    rc=0
    "$probe" || rc=$?
    ((rc != 1)) && return "$rc"
    ((SECONDS >= deadline)) && break
    sleep 0.25
  done
  log "$name did not answer within ${WAIT_SECONDS}s."
  return 1
}

if ((db_state == 1)); then
  db_state=0
  wait_for MySQL mysql_probe || db_state=$?
  if ((db_state == 1)); then
    [[ -n ${MYSQL_OUT:-} ]] && tail -n 20 "$MYSQL_OUT" >&2
    as_root tail -n 10 /var/log/mysql/error.log >&2 2>/dev/null || true
    fail "MySQL did not start."
  fi
fi
if ((redis_state == 1)); then
  if ! wait_for Redis redis_probe; then
    [[ -n ${REDIS_LOG:-} ]] && tail -n 20 "$REDIS_LOG" >&2
    fail "Redis did not start."
  fi
  redis_state=0
fi

# ---------------------------------------------------------------------------------- MariaDB's root
# A fresh Debian MariaDB lets root in through the unix socket only. When the URL asks for root with an
# empty password over TCP, and root has no password of its own, allow that (keeping socket login), for
# local connections only: the accounts changed or created are root@localhost, root@127.0.0.1, root@'::1'.
root_has_no_password() { # root_has_no_password "CREATE USER ... USING '<hash>' ..." (SHOW CREATE USER)
  # Every quoted literal must be empty or 'invalid' (the fresh-install placeholder); names use backticks.
  local rest=$1 value
  while [[ $rest == *"'"*"'"* ]]; do
    rest=${rest#*"'"}
    value=${rest%%"'"*}
    rest=${rest#*"'"}
    [[ -z $value || $value == invalid ]] || return 1
  done
}

if ((db_state == 2)); then
  if [[ $DB_USER == root && -z $DB_PASS ]] && can_root && command -v mariadb >/dev/null; then
    current=$(as_root mariadb -uroot --protocol=SOCKET -N -B -e 'SHOW CREATE USER root@localhost' 2>/dev/null || true)
    # Only a root with no real password of its own ('invalid' is the fresh-install placeholder).
    if [[ -n $current ]] && root_has_no_password "$current"; then
      as_root mariadb -uroot --protocol=SOCKET -e \
        "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;" ||
        fail "could not change root's authentication."
      log "changed MariaDB's root@localhost: it may now log in with an empty password, by unix socket or by TCP" \
        "from this machine only (it was unix socket only); no remote root account was created"
      remote=$(as_root mariadb -uroot --protocol=SOCKET -N -B -e "SELECT GROUP_CONCAT(CONCAT('root@', QUOTE(host))
        SEPARATOR ', ') FROM mysql.user WHERE user = 'root' AND host NOT IN ('localhost', '127.0.0.1', '::1')" \
        2>/dev/null || true)
      if [[ -n $remote && $remote != NULL ]]; then
        log "warning: this MariaDB also has $remote, which this script did not create; check its password"
      fi
      db_state=0
      mysql_probe || db_state=$?
      if ((db_state == 2)); then
        # With skip-name-resolve a TCP client is root@127.0.0.1 / root@::1, not root@localhost.
        if as_root mariadb -uroot --protocol=SOCKET -e "
          CREATE USER IF NOT EXISTS root@'127.0.0.1' IDENTIFIED BY '';
          GRANT ALL PRIVILEGES ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;
          CREATE USER IF NOT EXISTS root@'::1' IDENTIFIED BY '';
          GRANT ALL PRIVILEGES ON *.* TO root@'::1' WITH GRANT OPTION;"; then
          log "added MariaDB accounts root@127.0.0.1 and root@'::1' with an empty password (the server skips" \
            "name resolution, so loopback TCP logins need them); loopback only"
        fi
        db_state=0
        mysql_probe || db_state=$?
      fi
    fi
  fi
  if ((db_state == 2)); then
    # The server runs, which is this script's job; the application will report the login error itself.
    log "warning: MySQL on $DB_HOST:$DB_PORT answers but refuses DATABASE_URL's login:" \
      "${DB_LOGIN_ERROR##*error: }"
    if [[ $DB_USER == root && -z $DB_PASS ]]; then
      log "if root is meant to have no password, run as root: mariadb -uroot -e \"ALTER USER root@localhost IDENTIFIED VIA" \
        "mysql_native_password USING PASSWORD('') OR unix_socket\""
    fi
  fi
fi
exit 0
